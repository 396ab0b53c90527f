/// Second-pass checks for statements: CPython's `invalid_*` rules for assignments, `del`,
/// `for` targets, `with` items, `try`/`except`, blocks, parameters and patterns.
///
/// ```
/// invalid_assignment       [a]: int                  only single target (not list) can be annotated
///                          f(): int                  illegal target for annotation
///                          x = f() = 1               cannot assign to function call
///                          x = yield = 1             assignment to yield expression not possible
///                          a, b += 1                 'tuple' is an illegal expression for augmented assignment
/// invalid_del_stmt         del f()                   cannot delete function call
/// invalid_for_target       for f() in x:             cannot assign to function call
/// invalid_with_item        with a as f():            cannot assign to function call
/// invalid_block and kin    if x:⏎pass                expected an indented block after 'if' statement on line 1
/// invalid_try_stmt         try:…(no except)          expected 'except' or 'finally' block
/// invalid_except_stmt      except A, B:              multiple exception types must be parenthesized
/// invalid_parameters …     def f(a=1, b):            non-default argument follows default argument
/// invalid_as_pattern …     case x as _:              cannot use '_' as a target
/// ```
///
/// CPython: Grammar/python.gram, "Invalid syntax rules".
extension Parser {
  /// A block that does not start with INDENT after its NEWLINE.
  @inline(never)
  func invalidBlock(after owner: BlockOwner?) throws(ParseFailure) {
    _ = peek(1)
    guard let owner else { throw raiseAtLastToken("expected an indented block", kind: .indentation) }
    throw raiseAtLastToken("expected an indented block after \(owner.description) on line \(owner.line)",
                           kind: .indentation)
  }

  /// `invalid_assignment`, tried at the start of an expression statement.
  @inline(never)
  func invalidAssignment() throws(ParseFailure) {
    let mark = pos
    defer { pos = mark }
    // a=invalid_ann_assign_target ':' expression
    if check(.lsqb) || check(.lpar), let a = try annotationDisplayTarget(), accept(.colon) != nil,
      try attempt({ parser throws(ParseFailure) in try parser.expression() }) != nil {
      throw raise("only single target (not \(a.expressionName)) can be annotated", span: a.span)
    }
    pos = mark
    // a=star_named_expression ',' star_named_expressions* ':' expression
    if let a = try attempt({ parser throws(ParseFailure) in try parser.starNamedExpression() }), accept(.comma) != nil {
      while Parser.startsExpression(peek()),
        try attempt({ parser throws(ParseFailure) in try parser.starNamedExpression() }) != nil {
        _ = accept(.comma)
      }
      if accept(.colon) != nil, try attempt({ parser throws(ParseFailure) in try parser.expression() }) != nil {
        throw raise("only single target (not tuple) can be annotated", span: a.span)
      }
    }
    pos = mark
    // a=expression ':' expression
    if let a = try attempt({ parser throws(ParseFailure) in try parser.expression() }), accept(.colon) != nil,
      try attempt({ parser throws(ParseFailure) in try parser.expression() }) != nil {
      throw raise("illegal target for annotation", span: a.span)
    }
    pos = mark
    // (star_targets '=')* a=star_expressions '='   and   (star_targets '=')* a=yield_expr '='
    try skipStarTargetAssignments()
    let afterTargets = pos
    if let a = try attempt({ parser throws(ParseFailure) in try parser.starExpressions() }), check(.equal),
      let invalid = a.invalidTarget(.star) {
      throw raise("cannot assign to \(invalid.expressionName)", span: invalid.span)
    }
    pos = afterTargets
    if check(.yield), let a = try attempt({ parser throws(ParseFailure) in try parser.yieldExpression() }), check(.equal) {
      throw raise("assignment to yield expression not possible", span: a.span)
    }
    pos = mark
    // a=star_expressions augassign (yield_expr | star_expressions)
    if let a = try attempt({ parser throws(ParseFailure) in try parser.starExpressions() }),
      Parser.augmentedOperator(peek().kind) != nil {
      advance()
      let value = try attempt { parser throws(ParseFailure) in
        parser.check(.yield) ? try parser.yieldExpression() : try parser.starExpressions()
      }
      if value != nil {
        throw raise("'\(a.expressionName)' is an illegal expression for augmented assignment", span: a.span)
      }
    }
  }

  /// `invalid_ann_assign_target`: a list or tuple display, possibly in parentheses.
  @inline(never)
  func annotationDisplayTarget() throws(ParseFailure) -> Expr? {
    let token = peek()
    guard let atom = try attempt({ parser throws(ParseFailure) in try parser.atom() }) else { return nil }
    switch atom.kind {
    case .list: return atom
    case .tuple where token.kind == .lpar: return atom
    default: return nil
    }
  }

  /// Consumes `(star_targets '=')*`.
  @inline(never)
  func skipStarTargetAssignments() throws(ParseFailure) {
    while true {
      let mark = pos
      guard try attempt({ parser throws(ParseFailure) in try parser.starTargets() }) != nil,
        accept(.equal) != nil
      else {
        pos = mark
        return
      }
    }
  }

