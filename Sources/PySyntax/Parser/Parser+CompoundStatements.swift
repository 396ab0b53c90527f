/// Compound statements other than `match`: `if`, `while`, `for`, `with`, `try`, function and
/// class definitions, decorators.
///
/// ```
/// if_stmt:     'if' named_expression ':' block (elif_stmt | [else_block])
/// while_stmt:  'while' named_expression ':' block [else_block]
/// for_stmt:    [ASYNC] 'for' star_targets 'in' star_expressions ':' block [else_block]
/// with_stmt:   [ASYNC] 'with' '(' ','.with_item+ ','? ')' ':' block
///            | [ASYNC] 'with' ','.with_item+ ':' block
/// try_stmt:    'try' &&':' block (finally_block | except_block+ … | except_star_block+ …)
/// function_def: decorators? [ASYNC] 'def' NAME &&'(' [params] ')' ['->' expression] &&':' block
/// class_def:   decorators? 'class' NAME ['(' [arguments] ')'] ':' block
/// else_block:  'else' &&':' block                finally_block: 'finally' &&':' block
/// ```
///
/// `&&` marks a forced token: when it is missing, `expected ':'` (or `'('`) is raised at
/// once, in the first pass too.
///
/// CPython: Grammar/python.gram, "COMPOUND STATEMENTS".
extension Parser {
  func ifStatement() throws(ParseFailure) -> Stmt {
    let start = advance()
    let test = try namedExpression()
    try expectBlockColon()
    let body = try block(after: BlockOwner(description: "'if' statement", line: start.start.line))
    return Stmt(.if(test: test, body: body, orelse: try elseOrElif()), span(from: start))
  }

  /// What follows an `if` or `elif` body: an `elif` (as a nested `If`), an `else`, or nothing.
  func elseOrElif() throws(ParseFailure) -> [Stmt] {
    if let elif = accept(.elif) {
      let test = try namedExpression()
      try expectBlockColon()
      let body = try block(after: BlockOwner(description: "'elif' statement", line: elif.start.line))
      let orelse = try elseOrElif()
      return [Stmt(.if(test: test, body: body, orelse: orelse), span(from: elif))]
    }
    return try elseBlock() ?? []
  }

  /// `else_block`, if there is one.
  func elseBlock() throws(ParseFailure) -> [Stmt]? {
    guard let elseToken = accept(.else) else { return nil }
    _ = try expectForced(.colon, ":")
    return try block(after: BlockOwner(description: "'else' statement", line: elseToken.start.line))
  }

  func whileStatement() throws(ParseFailure) -> Stmt {
    let start = advance()
    let test = try namedExpression()
    try expectBlockColon()
    let body = try block(after: BlockOwner(description: "'while' statement", line: start.start.line))
    return Stmt(.while(test: test, body: body, orelse: try elseBlock() ?? []), span(from: start))
  }

  func forStatement() throws(ParseFailure) -> Stmt {
    let start = advance()
    let isAsync = start.keyword == .async
    let forToken = isAsync ? advance() : start
    let target = try forTargets()
    let iter = try starExpressions()
    try expectBlockColon()
    let body = try block(after: BlockOwner(description: "'for' statement", line: forToken.start.line))
    let orelse = try elseBlock() ?? []
    let kind: Stmt.Kind = isAsync
      ? .asyncFor(target: target, iter: iter, body: body, orelse: orelse, typeComment: nil)
      : .for(target: target, iter: iter, body: body, orelse: orelse, typeComment: nil)
    return Stmt(kind, span(from: start))
  }

  func withStatement() throws(ParseFailure) -> Stmt {
    let start = advance()
    let isAsync = start.keyword == .async
    let withToken = isAsync ? advance() : start
    let afterWith = pos
    var items: [WithItem]
    do throws(ParseFailure) {
      if check(.lpar), let parenthesized = try attempt({ parser throws(ParseFailure) in try parser.parenthesizedWithItems() }) {
        items = parenthesized
      } else {
        items = [try withItem()]
        while accept(.comma) != nil { items.append(try withItem()) }
      }
      _ = try expect(.colon)
    } catch {
      if callInvalidRules, !isFatal {
        pos = afterWith
        try invalidWithStatement()
      }
      throw error
    }
    let body = try block(after: BlockOwner(description: "'with' statement", line: withToken.start.line))
    let kind: Stmt.Kind = isAsync
      ? .asyncWith(items: items, body: body, typeComment: nil)
      : .with(items: items, body: body, typeComment: nil)
    return Stmt(kind, span(from: start))
  }

  /// `'(' ','.with_item+ ','? ')' &':'`: the parenthesized form, tried first.
  func parenthesizedWithItems() throws(ParseFailure) -> [WithItem] {
    advance()
    var items = [try withItem()]
    while accept(.comma) != nil {
      if check(.rpar) { break }
      items.append(try withItem())
    }
    _ = try expect(.rpar)
    guard check(.colon) else { throw ParseFailure() }
    return items
  }

