/// One `for … in … if …` clause of a comprehension or generator expression: CPython's
/// `ast.comprehension` (no location).
///
/// `[x for a in b if c if d async for e in f]` has two: `(a, b, [c, d], false)` and
/// `(e, f, [], true)`.
///
/// CPython: Parser/Python.asdl, `comprehension`.
public struct Comprehension: Hashable, Sendable {
  /// The loop target, in `Store` context.
  public var target: Expr
  public var iter: Expr
  public var ifs: [Expr]
  /// `async for` (CPython's int field `is_async`).
  public var isAsync: Bool

  public init(target: Expr, iter: Expr, ifs: [Expr], isAsync: Bool) {
    self.target = target
    self.iter = iter
    self.ifs = ifs
    self.isAsync = isAsync
  }
}
