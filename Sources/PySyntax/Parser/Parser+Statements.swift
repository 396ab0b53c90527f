/// The module, statement sequences, blocks, and the dispatch to each kind of statement.
///
/// ```
/// file:          [statements] ENDMARKER
/// statement:     compound_stmt | simple_stmts
/// simple_stmts:  simple_stmt (';' simple_stmt)* [';'] NEWLINE
/// block:         NEWLINE INDENT statements DEDENT | simple_stmts
/// ```
///
/// A statement is chosen by its first token. `match` is a soft keyword: a line starting with
/// the name `match` is tried as a match statement first and, if that fails, read again as
/// a simple statement, as the grammar's ordered choice does.
///
/// CPython: Grammar/python.gram, "STATEMENTS" and "COMPOUND STATEMENTS".
extension Parser {
  /// `file`: the whole module.
  func file() throws(ParseFailure) -> Module {
    var body: [Stmt] = []
    while !check(.endMarker) {
      try statement(into: &body)
    }
    return Module(body: body)
  }

  /// `statement`: one compound statement, or a line of simple statements.
  func statement(into body: inout [Stmt]) throws(ParseFailure) {
    if let compound = try compoundStatement() {
      body.append(compound)
    } else {
      try simpleStatements(into: &body)
    }
  }

  /// `statements`: statements up to the DEDENT that closes the block.
  func statements() throws(ParseFailure) -> [Stmt] {
    var body: [Stmt] = []
    repeat {
      try statement(into: &body)
    } while !check(.dedent) && !check(.endMarker)
    return body
  }

  /// `block`: an indented suite, or simple statements on the header's line.
  ///
  /// `owner` describes the statement for the second pass's `expected an indented block
  /// after 'if' statement on line 3` (nil: the generic `expected an indented block`).
  func block(after owner: BlockOwner? = nil) throws(ParseFailure) -> [Stmt] {
    if check(.newline) {
      if peek(1).kind != .indent, callInvalidRules {
        try invalidBlock(after: owner)
      }
      advance()
      _ = try expect(.indent)
      try enter()
      let body = try statements()
      leave()
      _ = try expect(.dedent)
      return body
    }
    var body: [Stmt] = []
    try simpleStatements(into: &body)
    return body
  }

  /// `simple_stmts`.
  func simpleStatements(into body: inout [Stmt]) throws(ParseFailure) {
    body.append(try simpleStatement())
    while accept(.semi) != nil {
      if check(.newline) { break }
      body.append(try simpleStatement())
    }
    _ = try expect(.newline)
  }

  /// `compound_stmt`, or nil if the next token starts none.
  func compoundStatement() throws(ParseFailure) -> Stmt? {
    let token = peek()
    switch token.keyword {
    case .def: return try functionDef(decorators: [])
    case .if: return try ifStatement()
    case .class: return try classDef(decorators: [])
    case .with: return try withStatement()
    case .for: return try forStatement()
    case .try: return try tryStatement()
    case .while: return try whileStatement()
    case .async:
      switch peek(1).keyword {
      case .def: return try functionDef(decorators: [])
      case .with: return try withStatement()
      case .for: return try forStatement()
      default: return nil
      }
    case nil:
      if token.kind == .at { return try decorated() }
      if token.kind == .name, checkSoftKeyword("match") {
        return try attempt { parser throws(ParseFailure) in try parser.matchStatement() }
      }
      return nil
    default:
      return nil
    }
  }

  /// `simple_stmt`.
  func simpleStatement() throws(ParseFailure) -> Stmt {
    let token = peek()
    switch token.keyword {
    case .return: return try returnStatement()
    case .import: return try importName()
    case .from: return try importFrom()
    case .raise: return try raiseStatement()
    case .pass:
      advance()
      return Stmt(.pass, token.span)
    case .del: return try delStatement()
    case .yield:
      // The grammar tries `assignment` first, whose `invalid_assignment` knows `yield x = 1`.
      if callInvalidRules { try invalidAssignment() }
      let value = try yieldExpression()
      return Stmt(.expr(value: value), span(from: token))
    case .assert: return try assertStatement()
    case .break:
      advance()
      return Stmt(.break, token.span)
    case .continue:
      advance()
      return Stmt(.continue, token.span)
    case .global, .nonlocal: return try globalStatement()
    default: return try expressionStatement()
    }
  }
}

/// The statement a block belongs to, for `expected an indented block after …`.
struct BlockOwner {
  /// `'if' statement`, `function definition`, …
  var description: String
  /// The line of the statement's keyword.
  var line: Int
}
