/// One `except` (or `except*`) clause: CPython's `ast.ExceptHandler`.
///
/// The span runs from `except` to the last token of the clause's body.
///
/// CPython: Parser/Python.asdl, `excepthandler`.
public struct ExceptHandler: Hashable, Sendable {
  /// The exception class expression; nil for a bare `except:`.
  public var type: Expr?
  /// The `as` name.
  public var name: String?
  public var body: [Stmt]
  public var span: SourceSpan

  public init(type: Expr?, name: String?, body: [Stmt], span: SourceSpan) {
    self.type = type
    self.name = name
    self.body = body
    self.span = span
  }
}
