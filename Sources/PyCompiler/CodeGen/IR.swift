import PySyntax

/// The compiler's intermediate form: basic blocks of instructions whose jumps name blocks,
/// plus the pseudo-instructions that delimit exception handlers (CPython 3.11's
/// `SETUP_FINALLY`, `SETUP_CLEANUP`, `SETUP_WITH`, `POP_BLOCK`, `JUMP`), which the assembler
/// turns into the exception table and `JUMP_FORWARD`/`JUMP_BACKWARD`.
///
/// CPython: Python/compile.c, `struct instr`, `basicblock`.
enum PseudoOp: UInt8 {
  case none
  /// Handler at the target, entered with the stack cut to the current depth and the
  /// exception pushed.
  case setupFinally
  /// Like `setupFinally`, and `lasti` is pushed under the exception.
  case setupCleanup
  /// Like `setupCleanup`, with the stack cut one item lower (the `__enter__` result that the
  /// block is about to pop is not there any more when it raises).
  case setupWith
  /// Ends the innermost handler's range.
  case popBlock
  /// Unconditional jump; becomes `JUMP_FORWARD` or `JUMP_BACKWARD`.
  case jump
}

struct IRInstruction {
  /// The real opcode; `.nop` for a pseudo-instruction.
  var opcode: Opcode
  var pseudo: PseudoOp = .none
  var argument: Int32 = 0
  /// The target block of a jump or setup, else -1.
  var target: Int32 = -1
  /// `line` is -1 for an instruction without a location of its own.
  var position: SourcePosition
  /// The handler covering this instruction: index into the unit's handler list, or -1.
  var handler: Int32 = -1

  var isPseudo: Bool { pseudo != .none }
  var isSetup: Bool { pseudo == .setupFinally || pseudo == .setupCleanup || pseudo == .setupWith }

  /// A jump (conditional or not) whose target is `target`; setups are not jumps.
  var isJump: Bool {
    if pseudo == .jump { return true }
    if pseudo != .none { return false }
    return opcode.isJump
  }

  /// Control never reaches the next instruction.
  var isTerminator: Bool {
    if pseudo == .jump { return true }
    if pseudo != .none { return false }
    return opcode.isTerminator
  }
}

/// A basic block: a straight run of instructions, entered at the top.
struct BasicBlock {
  var instructions: [IRInstruction] = []
  /// Whether the block was placed in the layout (`compiler_use_next_block`).
  var placed = false

  /// Control can go from the end of the block to the next block in the layout.
  var fallsThrough: Bool { instructions.last.map { !$0.isTerminator } ?? true }
}

/// An exception handler found by the assembler's walk: where it is, how deep the stack is
/// cut and whether `lasti` is pushed.
struct HandlerInfo: Hashable {
  var block: Int32
  var depth: Int32
  var pushLasti: Bool
}

extension SourcePosition {
  /// No location: the instruction takes its neighbour's (CPython's `UNSET_LOC`).
  static let none = SourcePosition(line: -1, endLine: -1, column: -1, endColumn: -1)

  init(_ span: SourceSpan) {
    self.init(line: Int32(span.lineno), endLine: Int32(span.endLineno),
              column: Int32(span.colOffset), endColumn: Int32(span.endColOffset))
  }
}
