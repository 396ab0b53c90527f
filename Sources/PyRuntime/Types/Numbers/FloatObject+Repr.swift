/// `repr(float)` (and `str(float)`, the same since 3.2): the shortest digit string that
/// reads back as the same double, laid out by the 'r' format rules: positional when the
/// decimal exponent is in −4 ..< 16 (`0.0001`, `1000000000000000.0`), scientific otherwise
/// with at least two exponent digits (`1e-05`, `1e+16`, `1.2345678901234567e+20`); an
/// integral value keeps `.0`; `inf`, `-inf`, `nan`, `-0.0`.
///
/// The digits come from the standard library's `Double.description`, which is also the
/// shortest round-tripping (and, among those, closest) representation; only its layout
/// differs from Python's, so it is parsed back into digits and a decimal exponent here.
/// CPython: Objects/floatobject.c, `float_repr`; Python/pystrtod.c,
/// `PyOS_double_to_string` with mode 'r'.
extension FloatObject {
  /// `repr(x)`.
  public static func repr(_ x: Double) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x < 0 ? "-inf" : "inf" }
    if x == 0 { return x.sign == .minus ? "-0.0" : "0.0" }
    let (digits, pointPosition) = shortestDigits(abs(x))
    var text = x < 0 ? "-" : ""
    // value = 0.d1d2d3… × 10^pointPosition; the scientific exponent is pointPosition − 1.
    if pointPosition <= -4 || pointPosition > 16 {
      text.append(Character(Unicode.Scalar(digits[0])))
      if digits.count > 1 {
        text.append(".")
        text.append(String(decoding: digits[1...], as: UTF8.self))
      }
      let exponent = pointPosition - 1
      text.append(exponent < 0 ? "e-" : "e+")
      let magnitude = String(abs(exponent))
      if magnitude.utf8.count < 2 { text.append("0") }
      text.append(magnitude)
    } else if pointPosition <= 0 {
      text.append("0.")
      text.append(String(repeating: "0", count: -pointPosition))
      text.append(String(decoding: digits, as: UTF8.self))
    } else if pointPosition >= digits.count {
      text.append(String(decoding: digits, as: UTF8.self))
      text.append(String(repeating: "0", count: pointPosition - digits.count))
      text.append(".0")
    } else {
      text.append(String(decoding: digits[..<pointPosition], as: UTF8.self))
      text.append(".")
      text.append(String(decoding: digits[pointPosition...], as: UTF8.self))
    }
    return text
  }

  /// The shortest round-tripping significant digits of a positive finite `x` (ASCII, no
  /// leading or trailing zeros) and the position of the decimal point relative to them:
  /// `x = 0.d1d2… × 10^pointPosition`.
  static func shortestDigits(_ x: Double) -> (digits: [UInt8], pointPosition: Int) {
    // `description` spells it "123.45", "1e-05" or "1.2345e+20".
    let text = Array(x.description.utf8)
    var digits: [UInt8] = []
    digits.reserveCapacity(20)
    var integerDigits = 0
    var seenPoint = false
    var index = 0
    var exponent = 0
    while index < text.count {
      let byte = text[index]
      if byte == UInt8(ascii: ".") {
        seenPoint = true
      } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
        exponent = Int(String(decoding: text[(index + 1)...], as: UTF8.self))!
        break
      } else {
        digits.append(byte)
        if !seenPoint { integerDigits += 1 }
      }
      index += 1
    }
    var pointPosition = integerDigits + exponent
    let leadingZeros = digits.prefix { $0 == UInt8(ascii: "0") }.count
    digits.removeFirst(leadingZeros)
    pointPosition -= leadingZeros
    while digits.last == UInt8(ascii: "0") { digits.removeLast() }
    return (digits, pointPosition)
  }
}

extension RuntimeRef {
  /// `repr(f)` of a float object.
  public func floatRepr(_ object: PyRef) -> String { FloatObject.repr(FloatObject.value(object)) }
}
