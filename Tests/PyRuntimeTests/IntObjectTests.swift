import Testing
@testable import PyRuntime

/// The int object: layout and sizes, the small-int cache, conversions, text in and out,
/// and the error messages, with expectations recorded from CPython 3.11.7.
struct IntObjectTests {
  /// `sys.getsizeof`: 24-byte var header plus 4 bytes per digit, at least one digit.
  @Test func sizesMatchCPython() {
    let runtime = Runtime()
    let rt = runtime.ref
    let cases: [(String, Int)] = [
      ("0", 28), ("1", 28), ("-1", 28), ("3fffffff", 28), ("40000000", 32), ("-40000000", 32),
      ("1000000000000000", 36), ("ffffffffffffffffffffffffffffff", 40),
    ]
    for (hex, expected) in cases {
      let int = rt.testInt(hex: hex)
      defer { rt.decref(int) }
      #expect(IntObject.sizeInBytes(int) == expected, "\(hex)")
      let type = int.type.record.pointee
      #expect(type.basicSize + type.itemSize * max(abs(int.size), 1) == expected)
    }
    #expect(IntObject.sizeInBytes(rt.state.pointee.trueObject) == 28)
    #expect(IntObject.sizeInBytes(rt.state.pointee.falseObject) == 28)
  }

  @Test func layoutStoresSignedDigitCount() {
    let runtime = Runtime()
    let rt = runtime.ref
    let value = rt.newInt(-(1 << 62) - 5)!                 // −(2^62 + 5): three digits
    defer { rt.decref(value) }
    #expect(value.size == -3)
    let digits = IntObject.digits(value)
    #expect(digits[0] == 5 && digits[1] == 0 && digits[2] == 4)
    #expect(rt.smallInt(0).size == 0)
    #expect(IntObject.digits(rt.smallInt(0))[0] == 0)
  }

  /// Every operation that lands in −5…256 returns the cached immortal object.
  @Test func smallIntsAreCachedAndImmortal() {
    let runtime = Runtime()
    let rt = runtime.ref
    let big = rt.newInt(1000)!, nine = rt.newInt(991)!
    let difference = rt.intSubtract(big, nine)!
    #expect(difference == rt.state.pointee.smallInts[9 + IntObject.smallNegative])
    #expect(difference.refcount > ObjectLayout.immortalRefcount / 2)
    let parsed = rt.newInt(parsing: "256")!, parsed257 = rt.newInt(parsing: "257")!, other257 = rt.newInt(257)!
    #expect(parsed == rt.newInt(256)!)
    #expect(parsed257 != other257)
    let huge = rt.testInt(hex: "1" + String(repeating: "0", count: 40))
    let quotient = rt.intFloorDivide(huge, huge)!
    #expect(quotient == rt.state.pointee.smallInts[1 + IntObject.smallNegative])
    for object in [big, nine, difference, parsed, parsed257, other257, huge, quotient] { rt.decref(object) }
  }

  @Test func machineIntegerConversions() {
    let runtime = Runtime()
    let rt = runtime.ref
    for value in [0, 1, -1, 255, 256, 257, -5, -6, 1 << 30, (1 << 30) - 1, -(1 << 30), Int.max, Int.min, Int.max - 1] {
      let object = rt.newInt(value)!
      #expect(IntObject.exactValue(object) == value)
      #expect(rt.intToDecimalString(object) == String(value))
      rt.decref(object)
    }
    let two64 = rt.testInt(hex: "10000000000000000")
    #expect(IntObject.exactValue(two64) == nil)
    #expect(rt.intAsInt(two64) == nil)
    #expect(rt.takeError() == PyError("OverflowError", "Python int too large to convert to C long"))
    let unsigned = rt.newInt(UInt.max)!
    #expect(rt.intToString(unsigned, base: 16) == "0xffffffffffffffff")
    for object in [two64, unsigned] { rt.decref(object) }
  }

  @Test func floatConversions() {
    let runtime = Runtime()
    let rt = runtime.ref
    let huge = rt.testInt(hex: "1" + String(repeating: "0", count: 256))    // 2^1024
    #expect(rt.intToDouble(huge) == nil)
    #expect(rt.takeError() == PyError("OverflowError", "int too large to convert to float"))
    let justBelow = rt.testInt(hex: "f" + String(repeating: "f", count: 255))  // 2^1024 − 1 rounds up
    #expect(rt.intToDouble(justBelow) == nil)
    _ = rt.takeError()
    let maxFloat = rt.newInt(truncating: .greatestFiniteMagnitude)!
    #expect(rt.intToDouble(maxFloat) == .greatestFiniteMagnitude)
    for (x, expected) in [(-2.5, "-2"), (1e20, "100000000000000000000"), (-0.9, "0"), (0x1p63, "9223372036854775808")] {
      let int = rt.newInt(truncating: x)!
      #expect(rt.intToDecimalString(int) == expected)
      rt.decref(int)
    }
    #expect(rt.newInt(truncating: .nan) == nil)
    #expect(rt.takeError() == PyError("ValueError", "cannot convert float NaN to integer"))
    #expect(rt.newInt(truncating: -.infinity) == nil)
    #expect(rt.takeError() == PyError("OverflowError", "cannot convert float infinity to integer"))
    for object in [huge, justBelow, maxFloat] { rt.decref(object) }
  }

