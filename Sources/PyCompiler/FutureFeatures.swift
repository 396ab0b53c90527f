import PySyntax

/// The `from __future__ import …` statements at the top of a module.
///
/// Only `annotations` changes what the compiler does (annotations become strings); the
/// other features of 3.11 are mandatory and accepted as no-ops, `braces` is `not a chance`,
/// and an unknown feature is an error. A future import anywhere else (after other code, or
/// in a function) is rejected by the code generator, which knows the line of the last
/// valid one (``lastLine``).
///
/// CPython: Python/future.c, `future_parse()`, `future_check_features()`.
struct FutureFeatures {
  var annotations = false
  /// `barry_as_FLUFL` (the parser already took `<>`); recorded for completeness.
  var barryAsBDFL = false
  /// The line of the last valid future import, or -1 (`ff_lineno`).
  var lastLine = -1

  static let knownNoOps: Set<String> = [
    "nested_scopes", "generators", "division", "absolute_import", "with_statement",
    "print_function", "unicode_literals", "generator_stop",
  ]

  init(_ module: Module, errors: CompileErrorFactory) throws(PySyntaxError) {
    var body = module.body[...]
    if let first = body.first, first.isDocstring { body = body.dropFirst() }
    var done = false
    var previousLine = 0
    for statement in body {
      if done && statement.span.lineno > previousLine { return }
      previousLine = statement.span.lineno
      guard case .importFrom(let name?, let names, _) = statement.kind, name == "__future__" else {
        done = true
        continue
      }
      if done {
        // A future import after another statement on the same line (`import x; from
        // __future__ import y`): CPython reports this one here, with the 0-based column.
        throw errors.error(
          "from __future__ imports must occur at the beginning of the file",
          line: statement.span.lineno, column: statement.span.colOffset - 1)
      }
      for alias in names {
        switch alias.name {
        case "annotations": annotations = true
        case "barry_as_FLUFL": barryAsBDFL = true
        case "braces":
          throw errors.error("not a chance", line: statement.span.lineno, column: statement.span.colOffset)
        case let feature where Self.knownNoOps.contains(feature):
          break
        case let feature:
          throw errors.error(
            "future feature \(feature) is not defined", line: statement.span.lineno, column: statement.span.colOffset)
        }
      }
      lastLine = statement.span.lineno
    }
  }

  /// Whether a future import at `span` is misplaced, because it comes on a line after the
  /// last valid one (CPython 3.11's `compiler_from_import()` compares lines only).
  func isAfterFutureImports(_ span: SourceSpan) -> Bool {
    span.lineno > lastLine
  }
}

extension Stmt {
  /// An expression statement that is a `str` constant: a docstring when it comes first
  /// (`_PyAST_GetDocString()`).
  var isDocstring: Bool {
    if case .expr(let value) = kind, case .constant(.str, _) = value.kind { return true }
    return false
  }
}
