import PyMemory

/// The `sys` module: the interpreter's settings and state as Python sees them.
/// CPython: Python/sysmodule.c.
extension RuntimeRef {
  /// Makes `sys` (once) and registers it in `sys.modules`.
  func makeSysModule(arguments: [String]) {
    guard let module = newModule("sys") else { preconditionFailure("sys: out of memory") }
    let dict = ModuleType.dict(module)
    state.pointee.interpreter.sysModule = module.raw
    setItem(PyRef(state.pointee.interpreter.modules!), "sys", module)
    setItem(dict, "modules", PyRef(state.pointee.interpreter.modules!))
    let argv = newList()!
    for argument in arguments {
      let text = newStr(argument)!
      listAppend(argv, text)
      decref(text)
    }
    setItem(dict, "argv", argv)
    decref(argv)
    let path = newList()!
    for entry in state.pointee.interpreter.searchPaths {
      let text = newStr(entry)!
      listAppend(path, text)
      decref(text)
    }
    setItem(dict, "path", path)
    decref(path)
    let fileType = state.pointee.types.byName["_io.TextIOWrapper"]!
    _ = fileType
    for (name, mode, descriptor) in [("stdout", TextFileType.Mode.standardOutput, 1), ("stderr", .standardError, 2)] {
      let label = newStr("<\(name)>")!
      let file = newTextFile(descriptor: descriptor, mode: [mode, .write], name: label, contents: nil)!
      setItem(dict, name, file)
      setItem(dict, "__\(name)__", file)
      decref(file)
      decref(label)
    }
    let stdinName = newStr("<stdin>")!
    let stdin = newTextFile(descriptor: 0, mode: [.read], name: stdinName, contents: nil)!
    setItem(dict, "stdin", stdin)
    decref(stdin)
    decref(stdinName)
    setInt(dict, "maxsize", Int.max)
    setString(dict, "byteorder", "little")
    setString(dict, "platform", "linux")
    setString(dict, "version", "3.11.7 (PyHeap)")
    setString(dict, "executable", "pyheap")
    setInt(dict, "hexversion", 0x030B07F0)
    let implementation = newModule("implementation")!
    setString(ModuleType.dict(implementation), "name", "pyheap")
    setItem(dict, "implementation", implementation)
    decref(implementation)
    let builtinNames = newTuple((["builtins", "sys"] + ModuleTable.nativeNames).map { newStr($0)! })!
    setItem(dict, "builtin_module_names", builtinNames)
    decref(builtinNames)
    for function in SysFunctions.all + SysFunctions.memory + SysFunctions.unraisable {
      guard let object = newBuiltinFunction(function.name, function.code, boundSelf: module) else {
        preconditionFailure("sys: out of memory")
      }
      setItem(dict, function.name, object)
      decref(object)
    }
    if let hook = dictGetItem(dict, named: "unraisablehook") { setItem(dict, "__unraisablehook__", hook) }
    guard addStructSequences(to: dict) else {
      let problem = fetchException().map { formatExceptionOnly($0) } ?? "no exception"
      StandardError.write("sys: cannot make the struct sequences: \(problem)\n")
      preconditionFailure("sys: cannot make the struct sequences")
    }
    // The reference `newModule` gave stays with `interpreter.sysModule`: the exit sequence
    // empties `sys.modules` and still reads `sys` (stdout, the unraisable hook) afterwards.
  }

  @discardableResult
  func setInt(_ dict: PyRef, _ key: String, _ value: Int) -> Bool {
    guard let object = newInt(value) else { return false }
    defer { decref(object) }
    return setItem(dict, key, object)
  }
}

enum SysFunctions {
  static let all: [BuiltinFunction] = [
    BuiltinFunction("getrecursionlimit") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("sys.getrecursionlimit", exactly: 0) else { return nil }
      return a.rt.newInt(a.rt.state.pointee.interpreter.recursionLimit)?.raw
    },
    BuiltinFunction("setrecursionlimit") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("sys.setrecursionlimit", exactly: 1) else { return nil }
      guard a.rt.isInstance(a[0], a.rt.state.pointee.types.int) else {
        a.rt.raise("TypeError", "'\(a[0].type.name)' object cannot be interpreted as an integer")
        return nil
      }
      guard let limit = IntObject.exactValue(a[0]), limit >= 1 else {
        a.rt.raise("ValueError", "recursion limit must be greater or equal than 1")
        return nil
      }
      let depth = a.rt.state.pointee.interpreter.recursionDepth
      guard limit > depth else {
        a.rt.raise("RecursionError", "cannot set the recursion limit to \(limit) at the recursion depth \(depth): the limit is too low")
        return nil
      }
      a.rt.state.pointee.interpreter.recursionLimit = limit
      return a.rt.newNone().raw
    },
    BuiltinFunction("exit") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("exit", atLeast: 0, atMost: 1) else { return nil }
      let arguments = a.count == 1 ? [a[0]] : []
      if let exception = a.rt.call(a.rt.exceptionType("SystemExit").object, arguments) { a.rt.setException(exception) }
      return nil
    },
    BuiltinFunction("exc_info") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("sys.exc_info", exactly: 0) else { return nil }
      let rt = a.rt
      guard let handled = rt.handledException else {
        return rt.newTuple([rt.newNone(), rt.newNone(), rt.newNone()])?.raw
      }
      let type = handled.type.object
      type.incref()
      handled.incref()
      let traceback = ExceptionObject.traceback(handled) ?? rt.state.pointee.none
      traceback.incref()
      return rt.newTuple([type, handled, traceback])?.raw
    },
    BuiltinFunction("exception") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("sys.exception", exactly: 0) else { return nil }
      let value = a.rt.handledException ?? a.rt.state.pointee.none
      value.incref()
      return value.raw
    },
    BuiltinFunction("get_int_max_str_digits") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      return a.rt.newInt(a.rt.intMaxStrDigits)?.raw
    },
    BuiltinFunction("set_int_max_str_digits") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard let bound = a.args.bind("set_int_max_str_digits", ["maxdigits"], required: 1),
            let limit = IntObject.exactValue(bound[0]!), a.rt.setIntMaxStrDigits(limit) else { return nil }
      return a.rt.newNone().raw
    },
    BuiltinFunction("_getframe") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("_getframe", atLeast: 0, atMost: 1) else { return nil }
      var depth = 0
      if a.count == 1 {
        guard let value = a.rt.indexInteger(a[0]) else { return nil }
        depth = value
      }
      var frame = a.rt.state.pointee.interpreter.currentFrame
      while depth > 0, let current = frame {
        frame = current.pointee.previous
        depth -= 1
      }
      guard let found = frame else {
        a.rt.raise("ValueError", "call stack is not deep enough")
        return nil
      }
      return a.rt.frameObject(for: found)?.raw
    },
  ]
}
