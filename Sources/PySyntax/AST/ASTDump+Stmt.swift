/// Class names and fields of statements, patterns and the records they hold (`alias`,
/// `withitem`, `excepthandler`, `match_case`), for ``ASTDumper``.
extension ASTDumper {
  static func describe(_ node: Stmt) -> DumpNode {
    var f = DumpFields()
    let name: StaticString
    switch node.kind {
    case .functionDef(let id, let args, let body, let decorators, let returns, let typeComment):
      name = "FunctionDef"
      functionFields(id, args, body, decorators, returns, typeComment, &f)
    case .asyncFunctionDef(let id, let args, let body, let decorators, let returns, let typeComment):
      name = "AsyncFunctionDef"
      functionFields(id, args, body, decorators, returns, typeComment, &f)
    case .classDef(let id, let bases, let keywords, let body, let decorators):
      name = "ClassDef"
      f.add("name", .identifier(id)); f.add("bases", .exprs(bases))
      f.add("keywords", .list(keywords.map { .keyword($0) })); f.add("body", .stmts(body))
      f.add("decorator_list", .exprs(decorators))
    case .return(let value):
      name = "Return"
      f.add("value", value)
    case .delete(let targets):
      name = "Delete"
      f.add("targets", .exprs(targets))
    case .assign(let targets, let value, let typeComment):
      name = "Assign"
      f.add("targets", .exprs(targets)); f.add("value", .expr(value))
      f.add("type_comment", DumpValue.identifier(typeComment))
    case .augAssign(let target, let op, let value):
      name = "AugAssign"
      f.add("target", .expr(target)); f.add("op", .singleton(op.rawValue)); f.add("value", .expr(value))
    case .annAssign(let target, let annotation, let value, let simple):
      name = "AnnAssign"
      f.add("target", .expr(target)); f.add("annotation", .expr(annotation)); f.add("value", value)
      f.add("simple", .flag(simple))
    case .for(let target, let iter, let body, let orelse, let typeComment):
      name = "For"
      loopFields(target, iter, body, orelse, typeComment, &f)
    case .asyncFor(let target, let iter, let body, let orelse, let typeComment):
      name = "AsyncFor"
      loopFields(target, iter, body, orelse, typeComment, &f)
    case .while(let test, let body, let orelse):
      name = "While"
      f.add("test", .expr(test)); f.add("body", .stmts(body)); f.add("orelse", .stmts(orelse))
    case .if(let test, let body, let orelse):
      name = "If"
      f.add("test", .expr(test)); f.add("body", .stmts(body)); f.add("orelse", .stmts(orelse))
    case .with(let items, let body, let typeComment):
      name = "With"
      withFields(items, body, typeComment, &f)
    case .asyncWith(let items, let body, let typeComment):
      name = "AsyncWith"
      withFields(items, body, typeComment, &f)
    case .match(let subject, let cases):
      name = "Match"
      f.add("subject", .expr(subject)); f.add("cases", .list(cases.map { .matchCase($0) }))
    case .raise(let exc, let cause):
      name = "Raise"
      f.add("exc", exc); f.add("cause", cause)
    case .try(let body, let handlers, let orelse, let finalbody):
      name = "Try"
      tryFields(body, handlers, orelse, finalbody, &f)
    case .tryStar(let body, let handlers, let orelse, let finalbody):
      name = "TryStar"
      tryFields(body, handlers, orelse, finalbody, &f)
    case .assert(let test, let msg):
      name = "Assert"
      f.add("test", .expr(test)); f.add("msg", msg)
    case .import(let names):
      name = "Import"
      f.add("names", .list(names.map { .alias($0) }))
    case .importFrom(let module, let names, let level):
      name = "ImportFrom"
      f.add("module", DumpValue.identifier(module)); f.add("names", .list(names.map { .alias($0) }))
      f.add("level", .text(String(level)))
    case .global(let names):
      name = "Global"
      f.add("names", .identifiers(names))
    case .nonlocal(let names):
      name = "Nonlocal"
      f.add("names", .identifiers(names))
    case .expr(let value):
      name = "Expr"
      f.add("value", .expr(value))
    case .pass: name = "Pass"
    case .break: name = "Break"
    case .continue: name = "Continue"
    }
    return DumpNode(name: name, fields: f.fields, span: node.span)
  }

