/// Class names and fields of expressions and of the records they hold (`arguments`, `arg`,
/// `keyword`, `comprehension`), for ``ASTDumper``.
extension ASTDumper {
  static func describe(_ node: Expr) -> DumpNode {
    var f = DumpFields()
    let name: StaticString
    switch node.kind {
    case .boolOp(let op, let values):
      name = "BoolOp"
      f.add("op", .singleton(op.rawValue)); f.add("values", .exprs(values))
    case .namedExpr(let target, let value):
      name = "NamedExpr"
      f.add("target", .expr(target)); f.add("value", .expr(value))
    case .binOp(let left, let op, let right):
      name = "BinOp"
      f.add("left", .expr(left)); f.add("op", .singleton(op.rawValue)); f.add("right", .expr(right))
    case .unaryOp(let op, let operand):
      name = "UnaryOp"
      f.add("op", .singleton(op.rawValue)); f.add("operand", .expr(operand))
    case .lambda(let args, let body):
      name = "Lambda"
      f.add("args", .arguments(args)); f.add("body", .expr(body))
    case .ifExp(let test, let body, let orelse):
      name = "IfExp"
      f.add("test", .expr(test)); f.add("body", .expr(body)); f.add("orelse", .expr(orelse))
    case .dict(let keys, let values):
      name = "Dict"
      f.add("keys", .list(keys.map { $0.map { .expr($0) } ?? .text("None") })); f.add("values", .exprs(values))
    case .set(let elts):
      name = "Set"
      f.add("elts", .exprs(elts))
    case .listComp(let elt, let generators):
      name = "ListComp"
      f.add("elt", .expr(elt)); f.add("generators", comprehensions(generators))
    case .setComp(let elt, let generators):
      name = "SetComp"
      f.add("elt", .expr(elt)); f.add("generators", comprehensions(generators))
    case .dictComp(let key, let value, let generators):
      name = "DictComp"
      f.add("key", .expr(key)); f.add("value", .expr(value)); f.add("generators", comprehensions(generators))
    case .generatorExp(let elt, let generators):
      name = "GeneratorExp"
      f.add("elt", .expr(elt)); f.add("generators", comprehensions(generators))
    case .await(let value):
      name = "Await"
      f.add("value", .expr(value))
    case .yield(let value):
      name = "Yield"
      f.add("value", value)
    case .yieldFrom(let value):
      name = "YieldFrom"
      f.add("value", .expr(value))
    case .compare(let left, let ops, let comparators):
      name = "Compare"
      f.add("left", .expr(left)); f.add("ops", .list(ops.map { .singleton($0.rawValue) }))
      f.add("comparators", .exprs(comparators))
    case .call(let function, let args, let keywords):
      name = "Call"
      f.add("func", .expr(function)); f.add("args", .exprs(args))
      f.add("keywords", .list(keywords.map { .keyword($0) }))
    case .formattedValue(let value, let conversion, let formatSpec):
      name = "FormattedValue"
      f.add("value", .expr(value)); f.add("conversion", .text(String(conversion))); f.add("format_spec", formatSpec)
    case .joinedStr(let values):
      name = "JoinedStr"
      f.add("values", .exprs(values))
    case .constant(let value, let kind):
      name = "Constant"
      f.add("value", .constant(value)); f.add("kind", DumpValue.identifier(kind))
    case .attribute(let value, let attr, let ctx):
      name = "Attribute"
      f.add("value", .expr(value)); f.add("attr", .identifier(attr)); f.add("ctx", .singleton(ctx.rawValue))
    case .subscript(let value, let slice, let ctx):
      name = "Subscript"
      f.add("value", .expr(value)); f.add("slice", .expr(slice)); f.add("ctx", .singleton(ctx.rawValue))
    case .starred(let value, let ctx):
      name = "Starred"
      f.add("value", .expr(value)); f.add("ctx", .singleton(ctx.rawValue))
    case .name(let id, let ctx):
      name = "Name"
      f.add("id", .identifier(id)); f.add("ctx", .singleton(ctx.rawValue))
    case .list(let elts, let ctx):
      name = "List"
      f.add("elts", .exprs(elts)); f.add("ctx", .singleton(ctx.rawValue))
    case .tuple(let elts, let ctx):
      name = "Tuple"
      f.add("elts", .exprs(elts)); f.add("ctx", .singleton(ctx.rawValue))
    case .slice(let lower, let upper, let step):
      name = "Slice"
      f.add("lower", lower); f.add("upper", upper); f.add("step", step)
    }
    return DumpNode(name: name, fields: f.fields, span: node.span)
  }

  static func describe(_ node: Arguments) -> DumpNode {
    var f = DumpFields()
    f.add("posonlyargs", .list(node.posonlyargs.map { .arg($0) }))
    f.add("args", .list(node.args.map { .arg($0) }))
    f.add("vararg", node.vararg.map { DumpValue.arg($0) })
    f.add("kwonlyargs", .list(node.kwonlyargs.map { .arg($0) }))
    f.add("kw_defaults", .list(node.kwDefaults.map { $0.map { .expr($0) } ?? .text("None") }))
    f.add("kwarg", node.kwarg.map { DumpValue.arg($0) })
    f.add("defaults", .exprs(node.defaults))
    return DumpNode(name: "arguments", fields: f.fields, span: nil)
  }

  static func describe(_ node: Arg) -> DumpNode {
    var f = DumpFields()
    f.add("arg", .identifier(node.arg))
    f.add("annotation", node.annotation)
    f.add("type_comment", DumpValue.identifier(node.typeComment))
    return DumpNode(name: "arg", fields: f.fields, span: node.span)
  }

  static func describe(_ node: Keyword) -> DumpNode {
    var f = DumpFields()
    f.add("arg", DumpValue.identifier(node.arg))
    f.add("value", .expr(node.value))
    return DumpNode(name: "keyword", fields: f.fields, span: node.span)
  }

  static func describe(_ node: Comprehension) -> DumpNode {
    DumpNode(name: "comprehension", fields: [
      ("target", .expr(node.target)), ("iter", .expr(node.iter)), ("ifs", .exprs(node.ifs)),
      ("is_async", .flag(node.isAsync)),
    ], span: nil)
  }

  static func comprehensions(_ items: [Comprehension]) -> DumpValue {
    .list(items.map { .comprehension($0) })
  }
}