  /// `invalid_del_stmt`, just after `del`.
  @inline(never)
  func invalidDelStatement() throws(ParseFailure) {
    guard let value = try lookahead({ parser throws(ParseFailure) in try parser.starExpressions() }),
      let invalid = value.invalidTarget(.del) else { return }
    throw raise("cannot delete \(invalid.expressionName)", span: invalid.span)
  }

  /// `invalid_for_target`, just after `for`.
  @inline(never)
  func invalidForTarget() throws(ParseFailure) {
    guard let value = try lookahead({ parser throws(ParseFailure) in try parser.starExpressions() }),
      let invalid = value.invalidTarget(.for) else { return }
    throw raise("cannot assign to \(invalid.expressionName)", span: invalid.span)
  }

  /// `invalid_with_item`, at `as`: `expression 'as' expression &(',' | ')' | ':')`.
  @inline(never)
  func invalidWithItem(_ context: Expr) throws(ParseFailure) {
    let mark = pos
    defer { pos = mark }
    advance()
    guard let target = try attempt({ parser throws(ParseFailure) in try parser.expression() }),
      check(.comma) || check(.rpar) || check(.colon),
      let invalid = target.invalidTarget(.star) else { return }
    throw raise("cannot assign to \(invalid.expressionName)", span: invalid.span)
  }

  /// `invalid_try_stmt`: a `try` without handlers, or mixing `except` and `except*`.
  @inline(never)
  func invalidTryStatement(_ start: ParserToken) throws(ParseFailure) {
    let except = peek()
    guard except.keyword == .except else {
      throw raiseAtLastToken("expected 'except' or 'finally' block")
    }
    let mark = pos
    defer { pos = mark }
    advance()
    if let star = accept(.star) {
      guard try attempt({ parser throws(ParseFailure) in try parser.expression() }) != nil else { return }
      if accept(.as) != nil { guard accept(.name) != nil else { return } }
      guard check(.colon) else { return }
      throw raise("cannot have both 'except' and 'except*' on the same 'try'",
                  span: SourceSpan(from: except.span, to: star.span))
    }
    if !check(.colon) {
      guard try attempt({ parser throws(ParseFailure) in try parser.expression() }) != nil else { return }
      if accept(.as) != nil { guard accept(.name) != nil else { return } }
    }
    guard check(.colon) else { return }
    throw raise("cannot have both 'except' and 'except*' on the same 'try'", at: except)
  }

  /// `invalid_except_stmt`, after `except` (and `*`).
  @inline(never)
  func invalidExceptStatement(_ start: ParserToken, isStar: Bool) throws(ParseFailure) {
    let mark = pos
    defer { pos = mark }
    if let a = try attempt({ parser throws(ParseFailure) in try parser.expression() }), accept(.comma) != nil,
      let b = try attempt({ parser throws(ParseFailure) in try parser.expressionList() }) {
      var end = b.span
      if accept(.as) != nil {
        guard let name = accept(.name) else { return }
        end = name.span
      }
      if check(.colon) {
        throw raise("multiple exception types must be parenthesized", span: SourceSpan(from: a.span, to: end))
      }
    }
    pos = mark
    if Parser.startsExpression(peek(), allowStar: false),
      try attempt({ parser throws(ParseFailure) in try parser.expression() }) != nil {
      if accept(.as) != nil, accept(.name) == nil { return }
      if check(.newline) { throw raiseAtLastToken("expected ':'") }
      return
    }
    pos = mark
    if isStar, check(.newline) || check(.colon) {
      throw raiseAtLastToken("expected one or more exception types")
    }
    if check(.newline) { throw raiseAtLastToken("expected ':'") }
  }

  /// `expressions`: `a, b, c` as a tuple.
  @inline(never)
  func expressionList() throws(ParseFailure) -> Expr {
    let start = peek()
    let first = try expression()
    guard check(.comma) else { return first }
    var elts = [first]
    while accept(.comma) != nil, Parser.startsExpression(peek(), allowStar: false) {
      elts.append(try expression())
    }
    return Expr(.tuple(elts: elts, ctx: .load), span(from: start))
  }

  /// `invalid_match_stmt`: the line ends without `:`, or no indented block follows it.
  @inline(never)
  func invalidMatchStatement(_ start: ParserToken, sawColon: Bool) throws(ParseFailure) {
    if !sawColon {
      if check(.newline) { throw raiseAtLastToken("expected ':'") }
      return
    }
    _ = peek(1)
    throw raiseAtLastToken("expected an indented block after 'match' statement on line \(start.start.line)",
                           kind: .indentation)
  }

  /// `invalid_case_block`: the line ends after the patterns and guard, without `:`.
  @inline(never)
  func invalidCaseBlock(_ start: ParserToken) throws(ParseFailure) {
    if check(.newline) { throw raiseAtLastToken("expected ':'") }
  }

