import Testing
@testable import PyRuntime

/// `int(...)` through the type's `new` slot, against python3: conversions, text in every
/// base, and CPython's messages for each way it can fail.
@Suite(.enabled(if: NumberOracle.isAvailable, NumberOracle.unavailable))
struct IntConstructorTests {
  typealias C = NumberCalls

  @Test func conversionsAndErrors() throws {
    let cases = [
      "call:int",
      "call:int|i42",
      "call:int|\(C.int("-123456789012345678901234567890"))",
      "call:int|T",
      "call:int|F",
      "call:int|\(C.float(3.99))",
      "call:int|\(C.float(-3.99))",
      "call:int|\(C.float(1e300))",
      "call:int|\(C.float(.infinity))",
      "call:int|\(C.float(-.infinity))",
      "call:int|\(C.float(.nan))",
      "call:int|n",
      "call:int|l1,2",
      "call:int|M7",
      "call:int|G\(C.float(-7.5).dropFirst())",
      "call:int|\(C.str("  1_0  "))",
      "call:int|\(C.str("-0"))",
      "call:int|\(C.str("+17"))",
      "call:int|\(C.str("x"))",
      "call:int|\(C.str(""))",
      "call:int|\(C.str("1__0"))",
      "call:int|\(C.str("_1"))",
      "call:int|\(C.str("1_"))",
      "call:int|\(C.str("\u{661}\u{662}"))",
      "call:int|\(C.str("\u{2003}12\u{3000}"))",
      "call:int|\(C.str("1 2"))",
      "call:int|\(C.str(String(repeating: "x", count: 300)))",
      "call:int|\(C.bytes(Array("12".utf8)))",
      "call:int|\(C.bytes(Array(" -7 ".utf8)))",
      "call:int|\(C.bytes([0x78, 0xFF]))",
    ]
    try NumberCalls.compare(cases)
  }

  @Test func explicitBases() throws {
    var cases = [
      "call:int|\(C.str("ff"))|i16",
      "call:int|\(C.str("0xff"))|i16",
      "call:int|\(C.str("0xff"))|i0",
      "call:int|\(C.str("0o17"))|i0",
      "call:int|\(C.str("0b_101"))|i0",
      "call:int|\(C.str("0B101"))|i2",
      "call:int|\(C.str("010"))|i0",
      "call:int|\(C.str("000"))|i0",
      "call:int|\(C.str("0_0"))|i0",
      "call:int|\(C.str("z"))|i36",
      "call:int|\(C.str("Z"))|i36",
      "call:int|\(C.str("12"))|i1",
      "call:int|\(C.str("12"))|i37",
      "call:int|\(C.str("12"))|i-1",
      "call:int|\(C.str("12"))|\(C.int("100000000000000000000000"))",
      "call:int|\(C.str("12"))|\(C.float(10))",
      "call:int|\(C.str("12"))|T",
      "call:int|\(C.str("12"))|n",
      "call:int|\(C.str("12"))|M8",
      "call:int|i12|i10",
      "call:int|\(C.float(1.5))|i10",
      "call:int:base|\(C.str("12"))|i8",
      "call:int:base|i8",
      "call:int:x|i8",
      "call:int:bas|\(C.str("1"))|i8",
      "call:int:base|\(C.str("1"))|i8|i8",
      "call:int|\(C.str("1"))|i8|i8",
      "call:int|\(C.bytes(Array("ff".utf8)))|i16",
      "call:int|\(C.str("9"))|i8",
    ]
    // Every base with a few digit strings, including the base's own prefix.
    for base in [2, 3, 7, 8, 10, 16, 31, 36] {
      for text in ["0", "1", "10", "-101", "0x1f", "0o7", "0b1", "zz", "1_0"] {
        cases.append("call:int|\(C.str(text))|i\(base)")
      }
    }
    try NumberCalls.compare(cases)
  }

  @Test func subclassesAreCopiedIntoPlainInts() throws {
    try NumberCalls.compare([
      "call:MyInt",
      "call:MyInt|i5",
      "call:MyInt|\(C.str("-12"))",
      "call:MyInt|\(C.str("ff"))|i16",
      "call:MyInt|\(C.int("123456789012345678901234567890"))",
      "call:MyInt|\(C.float(2.5))",
      "op:+|M5|i3",
      "op:+|i3|M5",
      "op:*|M5|M5",
      "op:/|M5|i2",
      "op:<<|M5|i100",
      "op:==|M5|i5",
      "op:<|M5|\(C.float(5.5))",
      "op:neg|M5",
      "op:pos|M5",
      "op:invert|M5",
      "call:abs|M-5",
      "call:divmod|M7|i2",
      "call:pow|M3|i4|i5",
      "method:bit_length|M255",
      "method:__index__|M255",
      "method:real|M1",
      "call:float|M7",
      "call:hex|M255",
      "call:round|M25|i-1",
    ].filter { !$0.hasPrefix("method:real") })
  }

  /// The layout of a subclass instance is the int's: digits and sign copied exactly.
  @Test func subclassInstanceLayout() {
    let runtime = Runtime()
    let rt = runtime.ref
    let subclasses = NumberSubclasses(rt)
    let big = rt.newInt(bigDecimal: "-340282366920938463463374607431768211457")!
    let instance = rt.call(subclasses.int.object, [big])!
    #expect(instance.type == subclasses.int)
    #expect(rt.isInt(instance) && !rt.isExactInt(instance))
    #expect(instance.size == big.size)
    #expect(IntObject.compare(instance, big) == 0)
    #expect(rt.hash(instance) == rt.hash(big))
    let plain = rt.toInt(instance)!
    #expect(plain.type == rt.state.pointee.types.int)
    for object in [big, instance, plain] { rt.decref(object) }
  }
}
