import Testing
@testable import PyRuntime

/// `str.format` and `str.format_map` against python3: field names, automatic and manual
/// numbering, attributes and indices, conversions, nested specs, and the errors.
@Suite struct StrFormatMethodTests {
  @Test(.enabled(if: TextOracle.isAvailable, "needs python3 (CPython 3.11)"))
  func fieldsAndSpecs() throws {
    try TextDifferential.check([
      "'{}'.format(1)", "'{} {}'.format('a', 'b')", "'{1} {0}'.format('a', 'b')", "'{0}{0}'.format('x')",
      "'{x}-{y}'.format(x=1, y=2)", "'{0:>5}|{1!r}|{x:^7.2f}'.format(1, 'a', x=3.14159)", "'{:{}}'.format(1, 5)",
      "'{0:{1}}'.format(1, '>5')", "'{0:{1}{2}}'.format(1, '>', 5)", "'{:{}{}}'.format(3.5, '^', 9)",
      "'{0:{1:{2}}}'.format(1, 2, 3)", "'{0[1]}'.format('ab')", "'{0[a]}'.format({'a': 3})", "'{0[-1]}'.format({'-1': 2})",
      "'{0[0]}'.format('78')", "'{0[1][0]}'.format({1: 'xy'})", "'{a[b]}'.format(a={'b': 'c'})",
      "'{0.__class__.__name__}'.format('x')", "'{.__class__}'.format(5)", "'{0.y}'.format(1)", "'{a.b[0]}'.format(a=1)",
      "'{!r}'.format('é')", "'{!a}'.format('é')", "'{!s:>4}'.format(1)", "'{0!r:}'.format('a')", "'{:}'.format(1)",
      "'{{}}'.format()", "'}}{{'.format()", "'{{{0}}}'.format(5)", "'a{0}b{1}c'.format(1, 2)", "'{:%}'.format(0.5)",
      "'{:*^10.3f}'.format(3.14159)", "'{:,}'.format(1234567)", "'{:_b}'.format(255)", "'{:#x}'.format(255)",
      "'{:c}'.format(9731)", "'{:e}'.format(12345)", "'{0:s}'.format('x')", "'{:10}'.format('ab')", "'{:10}'.format(12)",
      "'{}'.format(None)", "'{}'.format(b'ab')", "'{}'.format([1, 'a'])", "'{:>3}'.format(True)", "'{:d}'.format(True)",
      "'{0}{1}{0}'.format('-', 'x')", "'{\u{e9}}'.format(**{'é': 1})", "'{0:\u{e9}^5}'.format('x')",
      "'{٣}'.format(*'abcd')", "'{0:٣}'.format(1)",
    ])
  }

  @Test(.enabled(if: TextOracle.isAvailable, "needs python3 (CPython 3.11)"))
  func errors() throws {
    try TextDifferential.check([
      "'{'.format(1)", "'}'.format(1)", "'{0}{}'.format(1, 2)", "'{}{0}'.format(1, 2)", "'{1}'.format(1)",
      "'{x}'.format(1)", "'{0.y}'.format(1)", "'{0[1]}'.format('a')", "'{0!z}'.format(1)", "'{0:d}'.format('x')",
      "'{0:x}'.format(1.5)", "'{0:s}'.format(1)", "'{:,s}'.format('x')", "'{0[}'.format(1)", "'{0]}'.format(1)",
      "'{0.}'.format(1)", "'{0[]}'.format(1)", "'{!}'.format(1)", "'{0!rr}'.format(1)", "'{0[0]x}'.format('a')",
      "'{0.a b}'.format(1)", "'{ }'.format(1)", "'{-1}'.format(1)", "'{}'.format()", "'{0}'.format()",
      "'{0:}}'.format(1)", "'{a{b}'.format(1)", "'{0!'.format(1)", "'{0!r'.format(1)", "'{0:'.format(1)",
      "'{0[0}'.format('a')", "'{99999999999999999999}'.format(1)", "'{0[99999999999999999999]}'.format('a')",
      "'{0}'.format_map({})", "'{a}'.format_map({'a': 'b'})", "'{}'.format_map({})", "'{a}'.format_map(1)",
      "'x'.format_map()", "'{a}'.format_map({'a': 1}, 2)", "'{a!r:>5}'.format_map({'a': 'z'})",
      "'{0:{}}'.format(1, 2)", "'{:{0}}'.format(1, 2)", "'{0!x}'.format(1)", "'{0!\u{e9}}'.format(1)",
    ])
  }
}
