/// Character properties as CPython 3.11 sees them.
///
/// CPython 3.11 carries the Unicode 14.0.0 database; Swift's standard library carries a
/// newer one. Every answer is therefore filtered through the code point's age: a character
/// assigned after 14.0 is unassigned here (category Cn, no case mapping), and a case
/// mapping that produces such a character does not apply. A handful of properties changed
/// for old characters later; those are listed where they are corrected. The results equal
/// CPython's for all 1,114,112 code points (checked by the tests against python3).
/// CPython: Objects/unicodectype.c, Tools/unicode/makeunicodedata.py (which derives the
/// flags from UnicodeData.txt and friends).
enum TextUnicode {
  /// The Unicode version of CPython 3.11's database (`unicodedata.unidata_version`).
  static let version = (major: 14, minor: 0)

  /// The scalar for `value` when it was assigned in Unicode 14.0 or earlier.
  @inline(__always)
  static func assigned(_ value: UInt32) -> Unicode.Scalar? {
    guard let scalar = Unicode.Scalar(value), let age = scalar.properties.age else { return nil }
    return age.major < version.major || (age.major == version.major && age.minor <= version.minor) ? scalar : nil
  }

  /// `str.isspace` for one character: bidirectional class WS, B or S, or category Zs
  /// (`Py_UNICODE_ISSPACE`). The set is small and closed, so it is listed.
  static func isSpace(_ value: UInt32) -> Bool {
    switch value {
    case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
      true
    default:
      false
    }
  }

  /// `str.isprintable` for one character: not in categories Cc, Cf, Cs, Co, Cn, Zl, Zp or
  /// Zs, except the ASCII space. This is what `repr` leaves unescaped.
  static func isPrintable(_ value: UInt32) -> Bool {
    if value < 0x7F { return value >= 0x20 }
    guard let scalar = assigned(value) else { return false }
    switch scalar.properties.generalCategory {
    case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator, .spaceSeparator:
      return false
    default:
      return true
    }
  }

  /// `str.isalpha` for one character: categories Lu, Ll, Lt, Lm, Lo.
  static func isAlpha(_ value: UInt32) -> Bool {
    if value < 0x80 { return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
    guard let scalar = assigned(value) else { return false }
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
    default: return false
    }
  }

  /// `str.isdigit` for one character: Numeric_Type Digit or Decimal.
  static func isDigit(_ value: UInt32) -> Bool {
    if value < 0x80 { return value >= 0x30 && value <= 0x39 }
    guard let scalar = assigned(value) else { return false }
    return scalar.properties.numericType == .decimal || scalar.properties.numericType == .digit
  }

  /// Can start an identifier: XID_Start or `_`.
  static func isIdentifierStart(_ value: UInt32) -> Bool {
    if value < 0x80 { return value == 0x5F || isAlpha(value) }
    return assigned(value)?.properties.isXIDStart ?? false
  }

  /// Can continue an identifier: XID_Continue.
  static func isIdentifierContinue(_ value: UInt32) -> Bool {
    if value < 0x80 { return value == 0x5F || isAlpha(value) || isDigit(value) }
    switch value {
    // Became XID_Continue in Unicode 15.1 (ZERO WIDTH NON-JOINER and JOINER, KATAKANA
    // MIDDLE DOT and its halfwidth form).
    case 0x200C, 0x200D, 0x30FB, 0xFF65: return false
    default: return assigned(value)?.properties.isXIDContinue ?? false
    }
  }

  /// Cased (Lowercase, Uppercase or Lt), for the final-sigma rule.
  static func isCased(_ value: UInt32) -> Bool {
    // LATIN LETTER PHARYNGEAL VOICED FRICATIVE was Lowercase until Unicode 16.
    if value == 0x295 { return true }
    // Modifier letters that became Other_Lowercase (so Cased) in Unicode 15.
    if value == 0x10FC || (0xA7F2...0xA7F4).contains(value) || value == 0xAB69 { return false }
    return assigned(value)?.properties.isCased ?? false
  }

  /// Case_Ignorable, for the final-sigma rule.
  static func isCaseIgnorable(_ value: UInt32) -> Bool {
    // AHOM CONSONANT SIGN MEDIAL RA was a nonspacing mark (Mn) in Unicode 14.
    if value == 0x1171E { return true }
    return assigned(value)?.properties.isCaseIgnorable ?? false
  }

  /// The full upper-case mapping (SpecialCasing included, so `ß` → `SS`), written to
  /// `output`; returns how many code points (1…3).
  static func upper(_ value: UInt32, into output: UnsafeMutablePointer<UInt32>) -> Int {
    if value < 0x80 {
      output[0] = value >= 0x61 && value <= 0x7A ? value - 0x20 : value
      return 1
    }
    return mapping(value, upper: true, into: output)
  }

  /// The full lower-case mapping, without context (the caller applies final sigma).
  static func lower(_ value: UInt32, into output: UnsafeMutablePointer<UInt32>) -> Int {
    if value < 0x80 {
      output[0] = value >= 0x41 && value <= 0x5A ? value + 0x20 : value
      return 1
    }
    return mapping(value, upper: false, into: output)
  }

  private static func mapping(_ value: UInt32, upper: Bool, into output: UnsafeMutablePointer<UInt32>) -> Int {
    guard let scalar = assigned(value),
          upper ? scalar.properties.changesWhenUppercased : scalar.properties.changesWhenLowercased else {
      output[0] = value
      return 1
    }
    let mapped = upper ? scalar.properties.uppercaseMapping : scalar.properties.lowercaseMapping
    var count = 0
    for result in mapped.unicodeScalars {
      // A mapping to a character newer than the database does not exist yet.
      guard count < 3, assigned(result.value) != nil else {
        output[0] = value
        return 1
      }
      output[count] = result.value
      count += 1
    }
    return count
  }
}
