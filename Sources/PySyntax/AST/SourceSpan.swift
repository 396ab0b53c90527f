/// Where an AST node lies in the source: CPython's node attributes `lineno`, `col_offset`,
/// `end_lineno` and `end_col_offset`.
///
/// Lines are 1-based. Columns are 0-based and count UTF-8 bytes from the start of the line,
/// as CPython's do (the `tokenize` module and `SyntaxError.offset` count code points instead).
/// The end is exclusive: `end_col_offset` is the byte column just past the node's last token.
///
/// A node spans from the first byte of its first token to the end of its last token. Tokens
/// that carry no text of their own are never a node's last token: a compound statement ends
/// with the last real token of its body, not with the NEWLINE or DEDENT after it.
///
/// CPython: Parser/pegen.c, the `EXTRA` macro and `_PyPegen_get_last_nonnwhitespace_token()`.
public struct SourceSpan: Hashable, Sendable, CustomStringConvertible {
  /// `lineno`: line of the first token, 1-based.
  public var lineno: Int
  /// `col_offset`: UTF-8 byte column of the first token, 0-based.
  public var colOffset: Int
  /// `end_lineno`: line of the last token.
  public var endLineno: Int
  /// `end_col_offset`: UTF-8 byte column just past the last token.
  public var endColOffset: Int

  public init(lineno: Int, colOffset: Int, endLineno: Int, endColOffset: Int) {
    self.lineno = lineno
    self.colOffset = colOffset
    self.endLineno = endLineno
    self.endColOffset = endColOffset
  }

  /// From the start of `start` to the end of `end`.
  public init(from start: SourceSpan, to end: SourceSpan) {
    self.init(lineno: start.lineno, colOffset: start.colOffset,
              endLineno: end.endLineno, endColOffset: end.endColOffset)
  }

  /// `lineno:col_offset-end_lineno:end_col_offset`.
  public var description: String { "\(lineno):\(colOffset)-\(endLineno):\(endColOffset)" }
}
