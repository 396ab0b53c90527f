import PySyntax

extension CodeGenerator {
  // MARK: Unwinding

  /// Emits the code that leaves `block` early, for `break`, `continue` or `return`
  /// (`compiler_unwind_fblock()`). With `preserveTop`, the return value on top of the stack
  /// is kept there.
  func unwind(_ block: FrameBlock, preserveTop: Bool) throws(PySyntaxError) {
    switch block.kind {
    case .whileLoop, .exceptionHandler, .exceptionGroupHandler, .asyncComprehensionGenerator:
      return
    case .forLoop:
      if preserveTop { emit(.swap, 2) }
      emit(.popTop)
    case .tryExcept:
      unit.emitPopBlock()
    case .finallyTry:
      unit.emitPopBlock()
      if preserveTop { try pushFrameBlock(FrameBlock(kind: .popValue, block: -1)) }
      try visit(block.finalBody)
      if preserveTop { popFrameBlock() }
      unsetLocation()
    case .finallyEnd:
      if preserveTop { emit(.swap, 2) }
      emit(.popTop)
      if preserveTop { emit(.swap, 2) }
      unit.emitPopBlock()
      emit(.popExcept)
    case .with, .asyncWith:
      if let span = block.span { setLocation(span) }
      unit.emitPopBlock()
      if preserveTop { emit(.swap, 2) }
      emitCallExitWithNones()
      if block.kind == .asyncWith {
        emit(.getAwaitable, 2)
        emitConstant(.none)
        emitYieldFrom()
      }
      emit(.popTop)
      unsetLocation()
    case .handlerCleanup:
      if block.name != nil { unit.emitPopBlock() }
      if preserveTop { emit(.swap, 2) }
      unit.emitPopBlock()
      emit(.popExcept)
      if let name = block.name {
        emitConstant(.none)
        try nameOp(name, .store)
        try nameOp(name, .del)
      }
    case .popValue:
      if preserveTop { emit(.swap, 2) }
      emit(.popTop)
    }
  }

  /// Unwinds the frame blocks from the innermost out, stopping at the innermost loop when
  /// `stopAtLoop` (and returning it), else unwinding all (`compiler_unwind_fblock_stack()`).
  /// The blocks are back in place afterwards.
  @discardableResult
  func unwindFrameBlocks(preserveTop: Bool, stopAtLoop: Bool, statement: Stmt) throws(PySyntaxError) -> FrameBlock? {
    guard let top = unit.frameBlocks.last else { return nil }
    if top.kind == .exceptionGroupHandler {
      setLocation(statement.span)
      throw error("'break', 'continue' and 'return' cannot appear in an except* block")
    }
    if stopAtLoop && (top.kind == .whileLoop || top.kind == .forLoop) { return top }
    unit.frameBlocks.removeLast()
    defer { unit.frameBlocks.append(top) }
    try unwind(top, preserveTop: preserveTop)
    return try unwindFrameBlocks(preserveTop: preserveTop, stopAtLoop: stopAtLoop, statement: statement)
  }

  /// `POP_EXCEPT_AND_RERAISE`: `[prev, lasti, exc]` → restores `prev`, re-raises `exc`.
  private func emitPopExceptAndReraise() {
    emit(.copy, 3)
    emit(.popExcept)
    emit(.reraise, 1)
  }

  // MARK: try

