import PySyntax

extension CodeGenerator {
  /// A module or class body (`compiler_body()`): `SETUP_ANNOTATIONS` when some statement
  /// (not nested in a `def` or `class`) is an annotated assignment, the docstring stored
  /// as `__doc__`, then the statements.
  func compileBody(_ body: [Stmt]) throws(PySyntaxError) {
    if unit.kind == .module, let first = body.first { setLocation(first.span) }
    if Self.hasAnnotations(body) { emit(.setupAnnotations) }
    guard !body.isEmpty else { return }
    var statements = body[...]
    if let first = body.first, first.isDocstring, case .expr(let value) = first.kind {
      try visit(value)
      unsetLocation()
      try nameOp("__doc__", .store)
      statements = statements.dropFirst()
    }
    for statement in statements { try visit(statement) }
  }

  /// `find_ann()`: an annotated assignment in the body, looking into compound statements
  /// (but not `match`, as in CPython 3.11) and not into nested definitions.
  static func hasAnnotations(_ body: [Stmt]) -> Bool {
    for statement in body {
      switch statement.kind {
      case .annAssign: return true
      case .for(_, _, let body, let orelse, _), .asyncFor(_, _, let body, let orelse, _),
        .while(_, let body, let orelse), .if(_, let body, let orelse):
        if hasAnnotations(body) || hasAnnotations(orelse) { return true }
      case .with(_, let body, _), .asyncWith(_, let body, _):
        if hasAnnotations(body) { return true }
      case .try(let body, let handlers, let orelse, let finalbody),
        .tryStar(let body, let handlers, let orelse, let finalbody):
        if handlers.contains(where: { hasAnnotations($0.body) }) { return true }
        if hasAnnotations(body) || hasAnnotations(finalbody) || hasAnnotations(orelse) { return true }
      default:
        break
      }
    }
    return false
  }

  func visit(_ statements: [Stmt]) throws(PySyntaxError) {
    for statement in statements { try visit(statement) }
  }

  /// `compiler_visit_stmt()`.
  func visit(_ statement: Stmt) throws(PySyntaxError) {
    setLocation(statement.span)
    switch statement.kind {
    case .functionDef(let name, let args, let body, let decorators, let returns, _):
      try compileFunction(statement, name: name, args: args, body: body, decorators: decorators, returns: returns, isAsync: false)
    case .asyncFunctionDef(let name, let args, let body, let decorators, let returns, _):
      try compileFunction(statement, name: name, args: args, body: body, decorators: decorators, returns: returns, isAsync: true)
    case .classDef(let name, let bases, let keywords, let body, let decorators):
      try compileClass(statement, name: name, bases: bases, keywords: keywords, body: body, decorators: decorators)
    case .return(let value):
      try compileReturn(statement, value)
    case .delete(let targets):
      for target in targets { try visit(target) }
    case .assign(let targets, let value, _):
      try visit(value)
      for (i, target) in targets.enumerated() {
        if i < targets.count - 1 { emit(.copy, 1) }
        try visit(target)
      }
    case .augAssign(let target, let op, let value):
      try compileAugmentedAssignment(statement, target: target, op: op, value: value)
    case .annAssign(let target, let annotation, let value, let simple):
      try compileAnnotatedAssignment(target: target, annotation: annotation, value: value, simple: simple)
    case .for(let target, let iter, let body, let orelse, _):
      try compileFor(target: target, iter: iter, body: body, orelse: orelse)
    case .asyncFor(let target, let iter, let body, let orelse, _):
      try compileAsyncFor(target: target, iter: iter, body: body, orelse: orelse)
    case .while(let test, let body, let orelse):
      try compileWhile(statement, test: test, body: body, orelse: orelse)
    case .if(let test, let body, let orelse):
      try compileIf(test: test, body: body, orelse: orelse)
    case .with(let items, let body, _):
      try compileWith(statement, items: items[...], body: body)
    case .asyncWith(let items, let body, _):
      try compileAsyncWith(statement, items: items[...], body: body)
    case .match(let subject, let cases):
      try compileMatch(subject: subject, cases: cases)
    case .raise(let exc, let cause):
      var count = 0
      if let exc {
        try visit(exc)
        count += 1
        if let cause {
          try visit(cause)
          count += 1
        }
      }
      emit(.raiseVarargs, count)
    case .try(let body, let handlers, let orelse, let finalbody):
      if !finalbody.isEmpty {
        try compileTryFinally(body: body, handlers: handlers, orelse: orelse, finalbody: finalbody, star: false)
      } else {
        try compileTryExcept(body: body, handlers: handlers, orelse: orelse)
      }
    case .tryStar(let body, let handlers, let orelse, let finalbody):
      if !finalbody.isEmpty {
        try compileTryFinally(body: body, handlers: handlers, orelse: orelse, finalbody: finalbody, star: true)
      } else {
        try compileTryStarExcept(body: body, handlers: handlers, orelse: orelse)
      }
    case .assert(let test, let msg):
      try compileAssert(test: test, msg: msg)
    case .import(let names):
      try compileImport(names)
    case .importFrom(let module, let names, let level):
      try compileImportFrom(statement, module: module, names: names, level: level)
    case .global, .nonlocal:
      break
    case .expr(let value):
      // compiler_visit_stmt_expr(): a constant statement compiles to a NOP.
      if fold(value) != nil {
        emit(.nop)
      } else {
        try visit(value)
        unsetLocation()
        emit(.popTop)
      }
    case .pass:
      emit(.nop)
    case .break:
      try compileBreak(statement)
    case .continue:
      try compileContinue(statement)
    }
  }

