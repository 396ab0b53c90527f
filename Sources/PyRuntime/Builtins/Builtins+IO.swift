extension BuiltinFunctions {
  static let inputOutput: [BuiltinFunction] = [
    BuiltinFunction("print") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      let rt = a.rt
      var separator: PyRef?, end: PyRef?, file: PyRef?, flush = false
      let none = rt.state.pointee.none
      for index in 0..<a.args.keywordCount {
        let (key, value) = a.args.keyword(index)
        switch StrObject.string(key) {
        case "sep": separator = value == none ? nil : value
        case "end": end = value == none ? nil : value
        case "file": file = value == none ? nil : value
        case "flush": flush = rt.isTrue(value) == 1
        default:
          rt.raise("TypeError", "'\(StrObject.string(key))' is an invalid keyword argument for print()")
          return nil
        }
      }
      for (value, label) in [(separator, "sep"), (end, "end")] {
        if let value, !rt.isInstance(value, rt.state.pointee.types.str) {
          rt.raise("TypeError", "\(label) must be None or a string, not \(value.type.name)")
          return nil
        }
      }
      // Any object with a `write` method: one call per piece, as CPython makes them.
      if let target = file ?? rt.standardOutputObject(), target.type != rt.state.pointee.types.byName["_io.TextIOWrapper"] {
        guard rt.printPieces(a, separator: separator, end: end, to: target) else { return nil }
        if flush {
          guard let result = rt.callMethod(target, "flush") else { return nil }
          rt.decref(result)
        }
        return rt.newNone().raw
      }
      var text = ""
      for index in 0..<a.count {
        if index > 0 { text += separator.map(StrObject.string) ?? " " }
        guard let piece = rt.strString(a[index]) else { return nil }
        text += piece
      }
      text += end.map(StrObject.string) ?? "\n"
      guard rt.printText(text, to: file) else { return nil }
      if flush { rt.flushOutput() }
      return rt.newNone().raw
    },
    BuiltinFunction("input") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("input", atLeast: 0, atMost: 1) else { return nil }
      let rt = a.rt
      if a.count == 1 {
        guard let prompt = rt.strString(a[0]) else { return nil }
        rt.state.pointee.interpreter.standardOutput.write(prompt)
      }
      rt.flushOutput()
      guard let line = rt.readInputLine() else {
        rt.raise("EOFError", "EOF when reading a line")
        return nil
      }
      return rt.newStr(line)?.raw
    },
    BuiltinFunction("open") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard let bound = a.args.bind("open", ["file", "mode", "buffering", "encoding", "errors", "newline"], required: 1) else { return nil }
      let rt = a.rt
      guard rt.isInstance(bound[0]!, rt.state.pointee.types.str) else {
        rt.raise("TypeError", "expected str, bytes or os.PathLike object, not \(bound[0]!.type.name)")
        return nil
      }
      let mode = bound[1].map(StrObject.string) ?? "r"
      return rt.openFile(bound[0]!, modeText: mode)?.raw
    },
  ]
}

extension RuntimeRef {
  /// `sys.stdout`, borrowed (nil when unset or None).
  func standardOutputObject() -> PyRef? {
    guard let sys = state.pointee.interpreter.sysModule,
          let stdout = dictGetItem(ModuleType.dict(PyRef(sys)), named: "stdout"), stdout != state.pointee.none else { return nil }
    return stdout
  }

  /// `print` to a file object: `file.write(str(arg))` for each argument with
  /// `file.write(sep)` between them, then `file.write(end)` (CPython's `builtin_print`).
  func printPieces(_ a: ModuleArguments, separator: PyRef?, end: PyRef?, to file: PyRef) -> Bool {
    func write(_ piece: PyRef) -> Bool {
      guard let result = callMethod(file, "write", [piece]) else { return false }
      decref(result)
      return true
    }
    func write(literal: String) -> Bool {
      guard let text = newStr(literal) else { return false }
      defer { decref(text) }
      return write(text)
    }
    for index in 0..<a.count {
      if index > 0 {
        guard separator.map({ write($0) }) ?? write(literal: " ") else { return false }
      }
      guard let text = str(a[index]) else { return false }
      defer { decref(text) }
      guard write(text) else { return false }
    }
    return end.map { write($0) } ?? write(literal: "\n")
  }

  /// Writes `text` to `file`, or to `sys.stdout` when nil.
  func printText(_ text: String, to file: PyRef?) -> Bool {
    var target = file
    if target == nil, let sys = state.pointee.interpreter.sysModule {
      target = dictGetItem(ModuleType.dict(PyRef(sys)), named: "stdout")
    }
    guard let target else {
      state.pointee.interpreter.standardOutput.write(text)
      return true
    }
    if target.type == state.pointee.types.byName["_io.TextIOWrapper"] {
      guard checkOpen(target), let string = newStr(text) else { return false }
      defer { decref(string) }
      return writeText(target, string)
    }
    guard let string = newStr(text), let result = callMethod(target, "write", [string]) else { return false }
    decref(string)
    decref(result)
    return true
  }

  /// One line of standard input without its newline, or nil at the end.
  func readInputLine() -> String? {
    if let reader = state.pointee.interpreter.inputReader { return reader() }
    return Swift.readLine(strippingNewline: true)
  }
}
