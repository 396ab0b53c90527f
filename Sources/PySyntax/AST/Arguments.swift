/// The parameters of a `def` or a `lambda`: CPython's `ast.arguments` (no location).
///
/// ```
/// def f(a, b=1, /, c=2, *args, d, e=3, **kw)
///   posonlyargs [a, b]   args [c]   vararg args   kwonlyargs [d, e]   kwarg kw
///   defaults [1, 2]      (the last len(defaults) of posonlyargs + args)
///   kw_defaults [None, 3] (one per kwonly parameter; nil where there is no default)
/// ```
///
/// CPython: Parser/Python.asdl, `arguments`.
public struct Arguments: Hashable, Sendable {
  public var posonlyargs: [Arg]
  public var args: [Arg]
  public var vararg: Arg?
  public var kwonlyargs: [Arg]
  public var kwDefaults: [Expr?]
  public var kwarg: Arg?
  public var defaults: [Expr]

  public init(
    posonlyargs: [Arg] = [], args: [Arg] = [], vararg: Arg? = nil, kwonlyargs: [Arg] = [],
    kwDefaults: [Expr?] = [], kwarg: Arg? = nil, defaults: [Expr] = []
  ) {
    self.posonlyargs = posonlyargs
    self.args = args
    self.vararg = vararg
    self.kwonlyargs = kwonlyargs
    self.kwDefaults = kwDefaults
    self.kwarg = kwarg
    self.defaults = defaults
  }
}

/// One parameter: CPython's `ast.arg`. Its span covers the name and the annotation, not a
/// default value or the `*`/`**` before it.
public struct Arg: Hashable, Sendable {
  public var arg: String
  public var annotation: Expr?
  /// Always nil (type comments are not read).
  public var typeComment: String?
  public var span: SourceSpan

  public init(arg: String, annotation: Expr?, typeComment: String? = nil, span: SourceSpan) {
    self.arg = arg
    self.annotation = annotation
    self.typeComment = typeComment
    self.span = span
  }
}

/// A named argument of a call or a class definition, `arg=value`, or `**value` (`arg` nil):
/// CPython's `ast.keyword`.
public struct Keyword: Hashable, Sendable {
  public var arg: String?
  public var value: Expr
  public var span: SourceSpan

  public init(arg: String?, value: Expr, span: SourceSpan) {
    self.arg = arg
    self.value = value
    self.span = span
  }
}