  @Test func zeroDivisionAndShiftErrors() {
    let runtime = Runtime()
    let rt = runtime.ref
    let one = rt.newInt(1)!, zero = rt.newInt(0)!, big = rt.testInt(hex: "1" + String(repeating: "0", count: 30))
    let minusOne = rt.newInt(-1)!, twoTo63 = rt.testInt(hex: "8000000000000000")
    let cases: [(() -> PyRef?, PyError)] = [
      ({ rt.intFloorDivide(one, zero) }, PyError("ZeroDivisionError", "integer division or modulo by zero")),
      ({ rt.intFloorDivide(big, zero) }, PyError("ZeroDivisionError", "integer division or modulo by zero")),
      ({ rt.intModulo(big, zero) }, PyError("ZeroDivisionError", "integer modulo by zero")),
      ({ rt.intModulo(one, zero) }, PyError("ZeroDivisionError", "integer modulo by zero")),
      ({ rt.intTrueDivide(one, zero) }, PyError("ZeroDivisionError", "division by zero")),
      ({ rt.numberBinary(.divmod, big, zero) }, PyError("ZeroDivisionError", "integer division or modulo by zero")),
      ({ rt.intLeftShift(one, minusOne) }, PyError("ValueError", "negative shift count")),
      ({ rt.intRightShift(big, minusOne) }, PyError("ValueError", "negative shift count")),
      ({ rt.intPower(zero, minusOne) }, PyError("ZeroDivisionError", "0.0 cannot be raised to a negative power")),
      ({ rt.intPower(one, one, modulus: zero) }, PyError("ValueError", "pow() 3rd argument cannot be 0")),
      ({ rt.intLeftShift(one, big) }, PyError("OverflowError", "too many digits in integer")),
      ({ rt.intLeftShift(one, twoTo63) }, PyError("MemoryError", "")),
    ]
    for (operation, error) in cases {
      #expect(operation() == nil)
      #expect(rt.takeError() == error)
    }
    // Huge right shifts and shifts of zero need no memory.
    #expect(rt.outcome(rt.intRightShift(minusOne, big)) == "-0x1")
    #expect(rt.outcome(rt.intRightShift(one, big)) == "0x0")
    #expect(rt.outcome(rt.intLeftShift(zero, big)) == "0x0")
    for object in [one, zero, big, minusOne, twoTo63] { rt.decref(object) }
  }

  @Test func formattingInPowerOfTwoBases() {
    let runtime = Runtime()
    let rt = runtime.ref
    let cases: [(Int, String, String, String)] = [
      (0, "0b0", "0o0", "0x0"), (-5, "-0b101", "-0o5", "-0x5"), (255, "0b11111111", "0o377", "0xff"),
      (-8, "-0b1000", "-0o10", "-0x8"), (1 << 40, "0b1" + String(repeating: "0", count: 40), "0o20000000000000", "0x10000000000"),
    ]
    for (value, binary, octal, hex) in cases {
      let int = rt.newInt(value)!
      #expect(rt.intToString(int, base: 2) == binary)
      #expect(rt.intToString(int, base: 8) == octal)
      #expect(rt.intToString(int, base: 16) == hex)
      rt.decref(int)
    }
  }

  /// `sys.set_int_max_str_digits`: 4300 by default, both directions, base 10 only.
  @Test func stringDigitLimit() {
    let runtime = Runtime()
    let rt = runtime.ref
    #expect(rt.intMaxStrDigits == 4300)
    let limitText = String(repeating: "9", count: 4300)
    let atLimit = rt.newInt(parsing: limitText)!
    #expect(rt.intToDecimalString(atLimit) == limitText)
    let negative = rt.intNegate(atLimit)!
    #expect(rt.intToDecimalString(negative) == "-" + limitText)
    let ten = rt.newInt(10)!
    let over = rt.intMultiply(atLimit, ten)!
    #expect(rt.intToDecimalString(over) == nil)
    #expect(rt.takeError() == PyError("ValueError", "Exceeds the limit (4300 digits) for integer string conversion; "
      + "use sys.set_int_max_str_digits() to increase the limit"))
    #expect(rt.intToString(over, base: 16) != nil)                 // power-of-two bases are not limited
    #expect(rt.newInt(parsing: "1" + String(repeating: "_0", count: 4300)) == nil)
    #expect(rt.takeError() == PyError("ValueError", "Exceeds the limit (4300 digits) for integer string conversion: "
      + "value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit"))
    let hexOver = rt.newInt(parsing: String(repeating: "f", count: 5000), base: 16)
    #expect(hexOver != nil)
    #expect(rt.setIntMaxStrDigits(100) == false)
    #expect(rt.takeError() == PyError("ValueError", "maxdigits must be 0 or larger than 640"))
    #expect(rt.setIntMaxStrDigits(0))
    #expect(rt.intToDecimalString(over)?.utf8.count == 4301)
    for object in [atLimit, negative, ten, over, hexOver!] { rt.decref(object) }
  }

  /// `hash()` values recorded from CPython 3.11 (PYTHONHASHSEED does not affect numbers).
  @Test func hashesMatchCPython() {
    let runtime = Runtime()
    let rt = runtime.ref
    let cases: [(String, Int)] = [
      ("0", 0), ("1", 1), ("-1", -2), ("-2", -2), ("1fffffffffffffff", 0), ("2000000000000000", 1),
      ("-2000000000000000", -2), ("1ffffffffffffffe", (1 << 61) - 2), ("10000000000000000000000", 1 << 27),
    ]
    for (hex, expected) in cases {
      let int = rt.testInt(hex: hex)
      #expect(rt.hash(int) == expected, "hash(0x\(hex))")
      rt.decref(int)
    }
    #expect(rt.hash(rt.state.pointee.trueObject) == 1)
    #expect(rt.hash(rt.state.pointee.falseObject) == 0)
  }
}
