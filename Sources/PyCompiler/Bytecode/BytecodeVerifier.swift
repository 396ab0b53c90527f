/// A reason a code object is not valid bytecode for this instruction set.
public struct BytecodeVerificationError: Error, Hashable, Sendable, CustomStringConvertible {
  /// `co_qualname` of the code object at fault (nested code objects are checked too).
  public var qualifiedName: String
  /// The instruction at fault, if the problem is one instruction's.
  public var instruction: Int?
  public var message: String

  public var description: String {
    "\(qualifiedName)" + (instruction.map { " at instruction \($0)" } ?? "") + ": \(message)"
  }
}

extension CodeObject {
  /// Checks that the code can run without the interpreter checking anything itself, for
  /// this code object and every code object among its constants:
  ///
  /// - every opcode is valid, and every argument is in range for what it indexes
  ///   (constants, names, `localsplus` slots of the right kind, jump targets) or means
  ///   (operators, flags, counts); `KW_NAMES` is a tuple of strings followed by a `CALL`
  ///   with at least that many arguments; `MAKE_FUNCTION` follows the `LOAD_CONST` of a
  ///   code object; `COPY_FREE_VARS` copies exactly the free variables;
  /// - `JUMP_FORWARD` goes forward and `JUMP_BACKWARD` backward, and no other jump goes
  ///   backward (every loop passes a `JUMP_BACKWARD`: the safe points);
  /// - along every path, including into exception handlers, the stack depth stays within
  ///   `0...stackSize`, every instruction finds the items it pops, paths that meet agree
  ///   on the depth, and `RETURN_VALUE` leaves the stack empty;
  /// - no path runs off the end of the instructions;
  /// - exception table entries are sorted, do not overlap, are in range, with a depth no
  ///   deeper than the stack at any instruction they cover;
  /// - the code starts with `COPY_FREE_VARS` (when it has free variables) and a `MAKE_CELL`
  ///   for each cell, and has neither anywhere else;
  /// - `YIELD_VALUE` appears only in generator, coroutine and async generator code.
  ///
  /// The compiler runs this on everything it produces in debug builds.
  ///
  /// - Complexity: O(instructions + exception table entries × covered instructions).
  public func verify() throws(BytecodeVerificationError) {
    var verifier = BytecodeVerifier(self)
    try verifier.run()
    for constant in constants {
      if case .code(let nested) = constant { try nested.verify() }
    }
  }
}

/// The checks behind ``CodeObject/verify()``.
struct BytecodeVerifier {
  let code: CodeObject
  /// The handler entry of each instruction (the first entry covering it), or -1.
  var handlerOf: [Int]

  init(_ code: CodeObject) {
    self.code = code
    handlerOf = Array(repeating: -1, count: code.instructions.count)
  }

  func fail(_ message: String, at index: Int? = nil) -> BytecodeVerificationError {
    BytecodeVerificationError(qualifiedName: code.qualifiedName, instruction: index, message: message)
  }

  mutating func run() throws(BytecodeVerificationError) {
    let instructions = code.instructions
    guard !instructions.isEmpty else { throw fail("no instructions") }
    guard code.stackSize >= 0 else { throw fail("negative stack size") }
    try checkLocalsPlus()
    try checkExceptionTable()
    var opcodes: [Opcode] = []
    opcodes.reserveCapacity(instructions.count)
    for (index, instruction) in instructions.enumerated() {
      guard let opcode = Opcode(rawValue: UInt8(truncatingIfNeeded: instruction.word)) else {
        throw fail("invalid opcode \(instruction.word & 0xFF)", at: index)
      }
      opcodes.append(opcode)
      try checkArgument(opcode, Int(instruction.argument), at: index, opcodes: opcodes)
    }
    try checkPrologue(opcodes)
    try checkStack(opcodes)
  }

  /// `COPY_FREE_VARS` first when there are free variables, then a `MAKE_CELL` for every
  /// cell slot, and neither anywhere else.
  private func checkPrologue(_ opcodes: [Opcode]) throws(BytecodeVerificationError) {
    var index = 0
    if code.freeVariableCount > 0 {
      guard opcodes.first == .copyFreeVars else { throw fail("free variables without COPY_FREE_VARS first") }
      index = 1
    }
    let cells = code.localsPlusKinds.indices.filter { code.localsPlusKinds[$0].contains(.cell) }
    var made = Set<Int>()
    while index < opcodes.count && opcodes[index] == .makeCell {
      made.insert(Int(code.instructions[index].argument))
      index += 1
    }
    guard made == Set(cells) else { throw fail("the prologue must make exactly the cells \(cells)") }
    for i in index..<opcodes.count where opcodes[i] == .copyFreeVars || opcodes[i] == .makeCell {
      throw fail("\(opcodes[i].name) after the prologue", at: i)
    }
  }

