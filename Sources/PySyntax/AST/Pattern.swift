/// A pattern of a `case` clause: CPython's `ast.pattern` and its subclasses (PEP 634).
///
/// ```
/// case 1 | -2.5 | "s":         MatchOr([MatchValue(Constant), MatchValue(UnaryOp), …])
/// case None:                   MatchSingleton(None)
/// case [a, *rest]:             MatchSequence([MatchAs(name='a'), MatchStar('rest')])
/// case {"k": v, **others}:     MatchMapping(keys, patterns, rest='others')
/// case Point(0, y=z):          MatchClass(cls, patterns, kwd_attrs=['y'], kwd_patterns)
/// case _:                      MatchAs()          (no pattern, no name: the wildcard)
/// case (p) as name:            MatchAs(pattern=p, name='name')
/// ```
///
/// CPython: Parser/Python.asdl, `pattern`.
public struct Pattern: Hashable, Sendable {
  public var kind: Kind
  public var span: SourceSpan

  public init(_ kind: Kind, _ span: SourceSpan) {
    self.kind = kind
    self.span = span
  }

  /// The classes of `ast.pattern`.
  public indirect enum Kind: Hashable, Sendable {
    /// A literal or a dotted name compared with `==`.
    case matchValue(value: Expr)
    /// `None`, `True` or `False`, compared with `is`.
    case matchSingleton(value: ConstantValue)
    case matchSequence(patterns: [Pattern])
    case matchMapping(keys: [Expr], patterns: [Pattern], rest: String?)
    case matchClass(cls: Expr, patterns: [Pattern], kwdAttrs: [String], kwdPatterns: [Pattern])
    /// `*name`, or `*_` (name nil), inside a sequence pattern.
    case matchStar(name: String?)
    /// A capture (`x`), the wildcard (`_`: both nil), or `pattern as name`.
    case matchAs(pattern: Pattern?, name: String?)
    case matchOr(patterns: [Pattern])
  }
}
