/// `float.hex()` and `float.fromhex()`: floats in C99's hexadecimal notation, exact both
/// ways (`(0.1).hex()` is `'0x1.999999999999ap-4'`).
///
/// `hex` writes a normal double as `0x1.<13 hex digits>p<exponent>` and a subnormal as
/// `0x0.<13 hex digits>p-1022`: the 52 stored fraction bits, never trimmed. `fromhex` reads
/// an optional sign, `inf`/`infinity`/`nan`, or `[0x]digits[.digits][p[sign]digits]` with
/// whitespace around, and rounds to the nearest double, ties to even, subnormals included.
/// CPython: Objects/floatobject.c, `float_hex`, `float_fromhex`.
extension FloatObject {
  static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

  /// `x.hex()`.
  public static func hex(_ x: Double) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x < 0 ? "-inf" : "inf" }
    var text = x.sign == .minus ? "-" : ""
    if x == 0 { return text + "0x0.0p+0" }
    let subnormal = x.exponentBitPattern == 0
    let exponent = subnormal ? -1022 : Int(x.exponentBitPattern) - 1023
    var fraction = x.significandBitPattern
    text += subnormal ? "0x0." : "0x1."
    var digits: [UInt8] = []
    for _ in 0..<13 {
      digits.append(hexDigits[Int(fraction >> 48) & 0xF])
      fraction = (fraction << 4) & ((1 << 52) - 1)
    }
    text += String(decoding: digits, as: UTF8.self)
    return text + (exponent < 0 ? "p-" : "p+") + String(abs(exponent))
  }

  enum HexParse {
    case value(Double)
    case invalid
    case overflow
  }

  /// `float.fromhex(text)`, on the text's bytes.
  static func fromHex(_ bytes: [UInt8]) -> HexParse {
    var index = 0
    var end = bytes.count
    while index < end && IntLiteral.isSpace(bytes[index]) { index += 1 }
    while end > index && IntLiteral.isSpace(bytes[end - 1]) { end -= 1 }
    var negative = false
    if index < end && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) {
      negative = bytes[index] == UInt8(ascii: "-")
      index += 1
    }
    if let special = FloatText.infinityOrNaN(bytes[index..<end]) { return .value(negative ? -special : special) }
    if end - index >= 2 && bytes[index] == UInt8(ascii: "0") && bytes[index + 1] | 0x20 == UInt8(ascii: "x") {
      index += 2
    }
    // The coefficient's hex digits, and how many follow the point.
    var nibbles: [UInt8] = []
    var fractionDigits = 0
    var sawDigit = false
    while index < end, let value = hexValue(bytes[index]) {
      if !nibbles.isEmpty || value != 0 { nibbles.append(value) }
      sawDigit = true
      index += 1
    }
    if index < end && bytes[index] == UInt8(ascii: ".") {
      index += 1
      while index < end, let value = hexValue(bytes[index]) {
        if !nibbles.isEmpty || value != 0 { nibbles.append(value) }
        fractionDigits += 1
        sawDigit = true
        index += 1
      }
    }
    guard sawDigit else { return .invalid }
    var exponent = 0
    if index < end && bytes[index] | 0x20 == UInt8(ascii: "p") {
      index += 1
      var exponentNegative = false
      if index < end && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) {
        exponentNegative = bytes[index] == UInt8(ascii: "-")
        index += 1
      }
      var exponentDigits = 0
      while index < end && FloatText.isDigit(bytes[index]) {
        // Saturates: anything this large overflows or underflows anyway.
        exponent = min(exponent * 10 + Int(bytes[index] - UInt8(ascii: "0")), 1 << 40)
        exponentDigits += 1
        index += 1
      }
      guard exponentDigits > 0 else { return .invalid }
      if exponentNegative { exponent = -exponent }
    }
    guard index == end else { return .invalid }
    let sign: FloatingPointSign = negative ? .minus : .plus
    if nibbles.isEmpty { return .value(Double(sign: sign, exponent: 0, significand: 0)) }
    // value = N · 2^scale, N the nibbles as an integer with `bitCount` bits.
    let scale = exponent - 4 * fractionDigits
    let bitCount = nibbles.count * 4 - (nibbles[0].leadingZeroBitCount - 4)
    let top = bitCount - 1 + scale
    if top > 1023 { return .overflow }
    func bit(_ position: Int) -> UInt64 {
      guard position >= 0 && position < bitCount else { return 0 }
      return UInt64(nibbles[nibbles.count - 1 - position / 4] >> UInt8(position % 4)) & 1
    }
    // Keep the bits from `lowest` up: 53 of them, or fewer for a subnormal.
    let lowest = max(top - 52, -1074)
    let dropped = lowest - scale
    var mantissa: UInt64 = 0
    for position in stride(from: bitCount - 1, through: max(dropped, 0), by: -1) {
      mantissa = mantissa << 1 | bit(position)
    }
    if dropped < 0 {
      mantissa <<= UInt64(-dropped)
    } else if dropped > 0 && bit(dropped - 1) == 1 {
      var sticky = false
      for position in 0..<min(dropped - 1, bitCount) where bit(position) == 1 {
        sticky = true
        break
      }
      if sticky || mantissa & 1 == 1 { mantissa += 1 }
    }
    let value = Double(sign: sign, exponent: lowest, significand: Double(mantissa))
    return value.isInfinite ? .overflow : .value(value)
  }

  @inline(__always)
  static func hexValue(_ byte: UInt8) -> UInt8? {
    let value = IntLiteral.digitValue(byte)
    return value < 16 ? UInt8(value) : nil
  }
}
