import Testing
@testable import PyRuntime

/// `format(value, spec)` for str, int, bool and float, against python3: every value with
/// every spec, errors included.
@Suite struct FormatSpecTests {
  static let intValues = ["0", "1", "-1", "42", "-42", "255", "1234567", "-1234567", "10**20", "-(10**20)", "True",
                          "False", "65", "0x10ffff"]
  static let floatValues = ["0.0", "-0.0", "1.0", "-1.5", "0.1", "3.14159", "1e16", "1e-05", "123456.789", "1e300",
                            "5e-324", "1e999", "-1e999", "(1e999-1e999)", "2.5", "0.5", "1.5", "12345.678",
                            "1e22", "9.999999", "0.000123456", "-0.0004", "1e15", "123.0", "100.0", "2.675", "1.25e-7",
                            "1.7976931348623157e308"]
  static let numberSpecs = [
    "", "d", "5d", "<5", "^7", "=+8", "08", "+", " ", ",", "_", "10,", "010,", "x", "#x", "#X", "#b", "b", "o", "#o",
    "_x", "#010_b", "_b", "c", "e", ".2e", "E", "f", ".0f", ".3f", "F", "g", ".3g", "G", "#g", ".10g", "%", ".1%",
    "n", ".3", ".0", "#", "z.1f", "*^12.3f", ",.2f", "_.3f", "015,.2f", ".20f", ".17g", "#.0f", "#.0e", "0=12.4f",
    ">+10.2e", "-^10", "r", ",x", "s", ".2d", "+c", "#c", "z", "z.0f", "zg", ".1", ".2", "#.3", "09", "-09", "+09",
    "x<8", "ä^9", "020,", "020_", ",g", "_e", ",%", "10.3n", ",n", ".5G", "E<12", ".1e", "=10", "0<8", "0^8",
    "1,000", ".", "5.", ",_", "_,", "999999999999999999999", ".999999999999999999999f",
  ]
  static let strValues = ["'abc'", "''", "'é€😀'", "'a\\tb'"]
  static let strSpecs = [
    "", "s", "10", "<10", ">10", "^10", "*^9", ".2", "10.2", "=10", "+", " ", "#", "z", ",", "d", "0>5", "05", "x",
    "c", "€>6", ".0", "^", "_", "0", ".10", "5.1s",
  ]

  static func cases(_ values: [String], _ specs: [String]) -> [String] {
    values.flatMap { value in specs.map { "format(\(value), '\($0)')" } }
  }

  @Test(.enabled(if: TextOracle.isAvailable, "needs python3 (CPython 3.11)"))
  func integers() throws {
    try TextDifferential.check(Self.cases(Self.intValues, Self.numberSpecs))
  }

  @Test(.enabled(if: TextOracle.isAvailable, "needs python3 (CPython 3.11)"))
  func floats() throws {
    try TextDifferential.check(Self.cases(Self.floatValues, Self.numberSpecs))
  }

  @Test(.enabled(if: TextOracle.isAvailable, "needs python3 (CPython 3.11)"))
  func strings() throws {
    try TextDifferential.check(Self.cases(Self.strValues, Self.strSpecs))
  }

  @Test(.enabled(if: TextOracle.isAvailable, "needs python3 (CPython 3.11)"))
  func builtinAndDunder() throws {
    try TextDifferential.check([
      "format(1e16, '')", "format(0.1, '.3')", "format(True, 'd')", "format(True, '')", "format(True, '>6')",
      "format(12345.678, ',.2f')", "format(1)", "format('x')", "format(1.5)", "format(None)", "format(None, '')",
      "format(None, 'x')", "format(1, 1)", "format()", "format(1, '', 3)", "(1).__format__('x')", "(1).__format__(1)",
      "'a'.__format__()", "'a'.__format__('>3')", "(2.5).__format__('.3f')", "str.__format__('ab', '^6')",
      "int.__format__(True, '')", "format(10**5000, 'd')", "format(10**5000, 'x')[:10]", "format(-(2**100), '#x')",
      "format(2**64, ',')", "format(-0.0, 'z')", "format(-0.0001, 'z.2f')", "format(-1e-10, 'z.3e')",
      "format(1e999-1e999, '+')", "format(-1e999, 'F')", "format(1e999-1e999, '=+08')",
    ])
  }

  @Test(.enabled(if: TextOracle.isAvailable, "needs python3 (CPython 3.11)"))
  func fStrings() throws {
    try TextDifferential.check([
      "f'{3.5!r:>8}'", "f'{\"é\"!a}'", "f'{\"é\"!r}'", "f'{\"é\"!s:*^5}'", "f'{42:{\"x\"}}'", "f'{1.25:.{1}f}'",
      "f'a{1}b{2!r}c'", "f'{\"abc\":.{2}}'", "f'{None}'", "f'{b\"x\"}'", "f'{10**20:,}'", "f'{3:{4}{\"d\"}}'",
    ])
  }
}
