/// Backslash escapes of non-raw `str` and `bytes` literals.
///
/// ```
/// \<newline>  removed            \\ \' \"  the character
/// \a \b \f \n \r \t \v           control characters
/// \ooo        1–3 octal digits (> 0o377: DeprecationWarning "invalid octal escape sequence")
/// \xhh        exactly 2 hex digits
/// \uXXXX \UXXXXXXXX \N{name}     str only
/// anything else                  kept with its backslash (DeprecationWarning "invalid escape sequence")
/// ```
///
/// Error positions reproduce CPython's, which decodes `str` escapes after replacing every
/// non-ASCII character by a 10-character `\UXXXXXXXX` (and a backslash before one by
/// `\u005c`), so positions after non-ASCII text count those replacements.
///
/// CPython: Objects/unicodeobject.c, `_PyUnicode_DecodeUnicodeEscapeInternal()`;
/// Objects/bytesobject.c, `_PyBytes_DecodeEscape()`; Parser/string_parser.c,
/// `decode_unicode_with_escapes()`.
struct EscapeDecoder {
  let text: [UInt8]
  let isBytes: Bool
  var i = 0
  /// CPython's position of `text[i]` (see the type's comment).
  var position = 0
  var out: [UInt8] = []
  var warning: String?

  init(text: [UInt8], isBytes: Bool) {
    self.text = text
    self.isBytes = isBytes
    out.reserveCapacity(text.count)
  }

  mutating func run() -> Result<StringLiteral.DecodedBody, StringLiteral.DecodeFailure> {
    while i < text.count {
      if text[i] == UInt8(ascii: "\\") {
        if let failure = escape() { return .failure(failure) }
      } else {
        copyCharacter()
      }
    }
    return .success(StringLiteral.DecodedBody(bytes: out, warning: warning))
  }

  /// Copies one character (one byte for bytes, one scalar for str).
  mutating func copyCharacter() {
    let length = isBytes || text[i] < 0x80 ? 1 : EscapeDecoder.sequenceLength(text[i])
    out.append(contentsOf: text[i..<min(i + length, text.count)])
    position += length == 1 ? 1 : 10
    i += length
  }

  static func sequenceLength(_ lead: UInt8) -> Int {
    lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
  }

  /// Decodes the escape at `i` (a backslash).
  mutating func escape() -> StringLiteral.DecodeFailure? {
    let start = position
    guard i + 1 < text.count else { return trailingBackslash() }
    let code = text[i + 1]
    if let simple = EscapeDecoder.simpleEscape(code) {
      if code != 0x0A { out.append(simple) }
      advance(2)
      return nil
    }
    switch code {
    case UInt8(ascii: "0")...UInt8(ascii: "7"):
      octal()
    case UInt8(ascii: "x"):
      return hex(digits: 2, start: start)
    case UInt8(ascii: "u") where !isBytes:
      return hex(digits: 4, start: start)
    case UInt8(ascii: "U") where !isBytes:
      return hex(digits: 8, start: start)
    case UInt8(ascii: "N") where !isBytes:
      return named(start: start)
    default:
      invalid(code)
    }
    return nil
  }