  static func functionFields(
    _ name: String, _ args: Arguments, _ body: [Stmt], _ decorators: [Expr], _ returns: Expr?,
    _ typeComment: String?, _ f: inout DumpFields
  ) {
    f.add("name", .identifier(name)); f.add("args", .arguments(args)); f.add("body", .stmts(body))
    f.add("decorator_list", .exprs(decorators)); f.add("returns", returns)
    f.add("type_comment", DumpValue.identifier(typeComment))
  }

  static func loopFields(
    _ target: Expr, _ iter: Expr, _ body: [Stmt], _ orelse: [Stmt], _ typeComment: String?,
    _ f: inout DumpFields
  ) {
    f.add("target", .expr(target)); f.add("iter", .expr(iter)); f.add("body", .stmts(body))
    f.add("orelse", .stmts(orelse)); f.add("type_comment", DumpValue.identifier(typeComment))
  }

  static func withFields(_ items: [WithItem], _ body: [Stmt], _ typeComment: String?, _ f: inout DumpFields) {
    f.add("items", .list(items.map { .withItem($0) })); f.add("body", .stmts(body))
    f.add("type_comment", DumpValue.identifier(typeComment))
  }

  static func tryFields(
    _ body: [Stmt], _ handlers: [ExceptHandler], _ orelse: [Stmt], _ finalbody: [Stmt], _ f: inout DumpFields
  ) {
    f.add("body", .stmts(body)); f.add("handlers", .list(handlers.map { .handler($0) }))
    f.add("orelse", .stmts(orelse)); f.add("finalbody", .stmts(finalbody))
  }

  static func describe(_ node: WithItem) -> DumpNode {
    var f = DumpFields()
    f.add("context_expr", .expr(node.contextExpr)); f.add("optional_vars", node.optionalVars)
    return DumpNode(name: "withitem", fields: f.fields, span: nil)
  }

  static func describe(_ node: ExceptHandler) -> DumpNode {
    var f = DumpFields()
    f.add("type", node.type); f.add("name", DumpValue.identifier(node.name)); f.add("body", .stmts(node.body))
    return DumpNode(name: "ExceptHandler", fields: f.fields, span: node.span)
  }

  static func describe(_ node: Alias) -> DumpNode {
    var f = DumpFields()
    f.add("name", .identifier(node.name)); f.add("asname", DumpValue.identifier(node.asname))
    return DumpNode(name: "alias", fields: f.fields, span: node.span)
  }

  static func describe(_ node: MatchCase) -> DumpNode {
    var f = DumpFields()
    f.add("pattern", .pattern(node.pattern)); f.add("guard", node.guard); f.add("body", .stmts(node.body))
    return DumpNode(name: "match_case", fields: f.fields, span: nil)
  }

  static func describe(_ node: Pattern) -> DumpNode {
    var f = DumpFields()
    let name: StaticString
    switch node.kind {
    case .matchValue(let value):
      name = "MatchValue"
      f.add("value", .expr(value))
    case .matchSingleton(let value):
      name = "MatchSingleton"
      f.add("value", .constant(value))
    case .matchSequence(let patterns):
      name = "MatchSequence"
      f.add("patterns", .patterns(patterns))
    case .matchMapping(let keys, let patterns, let rest):
      name = "MatchMapping"
      f.add("keys", .exprs(keys)); f.add("patterns", .patterns(patterns)); f.add("rest", DumpValue.identifier(rest))
    case .matchClass(let cls, let patterns, let kwdAttrs, let kwdPatterns):
      name = "MatchClass"
      f.add("cls", .expr(cls)); f.add("patterns", .patterns(patterns))
      f.add("kwd_attrs", .identifiers(kwdAttrs)); f.add("kwd_patterns", .patterns(kwdPatterns))
    case .matchStar(let rest):
      name = "MatchStar"
      f.add("name", DumpValue.identifier(rest))
    case .matchAs(let pattern, let target):
      name = "MatchAs"
      f.add("pattern", pattern.map { DumpValue.pattern($0) }); f.add("name", DumpValue.identifier(target))
    case .matchOr(let patterns):
      name = "MatchOr"
      f.add("patterns", .patterns(patterns))
    }
    return DumpNode(name: name, fields: f.fields, span: node.span)
  }
}
