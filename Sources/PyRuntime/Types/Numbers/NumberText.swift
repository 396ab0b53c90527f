/// Text helpers the numeric types need before the str type exists: the repr of a Swift
/// string, as `repr(str)` spells it, for error messages such as "invalid literal for int()
/// with base 10: '…'".
/// CPython: Objects/unicodeobject.c, `unicode_repr`; `%.200R` in `PyUnicode_FromFormat`.
enum NumberText {
  /// `repr(text)` cut to its first 200 characters (`%.200R`).
  static func truncatedRepr(_ text: String) -> String {
    var scalars = String.UnicodeScalarView()
    for scalar in repr(text).unicodeScalars.prefix(200) { scalars.append(scalar) }
    return String(scalars)
  }

  /// `repr(text)`: single quotes unless the text has a single quote and no double quote;
  /// backslash escapes for the quote, backslash, `\t \n \r`, and non-printable characters.
  static func repr(_ text: String) -> String {
    let hasSingle = text.utf8.contains(UInt8(ascii: "'")), hasDouble = text.utf8.contains(UInt8(ascii: "\""))
    let quote: Unicode.Scalar = hasSingle && !hasDouble ? "\"" : "'"
    var result = String.UnicodeScalarView()
    result.append(quote)
    for scalar in text.unicodeScalars {
      switch scalar {
      case quote, "\\":
        result.append("\\")
        result.append(scalar)
      case "\t": result.append(contentsOf: "\\t".unicodeScalars)
      case "\n": result.append(contentsOf: "\\n".unicodeScalars)
      case "\r": result.append(contentsOf: "\\r".unicodeScalars)
      default:
        if isPrintable(scalar) {
          result.append(scalar)
        } else {
          let (prefix, width) = scalar.value <= 0xFF ? ("\\x", 2) : scalar.value <= 0xFFFF ? ("\\u", 4) : ("\\U", 8)
          let hex = String(scalar.value, radix: 16)
          result.append(contentsOf: (prefix + String(repeating: "0", count: width - hex.utf8.count) + hex).unicodeScalars)
        }
      }
    }
    result.append(quote)
    return String(result)
  }

  /// `str.isprintable()` for one character: not a control, format, surrogate, private-use,
  /// unassigned or separator character, except the space.
  static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.value < 0x7F { return scalar.value >= 0x20 }
    switch scalar.properties.generalCategory {
    case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator,
         .spaceSeparator:
      return false
    default:
      return true
    }
  }
}
