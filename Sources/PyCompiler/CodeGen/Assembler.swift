import PySyntax

/// Turns a ``CodeUnit``'s basic blocks into a ``CodeObject``.
///
/// The passes, in order (CPython 3.11's `assemble()` does the same work, differently split):
///
/// 1. **Prologue.** `COPY_FREE_VARS n` and one `MAKE_CELL` per cell, in `localsplus` order;
///    then the few peephole rewrites CPython does (``peephole()``).
/// 2. **Walk.** From the entry block, along fall-through edges, jumps and the handlers that
///    the `SETUP_*` pseudo-instructions open, compute each block's stack depth on entry and
///    the stack of active handlers; label every instruction with its innermost handler.
///    A handler is entered with the depth at its `SETUP_*` plus what the unwinder pushes
///    (`lasti` for `SETUP_CLEANUP`/`SETUP_WITH`, then the exception).
/// 3. **Reachability.** Blocks not reachable from the entry through fall-through, jumps or
///    the handler of a reachable instruction are dropped (dead code after `return`,
///    `raise`, `break`, `continue`, constant conditions, handlers of empty `try` bodies).
///    `SETUP_*` and `POP_BLOCK` disappear: the labels carry their information.
/// 4. **Backward conditional jumps** become an inverted forward jump over a
///    `JUMP_BACKWARD`, so every backward edge is a `JUMP_BACKWARD` (the loop's safe points).
/// 5. **Jumps to the next instruction** become `NOP`s.
/// 6. **Locations.** Instructions without a location take their predecessor's (within a
///    block, and into a block with a single predecessor); redundant `NOP`s go.
/// 7. **Unused constants** are dropped (index 0, the docstring slot, is kept).
/// 8. **Layout.** Jump targets become instruction indices; `JUMP` becomes `JUMP_FORWARD` or
///    `JUMP_BACKWARD`; runs of instructions with the same handler become exception table
///    entries; cell and free variable indices become `localsplus` slots.
///
/// CPython: Python/compile.c, `assemble()`, `label_exception_targets()`, `stackdepth()`,
/// `mark_reachable()`, `propagate_line_numbers()`, `remove_redundant_nops()`,
/// `remove_unused_consts()`, `assemble_exception_table()`, `fix_cell_offsets()`.
struct Assembler {
  let unit: CodeUnit
  let filename: String
  var blocks: [BasicBlock]
  var order: [Int32]
  var handlers: [HandlerInfo] = []
  private var handlerIndex: [HandlerInfo: Int32] = [:]
  var startDepth: [Int32]
  var maxDepth: [Int32]
  var predecessors: [Int32]
  /// Internal inconsistencies found on the way (compiler bugs).
  var problems: [String] = []

  init(_ unit: CodeUnit, filename: String) {
    self.unit = unit
    self.filename = filename
    blocks = unit.blocks
    order = unit.order
    startDepth = Array(repeating: -1, count: unit.blocks.count + 1)
    maxDepth = Array(repeating: 0, count: unit.blocks.count + 1)
    predecessors = Array(repeating: 0, count: unit.blocks.count + 1)
  }

  // MARK: 1. Prologue

  mutating func insertPrologue() {
    var prologue: [IRInstruction] = []
    if !unit.freevars.isEmpty {
      prologue.append(IRInstruction(opcode: .copyFreeVars, argument: Int32(unit.freevars.count), position: .none))
    }
    // Cells that are parameters live in the parameter's slot and come first.
    var cells: [(slot: Int, index: Int)] = []
    var nonParameterCells = 0
    for (index, name) in unit.cellvars.enumerated() {
      if let slot = unit.varnameSlot(name) {
        cells.append((slot, index))
      } else {
        cells.append((unit.varnames.count + nonParameterCells, index))
        nonParameterCells += 1
      }
    }
    for cell in cells.sorted(by: { $0.slot < $1.slot }) {
      prologue.append(IRInstruction(opcode: .makeCell, argument: Int32(cell.index), position: .none))
    }
    guard !prologue.isEmpty else { return }
    blocks.append(BasicBlock(instructions: prologue, placed: true))
    startDepth.append(-1)
    maxDepth.append(0)
    predecessors.append(0)
    order.insert(Int32(blocks.count - 1), at: 0)
  }

  // MARK: Peephole

