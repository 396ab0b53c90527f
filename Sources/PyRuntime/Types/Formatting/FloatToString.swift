/// `PyOS_double_to_string`: a double as text in one of the `e`, `f`, `g` (and upper-case)
/// styles or the `r` (repr) style, the layout under every float format in Python:
/// `format(x, spec)`, `'%.3f' % x`, `repr(x)`.
///
/// The digits come from ``FloatDigits``; the layout follows `format_float_short`: a
/// "virtual" digit string padded with zeros on both sides, sliced so that the decimal
/// point lands where the style wants it, then the exponent (`e+05`, at least two digits).
/// CPython: Python/pystrtod.c, `PyOS_double_to_string`, `format_float_short`.
enum FloatToString {
  struct Flags: OptionSet {
    let rawValue: Int
    /// Always write a sign (`Py_DTSF_SIGN`).
    static let sign = Flags(rawValue: 1)
    /// An integral result gets ".0" (`Py_DTSF_ADD_DOT_0`): `repr(1.0)`.
    static let addDot0 = Flags(rawValue: 2)
    /// The `#` form: keep the point and, for `g`, the trailing zeros (`Py_DTSF_ALT`).
    static let alternate = Flags(rawValue: 4)
    /// The `z` option: no sign on a result that is zero (`Py_DTSF_NO_NEG_0`).
    static let noNegativeZero = Flags(rawValue: 8)
  }

  /// `x` in style `code` (`e E f F g G r`) with `precision`, as ASCII bytes.
  static func format(_ x: Double, code: UInt8, precision: Int, flags: Flags = []) -> [UInt8] {
    var code = code
    var upper = false
    var precision = precision
    switch code {
    case UInt8(ascii: "E"): upper = true; code = UInt8(ascii: "e")
    case UInt8(ascii: "F"): upper = true; code = UInt8(ascii: "f")
    case UInt8(ascii: "G"): upper = true; code = UInt8(ascii: "g")
    default: break
    }
    var output: [UInt8] = []
    if x.isNaN || x.isInfinite {
      if x.isInfinite && x < 0 {
        output.append(UInt8(ascii: "-"))
      } else if flags.contains(.sign) {
        output.append(UInt8(ascii: "+"))
      }
      output.append(contentsOf: x.isNaN ? (upper ? Array("NAN".utf8) : Array("nan".utf8))
                                        : (upper ? Array("INF".utf8) : Array("inf".utf8)))
      return output
    }
    let decimal: FloatDigits.Decimal
    switch code {
    case UInt8(ascii: "e"):
      precision += 1
      decimal = FloatDigits.significant(x, precision)
    case UInt8(ascii: "f"):
      decimal = FloatDigits.fixed(x, precision)
    case UInt8(ascii: "g"):
      if precision == 0 { precision = 1 }
      decimal = FloatDigits.significant(x, precision)
    default:
      decimal = FloatDigits.shortest(x)
    }
    var negative = x.sign == .minus
    let digits = decimal.digits
    if flags.contains(.noNegativeZero) && negative && digits == [0x30] { negative = false }
    var decimalPoint = decimal.decimalPoint
    let alternate = flags.contains(.alternate), addDot0 = flags.contains(.addDot0)
    var vdigitsEnd = digits.count
    var useExponent = false
    switch code {
    case UInt8(ascii: "e"):
      useExponent = true
      vdigitsEnd = precision
    case UInt8(ascii: "f"):
      vdigitsEnd = decimalPoint + precision
    case UInt8(ascii: "g"):
      if decimalPoint <= -4 || decimalPoint > (addDot0 ? precision - 1 : precision) { useExponent = true }
      if alternate { vdigitsEnd = precision }
    default:
      if decimalPoint <= -4 || decimalPoint > 16 { useExponent = true }
    }
    var exponent = 0
    if useExponent {
      exponent = decimalPoint - 1
      decimalPoint = 1
    }
    let vdigitsStart = decimalPoint <= 0 ? decimalPoint - 1 : 0
    if !useExponent && addDot0 {
      vdigitsEnd = max(vdigitsEnd, decimalPoint + 1)
    } else {
      vdigitsEnd = max(vdigitsEnd, decimalPoint)
    }
    if negative {
      output.append(UInt8(ascii: "-"))
    } else if flags.contains(.sign) {
      output.append(UInt8(ascii: "+"))
    }
    let zero = UInt8(ascii: "0"), point = UInt8(ascii: ".")
    if decimalPoint <= 0 {
      output.append(contentsOf: repeatElement(zero, count: decimalPoint - vdigitsStart))
      output.append(point)
      output.append(contentsOf: repeatElement(zero, count: -decimalPoint))
    } else {
      output.append(contentsOf: repeatElement(zero, count: -vdigitsStart))
    }
    if decimalPoint > 0 && decimalPoint <= digits.count {
      output.append(contentsOf: digits[0..<decimalPoint])
      output.append(point)
      output.append(contentsOf: digits[decimalPoint...])
    } else {
      output.append(contentsOf: digits)
    }
    if digits.count < decimalPoint {
      output.append(contentsOf: repeatElement(zero, count: decimalPoint - digits.count))
      output.append(point)
      output.append(contentsOf: repeatElement(zero, count: vdigitsEnd - decimalPoint))
    } else {
      output.append(contentsOf: repeatElement(zero, count: vdigitsEnd - digits.count))
    }
    if output.last == point && !alternate { output.removeLast() }
    if useExponent {
      output.append(upper ? UInt8(ascii: "E") : UInt8(ascii: "e"))
      output.append(exponent < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
      let magnitude = Array(String(abs(exponent)).utf8)
      if magnitude.count < 2 { output.append(zero) }
      output.append(contentsOf: magnitude)
    }
    return output
  }
}
