/// `repr()` of constants, exactly as CPython 3.11 prints them, for ``Module/dump()``.
///
/// ```
/// None  True  Ellipsis                 the names
/// 12345678901234567890123              ints in decimal, whatever base the literal used
/// 1.0  1e+16  1e-05  0.0001  inf       floats: shortest round-trip digits, Python's layout
/// 1j  1.5j  1e+16j  infj               imaginary numbers: like floats, without a forced ".0"
/// 'it'  "it's"  'say "hi"\n'          str: quotes and escapes chosen as `unicode_repr()` does
/// b'\x00\xff'                          bytes: ASCII printable as is, the rest as \xhh
/// ```
///
/// Printability of non-ASCII characters follows Python 3.11's Unicode 14 database:
/// characters whose general category is a separator, control, format, surrogate, private-use
/// or unassigned one are escaped, and so are characters Unicode assigned after version 14
/// (unassigned for Python 3.11), judged by `Unicode.Scalar.Properties.age`.
///
/// CPython: Objects/unicodeobject.c, `unicode_repr()`; Objects/bytesobject.c,
/// `PyBytes_Repr()`; Objects/floatobject.c, `float_repr()`; Python/pystrtod.c,
/// `PyOS_double_to_string()` with 'r'; Objects/complexobject.c, `complex_repr()`.
extension ConstantValue {
  /// The `repr()` of the value, or nil for an int with more than 4,300 decimal digits (CPython
  /// raises `ValueError` there).
  public var pythonRepr: String? {
    switch self {
    case .none: return "None"
    case .bool(let value): return value ? "True" : "False"
    case .ellipsis: return "Ellipsis"
    case .int(let value): return value.decimalString()
    case .float(let value): return PythonRepr.float(value, forceDecimalPoint: true)
    case .complex(let imag): return PythonRepr.float(imag, forceDecimalPoint: false) + "j"
    case .str(let bytes): return PythonRepr.string(bytes)
    case .bytes(let bytes): return PythonRepr.bytes(bytes)
    }
  }
}

/// The formatting rules behind ``ConstantValue/pythonRepr``.
enum PythonRepr {
  static let hexDigits = Array("0123456789abcdef".utf8)

  /// `repr(float)`, or with `forceDecimalPoint: false` the imaginary part of `repr(complex)`.
  ///
  /// Python writes the shortest digits that round-trip (Swift's `description` finds the
  /// same digits), in positional notation when the decimal exponent `e` (value =
  /// 0.d1d2… × 10^e) satisfies -4 < e <= 16, else in scientific notation with a signed,
  /// at least two-digit exponent.
  static func float(_ value: Double, forceDecimalPoint: Bool) -> String {
    if value.isNaN { return "nan" }
    if value.isInfinite { return value < 0 ? "-inf" : "inf" }
    let sign = value.sign == .minus ? "-" : ""
    let (digits, exponent) = shortestDigits(Swift.abs(value))
    if exponent <= -4 || exponent > 16 {
      var text = sign + String(digits.first!)
      if digits.count > 1 { text += "." + String(digits.dropFirst()) }
      let e = exponent - 1
      let magnitude = String(Swift.abs(e))
      return text + "e" + (e < 0 ? "-" : "+") + (magnitude.count < 2 ? "0" : "") + magnitude
    }
    var text: String
    if exponent <= 0 {
      text = "0." + String(repeating: "0", count: -exponent) + String(digits)
    } else if exponent >= digits.count {
      text = String(digits) + String(repeating: "0", count: exponent - digits.count)
      if forceDecimalPoint { text += ".0" }
    } else {
      text = String(digits.prefix(exponent)) + "." + String(digits.dropFirst(exponent))
    }
    return sign + text
  }

