/// One `case pattern if guard: body` clause of a `match` statement: CPython's
/// `ast.match_case` (no location).
///
/// CPython: Parser/Python.asdl, `match_case`.
public struct MatchCase: Hashable, Sendable {
  public var pattern: Pattern
  public var `guard`: Expr?
  public var body: [Stmt]

  public init(pattern: Pattern, guard: Expr?, body: [Stmt]) {
    self.pattern = pattern
    self.guard = `guard`
    self.body = body
  }
}
