import PySyntax

/// Compiles a module's AST, with its symbol tables, into code objects: one ``CodeUnit`` per
/// module, class body, function, lambda and comprehension, each assembled when its node is
/// done and stored as a constant of the enclosing one.
///
/// The code follows CPython 3.11's compiler statement by statement (the `compiler_*`
/// function each method mirrors is named in its comment), adapted to this instruction set
/// (see ``Opcode``): calls push `[callable, NULL]` in 3.12's order, `LOAD_GLOBAL` carries the
/// NULL in its low bit, jumps are absolute, generators need no prefix.
///
/// CPython: Python/compile.c.
final class CodeGenerator {
  let filename: String
  let errors: CompileErrorFactory
  let table: SymbolTable
  let future: FutureFeatures
  /// The unit being compiled.
  var unit: CodeUnit!
  /// Enclosing units, outermost first.
  var parents: [CodeUnit] = []
  /// Expressions known not to fold, by span (keeps folding linear on long operator chains).
  var unfoldable: Set<SourceSpan> = []

  init(filename: String, table: SymbolTable, future: FutureFeatures) {
    self.filename = filename
    self.errors = CompileErrorFactory(filename: filename)
    self.table = table
    self.future = future
  }

  // MARK: Entry

  /// `compiler_mod()`.
  func compileModule(_ module: Module) throws(PySyntaxError) -> CodeObject {
    enterScope(name: "<module>", kind: .module, scope: table.top, firstLine: 1)
    try compileBody(module.body)
    return try exitScope(addReturn: true)
  }

  /// An error at the current location (`compiler_error()`).
  func error(_ message: String) -> PySyntaxError {
    let p = unit.position
    return PySyntaxError(
      kind: .syntax, message: message, filename: filename, line: Int(p.line), column: Int(p.column) + 1,
      endLine: Int(p.endLine), endColumn: Int(p.endColumn) + 1, text: nil)
  }

  func error(_ message: String, at span: SourceSpan) -> PySyntaxError { errors.error(message, at: span) }

  // MARK: Scopes

  /// `compiler_enter_scope()`.
  func enterScope(name: String, kind: CodeUnit.Kind, scope: Scope, firstLine: Int) {
    let qualifiedName = self.qualifiedName(of: name, kind: kind)
    let newUnit = CodeUnit(
      kind: kind, scope: scope, name: name, qualifiedName: qualifiedName, firstLineNumber: firstLine,
      privateName: unit?.privateName)
    if let unit { parents.append(unit) }
    unit = newUnit
    if kind != .module {
      newUnit.position = SourcePosition(line: Int32(firstLine), endLine: Int32(firstLine), column: 0, endColumn: 0)
    }
  }

  /// `compiler_set_qualname()`.
  private func qualifiedName(of name: String, kind: CodeUnit.Kind) -> String {
    guard let parent = unit, parent.kind != .module else { return name }
    if kind == .function || kind == .asyncFunction || kind == .class {
      let mangled = mangle(parent.privateName, name)
      if parent.scope.scope(of: mangled) == .globalExplicit { return name }
    }
    switch parent.kind {
    case .function, .asyncFunction, .lambda: return parent.qualifiedName + ".<locals>." + name
    default: return parent.qualifiedName + "." + name
    }
  }

  /// Assembles the current unit and returns to the enclosing one (`compiler_exit_scope()`
  /// after `assemble()`). With `addReturn`, a final `return None` is added when control
  /// can reach the end. It has no location of its own: the assembler gives it (or each
  /// copy of it) the location of the code that reaches it, as CPython does, so after the
  /// last statement it is on that statement's line.
  func exitScope(addReturn: Bool) throws(PySyntaxError) -> CodeObject {
    if addReturn, !(unit.lastInstruction?.isTerminator ?? false) {
      unit.position = .none
      unit.emitLoadConstant(.none)
      unit.emit(.returnValue)
    }
    let code = try Assembler.assemble(unit, flags: codeFlags(), filename: filename)
    unit = parents.popLast()
    return code
  }

  /// `compute_code_flags()`.
  private func codeFlags() -> CodeFlags {
    let scope = unit.scope
    var flags: CodeFlags = []
    if scope.kind == .function {
      flags.formUnion([.optimized, .newLocals])
      if scope.isNested { flags.insert(.nested) }
      switch (scope.isGenerator, scope.isCoroutine) {
      case (true, false): flags.insert(.generator)
      case (false, true): flags.insert(.coroutine)
      case (true, true): flags.insert(.asyncGenerator)
      case (false, false): break
      }
      if scope.hasVarargs { flags.insert(.varArgs) }
      if scope.hasVarKeywords { flags.insert(.varKeywords) }
    }
    return flags
  }

