import PySyntax

extension CodeGenerator {
  /// `compiler_check_debug_args()`: no parameter may be called `__debug__`.
  private func checkDebugParameters(_ args: Arguments) throws(PySyntaxError) {
    let all = args.posonlyargs + args.args + args.kwonlyargs + [args.vararg, args.kwarg].compactMap { $0 }
    for arg in all { try checkForbidden(arg.arg, .store) }
  }

  /// `compiler_default_arguments()`: pushes the defaults tuple and the keyword-only
  /// defaults dict; returns the `MAKE_FUNCTION` flags for them.
  private func compileDefaults(_ args: Arguments) throws(PySyntaxError) -> Int {
    var flags = 0
    if !args.defaults.isEmpty {
      for value in args.defaults { try visit(value) }
      emit(.buildTuple, args.defaults.count)
      flags |= 0x01
    }
    var keys: [Constant] = []
    for (arg, value) in zip(args.kwonlyargs, args.kwDefaults) {
      guard let value else { continue }
      keys.append(.str(Array(mangle(unit.privateName, arg.arg).utf8)))
      try visit(value)
    }
    if !keys.isEmpty {
      emitConstant(.tuple(keys))
      emit(.buildConstKeyMap, keys.count)
      flags |= 0x02
    }
    return flags
  }

  /// `compiler_visit_annotations()`: pushes a tuple of alternating (mangled) parameter
  /// names and annotation values, `return` last, as 3.11 does; returns whether it did.
  /// The order is CPython's: positional, positional-only, `*args`, keyword-only,
  /// `**kwargs`, return.
  private func compileAnnotations(_ args: Arguments, returns: Expr?) throws(PySyntaxError) -> Bool {
    var count = 0
    func annotate(_ name: String, _ annotation: Expr?) throws(PySyntaxError) {
      guard let annotation else { return }
      emitConstant(.str(Array(mangle(unit.privateName, name).utf8)))
      if !future.annotations, case .starred(let value, _) = annotation.kind {
        // `*args: *Ts`: [annotation] = [*Ts]
        try visit(value)
        emit(.unpackSequence, 1)
      } else {
        try visitAnnotation(annotation)
      }
      count += 2
    }
    for arg in args.args { try annotate(arg.arg, arg.annotation) }
    for arg in args.posonlyargs { try annotate(arg.arg, arg.annotation) }
    if let vararg = args.vararg { try annotate(vararg.arg, vararg.annotation) }
    for arg in args.kwonlyargs { try annotate(arg.arg, arg.annotation) }
    if let kwarg = args.kwarg { try annotate(kwarg.arg, kwarg.annotation) }
    try annotate("return", returns)
    if count > 0 {
      emit(.buildTuple, count)
      return true
    }
    return false
  }

  /// `compiler_function()`: decorators, defaults, annotations, the code object, the
  /// function, the decorators applied innermost first, the store.
  ///
  /// The function's code has its docstring (or None) as `co_consts[0]`.
  func compileFunction(
    _ statement: Stmt, name: String, args: Arguments, body: [Stmt], decorators: [Expr], returns: Expr?,
    isAsync: Bool
  ) throws(PySyntaxError) {
    try checkDebugParameters(args)
    for decorator in decorators { try visit(decorator) }
    let firstLine = decorators.first?.span.lineno ?? statement.span.lineno
    var flags = try compileDefaults(args)
    if try compileAnnotations(args, returns: returns) { flags |= 0x04 }
    let scope = table.scope(for: .function, at: statement.span)
    enterScope(name: name, kind: isAsync ? .asyncFunction : .function, scope: scope, firstLine: firstLine)
    let hasDocstring = body.first?.isDocstring ?? false
    if hasDocstring, case .expr(let value) = body[0].kind, case .constant(let docstring, _) = value.kind {
      _ = unit.addConstant(Constant(docstring))
    } else {
      _ = unit.addConstant(.none)
    }
    unit.argumentCount = args.posonlyargs.count + args.args.count
    unit.positionalOnlyCount = args.posonlyargs.count
    unit.keywordOnlyCount = args.kwonlyargs.count
    for statement in body.dropFirst(hasDocstring ? 1 : 0) { try visit(statement) }
    let code = try exitScope(addReturn: true)
    try makeClosure(code, flags: flags)
    try applyDecorators(decorators)
    try nameOp(name, .store)
  }