  /// `compiler_try_except()`:
  ///
  /// ```
  ///         SETUP_FINALLY  except
  ///         <body>
  ///         POP_BLOCK
  ///         <orelse>
  ///         JUMP           end
  /// except: SETUP_CLEANUP  cleanup        [exc]
  ///         PUSH_EXC_INFO                  [prev, exc]
  ///         <type>; CHECK_EXC_MATCH; POP_JUMP_IF_FALSE next
  ///         STORE name (or POP_TOP)        [prev]
  ///         <handler body, under SETUP_CLEANUP that clears name>
  ///         POP_BLOCK; POP_EXCEPT; name = None; del name; JUMP end
  /// next:   … more handlers …
  ///         RERAISE 0
  /// cleanup: COPY 3; POP_EXCEPT; RERAISE 1
  /// end:
  /// ```
  func compileTryExcept(body: [Stmt], handlers: [ExceptHandler], orelse: [Stmt]) throws(PySyntaxError) {
    let bodyBlock = newBlock()
    var except = newBlock()
    let end = newBlock()
    let cleanup = newBlock()
    unit.emitSetup(.setupFinally, handler: except)
    useNextBlock(bodyBlock)
    try pushFrameBlock(FrameBlock(kind: .tryExcept, block: bodyBlock))
    try visit(body)
    popFrameBlock()
    unsetLocation()
    unit.emitPopBlock()
    try visit(orelse)
    unit.emitJumpNoLocation(to: end)
    useNextBlock(except)
    unsetLocation()
    unit.emitSetup(.setupCleanup, handler: cleanup)
    emit(.pushExcInfo)
    try pushFrameBlock(FrameBlock(kind: .exceptionHandler, block: -1))
    for (i, handler) in handlers.enumerated() {
      setLocation(handler.span)
      if handler.type == nil && i < handlers.count - 1 {
        throw error("default 'except:' must be last")
      }
      except = newBlock()
      if let type = handler.type {
        try visit(type)
        emit(.checkExcMatch)
        emitJump(.popJumpIfFalse, to: except)
      }
      if let name = handler.name {
        let cleanupEnd = newBlock()
        let cleanupBody = newBlock()
        try nameOp(name, .store)
        // try: <body> finally: name = None; del name
        unit.emitSetup(.setupCleanup, handler: cleanupEnd)
        useNextBlock(cleanupBody)
        try pushFrameBlock(FrameBlock(kind: .handlerCleanup, block: cleanupBody, name: name))
        try visit(handler.body)
        popFrameBlock()
        unsetLocation()
        unit.emitPopBlock()
        unit.emitPopBlock()
        emit(.popExcept)
        emitConstant(.none)
        try nameOp(name, .store)
        try nameOp(name, .del)
        emitJump(to: end)
        useNextBlock(cleanupEnd)
        unsetLocation()
        emitConstant(.none)
        try nameOp(name, .store)
        try nameOp(name, .del)
        emit(.reraise, 1)
      } else {
        let cleanupBody = newBlock()
        emit(.popTop)
        useNextBlock(cleanupBody)
        try pushFrameBlock(FrameBlock(kind: .handlerCleanup, block: cleanupBody))
        try visit(handler.body)
        popFrameBlock()
        unsetLocation()
        unit.emitPopBlock()
        emit(.popExcept)
        emitJump(to: end)
      }
      useNextBlock(except)
    }
    unsetLocation()
    popFrameBlock()
    emit(.reraise, 0)
    useNextBlock(cleanup)
    emitPopExceptAndReraise()
    useNextBlock(end)
  }

  /// `compiler_try_finally()` (and `compiler_try_star_finally()`): the `finally` body is
  /// compiled once for the normal exit, once as the handler, and once more for every
  /// `break`, `continue` or `return` that leaves the `try` (see ``unwind(_:preserveTop:)``).
  func compileTryFinally(
    body: [Stmt], handlers: [ExceptHandler], orelse: [Stmt], finalbody: [Stmt], star: Bool
  ) throws(PySyntaxError) {
    let bodyBlock = newBlock()
    let end = newBlock()
    let exit = newBlock()
    let cleanup = newBlock()
    unit.emitSetup(.setupFinally, handler: end)
    useNextBlock(bodyBlock)
    try pushFrameBlock(FrameBlock(kind: .finallyTry, block: bodyBlock, exit: end, finalBody: finalbody))
    if !handlers.isEmpty {
      if star {
        try compileTryStarExcept(body: body, handlers: handlers, orelse: orelse)
      } else {
        try compileTryExcept(body: body, handlers: handlers, orelse: orelse)
      }
    } else {
      try visit(body)
    }
    unsetLocation()
    unit.emitPopBlock()
    popFrameBlock()
    try visit(finalbody)
    unit.emitJumpNoLocation(to: exit)
    useNextBlock(end)
    unsetLocation()
    unit.emitSetup(.setupCleanup, handler: cleanup)
    emit(.pushExcInfo)
    try pushFrameBlock(FrameBlock(kind: .finallyEnd, block: end))
    try visit(finalbody)
    popFrameBlock()
    emit(.reraise, 0)
    useNextBlock(cleanup)
    emitPopExceptAndReraise()
    useNextBlock(exit)
  }