  /// The byte for `\\ \' \" \a \b \f \n \r \t \v`, and `\n` for a line continuation.
  static func simpleEscape(_ code: UInt8) -> UInt8? {
    switch code {
    case 0x0A: return 0x0A
    case UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""): return code
    case UInt8(ascii: "a"): return 0x07
    case UInt8(ascii: "b"): return 0x08
    case UInt8(ascii: "f"): return 0x0C
    case UInt8(ascii: "n"): return 0x0A
    case UInt8(ascii: "r"): return 0x0D
    case UInt8(ascii: "t"): return 0x09
    case UInt8(ascii: "v"): return 0x0B
    default: return nil
    }
  }

  mutating func advance(_ count: Int) {
    i += count
    position += count
  }

  mutating func octal() {
    var value: UInt32 = 0
    var count = 0
    while count < 3, i + 1 + count < text.count, text[i + 1 + count] &- UInt8(ascii: "0") < 8 {
      value = value * 8 + UInt32(text[i + 1 + count] - UInt8(ascii: "0"))
      count += 1
    }
    if value > 0o377, warning == nil {
      warning = "invalid octal escape sequence '\\\(String(decoding: text[(i + 1)...(i + count)], as: UTF8.self))'"
    }
    if isBytes { out.append(UInt8(truncatingIfNeeded: value)) } else { appendScalar(value) }
    advance(1 + count)
  }

  /// `\x`, `\u`, `\U`: exactly `digits` hex digits.
  mutating func hex(digits: Int, start: Int) -> StringLiteral.DecodeFailure? {
    var value: UInt32 = 0
    var count = 0
    while count < digits, i + 2 + count < text.count, let digit = EscapeDecoder.hexValue(text[i + 2 + count]) {
      value = value << 4 | digit
      count += 1
    }
    if count < digits {
      if isBytes {
        return StringLiteral.DecodeFailure(message: "(value error) invalid \\x escape at position \(i)")
      }
      let name = digits == 2 ? "\\xXX" : digits == 4 ? "\\uXXXX" : "\\UXXXXXXXX"
      return unicodeError(start, start + 2 + count, "truncated \(name) escape")
    }
    if value > 0x10FFFF { return unicodeError(start, start + 2 + digits, "illegal Unicode character") }
    if isBytes { out.append(UInt8(value)) } else { appendScalar(value) }
    advance(2 + digits)
    return nil
  }

  static func hexValue(_ byte: UInt8) -> UInt32? {
    if byte.isDigit { return UInt32(byte - UInt8(ascii: "0")) }
    let lower = byte | 0x20
    return lower &- UInt8(ascii: "a") < 6 ? UInt32(lower - UInt8(ascii: "a") + 10) : nil
  }

  /// `\N{name}`: the name is looked up case-insensitively in the Unicode names and aliases.
  mutating func named(start: Int) -> StringLiteral.DecodeFailure? {
    guard i + 2 < text.count, text[i + 2] == UInt8(ascii: "{") else {
      return unicodeError(start, start + 2, "malformed \\N character escape")
    }
    let nameStart = i + 3
    guard let close = text[nameStart...].firstIndex(of: UInt8(ascii: "}")) else {
      return unicodeError(start, start + cpythonLength(i..<text.count), "malformed \\N character escape")
    }
    guard close > nameStart else {
      return unicodeError(start, start + 3, "malformed \\N character escape")
    }
    guard let scalar = UnicodeNames.lookup(text[nameStart..<close]) else {
      return unicodeError(start, start + cpythonLength(i..<(close + 1)), "unknown Unicode character name")
    }
    appendScalar(scalar)
    position += cpythonLength(i..<(close + 1))
    i = close + 1
    return nil
  }

  /// An unknown escape: the backslash stays, and the next character is read normally.
  mutating func invalid(_ code: UInt8) {
    out.append(UInt8(ascii: "\\"))
    i += 1
    if !isBytes, code >= 0x80 {
      position += 6  // CPython turned the backslash into \u005c: no warning
      return
    }
    position += 1
    if warning == nil {
      warning = "invalid escape sequence '\\\(String(UnicodeScalar(code)))'"
    }
  }

  func trailingBackslash() -> StringLiteral.DecodeFailure {
    if isBytes { return StringLiteral.DecodeFailure(message: "(value error) Trailing \\ in string") }
    return StringLiteral.DecodeFailure(
      message: "(unicode error) 'unicodeescape' codec can't decode byte 0x5c in position \(position): \\ at end of string")
  }

  func unicodeError(_ start: Int, _ end: Int, _ reason: String) -> StringLiteral.DecodeFailure {
    StringLiteral.DecodeFailure(
      message: "(unicode error) 'unicodeescape' codec can't decode bytes in position \(start)-\(end - 1): \(reason)")
  }

  /// CPython's length of `text[range]`: non-ASCII characters count 10, a backslash before one 6.
  func cpythonLength(_ range: Range<Int>) -> Int {
    var length = 0
    var j = range.lowerBound
    while j < range.upperBound {
      let byte = text[j]
      if byte >= 0x80 {
        length += 10
        j += EscapeDecoder.sequenceLength(byte)
        continue
      }
      length += byte == UInt8(ascii: "\\") && j + 1 < text.count && text[j + 1] >= 0x80 ? 6 : 1
      j += 1
    }
    return length
  }

  /// Appends code point `value` as generalized UTF-8 (surrogates allowed).
  mutating func appendScalar(_ value: UInt32) {
    switch value {
    case ..<0x80:
      out.append(UInt8(value))
    case ..<0x800:
      out.append(UInt8(0xC0 | value >> 6))
      out.append(UInt8(0x80 | value & 0x3F))
    case ..<0x10000:
      out.append(UInt8(0xE0 | value >> 12))
      out.append(UInt8(0x80 | value >> 6 & 0x3F))
      out.append(UInt8(0x80 | value & 0x3F))
    default:
      out.append(UInt8(0xF0 | value >> 18))
      out.append(UInt8(0x80 | value >> 12 & 0x3F))
      out.append(UInt8(0x80 | value >> 6 & 0x3F))
      out.append(UInt8(0x80 | value & 0x3F))
    }
  }
}
