/// Assignment and deletion targets, and the rules for what may be assigned or deleted.
///
/// ```
/// star_targets:   star_target (',' star_target)* [',']                 → Tuple if a comma
/// star_target:    '*' (!'*' star_target) | target_with_star_atom
/// target_with_star_atom:  t_primary '.' NAME | t_primary '[' slices ']' | star_atom
/// star_atom:      NAME | '(' target_with_star_atom ')' | '(' [star_targets] ')' | '[' [star_targets] ']'
/// del_target:     t_primary '.' NAME | t_primary '[' slices ']' | NAME
///               | '(' del_target ')' | '(' [del_targets] ')' | '[' [del_targets] ']'
/// ```
///
/// A target is parsed as a ``primary()`` (which covers every `t_primary` and `star_atom`
/// form) and then checked and given its context by ``target(_:_:)``: names, attributes and
/// subscripts may be assigned or deleted; tuples and lists of targets too; starred targets
/// only when assigning. An assignment statement's targets were first parsed as expressions
/// (the statement could have been an expression statement) and are checked the same way.
///
/// CPython: Grammar/python.gram, "Targets for assignment and del"; Parser/action_helpers.c,
/// `_PyPegen_set_expr_context()`.
extension Parser {
  /// The target of a `for` loop or comprehension clause, and the `in` after it.
  func forTargets() throws(ParseFailure) -> Expr {
    let mark = pos
    do throws(ParseFailure) {
      let target = try starTargets()
      _ = try expect(.in)
      return target
    } catch {
      if callInvalidRules, !isFatal {
        pos = mark
        try invalidForTarget()
      }
      throw error
    }
  }

  /// `star_targets`.
  func starTargets() throws(ParseFailure) -> Expr {
    let start = peek()
    let first = try starTarget()
    guard check(.comma) else { return first }
    var elts = [first]
    while accept(.comma) != nil {
      guard Parser.startsTarget(peek()) else { break }
      elts.append(try starTarget())
    }
    return Expr(.tuple(elts: elts, ctx: .store), span(from: start))
  }

  /// `star_target`.
  func starTarget() throws(ParseFailure) -> Expr {
    if let star = accept(.star) {
      if check(.star) { throw ParseFailure() }
      try enter()
      let value = try starTarget()
      leave()
      return Expr(.starred(value: value, ctx: .store), span(from: star))
    }
    let value = try primary()
    guard let target = Parser.target(value, .store) else { throw ParseFailure() }
    return target
  }

  /// `del_target`.
  func delTarget() throws(ParseFailure) -> Expr {
    guard Parser.startsTarget(peek(), allowStar: false) else { throw ParseFailure() }
    let value = try primary()
    guard let target = Parser.target(value, .del) else { throw ParseFailure() }
    return target
  }

  /// Whether `token` can start a target.
  static func startsTarget(_ token: ParserToken, allowStar: Bool = true) -> Bool {
    switch token.kind {
    case .name: return token.keyword == nil
    case .lpar, .lsqb: return true
    case .star: return allowStar
    default: return false
    }
  }

  /// `expression` with context `ctx`, or nil if it cannot be assigned (or deleted).
  static func target(_ expression: Expr, _ ctx: ExprContext) -> Expr? {
    let kind: Expr.Kind
    switch expression.kind {
    case .name(let id, _):
      kind = .name(id: id, ctx: ctx)
    case .attribute(let value, let attr, _):
      kind = .attribute(value: value, attr: attr, ctx: ctx)
    case .subscript(let value, let slice, _):
      kind = .subscript(value: value, slice: slice, ctx: ctx)
    case .starred(let value, _):
      guard ctx == .store, let inner = Parser.target(value, ctx) else { return nil }
      kind = .starred(value: inner, ctx: ctx)
    case .tuple(let elts, _):
      guard let targets = targets(elts, ctx) else { return nil }
      kind = .tuple(elts: targets, ctx: ctx)
    case .list(let elts, _):
      guard let targets = targets(elts, ctx) else { return nil }
      kind = .list(elts: targets, ctx: ctx)
    default:
      return nil
    }
    return Expr(kind, expression.span)
  }

  private static func targets(_ elements: [Expr], _ ctx: ExprContext) -> [Expr]? {
    var result: [Expr] = []
    result.reserveCapacity(elements.count)
    for element in elements {
      guard let converted = Parser.target(element, ctx) else { return nil }
      result.append(converted)
    }
    return result
  }

  /// A single target (`single_target`): a name, attribute or subscript, in `Store` context.
  static func singleTarget(_ expression: Expr) -> Expr? {
    switch expression.kind {
    case .name, .attribute, .subscript: return Parser.target(expression, .store)
    default: return nil
    }
  }
}

/// Which targets an error message is about. CPython: Parser/pegen.h, `TARGETS_TYPE`.
enum TargetsKind {
  case star, del, `for`
}

extension Expr {
  /// The first part of a would-be target that cannot be one, or nil if all of it can.
  /// CPython: Parser/pegen.c, `_PyPegen_get_invalid_target()`.
  func invalidTarget(_ kind: TargetsKind) -> Expr? {
    switch self.kind {
    case .list(let elts, _), .tuple(let elts, _):
      for element in elts {
        if let invalid = element.invalidTarget(kind) { return invalid }
      }
      return nil
    case .starred(let value, _):
      return kind == .del ? self : value.invalidTarget(kind)
    case .compare(let left, let ops, _):
      // `for x in y` misread as a comparison: only the part before `in` is a target.
      guard kind == .for else { return self }
      return ops[0] == .in ? left.invalidTarget(kind) : nil
    case .name, .subscript, .attribute:
      return nil
    default:
      return self
    }
  }

  /// What CPython calls this kind of expression in messages (`cannot assign to function
  /// call`). CPython: Parser/pegen.c, `_PyPegen_get_expr_name()`.
  var expressionName: String {
    switch kind {
    case .attribute: return "attribute"
    case .subscript: return "subscript"
    case .starred: return "starred"
    case .name: return "name"
    case .list: return "list"
    case .tuple: return "tuple"
    case .lambda: return "lambda"
    case .call: return "function call"
    case .boolOp, .binOp, .unaryOp: return "expression"
    case .generatorExp: return "generator expression"
    case .yield, .yieldFrom: return "yield expression"
    case .await: return "await expression"
    case .listComp: return "list comprehension"
    case .setComp: return "set comprehension"
    case .dictComp: return "dict comprehension"
    case .dict: return "dict literal"
    case .set: return "set display"
    case .joinedStr, .formattedValue: return "f-string expression"
    case .constant(let value, _):
      switch value {
      case .none: return "None"
      case .bool(let flag): return flag ? "True" : "False"
      case .ellipsis: return "ellipsis"
      default: return "literal"
      }
    case .compare: return "comparison"
    case .ifExp: return "conditional expression"
    case .namedExpr: return "named expression"
    case .slice: return "slice"
    }
  }
}
