import PyCompiler

extension BuiltinFunctions {
  static let core: [BuiltinFunction] = [
    BuiltinFunction("len") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("len", exactly: 1) else { return nil }
      let n = a.rt.length(a[0])
      return n < 0 ? nil : a.rt.newInt(n)?.raw
    },
    BuiltinFunction("repr") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("repr", exactly: 1) else { return nil }
      return a.rt.repr(a[0])?.raw
    },
    BuiltinFunction("ascii") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("ascii", exactly: 1), let text = a.rt.reprString(a[0]) else { return nil }
      var escaped = ""
      for scalar in text.unicodeScalars {
        switch scalar.value {
        case 0..<0x80: escaped.unicodeScalars.append(scalar)
        case 0x80..<0x100: escaped += "\\x" + hexDigits(Int(scalar.value), 2)
        case 0x100..<0x10000: escaped += "\\u" + hexDigits(Int(scalar.value), 4)
        default: escaped += "\\U" + hexDigits(Int(scalar.value), 8)
        }
      }
      return a.rt.newStr(escaped)?.raw
    },
    BuiltinFunction("id") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("id", exactly: 1) else { return nil }
      return a.rt.newInt(UInt(bitPattern: a[0].raw))?.raw
    },
    BuiltinFunction("hash") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("hash", exactly: 1) else { return nil }
      let value = a.rt.hash(a[0])
      return value == -1 && a.rt.hasError ? nil : a.rt.newInt(value)?.raw
    },
    BuiltinFunction("callable") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("callable", exactly: 1) else { return nil }
      let record = a[0].type.record.pointee
      return a.rt.newBool(record.vectorCall != nil || record.call != nil).raw
    },
    BuiltinFunction("chr") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("chr", exactly: 1) else { return nil }
      guard a.rt.isInstance(a[0], a.rt.state.pointee.types.int) else {
        a.rt.raise("TypeError", "'\(a[0].type.name)' object cannot be interpreted as an integer")
        return nil
      }
      guard let value = IntObject.exactValue(a[0]), value >= 0, value <= 0x10FFFF else {
        if IntObject.exactValue(a[0]) == nil {
          a.rt.raise("OverflowError", "Python int too large to convert to C int")
        } else {
          a.rt.raise("ValueError", "chr() arg not in range(0x110000)")
        }
        return nil
      }
      return a.rt.newCharacter(UInt32(value))?.raw
    },
    BuiltinFunction("ord") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("ord", exactly: 1) else { return nil }
      let value = a[0]
      if a.rt.isInstance(value, a.rt.state.pointee.types.str) {
        guard StrObject.length(value) == 1 else {
          a.rt.raise("TypeError", "ord() expected a character, but string of length \(StrObject.length(value)) found")
          return nil
        }
        return a.rt.newInt(Int(StrObject.codePoint(value, 0)))?.raw
      }
      if a.rt.isInstance(value, a.rt.state.pointee.types.bytes) {
        guard BytesObject.count(value) == 1 else {
          a.rt.raise("TypeError", "ord() expected a character, but string of length \(BytesObject.count(value)) found")
          return nil
        }
        return a.rt.newInt(Int(BytesObject.data(value)[0]))?.raw
      }
      a.rt.raise("TypeError", "ord() expected string of length 1, but \(value.type.name) found")
      return nil
    },
    BuiltinFunction("format") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("format", atLeast: 1, atMost: 2) else { return nil }
      let spec = a.count > 1 ? a[1] : a.rt.emptyString()
      defer { if a.count == 1 { a.rt.decref(spec) } }
      return a.rt.formatValue(a[0], conversion: 0, spec: spec)?.raw
    },
    BuiltinFunction("__build_class__") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      return a.rt.buildClass(a.args)?.raw
    },
    BuiltinFunction("__import__") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard let bound = a.args.bind("__import__", ["name", "globals", "locals", "fromlist", "level"], required: 1) else { return nil }
      let rt = a.rt
      guard rt.isInstance(bound[0]!, rt.state.pointee.types.str) else {
        rt.raise("TypeError", "__import__() argument 1 must be str, not \(bound[0]!.type.name)")
        return nil
      }
      let globals = bound[1].flatMap { $0.type.record.pointee.kind == .dict ? $0 : nil } ?? rt.newDict()!
      let level = bound[4] ?? rt.newInt(0)!
      return rt.importName(bound[0]!, globals: globals, fromList: bound[3] ?? rt.state.pointee.none, level: level)?.raw
    },
    BuiltinFunction("globals") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("globals", exactly: 0), let frame = a.rt.state.pointee.interpreter.currentFrame else { return nil }
      frame.pointee.globals.incref()
      return frame.pointee.globals.raw
    },
    BuiltinFunction("locals") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("locals", exactly: 0), let frame = a.rt.state.pointee.interpreter.currentFrame else { return nil }
      return a.rt.frameLocals(frame)?.raw
    },
    BuiltinFunction("exec") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("exec", atLeast: 1, atMost: 3) else { return nil }
      return a.rt.execOrEval(a, mode: "exec")?.raw
    },
    BuiltinFunction("eval") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("eval", atLeast: 1, atMost: 3) else { return nil }
      return a.rt.execOrEval(a, mode: "eval")?.raw
    },
  ]

  static func hexDigits(_ value: Int, _ width: Int) -> String {
    let text = String(value, radix: 16)
    return String(repeating: "0", count: max(0, width - text.count)) + text
  }
}

