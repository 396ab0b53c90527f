import PySyntax

/// The state of one code object being compiled: its scope, its tables (constants, names,
/// local, cell and free variable names), its basic blocks and the stack of statically
/// nested blocks that `break`, `continue` and `return` must unwind.
///
/// CPython: Python/compile.c, `struct compiler_unit`.
final class CodeUnit {
  /// CPython's `COMPILER_SCOPE_*`.
  enum Kind {
    case module, `class`, function, asyncFunction, lambda, comprehension

    /// Functions, lambdas and comprehensions: `FunctionBlock`s.
    var isFunctionLike: Bool { self == .function || self == .asyncFunction || self == .lambda || self == .comprehension }
  }

  let kind: Kind
  let scope: Scope
  let name: String
  var qualifiedName: String
  let firstLineNumber: Int
  /// The class name used for mangling (`u_private`).
  var privateName: String?

  var argumentCount = 0
  var positionalOnlyCount = 0
  var keywordOnlyCount = 0

  private(set) var constants: [Constant] = []
  private var constantIndex: [ConstantKey: Int] = [:]
  private(set) var names: [String] = []
  private var nameIndex: [String: Int] = [:]
  /// Parameters first, then other fast locals in order of first use (`co_varnames`).
  private(set) var varnames: [String] = []
  private var varnameIndex: [String: Int] = [:]
  /// Cell variables sorted by name (`__class__` alone for a class that needs it).
  let cellvars: [String]
  let cellIndex: [String: Int]
  /// Free variables sorted by name.
  let freevars: [String]
  let freeIndex: [String: Int]

  var blocks: [BasicBlock] = []
  /// Placed blocks in layout order.
  var order: [Int32] = []
  var currentBlock: Int32 = 0
  var frameBlocks: [FrameBlock] = []

  /// The location new instructions get (`u_lineno` and friends).
  var position: SourcePosition = .none

  init(kind: Kind, scope: Scope, name: String, qualifiedName: String, firstLineNumber: Int, privateName: String?) {
    self.kind = kind
    self.scope = scope
    self.name = name
    self.qualifiedName = qualifiedName
    self.firstLineNumber = firstLineNumber
    self.privateName = privateName
    let byName: (String, String) -> Bool = { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    var cells: [String] = []
    var frees: [String] = []
    for symbol in scope.symbols {
      if symbol.scope == .cell { cells.append(symbol.name) }
      if symbol.scope == .free || symbol.flags.contains(.freeClass) { frees.append(symbol.name) }
    }
    cells.sort(by: byName)
    frees.sort(by: byName)
    if scope.needsClassClosure { cells = ["__class__"] }
    cellvars = cells
    cellIndex = Dictionary(uniqueKeysWithValues: cells.enumerated().map { ($1, $0) })
    freevars = frees
    freeIndex = Dictionary(uniqueKeysWithValues: frees.enumerated().map { ($1, $0) })
    for parameter in scope.parameters { _ = addVarname(parameter) }
    let entry = newBlock()
    useNextBlock(entry)
  }

  // MARK: Tables

  func addConstant(_ constant: Constant) -> Int {
    let key = ConstantKey(value: constant)
    if let index = constantIndex[key] { return index }
    constants.append(constant)
    constantIndex[key] = constants.count - 1
    return constants.count - 1
  }

  func addName(_ name: String) -> Int {
    if let index = nameIndex[name] { return index }
    names.append(name)
    nameIndex[name] = names.count - 1
    return names.count - 1
  }

  func addVarname(_ name: String) -> Int {
    if let index = varnameIndex[name] { return index }
    varnames.append(name)
    varnameIndex[name] = varnames.count - 1
    return varnames.count - 1
  }

  func varnameSlot(_ name: String) -> Int? { varnameIndex[name] }

  /// The index a deref instruction carries until assembly: cells first, then free
  /// variables (the assembler maps it to a `localsplus` slot).
  func derefIndex(cell name: String) -> Int? { cellIndex[name] }
  func derefIndex(free name: String) -> Int? { freeIndex[name].map { $0 + cellvars.count } }

  // MARK: Blocks

  func newBlock() -> Int32 {
    blocks.append(BasicBlock())
    return Int32(blocks.count - 1)
  }

  /// Places `block` after the current one and makes it current (`compiler_use_next_block`).
  func useNextBlock(_ block: Int32) {
    precondition(!blocks[Int(block)].placed, "block placed twice")
    blocks[Int(block)].placed = true
    order.append(block)
    currentBlock = block
  }

  /// Starts a new block after the current one (`NEXT_BLOCK`).
  func nextBlock() { useNextBlock(newBlock()) }

  private func append(_ instruction: IRInstruction) {
    blocks[Int(currentBlock)].instructions.append(instruction)
  }

  /// The last instruction of the current block, if any.
  var lastInstruction: IRInstruction? { blocks[Int(currentBlock)].instructions.last }

  func replaceLastInstruction(_ instruction: IRInstruction) {
    let count = blocks[Int(currentBlock)].instructions.count
    blocks[Int(currentBlock)].instructions[count - 1] = instruction
  }

  // MARK: Emitting

  func emit(_ opcode: Opcode, _ argument: Int = 0) {
    precondition(!opcode.isJump, "use emitJump for \(opcode)")
    append(IRInstruction(opcode: opcode, argument: Int32(truncatingIfNeeded: argument), position: position))
    if opcode.isTerminator { nextBlock() }
  }

  func emit(_ opcode: Opcode, _ argument: Int, at position: SourcePosition) {
    let saved = self.position
    self.position = position
    emit(opcode, argument)
    self.position = saved
  }

  /// A conditional jump (or `FOR_ITER`, `SEND`) to `target`; the code after it goes in a
  /// new block.
  func emitJump(_ opcode: Opcode, to target: Int32) {
    append(IRInstruction(opcode: opcode, target: target, position: position))
    nextBlock()
  }

  /// An unconditional jump to `target`.
  func emitJump(to target: Int32) {
    append(IRInstruction(opcode: .nop, pseudo: .jump, target: target, position: position))
    nextBlock()
  }

  func emitJumpNoLocation(to target: Int32) {
    append(IRInstruction(opcode: .nop, pseudo: .jump, target: target, position: .none))
    nextBlock()
  }

  func emitSetup(_ pseudo: PseudoOp, handler: Int32) {
    append(IRInstruction(opcode: .nop, pseudo: pseudo, target: handler, position: position))
  }

  func emitPopBlock() {
    append(IRInstruction(opcode: .nop, pseudo: .popBlock, position: position))
  }

  func emitLoadConstant(_ constant: Constant) {
    emit(.loadConst, addConstant(constant))
  }
}

/// One entry of the stack of statically nested blocks (`struct fblockinfo`).
struct FrameBlock {
  enum Kind {
    case whileLoop, forLoop, tryExcept, finallyTry, finallyEnd, with, asyncWith
    case handlerCleanup, popValue, exceptionHandler, exceptionGroupHandler
    case asyncComprehensionGenerator
  }

  var kind: Kind
  /// The loop's `continue` target (loops), or the block's first block.
  var block: Int32
  /// The loop's `break` target.
  var exit: Int32 = -1
  /// `finallyTry`: the `finally` body, inlined when unwinding.
  var finalBody: [Stmt] = []
  /// `with`/`asyncWith`: the statement's location.
  var span: SourceSpan? = nil
  /// `handlerCleanup`: the `except … as name` name to clear.
  var name: String? = nil
}