  /// The instruction rewrites of CPython's `optimize_basic_block()` that change what runs
  /// (rather than only the layout), done before the walk:
  ///
  /// - `LOAD_CONST c1 … LOAD_CONST cn; BUILD_TUPLE n` → `LOAD_CONST (c1, …, cn)`;
  /// - `BUILD_TUPLE n; UNPACK_SEQUENCE n` → nothing (n = 1) or `SWAP n` (n = 2, 3);
  /// - `LOAD_CONST None; IS_OP i; POP_JUMP_IF_FALSE/TRUE` → `POP_JUMP_IF_NONE/NOT_NONE`.
  mutating func peephole() {
    for b in order {
      var instructions = blocks[Int(b)].instructions
      guard instructions.count >= 2 else { continue }
      var changed = false
      var i = 0
      while i < instructions.count {
        let instruction = instructions[i]
        guard instruction.pseudo == .none else {
          i += 1
          continue
        }
        let next = i + 1 < instructions.count ? instructions[i + 1] : nil
        switch instruction.opcode {
        case .buildTuple:
          let n = Int(instruction.argument)
          if i >= n, (i - n..<i).allSatisfy({ instructions[$0].pseudo == .none && instructions[$0].opcode == .loadConst }) {
            let items = (i - n..<i).map { unit.constants[Int(instructions[$0].argument)] }
            var load = instruction
            load.opcode = .loadConst
            load.argument = Int32(unit.addConstant(.tuple(items)))
            instructions.replaceSubrange((i - n)...i, with: [load])
            i -= n
            changed = true
            continue
          }
          if let next, next.pseudo == .none, next.opcode == .unpackSequence, next.argument == instruction.argument, n <= 3 {
            if n == 1 {
              instructions.removeSubrange(i...(i + 1))
            } else {
              instructions[i].opcode = .nop
              instructions[i + 1].opcode = .swap
            }
            changed = true
          }
        case .swap:
          if instruction.argument == 1 {
            instructions[i].opcode = .nop
          } else {
            Self.swaptimize(&instructions, &i)
            Self.applyStaticSwaps(&instructions, i)
          }
          changed = true
        case .loadConst:
          if case .none = unit.constants[Int(instruction.argument)], i + 2 < instructions.count,
            let next, next.pseudo == .none, next.opcode == .isOp,
            instructions[i + 2].pseudo == .none,
            instructions[i + 2].opcode == .popJumpIfFalse || instructions[i + 2].opcode == .popJumpIfTrue
          {
            let jumpIfFalse = instructions[i + 2].opcode == .popJumpIfFalse
            instructions[i + 2].opcode = (next.argument == 1) != jumpIfFalse ? .popJumpIfNotNone : .popJumpIfNone
            instructions.removeSubrange(i...(i + 1))
            changed = true
            continue
          }
        default:
          break
        }
        i += 1
      }
      if changed { blocks[Int(b)].instructions = instructions }
    }
  }

  /// Replaces a run of `SWAP`s (and `NOP`s) starting at `i` with the fewest `SWAP`s that
  /// shuffle the stack the same way; leaves `i` at the run's last instruction
  /// (`swaptimize()`).
  static func swaptimize(_ instructions: inout [IRInstruction], _ i: inout Int) {
    var depth = Int(instructions[i].argument)
    var length = 0
    var more = false
    let limit = instructions.count - i
    while true {
      length += 1
      guard length < limit else { break }
      let next = instructions[i + length]
      if next.pseudo == .none && next.opcode == .swap {
        depth = max(depth, Int(next.argument))
        more = true
      } else if !(next.pseudo == .none && next.opcode == .nop) {
        break
      }
    }
    guard more else { return }
    // Simulate the run on the stack positions 0 (top) … depth - 1.
    var stack = Array(0..<depth)
    for k in 0..<length where instructions[i + k].opcode == .swap && instructions[i + k].pseudo == .none {
      let arg = Int(instructions[i + k].argument)
      stack.swapAt(0, arg - 1)
    }
    // Rebuild the shuffle cycle by cycle, from the end of the run.
    let visited = -1
    var current = length - 1
    for start in 0..<depth {
      if stack[start] == visited || stack[start] == start { continue }
      var j = start
      while true {
        if j != 0 {
          instructions[i + current].opcode = .swap
          instructions[i + current].argument = Int32(j + 1)
          current -= 1
        }
        if stack[j] == visited { break }
        let next = stack[j]
        stack[j] = visited
        j = next
      }
    }
    while current >= 0 {
      instructions[i + current].opcode = .nop
      current -= 1
    }
    i += length - 1
  }

