import PyCompiler

/// Frames: pushing one for a call (binding the arguments), and releasing it.
/// CPython: Python/ceval.c, `_PyEvalFramePushAndInit()`, `initialize_locals()`.
extension RuntimeRef {
  /// Pushes a frame for `code` on the frame stack with empty locals; nil with an
  /// exception set (`RecursionError`, `MemoryError`).
  func pushFrame(code: PyRef, function: PyRef?, globals: PyRef, locals: PyRef?) -> UnsafeMutablePointer<Frame>? {
    let shape = CodeType.shape(code)
    guard enterRecursiveCall("") else { return nil }
    guard let memory = state.pointee.interpreter.frameStack.push(shape.frameByteCount) else {
      leaveRecursiveCall()
      raise("MemoryError")
      return nil
    }
    let frame = memory.bindMemory(to: Frame.self, capacity: 1)
    initializeFrame(frame, code: code, function: function, globals: globals, locals: locals, ownedByGenerator: false)
    return frame
  }

  func initializeFrame(_ frame: UnsafeMutablePointer<Frame>, code: PyRef, function: PyRef?,
                       globals: PyRef, locals: PyRef?, ownedByGenerator: Bool) {
    code.incref()
    function?.incref()
    globals.incref()
    locals?.incref()
    let builtins = function.map(FunctionType.builtins) ?? PyRef(state.pointee.interpreter.builtins!)
    builtins.incref()
    frame.initialize(to: Frame(
      code: code, function: function, globals: globals, builtins: builtins, locals: locals, previous: nil,
      instructions: CodeType.instructions(code), nextInstruction: 0, stackDepth: 0,
      localsPlusCount: CodeType.shape(code).localsPlusCount, isEntry: false, ownedByGenerator: ownedByGenerator,
      suspended: false, lastInstruction: 0, instructionPointer: CodeType.instructions(code), depth: 1))
    frame.localsPlus.initialize(repeating: nil, count: CodeType.shape(code).localsPlusCount)
  }

  /// Drops every reference a frame holds and, for a frame-stack frame, pops it.
  func releaseFrame(_ frame: UnsafeMutablePointer<Frame>) {
    clearFrame(frame)
    if !frame.pointee.ownedByGenerator {
      state.pointee.interpreter.frameStack.pop(UnsafeMutableRawPointer(frame))
      leaveRecursiveCall()
    }
  }

  /// Drops the references of a frame's locals, stack and header.
  @inline(__always)
  func clearFrame(_ frame: UnsafeMutablePointer<Frame>) {
    if _slowPath(frame.pointee.frameObject != nil) { detachFrameObject(frame) }
    let locals = frame.localsPlus
    let count = frame.pointee.localsPlusCount &+ frame.pointee.stackDepth
    frame.pointee.stackDepth = 0
    // Locals are released in slot order, as CPython does.
    var index = 0
    while index < count {
      if let value = locals[index] {
        locals[index] = nil
        decref(PyRef(value))
      }
      index &+= 1
    }
    if let namespace = frame.pointee.locals {
      frame.pointee.locals = nil
      decref(namespace)
    }
    if let function = frame.pointee.function {
      frame.pointee.function = nil
      decref(function)
    }
    decref(frame.pointee.globals)
    decref(frame.pointee.builtins)
    decref(frame.pointee.code)
  }