  /// The shortest round-trip decimal digits of a finite, non-negative `value` (no leading or
  /// trailing zeros; "0" for zero) and the exponent `e` with value = 0.digits × 10^e.
  static func shortestDigits(_ value: Double) -> (digits: [Character], exponent: Int) {
    if value == 0 { return (["0"], 1) }
    let text = value.description  // "1.5", "1e-05", "1.2345e+17", "100.0"
    var mantissa = Substring(text)
    var exponent = 0
    if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      mantissa = text[..<e]
      exponent = Int(text[text.index(after: e)...])!
    }
    var digits: [Character] = []
    var pointPosition: Int?
    for character in mantissa {
      if character == "." { pointPosition = digits.count } else { digits.append(character) }
    }
    var decimalExponent = (pointPosition ?? digits.count) + exponent
    while digits.first == "0" {
      digits.removeFirst()
      decimalExponent -= 1
    }
    while digits.last == "0" { digits.removeLast() }
    return (digits, decimalExponent)
  }

  /// `repr(str)` of a WTF-8 string.
  static func string(_ bytes: [UInt8]) -> String {
    var hasSingle = false
    var hasDouble = false
    for byte in bytes {
      if byte == UInt8(ascii: "'") { hasSingle = true }
      if byte == UInt8(ascii: "\"") { hasDouble = true }
    }
    let quote: UInt8 = hasSingle && !hasDouble ? UInt8(ascii: "\"") : UInt8(ascii: "'")
    var out: [UInt8] = [quote]
    out.reserveCapacity(bytes.count + 2)
    var i = 0
    while i < bytes.count {
      let (value, length) = decodeWTF8(bytes, at: i)
      appendStringCharacter(value, bytes[i..<(i + length)], quote: quote, to: &out)
      i += length
    }
    out.append(quote)
    return String(decoding: out, as: UTF8.self)
  }

  private static func appendStringCharacter(
    _ value: UInt32, _ encoded: ArraySlice<UInt8>, quote: UInt8, to out: inout [UInt8]
  ) {
    switch value {
    case UInt32(quote), 0x5C:
      out.append(0x5C)
      out.append(UInt8(value))
    case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
    case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
    case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
    case 0..<0x20, 0x7F: appendHexEscape(value, marker: "x", digits: 2, to: &out)
    case 0x20..<0x7F: out.append(UInt8(value))
    default:
      if isPrintable(value) {
        out.append(contentsOf: encoded)
      } else if value <= 0xFF {
        appendHexEscape(value, marker: "x", digits: 2, to: &out)
      } else if value <= 0xFFFF {
        appendHexEscape(value, marker: "u", digits: 4, to: &out)
      } else {
        appendHexEscape(value, marker: "U", digits: 8, to: &out)
      }
    }
  }

  /// `\xhh`, `\uhhhh` or `\Uhhhhhhhh`.
  private static func appendHexEscape(_ value: UInt32, marker: Unicode.Scalar, digits: Int, to out: inout [UInt8]) {
    out.append(0x5C)
    out.append(UInt8(marker.value))
    for shift in stride(from: (digits - 1) * 4, through: 0, by: -4) {
      out.append(hexDigits[Int((value >> UInt32(shift)) & 0xF)])
    }
  }

  /// Decodes one code point of generalized UTF-8 at `i`; an ill-formed byte decodes as
  /// itself (it cannot occur in parser output).
  static func decodeWTF8(_ bytes: [UInt8], at i: Int) -> (value: UInt32, length: Int) {
    let lead = bytes[i]
    let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
    guard length > 1, i + length <= bytes.count else { return (UInt32(lead), 1) }
    var value = UInt32(lead) & (0x7F >> UInt32(length))
    for j in 1..<length { value = value << 6 | UInt32(bytes[i + j] & 0x3F) }
    return (value, length)
  }

  /// Python 3.11's `str.isprintable()` for one non-ASCII code point.
  static func isPrintable(_ value: UInt32) -> Bool {
    guard let scalar = Unicode.Scalar(value) else { return false }  // a surrogate
    let properties = scalar.properties
    guard let age = properties.age, age.major < 14 || (age.major == 14 && age.minor == 0) else {
      return false
    }
    switch properties.generalCategory {
    case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator,
      .paragraphSeparator, .spaceSeparator:
      return false
    default:
      return true
    }
  }

  /// `repr(bytes)`.
  static func bytes(_ bytes: [UInt8]) -> String {
    let quote: UInt8 = bytes.contains(UInt8(ascii: "'")) && !bytes.contains(UInt8(ascii: "\""))
      ? UInt8(ascii: "\"") : UInt8(ascii: "'")
    var out: [UInt8] = [UInt8(ascii: "b"), quote]
    out.reserveCapacity(bytes.count + 3)
    for byte in bytes {
      switch byte {
      case quote, 0x5C:
        out.append(0x5C)
        out.append(byte)
      case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
      case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
      case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
      case 0x20..<0x7F: out.append(byte)
      default: appendHexEscape(UInt32(byte), marker: "x", digits: 2, to: &out)
      }
    }
    out.append(quote)
    return String(decoding: out, as: UTF8.self)
  }
}
