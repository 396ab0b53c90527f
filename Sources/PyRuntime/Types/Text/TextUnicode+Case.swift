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
    return assigned(value)?.properties.isLowercase ?? false
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
    return assigned(value)?.properties.numericType != nil
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
  /// for every character of Unicode 14 the folding is lower(upper(lower(c))) except where
  /// folding keeps the character (`ı`) and for Cherokee, whose small letters fold to the
  /// capital ones.
  static func fold(_ value: UInt32, into output: UnsafeMutablePointer<UInt32>) -> Int {
    if value < 0x80 { return lower(value, into: output) }
    guard let scalar = assigned(value), scalar.properties.changesWhenCaseFolded else {
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