  /// `STORE_FAST` and `POP_TOP` only touch the top and cannot run arbitrary code or jump,
  /// so CPython reorders them instead of swapping stack items (`SWAPPABLE`).
  private static func isSwappable(_ instruction: IRInstruction) -> Bool {
    instruction.pseudo == .none && (instruction.opcode == .storeFast || instruction.opcode == .popTop)
  }

  private static func nextSwappable(_ instructions: [IRInstruction], after i: Int, line: Int32?) -> Int? {
    var i = i + 1
    while i < instructions.count {
      let instruction = instructions[i]
      if let line, instruction.position.line != line { return nil }
      if instruction.pseudo == .none && instruction.opcode == .nop {
        i += 1
        continue
      }
      return isSwappable(instruction) ? i : nil
    }
    return nil
  }

  /// `SWAP n` followed by swappable instructions becomes a `NOP` and the instructions trade
  /// places: `SWAP 2; POP_TOP; STORE_FAST x` → `NOP; STORE_FAST x; POP_TOP`
  /// (`apply_static_swaps()`).
  static func applyStaticSwaps(_ instructions: inout [IRInstruction], _ start: Int) {
    var i = start
    while i >= 0 {
      let swap = instructions[i]
      guard swap.pseudo == .none, swap.opcode == .swap else {
        if (swap.pseudo == .none && swap.opcode == .nop) || isSwappable(swap) {
          i -= 1
          continue
        }
        return
      }
      guard let j = nextSwappable(instructions, after: i, line: nil) else { return }
      var k = j
      let line = instructions[j].position.line
      var count = Int(swap.argument) - 1
      while count > 0 {
        guard let next = nextSwappable(instructions, after: k, line: line < 0 ? nil : line) else { return }
        k = next
        count -= 1
      }
      instructions[i].opcode = .nop
      instructions.swapAt(j, k)
      i -= 1
    }
  }

  // MARK: 2. Walk

  private mutating func handler(_ info: HandlerInfo) -> Int32 {
    if let index = handlerIndex[info] { return index }
    handlers.append(info)
    handlerIndex[info] = Int32(handlers.count - 1)
    return Int32(handlers.count - 1)
  }

  mutating func walk() {
    var orderIndex = [Int32](repeating: -1, count: blocks.count)
    for (i, b) in order.enumerated() { orderIndex[Int(b)] = Int32(i) }
    var exceptStacks = [[Int32]?](repeating: nil, count: blocks.count)
    var worklist: [Int32] = []

    func propagate(_ target: Int32, _ depth: Int32, _ stack: [Int32], from source: Int32) {
      let t = Int(target)
      if startDepth[t] < 0 {
        startDepth[t] = depth
        exceptStacks[t] = stack
        worklist.append(target)
      } else if startDepth[t] != depth {
        problems.append("block \(target) entered with depth \(depth) from block \(source), earlier \(startDepth[t])")
      }
    }

    let entry = order[0]
    startDepth[Int(entry)] = 0
    exceptStacks[Int(entry)] = []
    worklist.append(entry)
    while let b = worklist.popLast() {
      var depth = startDepth[Int(b)]
      var stack = exceptStacks[Int(b)]!
      var peak = depth
      var terminated = false
      for i in blocks[Int(b)].instructions.indices {
        let instruction = blocks[Int(b)].instructions[i]
        switch instruction.pseudo {
        case .setupFinally, .setupCleanup, .setupWith:
          let entryDepth: Int32
          let handlerDepth: Int32
          switch instruction.pseudo {
          case .setupFinally: (entryDepth, handlerDepth) = (depth, depth + 1)
          case .setupCleanup: (entryDepth, handlerDepth) = (depth, depth + 2)
          default: (entryDepth, handlerDepth) = (depth - 1, depth + 1)
          }
          let h = handler(HandlerInfo(block: instruction.target, depth: entryDepth, pushLasti: instruction.pseudo != .setupFinally))
          propagate(instruction.target, handlerDepth, stack, from: b)
          stack.append(h)
          continue
        case .popBlock:
          if stack.popLast() == nil { problems.append("POP_BLOCK without a handler in block \(b)") }
          continue
        case .jump:
          blocks[Int(b)].instructions[i].handler = stack.last ?? -1
          propagate(instruction.target, depth, stack, from: b)
          terminated = true
        case .none:
          blocks[Int(b)].instructions[i].handler = stack.last ?? -1
          let opcode = instruction.opcode
          let argument = UInt32(bitPattern: instruction.argument)
          if opcode.isJump {
            guard let (pops, pushes) = opcode.stackEffect(argument: argument, jump: true) else {
              problems.append("bad argument \(argument) for \(opcode.name)")
              continue
            }
            propagate(instruction.target, depth - Int32(pops) + Int32(pushes), stack, from: b)
          }
          guard let (pops, pushes) = opcode.stackEffect(argument: argument, jump: false) else {
            problems.append("bad argument \(argument) for \(opcode.name)")
            continue
          }
          if depth < Int32(pops) { problems.append("stack underflow at \(opcode.name) in block \(b)") }
          depth += Int32(pushes) - Int32(pops)
          peak = max(peak, depth)
          if opcode.isTerminator { terminated = true }
        }
        if terminated { break }
      }
      maxDepth[Int(b)] = peak
      if !terminated {
        let next = Int(orderIndex[Int(b)]) + 1
        if next < order.count {
          propagate(order[next], depth, stack, from: b)
        } else {
          problems.append("control falls off the end of block \(b)")
        }
      }
    }
  }

