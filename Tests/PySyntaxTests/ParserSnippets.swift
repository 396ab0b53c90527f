/// Sources for the parser's differential tests: valid programs covering the grammar, and
/// mistakes whose `SyntaxError` must match CPython's.
enum ParserSnippets {
  static let valid: [[UInt8]] = validTexts.map { Array($0.utf8) } + validBinary

  private static let validTexts: [String] = [
    // Simple statements.
    "",
    "pass\n",
    "x = 1",
    "x = y = z = 0\na, b = b, a\n[c, *d] = e\n(f, (g, h)), = i\n*j, = k\n",
    "x += 1; y -= 2; z *= 3; w @= m; v /= 2; u //= 2; t %= 2; s **= 2; r >>= 1; q <<= 1; p &= 1; o |= 1; n ^= 1\n",
    "x: int\ny: list[int] = []\n(z): str = 's'\na.b: int = 1\nc[0]: float\nd: int = yield\n",
    "del a, b[0], c.d, (e, f), [g]\ndel (h)\n",
    "import a, b.c as d, e.f.g\nfrom . import h\nfrom ..i import j as k, l\nfrom ...m.n import (o, p,)\nfrom q import *\n",
    "global a, b\nnonlocal c\nassert x, 'message'\nassert y\nraise\nraise E\nraise E from None\n",
    "return\nreturn x\nreturn *a, b\nbreak\ncontinue\n",
    "x = yield\ny = yield from z\nyield a, *b\nawait something\n",
    // Expressions: operators, precedence, comparisons, boolean logic.
    "x = 1 + 2 * 3 ** -4 ** 5 // 6 % 7 @ 8 - ~9 << 10 >> 11 & 12 ^ 13 | 14\n",
    "x = a < b <= c > d >= e == f != g is h is not i in j not in k\n",
    "x = not a and b or c and not d or e\ny = a or b or c\nz = a and b and c\n",
    "x = a if b else c if d else e\ny = (lambda: 0) if p else lambda q, *r, s=1, **t: q\n",
    "x = -1\ny = +x\nz = --x\nw = not not x\nv = ~-+x\nu = -2 ** 2\n",
    "x = (a := 10)\nif (n := len(s)) > 3: pass\nwhile chunk := f.read(): pass\ny = [z := 1, z + 1]\nf(w := 1)\nx[v := 0]\n",
    // Atoms and displays.
    "x = (1,)\ny = ()\nz = (1, 2, 3,)\nw = [1, 2, *a]\nv = {1, 2, *b}\nu = {}\nt = {1: 2, **c, 3: 4}\n",
    "x = [i for i in range(10) if i % 2 if i > 3 for j in range(i)]\n",
    "x = {k: v for k, v in d.items()}\ny = {e for e in s}\nz = (g for g in h)\nw = [a async for a in b]\n",
    "x = f(a, b, *c, d=1, *e, **g, h=2)\ny = f(x for x in y)\nz = f((x for x in y), 1)\nw = f(a)(b)(c)\n",
    "x = a[1]\ny = a[1:2]\nz = a[::3]\nw = a[1:2, ::3, ...]\nv = a[:]\nu = a[-1:]\nt = a[1,]\ns = a[*b]\nr = a[1:2, *c]\n",
    "x = a.b.c.d\ny = a.b().c[1].d()\nz = ...\nw = None, True, False\n",
    "x = [\n    1,\n    2,\n]\ny = (1 +\n     2)\nz = f(a,\n      b=c)\n",
    // Numbers.
    "x = [0, 00, 7, 1_000_000, 0xff, 0XDEAD_beef, 0o17, 0b1010, 0B_1]\n",
    "x = 123456789012345678901234567890\ny = 0x123456789abcdef0123456789abcdef\nz = 0o7777777777777777777777777\nw = 0b" + String(repeating: "1", count: 100) + "\n",
    "x = [0.0, 1., .5, 1e10, 1E-5, 1.5e+3, 1_0.0_1e1_0, 09.5, 1e16, 1e15, 0.0001, 0.00001, 1e400, 2.5e-324, 1e22]\n",
    "x = [1j, 1J, 0j, 1.5j, 1e3j, .5j, 09j, 1e16j, 1e400j, 123456789012345678j]\n",
    "x = [0.1, 0.2, 1/3, 123.456, 1e-7, 9007199254740993.0, 5e-324, 1.7976931348623157e308]\n",
    // Strings.
    "x = ['a', \"b\", '''c''', \"\"\"d\"\"\", r'\\e', b'f', B\"g\", u'h', Rb'i', rb\"j\"]\n",
    "x = 'it\\'s' \"say \\\"hi\\\"\" '\\\\' \"\\n\\t\\x41\\u00e9\\N{BULLET}\\U0001F600\"\n",
    "x = 'a' 'b' \"c\"\ny = u'd' 'e'\nz = 'f' u'g'\nw = b'h' b'i'\n",
    "x = '\\0\\x7f\\x80\\xa0\\xad\\u2028\\u200b\\ud800\\udfff\\U000e0001\\uffff\\U0010ffff'\n",
    "x = b'\\x00\\x7f\\x80\\xff\\'\\\"' + b\"'\" + b'\"' + b'\\t\\r\\n'\n",
    "x = \"'\" + '\"' + '\\'\"' + \"é ü ß 中 😀 \\u0301a\"\n",
    "x = '''multi\nline\\\ncontinued\n'''\n",
    "x = 'abc\\\ndef'\n",
    // f-strings.
    "x = f'{a}' f\"{b!r}\" f'{c!s:>10}' f'{d!a:{e}}' f'{{literal}}' f''\n",
    "x = f'{a=}' f'{ b = }' f'{c=!s}' f'{d=:>4}' f'{e = !r:^{w}.{p}}'\n",
    "x = f'{a[\"b\"]}' f\"{c['d']}\" f'{e:{f}{g}}' f'{h:x{i}y{j}z}'\n",
    "x = f'''{\n    a\n    + b\n}''' f'''\nline {c}\n  {d!r}'''\n",
    "x = 'plain' f'{a}' 'more' f'{b}{c}' \"tail\"\ny = f'a' 'b'\nz = '' f''\n",
    "x = rf'\\d{a}\\d' fr\"{b}\\n\" f'\\N{BULLET} {c}' f'{d}\\t'\n",
    "x = f'{a!r:{b!s}}' if False else f'{1:{2}}'\n",
    "x = f'{(lambda: 1)()}' f'{a if b else c}' f'{[i for i in j]}' f'{ {k: v} }' f'{a, b}' f'{*c,}'\n",
    "x = f'{yield}'\ny = f'{a := 1}' if 0 else f'{(b := 2)}'\nz = f'{a!=b}' f'{a==b}' f'{a<=b}' f'{a>=b}' f'{a<b}'\n",
    "x = (f'{a}'\n     f'{b}'\n     'c')\n",
    // Compound statements.
    "if a:\n    pass\nelif b:\n    pass\nelif c:\n    pass\nelse:\n    pass\n",
    "while x:\n    break\nelse:\n    pass\nfor i in range(3):\n    continue\nelse:\n    pass\nfor a, *b in c: pass\nfor (d, e) in f: pass\n",
    "try:\n    pass\nexcept E as e:\n    pass\nexcept (F, G):\n    pass\nexcept:\n    pass\nelse:\n    pass\nfinally:\n    pass\n",
    "try:\n    pass\nexcept* E:\n    pass\nexcept* (F, G) as g:\n    pass\nelse:\n    pass\nfinally:\n    pass\n",
    "try:\n    pass\nfinally:\n    pass\n",
    "with a: pass\nwith a as b, c as d: pass\nwith (a as b, c as d,): pass\nwith (a, b): pass\nwith (a, b) as c: pass\nwith (yield): pass\nwith a as (b, c): pass\n",
    "def f(): pass\ndef g(a, b=1, *args, c, d=2, **kwargs) -> int: return a\ndef h(a, /, b, *, c): pass\ndef i(a=1, /, b=2, *c: int, d: str = 'x', **e: float): pass\n",
    "def f(*args: *Ts): pass\ndef g(a, b, /): pass\ndef h(*, a): pass\nlambda: 0\nlambda a, /, b, *, c: 0\nlambda *a, **b: 0\nlambda a=1, *, b=2: 0\n",
    "@decorator\n@other.deco(1, x=2)\n@(lambda f: f)\n@a[0].b\ndef f(self):\n    pass\n\n@dataclass\nclass C(Base, metaclass=Meta, **kw):\n    x: int = 0\n    def m(self): return self.x\n",
    "class A: pass\nclass B(): pass\nclass C(D, E): pass\nclass F(*bases): pass\n",
    "async def f():\n    await x\n    async for a in b:\n        pass\n    async with c as d, e:\n        pass\n    return [i async for i in j] + [await k for k in l]\n",
    "def outer():\n    x = 1\n    def inner():\n        nonlocal x\n        global y\n        x += 1\n    return inner\n",
    "if a:\n    if b:\n        if c:\n            pass\n        else:\n            d\n    e\nf\n",
    "if x: a; b; c\nwhile y: d;\nfor z in w: e; f;\n",
    // match statements with every pattern kind.
    "match command:\n    case 1 | 2 | -3 | 1.5 | -2j | 1 + 2j | -1 - 2j | 'a' 'b' | b'c' | f'd':\n        pass\n    case None | True | False:\n        pass\n",
    "match p:\n    case x:\n        pass\n    case _:\n        pass\n    case a.b.c:\n        pass\n    case (y):\n        pass\n    case (1 | 2) as z:\n        pass\n",
    "match p:\n    case [a, *rest]:\n        pass\n    case (b, *_, c):\n        pass\n    case []:\n        pass\n    case ():\n        pass\n    case d, e:\n        pass\n    case *f, g,:\n        pass\n    case [h, [i, j], (k,)]:\n        pass\n",
    "match p:\n    case {'x': 1, 'y': y, **rest}:\n        pass\n    case {}:\n        pass\n    case {a.b: c, 1: d, -2: e, None: f}:\n        pass\n    case {**others}:\n        pass\n",
    "match p:\n    case Point(0, y=0):\n        pass\n    case Point(x, y):\n        pass\n    case a.Point(x=1, y=2,):\n        pass\n    case C():\n        pass\n    case C(D(e), f=[g, *h]):\n        pass\n",
    "match x, y:\n    case a if a > 0:\n        pass\n    case b if (c := b):\n        pass\nmatch *z, w:\n    case _: pass\nmatch (v):\n    case _: pass\n",
    "match = 1\nmatch.x = 2\nmatch[0] = 3\nmatch(4)\ncase = 5\n_ = 6\nprint(match, case, _)\n",
    "match x:\n    case 1:\n        match y:\n            case 2:\n                pass\n",
    // Soft keywords and names.
    "type = 1\n_ = 2\nmatch, case = 3, 4\ndef match(case): return case\n",
    "café = 1\nπ = 3.14\n名前 = '値'\nｗｉｄｔｈ = 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 + µ + ﬁ + ℌ\n",
    // Layout: comments, blank lines, continuation, CRLF, tabs, form feeds, no final newline.
    "# comment\n\nx = 1  # trailing\n\n\ndef f():\n    # inside\n\n    return 1\n",
    "x = 1 + \\\n    2 + \\\n        3\nif a and \\\n   b:\n    pass\n",
    "x = 1\r\nif x:\r\n    y = (1,\r\n         2)\r\n",
    "if x:\n\tif y:\n\t\tz = 1\n\tw = 2\n",
    "\u{0C}\ndef f():\n    pass\n\u{0C}\nclass C:\n    pass",
    "def f():\n    return 1",
    // Odd corners.
    "x = 1if y else 2\nz = [0x1for x in y]\n",
    "print(*a, sep='')\nprint(**b)\nf(*a, *b, **c, **d)\n",
    "x = a[b][c](d)(e)[f:g]\n(a)[0] = 1\n(a).b = 2\n[a][0] = 3\n",
    "x = (yield)\ny = [(yield)]\ndef g():\n    z = yield from (yield)\n",
    "for x, in y: pass\nfor [a, b] in c: pass\nfor d.e in f: pass\nfor g[0] in h: pass\n",
    "x = lambda: (yield)\ny = lambda a: lambda b: a + b\nz = [lambda: i for i in range(3)]\n",
    "assert isinstance(x, int), f'bad {x!r}'\nraise ValueError(f'{x}') from err\n",
    "x = {**a, **b}\ny = {*a, *b}\nz = [*a, *b]\nw = (*a, *b)\nv = *a, *b\n",
  ]