extension RuntimeRef {
  /// `locals()` in a function: a new dict of the bound local variables (and free variables).
  func frameLocals(_ frame: UnsafeMutablePointer<Frame>) -> PyRef? {
    if let locals = frame.pointee.locals {
      locals.incref()
      return locals
    }
    return localsDict(code: frame.pointee.code, values: frame.localsPlus)
  }

  /// `exec(source, globals, locals)` / `eval(source, globals, locals)` on a str.
  func execOrEval(_ a: ModuleArguments, mode: String) -> PyRef? {
    let source = a[0]
    guard let frame = state.pointee.interpreter.currentFrame else { return nil }
    let globals = a.count > 1 && a[1] != state.pointee.none ? a[1] : frame.pointee.globals
    var locals: PyRef? = a.count > 2 && a[2] != state.pointee.none ? a[2] : (a.count > 1 ? globals : frame.pointee.locals ?? frame.pointee.globals)
    let code: PyRef
    if source.type == state.pointee.types.code {
      source.incref()
      code = source
    } else {
      guard isInstance(source, state.pointee.types.str) else {
        raise("TypeError", "\(mode)() arg 1 must be a string, bytes or code object")
        return nil
      }
      var text = StrObject.string(source)
      if mode == "eval" {
        text = "__pyheap_eval_result__ = (" + text.trimmingSpaces() + "\n)"
        locals = locals ?? globals
      }
      guard let compiled = compileSource(Array(text.utf8), filename: "<string>") else { return nil }
      code = compiled
    }
    defer { decref(code) }
    if let key = internedString("__builtins__"), dictGetItem(globals, key) == nil {
      dictSetItem(globals, key, PyRef(state.pointee.interpreter.builtinsModule!))
      decref(key)
    }
    guard let result = runModuleCode(code, globals: globals, locals: locals) else { return nil }
    decref(result)
    if mode == "eval", let locals, let key = internedString("__pyheap_eval_result__") {
      defer { decref(key) }
      let value = mappingGet(locals, key) ?? newNone()
      _ = setItem(locals, key, nil)
      return value
    }
    return newNone()
  }
}

extension String {
  func trimmingSpaces() -> String {
    var text = Substring(self)
    while let first = text.first, first == " " || first == "\t" || first == "\n" { text = text.dropFirst() }
    while let last = text.last, last == " " || last == "\t" || last == "\n" { text = text.dropLast() }
    return String(text)
  }
}
