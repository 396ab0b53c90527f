import PyCompiler

/// `generator`: a function's frame kept alive between `next()` calls. The frame lives in
/// memory the generator owns; each resume runs it as the entry frame of a new loop.
///
/// ```
///   -16 GC header | 0 refcount | 8 type | 16 frame (mem domain) | 24 __name__
///   | 32 __qualname__ | 40 state | 48 weaklist
/// ```
/// An unfinished generator that is freed (or collected) is closed first: `GeneratorExit` is
/// thrown in at the `yield`, so its `finally` blocks run (PEP 442 `tp_finalize`).
/// CPython: Objects/genobject.c.
public enum GeneratorType {
  static let frameOffset = 16
  static let nameOffset = 24
  static let qualifiedNameOffset = 32
  static let stateOffset = 40
  static let weakListOffset = 48

  enum State: Int { case created, suspended, running, finished }

  static func frame(_ generator: PyRef) -> UnsafeMutablePointer<Frame>? {
    generator.raw.load(fromByteOffset: GeneratorType.frameOffset, as: UnsafeMutablePointer<Frame>?.self)
  }
  static func state(_ generator: PyRef) -> State { State(rawValue: generator.raw.load(fromByteOffset: GeneratorType.stateOffset, as: Int.self))! }
  static func setState(_ generator: PyRef, _ state: State) {
    generator.raw.storeBytes(of: state.rawValue, toByteOffset: GeneratorType.stateOffset, as: Int.self)
  }

  static func makeType(_ rt: RuntimeRef) -> PyType {
    let type = rt.makeType(name: "generator", basicSize: 56, flags: [.haveGC], weakListOffset: GeneratorType.weakListOffset,
                           dealloc: dealloc, traverse: traverse, clear: clear, finalize: finalize)
    type.record.pointee.iter = { raw, _ in PyRef(raw).incref(); return raw }
    type.record.pointee.iterNext = { raw, runtime in
      let rt = RuntimeRef(raw: runtime)
      switch rt.generatorSend(PyRef(raw), nil) {
      case .yielded(let value): return value.raw
      case .returned(let value):
        // `return x` in a generator: `next()` sees StopIteration(x); loops just stop.
        if value != rt.state.pointee.none { rt.raiseStopIteration(value) }
        rt.decref(value)
        return nil
      case .failed: return nil
      }
    }
    type.record.pointee.repr = { raw, runtime in
      let rt = RuntimeRef(raw: runtime)
      let name = StrObject.string(PyRef(raw).loadRef(at: GeneratorType.qualifiedNameOffset)!)
      return rt.newStr("<generator object \(name) at \(rt.addressText(PyRef(raw)))>")?.raw
    }
    rt.readyBuiltinType(type, base: nil, kind: .generator)
    rt.addSlotWrappers(type)
    rt.addMethods(type, [
      MethodDefinition("send", { _, argv, count, names, runtime in
        let args = Arguments(runtime, argv, count, names)
        guard args.expect("send", exactly: 2) else { return nil }
        return args.rt.generatorMethodResult(args.rt.generatorSend(args[0], args[1]))
      }),
      MethodDefinition("throw", { _, argv, count, names, runtime in
        let args = Arguments(runtime, argv, count, names)
        guard args.expect("throw", atLeast: 2, atMost: 4) else { return nil }
        guard args.rt.prepareThrow(args[1], count > 2 ? args[2] : nil) else { return nil }
        return args.rt.generatorMethodResult(args.rt.generatorResume(args[0], nil, throwing: true))
      }),
      MethodDefinition("close", { _, argv, count, names, runtime in
        let args = Arguments(runtime, argv, count, names)
        guard args.expect("close", exactly: 1) else { return nil }
        return args.rt.generatorClose(args[0]) ? args.rt.newNone().raw : nil
      }),
      MethodDefinition("__sizeof__", { _, argv, count, names, runtime in
        let args = Arguments(runtime, argv, count, names)
        guard args.takesNoArguments("generator.__sizeof__") else { return nil }
        let code = GeneratorType.frame(args[0])?.pointee.code
        return args.rt.newInt(args.rt.frameSizeOf(header: CPythonSizes.generatorHeaderSize, code: code))?.raw
      }),
    ])
    rt.addGetSets(type, [
      GetSetDefinition("__name__", { raw, _ in let v = PyRef(raw).loadRef(at: GeneratorType.nameOffset)!; v.incref(); return v.raw }),
      GetSetDefinition("__qualname__", { raw, _ in let v = PyRef(raw).loadRef(at: GeneratorType.qualifiedNameOffset)!; v.incref(); return v.raw }),
      GetSetDefinition("gi_running", { raw, runtime in
        RuntimeRef(raw: runtime).newBool(GeneratorType.state(PyRef(raw)) == .running).raw
      }),
      GetSetDefinition("gi_code", { raw, runtime in
        guard let frame = GeneratorType.frame(PyRef(raw)), GeneratorType.state(PyRef(raw)) != .finished else {
          return RuntimeRef(raw: runtime).newNone().raw
        }
        frame.pointee.code.incref()
        return frame.pointee.code.raw
      }),
      GetSetDefinition("gi_frame", { raw, runtime in
        let rt = RuntimeRef(raw: runtime)
        // Frames are not objects here; a finished generator has none, as in CPython.
        return GeneratorType.state(PyRef(raw)) == .finished ? rt.newNone().raw : rt.newBool(true).raw
      }),
    ])
    return type
  }