  // MARK: 3. Reachability

  mutating func removeUnreachable() {
    for i in predecessors.indices { predecessors[i] = 0 }
    var orderIndex = [Int32](repeating: -1, count: blocks.count)
    for (i, b) in order.enumerated() { orderIndex[Int(b)] = Int32(i) }
    var reachable = [Bool](repeating: false, count: blocks.count)
    var worklist: [Int32] = [order[0]]
    reachable[Int(order[0])] = true
    func reach(_ b: Int32) {
      predecessors[Int(b)] += 1
      if !reachable[Int(b)] {
        reachable[Int(b)] = true
        worklist.append(b)
      }
    }
    while let b = worklist.popLast() {
      var seenHandlers: [Int32] = []  // a block has few handlers
      var terminated = false
      for instruction in blocks[Int(b)].instructions where !instruction.isSetup && instruction.pseudo != .popBlock {
        if instruction.handler >= 0, seenHandlers.last != instruction.handler, !seenHandlers.contains(instruction.handler) {
          seenHandlers.append(instruction.handler)
          reach(handlers[Int(instruction.handler)].block)
        }
        if instruction.isJump { reach(instruction.target) }
        if instruction.isTerminator {
          terminated = true
          break
        }
      }
      if !terminated {
        let next = Int(orderIndex[Int(b)]) + 1
        if next < order.count { reach(order[next]) }
      }
    }
    order = order.filter { reachable[Int($0)] }
    for b in order {
      // Like CPython, the setups become NOPs that keep their line (a `try:` line shows up).
      for i in blocks[Int(b)].instructions.indices where blocks[Int(b)].instructions[i].isSetup
        || blocks[Int(b)].instructions[i].pseudo == .popBlock
      {
        blocks[Int(b)].instructions[i].pseudo = .none
        blocks[Int(b)].instructions[i].opcode = .nop
        blocks[Int(b)].instructions[i].target = -1
        blocks[Int(b)].instructions[i].handler = -1
      }
      // Anything after a terminator in the same block is dead.
      if let end = blocks[Int(b)].instructions.firstIndex(where: { $0.isTerminator }) {
        blocks[Int(b)].instructions.removeSubrange((end + 1)...)
      }
    }
  }

  // MARK: Jump threading

