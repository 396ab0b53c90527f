/// A statement node: CPython's `ast.stmt` and its subclasses.
///
/// Like ``Expr``, a kind plus a span; see there for the naming rules. The span of a compound
/// statement ends with the last token of its last clause, and a decorated definition starts
/// at `def`, `async` or `class`, not at its first decorator (as in CPython since 3.8).
///
/// `type_comment` fields exist because CPython has them; they are always nil, as with
/// `ast.parse`'s default `type_comments=False`.
///
/// CPython: Parser/Python.asdl, `stmt`.
public struct Stmt: Hashable, Sendable {
  public var kind: Kind
  public var span: SourceSpan

  public init(_ kind: Kind, _ span: SourceSpan) {
    self.kind = kind
    self.span = span
  }

  /// The classes of `ast.stmt`.
  public indirect enum Kind: Hashable, Sendable {
    case functionDef(
      name: String, args: Arguments, body: [Stmt], decoratorList: [Expr], returns: Expr?,
      typeComment: String?)
    case asyncFunctionDef(
      name: String, args: Arguments, body: [Stmt], decoratorList: [Expr], returns: Expr?,
      typeComment: String?)
    case classDef(name: String, bases: [Expr], keywords: [Keyword], body: [Stmt], decoratorList: [Expr])
    case `return`(value: Expr?)
    case delete(targets: [Expr])
    /// `targets[0] = targets[1] = … = value`.
    case assign(targets: [Expr], value: Expr, typeComment: String?)
    case augAssign(target: Expr, op: Operator, value: Expr)
    /// `simple` is true for an unparenthesized name target (CPython's int field `simple`).
    case annAssign(target: Expr, annotation: Expr, value: Expr?, simple: Bool)
    case `for`(target: Expr, iter: Expr, body: [Stmt], orelse: [Stmt], typeComment: String?)
    case asyncFor(target: Expr, iter: Expr, body: [Stmt], orelse: [Stmt], typeComment: String?)
    case `while`(test: Expr, body: [Stmt], orelse: [Stmt])
    /// `elif` is an `If` alone in the `orelse` of the one before.
    case `if`(test: Expr, body: [Stmt], orelse: [Stmt])
    case with(items: [WithItem], body: [Stmt], typeComment: String?)
    case asyncWith(items: [WithItem], body: [Stmt], typeComment: String?)
    case match(subject: Expr, cases: [MatchCase])
    case raise(exc: Expr?, cause: Expr?)
    case `try`(body: [Stmt], handlers: [ExceptHandler], orelse: [Stmt], finalbody: [Stmt])
    /// `try` with `except*` clauses (PEP 654).
    case tryStar(body: [Stmt], handlers: [ExceptHandler], orelse: [Stmt], finalbody: [Stmt])
    case assert(test: Expr, msg: Expr?)
    case `import`(names: [Alias])
    /// `level` counts the leading dots of a relative import (0 for an absolute one).
    case importFrom(module: String?, names: [Alias], level: Int)
    case global(names: [String])
    case nonlocal(names: [String])
    /// An expression statement.
    case expr(value: Expr)
    case pass
    case `break`
    case `continue`
  }
}