  static let dealloc: Slot.Dealloc = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let generator = PyRef(raw)
    rt.untrack(generator)
    if GeneratorType.state(generator) == .suspended {
      rt.track(generator)
      guard rt.callFinalizerFromDealloc(generator) else { return }
      rt.untrack(generator)
    }
    rt.clearWeakReferences(generator)
    GeneratorType.clear(raw, runtime)
    rt.freeMemory(GeneratorType.frame(generator).map(UnsafeMutableRawPointer.init))
    rt.decref(generator.loadRef(at: GeneratorType.nameOffset))
    rt.decref(generator.loadRef(at: GeneratorType.qualifiedNameOffset))
    rt.freeObject(generator)
  }

  static let traverse: Slot.Traverse = { raw, visit, arg in
    let generator = PyRef(raw)
    guard let frame = GeneratorType.frame(generator), GeneratorType.state(generator) != .finished else { return 0 }
    let header = frame.pointee
    for object in [header.code, header.globals, header.builtins] + [header.function, header.locals].compactMap({ $0 }) {
      let result = visit(object.raw, arg)
      if result != 0 { return result }
    }
    let slots = frame.localsPlus
    for index in 0..<(header.localsPlusCount + header.stackDepth) {
      if let value = slots[index] {
        let result = visit(value, arg)
        if result != 0 { return result }
      }
    }
    return 0
  }

  static let clear: Slot.Clear = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let generator = PyRef(raw)
    guard let frame = GeneratorType.frame(generator), GeneratorType.state(generator) != .finished else { return }
    GeneratorType.setState(generator, .finished)
    rt.clearFrame(frame)
  }

  /// `tp_finalize`: closes a suspended generator.
  static let finalize: Slot.Finalize = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let generator = PyRef(raw)
    guard GeneratorType.state(generator) == .suspended else { return }
    let saved = rt.fetchException()
    if !rt.generatorClose(generator) {
      rt.writeUnraisable(object: generator)
    }
    rt.restoreException(saved)
  }
}

/// What resuming a generator (or another `yield from` receiver) produced.
enum SendOutcome {
  case yielded(PyRef)
  case returned(PyRef)
  case failed
}

extension RuntimeRef {
  /// Calling a generator function: binds the arguments into a frame the generator owns.
  func newGenerator(_ function: PyRef, _ argv: UnsafePointer<UnsafeMutableRawPointer?>, positional: Int,
                    keywordNames: PyRef?) -> PyRef? {
    let code = FunctionType.code(function)
    guard let memory = allocateMemory(CodeType.shape(code).frameByteCount) else { return nil }
    let frame = memory.bindMemory(to: Frame.self, capacity: 1)
    initializeFrame(frame, code: code, function: function, globals: FunctionType.globals(function),
                    locals: nil, ownedByGenerator: true)
    guard bindArguments(function, code, frame.localsPlus, argv, positional: positional, keywordNames: keywordNames),
          let generator = allocateObject(state.pointee.types.generator) else {
      clearFrame(frame)
      freeMemory(memory)
      return nil
    }
    generator.raw.storeBytes(of: frame, toByteOffset: GeneratorType.frameOffset, as: UnsafeMutablePointer<Frame>?.self)
    let name = CodeType.name(code), qualifiedName = FunctionType.qualifiedName(function)
    name.incref()
    qualifiedName.incref()
    generator.storeRef(name, at: GeneratorType.nameOffset)
    generator.storeRef(qualifiedName, at: GeneratorType.qualifiedNameOffset)
    GeneratorType.setState(generator, .created)
    generator.storeRef(nil, at: GeneratorType.weakListOffset)
    track(generator)
    return generator
  }

  /// `generator.send(value)` (nil: `next()`).
  func generatorSend(_ generator: PyRef, _ value: PyRef?) -> SendOutcome {
    switch GeneratorType.state(generator) {
    case .running:
      raise("ValueError", "generator already executing")
      return .failed
    case .finished:
      return .failed
    case .created:
      if let value, value != state.pointee.none {
        raise("TypeError", "can't send non-None value to a just-started generator")
        return .failed
      }
      return generatorResume(generator, nil, throwing: false)
    case .suspended:
      return generatorResume(generator, value ?? state.pointee.none, throwing: false)
    }
  }

