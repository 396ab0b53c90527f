import PySyntax

/// Builds the `SyntaxError`s the symbol table and the code generator raise.
///
/// CPython reports them with `PyErr_RangedSyntaxLocationObject()`: the node's
/// `col_offset + 1` and `end_col_offset + 1`, so the columns are 1-based but count UTF-8
/// **bytes**, not code points as the parser's errors do (checked against 3.11:
/// `"é=1; global é"` reports offset 9). `text` is nil: CPython reads it back from the file
/// named `filename`, which the compiler does not do; the caller may fill it in.
struct CompileErrorFactory {
  let filename: String

  func error(_ message: String, at span: SourceSpan) -> PySyntaxError {
    PySyntaxError(
      kind: .syntax, message: message, filename: filename, line: span.lineno,
      column: span.colOffset + 1, endLine: span.endLineno, endColumn: span.endColOffset + 1,
      text: nil)
  }

  /// An error located by line and column only, as `PyErr_SyntaxLocationObject()` reports
  /// it (the `__future__` errors): `end_offset` is None in CPython, 0 here.
  func error(_ message: String, line: Int, column: Int) -> PySyntaxError {
    PySyntaxError(
      kind: .syntax, message: message, filename: filename, line: line, column: column + 1,
      endLine: line, endColumn: 0, text: nil)
  }
}
