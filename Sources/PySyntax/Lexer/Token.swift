/// One token: its kind and where it lies in the ``SourceFile``. No text is copied.
///
/// The token's text is `source.bytes[start.offset..<end.offset]`, which is:
/// - the spelling for NAME, NUMBER, STRING (prefix and quotes included), operators, COMMENT;
/// - the indentation for INDENT (`tokenize` reports it the same way);
/// - the line terminator (`\n`, `\r\n` or `\r`) for NEWLINE and NL;
/// - empty for DEDENT, ENDMARKER, ENCODING, and for the NEWLINE (or NL) that stands in for a
///   missing final line terminator. That implicit NEWLINE still ends one column after it
///   starts, as in CPython, so `end.column - start.column == 1` while the byte range is empty.
///
/// DEDENT sits, with zero width, where the first token of the dedented line begins; DEDENTs
/// and ENDMARKER at end of input sit at column 0 of the line after the last one.
///
/// CPython: Parser/tokenizer.c, `tok_get()` results `p_start`/`p_end`; Lib/tokenize.py,
/// `TokenInfo`.
public struct Token: Hashable, Sendable, CustomStringConvertible {
  public var kind: TokenKind
  public var start: SourceLocation
  public var end: SourceLocation

  public init(kind: TokenKind, start: SourceLocation, end: SourceLocation) {
    self.kind = kind
    self.start = start
    self.end = end
  }

  /// The bytes of the token in ``SourceFile/bytes``.
  public var byteRange: Range<Int> { start.offset..<end.offset }

  public var description: String { "\(kind.name) \(start)-\(end)" }
}
