/// An expression node: CPython's `ast.expr` and its subclasses.
///
/// A node is a plain value: its ``kind`` (the class and its fields, as an indirect enum) and
/// its ``span`` (the four location attributes). Field names are CPython's in Swift spelling
/// (`format_spec` → `formatSpec`), in CPython's order, so a case reads like the ASDL line it
/// comes from:
///
/// ```
/// BinOp(expr left, operator op, expr right)    →   .binOp(left:op:right:)
/// ```
///
/// Optional fields (`expr?` in the ASDL) are Swift optionals; sequences (`expr*`) are arrays.
/// `Dict.keys` holds `nil` for each `**mapping` entry, as in CPython.
///
/// CPython: Parser/Python.asdl, `expr`; Lib/ast.py.
public struct Expr: Hashable, Sendable {
  public var kind: Kind
  public var span: SourceSpan

  public init(_ kind: Kind, _ span: SourceSpan) {
    self.kind = kind
    self.span = span
  }

  /// The classes of `ast.expr`.
  public indirect enum Kind: Hashable, Sendable {
    /// `a and b and c`: one node for a run of the same operator.
    case boolOp(op: BoolOperator, values: [Expr])
    /// `target := value`; the target is a `Name` in `Store` context.
    case namedExpr(target: Expr, value: Expr)
    case binOp(left: Expr, op: Operator, right: Expr)
    case unaryOp(op: UnaryOperator, operand: Expr)
    case lambda(args: Arguments, body: Expr)
    /// `body if test else orelse`.
    case ifExp(test: Expr, body: Expr, orelse: Expr)
    /// `keys[i]` is nil for a `**mapping` entry, whose mapping is `values[i]`.
    case dict(keys: [Expr?], values: [Expr])
    case set(elts: [Expr])
    case listComp(elt: Expr, generators: [Comprehension])
    case setComp(elt: Expr, generators: [Comprehension])
    case dictComp(key: Expr, value: Expr, generators: [Comprehension])
    case generatorExp(elt: Expr, generators: [Comprehension])
    case await(value: Expr)
    case yield(value: Expr?)
    case yieldFrom(value: Expr)
    /// `left ops[0] comparators[0] ops[1] comparators[1] …`, a chained comparison.
    case compare(left: Expr, ops: [CmpOperator], comparators: [Expr])
    /// Positional arguments, including `*iterable`, are in `args` in source order; named
    /// arguments and `**mapping` are in `keywords`.
    case call(func: Expr, args: [Expr], keywords: [Keyword])
    /// One replacement field of an f-string. `conversion` is -1 (none) or the code of `s`,
    /// `r` or `a` (115, 114, 97); `formatSpec` is a ``joinedStr(values:)``.
    case formattedValue(value: Expr, conversion: Int, formatSpec: Expr?)
    /// An f-string (with the strings concatenated to it): literal parts as `Constant`
    /// strings and replacement fields as `FormattedValue`.
    case joinedStr(values: [Expr])
    /// A literal. `kind` is `"u"` when the first string of a `str` literal has the `u`
    /// prefix, and nil otherwise.
    case constant(value: ConstantValue, kind: String?)
    case attribute(value: Expr, attr: String, ctx: ExprContext)
    case `subscript`(value: Expr, slice: Expr, ctx: ExprContext)
    case starred(value: Expr, ctx: ExprContext)
    case name(id: String, ctx: ExprContext)
    case list(elts: [Expr], ctx: ExprContext)
    case tuple(elts: [Expr], ctx: ExprContext)
    /// `lower:upper:step`, only as a subscript or an element of a subscript's tuple.
    case slice(lower: Expr?, upper: Expr?, step: Expr?)
  }
}

extension Expr {
  /// The expression context of the kinds that have one, else nil.
  public var context: ExprContext? {
    switch kind {
    case .attribute(_, _, let ctx), .subscript(_, _, let ctx), .starred(_, let ctx), .name(_, let ctx),
      .list(_, let ctx), .tuple(_, let ctx):
      return ctx
    default:
      return nil
    }
  }
}
