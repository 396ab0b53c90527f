/// PySyntax turns Python source text into tokens and an abstract syntax tree, as CPython
/// 3.11's front end does.
///
/// The pipeline inside this module:
///
/// ```
/// [UInt8] ──► SourceFile ──────────────► Tokenizer ─────────────► Parser ──────────────► Module
///             BOM, PEP 263 cookie,         indentation, brackets,    statements, expressions,   (AST values;
///             latin-1 → UTF-8, lines       numbers, strings, names    f-strings, patterns,       dump() prints
///                                                                     CPython's error messages   ast.dump)
/// ```
///
/// Entry points: ``parse(_:filename:)`` (as `ast.parse`), ``Parser`` for more control,
/// ``tokenize(_:filename:includeTrivia:)``, and ``Module/dump(includeAttributes:)``.
///
/// Errors are ``PySyntaxError`` values that carry exactly the fields of CPython's
/// `SyntaxError` (`msg`, `filename`, `lineno`, `offset`, `text`, `end_lineno`, `end_offset`)
/// and render like CPython's top-level exception printer.
public enum PySyntax {
  /// The Python grammar version this module targets.
  public static let grammarVersion = "3.11"
}