  /// Jumps to jumps are shortened, as CPython's `optimize_basic_block()` does:
  ///
  /// - a jump (conditional or not) to an unconditional `JUMP` goes to that jump's target;
  /// - `JUMP_IF_FALSE_OR_POP` to `POP_JUMP_IF_FALSE` becomes a `POP_JUMP_IF_FALSE` to its
  ///   target, to `JUMP_IF_FALSE_OR_POP` takes its target; to `JUMP_IF_TRUE_OR_POP` or
  ///   `POP_JUMP_IF_TRUE` on the same line it becomes a `POP_JUMP_IF_FALSE` past it (the
  ///   nested `and`/`or` of `a and b or c`); and symmetrically for `JUMP_IF_TRUE_OR_POP`.
  ///
  /// The intermediate blocks may become unreachable.
  mutating func threadJumps() {
    var orderIndex = [Int](repeating: -1, count: blocks.count)
    for (i, b) in order.enumerated() { orderIndex[Int(b)] = i }
    /// The first instruction reached at `block` (through empty blocks), and the layout
    /// position of the block holding it.
    func firstInstruction(_ block: Int32) -> (IRInstruction, Int)? {
      var i = orderIndex[Int(block)]
      while i >= 0 && i < order.count {
        if let first = blocks[Int(order[i])].instructions.first { return (first, i) }
        i += 1
      }
      return nil
    }
    for b in order {
      var hops = 0
      while hops < 100, var last = blocks[Int(b)].instructions.last, last.isJump,
        let (first, position) = firstInstruction(last.target), first.isJump
      {
        hops += 1
        let kind = last.pseudo == .jump ? Opcode.jumpForward : last.opcode
        let firstKind = first.pseudo == .jump ? Opcode.jumpForward : first.opcode
        var changed = true
        switch (kind, firstKind) {
        case (.forIter, _), (.send, _):
          changed = false
        case (_, .jumpForward) where first.target != last.target:
          last.target = first.target
        case (.jumpIfFalseOrPop, .popJumpIfFalse), (.jumpIfTrueOrPop, .popJumpIfTrue):
          last.opcode = firstKind
          last.target = first.target
        case (.jumpIfFalseOrPop, .jumpIfFalseOrPop), (.jumpIfTrueOrPop, .jumpIfTrueOrPop):
          last.target = first.target
        case (.jumpIfFalseOrPop, .jumpIfTrueOrPop), (.jumpIfFalseOrPop, .popJumpIfTrue),
          (.jumpIfTrueOrPop, .jumpIfFalseOrPop), (.jumpIfTrueOrPop, .popJumpIfFalse):
          guard last.position.line == first.position.line, position + 1 < order.count else {
            changed = false
            break
          }
          last.opcode = kind == .jumpIfFalseOrPop ? .popJumpIfFalse : .popJumpIfTrue
          last.target = order[position + 1]
        default:
          changed = false
        }
        guard changed else { break }
        let count = blocks[Int(b)].instructions.count
        blocks[Int(b)].instructions[count - 1] = last
      }
    }
  }

  // MARK: Exit blocks

  /// Every jump goes to the first non-empty block at or after its target.
  mutating func retargetToNonEmpty() {
    var orderIndex = [Int](repeating: -1, count: blocks.count)
    for (i, b) in order.enumerated() { orderIndex[Int(b)] = i }
    for b in order {
      guard let last = blocks[Int(b)].instructions.last, last.isJump,
        let target = firstNonEmpty(from: orderIndex[Int(last.target)]), target != last.target
      else { continue }
      let count = blocks[Int(b)].instructions.count
      blocks[Int(b)].instructions[count - 1].target = target
    }
  }

  /// A block that leaves the code (`return`, `raise`) and has no location of its own: the
  /// implicit `return None`, the ends of handlers (`is_exit_without_lineno()`).
  private func isExitWithoutLocation(_ b: Int32) -> Bool {
    let instructions = blocks[Int(b)].instructions
    guard let last = instructions.last, last.pseudo == .none,
      last.opcode == .returnValue || last.opcode == .reraise || last.opcode == .raiseVarargs
    else { return false }
    return instructions.allSatisfy { $0.position.line < 0 }
  }

  /// An unconditional jump to such an exit of at most 4 instructions is replaced by a copy
  /// of it (`extend_block()`).
  mutating func extendBlocks() {
    for b in order {
      guard let last = blocks[Int(b)].instructions.last, last.pseudo == .jump else { continue }
      let target = last.target
      guard target != b, isExitWithoutLocation(target), blocks[Int(target)].instructions.count <= 4 else { continue }
      let count = blocks[Int(b)].instructions.count
      blocks[Int(b)].instructions[count - 1].pseudo = .none
      blocks[Int(b)].instructions[count - 1].opcode = .nop
      blocks[Int(b)].instructions[count - 1].target = -1
      blocks[Int(b)].instructions += blocks[Int(target)].instructions
      maxDepth[Int(b)] = max(maxDepth[Int(b)], maxDepth[Int(target)])
    }
  }

