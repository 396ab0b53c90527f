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
    var frame = entry
    entry.pointee.isEntry = true
    entry.pointee.previous = state.pointee.interpreter.currentFrame
    state.pointee.interpreter.currentFrame = entry
    var ip = frame.pointee.instructions + frame.pointee.nextInstruction
    var localsPlus = frame.localsPlus
    var sp = frame.stackBase + frame.pointee.stackDepth
    var constants = TupleObject.items(CodeType.constants(frame.pointee.code))
    var caches = CodeType.caches(frame.pointee.code)
    var keywordNames: PyRef?
    var failed = throwing
    /// Set when the pending exception is re-raised and must not get a new traceback entry.
    var reraising = throwing
    let none = state.pointee.none

    @inline(__always) func push(_ value: PyRef) { sp.pointee = value.raw; sp += 1 }
    @inline(__always) func pop() -> PyRef { sp -= 1; return PyRef(sp.pointee.unsafelyUnwrapped) }
    @inline(__always) func top() -> PyRef { PyRef(sp[-1].unsafelyUnwrapped) }
    @inline(__always) func peek(_ depth: Int) -> PyRef { PyRef(sp[-depth].unsafelyUnwrapped) }
    @inline(__always) func name(_ index: UInt32) -> PyRef {
      TupleObject.item(CodeType.names(frame.pointee.code), Int(index))!
    }
    @inline(__always) func jump(_ target: UInt32) { ip = frame.pointee.instructions + Int(target) }
    @inline(__always) func saveRegisters() {
      frame.pointee.nextInstruction = ip - frame.pointee.instructions
      frame.pointee.stackDepth = sp - frame.stackBase
    }
    @inline(__always) func loadRegisters() {
      ip = frame.pointee.instructions + frame.pointee.nextInstruction
      localsPlus = frame.localsPlus
      sp = frame.stackBase + frame.pointee.stackDepth
      constants = TupleObject.items(CodeType.constants(frame.pointee.code))
      caches = CodeType.caches(frame.pointee.code)
    }
    /// The inline cache of the attribute or global-name instruction with `argument`.
    @inline(__always) func cache(_ index: UInt32) -> UnsafeMutablePointer<InlineCache> {
      caches.unsafelyUnwrapped + Int(index)
    }

    dispatch: while true {
      if _slowPath(failed) {
        // Unwind: find a handler in this frame, or leave it for its caller.
        failed = false
        let lasti = ip - frame.pointee.instructions - 1
        frame.pointee.lastInstruction = lasti
        if !reraising { addTracebackEntry(frame, lasti) }
        reraising = false
        if let handler = exceptionHandler(frame, lasti) {
          let base = frame.stackBase + handler.depth
          while sp > base { sp -= 1; decref(PyRef(sp.pointee)) }
          if handler.pushLasti { push(newInt(lasti)!) }
          push(fetchException()!)
          jump(UInt32(handler.target))
          continue dispatch
        }
        while sp > frame.stackBase { sp -= 1; decref(PyRef(sp.pointee)) }
        frame.pointee.stackDepth = 0
        let finished = frame
        let wasEntry = finished.pointee.isEntry
        let caller = finished.pointee.previous
        state.pointee.interpreter.currentFrame = caller
        if finished.pointee.ownedByGenerator {
          finished.pointee.stackDepth = 0
        } else {
          releaseFrame(finished)
        }
        if wasEntry { return nil }
        frame = caller!
        loadRegisters()
        failed = true
        continue dispatch
      }

      let word = ip.pointee
      ip += 1
      let argument = word >> 8
      switch unsafeBitCast(UInt8(truncatingIfNeeded: word), to: Opcode.self) {
      case .nop:
        break
      case .popTop:
        decref(pop())
      case .pushNull:
        sp.pointee = nil
        sp += 1
      case .copy:
        let value = PyRef(sp[-Int(argument)].unsafelyUnwrapped)
        value.incref()
        push(value)
      case .swap:
        let other = sp - Int(argument)
        let saved = sp[-1]
        sp[-1] = other.pointee
        other.pointee = saved

      case .unaryPositive, .unaryNegative, .unaryInvert:
        let operand = pop()
        let op: UInt32 = word & 0xFF == UInt32(Opcode.unaryNegative.rawValue) ? 0 : (word & 0xFF == UInt32(Opcode.unaryPositive.rawValue) ? 1 : 2)
        let result = unaryOp(operand, op)
        decref(operand)
        guard let result else { failed = true; break }
        push(result)
      case .unaryNot:
        let operand = pop()
        let truth = isTrue(operand)
        decref(operand)
        if truth < 0 { failed = true; break }
        push(newBool(truth == 0))

      case .binaryOp:
        let right = pop(), left = pop()
        let result: PyRef?
        if let fast = fastIntBinary(left, right, argument) {
          result = fast
        } else if let fast = fastFloatBinary(left, right, argument) {
          decrefFloat(left)
          decrefFloat(right)
          push(fast)
          break
        } else {
          result = binaryOp(left, right, argument)
        }
        decref(left)
        decref(right)
        guard let result else { failed = true; break }
        push(result)
      case .binarySubscr:
        let key = pop(), container = pop()
        let result = fastSubscript(container, key) ?? getItem(container, key)
        decref(container)
        decref(key)
        guard let result else { failed = true; break }
        push(result)
      case .storeSubscr:
        let key = pop(), container = pop(), value = pop()
        if fastStoreSubscript(container, key, value) {
          decref(container)
          decref(key)
          break
        }
        let ok = setItem(container, key, value)
        decref(key); decref(container); decref(value)
        if !ok { failed = true }
      case .deleteSubscr:
        let key = pop(), container = pop()
        let ok = setItem(container, key, nil)
        decref(key); decref(container)
        if !ok { failed = true }
      case .compareOp:
        let right = pop(), left = pop()
        let result: PyRef?
        if let fast = fastIntCompare(left, right, argument) {
          result = fast
        } else if let fast = fastFloatCompare(left, right, argument) {
          result = fast
        } else {
          result = richCompare(left, right, ComparisonOperator(rawValue: UInt8(argument))!)
        }
        decref(left)
        decref(right)
        guard let result else { failed = true; break }
        push(result)
      case .isOp:
        let right = pop(), left = pop()
        push(newBool((left == right) != (argument == 1)))
        decref(left)
        decref(right)
      case .containsOp:
        let container = pop(), item = pop()
        let found = contains(container, item)
        decref(container)
        decref(item)
        if found < 0 { failed = true; break }
        push(newBool((found == 1) != (argument == 1)))

      case .loadConst:
        let value = PyRef(constants[Int(argument)].unsafelyUnwrapped)
        value.incref()
        push(value)
      case .loadFast:
        guard let value = PyRef(localsPlus[Int(argument)]) else {
          raiseUnboundLocal(frame, Int(argument))
          failed = true
          break
        }
        value.incref()
        push(value)
      case .storeFast:
        let old = localsPlus[Int(argument)]
        localsPlus[Int(argument)] = pop().raw
        decref(PyRef(old))
      case .deleteFast:
        guard let old = PyRef(localsPlus[Int(argument)]) else {
          raiseUnboundLocal(frame, Int(argument))
          failed = true
          break
        }
        localsPlus[Int(argument)] = nil
        decref(old)

      case .loadName:
        guard let value = loadName(frame, name(argument)) else { failed = true; break }
        push(value)
      case .storeName:
        let value = pop()
        let ok = storeName(frame, name(argument), value)
        decref(value)
        if !ok { failed = true }
      case .deleteName:
        if !deleteName(frame, name(argument)) { failed = true }
      case .loadGlobal:
        let site = cache(argument >> 1)
        if let value = loadGlobalCached(frame, site) {
          push(value)
        } else {
          guard let value = loadGlobalAndCache(frame, site) else { failed = true; break }
          push(value)
        }
        if argument & 1 != 0 {
          sp.pointee = nil
          sp += 1
        }
      case .storeGlobal:
        let value = pop()
        let ok = dictSetItem(frame.pointee.globals, name(argument), value)
        decref(value)
        if !ok { failed = true }
      case .deleteGlobal:
        let key = name(argument)
        if dictGetItem(frame.pointee.globals, key) == nil {
          if !hasError { raise("NameError", "name '\(StrObject.string(key))' is not defined") }
          failed = true
          break
        }
        if !dictDelItem(frame.pointee.globals, key) { failed = true }

      case .loadDeref:
        let cell = PyRef(localsPlus[Int(argument)].unsafelyUnwrapped)
        guard let value = CellType.contents(cell) else {
          raiseUnboundDeref(frame, Int(argument))
          failed = true
          break
        }
        value.incref()
        push(value)
      case .storeDeref:
        setCellContents(PyRef(localsPlus[Int(argument)].unsafelyUnwrapped), pop())
      case .deleteDeref:
        let cell = PyRef(localsPlus[Int(argument)].unsafelyUnwrapped)
        guard CellType.contents(cell) != nil else {
          raiseUnboundDeref(frame, Int(argument))
          failed = true
          break
        }
        setCellContents(cell, nil)
      case .loadClosure:
        let cell = PyRef(localsPlus[Int(argument)].unsafelyUnwrapped)
        cell.incref()
        push(cell)
      case .loadClassDeref:
        let key = TupleObject.item(CodeType.localsPlusNames(frame.pointee.code), Int(argument))!
        if let locals = frame.pointee.locals, let value = mappingGet(locals, key) {
          push(value)
          break
        }
        if hasError { failed = true; break }
        let cell = PyRef(localsPlus[Int(argument)].unsafelyUnwrapped)
        guard let value = CellType.contents(cell) else {
          raiseUnboundDeref(frame, Int(argument))
          failed = true
          break
        }
        value.incref()
        push(value)
      case .makeCell:
        let initial = PyRef(localsPlus[Int(argument)])
        guard let cell = newCell(initial) else { failed = true; break }
        decref(initial)
        localsPlus[Int(argument)] = cell.raw
      case .copyFreeVars:
        let closure = FunctionType.closure(frame.pointee.function!)!
        let count = Int(argument)
        let start = frame.pointee.localsPlusCount - count
        for index in 0..<count {
          let cell = TupleObject.item(closure, index)!
          cell.incref()
          localsPlus[start + index] = cell.raw
        }

      case .loadAttr:
        let object = pop()
        let site = cache(argument)
        let value = loadAttributeCached(object, site) ?? loadAttributeAndCache(object, site)
        decref(object)
        guard let value else { failed = true; break }
        push(value)
      case .storeAttr:
        let object = pop(), value = pop()
        let site = cache(argument)
        if storeAttributeCached(object, value, site) {
          decref(object)
          break
        }
        let ok = storeAttributeAndCache(object, value, site)
        decref(object)
        decref(value)
        if !ok { failed = true }
      case .deleteAttr:
        let object = pop()
        let ok = setAttribute(object, name(argument), nil)
        decref(object)
        if !ok { failed = true }
      case .loadMethod:
        let object = pop()
        let site = cache(argument)
        if let method = loadMethodCached(object, site) {
          push(method)
          push(object)
          break
        }
        guard let (method, boundSelf) = loadMethodAndCache(object, site) else {
          decref(object)
          failed = true
          break
        }
        push(method)
        if let boundSelf {
          push(boundSelf)   // the reference `object` held moves here
        } else {
          decref(object)
          sp.pointee = nil
          sp += 1
        }

      case .buildTuple:
        let count = Int(argument)
        sp -= count
        guard let tuple = newTupleStealing(sp, count: count) else { failed = true; break }
        push(tuple)
      case .buildList:
        let count = Int(argument)
        sp -= count
        guard let list = newListStealing(sp, count: count) else { failed = true; break }
        push(list)
      case .buildSet:
        let count = Int(argument)
        sp -= count
        guard let set = newSetFrom(sp, count: count) else { failed = true; break }
        push(set)
      case .buildMap:
        let count = Int(argument)
        sp -= 2 * count
        guard let dict = newDictFrom(pairs: sp, count: count) else { failed = true; break }
        push(dict)
      case .buildConstKeyMap:
        let keys = pop()
        let count = Int(argument)
        sp -= count
        guard let dict = newDictFrom(keys: keys, values: sp, count: count) else { failed = true; break }
        push(dict)
      case .buildString:
        let count = Int(argument)
        sp -= count
        guard let text = joinStrings(sp, count: count) else { failed = true; break }
        push(text)
      case .buildSlice:
        let step = argument == 3 ? pop() : nil
        let stop = pop(), start = pop()
        let slice = newSlice(start == none ? nil : start, stop == none ? nil : stop, step.flatMap { $0 == none ? nil : $0 })
        decref(start); decref(stop); decref(step)
        guard let slice else { failed = true; break }
        push(slice)
      case .listAppend:
        let value = pop()
        let ok = listAppend(peek(Int(argument)), value)
        decref(value)
        if !ok { failed = true }
      case .setAdd:
        let value = pop()
        let ok = setAddItem(peek(Int(argument)), value)
        decref(value)
        if !ok { failed = true }
      case .mapAdd:
        let value = pop(), key = pop()
        let ok = dictSetItem(peek(Int(argument)), key, value)
        decref(value)
        decref(key)
        if !ok { failed = true }
      case .listExtend:
        let iterable = pop()
        let ok = listExtend(peek(Int(argument)), iterable)
        decref(iterable)
        if !ok { failed = true }
      case .setUpdate:
        let iterable = pop()
        let set = peek(Int(argument))
        let ok = forEach(iterable) { setAddItem(set, $0) }
        decref(iterable)
        if !ok { failed = true }
      case .dictUpdate, .dictMerge:
        let update = pop()
        let ok = word & 0xFF == UInt32(Opcode.dictMerge.rawValue)
          ? dictMerge(peek(Int(argument)), update, callable: PyRef(sp[-(Int(argument) + 3)]) ?? none)
          : dictUpdate(peek(Int(argument)), update)
        decref(update)
        if !ok { failed = true }
      case .listToTuple:
        let list = pop()
        let tuple = tupleFrom(list)
        decref(list)
        guard let tuple else { failed = true; break }
        push(tuple)
      case .unpackSequence:
        let sequence = pop()
        let ok = unpackSequence(sequence, count: Int(argument), into: sp)
        decref(sequence)
        if !ok { failed = true; break }
        sp += Int(argument)
      case .unpackEx:
        let sequence = pop()
        let before = Int(argument & 0xFF), after = Int(argument >> 8)
        let ok = unpackStarred(sequence, before: before, after: after, into: sp)
        decref(sequence)
        if !ok { failed = true; break }
        sp += before + after + 1

      case .jumpForward:
        jump(argument)
      case .jumpBackward:
        jump(argument)
        if _slowPath(state.pointee.gc.count.0 > state.pointee.gc.threshold.0) {
          saveRegisters()
          collectIfNeeded()
        }
      case .popJumpIfFalse, .popJumpIfTrue:
        let value = pop()
        let truth: Int32
        if value == state.pointee.trueObject { truth = 1 } else if value == state.pointee.falseObject { truth = 0 } else {
          truth = isTrue(value)
        }
        decref(value)
        if truth < 0 { failed = true; break }
        if (truth == 1) == (word & 0xFF == UInt32(Opcode.popJumpIfTrue.rawValue)) { jump(argument) }
      case .popJumpIfNone:
        let value = pop()
        if value == none { jump(argument) }
        decref(value)
      case .popJumpIfNotNone:
        let value = pop()
        if value != none { jump(argument) }
        decref(value)
      case .jumpIfTrueOrPop, .jumpIfFalseOrPop:
        let truth = isTrue(top())
        if truth < 0 { failed = true; break }
        if (truth == 1) == (word & 0xFF == UInt32(Opcode.jumpIfTrueOrPop.rawValue)) {
          jump(argument)
        } else {
          decref(pop())
        }
      case .getIter:
        let iterable = pop()
        let iterator = iter(iterable)
        decref(iterable)
        guard let iterator else { failed = true; break }
        push(iterator)
      case .forIter:
        let iterator = top()
        if let item = iterNextFast(iterator) {
          push(item)
        } else if hasError {
          failed = true
        } else {
          decref(pop())
          jump(argument)
        }
      case .getLen:
        let count = length(top())
        if count < 0 { failed = true; break }
        push(newInt(count)!)

      case .returnValue:
        let result = pop()
        // Anything left on the stack (nothing, after the compiler's unwinding) is released
        // with the frame.
        frame.pointee.stackDepth = sp - frame.stackBase
        let finished = frame
        let caller = finished.pointee.previous
        state.pointee.interpreter.currentFrame = caller
        if finished.pointee.ownedByGenerator {
          finished.pointee.stackDepth = 0
          finished.pointee.nextInstruction = ip - finished.pointee.instructions
          return result
        }
        let wasEntry = finished.pointee.isEntry
        releaseFrame(finished)
        if wasEntry { return result }
        frame = caller!
        loadRegisters()
        push(result)

      case .kwNames:
        keywordNames = PyRef(constants[Int(argument)].unsafelyUnwrapped)
      case .call:
        let names = keywordNames
        keywordNames = nil
        let base = sp - Int(argument) - 2
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
           case let shape = CodeType.shape(code), !shape.isGenerator {
          // Python to Python: a new frame, and the loop goes on in it.
          saveRegisters()
          if names == nil, shape.hasSimpleParameters, count == shape.argumentCount {
            // The frame takes over the callable's and the arguments' references.
            guard let callee = pushFrameTakingArguments(callable, code, shape, arguments, count: count) else {
              while sp > base { sp -= 1; decref(PyRef(sp.pointee)) }
              failed = true
              break
            }
            sp = base
            frame.pointee.stackDepth = sp - frame.stackBase
            callee.pointee.previous = frame
            frame = callee
            state.pointee.interpreter.currentFrame = callee
            loadRegisters()
            if _slowPath(state.pointee.gc.count.0 > state.pointee.gc.threshold.0) { collectIfNeeded() }
            continue dispatch
          }
          guard let callee = pushFunctionFrame(callable, arguments, positional: positional, keywordNames: names) else {
            while sp > base { sp -= 1; decref(PyRef(sp.pointee)) }
            failed = true
            break
          }
          while sp > base { sp -= 1; decref(PyRef(sp.pointee)) }
          frame.pointee.stackDepth = sp - frame.stackBase
          callee.pointee.previous = frame
          callee.pointee.isEntry = false
          frame = callee
          state.pointee.interpreter.currentFrame = callee
          loadRegisters()
          if _slowPath(state.pointee.gc.count.0 > state.pointee.gc.threshold.0) { collectIfNeeded() }
          continue dispatch
        }
        saveRegisters()
        let result = call(callable, UnsafePointer(arguments), count: positional, keywordNames: names)
        while sp > base { sp -= 1; decref(PyRef(sp.pointee)) }
        guard let result else { failed = true; break }
        push(result)
      case .callFunctionEx:
        let keywords = argument & 1 != 0 ? pop() : nil
        let positionalArguments = pop()
        let selfOrNull = PyRef(sp[-1])
        sp -= 1
        let callable = pop()
        saveRegisters()
        let result = callWithUnpacked(callable, selfOrNull, positionalArguments, keywords)
        decref(callable)
        decref(selfOrNull)
        decref(positionalArguments)
        decref(keywords)
        guard let result else { failed = true; break }
        push(result)
      case .makeFunction:
        let code = pop()
        let closure = argument & 0x08 != 0 ? pop() : nil
        let annotations = argument & 0x04 != 0 ? pop() : nil
        let keywordDefaults = argument & 0x02 != 0 ? pop() : nil
        let defaults = argument & 0x01 != 0 ? pop() : nil
        let annotationsDict = annotations.flatMap { annotationsFromPairs($0) }
        let function = newPythonFunction(code: code, globals: frame.pointee.globals, defaults: defaults,
                                         keywordDefaults: keywordDefaults, closure: closure, annotations: annotationsDict)
        for value in [code, closure, annotations, keywordDefaults, defaults, annotationsDict] { decref(value) }
        guard let function else { failed = true; break }
        push(function)
      case .loadBuildClass:
        guard let buildClass = loadBuiltin(frame, "__build_class__") else { failed = true; break }
        push(buildClass)
      case .setupAnnotations:
        if !setupAnnotations(frame) { failed = true }

      case .importName:
        let fromList = pop(), level = pop()
        saveRegisters()
        let module = importName(name(argument), globals: frame.pointee.globals, fromList: fromList, level: level)
        decref(fromList)
        decref(level)
        guard let module else { failed = true; break }
        push(module)
      case .importFrom:
        guard let value = importFrom(top(), name(argument)) else { failed = true; break }
        push(value)
      case .importStar:
        let module = pop()
        let ok = importStar(module, into: frame)
        decref(module)
        if !ok { failed = true }

      case .raiseVarargs:
        let cause = argument == 2 ? pop() : nil
        let exception = argument >= 1 ? pop() : nil
        if exception == nil, cause == nil {
          reraising = reraiseHandled()
        } else {
          raiseFromStatement(exception!, cause: cause)
        }
        decref(exception)
        decref(cause)
        failed = true
      case .reraise:
        if argument != 0, let lasti = PyRef(sp[-(Int(argument) + 1)]), lasti.type == state.pointee.types.int {
          // The instruction that raised first, saved by the exception table (3.11's
          // `PEEK(oparg + 1)`): tracebacks point at it, not at this RERAISE.
          frame.pointee.lastInstruction = IntObject.exactValue(lasti) ?? frame.pointee.lastInstruction
        }
        let exception = pop()
        restoreException(exception)
        reraising = true
        failed = true
      case .pushExcInfo:
        let exception = pop()
        let previous = PyRef(state.pointee.handledException) ?? none
        if previous == none { none.incref() }
        state.pointee.handledException = exception.raw
        exception.incref()
        push(previous)
        push(exception)
      case .popExcept:
        let saved = pop()
        let current = PyRef(state.pointee.handledException)
        if saved == none {
          state.pointee.handledException = nil
          decref(saved)
        } else {
          state.pointee.handledException = saved.raw
        }
        decref(current)
      case .checkExcMatch:
        let type = pop()
        let matches = exceptionMatchesClause(top(), type)
        decref(type)
        if matches < 0 { failed = true; break }
        push(newBool(matches == 1))
      case .checkEgMatch, .prepReraiseStar:
        raise("SystemError", "except* is not supported yet")
        failed = true
      case .loadAssertionError:
        let type = exceptionType("AssertionError").object
        type.incref()
        push(type)
      case .beforeWith:
        let manager = pop()
        saveRegisters()
        let entered = beforeWith(manager)
        decref(manager)
        guard let (exit, result) = entered else { failed = true; break }
        push(exit)
        push(result)
      case .withExceptStart:
        let exception = peek(1)
        let exit = peek(4)
        saveRegisters()
        let traceback = ExceptionObject.traceback(exception) ?? none
        guard let result = call(exit, [exception.type.object, exception, traceback]) else { failed = true; break }
        push(result)

      case .yieldValue:
        let value = pop()
        frame.pointee.suspended = true
        saveRegisters()
        state.pointee.interpreter.currentFrame = frame.pointee.previous
        return value
      case .getYieldFromIter:
        let iterable = top()
        if iterable.type.record.pointee.kind != .generator {
          guard let iterator = iter(iterable) else { failed = true; break }
          decref(pop())
          push(iterator)
        }
      case .send:
        let value = pop()
        let receiver = top()
        saveRegisters()
        let outcome = sendToReceiver(receiver, value)
        decref(value)
        switch outcome {
        case .yielded(let yielded):
          push(yielded)
        case .returned(let result):
          decref(pop())
          push(result)
          jump(argument)
        case .failed:
          failed = true
        }
      case .getAwaitable, .getAiter, .getAnext, .beforeAsyncWith, .endAsyncFor:
        raise("SystemError", "coroutines are not supported yet")
        failed = true

      case .formatValue:
        let spec = argument & 4 != 0 ? pop() : nil
        let value = pop()
        let text = formatValue(value, conversion: Int(argument & 3), spec: spec)
        decref(value)
        decref(spec)
        guard let text else { failed = true; break }
        push(text)

      case .matchClass:
        let keywords = pop(), cls = pop(), subject = top()
        let attributes = matchClass(subject, cls, positionalCount: Int(argument), keywords: keywords)
        decref(keywords)
        decref(cls)
        guard let attributes else { failed = true; break }
        push(attributes)
      case .matchMapping, .matchSequence:
        let matches = word & 0xFF == UInt32(Opcode.matchMapping.rawValue) ? isMapping(top()) : isMatchSequence(top())
        push(newBool(matches))
      case .matchKeys:
        guard let values = matchKeys(peek(2), peek(1)) else { failed = true; break }
        push(values)
      }
    }
  }
}
