/// PySyntax turns Python source text into tokens and, later, an abstract syntax tree.
///
/// The pipeline inside this module:
///
/// ```
/// [UInt8] ──► SourceFile ──────────────► Tokenizer ─────────────► Token stream
///             BOM, PEP 263 cookie,         indentation, brackets,    kind + byte range
///             latin-1 → UTF-8, lines       numbers, strings, names    + line/column
/// ```
///
/// Errors are ``PySyntaxError`` values that carry exactly the fields of CPython's
/// `SyntaxError` (`msg`, `filename`, `lineno`, `offset`, `text`, `end_lineno`, `end_offset`)
/// and render like CPython's top-level exception printer.
public enum PySyntax {
  /// The Python grammar version this module targets.
  public static let grammarVersion = "3.11"
}