  /// Each jump to an exit without location that has several predecessors gets its own copy,
  /// located at the jump; an exit reached only by falling through takes its predecessor's
  /// location (`duplicate_exits_without_lineno()`). So the implicit `return None` after an
  /// `if`/`else` is on the line of whichever branch reaches it.
  mutating func duplicateExitsWithoutLocation() {
    var newOrder: [Int32] = []
    var copies: [Int32: [Int32]] = [:]  // original exit block → copies to place after it
    for b in order {
      guard let last = blocks[Int(b)].instructions.last, last.isJump else { continue }
      let target = last.target
      guard isExitWithoutLocation(target), predecessors[Int(target)] > 1 else { continue }
      var copy = blocks[Int(target)]
      copy.instructions[0].position = last.position
      blocks.append(copy)
      let c = Int32(blocks.count - 1)
      startDepth.append(startDepth[Int(target)])
      maxDepth.append(maxDepth[Int(target)])
      predecessors.append(1)
      predecessors[Int(target)] -= 1
      let count = blocks[Int(b)].instructions.count
      blocks[Int(b)].instructions[count - 1].target = c
      copies[target, default: []].append(c)
    }
    for b in order {
      newOrder.append(b)
      if let extra = copies[b] { newOrder += extra }
    }
    order = newOrder
    for (i, b) in order.enumerated() {
      guard let last = blocks[Int(b)].instructions.last, !last.isTerminator,
        let next = firstNonEmpty(from: i + 1), isExitWithoutLocation(next)
      else { continue }
      blocks[Int(next)].instructions[0].position = last.position
    }
  }

  /// A `return` still without a location takes the location of the block before it in
  /// the layout (`guarantee_lineno_for_exits()`); before the first one, `fallback`.
  mutating func guaranteeLocationForExits(fallback: SourcePosition) {
    var previous = fallback
    for b in order {
      guard let last = blocks[Int(b)].instructions.last else { continue }
      if last.position.line < 0 {
        if last.pseudo == .none && last.opcode == .returnValue {
          for i in blocks[Int(b)].instructions.indices where blocks[Int(b)].instructions[i].position.line < 0 {
            blocks[Int(b)].instructions[i].position = previous
          }
        }
      } else {
        previous = last.position
      }
    }
  }

  // MARK: 4. Backward conditional jumps

  mutating func normalizeBackwardJumps() {
    var orderIndex = [Int32](repeating: -1, count: blocks.count)
    for (i, b) in order.enumerated() { orderIndex[Int(b)] = Int32(i) }
    var newOrder: [Int32] = []
    newOrder.reserveCapacity(order.count)
    for (i, b) in order.enumerated() {
      newOrder.append(b)
      guard let last = blocks[Int(b)].instructions.last, last.pseudo == .none, last.isJump,
        orderIndex[Int(last.target)] <= Int32(i)
      else { continue }
      let inverted: Opcode
      switch last.opcode {
      case .popJumpIfFalse: inverted = .popJumpIfTrue
      case .popJumpIfTrue: inverted = .popJumpIfFalse
      case .popJumpIfNone: inverted = .popJumpIfNotNone
      case .popJumpIfNotNone: inverted = .popJumpIfNone
      default:
        problems.append("backward \(last.opcode.name)")
        continue
      }
      guard i + 1 < order.count else {
        problems.append("conditional jump at the end of the code")
        continue
      }
      var jump = last
      jump.opcode = .nop
      jump.pseudo = .jump
      blocks.append(BasicBlock(instructions: [jump], placed: true))
      startDepth.append(startDepth[Int(b)])
      maxDepth.append(0)
      predecessors.append(1)
      var condition = last
      condition.opcode = inverted
      condition.target = order[i + 1]
      let count = blocks[Int(b)].instructions.count
      blocks[Int(b)].instructions[count - 1] = condition
      newOrder.append(Int32(blocks.count - 1))
    }
    order = newOrder
  }

  // MARK: 5. Jumps to the next instruction

  mutating func removeJumpsToNext() {
    var orderIndex = [Int](repeating: -1, count: blocks.count)
    for (i, b) in order.enumerated() { orderIndex[Int(b)] = i }
    for (i, b) in order.enumerated() {
      guard let last = blocks[Int(b)].instructions.last, last.pseudo == .jump else { continue }
      let t = orderIndex[Int(last.target)]
      guard t > i, (i + 1..<t).allSatisfy({ blocks[Int(order[$0])].instructions.isEmpty }) else { continue }
      let count = blocks[Int(b)].instructions.count
      blocks[Int(b)].instructions[count - 1].pseudo = .none
      blocks[Int(b)].instructions[count - 1].opcode = .nop
      blocks[Int(b)].instructions[count - 1].target = -1
    }
  }

