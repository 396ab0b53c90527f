/// NAME tokens, and the string prefixes that look like names (`rb"…"`).
///
/// ASCII names are letters, digits and `_`. Any non-ASCII byte may be part of a name while
/// scanning; the finished name is then decoded and checked as CPython checks it: the first
/// character must be XID_Start or `_`, the others XID_Continue (`Unicode.Scalar.Properties`
/// supplies both). The NFKC normalization CPython applies to names belongs to the parser,
/// when it turns a NAME into an identifier; the token keeps the source bytes.
///
/// Keywords are NAMEs here too; see ``Keywords``.
///
/// CPython: Parser/tokenizer.c, `tok_get()` "Identifier", `verify_identifier()`;
/// Objects/unicodeobject.c, `_PyUnicode_ScanIdentifier()`.
extension Tokenizer {
  mutating func scanNameOrString(from start: SourceLocation) -> Token? {
    if let quote = stringPrefixEnd(at: pos) { return scanString(from: start, quoteAt: quote) }
    var sawNonASCII = false
    while true {
      let byte = char(pos)
      guard byte.isIdentifierContinue else { break }
      if byte >= 0x80 { sawNonASCII = true }
      pos += 1
    }
    if sawNonASCII, let error = verifyIdentifier(start.offset..<pos) { return fail(error) }
    return token(.name, from: start)
  }

  /// If a string prefix (`b r u f br rb fr rf`, any case) starts at `i` and a quote follows,
  /// the offset of that quote.
  func stringPrefixEnd(at i: Int) -> Int? {
    let first = peek(i).asciiLowercased
    guard Tokenizer.isPrefixLetter(first) else { return nil }
    let second = peek(i + 1)
    if second == UInt8(ascii: "\"") || second == UInt8(ascii: "'") { return i + 1 }
    let pair = (first, second.asciiLowercased)
    let r = UInt8(ascii: "r")
    guard pair == (UInt8(ascii: "b"), r) || pair == (r, UInt8(ascii: "b"))
      || pair == (UInt8(ascii: "f"), r) || pair == (r, UInt8(ascii: "f"))
    else { return nil }
    let third = peek(i + 2)
    return third == UInt8(ascii: "\"") || third == UInt8(ascii: "'") ? i + 2 : nil
  }

  static func isPrefixLetter(_ lowercased: UInt8) -> Bool {
    lowercased == UInt8(ascii: "b") || lowercased == UInt8(ascii: "r")
      || lowercased == UInt8(ascii: "u") || lowercased == UInt8(ascii: "f")
  }

  /// Checks a name holding non-ASCII bytes.
  ///
  /// Errors: ill-formed UTF-8 (possible only when the file declared UTF-8; undeclared files
  /// are checked line by line before) is CPython's `(unicode error) 'utf-8' codec can't
  /// decode …`, offset = byte column of the name's end, end offset -1. A character that may
  /// not be in a name is `invalid character '€' (U+20AC)`, or `invalid non-printable
  /// character U+00A0`, with the caret on it.
  func verifyIdentifier(_ range: Range<Int>) -> PySyntaxError? {
    if let bad = UTF8DecodeError.firstError(in: bytes, range) {
      return error(.syntax, "(unicode error) " + bad.codecMessage(), line: line,
                   column: range.upperBound - lineStart, endColumn: -1, withTerminator: true)
    }
    var offset = range.lowerBound
    for scalar in String(decoding: bytes[range], as: UTF8.self).unicodeScalars {
      let allowed = offset == range.lowerBound
        ? scalar.properties.isXIDStart || scalar == "_"
        : scalar.properties.isXIDContinue
      if !allowed {
        let column = characterCount(lineStart..<offset) + 1
        let code = hex4Upper(scalar.value)
        let message = Tokenizer.isPrintable(scalar)
          ? "invalid character '\(Character(scalar))' (U+\(code))"
          : "invalid non-printable character U+\(code)"
        return error(.syntax, message, line: line, column: column, endColumn: column)
      }
      offset += UTF8.width(scalar)
    }
    return nil
  }

  /// Python's `str.isprintable()` for one character: not a control, format, surrogate,
  /// private-use, unassigned or separator character, except the ASCII space.
  static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
    if scalar == " " { return true }
    switch scalar.properties.generalCategory {
    case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator,
      .paragraphSeparator, .spaceSeparator:
      return false
    default:
      return true
    }
  }
}
