/// Case mapping and the character-class predicates.
/// CPython: Objects/unicodeobject.c, `unicode_upper_impl`, `unicode_lower_impl`,
/// `case_operation`, `handle_capital_sigma`, `unicode_isdigit_impl` and friends.
extension RuntimeRef {
  /// `s.upper()`: full case mapping (`'ß'.upper()` is `'SS'`). Always a new object, as in
  /// CPython, except for the empty string.
  public func strUpper(_ str: PyRef) -> PyRef? { caseOperation(str, upper: true) }

  /// `s.lower()`: full case mapping, with the final-sigma rule (`'ΑΣ'.lower()` is `'ας'`).
  public func strLower(_ str: PyRef) -> PyRef? { caseOperation(str, upper: false) }

  /// `s.isdigit()`: non-empty and every character has Numeric_Type Digit or Decimal.
  public func strIsDigit(_ str: PyRef) -> Bool { StrObject.all(str, TextUnicode.isDigit) }

  /// `s.isalpha()`: non-empty and every character is a letter (category L*).
  public func strIsAlpha(_ str: PyRef) -> Bool { StrObject.all(str, TextUnicode.isAlpha) }

  /// `s.isspace()`: non-empty and every character is whitespace.
  public func strIsSpace(_ str: PyRef) -> Bool { StrObject.all(str, TextUnicode.isSpace) }

  /// `s.isprintable()`: every character is printable (true for the empty string).
  public func strIsPrintable(_ str: PyRef) -> Bool {
    StrObject.length(str) == 0 || StrObject.all(str, TextUnicode.isPrintable)
  }

  /// `s.isidentifier()`: XID_Start or `_`, then XID_Continue (keywords included).
  public func strIsIdentifier(_ str: PyRef) -> Bool {
    let view = StrObject.view(str)
    guard view.count > 0, TextUnicode.isIdentifierStart(view[0]) else { return false }
    for index in 1..<view.count where !TextUnicode.isIdentifierContinue(view[index]) { return false }
    return true
  }

  private func caseOperation(_ str: PyRef, upper: Bool) -> PyRef? {
    let count = StrObject.length(str)
    if count == 0 { return emptyString() }
    if StrObject.isASCII(str) {
      guard let result = StrObject.allocate(self, length: count, maxChar: 0x7F) else { return nil }
      let source = StrObject.data(str), target = StrObject.data(result)
      let (low, high): (UInt8, UInt8) = upper ? (0x61, 0x7A) : (0x41, 0x5A)
      for index in 0..<count {
        let byte = source.load(fromByteOffset: index, as: UInt8.self)
        target.storeBytes(of: byte >= low && byte <= high ? byte ^ 0x20 : byte, toByteOffset: index, as: UInt8.self)
      }
      return result
    }
    // At most three code points per character (SpecialCasing), in a scratch buffer.
    let (capacity, overflow) = count.multipliedReportingOverflow(by: 3 * 4)
    guard !overflow else { return raiseMemoryError() }
    guard let scratch = allocateMemory(capacity) else { return nil }
    defer { freeMemory(scratch) }
    let buffer = scratch.bindMemory(to: UInt32.self, capacity: count * 3)
    let view = StrObject.view(str)
    var written = 0
    var maxChar: UInt32 = 0
    for index in 0..<count {
      let value = view[index]
      let produced: Int
      if !upper && value == 0x3A3 {
        buffer[written] = StrObject.isFinalSigma(view, index) ? 0x3C2 : 0x3C3
        produced = 1
      } else {
        produced = upper ? TextUnicode.upper(value, into: buffer + written)
                         : TextUnicode.lower(value, into: buffer + written)
      }
      for offset in 0..<produced { maxChar = max(maxChar, buffer[written + offset]) }
      written += produced
    }
    guard let result = StrObject.allocate(self, length: written, maxChar: maxChar) else { return nil }
    for index in 0..<written { StrObject.write(result, index, buffer[index]) }
    return result
  }
}

extension StrObject {
  /// Non-empty and `predicate` holds for every character.
  static func all(_ str: PyRef, _ predicate: (UInt32) -> Bool) -> Bool {
    let view = view(str)
    guard view.count > 0 else { return false }
    for index in 0..<view.count where !predicate(view[index]) { return false }
    return true
  }

  /// The Final_Sigma condition of the Unicode Standard (section 3.13): the capital sigma at
  /// `index` follows a cased letter (case-ignorable characters between are skipped) and no
  /// cased letter follows it (likewise).
  static func isFinalSigma(_ view: StrView, _ index: Int) -> Bool {
    var before = index - 1
    while before >= 0 && TextUnicode.isCaseIgnorable(view[before]) { before -= 1 }
    guard before >= 0 && TextUnicode.isCased(view[before]) else { return false }
    var after = index + 1
    while after < view.count && TextUnicode.isCaseIgnorable(view[after]) { after += 1 }
    return after == view.count || !TextUnicode.isCased(view[after])
  }
}
