import PySyntax

extension CodeGenerator {
  enum ComprehensionKind {
    case list, set, dict, generator
  }

  /// `compiler_comprehension()`: the comprehension is a function of one argument, `.0`,
  /// the iterator of the outermost iterable, which is evaluated here:
  ///
  /// ```
  /// <closure>; LOAD_CONST <code>; MAKE_FUNCTION
  /// <outermost iterable>; GET_ITER (GET_AITER)
  /// CALL 0          [function, iterator]: the iterator fills the "self" slot
  /// ```
  ///
  /// An asynchronous list, set or dict comprehension returns a coroutine, awaited here.
  func compileComprehension(
    _ expr: Expr, kind: ComprehensionKind, generators: [Comprehension], elt: Expr, value: Expr?
  ) throws(PySyntaxError) {
    let outerKind = unit.kind
    let (name, nodeKind): (String, SymbolTable.NodeKind)
    switch kind {
    case .list: (name, nodeKind) = ("<listcomp>", .listComp)
    case .set: (name, nodeKind) = ("<setcomp>", .setComp)
    case .dict: (name, nodeKind) = ("<dictcomp>", .dictComp)
    case .generator: (name, nodeKind) = ("<genexpr>", .generatorExp)
    }
    let scope = table.scope(for: nodeKind, at: expr.span)
    enterScope(name: name, kind: .comprehension, scope: scope, firstLine: expr.span.lineno)
    setLocation(expr.span)
    let isAsyncGenerator = scope.isCoroutine
    if isAsyncGenerator && kind != .generator && outerKind != .asyncFunction && outerKind != .comprehension {
      throw error("asynchronous comprehension outside of an asynchronous function")
    }
    switch kind {
    case .list: emit(.buildList, 0)
    case .set: emit(.buildSet, 0)
    case .dict: emit(.buildMap, 0)
    case .generator: break
    }
    unit.argumentCount = 1
    try compileGenerator(generators, index: 0, depth: 0, elt: elt, value: value, kind: kind)
    if kind != .generator { emit(.returnValue) }
    let code = try exitScope(addReturn: kind == .generator)
    try makeClosure(code, flags: 0)
    let outermost = generators[0]
    try visitIterable(outermost.iter)
    emit(outermost.isAsync ? .getAiter : .getIter)
    emit(.call, 0)
    if isAsyncGenerator && kind != .generator {
      emit(.getAwaitable, 0)
      emitConstant(.none)
      emitYieldFrom()
    }
  }

  private func compileGenerator(
    _ generators: [Comprehension], index: Int, depth: Int, elt: Expr, value: Expr?, kind: ComprehensionKind
  ) throws(PySyntaxError) {
    if generators[index].isAsync {
      try compileAsyncGenerator(generators, index: index, depth: depth, elt: elt, value: value, kind: kind)
    } else {
      try compileSyncGenerator(generators, index: index, depth: depth, elt: elt, value: value, kind: kind)
    }
  }

  /// `compiler_sync_comprehension_generator()`. `depth` counts the iterators on the stack
  /// above the result being built.
  private func compileSyncGenerator(
    _ generators: [Comprehension], index: Int, depth: Int, elt: Expr, value: Expr?, kind: ComprehensionKind
  ) throws(PySyntaxError) {
    let generator = generators[index]
    var start: Int32? = newBlock()
    let ifCleanup = newBlock()
    let anchor = newBlock()
    var depth = depth
    if index == 0 {
      emit(.loadFast, 0)  // .0
    } else {
      // `for y in [expr]`: just evaluate expr (the temporary-variable idiom).
      var single: Expr?
      switch generator.iter.kind {
      case .list(let elts, _), .tuple(let elts, _):
        // (Not when the display folds to a constant: CPython's optimizer has made it one.)
        if elts.count == 1, case .starred = elts[0].kind {} else if elts.count == 1, fold(elts[0]) == nil {
          single = elts[0]
        }
      default:
        break
      }
      if let single {
        try visit(single)
        start = nil
      } else {
        try visitIterable(generator.iter)
        emit(.getIter)
      }
    }
    if let start {
      depth += 1
      useNextBlock(start)
      emitJump(.forIter, to: anchor)
    }
    try visit(generator.target)
    for condition in generator.ifs { try jumpIf(condition, to: ifCleanup, when: false) }
    if index + 1 < generators.count {
      try compileGenerator(generators, index: index + 1, depth: depth, elt: elt, value: value, kind: kind)
    } else {
      try emitElement(elt: elt, value: value, kind: kind, depth: depth)
    }
    useNextBlock(ifCleanup)
    if let start {
      emitJump(to: start)
      useNextBlock(anchor)
    }
  }

  /// `compiler_async_comprehension_generator()`.
  private func compileAsyncGenerator(
    _ generators: [Comprehension], index: Int, depth: Int, elt: Expr, value: Expr?, kind: ComprehensionKind
  ) throws(PySyntaxError) {
    let generator = generators[index]
    let start = newBlock()
    let except = newBlock()
    let ifCleanup = newBlock()
    if index == 0 {
      emit(.loadFast, 0)
    } else {
      try visit(generator.iter)
      emit(.getAiter)
    }
    useNextBlock(start)
    try pushFrameBlock(FrameBlock(kind: .asyncComprehensionGenerator, block: start))
    unit.emitSetup(.setupFinally, handler: except)
    emit(.getAnext)
    emitConstant(.none)
    emitYieldFrom()
    unit.emitPopBlock()
    try visit(generator.target)
    for condition in generator.ifs { try jumpIf(condition, to: ifCleanup, when: false) }
    let depth = depth + 1
    if index + 1 < generators.count {
      try compileGenerator(generators, index: index + 1, depth: depth, elt: elt, value: value, kind: kind)
    } else {
      try emitElement(elt: elt, value: value, kind: kind, depth: depth)
    }
    useNextBlock(ifCleanup)
    emitJump(to: start)
    popFrameBlock()
    useNextBlock(except)
    emit(.endAsyncFor)
  }

  /// The innermost body: yield the element, or add it to the result `depth + 1` deep.
  private func emitElement(elt: Expr, value: Expr?, kind: ComprehensionKind, depth: Int) throws(PySyntaxError) {
    switch kind {
    case .generator:
      try visit(elt)
      emitYield()
      emit(.popTop)
    case .list:
      try visit(elt)
      emit(.listAppend, depth + 1)
    case .set:
      try visit(elt)
      emit(.setAdd, depth + 1)
    case .dict:
      try visit(elt)
      try visit(value!)
      emit(.mapAdd, depth + 1)
    }
  }
}