  // MARK: Locations

  func setLocation(_ span: SourceSpan) { unit.position = SourcePosition(span) }
  func unsetLocation() { unit.position = .none }

  // MARK: Frame blocks

  /// `compiler_push_fblock()`: at most 20 statically nested blocks, as in CPython.
  func pushFrameBlock(_ block: FrameBlock) throws(PySyntaxError) {
    if unit.frameBlocks.count >= 20 { throw error("too many statically nested blocks") }
    unit.frameBlocks.append(block)
  }

  func popFrameBlock() { unit.frameBlocks.removeLast() }

  // MARK: Emitting shortcuts

  func emit(_ opcode: Opcode, _ argument: Int = 0) { unit.emit(opcode, argument) }
  func emitConstant(_ constant: Constant) { unit.emitLoadConstant(constant) }
  func newBlock() -> Int32 { unit.newBlock() }
  func useNextBlock(_ block: Int32) { unit.useNextBlock(block) }
  func emitJump(_ opcode: Opcode, to target: Int32) { unit.emitJump(opcode, to: target) }
  func emitJump(to target: Int32) { unit.emitJump(to: target) }

  /// An instruction whose argument is a name in `co_names`, mangled (`ADDOP_NAME`).
  func emitName(_ opcode: Opcode, _ name: String) {
    emit(opcode, unit.addName(mangle(unit.privateName, name)))
  }

  /// An instruction whose argument is a name in `co_names`, not mangled (`ADDOP_N`).
  func emitUnmangledName(_ opcode: Opcode, _ name: String) {
    emit(opcode, unit.addName(name))
  }

  /// `ADDOP_BINARY`.
  func emitBinary(_ op: Operator, inplace: Bool = false) {
    let binary: BinaryOperator
    switch op {
    case .add: binary = .add
    case .sub: binary = .subtract
    case .mult: binary = .multiply
    case .matMult: binary = .matrixMultiply
    case .div: binary = .trueDivide
    case .mod: binary = .remainder
    case .pow: binary = .power
    case .lShift: binary = .lshift
    case .rShift: binary = .rshift
    case .bitOr: binary = .or
    case .bitXor: binary = .xor
    case .bitAnd: binary = .and
    case .floorDiv: binary = .floorDivide
    }
    emit(.binaryOp, Int(binary.rawValue) + (inplace ? Int(BinaryOperator.inplaceOffset) : 0))
  }

  /// `ADDOP_COMPARE`.
  func emitCompare(_ op: CmpOperator) {
    switch op {
    case .eq: emit(.compareOp, Int(ComparisonOperator.equal.rawValue))
    case .notEq: emit(.compareOp, Int(ComparisonOperator.notEqual.rawValue))
    case .lt: emit(.compareOp, Int(ComparisonOperator.lessThan.rawValue))
    case .ltE: emit(.compareOp, Int(ComparisonOperator.lessOrEqual.rawValue))
    case .gt: emit(.compareOp, Int(ComparisonOperator.greaterThan.rawValue))
    case .gtE: emit(.compareOp, Int(ComparisonOperator.greaterOrEqual.rawValue))
    case .is: emit(.isOp, 0)
    case .isNot: emit(.isOp, 1)
    case .in: emit(.containsOp, 0)
    case .notIn: emit(.containsOp, 1)
    }
  }

  /// `SEND`/`YIELD_VALUE` loop of `yield from` and `await` (`compiler_add_yield_from()`):
  /// `[receiver, value]` → `[result]`. The `YIELD_VALUE` carries argument 1 (delegating).
  func emitYieldFrom() {
    let start = newBlock()
    let exit = newBlock()
    useNextBlock(start)
    emitJump(.send, to: exit)
    emit(.yieldValue, 1)
    unit.emitJump(to: start)
    useNextBlock(exit)
  }

  /// `ADDOP_YIELD`: a `yield` of the function itself (argument 0).
  func emitYield() { emit(.yieldValue, 0) }

  /// `compiler_call_exit_with_nones()`: `[exit]` → `[exit(None, None, None)]`, using the
  /// first `None` as the "self" slot of `CALL`.
  func emitCallExitWithNones() {
    emitConstant(.none)
    emitConstant(.none)
    emitConstant(.none)
    emit(.call, 2)
  }

  /// `SWAP` from `count` down to 2: moves the top item `count - 1` places down
  /// (`pattern_helper_rotate()`).
  func emitRotate(_ count: Int) {
    var count = count
    while count > 1 {
      emit(.swap, count)
      count -= 1
    }
  }
}
