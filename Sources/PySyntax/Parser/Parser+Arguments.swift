/// Call arguments: `f(a, *b, c=1, **d)` and `f(x for x in y)`.
///
/// ```
/// arguments:   args [','] &')'
/// args:        ','.(starred_expression | (assignment_expression | expression !':=') !'=')+
///              [',' kwargs] | kwargs
/// kwargs:      ','.kwarg_or_starred+ ',' ','.kwarg_or_double_starred+
///            | ','.kwarg_or_starred+ | ','.kwarg_or_double_starred+
/// kwarg_or_starred:         NAME '=' expression | '*' expression
/// kwarg_or_double_starred:  NAME '=' expression | '**' expression
/// ```
///
/// So positional arguments come first; after the first keyword argument only keywords and
/// `*iterable` may follow, and after the first `**mapping` no `*iterable`. Starred arguments
/// go to `Call.args` in source order, wherever they stand; `**` arguments are keywords
/// without a name. A generator expression that is the only argument needs no parentheses
/// of its own, and its span is the call's parentheses.
///
/// CPython: Grammar/python.gram, "Arguments"; Parser/action_helpers.c,
/// `_PyPegen_collect_call_seqs()`.
extension Parser {
  /// The trailer `( … )` applied to `function`, which started at `start`. `bareGenerator`:
  /// whether `(x for x in y)` may stand for the arguments (not in a class definition).
  func call(_ function: Expr, start: ParserToken, bareGenerator: Bool = true) throws(ParseFailure) -> Expr {
    let open = advance()
    try enter()
    defer { leave() }
    var list = ArgumentList()
    while !check(.rpar) {
      if callInvalidRules { try invalidKeywordArgument() }
      if let generator = try argument(into: &list, open: open, bareGenerator: bareGenerator) {
        return Expr(.call(func: function, args: [generator], keywords: []), span(from: start))
      }
      guard accept(.comma) != nil else { break }
    }
    if !check(.rpar) { throw failArguments(open) }
    advance()
    return Expr(.call(func: function, args: list.args, keywords: list.keywords), span(from: start))
  }

  /// The arguments read so far, and which kinds have been seen (they must come in order).
  struct ArgumentList {
    var args: [Expr] = []
    var keywords: [Keyword] = []
    var sawKeyword = false
    var sawDoubleStar = false
  }

  /// One argument into `list`; or, for a generator expression that is the whole argument
  /// list, that expression (spanning the call's parentheses).
  func argument(into list: inout ArgumentList, open: ParserToken, bareGenerator: Bool) throws(ParseFailure) -> Expr? {
    switch peek().kind {
    case .star:
      if list.sawDoubleStar {
        if callInvalidRules { throw raiseAtLastToken("iterable argument unpacking follows keyword argument unpacking") }
        throw ParseFailure()
      }
      list.args.append(try starredArgument())
    case .doubleStar:
      list.keywords.append(try keywordArgument(doubleStar: true))
      list.sawDoubleStar = true
    case .name where peek().isName && peek(1).kind == .equal:
      list.keywords.append(try keywordArgument(doubleStar: false))
      list.sawKeyword = true
    default:
      let value = try argumentExpression()
      if startsComprehension() {
        guard bareGenerator, list.args.isEmpty, list.keywords.isEmpty else { throw failArguments(open) }
        return try generatorArgument(value, open: open)
      }
      if check(.equal) || list.sawKeyword || list.sawDoubleStar { throw failArguments(open) }
      list.args.append(value)
    }
    return nil
  }

  /// `*iterable`.
  func starredArgument() throws(ParseFailure) -> Expr {
    let star = advance()
    let value = try expression()
    return Expr(.starred(value: value, ctx: .load), span(from: star))
  }

  /// `name=value`, or `**mapping` with `doubleStar`.
  func keywordArgument(doubleStar: Bool) throws(ParseFailure) -> Keyword {
    let first = advance()
    if !doubleStar { advance() }
    let value = try expression()
    return Keyword(arg: doubleStar ? nil : identifier(first), value: value, span: span(from: first))
  }

  /// `f(x for x in y)`: the comprehension clauses after `element` and the closing `)`.
  @inline(never)
  func generatorArgument(_ element: Expr, open: ParserToken) throws(ParseFailure) -> Expr {
    let generators = try forIfClauses()
    if !check(.rpar) { throw failArguments(open) }
    let close = advance()
    return Expr(.generatorExp(elt: element, generators: generators), SourceSpan(from: open.span, to: close.span))
  }

  /// A positional argument: `assignment_expression | expression !':='`.
  func argumentExpression() throws(ParseFailure) -> Expr {
    if peek().isName, peek(1).kind == .colonEqual { return try assignmentExpression() }
    let value = try expression()
    if check(.colonEqual) { throw ParseFailure() }
    return value
  }

  /// Class definition arguments: the same rules, without the generator form.
  func classArguments() throws(ParseFailure) -> (bases: [Expr], keywords: [Keyword]) {
    let open = peek()
    let name = Expr(.name(id: "", ctx: .load), open.span)
    let call = try call(name, start: open, bareGenerator: false)
    guard case .call(_, let args, let keywords) = call.kind else { throw ParseFailure() }
    return (args, keywords)
  }
}