  /// `invalid_as_pattern`, at `as`.
  @inline(never)
  func invalidAsPattern(_ pattern: Pattern) throws(ParseFailure) {
    let mark = pos
    defer { pos = mark }
    advance()
    let target = peek()
    if checkSoftKeyword("_") { throw raise("cannot use '_' as a target", at: target) }
    if target.isName { return }
    if let a = try attempt({ parser throws(ParseFailure) in try parser.expression() }) {
      throw raise("invalid pattern target", span: a.span)
    }
  }

  /// `invalid_class_pattern`: a positional pattern after a keyword pattern. Called at the
  /// offending positional pattern; reports the run of positional patterns there.
  @inline(never)
  func invalidClassPattern(_ cls: Expr) throws(ParseFailure) {
    let mark = pos
    defer { pos = mark }
    guard let first = try attempt({ parser throws(ParseFailure) in try parser.pattern() }) else { return }
    var last = first
    while check(.comma), !(peek(1).isName && peek(2).kind == .equal), Parser.startsPattern(peek(1)) {
      advance()
      guard let next = try attempt({ parser throws(ParseFailure) in try parser.pattern() }) else { break }
      last = next
    }
    throw raise("positional patterns follow keyword patterns", span: SourceSpan(from: first.span, to: last.span))
  }

  /// `/` in a parameter list where it may not be.
  @inline(never)
  func invalidSlash(_ slash: ParserToken, noParameters: Bool, sawSlash: Bool, sawStar: Bool) throws(ParseFailure) {
    if noParameters, peek(1).kind == .comma { throw raise("at least one argument must precede /", at: slash) }
    if sawStar { throw raise("/ must be ahead of *", at: slash) }
    if sawSlash { throw raise("/ may appear only once", at: slash) }
    if peek(1).kind == .star { throw raise("expected comma between / and *", at: peek(1)) }
  }

  /// `*` in a parameter list: twice, or bare and not followed by a keyword-only parameter.
  @inline(never)
  func invalidStar(_ star: ParserToken, sawStar: Bool, closing: TokenKind) throws(ParseFailure) {
    let next = peek(1)
    if sawStar, next.kind == .comma || next.isName {
      throw raise("* argument may appear only once", at: star)
    }
    if next.kind == closing || (next.kind == .comma && (peek(2).kind == closing || peek(2).kind == .doubleStar)) {
      throw raise("named arguments must follow bare *", at: star)
    }
  }

  /// After `**name`: a default value, or more parameters.
  @inline(never)
  func invalidKwargs(closing: TokenKind) throws(ParseFailure) {
    if let equal = accept(.equal) {
      throw raise("var-keyword argument cannot have default value", at: equal)
    }
    guard check(.comma) else { return }
    let next = peek(1)
    if next.isName {
      let mark = pos
      advance()
      let param = try parameter(annotated: closing == .rpar, starAnnotation: false)
      pos = mark
      throw raise("arguments cannot follow var-keyword argument", span: param.span)
    }
    if next.kind == .star || next.kind == .doubleStar || next.kind == .slash {
      throw raise("arguments cannot follow var-keyword argument", at: next)
    }
  }

  /// `(a, b)` in a parameter list.
  @inline(never)
  func invalidParenthesizedParameters(isLambda: Bool) throws(ParseFailure) {
    let mark = pos
    defer { pos = mark }
    let open = advance()
    guard peek().isName else { return }
    while peek().isName {
      _ = try? parameter(annotated: !isLambda, starAnnotation: false)
      if isFatal { throw ParseFailure() }
      guard accept(.comma) != nil else { break }
    }
    guard let close = accept(.rpar) else { return }
    let message = isLambda ? "Lambda expression parameters cannot be parenthesized"
                           : "Function parameters cannot be parenthesized"
    throw raise(message, span: SourceSpan(from: open.span, to: close.span))
  }

  /// `invalid_with_stmt`, after `with`: the items (bare or in parentheses) and then the end
  /// of the line instead of `:`.
  func invalidWithStatement() throws(ParseFailure) {
    let start = pos
    if try attempt({ parser throws(ParseFailure) in try parser.looseWithItems(parenthesized: false) }) != nil,
      check(.newline) {
      throw raiseAtLastToken("expected ':'")
    }
    pos = start
    guard accept(.lpar) != nil,
      try attempt({ parser throws(ParseFailure) in try parser.looseWithItems(parenthesized: true) }) != nil
    else { return }
    _ = accept(.comma)
    if accept(.rpar) != nil, check(.newline) { throw raiseAtLastToken("expected ':'") }
  }

  /// `','.(expression ['as' star_target])+` (`expressions` in parentheses).
  func looseWithItems(parenthesized: Bool) throws(ParseFailure) {
    while true {
      if parenthesized { _ = try expressionList() } else { _ = try expression() }
      if accept(.as) != nil { _ = try starTarget() }
      let mark = pos
      guard accept(.comma) != nil else { return }
      if !Parser.startsExpression(peek(), allowStar: false) {
        pos = mark
        return
      }
    }
  }
}
