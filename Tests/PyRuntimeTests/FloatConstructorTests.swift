import Testing
@testable import PyRuntime

/// `float(...)` through the type's `new` slot, against python3: conversions, the text
/// syntax (whitespace, underscores, inf/nan, exponents, correctly rounded digits), and
/// CPython's messages.
@Suite(.enabled(if: NumberOracle.isAvailable, NumberOracle.unavailable))
struct FloatConstructorTests {
  typealias C = NumberCalls

  @Test func conversionsAndErrors() throws {
    try NumberCalls.compare([
      "call:float",
      "call:float|i42",
      "call:float|T",
      "call:float|\(C.int("-123456789012345678901234567890"))",
      "call:float|\(C.int("1" + String(repeating: "0", count: 400)))",
      "call:float|\(C.float(-0.0))",
      "call:float|M7",
      "call:float|G\(C.float(2.5).dropFirst())",
      "call:float|n",
      "call:float|l1",
      "call:float|i1|i2",
      "call:float:x|i1",
      "call:float|\(C.bytes(Array("1.5".utf8)))",
      "call:float|\(C.bytes(Array("x".utf8)))",
      "call:MyFloat",
      "call:MyFloat|\(C.str("1.25"))",
      "call:MyFloat|i3",
      "call:MyFloat:x|i1",
    ])
  }

  @Test func textSyntax() throws {
    let texts = [
      "1.5", "  1.5  ", "\t-2\n", "1e5", "1E5", "1e+5", "1e-5", ".5", "5.", ".", "1e", "e5", "1.5e", "+.5e-3",
      "1_000.5", "1_0.5e1_0", "1__0", "_1", "1_", "1_.5", "1._5", "1e_5", "1_e5", "1.5_", "inf", "-inf", "+inf",
      "Infinity", "-iNfInItY", "infinit", "nan", "-nan", "+NaN", "nan_", "in f", "0x10", "1e500", "-1e-500", "",
      "   ", "1 2", "\u{661}\u{662}.\u{665}", "\u{2003}1.5\u{3000}", "1.5\u{0}", "0.1", "2.675",
      "123456789012345678901234567890.123456789e-10", "4.9406564584124654e-324", "2.4703282292062327e-324",
      "2.4703282292062328e-324", "1.7976931348623157e308", "1.7976931348623159e308", "9007199254740993",
      "-0", "-0.0", "00001", "1" + String(repeating: "0", count: 400) + "e-400",
    ]
    try NumberCalls.compare(texts.map { "call:float|\(C.str($0))" })
  }

  /// Random decimal strings: the digits are correctly rounded, as CPython's strtod.
  @Test func randomDecimalText() throws {
    var random = NumberRandom(seed: 0x5EED_F10A)
    var cases: [String] = []
    for _ in 0..<400 {
      var text = random.chance(20) ? "-" : ""
      let digits = 1 + random.below(25)
      for index in 0..<digits {
        if index == digits / 2 && random.chance(60) { text += "." }
        text += String(random.below(10))
        if random.chance(5) && index < digits - 1 { text += "_" }
      }
      if random.chance(60) { text += "e" + String(random.below(700) - 350) }
      cases.append("call:float|\(C.str(text))")
    }
    try NumberCalls.compare(cases)
  }
}
