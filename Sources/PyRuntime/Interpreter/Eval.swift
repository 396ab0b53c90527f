import PyCompiler

/// The dispatch loop: CPython 3.11's `_PyEval_EvalFrameDefault`.
///
/// The registers (`frame`, `ip`, `sp`, `localsPlus`, `constants`) are local variables.
/// Python-to-Python calls do not recurse on the native stack: `CALL` pushes the callee's
/// frame and the loop goes on in it; `RETURN_VALUE` pops it and goes on in the caller. The
/// loop returns to its native caller only when the *entry* frame returns, raises, or (for a
/// generator) yields. Instructions have been checked by the compiler's verifier, so the loop
/// trusts stack depths, jump targets and indices.
extension RuntimeRef {
  /// Runs `entry` (already pushed, arguments bound) until it returns: the result (a new
  /// reference), or nil with an exception set.
  func evalFrame(_ entry: UnsafeMutablePointer<Frame>, throwing: Bool = false) -> PyRef? {
    entry.pointee.isEntry = true
    entry.pointee.previous = state.pointee.interpreter.currentFrame
    entry.pointee.depth = (entry.pointee.previous?.pointee.depth ?? 0) &+ 1
    state.pointee.interpreter.currentFrame = entry
    // The registers live in one local struct whose methods the loop calls: local
    // functions capturing the variables would cost a dynamic exclusivity check per
    // variable on every entry into the loop.
    var r = EvalRegisters(entry)
    var keywordNames: PyRef?
    var failed = throwing
    /// Set when the pending exception is re-raised and must not get a new traceback entry.
    var reraising = throwing
    let none = state.pointee.none

    dispatch: while true {
      if _slowPath(failed) {
        // Unwind: find a handler in this frame, or leave it for its caller.
        failed = false
        let lasti = r.ip - r.frame.pointee.instructions - 1
        r.frame.pointee.lastInstruction = lasti
        if !reraising { addTracebackEntry(r.frame, lasti) }
        reraising = false
        if let handler = exceptionHandler(r.frame, lasti) {
          let base = r.frame.stackBase + handler.depth
          while r.sp > base { r.sp -= 1; decref(PyRef(r.sp.pointee)) }
          if handler.pushLasti { r.push(newInt(lasti)!) }
          r.push(fetchException()!)
          r.jump(UInt32(handler.target))
          continue dispatch
        }
        while r.sp > r.frame.stackBase { r.sp -= 1; decref(PyRef(r.sp.pointee)) }
        r.frame.pointee.stackDepth = 0
        let finished = r.frame
        let wasEntry = finished.pointee.isEntry
        let caller = finished.pointee.previous
        state.pointee.interpreter.currentFrame = caller
        if finished.pointee.ownedByGenerator {
          finished.pointee.stackDepth = 0
        } else {
          releaseFrame(finished)
        }
        if wasEntry { return nil }
        r.frame = caller!
        r.loadRegisters()
        failed = true
        continue dispatch
      }

      let word = r.ip.pointee
      r.frame.pointee.instructionPointer = r.ip
      r.ip += 1
      let argument = word >> 8
      switch unsafeBitCast(UInt8(truncatingIfNeeded: word), to: Opcode.self) {
      case .nop:
        break
      case .popTop:
        decref(r.pop())
      case .pushNull:
        r.sp.pointee = nil
        r.sp += 1
      case .copy:
        let value = PyRef(r.sp[-Int(argument)].unsafelyUnwrapped)
        value.incref()
        r.push(value)
      case .swap:
        let other = r.sp - Int(argument)
        let saved = r.sp[-1]
        r.sp[-1] = other.pointee
        other.pointee = saved

      case .unaryPositive, .unaryNegative, .unaryInvert:
        let operand = r.pop()
        let op: UInt32 = word & 0xFF == UInt32(Opcode.unaryNegative.rawValue) ? 0 : (word & 0xFF == UInt32(Opcode.unaryPositive.rawValue) ? 1 : 2)
        let result = unaryOp(operand, op)
        decref(operand)
        guard let result else { failed = true; break }
        r.push(result)
      case .unaryNot:
        let operand = r.pop()
        let truth = isTrue(operand)
        decref(operand)
        if truth < 0 { failed = true; break }
        r.push(newBool(truth == 0))

      case .binaryOp:
        let right = r.pop(), left = r.pop()
        let result: PyRef?
        if let fast = fastIntBinary(left, right, argument) {
          result = fast
        } else if let fast = fastFloatBinary(left, right, argument) {
          decrefFloat(left)
          decrefFloat(right)
          r.push(fast)
          break
        } else {
          result = binaryOp(left, right, argument)
        }
        decref(left)
        decref(right)
        guard let result else { failed = true; break }
        r.push(result)
      case .binarySubscr:
        let key = r.pop(), container = r.pop()
        let result = fastSubscript(container, key) ?? getItem(container, key)
        decref(container)
        decref(key)
        guard let result else { failed = true; break }
        r.push(result)
      case .storeSubscr:
        let key = r.pop(), container = r.pop(), value = r.pop()
        if fastStoreSubscript(container, key, value) {
          decref(container)
          decref(key)
          break
        }
        let ok = setItem(container, key, value)
        decref(key); decref(container); decref(value)
        if !ok { failed = true }
      case .deleteSubscr:
        let key = r.pop(), container = r.pop()
        let ok = setItem(container, key, nil)
        decref(key); decref(container)
        if !ok { failed = true }
      case .compareOp:
        let right = r.pop(), left = r.pop()
        let result: PyRef?
        if let fast = fastIntCompare(left, right, argument) {
          result = fast
        } else if let fast = fastFloatCompare(left, right, argument) {
          result = fast
        } else {
          result = richCompare(left, right, ComparisonOperator.fromRaw(argument))
        }
        decref(left)
        decref(right)
        guard let result else { failed = true; break }
        r.push(result)
      case .isOp:
        let right = r.pop(), left = r.pop()
        r.push(newBool((left == right) != (argument == 1)))
        decref(left)
        decref(right)
      case .containsOp:
        let container = r.pop(), item = r.pop()
        let found = contains(container, item)
        decref(container)
        decref(item)
        if found < 0 { failed = true; break }
        r.push(newBool((found == 1) != (argument == 1)))

      case .loadConst:
        let value = PyRef(r.constants[Int(argument)].unsafelyUnwrapped)
        value.incref()
        r.push(value)
      case .loadFast:
        guard let value = PyRef(r.localsPlus[Int(argument)]) else {
          raiseUnboundLocal(r.frame, Int(argument))
          failed = true
          break
        }
        value.incref()
        r.push(value)
        // Superinstructions, chosen at run time (CPython 3.11's LOAD_FAST__LOAD_FAST and
        // LOAD_FAST__LOAD_CONST, plus `self.attribute` when its cache holds): the next
        // instruction runs here, without a dispatch, when it cannot fail.
        let next = r.ip.pointee
        let nextOpcode = next & 0xFF
        if nextOpcode == UInt32(Opcode.loadFast.rawValue) {
          if let second = PyRef(r.localsPlus[Int(next >> 8)]) {
            second.incref()
            r.push(second)
            r.ip += 1
          }
        } else if nextOpcode == UInt32(Opcode.loadAttr.rawValue) {
          if let attribute = loadAttributeCached(value, r.cache(next >> 8)) {
            decref(value)
            r.sp[-1] = attribute.raw
            r.ip += 1
          }
        } else if nextOpcode == UInt32(Opcode.loadConst.rawValue) {
          let constant = PyRef(r.constants[Int(next >> 8)].unsafelyUnwrapped)
          constant.incref()
          r.push(constant)
          r.ip += 1
        }
      case .storeFast:
        let old = r.localsPlus[Int(argument)]
        r.localsPlus[Int(argument)] = r.pop().raw
        decref(PyRef(old))
        // STORE_FAST__LOAD_FAST.
        let next = r.ip.pointee
        if next & 0xFF == UInt32(Opcode.loadFast.rawValue), let value = PyRef(r.localsPlus[Int(next >> 8)]) {
          value.incref()
          r.push(value)
          r.ip += 1
        }
      case .deleteFast:
        guard let old = PyRef(r.localsPlus[Int(argument)]) else {
          raiseUnboundLocal(r.frame, Int(argument))
          failed = true
          break
        }
        r.localsPlus[Int(argument)] = nil
        decref(old)

      case .loadName:
        guard let value = loadName(r.frame, r.name(argument)) else { failed = true; break }
        r.push(value)
      case .storeName:
        let value = r.pop()
        let ok = storeName(r.frame, r.name(argument), value)
        decref(value)
        if !ok { failed = true }
      case .deleteName:
        if !deleteName(r.frame, r.name(argument)) { failed = true }
      case .loadGlobal:
        let site = r.cache(argument >> 1)
        if let value = loadGlobalCached(r.frame, site) {
          r.push(value)
        } else {
          guard let value = loadGlobalAndCache(r.frame, site) else { failed = true; break }
          r.push(value)
        }
        if argument & 1 != 0 {
          r.sp.pointee = nil
          r.sp += 1
        }
      case .storeGlobal:
        let value = r.pop()
        let ok = dictSetItem(r.frame.pointee.globals, r.name(argument), value)
        decref(value)
        if !ok { failed = true }
      case .deleteGlobal:
        let key = r.name(argument)
        if dictGetItem(r.frame.pointee.globals, key) == nil {
          if !hasError { raise("NameError", "name '\(StrObject.string(key))' is not defined") }
          failed = true
          break
        }
        if !dictDelItem(r.frame.pointee.globals, key) { failed = true }

      case .loadDeref:
        let cell = PyRef(r.localsPlus[Int(argument)].unsafelyUnwrapped)
        guard let value = CellType.contents(cell) else {
          raiseUnboundDeref(r.frame, Int(argument))
          failed = true
          break
        }
        value.incref()
        r.push(value)
      case .storeDeref:
        setCellContents(PyRef(r.localsPlus[Int(argument)].unsafelyUnwrapped), r.pop())
      case .deleteDeref:
        let cell = PyRef(r.localsPlus[Int(argument)].unsafelyUnwrapped)
        guard CellType.contents(cell) != nil else {
          raiseUnboundDeref(r.frame, Int(argument))
          failed = true
          break
        }
        setCellContents(cell, nil)
      case .loadClosure:
        let cell = PyRef(r.localsPlus[Int(argument)].unsafelyUnwrapped)
        cell.incref()
        r.push(cell)
      case .loadClassDeref:
        let key = TupleObject.item(CodeType.localsPlusNames(r.frame.pointee.code), Int(argument))!
        if let locals = r.frame.pointee.locals, let value = mappingGet(locals, key) {
          r.push(value)
          break
        }
        if hasError { failed = true; break }
        let cell = PyRef(r.localsPlus[Int(argument)].unsafelyUnwrapped)
        guard let value = CellType.contents(cell) else {
          raiseUnboundDeref(r.frame, Int(argument))
          failed = true
          break
        }
        value.incref()
        r.push(value)
      case .makeCell:
        let initial = PyRef(r.localsPlus[Int(argument)])
        guard let cell = newCell(initial) else { failed = true; break }
        decref(initial)
        r.localsPlus[Int(argument)] = cell.raw
      case .copyFreeVars:
        let closure = FunctionType.closure(r.frame.pointee.function!)!
        let count = Int(argument)
        let start = r.frame.pointee.localsPlusCount - count
        for index in 0..<count {
          let cell = TupleObject.item(closure, index)!
          cell.incref()
          r.localsPlus[start + index] = cell.raw
        }

      case .loadAttr:
        let object = r.pop()
        let site = r.cache(argument)
        let value = loadAttributeCached(object, site) ?? loadAttributeAndCache(object, site)
        decref(object)
        guard let value else { failed = true; break }
        r.push(value)
      case .storeAttr:
        let object = r.pop(), value = r.pop()
        let site = r.cache(argument)
        if storeAttributeCached(object, value, site) {
          decref(object)
          break
        }
        let ok = storeAttributeAndCache(object, value, site)
        decref(object)
        decref(value)
        if !ok { failed = true }
      case .deleteAttr:
        let object = r.pop()
        let ok = setAttribute(object, r.name(argument), nil)
        decref(object)
        if !ok { failed = true }
      case .loadMethod:
        let object = r.pop()
        let site = r.cache(argument)
        if let method = loadMethodCached(object, site) {
          r.push(method)
          r.push(object)
          break
        }
        guard let (method, boundSelf) = loadMethodAndCache(object, site) else {
          decref(object)
          failed = true
          break
        }
        r.push(method)
        if let boundSelf {
          r.push(boundSelf)   // the reference `object` held moves here
        } else {
          decref(object)
          r.sp.pointee = nil
          r.sp += 1
        }

      case .buildTuple:
        let count = Int(argument)
        r.sp -= count
        guard let tuple = newTupleStealing(r.sp, count: count) else { failed = true; break }
        r.push(tuple)
      case .buildList:
        let count = Int(argument)
        r.sp -= count
        guard let list = newListStealing(r.sp, count: count) else { failed = true; break }
        r.push(list)
      case .buildSet:
        let count = Int(argument)
        r.sp -= count
        guard let set = newSetFrom(r.sp, count: count) else { failed = true; break }
        r.push(set)
      case .buildMap:
        let count = Int(argument)
        r.sp -= 2 * count
        guard let dict = newDictFrom(pairs: r.sp, count: count) else { failed = true; break }
        r.push(dict)
      case .buildConstKeyMap:
        let keys = r.pop()
        let count = Int(argument)
        r.sp -= count
        guard let dict = newDictFrom(keys: keys, values: r.sp, count: count) else { failed = true; break }
        r.push(dict)
      case .buildString:
        let count = Int(argument)
        r.sp -= count
        guard let text = joinStrings(r.sp, count: count) else { failed = true; break }
        r.push(text)
      case .buildSlice:
        let step = argument == 3 ? r.pop() : nil
        let stop = r.pop(), start = r.pop()
        let slice = newSlice(start == none ? nil : start, stop == none ? nil : stop, step.flatMap { $0 == none ? nil : $0 })
        decref(start); decref(stop); decref(step)
        guard let slice else { failed = true; break }
        r.push(slice)
      case .listAppend:
        let value = r.pop()
        let ok = listAppend(r.peek(Int(argument)), value)
        decref(value)
        if !ok { failed = true }
      case .setAdd:
        let value = r.pop()
        let ok = setAdd(r.peek(Int(argument)), value)
        decref(value)
        if !ok { failed = true }
      case .mapAdd:
        let value = r.pop(), key = r.pop()
        let ok = dictSetItem(r.peek(Int(argument)), key, value)
        decref(value)
        decref(key)
        if !ok { failed = true }
      case .listExtend:
        let iterable = r.pop()
        let ok = listExtend(r.peek(Int(argument)), iterable)
        decref(iterable)
        if !ok { failed = true }
      case .setUpdate:
        let iterable = r.pop()
        let set = r.peek(Int(argument))
        // `_PySet_Update`: a set or frozenset source (a constant `{1, 2, 3}`) is merged,
        // its table sized once, as `sys.getsizeof` shows.
        let ok = setUpdateInternal(set, iterable)
        decref(iterable)
        if !ok { failed = true }
      case .dictUpdate, .dictMerge:
        let update = r.pop()
        let ok = word & 0xFF == UInt32(Opcode.dictMerge.rawValue)
          ? dictMerge(r.peek(Int(argument)), update, callable: PyRef(r.sp[-(Int(argument) + 3)]) ?? none)
          : dictUpdate(r.peek(Int(argument)), update)
        decref(update)
        if !ok { failed = true }
      case .listToTuple:
        let list = r.pop()
        let tuple = tupleFrom(list)
        decref(list)
        guard let tuple else { failed = true; break }
        r.push(tuple)
      case .unpackSequence:
        let sequence = r.pop()
        let ok = unpackSequence(sequence, count: Int(argument), into: r.sp)
        decref(sequence)
        if !ok { failed = true; break }
        r.sp += Int(argument)
      case .unpackEx:
        let sequence = r.pop()
        let before = Int(argument & 0xFF), after = Int(argument >> 8)
        let ok = unpackStarred(sequence, before: before, after: after, into: r.sp)
        decref(sequence)
        if !ok { failed = true; break }
        r.sp += before + after + 1

      case .jumpForward:
        r.jump(argument)
      case .jumpBackward:
        r.jump(argument)
        if _slowPath(state.pointee.gc.count.0 > state.pointee.gc.safePointTrigger) {
          r.saveRegisters()
          collectIfNeededAtSafePoint()
        }
      case .popJumpIfFalse, .popJumpIfTrue:
        let value = r.pop()
        let truth: Int32
        if value == state.pointee.trueObject { truth = 1 } else if value == state.pointee.falseObject { truth = 0 } else {
          truth = isTrue(value)
        }
        decref(value)
        if truth < 0 { failed = true; break }
        if (truth == 1) == (word & 0xFF == UInt32(Opcode.popJumpIfTrue.rawValue)) { r.jump(argument) }
      case .popJumpIfNone:
        let value = r.pop()
        if value == none { r.jump(argument) }
        decref(value)
      case .popJumpIfNotNone:
        let value = r.pop()
        if value != none { r.jump(argument) }
        decref(value)
      case .jumpIfTrueOrPop, .jumpIfFalseOrPop:
        let truth = isTrue(r.top())
        if truth < 0 { failed = true; break }
        if (truth == 1) == (word & 0xFF == UInt32(Opcode.jumpIfTrueOrPop.rawValue)) {
          r.jump(argument)
        } else {
          decref(r.pop())
        }
      case .getIter:
        let iterable = r.pop()
        let iterator = iter(iterable)
        decref(iterable)
        guard let iterator else { failed = true; break }
        r.push(iterator)
      case .forIter:
        let iterator = r.top()
        if let item = iterNextFast(iterator) {
          r.push(item)
        } else if hasError {
          failed = true
        } else {
          decref(r.pop())
          r.jump(argument)
        }
      case .getLen:
        let count = length(r.top())
        if count < 0 { failed = true; break }
        r.push(newInt(count)!)

      case .returnValue:
        let result = r.pop()
        // Anything left on the stack (nothing, after the compiler's unwinding) is released
        // with the frame.
        r.frame.pointee.stackDepth = r.sp - r.frame.stackBase
        let finished = r.frame
        let caller = finished.pointee.previous
        state.pointee.interpreter.currentFrame = caller
        if finished.pointee.ownedByGenerator {
          finished.pointee.stackDepth = 0
          finished.pointee.nextInstruction = r.ip - finished.pointee.instructions
          return result
        }
        let wasEntry = finished.pointee.isEntry
        releaseFrame(finished)
        if wasEntry { return result }
        r.frame = caller!
        r.loadRegisters()
        r.push(result)

      case .kwNames:
        keywordNames = PyRef(r.constants[Int(argument)].unsafelyUnwrapped)
      case .call:
        let names = keywordNames
        keywordNames = nil
        let base = r.sp - Int(argument) - 2
        var callable = PyRef(base[0].unsafelyUnwrapped)
        var arguments = base + 2
        var count = Int(argument)
        if base[1] != nil {
          arguments = base + 1
          count += 1
        } else if callable.type.record.pointee.kind == .method, callable.type == state.pointee.types.method {
          // A bound method: call its function with `self` in the NULL slot.
          let method = callable
          callable = MethodType.function(method)
          callable.incref()
          let boundSelf = MethodType.boundSelf(method)
          boundSelf.incref()
          base[0] = callable.raw
          base[1] = boundSelf.raw
          decref(method)
          arguments = base + 1
          count += 1
        }
        let positional = names == nil ? count : count - TupleObject.count(names.unsafelyUnwrapped)
        if callable.type == state.pointee.types.function, case let code = FunctionType.code(callable),
           case let shape = CodeType.shapeFields(code), !shape.pointee.isGenerator {
          // Python to Python: a new frame, and the loop goes on in it.
          r.saveRegisters()
          if names == nil, shape.pointee.hasSimpleParameters, count == shape.pointee.argumentCount {
            // The frame takes over the callable's and the arguments' references.
            guard let callee = pushFrameTakingArguments(callable, code, shape, arguments, count: count) else {
              while r.sp > base { r.sp -= 1; decref(PyRef(r.sp.pointee)) }
              failed = true
              break
            }
            r.sp = base
            r.frame.pointee.stackDepth = r.sp - r.frame.stackBase
            callee.pointee.previous = r.frame
            callee.pointee.depth = r.frame.pointee.depth &+ 1
            r.frame = callee
            state.pointee.interpreter.currentFrame = callee
            r.loadRegisters()
            collectIfNeededAtSafePoint()
            continue dispatch
          }
          guard let callee = pushFunctionFrame(callable, arguments, positional: positional, keywordNames: names) else {
            while r.sp > base { r.sp -= 1; decref(PyRef(r.sp.pointee)) }
            failed = true
            break
          }
          while r.sp > base { r.sp -= 1; decref(PyRef(r.sp.pointee)) }
          r.frame.pointee.stackDepth = r.sp - r.frame.stackBase
          callee.pointee.previous = r.frame
          callee.pointee.depth = r.frame.pointee.depth &+ 1
          callee.pointee.isEntry = false
          r.frame = callee
          state.pointee.interpreter.currentFrame = callee
          r.loadRegisters()
          collectIfNeededAtSafePoint()
          continue dispatch
        }
        r.saveRegisters()
        var handled = false
        var result: PyRef?
        if names == nil { result = specializedCall(callable, arguments, count: count, handled: &handled) }
        if !handled { result = call(callable, UnsafePointer(arguments), count: positional, keywordNames: names) }
        while r.sp > base { r.sp -= 1; decref(PyRef(r.sp.pointee)) }
        guard let result else { failed = true; break }
        r.push(result)
      case .callFunctionEx:
        let keywords = argument & 1 != 0 ? r.pop() : nil
        let positionalArguments = r.pop()
        let selfOrNull = PyRef(r.sp[-1])
        r.sp -= 1
        let callable = r.pop()
        r.saveRegisters()
        let result = callWithUnpacked(callable, selfOrNull, positionalArguments, keywords)
        decref(callable)
        decref(selfOrNull)
        decref(positionalArguments)
        decref(keywords)
        guard let result else { failed = true; break }
        r.push(result)
      case .makeFunction:
        let code = r.pop()
        let closure = argument & 0x08 != 0 ? r.pop() : nil
        let annotations = argument & 0x04 != 0 ? r.pop() : nil
        let keywordDefaults = argument & 0x02 != 0 ? r.pop() : nil
        let defaults = argument & 0x01 != 0 ? r.pop() : nil
        let annotationsDict = annotations.flatMap { annotationsFromPairs($0) }
        let function = newPythonFunction(code: code, globals: r.frame.pointee.globals, defaults: defaults,
                                         keywordDefaults: keywordDefaults, closure: closure, annotations: annotationsDict)
        for value in [code, closure, annotations, keywordDefaults, defaults, annotationsDict] { decref(value) }
        guard let function else { failed = true; break }
        r.push(function)
      case .loadBuildClass:
        guard let buildClass = loadBuiltin(r.frame, "__build_class__") else { failed = true; break }
        r.push(buildClass)
      case .setupAnnotations:
        if !setupAnnotations(r.frame) { failed = true }

      case .importName:
        let fromList = r.pop(), level = r.pop()
        r.saveRegisters()
        let module = importName(r.name(argument), globals: r.frame.pointee.globals, fromList: fromList, level: level)
        decref(fromList)
        decref(level)
        guard let module else { failed = true; break }
        r.push(module)
      case .importFrom:
        guard let value = importFrom(r.top(), r.name(argument)) else { failed = true; break }
        r.push(value)
      case .importStar:
        let module = r.pop()
        let ok = importStar(module, into: r.frame)
        decref(module)
        if !ok { failed = true }

      case .raiseVarargs:
        let cause = argument == 2 ? r.pop() : nil
        let exception = argument >= 1 ? r.pop() : nil
        if exception == nil, cause == nil {
          reraising = reraiseHandled()
        } else {
          raiseFromStatement(exception!, cause: cause)
        }
        decref(exception)
        decref(cause)
        failed = true
      case .reraise:
        if argument != 0, let lasti = PyRef(r.sp[-(Int(argument) + 1)]), lasti.type == state.pointee.types.int {
          // The instruction that raised first, saved by the exception table (3.11's
          // `PEEK(oparg + 1)`): tracebacks point at it, not at this RERAISE.
          r.frame.pointee.lastInstruction = IntObject.exactValue(lasti) ?? r.frame.pointee.lastInstruction
        }
        let exception = r.pop()
        restoreException(exception)
        reraising = true
        failed = true
      case .pushExcInfo:
        let exception = r.pop()
        let previous = PyRef(state.pointee.handledException) ?? none
        if previous == none { none.incref() }
        state.pointee.handledException = exception.raw
        exception.incref()
        r.push(previous)
        r.push(exception)
      case .popExcept:
        let saved = r.pop()
        let current = PyRef(state.pointee.handledException)
        if saved == none {
          state.pointee.handledException = nil
          decref(saved)
        } else {
          state.pointee.handledException = saved.raw
        }
        decref(current)
      case .checkExcMatch:
        let type = r.pop()
        let matches = exceptionMatchesClause(r.top(), type)
        decref(type)
        if matches < 0 { failed = true; break }
        r.push(newBool(matches == 1))
      case .checkEgMatch, .prepReraiseStar:
        raise("SystemError", "except* is not supported yet")
        failed = true
      case .loadAssertionError:
        let type = exceptionType("AssertionError").object
        type.incref()
        r.push(type)
      case .beforeWith:
        let manager = r.pop()
        r.saveRegisters()
        let entered = beforeWith(manager)
        decref(manager)
        guard let (exit, result) = entered else { failed = true; break }
        r.push(exit)
        r.push(result)
      case .withExceptStart:
        let exception = r.peek(1)
        let exit = r.peek(4)
        r.saveRegisters()
        let traceback = ExceptionObject.traceback(exception) ?? none
        guard let result = call(exit, [exception.type.object, exception, traceback]) else { failed = true; break }
        r.push(result)

      case .yieldValue:
        let value = r.pop()
        r.frame.pointee.suspended = true
        r.saveRegisters()
        state.pointee.interpreter.currentFrame = r.frame.pointee.previous
        return value
      case .getYieldFromIter:
        let iterable = r.top()
        if iterable.type.record.pointee.kind != .generator {
          guard let iterator = iter(iterable) else { failed = true; break }
          decref(r.pop())
          r.push(iterator)
        }
      case .send:
        let value = r.pop()
        let receiver = r.top()
        r.saveRegisters()
        let outcome = sendToReceiver(receiver, value)
        decref(value)
        switch outcome {
        case .yielded(let yielded):
          r.push(yielded)
        case .returned(let result):
          decref(r.pop())
          r.push(result)
          r.jump(argument)
        case .failed:
          failed = true
        }
      case .getAwaitable, .getAiter, .getAnext, .beforeAsyncWith, .endAsyncFor:
        raise("SystemError", "coroutines are not supported yet")
        failed = true

      case .formatValue:
        let spec = argument & 4 != 0 ? r.pop() : nil
        let value = r.pop()
        let text = formatValue(value, conversion: Int(argument & 3), spec: spec)
        decref(value)
        decref(spec)
        guard let text else { failed = true; break }
        r.push(text)

      case .matchClass:
        let keywords = r.pop(), cls = r.pop(), subject = r.top()
        let attributes = matchClass(subject, cls, positionalCount: Int(argument), keywords: keywords)
        decref(keywords)
        decref(cls)
        guard let attributes else { failed = true; break }
        r.push(attributes)
      case .matchMapping, .matchSequence:
        let matches = word & 0xFF == UInt32(Opcode.matchMapping.rawValue) ? isMapping(r.top()) : isMatchSequence(r.top())
        r.push(newBool(matches))
      case .matchKeys:
        guard let values = matchKeys(r.peek(2), r.peek(1)) else { failed = true; break }
        r.push(values)
      }
    }
  }
}