  /// `with_item`: `expression ['as' star_target]`, the target followed by `,` `)` or `:`.
  func withItem() throws(ParseFailure) -> WithItem {
    let context = try expression()
    guard check(.as) else { return WithItem(contextExpr: context, optionalVars: nil) }
    let mark = pos
    advance()
    if let target = try attempt({ parser throws(ParseFailure) -> Expr in
      let target = try parser.starTarget()
      guard parser.check(.comma) || parser.check(.rpar) || parser.check(.colon) else { throw ParseFailure() }
      return target
    }) {
      return WithItem(contextExpr: context, optionalVars: target)
    }
    if callInvalidRules {
      pos = mark
      try invalidWithItem(context)
    }
    throw ParseFailure()
  }

  func tryStatement() throws(ParseFailure) -> Stmt {
    let start = advance()
    _ = try expectForced(.colon, ":")
    let body = try block(after: BlockOwner(description: "'try' statement", line: start.start.line))
    var handlers: [ExceptHandler] = []
    var isStar: Bool?
    while check(.except) {
      let handlerIsStar = peek(1).kind == .star
      if let isStar, isStar != handlerIsStar {
        if callInvalidRules { try invalidTryStatement(start) }
        throw ParseFailure()
      }
      isStar = handlerIsStar
      handlers.append(try exceptBlock())
    }
    let orelse = handlers.isEmpty ? [] : try elseBlock() ?? []
    var finalbody: [Stmt] = []
    if let finallyToken = accept(.finally) {
      _ = try expectForced(.colon, ":")
      finalbody = try block(after: BlockOwner(description: "'finally' statement", line: finallyToken.start.line))
    }
    if handlers.isEmpty, finalbody.isEmpty {
      if callInvalidRules { try invalidTryStatement(start) }
      throw ParseFailure()
    }
    let kind: Stmt.Kind = isStar == true
      ? .tryStar(body: body, handlers: handlers, orelse: orelse, finalbody: finalbody)
      : .try(body: body, handlers: handlers, orelse: orelse, finalbody: finalbody)
    return Stmt(kind, span(from: start))
  }

  /// `except_block` or `except_star_block`.
  func exceptBlock() throws(ParseFailure) -> ExceptHandler {
    let start = advance()
    let isStar = accept(.star) != nil
    let afterKeyword = pos
    var type: Expr?
    var name: String?
    if !check(.colon) || isStar {
      if callInvalidRules { try invalidExceptStatement(start, isStar: isStar) }
      type = try expression()
      if accept(.as) != nil { name = try expectIdentifier() }
    }
    if callInvalidRules, !check(.colon) {
      let after = pos
      pos = afterKeyword
      try invalidExceptStatement(start, isStar: isStar)
      pos = after
    }
    _ = try expect(.colon)
    let owner = isStar ? "'except*' statement" : "'except' statement"
    let body = try block(after: BlockOwner(description: owner, line: start.start.line))
    return ExceptHandler(type: type, name: name, body: body, span: span(from: start))
  }

  /// `decorators` and the definition they decorate.
  func decorated() throws(ParseFailure) -> Stmt {
    var decorators: [Expr] = []
    while accept(.at) != nil {
      decorators.append(try namedExpression())
      _ = try expect(.newline)
    }
    switch peek().keyword {
    case .def: return try functionDef(decorators: decorators)
    case .async where peek(1).keyword == .def: return try functionDef(decorators: decorators)
    case .class: return try classDef(decorators: decorators)
    default: throw ParseFailure()
    }
  }

  func functionDef(decorators: [Expr]) throws(ParseFailure) -> Stmt {
    let start = advance()
    let isAsync = start.keyword == .async
    let defToken = isAsync ? advance() : start
    let name = try expectIdentifier()
    _ = try expectForced(.lpar, "(")
    let args = try parameters(closing: .rpar)
    _ = try expect(.rpar)
    let returns = accept(.rarrow) != nil ? try expression() : nil
    _ = try expectForced(.colon, ":")
    let body = try block(after: BlockOwner(description: "function definition", line: defToken.start.line))
    let kind: Stmt.Kind = isAsync
      ? .asyncFunctionDef(name: name, args: args, body: body, decoratorList: decorators, returns: returns, typeComment: nil)
      : .functionDef(name: name, args: args, body: body, decoratorList: decorators, returns: returns, typeComment: nil)
    return Stmt(kind, span(from: start))
  }

  func classDef(decorators: [Expr]) throws(ParseFailure) -> Stmt {
    let start = advance()
    let name = try expectIdentifier()
    var bases: [Expr] = []
    var keywords: [Keyword] = []
    if check(.lpar) { (bases, keywords) = try classArguments() }
    if callInvalidRules, check(.newline) { throw raiseAtLastToken("expected ':'") }
    _ = try expect(.colon)
    let body = try block(after: BlockOwner(description: "class definition", line: start.start.line))
    return Stmt(.classDef(name: name, bases: bases, keywords: keywords, body: body, decoratorList: decorators),
                span(from: start))
  }

  /// The `:` after a statement's header. Second pass: `expected ':'` when the line ends
  /// right after the header (CPython's `invalid_if_stmt` and its siblings).
  func expectBlockColon() throws(ParseFailure) {
    if accept(.colon) != nil { return }
    if callInvalidRules, check(.newline) {
      throw raiseAtLastToken("expected ':'")
    }
    throw ParseFailure()
  }
}
