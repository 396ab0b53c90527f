import Testing
@testable import PyRuntime

/// The str methods and slots as Python code calls them (through method lookup and the
/// argument parsers), against python3: results and error messages.
@Suite struct StrMethodTests2 {
  @Test(.enabled(if: TextOracle.isAvailable, "needs python3 (CPython 3.11)"))
  func searching() throws {
    try TextDifferential.check([
      "'abcabc'.find('c')", "'abcabc'.find('c', 3)", "'abcabc'.find('c', -2, -1)", "'abcabc'.rfind('b')",
      "'abc'.find()", "'abc'.find(1)", "'abc'.find('a', 'x')", "'abc'.find('a', 1, 2, 3)", "'abc'.find('a', None, None)",
      "'abc'.find('', 5)", "'abc'.find('', 3)", "'abc'.index('z')", "'abc'.rindex('a')", "'abc'.index('a', 1)",
      "'aaaa'.count('aa')", "'abc'.count('')", "'abc'.count('', 10)", "'abc'.count()", "'abc'.find('a', start=1)",
      "'abc'.startswith('a')", "'abc'.startswith(('x', 'ab'))", "'abc'.startswith('b', 1)", "'abc'.endswith('bc', 0, 3)",
      "'abc'.endswith(('a', 1))", "'abc'.startswith(1)", "'abc'.startswith()", "'abc'.startswith('', 4)",
      "'abc'.endswith('', 3)", "'abc'.find('b', 10**30)", "'abc'.find('b', -10**30)", "'a' in 'abc'", "'' in 'abc'",
      "'d' in 'abc'", "1 in 'abc'", "'é' in 'café'", "'€' in 'abc'", "'abc'.replace('b', 'XY')",
      "'aaa'.replace('a', 'b', 2)", "'abc'.replace('', '-')", "'abc'.replace('', '-', 2)", "'abc'.replace(1, 2)",
      "'abc'.replace('a')", "'abc'.replace('a', 'b', 'c')", "'abc'.replace('x', 'y')", "'aéa'.replace('a', '€')",
      "'abc'.partition('b')", "'abc'.partition('x')", "'abc'.rpartition('x')", "'abcb'.rpartition('b')",
      "'abc'.partition('')", "'abc'.partition(1)", "'abc'.removeprefix('ab')", "'abc'.removesuffix('bc')",
      "'abc'.removeprefix('x')", "'abc'.removeprefix(1)", "'abc'.removesuffix()",
    ])
  }

  @Test(.enabled(if: TextOracle.isAvailable, "needs python3 (CPython 3.11)"))
  func splittingAndJoining() throws {
    try TextDifferential.check([
      "'a b  c '.split()", "'a,b,,c'.split(',')", "'a,b,c'.split(',', 1)", "'a,b,c'.rsplit(',', 1)",
      "'abc'.split(sep='b', maxsplit=1)", "'abc'.split(maxsplit='x')", "'abc'.split('a', 'b', 'c')", "'abc'.split(1)",
      "'abc'.split('')", "'abc'.split(x=1)", "'abc'.split('a', sep='b')", "'  a b '.rsplit(None, 1)",
      "'a\\u2003b\\x1cc'.split()", "'abc'.rsplit(maxsplit=1, sep=None)", "'-'.join(['a', 'b', 'c'])", "''.join([])",
      "'-'.join('abc')", "'abc'.join(1)", "'abc'.join([1])", "', '.join(['a', 2])", "''.join()", "'abc'.join(x=1)",
      "'é'.join(['a', '€'])", "'a\\nb\\r\\nc\\rd'.splitlines()", "'a\\nb\\r\\nc'.splitlines(True)",
      "'a\\x0bb\\x0cc\\x1cd\\x85e\\u2028f'.splitlines()", "'abc'.splitlines(keepends=True)", "'abc'.splitlines(1.5)",
      "'abc'.splitlines(1, 2)", "''.splitlines()", "'\\n'.splitlines()", "'  abc  '.strip()", "'xxabcxx'.strip('x')",
      "'abc'.lstrip('ab')", "'abc'.rstrip('bc')", "'abc'.strip(1)", "'abc'.strip('a', 'b')", "'abc'.strip(None)",
      "'\\u3000a\\x85'.strip()",
    ])
  }

