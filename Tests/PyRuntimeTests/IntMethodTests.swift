import Testing
@testable import PyRuntime

/// The methods and attributes of `int` against python3: bit counts, byte conversions both
/// ways, ratios, the conversion and rounding dunders, and their argument errors.
@Suite(.enabled(if: NumberOracle.isAvailable, NumberOracle.unavailable))
struct IntMethodTests {
  typealias C = NumberCalls

  @Test func bitsRatiosAndConversions() throws {
    var cases: [String] = []
    let values = ["0", "1", "-1", "255", "-256", "1073741823", "1073741824", "-9223372036854775808",
                  "340282366920938463463374607431768211455", "-340282366920938463463374607431768211456"]
    for value in values {
      for method in ["bit_length", "bit_count", "conjugate", "as_integer_ratio", "__int__", "__index__", "__float__",
                     "__trunc__", "__floor__", "__ceil__", "__round__", "__getnewargs__", "__sizeof__", "real", "imag",
                     "numerator", "denominator", "__abs__", "__neg__", "__pos__", "__invert__", "__bool__",
                     "__repr__", "__str__", "__hash__"] {
        cases.append("method:\(method)|i\(value)")
      }
    }
    cases = cases.filter { !["real", "imag", "numerator", "denominator"].contains(where: $0.contains) }
    cases += [
      "method:bit_length|i1|i2",
      "method:bit_length:x|i1|i2",
      "method:__int__|i1|i2",
      "method:__round__|i1|i2|i3",
      "method:__divmod__|i7|i2",
      "method:__divmod__|i7|i2|i3",
      "method:__rdivmod__|i7|i2",
      "method:__divmod__|i7|\(C.float(2))",
      "method:__pow__|i2|i10",
      "method:__pow__|i2|i10|i7",
      "method:__pow__|i2|i10|n",
      "method:__pow__|i2|i10|i7|i1",
      "method:__rpow__|i2|i10",
      "method:__rpow__|i2|i10|i7",
      "method:__pow__|i2|\(C.float(0.5))",
      "method:__add__|i1|\(C.float(2))",
      "method:__radd__|i1|\(C.float(2))",
      "method:__lt__|i1|\(C.float(2))",
      "method:__eq__|i1|\(C.str("1"))",
      "method:__and__|T|F",
      "method:__or__|T|i2",
      "method:__float__|\(C.int("1" + String(repeating: "0", count: 400)))",
      "method:__truediv__|i1|i0",
      "method:__floordiv__|i1|i0",
      "method:__mod__|i1|i0",
    ]
    try NumberCalls.compare(cases)
  }

  @Test func attributes() throws {
    // Attributes are read through `getattr`, spelled as a zero-argument method call of the
    // attribute's value here; compare through repr of the value itself instead.
    let runtime = Runtime()
    let rt = runtime.ref
    let value = rt.newInt(bigDecimal: "-12345678901234567890")!
    for (name, expected) in [("real", "-12345678901234567890"), ("imag", "0"), ("numerator", "-12345678901234567890"),
                             ("denominator", "1")] {
      let attribute = rt.getAttribute(value, name)!
      #expect(rt.reprString(attribute) == expected)
      #expect(attribute.type == rt.state.pointee.types.int)
      rt.decref(attribute)
    }
    let truth = rt.newBool(true)
    let real = rt.getAttribute(truth, "real")!
    #expect(real.type == rt.state.pointee.types.int && rt.reprString(real) == "1")
    rt.decref(real)
    rt.decref(value)
  }

