import Testing
@testable import PyRuntime

/// `round()` on floats against python3: correctly rounded to the exact binary value, ties
/// to even, with and without digits, over the whole range of digit counts.
@Suite(.enabled(if: NumberOracle.isAvailable, NumberOracle.unavailable))
struct FloatRoundTests {
  typealias C = NumberCalls

  @Test func knownCases() throws {
    let cases: [(Double, String?)] = [
      (2.675, "2"), (0.5, nil), (1.5, nil), (2.5, nil), (-0.5, nil), (-1.5, nil), (0.5, "0"), (2.5, "0"),
      (-0.4, "0"), (-0.0001, "2"), (1.25, "1"), (1.35, "1"), (123.456, "-2"), (1e300, "-300"),
      (.greatestFiniteMagnitude, "-308"), (5e-324, "323"), (5e-324, "324"), (1.0, "400"), (1e300, "-400"),
      (-1e300, "-400"), (.nan, nil), (.infinity, nil), (-.infinity, nil), (.nan, "2"), (.infinity, "-2"),
      (0.0, "5"), (-0.0, "5"), (1e22, nil), (4503599627370497.5, nil), (0.125, "2"), (0.375, "2"),
      (1.0, "100000000000000000000000"), (1.0, "-100000000000000000000000"), (8.5, "-1"), (15.0, "-1"),
      (25.0, "-1"), (2.5e-5, "5"), (1.7976931348623157e308, "-307"),
    ]
    try NumberCalls.compare(cases.map { value, digits in
      "call:round|\(C.float(value))" + (digits.map { "|i" + $0 } ?? "")
    } + ["call:round|\(C.float(1.5))|n", "call:round|\(C.float(1.5))|\(C.float(1))",
         "call:round|\(C.str("a"))", "call:round|l1", "call:round|G\(C.float(2.5).dropFirst())|i0"])
  }

  /// Random doubles of every magnitude, rounded to digit counts near their precision.
  @Test func randomValues() throws {
    var random = NumberRandom(seed: 0x20_75_0D)
    var cases: [String] = []
    for _ in 0..<1500 {
      let x: Double
      switch random.below(4) {
      case 0: x = Double(bitPattern: random.next())
      case 1: x = Double(random.below(200_000) - 100_000) / 1000 + (random.chance(50) ? 0.0005 : 0)
      case 2: x = Double(random.below(2_000_000)) / 8 * (random.chance(50) ? 1 : -1)
      default: x = Double(sign: .plus, exponent: random.below(2000) - 1000, significand: 1 + Double(random.below(1 << 20)) / 1048576)
      }
      guard x.isFinite else { continue }
      let exponent = x == 0 ? 0 : Int((abs(x)).exponent)
      let digits = Int(Double(-exponent) * 0.30103) + random.below(40) - 20
      cases.append("call:round|\(C.float(x))|i\(digits)")
      if random.chance(20) { cases.append("call:round|\(C.float(x))") }
    }
    try NumberCalls.compare(cases)
  }
}