/// The loop's registers: the running frame, its next instruction, its stack top, and the
/// frame's slots, constants and inline caches (reloaded when the loop changes frame).
/// CPython keeps the same in local variables of `_PyEval_EvalFrameDefault`.
struct EvalRegisters {
  var frame: UnsafeMutablePointer<Frame>
  var ip: UnsafeMutablePointer<UInt32>
  var sp: UnsafeMutablePointer<UnsafeMutableRawPointer?>
  var localsPlus: UnsafeMutablePointer<UnsafeMutableRawPointer?>
  var constants: UnsafeMutablePointer<UnsafeMutableRawPointer?>
  var caches: UnsafeMutablePointer<InlineCache>?

  @inline(__always)
  init(_ frame: UnsafeMutablePointer<Frame>) {
    self.frame = frame
    ip = frame.pointee.instructions + frame.pointee.nextInstruction
    localsPlus = frame.localsPlus
    sp = frame.stackBase + frame.pointee.stackDepth
    constants = TupleObject.items(CodeType.constants(frame.pointee.code))
    caches = CodeType.caches(frame.pointee.code)
  }

  @inline(__always) mutating func push(_ value: PyRef) { sp.pointee = value.raw; sp += 1 }
  @inline(__always) mutating func pop() -> PyRef { sp -= 1; return PyRef(sp.pointee.unsafelyUnwrapped) }
  @inline(__always) func top() -> PyRef { PyRef(sp[-1].unsafelyUnwrapped) }
  @inline(__always) func peek(_ depth: Int) -> PyRef { PyRef(sp[-depth].unsafelyUnwrapped) }
  @inline(__always) func name(_ index: UInt32) -> PyRef {
    TupleObject.item(CodeType.names(frame.pointee.code), Int(index)).unsafelyUnwrapped
  }
  @inline(__always) mutating func jump(_ target: UInt32) { ip = frame.pointee.instructions + Int(target) }
  /// Saves `ip` and the stack depth in the frame (before anything that may look at it).
  @inline(__always) func saveRegisters() {
    frame.pointee.nextInstruction = ip - frame.pointee.instructions
    frame.pointee.stackDepth = sp - frame.stackBase
  }
  /// Loads the registers of `frame` (after the loop switched frames).
  @inline(__always) mutating func loadRegisters() {
    ip = frame.pointee.instructions + frame.pointee.nextInstruction
    localsPlus = frame.localsPlus
    sp = frame.stackBase + frame.pointee.stackDepth
    constants = TupleObject.items(CodeType.constants(frame.pointee.code))
    caches = CodeType.caches(frame.pointee.code)
  }
  /// The inline cache of the attribute or global-name instruction with `index`.
  @inline(__always) func cache(_ index: UInt32) -> UnsafeMutablePointer<InlineCache> {
    caches.unsafelyUnwrapped + Int(index)
  }
}