  @Test func toBytesAndFromBytes() throws {
    var cases = [
      "method:to_bytes|i5",
      "method:to_bytes:length|i5|i2",
      "method:to_bytes|i1|i2|i3",
      "method:to_bytes:signed:x|i1|i2|\(C.str("big"))|T|T",
      "method:to_bytes|i5|i1|i2",
      "method:to_bytes|i1|i1|\(C.str("middle"))",
      "method:to_bytes|i1|i-1|\(C.str("middle"))",
      "method:to_bytes|i1|i-1|\(C.str("big"))",
      "method:to_bytes|i1|\(C.float(1))",
      "method:to_bytes|i5|\(C.int("100000000000000000000000"))",
      "method:to_bytes|i-1|i1",
      "method:to_bytes|i256|i1",
      "method:to_bytes:signed|i128|i1|\(C.str("big"))|T",
      "method:to_bytes:signed|i-128|i1|\(C.str("big"))|T",
      "method:to_bytes:signed|i-129|i1|\(C.str("big"))|T",
      "method:to_bytes:signed|i-1|i0|\(C.str("big"))|T",
      "method:to_bytes|i0|i0",
      "method:to_bytes:length:byteorder|i1|i2|\(C.str("little"))",
      "method:to_bytes|i1|i2|\(C.str("big"))|T",
      "cmethod:int:from_bytes",
      "cmethod:int:from_bytes|i5",
      "cmethod:int:from_bytes|\(C.str("ab"))",
      "cmethod:int:from_bytes|\(C.bytes([]))",
      "cmethod:int:from_bytes|\(C.bytes([1, 0]))|\(C.str("little"))",
      "cmethod:int:from_bytes|\(C.bytes([1, 0]))|\(C.str("middle"))",
      "cmethod:int:from_bytes|\(C.bytes([1, 0]))|i1",
      "cmethod:int:from_bytes:signed|\(C.bytes([0xFF, 0x01]))|\(C.str("little"))|T",
      "cmethod:int:from_bytes:signed|\(C.bytes([0x80]))|\(C.str("big"))|T",
      "cmethod:int:from_bytes:signed|\(C.bytes([0x7F]))|\(C.str("big"))|T",
      "cmethod:int:from_bytes:signed|\(C.bytes([]))|\(C.str("big"))|T",
      "cmethod:MyInt:from_bytes|\(C.bytes([1, 2]))",
    ]
    // Round trips of random values through random lengths, both orders, both signs.
    var random = NumberRandom(seed: 0xB17E5)
    for _ in 0..<150 {
      let hex = random.bigHex(maxDigits: 5)
      let value = hex.hasPrefix("-") ? "-" + String(UInt64(hex.dropFirst().prefix(15), radix: 16)!)
        : String(UInt64(hex.prefix(15), radix: 16)!)
      let length = random.below(12)
      let order = random.chance(50) ? "little" : "big"
      let signed = random.chance(50) ? "T" : "F"
      cases.append("method:to_bytes:signed|i\(value)|i\(length)|\(C.str(order))|\(signed)")
      var bytes: [UInt8] = []
      for _ in 0..<random.below(20) { bytes.append(UInt8(random.below(256))) }
      cases.append("cmethod:int:from_bytes:signed|\(C.bytes(bytes))|\(C.str(order))|\(signed)")
    }
    try NumberCalls.compare(cases)
  }

  /// `from_bytes` of an iterable of ints (needs list iteration, which the container types
  /// provide).
  @Test(.enabled(if: listsIterate)) func fromBytesOfIterables() throws {
    try NumberCalls.compare([
      "cmethod:int:from_bytes|l1,2", "cmethod:int:from_bytes|l1,256", "cmethod:int:from_bytes|l",
      "call:int|l1,2",
    ])
  }

  static let listsIterate: Bool = {
    let runtime = Runtime()
    let rt = runtime.ref
    let list = rt.newList()!
    defer { rt.decref(list) }
    guard let iterator = rt.iter(list) else { rt.clearError(); return false }
    rt.decref(iterator)
    return true
  }()

  @Test func roundingWithNegativeDigits() throws {
    var cases: [String] = []
    for value in ["0", "5", "15", "25", "35", "-25", "-35", "149", "150", "250", "-150", "123456789",
                  "-99999999999999999999999", "12345678901234567890123456789"] {
      for digits in ["0", "1", "-1", "-2", "-3", "-9", "-30", "-100"] {
        cases.append("call:round|i\(value)|i\(digits)")
      }
      cases.append("call:round|i\(value)|n")
      cases.append("method:__round__|i\(value)|\(C.float(1))")
    }
    try NumberCalls.compare(cases)
  }
}