  /// `compiler_try_star_except()`: each `except*` clause splits the exception group with
  /// `CHECK_EG_MATCH`; what the clauses raise and what no clause matched are collected in a
  /// list that `PREP_RERAISE_STAR` turns into the exception to re-raise (or None).
  func compileTryStarExcept(body: [Stmt], handlers: [ExceptHandler], orelse: [Stmt]) throws(PySyntaxError) {
    let bodyBlock = newBlock()
    var except = newBlock()
    let orelseBlock = newBlock()
    let end = newBlock()
    let cleanup = newBlock()
    let reraiseStar = newBlock()
    unit.emitSetup(.setupFinally, handler: except)
    useNextBlock(bodyBlock)
    try pushFrameBlock(FrameBlock(kind: .tryExcept, block: bodyBlock))
    try visit(body)
    popFrameBlock()
    unsetLocation()
    unit.emitPopBlock()
    unit.emitJumpNoLocation(to: orelseBlock)
    useNextBlock(except)
    unsetLocation()
    unit.emitSetup(.setupCleanup, handler: cleanup)
    emit(.pushExcInfo)
    try pushFrameBlock(FrameBlock(kind: .exceptionGroupHandler, block: -1))
    for (i, handler) in handlers.enumerated() {
      setLocation(handler.span)
      except = newBlock()
      let exceptWithError = newBlock()
      let noMatch = newBlock()
      if i == 0 {
        // [exc] → [orig, list, exc]
        emit(.copy, 1)
        emit(.buildList, 0)
        emit(.swap, 2)
      }
      if let type = handler.type {
        try visit(type)
        emit(.checkEgMatch)
        emit(.copy, 1)
        emitJump(.popJumpIfNone, to: noMatch)
      }
      let cleanupEnd = newBlock()
      let cleanupBody = newBlock()
      if let name = handler.name {
        try nameOp(name, .store)
      } else {
        emit(.popTop)
      }
      unit.emitSetup(.setupCleanup, handler: cleanupEnd)
      useNextBlock(cleanupBody)
      try pushFrameBlock(FrameBlock(kind: .handlerCleanup, block: cleanupBody, name: handler.name))
      try visit(handler.body)
      popFrameBlock()
      unit.emitPopBlock()
      if let name = handler.name {
        emitConstant(.none)
        try nameOp(name, .store)
        try nameOp(name, .del)
      }
      emitJump(to: except)
      useNextBlock(cleanupEnd)
      if let name = handler.name {
        emitConstant(.none)
        try nameOp(name, .store)
        try nameOp(name, .del)
      }
      // The exception the clause raised goes into the list.
      emit(.listAppend, 3)
      emit(.popTop)  // lasti
      emitJump(to: exceptWithError)
      useNextBlock(except)
      emit(.nop)
      emitJump(to: exceptWithError)
      useNextBlock(noMatch)
      emit(.popTop)
      useNextBlock(exceptWithError)
      if i == handlers.count - 1 {
        // What is left unmatched goes into the list too (None when everything matched).
        emit(.listAppend, 1)
        emitJump(to: reraiseStar)
      }
    }
    unsetLocation()
    popFrameBlock()
    let reraise = newBlock()
    useNextBlock(reraiseStar)
    emit(.prepReraiseStar)
    emit(.copy, 1)
    emitJump(.popJumpIfNotNone, to: reraise)
    emit(.popTop)
    unit.emitPopBlock()
    emit(.popExcept)
    emitJump(to: end)
    useNextBlock(reraise)
    unit.emitPopBlock()
    emit(.swap, 2)
    emit(.popExcept)
    emit(.reraise, 0)
    useNextBlock(cleanup)
    emitPopExceptAndReraise()
    useNextBlock(orelseBlock)
    try visit(orelse)
    useNextBlock(end)
  }

  // MARK: with