  @Test(.enabled(if: TextOracle.isAvailable, "needs python3 (CPython 3.11)"))
  func layout() throws {
    try TextDifferential.check([
      "'abc'.center(9)", "'abc'.center(8, '*')", "'ab'.center(7, '*')", "'abc'.center(2)", "'abc'.center()",
      "'abc'.center(5, 'ab')", "'abc'.center(5, 1)", "'abc'.center('x')", "'abc'.center(5, fillchar='x')",
      "'abc'.ljust(6, '€')", "'abc'.rjust(6)", "'abc'.rjust(-1)", "'x'.ljust(3, '')", "'42'.zfill(5)", "'-42'.zfill(5)",
      "'+42'.zfill(2)", "'abc'.zfill('x')", "'abc'.zfill()", "''.zfill(3)", "'a\\tb\\tc'.expandtabs()",
      "'a\\tb'.expandtabs(4)", "'ab\\ncd\\te'.expandtabs(3)", "'a\\tb'.expandtabs(0)", "'a\\tb'.expandtabs(-1)",
      "'a\\tb'.expandtabs(tabsize=2)", "'abc'.expandtabs('x')", "'abc'.expandtabs(1, 2)",
    ])
  }

  @Test(.enabled(if: TextOracle.isAvailable, "needs python3 (CPython 3.11)"))
  func slotsAndOperators() throws {
    try TextDifferential.check([
      "'abc'[1]", "'abc'[-1]", "'abc'[3]", "'abc'[-4]", "'abc'[10**30]", "'abc'[1.0]", "'abc'['x']", "'abc'[True]",
      "'abcdef'[1:4]", "'abcdef'[::2]", "'abcdef'[::-1]", "'abcdef'[-2:]", "'abcdef'[:-2]", "'abcdef'[4:1:-1]",
      "'abc'[1:2:0]", "'abc'[1.5:2]", "'abc'[None:None:None]", "'abc'[10**30:]", "'abc'[:-10**30]", "'é€😀'[1]",
      "'é€😀a'[::2]", "'abc' + 'def'", "'abc' + 1", "1 + 'abc'", "'ab' * 3", "3 * 'ab'", "'ab' * 0", "'ab' * -2",
      "'abc' * 'x'", "'abc' * 1.5", "'abc' * (10**30)", "'ab' * True", "'a' < 'b'", "'a' < 'ab'", "'é' > 'z'",
      "'😀' > '€'", "'a' < 1", "'a' == 1", "'a' != 'a'", "'abc' == 'abc'", "'a' >= 'a'", "len('é€😀')", "len('')",
      "str()", "str('x')", "str(42)", "str(b'x')", "str(b'abc', 'utf-8')", "str(b'\\xff', 'utf-8')",
      "str(b'\\xff', 'utf-8', 'replace')", "str(b'abc', encoding='ascii')", "str(b'x', 'nope')", "str(object=1)",
      "str(x=1)", "str('a', 'b')", "str(1, 'utf-8')", "str(b'x', 'utf-8', 'strict', 1)", "str(b'a', errors='ignore')",
      "str(b'a', 1)", "str(1.5)", "str(None)", "str(True)", "repr('a\\'b')", "repr('a\\x00\\u200b😀')",
      "ascii('a€😀\\xe9')", "ascii(b'\\xff')", "ascii(['é'])", "str.maketrans('ab', 'xy')",
      "str.maketrans({'a': 1, 2: 'b'})", "str.maketrans('a', 'b', 'c')", "str.maketrans(1)", "str.maketrans('ab', 'a')",
      "str.maketrans({'ab': 1})", "str.maketrans({1.5: 'a'})", "str.maketrans(1, 'a')", "str.maketrans('a', 'b', 1)",
      "str.maketrans()", "'abc'.translate({97: 'x', 98: None, 99: 100})", "'abc'.translate(str.maketrans('ab', 'AB'))",
      "'abc'.translate({97: 1.5})", "'abc'.translate({97: 0x110000})", "'abc'.translate(1)", "'abc'.translate('xyz')",
      "'aaa'.translate({97: '€€'})",
    ])
  }

