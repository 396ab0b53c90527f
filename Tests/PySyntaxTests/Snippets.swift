/// Python sources that CPython 3.11 accepts, each exercising one area of the tokenizer.
/// Used by the differential tests against the `tokenize` module.
enum Snippets {
  static let valid: [[UInt8]] = texts.map { Array($0.utf8) } + binary

  private static let texts: [String] = [
    // 1. The smallest programs.
    "",
    "\n\n\n",
    "x = 1",
    "# only a comment",
    "x = 1  # trailing comment, no newline",
    "x = 1\n   ",
    "pass\n# comment at end without newline",
    // 2. Indentation: nesting, several DEDENTs at once, DEDENT at end of input.
    "if a:\n    if b:\n        c\n    d\ne\n",
    "def f():\n    if x:\n        return 1\n        # deep comment",
    "class C:\n    def m(self):\n        pass\n\n\n    def n(self):\n        pass\n",
    "if x:\n\tif y:\n\t\tz = 1\n\tw = 2\n",
    "if x:\n    pass\n  # comment at an odd indentation\nelse:\n    pass\n",
    "if x:\n    a\n    \n\n    b\n",
    "for i in range(3):\n    print(i)\nelse:\n    print('done')\n",
    // 3. Implicit and explicit line joining.
    "x = [\n    1,  # one\n\n    2,\n]\n",
    "foo(a,\n    b,\n        c)\n",
    "d = {\n  'a': (1,\n        2),\n  # comment inside braces\n}\n",
    "x = 1 + \\\n    2 + \\\n        3\n",
    "if a and \\\n   b:\n    pass\n",
    "x = 1 \\\n\ny = 2\n",
    // 4. Numbers.
    "n = [0, 00, 0_0, 7, 1_000_000, 0x_FF, 0XdeadBEEF, 0o17, 0O_7, 0b1010, 0B_1_0]\n",
    "f = [0.0, 1., .5, 1e10, 1E-5, 1.5e+3, 1_0.0_1e1_0, 09.5, 0e0, 00.0]\n",
    "c = [1j, 1J, 0j, 1.5j, 1e3j, .5j, 09j, 0777j]\n",
    "y = 1if x else 2\nz = [0x1for x in y]\nw = 1 or 2\n",
    "a = 1 .real\nb = 1..real\nc = x[1:2]\n",
    // 5. Strings: prefixes, quotes, escapes, continuation, f-strings.
    #"s = ['a', "b", '''c''', """d""", r'\e', R"\f", b'g', B"h", u'i', U"j", f'k', F"l"]"# + "\n",
    #"t = [rb'\a', Rb"b", bR'c', BR"d", rB'e', br'f', Br"g", fr'h', Fr"i", fR'j', rf'k', RF"l"]"# + "\n",
    #"e = ['it\'s', "say \"hi\"", '\\', "\n\t\x41\u00e9\N{BULLET}", r"\"", '''a'b"c''']"# + "\n",
    "doc = \"\"\"first line\n  second line \\\"\"\" still\n\"\"\"\nx = '''\n'''\n",
    "s = 'abc\\\ndef'\nt = \"x\\\n\\\ny\"\n",
    #"f = f"{a['b']}" + f'{x!r:>{width}}' + f"{{literal}}" + rf"\d{x}""# + "\n",
    "empty = ['', \"\", '''''', \"\"\"\"\"\"]\n",
    // 6. Operators and delimiters.
    "a += 1; a -= 1; a *= 2; a /= 2; a //= 2; a %= 2; a **= 2; a >>= 1; a <<= 1\n",
    "a &= b; a |= b; a ^= b; a @= b; x = a @ b\n",
    "r = (a == b, a != b, a <= b, a >= b, a < b, a > b, ~a, -a, +a, a ** b, a // b)\n",
    "def f(a, *args, b: int = 1, **kw) -> None: ...\n",
    "if (n := len(a)) > 10: pass\nx = a[...]\nfrom .. import m\nfrom ... import n\n",
    "@decorator\n@other.deco(1)\nclass K: pass\n",
    // 7. Names: keywords, soft keywords, non-ASCII identifiers and text.
    "match command:\n    case [x, _]:\n        pass\n    case _:\n        pass\n",
    "async def f():\n    await g()\n    async with a as b:\n        pass\n",
    "café = 'crème brûlée'\nπ = 3.14159\n名前 = \"値\"  # コメント\n",
    "emoji = '😀 ☃' ; x = len('𝔘𝔫𝔦𝔠𝔬𝔡𝔢')\n",
    "ŝ = 1; x = ŝ + 1  # ŝŝŝ\n",
    "lambda x: x\nglobal g\nnonlocal n\ndel d\nassert a, b\nraise E from e\n",
    "try:\n    pass\nexcept* ValueError as e:\n    pass\nfinally:\n    pass\n",
    "x = 1  # type: int\ndef f(a):  # type: (int) -> None\n    pass\n",
    // 8. Line terminators and form feeds.
    "x = 1\r\nif x:\r\n    y = 2\r\n\r\n# c\r\nz = (1,\r\n     2)\r\n",
    "\u{0C}\ndef f():\n    pass\n\u{0C}\nclass C:\n    pass\n",
    "x = \"\"\"a\r\nb\"\"\"\r\n",
  ]

  private static let binary: [[UInt8]] = [
    // Latin-1 source with a coding cookie on line 1 and on line 2.
    Array("# -*- coding: latin-1 -*-\ns = '".utf8) + [0xE9, 0xE8] + Array("'\nx = 1\n".utf8),
    Array("#!/usr/bin/env python\n# coding=iso-8859-1\nname = 'caf".utf8) + [0xE9] + Array("'\n".utf8),
    // UTF-8 byte-order mark, with and without a cookie.
    [0xEF, 0xBB, 0xBF] + Array("x = 'é'\n".utf8),
    [0xEF, 0xBB, 0xBF] + Array("# coding: utf-8\ny = 2\n".utf8),
  ]
}