  private func checkLocalsPlus() throws(BytecodeVerificationError) {
    let kinds = code.localsPlusKinds
    guard code.localsPlusNames.count == kinds.count else { throw fail("one kind per localsplus name") }
    var seenFree = false
    for kind in kinds {
      if kind.isEmpty || (kind.contains(.free) && kind != .free) { throw fail("bad localsplus kind \(kind.rawValue)") }
      if kind.contains(.free) {
        seenFree = true
      } else if seenFree {
        throw fail("free variables must be the last localsplus slots")
      }
    }
    let parameters = code.totalParameterCount
    guard code.positionalOnlyCount <= code.argumentCount, parameters <= kinds.count,
      kinds.prefix(parameters).allSatisfy({ $0.contains(.local) })
    else { throw fail("parameter counts do not match the localsplus slots") }
  }

  private mutating func checkExceptionTable() throws(BytecodeVerificationError) {
    let count = code.instructions.count
    var previousEnd = 0
    for (i, entry) in code.exceptionTable.enumerated() {
      guard entry.start >= 0, entry.start < entry.end, entry.end <= count else {
        throw fail("exception table entry \(i): bad range \(entry.start)..<\(entry.end)")
      }
      guard entry.start >= previousEnd else { throw fail("exception table entry \(i) out of order or overlapping") }
      previousEnd = entry.end
      guard entry.target >= 0, entry.target < count else {
        throw fail("exception table entry \(i): target \(entry.target) out of range")
      }
      guard entry.depth >= 0, entry.depth + (entry.pushLasti ? 1 : 0) + 1 <= code.stackSize else {
        throw fail("exception table entry \(i): depth \(entry.depth) exceeds the stack size \(code.stackSize)")
      }
      for index in entry.start..<entry.end where handlerOf[index] < 0 { handlerOf[index] = i }
    }
  }

  private func checkArgument(_ opcode: Opcode, _ arg: Int, at index: Int, opcodes: [Opcode]) throws(BytecodeVerificationError) {
    let count = code.instructions.count
    let slots = code.localsPlusKinds
    if opcode.isJump {
      guard arg < count else { throw fail("jump target \(arg) out of range", at: index) }
      switch opcode {
      case .jumpBackward:
        guard arg <= index else { throw fail("JUMP_BACKWARD to a later instruction", at: index) }
      default:
        guard arg > index else { throw fail("\(opcode.name) jumps backward", at: index) }
      }
    }
    if opcode.usesConstant {
      guard arg < code.constants.count else { throw fail("constant index \(arg) out of range", at: index) }
    }
    if opcode.usesName {
      let name = opcode == .loadGlobal ? arg >> 1 : arg
      guard name < code.names.count else { throw fail("name index \(name) out of range", at: index) }
    }
    if opcode.usesLocal {
      guard arg < slots.count, slots[arg].contains(.local) else { throw fail("\(opcode.name) of a slot that is not a local", at: index) }
    }
    if opcode.usesCellOrFree {
      guard arg < slots.count, !slots[arg].isDisjoint(with: [.cell, .free]) else {
        throw fail("\(opcode.name) of a slot that is not a cell or free variable", at: index)
      }
      if opcode == .makeCell && !slots[arg].contains(.cell) { throw fail("MAKE_CELL of a free variable", at: index) }
    }
    guard opcode.stackEffect(argument: UInt32(arg), jump: false) != nil else {
      throw fail("bad argument \(arg) for \(opcode.name)", at: index)
    }
    switch opcode {
    case .kwNames:
      guard case .tuple(let names) = code.constants[arg], names.allSatisfy({ if case .str = $0 { return true } else { return false } }) else {
        throw fail("KW_NAMES needs a tuple of strings", at: index)
      }
      guard index + 1 < count, code.instructions[index + 1].opcode == .call,
        Int(code.instructions[index + 1].argument) >= names.count
      else { throw fail("KW_NAMES must be followed by a CALL with enough arguments", at: index) }
    case .makeFunction:
      guard index > 0, opcodes[index - 1] == .loadConst,
        case .code = code.constants[Int(code.instructions[index - 1].argument)]
      else { throw fail("MAKE_FUNCTION must follow the LOAD_CONST of a code object", at: index) }
    case .copyFreeVars:
      guard arg == code.freeVariableCount else { throw fail("COPY_FREE_VARS \(arg) with \(code.freeVariableCount) free variables", at: index) }
    case .yieldValue:
      guard !code.flags.isDisjoint(with: [.generator, .coroutine, .asyncGenerator]) else {
        throw fail("YIELD_VALUE outside a generator or coroutine", at: index)
      }
    case .swap:
      guard arg >= 2 else { throw fail("SWAP \(arg)", at: index) }
    default:
      break
    }
  }