  /// Pushes a frame for calling `function` (a Python function with simple parameters,
  /// ``CodeShape/hasSimpleParameters``, not a generator) with exactly its positional
  /// arguments, *taking over* the references of `function` and of the `count` arguments
  /// (the caller's stack gives them up): CPython 3.11's `CALL_PY_EXACT_ARGS`. Nil with
  /// `RecursionError` or `MemoryError` set, in which case nothing was taken.
  @inline(__always)
  func pushFrameTakingArguments(_ function: PyRef, _ code: PyRef, _ shape: UnsafePointer<CodeShape>,
                                _ arguments: UnsafeMutablePointer<UnsafeMutableRawPointer?>, count: Int) -> UnsafeMutablePointer<Frame>? {
    guard enterRecursiveCall("") else { return nil }
    guard let memory = state.pointee.interpreter.frameStack.push(shape.pointee.frameByteCount) else {
      leaveRecursiveCall()
      raise("MemoryError")
      return nil
    }
    let frame = memory.bindMemory(to: Frame.self, capacity: 1)
    code.incref()
    let globals = FunctionType.globals(function), builtins = FunctionType.builtins(function)
    globals.incref()
    builtins.incref()
    // Field by field: `Frame` is trivial, and this avoids building a copy on the stack.
    frame.pointee.code = code
    frame.pointee.function = function
    frame.pointee.globals = globals
    frame.pointee.builtins = builtins
    frame.pointee.locals = nil
    frame.pointee.previous = nil
    frame.pointee.instructions = CodeType.instructions(code)
    frame.pointee.nextInstruction = 0
    frame.pointee.stackDepth = 0
    frame.pointee.localsPlusCount = shape.pointee.localsPlusCount
    frame.pointee.isEntry = false
    frame.pointee.ownedByGenerator = false
    frame.pointee.suspended = false
    frame.pointee.lastInstruction = 0
    frame.pointee.frameObject = nil
    frame.pointee.instructionPointer = frame.pointee.instructions
    frame.pointee.depth = 1
    let locals = frame.localsPlus
    locals.moveInitialize(from: arguments, count: count)
    let rest = shape.pointee.localsPlusCount - count
    if rest > 0 { (locals + count).initialize(repeating: nil, count: rest) }
    return frame
  }

  /// Pushes a frame for calling `function` with the given arguments (borrowed), bound to
  /// its parameters; nil with CPython's `TypeError` (or `RecursionError`) set.
  func pushFunctionFrame(_ function: PyRef, _ argv: UnsafePointer<UnsafeMutableRawPointer?>, positional: Int,
                         keywordNames: PyRef?) -> UnsafeMutablePointer<Frame>? {
    let code = FunctionType.code(function)
    guard let frame = pushFrame(code: code, function: function, globals: FunctionType.globals(function), locals: nil) else {
      return nil
    }
    guard bindArguments(function, code, frame.localsPlus, argv, positional: positional,
                        keywordNames: keywordNames) else {
      releaseFrame(frame)
      return nil
    }
    return frame
  }

  /// Calls a Python function from native code: a new entry frame run to completion (or a
  /// new generator, for a generator function).
  func callPythonFunction(_ function: PyRef, _ argv: UnsafePointer<UnsafeMutableRawPointer?>, count: Int,
                          keywordNames: PyRef?) -> PyRef? {
    if CodeType.shape(FunctionType.code(function)).isGenerator {
      return newGenerator(function, argv, positional: count, keywordNames: keywordNames)
    }
    guard let frame = pushFunctionFrame(function, argv, positional: count, keywordNames: keywordNames) else { return nil }
    return evalFrame(frame)
  }

  /// Runs module-level code with `globals` as its namespace (`exec(code, globals)`).
  public func runModuleCode(_ code: PyRef, globals: PyRef, locals: PyRef? = nil) -> PyRef? {
    guard let frame = pushFrame(code: code, function: nil, globals: globals, locals: locals ?? globals) else { return nil }
    return evalFrame(frame)
  }

  /// Runs a class body (a function taking no arguments) with `namespace` as its locals;
  /// returns what the body returns (the `__class__` cell, or None).
  func runClassBody(_ function: PyRef, namespace: PyRef) -> PyRef? {
    let code = FunctionType.code(function)
    guard let frame = pushFrame(code: code, function: function, globals: FunctionType.globals(function), locals: namespace) else {
      return nil
    }
    return evalFrame(frame)
  }
}