  /// `compiler_apply_decorators()`: innermost (last) first; each call is
  /// `[decorator, function]; CALL 0`, the function filling the "self" slot.
  private func applyDecorators(_ decorators: [Expr]) throws(PySyntaxError) {
    let saved = unit.position
    for decorator in decorators.reversed() {
      setLocation(decorator.span)
      emit(.call, 0)
    }
    unit.position = saved
  }

  /// `compiler_lambda()`: `co_consts[0]` is None (a lambda has no docstring).
  func compileLambda(_ expr: Expr, args: Arguments, body: Expr) throws(PySyntaxError) {
    try checkDebugParameters(args)
    let flags = try compileDefaults(args)
    let scope = table.scope(for: .lambda, at: expr.span)
    enterScope(name: "<lambda>", kind: .lambda, scope: scope, firstLine: expr.span.lineno)
    _ = unit.addConstant(.none)
    unit.argumentCount = args.posonlyargs.count + args.args.count
    unit.positionalOnlyCount = args.posonlyargs.count
    unit.keywordOnlyCount = args.kwonlyargs.count
    setLocation(expr.span)
    try visit(body)
    emit(.returnValue)
    let code = try exitScope(addReturn: false)
    try makeClosure(code, flags: flags)
  }

  /// `compiler_make_closure()`: the closure tuple (one `LOAD_CLOSURE` per free variable of
  /// `code`, from this unit's cells or free variables), the code constant, `MAKE_FUNCTION`.
  func makeClosure(_ code: CodeObject, flags: Int) throws(PySyntaxError) {
    var flags = flags
    let frees = code.localsPlusNames.suffix(code.freeVariableCount)
    if !frees.isEmpty {
      for name in frees {
        // A class body passes its implicit __class__ cell; otherwise the name's scope here
        // says whether it is our cell or our free variable.
        let index: Int?
        if unit.kind == .class && name == "__class__" {
          index = unit.derefIndex(cell: name)
        } else if unit.scope.scope(of: name) == .cell {
          index = unit.derefIndex(cell: name)
        } else {
          index = unit.derefIndex(free: name)
        }
        guard let index else { preconditionFailure("closure: \(name) is neither a cell nor free in \(unit.qualifiedName)") }
        emit(.loadClosure, index)
      }
      emit(.buildTuple, frees.count)
      flags |= 0x08
    }
    emitConstant(.code(code))
    emit(.makeFunction, flags)
  }

  /// `compiler_class()`:
  ///
  /// ```
  /// <decorators>
  /// LOAD_BUILD_CLASS; PUSH_NULL
  /// <closure>; LOAD_CONST <code>; MAKE_FUNCTION      the class body
  /// LOAD_CONST 'Name'; <bases>; <keywords>; CALL n   __build_class__(body, 'Name', …)
  /// CALL 0 per decorator; STORE Name
  /// ```
  ///
  /// The body stores `__module__` (from `__name__`) and `__qualname__`, runs the statements,
  /// and returns the `__class__` cell (also stored as `__classcell__`) when a method uses
  /// `__class__` or `super`, else None.
  func compileClass(
    _ statement: Stmt, name: String, bases: [Expr], keywords: [Keyword], body: [Stmt], decorators: [Expr]
  ) throws(PySyntaxError) {
    for decorator in decorators { try visit(decorator) }
    let firstLine = decorators.first?.span.lineno ?? statement.span.lineno
    let scope = table.scope(for: .class, at: statement.span)
    enterScope(name: name, kind: .class, scope: scope, firstLine: firstLine)
    unit.privateName = name
    try nameOp("__name__", .load)
    try nameOp("__module__", .store)
    emitConstant(.str(Array(unit.qualifiedName.utf8)))
    try nameOp("__qualname__", .store)
    try compileBody(body)
    unsetLocation()
    if unit.scope.needsClassClosure {
      emit(.loadClosure, unit.derefIndex(cell: "__class__")!)
      emit(.copy, 1)
      try nameOp("__classcell__", .store)
    } else {
      emitConstant(.none)
    }
    emit(.returnValue)
    let code = try exitScope(addReturn: false)
    emit(.loadBuildClass)
    emit(.pushNull)
    try makeClosure(code, flags: 0)
    emitConstant(.str(Array(name.utf8)))
    try compileCallHelper(pushed: 2, args: bases, keywords: keywords)
    try applyDecorators(decorators)
    try nameOp(name, .store)
  }
}
