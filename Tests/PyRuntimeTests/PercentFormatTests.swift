import Testing
@testable import PyRuntime

/// printf-style `str % values` against python3: conversions, flags, widths and
/// precisions (`*` included), mapping keys, the tuple/single-argument rules, the errors.
@Suite struct PercentFormatTests {
  @Test(.enabled(if: TextOracle.isAvailable, "needs python3 (CPython 3.11)"))
  func conversionsAndFlags() throws {
    let conversions = ["s", "r", "a", "d", "i", "u", "x", "X", "o", "e", "E", "f", "F", "g", "G", "c"]
    let modifiers = ["", "5", "-5", "05", "+", " ", "#", ".3", "10.2", "-+8.1", "#010", "0-6", "+ ", "#.0", ".0"]
    let values = ["42", "-7", "3.14159", "-0.5", "'héllo'", "True", "255", "0", "1e20", "65"]
    var lines: [String] = []
    for conversion in conversions {
      for (index, modifier) in modifiers.enumerated() {
        lines.append("'[%\(modifier)\(conversion)]' % \(values[index % values.count])")
        lines.append("'[%\(modifier)\(conversion)]' % (\(values[(index + 3) % values.count]),)")
      }
    }
    try TextDifferential.check(lines)
  }

  @Test(.enabled(if: TextOracle.isAvailable, "needs python3 (CPython 3.11)"))
  func argumentRules() throws {
    try TextDifferential.check([
      "'%%' % ()", "'%5%' % ()", "'%-5%' % ()", "'%(a)%' % {'a': 1}", "'abc%' % ()", "'%' % 1", "'%5' % 1",
      "'%.' % 1", "'%ld' % 5", "'%hd %Lf' % (5, 1.5)", "'%l' % 5", "'%s %%' % 5", "'%%s' % ()", "'%%%s' % 1",
      "'%(a)s %s' % {'a': 1}", "'%(a)s' % {'a': 1, 'b': 2}", "'%s %s' % [1, 2]", "'%s' % [1, 2]",
      "'%d' % True", "'%5.2s|' % 'abc'", "'%-5d|' % -3", "'%05d' % -3", "'%+05d' % 3", "'% d' % 3", "'%#x' % 255",
      "'%#08X' % 255", "'%#-8o|' % 8", "'%.5d' % -42", "'%#.5x' % 42", "'%+.3e' % 12345.678", "'%010.2f' % -3.14159",
      "'%g' % 1e-5", "'%#g' % 1.0", "'%c' % 65", "'%5c|' % 'x'", "'%r' % 'é'", "'%a' % 'é'", "'%.1r' % 'abc'",
      "'%x' % -255", "'%u' % 3.9", "'%*d|' % (-5, 3)", "'%.*s' % (-1, 'abc')", "'%(a)d' % {'a': 1.9}", "'%i' % '3'",
      "'%e' % 3", "'%f' % (10**400)", "'%((a))s' % {'(a)': 5}", "'%s %s' % (1,)", "'%s' % (1,)", "'%s' % ((1,),)",
      "'%z' % ()", "'%é' % 1", "'%0-5d|' % 3", "'%-05d|' % 3", "'%#5x|' % 255", "'%#5X|' % 255", "'%+s' % 'a'",
      "'% 5s|' % 'a'", "'%d' % 'x'", "'%d %d' % (1,)", "'%d' % (1, 2)", "'%z' % 1", "'%(a)s' % 1", "'%c' % 'ab'",
      "'%c' % -1", "'%x' % 1.5", "'%' % ()", "'%.*f' % (1.5, 2)", "'%*d' % ('a', 1)",
      "'%f' % 'x'", "'%i' % 1.7", "'%c' % 1.0", "'%(a' % {'a': 1}", "'%s' % ()", "'a' % 1", "'a' % ()", "'a' % []",
      "'a' % {}", "'%s' % None", "'%r' % b'x'", "'%s' % b'x'", "'%d' % (10**30)", "'%x' % (2**70)", "'%.3s' % 'é€😀x'",
      "'%10s|' % '€'", "'%-10r|' % '€'", "'%c' % 0x1F600", "'%c' % 0x110000", "'%*.*f' % (10, 2, 3.14159)",
      "'%-*s|' % (6, 'ab')", "'%.0f %.0f %.0f' % (0.5, 1.5, 2.5)", "'%.2f' % 2.675", "'%.3g' % 1234567",
      "'%s and %s' % ('a', 'b')", "'%(x)s-%(x)r' % {'x': 'v'}", "'%s' % [()]", "'%(a)s %(b)s' % {'a': 1}",
      "'%5.1f%%' % 99.44", "'%#o' % 0", "'%#x' % 0", "'%+d' % 0", "'% 05d' % 42", "'%+.2e' % 0.0", "'%e' % -0.0",
    ])
  }
}