  // MARK: 6. Locations

  /// The first block at or after layout position `i` that has instructions.
  private func firstNonEmpty(from i: Int) -> Int32? {
    var i = i
    while i < order.count {
      if !blocks[Int(order[i])].instructions.isEmpty { return order[i] }
      i += 1
    }
    return nil
  }

  mutating func propagateLocations() {
    var orderIndex = [Int](repeating: -1, count: blocks.count)
    for (i, b) in order.enumerated() { orderIndex[Int(b)] = i }
    for (i, b) in order.enumerated() {
      let count = blocks[Int(b)].instructions.count
      guard count > 0 else { continue }
      var previous = SourcePosition.none
      for j in 0..<count {
        if blocks[Int(b)].instructions[j].position.line < 0 {
          blocks[Int(b)].instructions[j].position = previous
        } else {
          previous = blocks[Int(b)].instructions[j].position
        }
      }
      let last = blocks[Int(b)].instructions[count - 1]
      if !last.isTerminator, let next = firstNonEmpty(from: i + 1), predecessors[Int(next)] == 1,
        blocks[Int(next)].instructions[0].position.line < 0
      {
        blocks[Int(next)].instructions[0].position = previous
      }
      if last.isJump, let target = firstNonEmpty(from: orderIndex[Int(last.target)]),
        predecessors[Int(target)] == 1, blocks[Int(target)].instructions[0].position.line < 0
      {
        blocks[Int(target)].instructions[0].position = previous
      }
    }
  }

  mutating func removeRedundantNops() {
    for (i, b) in order.enumerated() {
      let instructions = blocks[Int(b)].instructions
      guard instructions.contains(where: { $0.opcode == .nop && $0.pseudo == .none }) else { continue }
      var kept: [IRInstruction] = []
      kept.reserveCapacity(instructions.count)
      var previousLine: Int32 = -1
      var src = 0
      var pending = instructions
      while src < pending.count {
        let instruction = pending[src]
        let line = instruction.position.line
        if instruction.opcode == .nop && instruction.pseudo == .none {
          if line < 0 || previousLine == line {
            src += 1
            continue
          }
          if src < pending.count - 1 {
            let nextLine = pending[src + 1].position.line
            if nextLine < 0 || nextLine == line {
              // CPython 3.11 passes on the line only (the columns stay unknown).
              pending[src + 1].position.line = line
              src += 1
              continue
            }
          } else if let next = firstNonEmpty(from: i + 1), blocks[Int(next)].instructions[0].position.line == line {
            src += 1
            continue
          }
        }
        kept.append(instruction)
        previousLine = line
        src += 1
      }
      blocks[Int(b)].instructions = kept
    }
  }

  // MARK: 7. Constants

  /// The constants still used, and the new index of each old one.
  func usedConstants() -> (constants: [Constant], map: [Int]) {
    let constants = unit.constants
    var used = [Bool](repeating: false, count: constants.count)
    if !used.isEmpty { used[0] = true }
    for b in order {
      for instruction in blocks[Int(b)].instructions where instruction.pseudo == .none && instruction.opcode.usesConstant {
        used[Int(instruction.argument)] = true
      }
    }
    var map = [Int](repeating: -1, count: constants.count)
    var kept: [Constant] = []
    for (i, constant) in constants.enumerated() where used[i] {
      map[i] = kept.count
      kept.append(constant)
    }
    return (kept, map)
  }

  // MARK: 8. Layout

  struct Output {
    var instructions: [Instruction]
    var positions: [SourcePosition]
    var exceptionTable: [ExceptionTableEntry]
    var constants: [Constant]
    var localsPlusNames: [String]
    var localsPlusKinds: [LocalKind]
    var stackSize: Int
  }

  /// An argument does not fit in the 24 bits of an ``Instruction`` (see there).
  private func tooLarge() -> PySyntaxError {
    CompileErrorFactory(filename: filename).error(
      "code object too large: more than \(Instruction.maxArgument) instructions, constants, names or variables",
      at: SourceSpan(lineno: unit.firstLineNumber, colOffset: 0, endLineno: unit.firstLineNumber, endColOffset: 0))
  }

