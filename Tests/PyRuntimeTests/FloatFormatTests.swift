import Testing
@testable import PyRuntime

/// Correctly rounded float formatting (`e`, `f`, `g`, `%`) on random doubles of every
/// magnitude, against python3's `format`.
@Suite struct FloatFormatTests {
  static func randomDoubles(seed: UInt64, count: Int) -> [Double] {
    var random = TextRandom(seed: seed)
    var values: [Double] = []
    while values.count < count {
      let x: Double
      switch random.below(4) {
      case 0: x = Double(bitPattern: random.next())
      case 1: x = Double(random.below(2_000_000)) / 1000 - 1000
      case 2: x = Double(random.below(100_000)) / 8
      default: x = Double(bitPattern: random.next()) .truncatingRemainder(dividingBy: 1e6)
      }
      if x.isFinite { values.append(x) }
    }
    return values
  }

  @Test(.enabled(if: TextOracle.isAvailable, "needs python3 (CPython 3.11)"))
  func randomValuesAllStyles() throws {
    let specs = [".0e", ".3e", ".16e", ".0f", ".2f", ".10f", "g", ".1g", ".5g", ".17g", "", ".3", ".12", "#.4g", "%", ",.1f"]
    var lines: [String] = []
    for (index, x) in Self.randomDoubles(seed: 0x5EED, count: 400).enumerated() {
      let literal = "float.fromhex('\(hexLiteral(x))')"
      _ = literal
      lines.append("format(\(FloatObject.repr(x)), '\(specs[index % specs.count])')")
      lines.append("format(\(FloatObject.repr(x)), '\(specs[(index * 7 + 3) % specs.count])')")
    }
    try TextDifferential.check(lines)
  }

  @Test(.enabled(if: TextOracle.isAvailable, "needs python3 (CPython 3.11)"))
  func fixedPointEveryPrecision() throws {
    var lines: [String] = []
    for (index, x) in Self.randomDoubles(seed: 0xF1DED, count: 600).enumerated() {
      lines.append("'%.\(index % 21)f' % \(FloatObject.repr(x))")
    }
    for value in ["0.5", "1.5", "2.5", "0.125", "0.375", "2.675", "1.005", "1e-07", "123456789.125", "4503599627370497.5",
                  "9007199254740993.0", "1e-20", "5e-324", "-0.0", "0.045", "1.0000000000000002"] {
      for precision in [0, 1, 2, 3, 17, 19, 20, 25] { lines.append("format(\(value), '.\(precision)f')") }
    }
    try TextDifferential.check(lines)
  }

  @Test func exactExpansion() {
    #expect(String(decoding: FloatDigits.exact(0.1).digits, as: UTF8.self)
      == "1000000000000000055511151231257827021181583404541015625")
    #expect(FloatDigits.exact(0.1).decimalPoint == 0)
    #expect(String(decoding: FloatDigits.exact(1024).digits, as: UTF8.self) == "1024")
    let tiny = FloatDigits.exact(5e-324)
    #expect(tiny.decimalPoint == -323 && tiny.digits.count == 751)
    // Ties round to even, on the exact value.
    #expect(String(decoding: FloatToString.format(0.125, code: UInt8(ascii: "f"), precision: 2), as: UTF8.self) == "0.12")
    #expect(String(decoding: FloatToString.format(0.375, code: UInt8(ascii: "f"), precision: 2), as: UTF8.self) == "0.38")
    #expect(String(decoding: FloatToString.format(2.675, code: UInt8(ascii: "f"), precision: 2), as: UTF8.self) == "2.67")
    #expect(String(decoding: FloatToString.format(9.5, code: UInt8(ascii: "e"), precision: 0), as: UTF8.self) == "1e+01")
    #expect(String(decoding: FloatToString.format(1e16, code: UInt8(ascii: "r"), precision: 0, flags: .addDot0), as: UTF8.self) == "1e+16")
  }

  func hexLiteral(_ x: Double) -> String { String(x.bitPattern, radix: 16) }
}
