import PySyntax

/// The `from __future__ import …` statements at the top of a module.
///
/// Only `annotations` changes what the compiler does (annotations become strings); the
/// other features of 3.11 are mandatory and accepted as no-ops, `braces` is `not a chance`,
/// and an unknown feature is an error. A future import anywhere else (after other code, or
/// in a function) is rejected by the code generator, which knows where the last valid one
/// was (``lastLocation``).
///
/// CPython: Python/future.c, `future_parse()`, `future_check_features()`.
struct FutureFeatures {
  var annotations = false
  /// `barry_as_FLUFL` (the parser already took `<>`); recorded for completeness.
  var barryAsBDFL = false
  /// The position of the last valid future import, or nil.
  var lastLocation: (line: Int, column: Int)?

  static let knownNoOps: Set<String> = [
    "nested_scopes", "generators", "division", "absolute_import", "with_statement",
    "print_function", "unicode_literals", "generator_stop",
  ]

  init(_ module: Module, errors: CompileErrorFactory) throws(PySyntaxError) {
    var body = module.body[...]
    if let first = body.first, first.isDocstring { body = body.dropFirst() }
    for statement in body {
      guard case .importFrom(let name?, let names, _) = statement.kind, name == "__future__" else { return }
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
      lastLocation = (statement.span.lineno, statement.span.colOffset)
    }
  }

  /// Whether a statement at `span` comes after the last valid future import
  /// (`location_is_after()`); always true when there was none.
  func isAfterFutureImports(_ span: SourceSpan) -> Bool {
    guard let lastLocation else { return true }
    return span.lineno > lastLocation.line
      || (span.lineno == lastLocation.line && span.colOffset > lastLocation.column)
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