  /// Abstract interpretation of the stack depth over every path.
  private func checkStack(_ opcodes: [Opcode]) throws(BytecodeVerificationError) {
    let instructions = code.instructions
    let count = instructions.count
    let limit = code.stackSize
    var depthAt = [Int](repeating: -1, count: count)
    var worklist: [Int] = [0]
    depthAt[0] = 0

    func enter(_ target: Int, _ depth: Int, from index: Int) throws(BytecodeVerificationError) {
      guard target < count else { throw fail("control runs off the end of the code", at: index) }
      if depthAt[target] < 0 {
        depthAt[target] = depth
        worklist.append(target)
      } else if depthAt[target] != depth {
        throw fail("stack depth \(depth) from instruction \(index) but \(depthAt[target]) on another path", at: target)
      }
    }

    while let index = worklist.popLast() {
      var i = index
      while true {
        let opcode = opcodes[i]
        let arg = instructions[i].argument
        let depth = depthAt[i]
        let (pops, pushes) = opcode.stackEffect(argument: arg, jump: false)!
        guard depth >= pops else { throw fail("stack underflow: \(opcode.name) needs \(pops), has \(depth)", at: i) }
        let after = depth - pops + pushes
        guard after <= limit else { throw fail("stack depth \(after) exceeds the stack size \(limit)", at: i) }
        if opcode == .returnValue && after != 0 { throw fail("RETURN_VALUE leaves \(after) items on the stack", at: i) }
        if handlerOf[i] >= 0 {
          let entry = code.exceptionTable[handlerOf[i]]
          // An instruction that raises has popped its operands first (PUSH_EXC_INFO, right
          // after a handler starts, cannot raise).
          let floor: Int
          switch opcode {
          case .pushExcInfo, .copy, .swap, .getLen, .forIter, .withExceptStart, .matchKeys, .matchMapping,
            .matchSequence, .getAnext:
            floor = depth  // these only look at what they keep
          case .listAppend, .setAdd, .listExtend, .setUpdate, .dictUpdate, .dictMerge:
            floor = depth - 1
          case .mapAdd:
            floor = depth - 2
          case .send:
            floor = depth - 1  // the receiver stays
          case .reraise:
            floor = depth - 1  // pops the exception; lasti (under it) stays until unwinding
          default:
            floor = depth - pops
          }
          guard entry.depth <= floor else {
            throw fail("handler depth \(entry.depth) is above the stack (\(floor))", at: i)
          }
          try enter(entry.target, entry.depth + (entry.pushLasti ? 1 : 0) + 1, from: i)
        }
        if opcode.isJump {
          let (jumpPops, jumpPushes) = opcode.stackEffect(argument: arg, jump: true)!
          let jumpDepth = depth - jumpPops + jumpPushes
          guard jumpDepth <= limit else { throw fail("stack depth \(jumpDepth) exceeds the stack size \(limit)", at: i) }
          try enter(Int(arg), jumpDepth, from: i)
        }
        if opcode.isTerminator { break }
        guard i + 1 < count else { throw fail("control runs off the end of the code", at: i) }
        if depthAt[i + 1] >= 0 {
          guard depthAt[i + 1] == after else {
            throw fail("stack depth \(after) from instruction \(i) but \(depthAt[i + 1]) on another path", at: i + 1)
          }
          break
        }
        depthAt[i + 1] = after
        i += 1
      }
    }
  }
}
