/// Splitting a STRING token into prefix, quotes and body, and decoding the body into the
/// value of a `str` or `bytes` literal.
///
/// The tokenizer keeps escapes raw; this is the step after it, which CPython performs in the
/// parser when it builds a `Constant`. f-strings are not decoded here: the parser splits them
/// into literal parts and replacement fields first, then decodes each literal part with
/// ``decodeBody(_:isRaw:isBytes:)``.
///
/// Values:
/// - `str` values are UTF-8. An escape may produce a lone surrogate (`"\ud800"`), which
///   Python allows; it is encoded as its 3-byte generalized UTF-8 form (WTF-8).
/// - `bytes` values are the bytes.
///
/// CPython: Parser/string_parser.c, `_PyPegen_parsestr()`, `decode_unicode_with_escapes()`,
/// `decode_bytes_with_escapes()`; Objects/unicodeobject.c,
/// `_PyUnicode_DecodeUnicodeEscapeInternal()`; Objects/bytesobject.c,
/// `_PyBytes_DecodeEscape()`.
public enum StringLiteral {
  /// The letters before the opening quote. `u` has no effect in Python 3.
  public struct Prefix: Hashable, Sendable {
    public var isRaw = false
    public var isBytes = false
    public var isFormatted = false
    public var isUnicode = false
    /// Number of prefix letters (0…2).
    public var length = 0
  }

  /// The parts of a STRING token.
  public struct Parts: Hashable, Sendable {
    public var prefix: Prefix
    /// 1 or 3.
    public var quoteLength: Int
    /// Offsets of the text between the quotes.
    public var body: Range<Int>
  }

  /// A decoded literal.
  public enum Value: Hashable, Sendable {
    /// A `str`, as (generalized) UTF-8.
    case string([UInt8])
    case bytes([UInt8])
  }

  /// A decoding failure, with CPython's message (`(unicode error) 'unicodeescape' codec
  /// can't decode bytes in position 0-1: truncated \xXX escape`).
  public struct DecodeFailure: Error, Hashable, Sendable {
    public var message: String
  }

  /// A decoded body and the warning CPython would issue for it (only the first invalid
  /// escape of a literal is reported).
  public struct DecodedBody: Hashable, Sendable {
    public var bytes: [UInt8]
    /// `invalid escape sequence '\d'` or `invalid octal escape sequence '\777'`.
    public var warning: String?
  }

  /// Splits the STRING token at `range` of `bytes`.
  /// - Precondition: `bytes[range]` is a STRING token (valid prefix, matching quotes).
  public static func split(_ bytes: [UInt8], _ range: Range<Int>) -> Parts {
    var prefix = Prefix()
    var i = range.lowerBound
    while i < range.upperBound, bytes[i] != UInt8(ascii: "'"), bytes[i] != UInt8(ascii: "\"") {
      switch bytes[i] | 0x20 {
      case UInt8(ascii: "r"): prefix.isRaw = true
      case UInt8(ascii: "b"): prefix.isBytes = true
      case UInt8(ascii: "f"): prefix.isFormatted = true
      case UInt8(ascii: "u"): prefix.isUnicode = true
      default: preconditionFailure("StringLiteral.split: not a string prefix")
      }
      prefix.length += 1
      i += 1
    }
    precondition(range.upperBound - i >= 2, "StringLiteral.split: not a STRING token")
    let quote = bytes[i]
    let triple = range.upperBound - i >= 6 && bytes[i + 1] == quote && bytes[i + 2] == quote
    let quoteLength = triple ? 3 : 1
    return Parts(prefix: prefix, quoteLength: quoteLength,
                 body: (i + quoteLength)..<(range.upperBound - quoteLength))
  }

  /// Decodes a STRING token that is not an f-string. A warning is appended to `warnings`.
  ///
  /// Errors are placed on the string token (CPython places them on the token its parser
  /// looked at last, usually the one after the string).
  /// - Precondition: `token` is a STRING token of `source` without an `f` prefix.
  public static func decode(
    _ token: Token, in source: SourceFile, warnings: inout [PySyntaxWarning]
  ) -> Result<Value, PySyntaxError> {
    precondition(token.kind == .string, "StringLiteral.decode: not a STRING token")
    let parts = split(source.bytes, token.byteRange)
    precondition(!parts.prefix.isFormatted, "StringLiteral.decode: f-strings are split by the parser")
    let body = source.bytes[parts.body]
    func failure(_ message: String) -> Result<Value, PySyntaxError> {
      let start = source.characterPosition(token.start)
      let end = source.characterPosition(token.end)
      return .failure(PySyntaxError(
        kind: .syntax, message: message, filename: source.filename, line: start.line,
        column: start.column + 1, endLine: end.line, endColumn: end.column + 1,
        text: source.lineText(start.line)))
    }
    if parts.prefix.isBytes, body.contains(where: { $0 >= 0x80 }) {
      return failure("bytes can only contain ASCII literal characters")
    }
    switch decodeBody(body, isRaw: parts.prefix.isRaw, isBytes: parts.prefix.isBytes) {
    case .failure(let error):
      return failure(error.message)
    case .success(let decoded):
      if let warning = decoded.warning {
        warnings.append(PySyntaxWarning(category: .deprecationWarning, message: warning, line: token.start.line))
      }
      return .success(parts.prefix.isBytes ? .bytes(decoded.bytes) : .string(decoded.bytes))
    }
  }

  /// Decodes the text between the quotes (or a literal part of an f-string). Line breaks
  /// (`\r\n`, `\r`) become `\n` first, as CPython's tokenizer translates them.
  ///
  /// `str` bodies must be well-formed UTF-8; the error positions follow CPython, which
  /// decodes a body without backslashes (or a raw one) whole and otherwise each run of
  /// non-ASCII bytes on its own.
  public static func decodeBody(
    _ body: ArraySlice<UInt8>, isRaw: Bool, isBytes: Bool
  ) -> Result<DecodedBody, DecodeFailure> {
    let text = normalizingLineBreaks(body)
    if !isBytes, let error = utf8Error(text, wholeBody: isRaw || !text.contains(UInt8(ascii: "\\"))) {
      return .failure(DecodeFailure(message: "(unicode error) " + error))
    }
    if isRaw { return .success(DecodedBody(bytes: text, warning: nil)) }
    var decoder = EscapeDecoder(text: text, isBytes: isBytes)
    return decoder.run()
  }

  static func normalizingLineBreaks(_ body: ArraySlice<UInt8>) -> [UInt8] {
    guard body.contains(0x0D) else { return Array(body) }
    var out: [UInt8] = []
    out.reserveCapacity(body.count)
    var i = body.startIndex
    while i < body.endIndex {
      if body[i] == 0x0D {
        out.append(0x0A)
        if i + 1 < body.endIndex, body[i + 1] == 0x0A { i += 1 }
      } else {
        out.append(body[i])
      }
      i += 1
    }
    return out
  }

  private static func utf8Error(_ text: [UInt8], wholeBody: Bool) -> String? {
    if wholeBody {
      return UTF8DecodeError.firstError(in: text, 0..<text.count)?.codecMessage()
    }
    var i = 0
    while i < text.count {
      guard text[i] >= 0x80 else {
        i += 1
        continue
      }
      var end = i
      while end < text.count, text[end] >= 0x80 { end += 1 }
      if let error = UTF8DecodeError.firstError(in: text, i..<end) { return error.codecMessage() }
      i = end
    }
    return nil
  }
}