  @Test(.enabled(if: TextOracle.isAvailable, "needs python3 (CPython 3.11)"))
  func dunderMethods() throws {
    try TextDifferential.check([
      "'abc'.__len__()", "'a'.__add__('b')", "'a'.__add__(1)", "'a'.__mul__(3)", "'a'.__rmul__(3)", "'%s!'.__mod__(1)",
      "'a'.__rmod__('%s')", "'abc'.__contains__('b')", "'abc'.__getitem__(-1)", "'abc'.__getitem__(slice(0, 2))",
      "str.__new__(str, 'x')", "str.__new__(str)", "str.__new__(1)", "str.__new__()", "'a'.__mul__(1.5)",
      "'a'.__rmul__('x')", "'a'.__mod__(1)", "'a'.__rmod__(1)", "b'a'.__add__('a')", "b'a'.__mul__(2)", "b'a'.__rmul__(b'')", "'x'.__getnewargs__()", "'a'.__eq__('a')",
      "'a'.__lt__('b')", "'a'.__lt__(1)", "'a'.__ge__('a')", "'abc'.__str__()", "'a\\n'.__repr__()",
      "'abc'.__iter__().__next__()", "'é'.__iter__().__length_hint__()", "'abc'.__sizeof__()", "'é'.__sizeof__()",
      "b'ab'.__len__()", "b'ab'.__getitem__(0)", "b'ab'.__add__(b'c')", "b'ab'.__contains__(97)", "bytes.__new__(bytes, 2)",
      "b'ab'.__iter__().__next__()", "b'a'.__getnewargs__()", "(5).__format__('>3')", "(2.5).__format__('')",
      "True.__format__('')", "True.__format__('^5')",
    ])
  }

  @Test(.enabled(if: TextOracle.isAvailable, "needs python3 (CPython 3.11)"))
  func codecs() throws {
    try TextDifferential.check([
      "'abc'.encode()", "'é€😀'.encode()", "'é€😀'.encode('utf-8')", "'é'.encode('latin-1')", "'é'.encode('ascii')",
      "'é€'.encode('latin-1')", "'aé€😀'.encode('ascii', 'ignore')", "'aé€😀'.encode('ascii', 'replace')",
      "'aé€😀'.encode('ascii', 'backslashreplace')", "'aé€😀'.encode('latin1', 'xmlcharrefreplace')",
      "'é€x'.encode('ascii')", "'abc'.encode('nope')", "'abc'.encode(errors='x')", "'é'.encode(errors='x')",
      "'\\udc80'.encode()", "'a\\udc80\\udcff'.encode('utf-8', 'surrogateescape')",
      "'\\ud800'.encode('utf-8', 'surrogatepass')", "'abc'.encode('UTF8')", "'abc'.encode('Latin_1')",
      "'abc'.encode('US-ASCII')", "'abc'.encode(1)", "'abc'.encode('utf-8', 'strict', 1)", "'abc'.encode(foo=1)",
      "b'abc'.decode()", "b'\\xc3\\xa9'.decode()", "b'\\xff'.decode()", "b'\\xff'.decode('ascii')",
      "b'a\\xffb'.decode('utf-8', 'replace')", "b'a\\xffb'.decode('utf-8', 'ignore')",
      "b'a\\xffb'.decode('utf-8', 'backslashreplace')", "b'a\\xffb'.decode('utf-8', 'surrogateescape')",
      "b'\\xe2\\x82'.decode()", "b'\\xe2\\x82x'.decode()", "b'\\xf0\\x9f\\x98'.decode('utf-8', 'replace')",
      "b'\\xed\\xa0\\x80'.decode()", "b'\\xed\\xa0\\x80'.decode('utf-8', 'surrogatepass')", "b'\\xe9'.decode('latin-1')",
      "b'\\x80abc'.decode('ascii', 'replace')", "b'ab'.decode('nope')", "b'a'.decode(1)", "b'abc'.decode(x=1)",
      "b'\\xc0\\x80'.decode()", "b'\\xf4\\x90\\x80\\x80'.decode()",
    ])
  }
}
