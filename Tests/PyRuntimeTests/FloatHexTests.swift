import Testing
@testable import PyRuntime

/// `float.hex()` and `float.fromhex()` against python3: exact both ways, subnormals and
/// rounding of long coefficients included.
@Suite(.enabled(if: NumberOracle.isAvailable, NumberOracle.unavailable))
struct FloatHexTests {
  typealias C = NumberCalls

  @Test func hexOfRandomBitPatterns() throws {
    var random = NumberRandom(seed: 0x4E7)
    var cases = FloatMethodTests.values.map { "method:hex|\(C.float($0))" }
    for _ in 0..<500 {
      let bits = random.chance(20) ? random.next() & 0x000F_FFFF_FFFF_FFFF : random.next()
      cases.append("method:hex|\(C.float(Double(bitPattern: bits)))")
    }
    try NumberCalls.compare(cases)
  }

  @Test func fromhexSyntaxAndRounding() throws {
    var texts = [
      "0x1.8p1", "1.8p1", "0X1P-1", "  0x1p0  ", "-0x1p0", "+0x.8", "0x1.", "0x.", "0x", "x1", "1p", "1p+",
      "0x1p1023", "0x1.fffffffffffffp1023", "0x1.fffffffffffff8p1023", "0x1.fffffffffffff7ffp1023", "0x1p1024",
      "0x1p-1074", "0x1p-1075", "0x1.0000000000001p-1075", "0x3p-1076", "0x1p-2000", "0x0p99999999999999",
      "0x1p99999999999999", "0x1p-99999999999999", "inf", "-Infinity", "nan", "zz", "", "0x1.000000000000080p0",
      "0x1.000000000000081p0", "0x1.000000000000180p0", "0x0000000000000000000001p0", "0x1_0p0", "1e5",
      "0x1.2p3 x", "0xABCDEFabcdef0123456789p-20", "\u{2003}0x1p0",
    ]
    var random = NumberRandom(seed: 0xF40)
    for _ in 0..<300 {
      var text = random.chance(50) ? "0x" : ""
      for _ in 0..<(1 + random.below(20)) { text += String(random.below(16), radix: 16) }
      if random.chance(60) { text.insert(".", at: text.index(text.endIndex, offsetBy: -min(random.below(3), text.count))) }
      if random.chance(80) { text += "p" + String(random.below(2300) - 1150) }
      texts.append(text)
    }
    try NumberCalls.compare(texts.map { "cmethod:float:fromhex|\(C.str($0))" }
      + ["cmethod:float:fromhex|i1", "cmethod:float:fromhex", "cmethod:float:fromhex|\(C.str("1"))|\(C.str("1"))"])
  }
}
