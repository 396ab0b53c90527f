/// Text to floats: `float(text)` with Python's rules.
///
/// * Whitespace around the number is skipped (Unicode whitespace counts; non-ASCII decimal
///   digits read as their ASCII forms, as for `int()`).
/// * Underscores may only stand between two digits (PEP 515): `1_000.5e1_0` is fine,
///   `1__0`, `_1`, `1_.5`, `1e_5` are not.
/// * An optional sign, then `inf`, `infinity` or `nan` in any case, or a decimal number:
///   digits with an optional point (at least one digit in all), then an optional exponent
///   `e`/`E`, optional sign, digits. No hexadecimal (that is `float.fromhex`).
/// * Out-of-range values become `±inf` or `±0.0`, without error.
///
/// The syntax is checked here; the conversion of the checked, underscore-free decimal text
/// is the standard library's `Double(_:)` (C's `strtod`), which is correctly rounded, as
/// CPython's `_Py_dg_strtod` is.
/// CPython: Objects/floatobject.c (`float_from_string_inner`), Python/pystrtod.c
/// (`_Py_string_to_number_with_underscores`, `_Py_parse_inf_or_nan`, `PyOS_string_to_double`).
enum FloatText {
  /// The value of `text` (ASCII form), or nil when it is not a float literal.
  static func parse(_ text: [UInt8]) -> Double? {
    var bytes = text
    if bytes.contains(UInt8(ascii: "_")) {
      guard let cleaned = removeUnderscores(bytes) else { return nil }
      bytes = cleaned
    }
    var start = 0, end = bytes.count
    while start < end && IntLiteral.isSpace(bytes[start]) { start += 1 }
    if start == end { return nil }
    while end > start + 1 && IntLiteral.isSpace(bytes[end - 1]) { end -= 1 }
    var index = start
    var negative = false
    if bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
      negative = bytes[index] == UInt8(ascii: "-")
      index += 1
    }
    if let special = infinityOrNaN(bytes[index..<end]) { return negative ? -special : special }
    guard isDecimal(bytes[index..<end]) else { return nil }
    return Double(String(decoding: bytes[start..<end], as: UTF8.self))
  }

  /// The text without its underscores, or nil when one is not between two digits.
  static func removeUnderscores(_ bytes: [UInt8]) -> [UInt8]? {
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count)
    var previous: UInt8 = 0
    for byte in bytes {
      if byte == UInt8(ascii: "_") {
        if !isDigit(previous) { return nil }
      } else {
        if previous == UInt8(ascii: "_") && !isDigit(byte) { return nil }
        result.append(byte)
      }
      previous = byte
    }
    return previous == UInt8(ascii: "_") ? nil : result
  }

  /// `inf`, `infinity`, `nan` in any case.
  static func infinityOrNaN(_ bytes: ArraySlice<UInt8>) -> Double? {
    guard bytes.count == 3 || bytes.count == 8 else { return nil }
    let lower = String(decoding: bytes.map { $0 | 0x20 }, as: UTF8.self)
    switch lower {
    case "inf", "infinity": return .infinity
    case "nan": return .nan
    default: return nil
    }
  }

  /// `digits [. digits] [e [sign] digits]` with at least one mantissa digit.
  static func isDecimal(_ bytes: ArraySlice<UInt8>) -> Bool {
    var index = bytes.startIndex
    let end = bytes.endIndex
    var mantissaDigits = 0
    while index < end && isDigit(bytes[index]) { index += 1; mantissaDigits += 1 }
    if index < end && bytes[index] == UInt8(ascii: ".") {
      index += 1
      while index < end && isDigit(bytes[index]) { index += 1; mantissaDigits += 1 }
    }
    guard mantissaDigits > 0 else { return false }
    if index == end { return true }
    guard bytes[index] | 0x20 == UInt8(ascii: "e") else { return false }
    index += 1
    if index < end && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) { index += 1 }
    var exponentDigits = 0
    while index < end && isDigit(bytes[index]) { index += 1; exponentDigits += 1 }
    return exponentDigits > 0 && index == end
  }

  @inline(__always)
  static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