  func layout() throws(PySyntaxError) -> Output {
    // Instruction index of each block's first instruction (the next block's for an empty one).
    var start = [Int](repeating: -1, count: blocks.count)
    var count = 0
    for b in order {
      start[Int(b)] = count
      count += blocks[Int(b)].instructions.count
    }
    guard count <= Int(Instruction.maxArgument) else { throw tooLarge() }
    let (constants, constantMap) = usedConstants()

    // localsplus: fast locals, then cells that are not parameters, then free variables.
    let nlocals = unit.varnames.count
    var names = unit.varnames
    var kinds = unit.varnames.map { unit.cellIndex[$0] == nil ? LocalKind.local : [LocalKind.local, .cell] }
    var derefSlot: [Int] = []
    for name in unit.cellvars {
      if let slot = unit.varnameSlot(name) {
        derefSlot.append(slot)
      } else {
        derefSlot.append(names.count)
        names.append(name)
        kinds.append(.cell)
      }
    }
    for name in unit.freevars {
      derefSlot.append(names.count)
      names.append(name)
      kinds.append(.free)
    }
    _ = nlocals

    var instructions: [Instruction] = []
    var positions: [SourcePosition] = []
    var instructionHandlers: [Int32] = []
    instructions.reserveCapacity(count)
    positions.reserveCapacity(count)
    instructionHandlers.reserveCapacity(count)
    var stackSize: Int32 = 0
    for b in order {
      stackSize = max(stackSize, maxDepth[Int(b)])
      for instruction in blocks[Int(b)].instructions {
        var opcode = instruction.opcode
        var argument = Int(instruction.argument)
        if instruction.pseudo == .jump {
          let target = start[Int(instruction.target)]
          opcode = target <= instructions.count ? .jumpBackward : .jumpForward
          argument = target
        } else if opcode.isJump {
          argument = start[Int(instruction.target)]
        } else if opcode.usesConstant {
          argument = constantMap[argument]
        } else if opcode.usesCellOrFree {
          argument = derefSlot[argument]
        }
        guard argument >= 0, argument <= Int(Instruction.maxArgument) else { throw tooLarge() }
        instructions.append(Instruction(opcode, UInt32(argument)))
        positions.append(instruction.position)
        instructionHandlers.append(instruction.handler)
      }
    }

    var table: [ExceptionTableEntry] = []
    var i = 0
    while i < instructionHandlers.count {
      let h = instructionHandlers[i]
      var j = i + 1
      while j < instructionHandlers.count && instructionHandlers[j] == h { j += 1 }
      if h >= 0 {
        let info = handlers[Int(h)]
        table.append(ExceptionTableEntry(
          start: i, end: j, target: start[Int(info.block)], depth: Int(info.depth), pushLasti: info.pushLasti))
      }
      i = j
    }
    return Output(
      instructions: instructions, positions: positions, exceptionTable: table, constants: constants,
      localsPlusNames: names, localsPlusKinds: kinds, stackSize: Int(stackSize))
  }

  // MARK: Driver

  static func assemble(_ unit: CodeUnit, flags: CodeFlags, filename: String) throws(PySyntaxError) -> CodeObject {
    var assembler = Assembler(unit, filename: filename)
    assembler.insertPrologue()
    assembler.peephole()
    assembler.walk()
    assembler.removeUnreachable()
    assembler.threadJumps()
    assembler.removeUnreachable()
    assembler.retargetToNonEmpty()
    assembler.extendBlocks()
    assembler.removeUnreachable()
    assembler.duplicateExitsWithoutLocation()
    assembler.propagateLocations()
    assembler.guaranteeLocationForExits(fallback: SourcePosition(
      line: Int32(unit.firstLineNumber), endLine: Int32(unit.firstLineNumber), column: -1, endColumn: -1))
    assembler.normalizeBackwardJumps()
    assembler.removeJumpsToNext()
    assembler.removeRedundantNops()
    assert(assembler.problems.isEmpty, "assembler: \(unit.qualifiedName): \(assembler.problems.joined(separator: "; "))")
    let output = try assembler.layout()
    return CodeObject(
      name: unit.name, qualifiedName: unit.qualifiedName, filename: filename,
      firstLineNumber: unit.firstLineNumber, argumentCount: unit.argumentCount,
      positionalOnlyCount: unit.positionalOnlyCount, keywordOnlyCount: unit.keywordOnlyCount,
      flags: flags, instructions: output.instructions, constants: output.constants, names: unit.names,
      localsPlusNames: output.localsPlusNames, localsPlusKinds: output.localsPlusKinds,
      stackSize: output.stackSize, lineTable: LineTable(positions: output.positions),
      exceptionTable: output.exceptionTable)
  }
}
