import Testing
@testable import PyRuntime

/// Reference counting of the text operations: after a warm-up pass (which fills the caches
/// the runtime keeps), running the same expressions again must leave exactly as many heap
/// blocks allocated as before: no result, temporary or exception is leaked.
@Suite struct TextLeakTests {
  static let lines = [
    "'abc'[1]", "'abcdef'[1:5:2]", "'abc'[10]", "'é€😀'[::-1]", "'abc' + 'd'", "'ab' * 3", "3 * 'x'", "'a' < 'b'",
    "'b' in 'abc'", "1 in 'abc'", "len('abc')", "list_of('aé€')", "list_of(b'ab')", "str(b'x')", "str(b'\\xff', 'utf-8')",
    "str(b'a\\xffb', 'utf-8', 'replace')", "bytes('é', 'ascii')", "bytes([1, 2, 3])", "bytes(5)", "bytes(['a'])",
    "'a b c'.split()", "'a,b'.split(',')", "'a,b,c'.rsplit(',', 1)", "'x'.join(['a', 'b'])", "'x'.join([1])",
    "'  a '.strip()", "'abc'.replace('b', 'XY')", "'abc'.find('c')", "'abc'.index('z')", "'abc'.count('')",
    "'abc'.startswith(('x', 'a'))", "'abc'.partition('b')", "'a\\tb'.expandtabs()", "'ab'.center(7, '*')",
    "'42'.zfill(5)", "'ab\\ncd\\nef'.splitlines()", "'ǆ title'.title()", "'Straße'.casefold()", "'ΣΑΣ'.lower()",
    "'hello'.capitalize()", "'Hi'.swapcase()", "'abc'.isalpha()", "'abc'.translate({97: 'x', 98: None})",
    "str.maketrans('ab', 'cd')", "'é€'.encode()", "'é'.encode('ascii')", "'é'.encode('ascii', 'replace')",
    "b'\\xc3\\xa9'.decode()", "b'\\xff'.decode()", "b'abc'.hex(':')", "bytes.fromhex('61 62')", "b'a b'.split()",
    "b'x'.join([b'a', b'b'])", "b'abc'.replace(b'b', b'')", "b'ab'.upper()", "b'abc'.find(98)", "b'a,b'.partition(b',')",
    "format(3.14159, '.2f')", "format(1234567, ',')", "format(255, '#x')", "format('ab', '^6')", "format(1e300, 'f')",
    "format(5e-324, '.3e')", "format(0.1, '.20g')", "format(1, 'z')", "format(True, 'd')", "format(None, 'x')",
    "'{} {x!r:>5}'.format(1, x='y')", "'{0[a]}'.format({'a': 2})", "'{0.y}'.format(1)", "'{'.format()",
    "'{:{}}'.format(1, 5)", "'%s %d %5.2f %r %c' % ('a', 3, 2.5, 'é', 65)", "'%(a)s' % {'a': 1}", "'%d' % 'x'",
    "'%s %s' % (1,)", "f'{3.5!r:>8}'", "f'{\"é\"!a}'", "ascii('€')", "repr('a\\'b')", "'{:,}'.format(10**30)",
    "'%x' % (2**100)", "str.__new__(str, 'x')", "'a'.__mul__(1.5)", "'abc'.__iter__().__length_hint__()",
  ]

  @Test func noLeaks() {
    let runtime = Runtime(hashSeed: 0)
    let rt = runtime.ref
    let evaluator = TextEvaluator(rt)
    for line in Self.lines { _ = evaluator.run(line) }
    let before = rt.state.pointee.heap.allocatedBlocks
    for line in Self.lines { _ = evaluator.run(line) }
    #expect(rt.state.pointee.heap.allocatedBlocks == before)
    // One line at a time, to name the culprit.
    for line in Self.lines {
      let start = rt.state.pointee.heap.allocatedBlocks
      _ = evaluator.run(line)
      #expect(rt.state.pointee.heap.allocatedBlocks == start, "\(line)")
    }
  }
}