  /// Runs the generator's frame until it yields, returns or raises. With `throwing`, the
  /// pending exception is raised at the `yield`.
  func generatorResume(_ generator: PyRef, _ value: PyRef?, throwing: Bool) -> SendOutcome {
    guard let frame = GeneratorType.frame(generator) else { return .failed }
    let previousState = GeneratorType.state(generator)
    if previousState == .finished {
      if !throwing { return .failed }
      return .failed
    }
    if previousState == .created, throwing {
      // Never started: the exception comes out at once and the generator is done.
      GeneratorType.setState(generator, .finished)
      clearFrame(frame)
      return .failed
    }
    if let value, previousState == .suspended, !throwing {
      value.incref()
      frame.stackBase[frame.pointee.stackDepth] = value.raw
      frame.pointee.stackDepth += 1
    }
    guard enterRecursiveCall("") else { return .failed }
    GeneratorType.setState(generator, .running)
    generator.incref()
    let result = evalFrame(frame, throwing: throwing)
    leaveRecursiveCall()
    defer { decref(generator) }
    if frame.pointee.suspended {
      frame.pointee.suspended = false
      GeneratorType.setState(generator, .suspended)
      return .yielded(result!)
    }
    GeneratorType.setState(generator, .finished)
    clearFrame(frame)
    if let result { return .returned(result) }
    if exceptionMatches("StopIteration") {
      // PEP 479: a StopIteration escaping a generator becomes a RuntimeError.
      let stop = fetchException()!
      raise("RuntimeError", "generator raised StopIteration")
      if let error = currentException {
        setCause(error, stop)
        setContext(error, { stop.incref(); return stop }())
      } else {
        decref(stop)
      }
    }
    return .failed
  }

  /// The result of `send`/`throw` as a method: the yielded value, or `StopIteration(value)`.
  func generatorMethodResult(_ outcome: SendOutcome) -> UnsafeMutableRawPointer? {
    switch outcome {
    case .yielded(let value): return value.raw
    case .returned(let value):
      raiseStopIteration(value)
      decref(value)
      return nil
    case .failed:
      if !hasError { raise("StopIteration") }
      return nil
    }
  }

  func raiseStopIteration(_ value: PyRef) {
    if value == state.pointee.none {
      raise("StopIteration")
    } else if let exception = newException(exceptionType("StopIteration"), arguments: [value]) {
      setException(exception)
    }
  }

  /// Sets the exception `throw(type[, value])` raises.
  func prepareThrow(_ type: PyRef, _ value: PyRef?) -> Bool {
    let baseException = exceptionType("BaseException")
    if type.type.record.pointee.kind == .type, isSubtype(PyType(type.raw), baseException) {
      let arguments = value.map { $0 == state.pointee.none ? [] : [$0] } ?? []
      guard let instance = call(type, arguments) else { return false }
      setException(instance)
      return true
    }
    if isInstance(type, baseException) {
      if let value, value != state.pointee.none {
        raise("TypeError", "instance exception may not have a separate value")
        return false
      }
      type.incref()
      setException(type)
      return true
    }
    raise("TypeError", "exceptions must be classes or instances deriving from BaseException, not \(type.type.name)")
    return false
  }

  /// `generator.close()`: false with an exception set when the generator misbehaved.
  func generatorClose(_ generator: PyRef) -> Bool {
    let current = GeneratorType.state(generator)
    if current == .created || current == .finished {
      if current == .created, let frame = GeneratorType.frame(generator) {
        GeneratorType.setState(generator, .finished)
        clearFrame(frame)
      }
      return true
    }
    raise("GeneratorExit")
    switch generatorResume(generator, nil, throwing: true) {
    case .yielded(let value):
      decref(value)
      raise("RuntimeError", "generator ignored GeneratorExit")
      return false
    case .returned(let value):
      decref(value)
      return true
    case .failed:
      if exceptionMatches("GeneratorExit") || exceptionMatches("StopIteration") {
        clearError()
        return true
      }
      return false
    }
  }

  /// `SEND`: resumes a `yield from`/`await` receiver with `value`.
  func sendToReceiver(_ receiver: PyRef, _ value: PyRef) -> SendOutcome {
    if receiver.type == state.pointee.types.generator {
      let outcome = generatorSend(receiver, value)
      if case .failed = outcome, !hasError { return .returned(newNone()) }
      return outcome
    }
    let result: PyRef?
    if value == state.pointee.none {
      result = iterNextFast(receiver)
      if result == nil, !hasError { return .returned(newNone()) }
    } else {
      result = callMethod(receiver, "send", [value])
    }
    guard let result else {
      if exceptionMatches("StopIteration") {
        let stop = fetchException()!
        defer { decref(stop) }
        let args = ExceptionObject.arguments(stop)
        let returned = TupleObject.count(args) > 0 ? TupleObject.item(args, 0)! : state.pointee.none
        returned.incref()
        return .returned(returned)
      }
      return .failed
    }
    return .yielded(result)
  }
}
