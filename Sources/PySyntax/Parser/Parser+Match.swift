/// The `match` statement (PEP 634): subject, `case` blocks, guards.
///
/// ```
/// match_stmt:    "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT
/// subject_expr:  star_named_expression ',' star_named_expressions?       → Tuple
///              | named_expression
/// case_block:    "case" patterns guard? ':' block
/// guard:         'if' named_expression
/// ```
///
/// `match` and `case` are soft keywords: names everywhere else. ``compoundStatement()``
/// tries this rule on any line that starts with the name `match` and falls back to a
/// simple statement when it fails.
///
/// CPython: Grammar/python.gram, "Match statement".
extension Parser {
  func matchStatement() throws(ParseFailure) -> Stmt {
    let start = advance()
    let subject = try subjectExpression()
    if callInvalidRules, !check(.colon) {
      try invalidMatchStatement(start, sawColon: false)
    }
    _ = try expect(.colon)
    if callInvalidRules, check(.newline), peek(1).kind != .indent {
      try invalidMatchStatement(start, sawColon: true)
    }
    _ = try expect(.newline)
    _ = try expect(.indent)
    var cases: [MatchCase] = []
    repeat {
      cases.append(try caseBlock())
    } while !check(.dedent) && !check(.endMarker)
    _ = try expect(.dedent)
    return Stmt(.match(subject: subject, cases: cases), span(from: start))
  }

  /// `subject_expr`.
  func subjectExpression() throws(ParseFailure) -> Expr {
    let start = peek()
    let first = try starNamedExpression()
    guard accept(.comma) != nil else {
      if first.isStarred { throw ParseFailure() }
      return first
    }
    var elts = [first]
    while Parser.startsExpression(peek()) {
      elts.append(try starNamedExpression())
      guard accept(.comma) != nil else { break }
    }
    return Expr(.tuple(elts: elts, ctx: .load), span(from: start))
  }

  /// `case_block`.
  func caseBlock() throws(ParseFailure) -> MatchCase {
    guard checkSoftKeyword("case") else { throw ParseFailure() }
    let start = advance()
    let pattern = try patterns()
    let guardExpression = accept(.if) != nil ? try namedExpression() : nil
    if callInvalidRules, !check(.colon) { try invalidCaseBlock(start) }
    _ = try expect(.colon)
    let body = try block(after: BlockOwner(description: "'case' statement", line: start.start.line))
    return MatchCase(pattern: pattern, guard: guardExpression, body: body)
  }
}
