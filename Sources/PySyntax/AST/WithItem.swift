/// One `context_expr as optional_vars` item of a `with` statement: CPython's
/// `ast.withitem` (no location).
///
/// CPython: Parser/Python.asdl, `withitem`.
public struct WithItem: Hashable, Sendable {
  public var contextExpr: Expr
  /// The `as` target, in `Store` context.
  public var optionalVars: Expr?

  public init(contextExpr: Expr, optionalVars: Expr?) {
    self.contextExpr = contextExpr
    self.optionalVars = optionalVars
  }
}
