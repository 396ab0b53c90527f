/// A point in a ``SourceFile``: byte offset, 1-based line, and 0-based column in UTF-8 bytes.
///
/// The column counts UTF-8 bytes from the start of the line, as CPython's C tokenizer and the
/// AST's `col_offset` do. The `tokenize` module and `SyntaxError.offset` count code points
/// instead; ``SourceFile/characterColumn(line:byteColumn:)`` converts.
///
/// `offset - column` is the byte offset of the line's start, except for the two synthetic
/// positions CPython invents at end of input: the end of an implicit NEWLINE (one column past
/// the last byte, with no byte behind it) and tokens on the line after the last one.
///
/// CPython: Parser/tokenizer.c, `tok->lineno` and `tok->cur - tok->line_start`.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
  /// Byte offset into ``SourceFile/bytes``.
  public var offset: Int
  /// 1-based line number.
  public var line: Int
  /// 0-based column in UTF-8 bytes.
  public var column: Int

  public init(offset: Int, line: Int, column: Int) {
    self.offset = offset
    self.line = line
    self.column = column
  }

  public var description: String { "\(line):\(column)" }
}