  /// `compiler_with()`: one item at a time, nesting for the following items.
  ///
  /// ```
  ///          <context_expr>
  ///          BEFORE_WITH                   [exit, enter_result]
  ///          SETUP_WITH     final
  ///          <store target or POP_TOP>     [exit]
  ///          <body>
  ///          POP_BLOCK
  ///          exit(None, None, None); POP_TOP
  ///          JUMP exit
  /// final:   SETUP_CLEANUP  cleanup        [exit, lasti, exc]
  ///          PUSH_EXC_INFO                 [exit, lasti, prev, exc]
  ///          WITH_EXCEPT_START             [exit, lasti, prev, exc, result]
  ///          POP_JUMP_IF_TRUE suppress
  ///          RERAISE 2
  /// cleanup: COPY 3; POP_EXCEPT; RERAISE 1
  /// suppress: POP_TOP; POP_BLOCK; POP_EXCEPT; POP_TOP; POP_TOP
  /// exit:
  /// ```
  func compileWith(_ statement: Stmt, items: ArraySlice<WithItem>, body: [Stmt]) throws(PySyntaxError) {
    let item = items.first!
    let block = newBlock()
    let final = newBlock()
    let exit = newBlock()
    let cleanup = newBlock()
    try visit(item.contextExpr)
    emit(.beforeWith)
    unit.emitSetup(.setupWith, handler: final)
    useNextBlock(block)
    try pushFrameBlock(FrameBlock(kind: .with, block: block, exit: final, span: statement.span))
    if let vars = item.optionalVars {
      try visit(vars)
    } else {
      emit(.popTop)
    }
    if items.count == 1 {
      try visit(body)
    } else {
      try compileWith(statement, items: items.dropFirst(), body: body)
    }
    unsetLocation()
    unit.emitPopBlock()
    popFrameBlock()
    setLocation(statement.span)
    emitCallExitWithNones()
    emit(.popTop)
    emitJump(to: exit)
    useNextBlock(final)
    unit.emitSetup(.setupCleanup, handler: cleanup)
    emit(.pushExcInfo)
    emit(.withExceptStart)
    emitWithExceptFinish(cleanup: cleanup)
    useNextBlock(exit)
  }

  /// `compiler_async_with()`.
  func compileAsyncWith(_ statement: Stmt, items: ArraySlice<WithItem>, body: [Stmt]) throws(PySyntaxError) {
    if unit.kind != .asyncFunction { throw error("'async with' outside async function") }
    let item = items.first!
    let block = newBlock()
    let final = newBlock()
    let exit = newBlock()
    let cleanup = newBlock()
    try visit(item.contextExpr)
    emit(.beforeAsyncWith)
    emit(.getAwaitable, 1)
    emitConstant(.none)
    emitYieldFrom()
    unit.emitSetup(.setupWith, handler: final)
    useNextBlock(block)
    try pushFrameBlock(FrameBlock(kind: .asyncWith, block: block, exit: final, span: statement.span))
    if let vars = item.optionalVars {
      try visit(vars)
    } else {
      emit(.popTop)
    }
    if items.count == 1 {
      try visit(body)
    } else {
      try compileAsyncWith(statement, items: items.dropFirst(), body: body)
    }
    popFrameBlock()
    unit.emitPopBlock()
    setLocation(statement.span)
    emitCallExitWithNones()
    emit(.getAwaitable, 2)
    emitConstant(.none)
    emitYieldFrom()
    emit(.popTop)
    emitJump(to: exit)
    useNextBlock(final)
    unit.emitSetup(.setupCleanup, handler: cleanup)
    emit(.pushExcInfo)
    emit(.withExceptStart)
    emit(.getAwaitable, 2)
    emitConstant(.none)
    emitYieldFrom()
    emitWithExceptFinish(cleanup: cleanup)
    useNextBlock(exit)
  }

  /// `compiler_with_except_finish()`.
  private func emitWithExceptFinish(cleanup: Int32) {
    unsetLocation()
    let exit = newBlock()
    emitJump(.popJumpIfTrue, to: exit)
    emit(.reraise, 2)
    useNextBlock(cleanup)
    emitPopExceptAndReraise()
    useNextBlock(exit)
    emit(.popTop)  // exc
    unit.emitPopBlock()
    emit(.popExcept)
    emit(.popTop)
    emit(.popTop)
  }
}