  private static let validBinary: [[UInt8]] = [
    // A Latin-1 cookie, a byte-order mark, Windows-1252.
    Array("# -*- coding: latin-1 -*-\ns = '".utf8) + [0xE9, 0xE8] + Array("'\n".utf8),
    [0xEF, 0xBB, 0xBF] + Array("x = 'é'\n".utf8),
    Array("# coding: cp1252\ns = '".utf8) + [0x80, 0x93] + Array("'\n".utf8),
    // Ill-formed UTF-8 in a comment is fine when reading bytes.
    Array("x = 1  # ".utf8) + [0xFF] + Array("\n".utf8),
  ]

  /// Mistakes, each with CPython's error (compared field by field and as printed).
  static let errors: [[UInt8]] = errorTexts.map { Array($0.utf8) } + errorBinary

  private static let errorTexts: [String] = [
    // The generic error and its location.
    "x = 1 +* 2\n",
    "x = 1 +\n",
    "import\n",
    "a <> b\n",
    "from . import *, a\n",
    "f(*)\n",
    // Forced tokens and missing colons.
    "def f:\n  pass\n",
    "def f() pass\n",
    "class A\n",
    "if x\n",
    "try pass\n",
    "with (a as b, c as d)\n",
    "match x:\n  case 1\n    pass\n",
    // Assignment targets.
    "f() = 1\n",
    "if x = 1: pass\n",
    "x + 1 = 2\n",
    "[x for x in y] = 1\n",
    "x = f() = 1\n",
    "True = 1\n",
    "del f()\n",
    "for f() in x: pass\n",
    "with a as f(): pass\n",
    "a, b += 1\n",
    "[a, b]: int\n",
    "f(): int\n",
    "x = yield = 1\n",
    "(x := 1) = 2\n",
    "yield x = 1\n",
    // Expressions.
    "print \"hello\"\n",
    "f(a b)\n",
    "a if b\n",
    "(*a)\n",
    "f(x for x in y, 1)\n",
    "f(a=1, b)\n",
    "f(**a, *b)\n",
    "f(a.b=1)\n",
    "f(True=1)\n",
    "x = [*a for a in b]\n",
    "x = [a, b for a in c]\n",
    "x = {a: b, c}\n",
    "x = {a: *b}\n",
    "x = {1: 2, f(a b): 3}\n",
    "if x  # comment\n    pass\n",
    // Parameters and patterns.
    "def f(a=1, b): pass\n",
    "def f(*, **k): pass\n",
    "def f(a, /, b, /): pass\n",
    "def f((a, b)): pass\n",
    "lambda a=1, b: 1\n",
    "match x:\n  case 1 as _:\n    pass\n",
    "match x:\n  case C(a=1, b):\n    pass\n",
    "match x:\n  case 1 + 2:\n    pass\n",
    // try/except.
    "try:\n    x\ny = 1\n",
    "try:\n  pass\nexcept E, F:\n  pass\n",
    "try:\n  pass\nexcept* E:\n  pass\nexcept:\n  pass\n",
    // Indentation.
    "if x:\npass\n",
    "for x in range(3):\n",
    "  x = 1\n",
    "x = 1\n  y = 2\n",
    "if x:\n    pass\n  else: pass\n",
    "if x:\n\tpass\n        pass\n",
    // Tokenizer errors, including ones found after a parser error.
    "x = 'abc\n",
    "x = (1,\ny = 2\nz = 3 +\n",
    "x = = 1\ny = 'unterminated\n",
    "x = 0777\n",
    "x = 1_000_\n",
    "x = )\n",
    "x = \"\"\"a\nb\"\"\" + \\ 3\n",
    String(repeating: "(", count: 300) + "\n",
    // Strings and f-strings.
    "x = \"\\x1\" + 1\n",
    "x = b\"é\"\n",
    "x = b'a' 'b'\n",
    "x = f'{}'\n",
    "x = f'{x!z}'\n",
    "x = f'}'\n",
    "x = f'{a b}'\n",
    "x = f'''\n{a\n b}'''\n",
    "x = f'{a[\"b\"]}'  f\"{a[\"b\"]}\"\n",
    // Literals too long for CPython.
    "x = " + String(repeating: "1", count: 4301) + "\n",
  ]

  private static let errorBinary: [[UInt8]] = [
    // Positions in bytes without a declared encoding, in code points with one.
    Array("é = b\"é\"\n".utf8),
    Array("# coding: utf-8\né = b\"é\"\n".utf8),
    // Ill-formed UTF-8 in a string and in a name; an unknown encoding; NUL.
    Array("print(\"b".utf8) + [0xF6] + Array("se\")\n".utf8),
    Array("x".utf8) + [0xFF] + Array(" = 1\n".utf8),
    Array("# coding: uft-8\nx = 1\n".utf8),
    Array("x = 1\n".utf8) + [0] + Array("\n".utf8),
  ]
}
