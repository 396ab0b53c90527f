/// Expression statements and the three assignment statements.
///
/// ```
/// assignment:  NAME ':' expression ['=' annotated_rhs]                     → AnnAssign, simple
///            | ('(' single_target ')' | single_subscript_attribute_target)
///                  ':' expression ['=' annotated_rhs]                       → AnnAssign
///            | (star_targets '=')+ (yield_expr | star_expressions) !'='     → Assign
///            | single_target augassign (yield_expr | star_expressions)     → AugAssign
/// star_expressions                                                         → Expr
/// ```
///
/// The statement is read as `star_expressions` first; the token after it tells which form
/// it is, and the expression already read is then checked as a target and given `Store`
/// context (``target(_:_:)``). Targets are a subset of expressions, so this accepts exactly
/// what the grammar accepts, and reads each token once.
///
/// CPython: Grammar/python.gram, `assignment`, `augassign`; Parser/action_helpers.c.
extension Parser {
  ///
  /// In the second pass the order of the grammar's alternatives matters: a valid assignment
  /// is taken before `invalid_assignment` is tried (`x = 1` would otherwise look like the
  /// mistaken comparison `if x = 1:`), and `invalid_assignment` before the expression
  /// statement.
  func expressionStatement() throws(ParseFailure) -> Stmt {
    guard callInvalidRules else { return try expressionOrAssignment(expressionAllowed: true) }
    let mark = pos
    if let assignment = try attempt({ parser throws(ParseFailure) in
      try parser.expressionOrAssignment(expressionAllowed: false)
    }) {
      return assignment
    }
    pos = mark
    try invalidAssignment()
    return try expressionOrAssignment(expressionAllowed: true)
  }

  /// An assignment, or (if `expressionAllowed`) an expression statement.
  func expressionOrAssignment(expressionAllowed: Bool) throws(ParseFailure) -> Stmt {
    let start = peek()
    let first = try starExpressions()
    switch peek().kind {
    case .colon:
      return try annotatedAssignment(first, start: start)
    case .equal:
      return try assignment(first, start: start)
    default:
      if let op = Parser.augmentedOperator(peek().kind) {
        guard let target = Parser.singleTarget(first) else { throw ParseFailure() }
        advance()
        let value = check(.yield) ? try yieldExpression() : try starExpressions()
        return Stmt(.augAssign(target: target, op: op, value: value), span(from: start))
      }
      guard expressionAllowed else { throw ParseFailure() }
      return Stmt(.expr(value: first), span(from: start))
    }
  }

  /// `target: annotation [= value]`. The target is `simple` when it is a name without
  /// parentheses.
  @inline(never)
  func annotatedAssignment(_ first: Expr, start: ParserToken) throws(ParseFailure) -> Stmt {
    guard let target = Parser.singleTarget(first) else { throw ParseFailure() }
    advance()
    let annotation = try expression()
    var value: Expr?
    if accept(.equal) != nil {
      value = check(.yield) ? try yieldExpression() : try starExpressions()
    }
    let simple = first.isName && start.kind == .name
    return Stmt(.annAssign(target: target, annotation: annotation, value: value, simple: simple), span(from: start))
  }

  /// `a = b = value`: every expression but the last is a target.
  @inline(never)
  func assignment(_ first: Expr, start: ParserToken) throws(ParseFailure) -> Stmt {
    var targets: [Expr] = []
    var value = first
    while check(.equal) {
      guard let target = Parser.target(value, .store) else { throw ParseFailure() }
      targets.append(target)
      advance()
      value = check(.yield) ? try yieldExpression() : try starExpressions()
    }
    return Stmt(.assign(targets: targets, value: value, typeComment: nil), span(from: start))
  }

  /// The operator of an augmented assignment token (`+=` → `Add`).
  static func augmentedOperator(_ kind: TokenKind) -> Operator? {
    switch kind {
    case .plusEqual: return .add
    case .minEqual: return .sub
    case .starEqual: return .mult
    case .atEqual: return .matMult
    case .slashEqual: return .div
    case .percentEqual: return .mod
    case .amperEqual: return .bitAnd
    case .vbarEqual: return .bitOr
    case .circumflexEqual: return .bitXor
    case .leftShiftEqual: return .lShift
    case .rightShiftEqual: return .rShift
    case .doubleStarEqual: return .pow
    case .doubleSlashEqual: return .floorDiv
    default: return nil
    }
  }
}
