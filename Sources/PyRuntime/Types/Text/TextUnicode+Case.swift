/// More character properties for the str methods: the case classes, numeric types, title
/// case and case folding, filtered to Unicode 14.0 as in ``TextUnicode``.
/// CPython: Objects/unicodectype.c (`_PyUnicode_IsUppercase`, `_PyUnicode_IsTitlecase`,
/// `_PyUnicode_ToTitleFull`, `_PyUnicode_ToFoldedFull`, `_PyUnicode_IsNumeric`).
extension TextUnicode {
  /// The Uppercase property (`Py_UNICODE_ISUPPER`).
  static func isUpper(_ value: UInt32) -> Bool {
    if value < 0x80 { return value >= 0x41 && value <= 0x5A }
    return assigned(value)?.properties.isUppercase ?? false
  }

  /// The Lowercase property (`Py_UNICODE_ISLOWER`).
  static func isLower(_ value: UInt32) -> Bool {
    if value < 0x80 { return value >= 0x61 && value <= 0x7A }
    switch value {
    // LATIN LETTER PHARYNGEAL VOICED FRICATIVE was Lowercase until Unicode 16.
    case 0x295: return true
    // Modifier letters that became Other_Lowercase in Unicode 15.
    case 0x10FC, 0xA7F2...0xA7F4, 0xAB69: return false
    default: return assigned(value)?.properties.isLowercase ?? false
    }
  }

  /// Category Lt (`Py_UNICODE_ISTITLE`).
  static func isTitle(_ value: UInt32) -> Bool {
    if value < 0x80 { return false }
    return assigned(value)?.properties.generalCategory == .titlecaseLetter
  }

  /// Numeric_Type Decimal (`str.isdecimal`).
  static func isDecimal(_ value: UInt32) -> Bool {
    if value < 0x80 { return value >= 0x30 && value <= 0x39 }
    return assigned(value)?.properties.numericType == .decimal
  }

  /// Any Numeric_Type (`str.isnumeric`).
  static func isNumeric(_ value: UInt32) -> Bool {
    if value < 0x80 { return value >= 0x30 && value <= 0x39 }
    // Ideographs and cuneiform signs that got numeric values after Unicode 14.
    switch value {
    case 0x4E24, 0x4EAC, 0x4FE9, 0x5006, 0x62D0, 0x6D1E, 0x7695, 0x79ED, 0x920E, 0x94A9, 0x12038, 0x12039, 0x12079,
         0x12226, 0x1222B, 0x1230B, 0x1230D, 0x12399:
      return false
    default:
      return assigned(value)?.properties.numericType != nil
    }
  }

  /// `str.isalnum` for one character: alphabetic, or any kind of digit.
  static func isAlnum(_ value: UInt32) -> Bool {
    isAlpha(value) || isNumeric(value)
  }

  /// The decimal digit value of a Numeric_Type Decimal character (for `int('٣')`-style
  /// conversions and the format mini-language), or nil.
  static func decimalValue(_ value: UInt32) -> Int? {
    if value < 0x80 { return value >= 0x30 && value <= 0x39 ? Int(value - 0x30) : nil }
    guard let scalar = assigned(value), scalar.properties.numericType == .decimal,
          let number = scalar.properties.numericValue else { return nil }
    return Int(number)
  }

  /// The full title-case mapping (`_PyUnicode_ToTitleFull`): `ǆ` → `ǅ`, `ß` → `Ss`.
  static func title(_ value: UInt32, into output: UnsafeMutablePointer<UInt32>) -> Int {
    if value < 0x80 { return upper(value, into: output) }
    guard let scalar = assigned(value), scalar.properties.changesWhenTitlecased else {
      output[0] = value
      return 1
    }
    var count = 0
    for result in scalar.properties.titlecaseMapping.unicodeScalars {
      guard count < 3, assigned(result.value) != nil else {
        output[0] = value
        return 1
      }
      output[count] = result.value
      count += 1
    }
    return count
  }

  /// The full case folding (`_PyUnicode_ToFoldedFull`). Swift has no folding table, but
  /// for every character of Unicode 14 the folding is lower(upper(lower(c))), except for
  /// `ı`, which folds to itself, and for Cherokee, whose capital letters fold to themselves
  /// and whose small letters fold to the capital ones.
  static func fold(_ value: UInt32, into output: UnsafeMutablePointer<UInt32>) -> Int {
    if value < 0x80 { return lower(value, into: output) }
    if value == 0x131 || (0x13A0...0x13F5).contains(value) || assigned(value) == nil {
      output[0] = value
      return 1
    }
    if (0x13F8...0x13FD).contains(value) || (0xAB70...0xABBF).contains(value) { return upper(value, into: output) }
    func map(_ values: [UInt32], _ mapping: (UInt32, UnsafeMutablePointer<UInt32>) -> Int) -> [UInt32] {
      var result: [UInt32] = []
      var scratch: (UInt32, UInt32, UInt32) = (0, 0, 0)
      for value in values {
        let produced = withUnsafeMutableBytes(of: &scratch) {
          mapping(value, $0.baseAddress!.assumingMemoryBound(to: UInt32.self))
        }
        result.append(contentsOf: [scratch.0, scratch.1, scratch.2].prefix(produced))
      }
      return result
    }
    let folded = map(map(map([value], lower), upper), lower)
    for (index, result) in folded.prefix(3).enumerated() { output[index] = result }
    return min(folded.count, 3)
  }
}