  // MARK: Control flow

  /// `compiler_if()`.
  private func compileIf(test: Expr, body: [Stmt], orelse: [Stmt]) throws(PySyntaxError) {
    let end = newBlock()
    let next = orelse.isEmpty ? end : newBlock()
    try jumpIf(test, to: next, when: false)
    try visit(body)
    if !orelse.isEmpty {
      unit.emitJumpNoLocation(to: end)
      useNextBlock(next)
      try visit(orelse)
    }
    useNextBlock(end)
  }

  /// `compiler_while()`: the test is compiled at the top and again at the bottom.
  private func compileWhile(_ statement: Stmt, test: Expr, body: [Stmt], orelse: [Stmt]) throws(PySyntaxError) {
    let loop = newBlock()
    let bodyBlock = newBlock()
    let anchor = newBlock()
    let end = newBlock()
    useNextBlock(loop)
    try pushFrameBlock(FrameBlock(kind: .whileLoop, block: loop, exit: end))
    try jumpIf(test, to: anchor, when: false)
    useNextBlock(bodyBlock)
    try visit(body)
    setLocation(statement.span)
    try jumpIf(test, to: bodyBlock, when: true)
    popFrameBlock()
    useNextBlock(anchor)
    try visit(orelse)
    useNextBlock(end)
  }

  /// `compiler_for()`.
  private func compileFor(target: Expr, iter: Expr, body: [Stmt], orelse: [Stmt]) throws(PySyntaxError) {
    let start = newBlock()
    let bodyBlock = newBlock()
    let cleanup = newBlock()
    let end = newBlock()
    try pushFrameBlock(FrameBlock(kind: .forLoop, block: start, exit: end))
    try visitIterable(iter)
    emit(.getIter)
    useNextBlock(start)
    emitJump(.forIter, to: cleanup)
    useNextBlock(bodyBlock)
    try visit(target)
    try visit(body)
    unsetLocation()
    emitJump(to: start)
    useNextBlock(cleanup)
    popFrameBlock()
    try visit(orelse)
    useNextBlock(end)
  }

  /// `compiler_async_for()`.
  private func compileAsyncFor(target: Expr, iter: Expr, body: [Stmt], orelse: [Stmt]) throws(PySyntaxError) {
    if unit.kind != .asyncFunction { throw error("'async for' outside async function") }
    let start = newBlock()
    let except = newBlock()
    let end = newBlock()
    try visit(iter)
    emit(.getAiter)
    useNextBlock(start)
    try pushFrameBlock(FrameBlock(kind: .forLoop, block: start, exit: end))
    unit.emitSetup(.setupFinally, handler: except)
    emit(.getAnext)
    emitConstant(.none)
    emitYieldFrom()
    unit.emitPopBlock()
    try visit(target)
    try visit(body)
    unsetLocation()
    emitJump(to: start)
    popFrameBlock()
    useNextBlock(except)
    setLocation(iter.span)
    emit(.endAsyncFor)
    try visit(orelse)
    useNextBlock(end)
  }

  /// `compiler_return()`.
  private func compileReturn(_ statement: Stmt, _ value: Expr?) throws(PySyntaxError) {
    let constant = value.flatMap { fold($0) }
    let preserveTop = value != nil && constant == nil
    if unit.scope.kind != .function { throw error("'return' outside function") }
    if value != nil && unit.scope.isCoroutine && unit.scope.isGenerator {
      throw error("'return' with value in async generator")
    }
    if let value {
      if preserveTop {
        try visit(value)
      } else {
        setLocation(value.span)
        emit(.nop)
      }
    }
    if value == nil || value!.span.lineno != statement.span.lineno {
      setLocation(statement.span)
      emit(.nop)
    }
    try unwindFrameBlocks(preserveTop: preserveTop, stopAtLoop: false, statement: statement)
    if value == nil {
      emitConstant(.none)
    } else if let constant {
      emitConstant(constant)
    }
    emit(.returnValue)
  }

  /// `compiler_break()`.
  private func compileBreak(_ statement: Stmt) throws(PySyntaxError) {
    emit(.nop)
    guard let loop = try unwindFrameBlocks(preserveTop: false, stopAtLoop: true, statement: statement) else {
      setLocation(statement.span)
      throw error("'break' outside loop")
    }
    try unwind(loop, preserveTop: false)
    emitJump(to: loop.exit)
  }

  /// `compiler_continue()`.
  private func compileContinue(_ statement: Stmt) throws(PySyntaxError) {
    emit(.nop)
    guard let loop = try unwindFrameBlocks(preserveTop: false, stopAtLoop: true, statement: statement) else {
      setLocation(statement.span)
      throw error("'continue' not properly in loop")
    }
    emitJump(to: loop.block)
  }

  /// `compiler_assert()`: kept (optimization level 0).
  private func compileAssert(test: Expr, msg: Expr?) throws(PySyntaxError) {
    let end = newBlock()
    try jumpIf(test, to: end, when: true)
    emit(.loadAssertionError)
    if let msg {
      try visit(msg)
      emit(.call, 0)  // [AssertionError, msg]: msg fills the "self" slot, so this is AssertionError(msg)
    }
    emit(.raiseVarargs, 1)
    useNextBlock(end)
  }
}
