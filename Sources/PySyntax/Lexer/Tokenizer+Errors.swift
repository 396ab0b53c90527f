/// Building ``PySyntaxError`` values with CPython's positions.
///
/// Most tokenizer errors follow CPython's `syntaxerror()`: the offset is the number of code
/// points between the start of the line and the cursor, so the caret lands on the last
/// character read. A few errors are raised elsewhere in CPython and count bytes or use fixed
/// columns; their throw sites say so.
///
/// CPython: Parser/tokenizer.c, `_syntaxerror_range()`, `indenterror()`;
/// Parser/pegen_errors.c, `_Pypegen_tokenizer_error()`.
extension Tokenizer {
  /// An error on the current line whose offset counts the code points before `offset`.
  func errorBefore(_ offset: Int, _ message: String, kind: PySyntaxError.Kind = .syntax) -> PySyntaxError {
    let column = characterCount(lineStart..<offset)
    return error(kind, message, line: line, column: column, endColumn: column)
  }

  /// An error on `line` with explicit CPython offsets.
  ///
  /// `withTerminator`: the error's text keeps the line's terminator (as `\n`). CPython's
  /// tokenizer strips it from the errors it raises itself; the errors its parser raises on
  /// the tokenizer's behalf (indentation, tabs, line continuation, end of input, unclosed
  /// brackets, undecodable names) read the whole line.
  func error(
    _ kind: PySyntaxError.Kind, _ message: String, line: Int, column: Int, endColumn: Int,
    withTerminator: Bool = false
  ) -> PySyntaxError {
    var text = source.lineText(line)
    if withTerminator, line < source.lineCount { text += "\n" }
    return PySyntaxError(kind: kind, message: message, filename: source.filename, line: line,
                         column: column, endLine: line, endColumn: endColumn, text: text)
  }

  /// Code points in `range` (counting lead bytes, so ill-formed bytes count one each).
  func characterCount(_ range: Range<Int>) -> Int {
    var count = 0
    for i in range where bytes[i] & 0xC0 != 0x80 { count += 1 }
    return count
  }

  /// `'(' was never closed`, at the bracket. The offset counts bytes (CPython passes the byte
  /// column of the bracket plus one); the end offset is 0.
  /// CPython: Parser/pegen_errors.c, `_PyPegen_raise_unclosed_parentheses_error()`.
  func neverClosedError(_ open: Bracket) -> PySyntaxError {
    let spelling = String(UnicodeScalar(open.byte))
    return error(.syntax, "'\(spelling)' was never closed", line: open.line,
                 column: open.column + 1, endColumn: 0, withTerminator: true)
  }
}
