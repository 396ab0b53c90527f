/// The `atexit` module: functions to call when the interpreter exits, last registered
/// first. The callbacks live in the runtime (``AtExitState``), not in the module object, so
/// they run at shutdown even if the module is gone from `sys.modules`.
/// CPython: Modules/atexitmodule.c.
extension RuntimeRef {
  func makeAtExitModule() -> PyRef? {
    newNativeModule("atexit", functions: AtExitFunctions.all)
  }

  /// Calls every registered function, newest first, then forgets them all. A failing
  /// callback is reported ("Exception ignored in atexit callback: …") and the rest still
  /// run. Callbacks registered meanwhile are not called. CPython: `atexit_callfuncs()`.
  public func runAtExitCallbacks() {
    let saved = fetchException()
    var index = state.pointee.atexit.callbacks.count - 1
    while index >= 0 {
      defer { index -= 1 }
      // An earlier callback may have unregistered (or cleared) this one.
      guard index < state.pointee.atexit.callbacks.count,
            let entry = state.pointee.atexit.callbacks[index] else { continue }
      entry.function.incref()
      entry.arguments.incref()
      entry.keywords?.incref()
      if let result = callWithArguments(entry.function, entry.arguments, entry.keywords) {
        decref(result)
      } else {
        writeUnraisable(message: "in atexit callback", object: entry.function)
      }
      decref(entry.function)
      decref(entry.arguments)
      decref(entry.keywords)
    }
    clearAtExitCallbacks()
    restoreException(saved)
  }

  /// `atexit._clear()`: forgets every callback.
  func clearAtExitCallbacks() {
    let callbacks = state.pointee.atexit.callbacks
    state.pointee.atexit.callbacks = []
    for entry in callbacks {
      guard let entry else { continue }
      decref(entry.function)
      decref(entry.arguments)
      decref(entry.keywords)
    }
  }

  /// `function(*arguments, **keywords)`: `arguments` a tuple, `keywords` a dict or nil.
  func callWithArguments(_ function: PyRef, _ arguments: PyRef, _ keywords: PyRef?) -> PyRef? {
    var values: [PyRef] = (0..<TupleObject.count(arguments)).map { TupleObject.item(arguments, $0)! }
    var names: [PyRef] = []
    if let keywords {
      for (key, value) in dictItems(keywords) {
        names.append(key)
        values.append(value)
      }
    }
    guard !names.isEmpty else { return call(function, values) }
    for name in names { name.incref() }
    guard let nameTuple = newTuple(names) else { return nil }
    defer { decref(nameTuple) }
    return call(function, values, keywordNames: nameTuple)
  }
}

/// The registered exit functions, oldest first. An unregistered one leaves a hole (nil),
/// as in CPython, so `_ncallbacks()` still counts it until the list is cleared.
/// CPython: `struct atexit_state`.
struct AtExitState {
  struct Entry {
    /// Owned references: the callable, its positional arguments (a tuple), its keyword
    /// arguments (a dict, or nil).
    var function: PyRef
    var arguments: PyRef
    var keywords: PyRef?
  }
  var callbacks: [Entry?] = []
}

enum AtExitFunctions {
  static let all: [BuiltinFunction] = [
    BuiltinFunction("register") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      let rt = a.rt
      guard a.count >= 1 else {
        rt.raise("TypeError", "register() takes at least 1 argument (0 given)")
        return nil
      }
      let function = a[0]
      let record = function.type.record
      guard record.pointee.vectorCall != nil || record.pointee.call != nil else {
        rt.raise("TypeError", "the first argument must be callable")
        return nil
      }
      var positional: [PyRef] = []
      for index in 1..<a.count {
        a[index].incref()
        positional.append(a[index])
      }
      guard let arguments = positional.isEmpty ? { rt.state.pointee.emptyTuple.incref(); return rt.state.pointee.emptyTuple }()
                                               : rt.newTuple(positional) else { return nil }
      var keywords: PyRef?
      if a.args.keywordCount > 0 {
        guard let dict = rt.newDict() else {
          rt.decref(arguments)
          return nil
        }
        for index in 0..<a.args.keywordCount {
          let (name, value) = a.args.keyword(index)
          guard rt.dictSetItem(dict, name, value) else {
            rt.decref(dict)
            rt.decref(arguments)
            return nil
          }
        }
        keywords = dict
      }
      function.incref()
      rt.state.pointee.atexit.callbacks.append(AtExitState.Entry(function: function, arguments: arguments, keywords: keywords))
      function.incref()
      return function.raw
    },
    BuiltinFunction("unregister") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      let rt = a.rt
      guard a.args.expect("atexit.unregister", exactly: 1) else { return nil }
      var index = 0
      while index < rt.state.pointee.atexit.callbacks.count {
        defer { index += 1 }
        guard let entry = rt.state.pointee.atexit.callbacks[index] else { continue }
        let equal = rt.richCompareBool(entry.function, a[0], .equal)
        if equal < 0 { return nil }
        // The comparison may have run code that changed the list.
        guard equal == 1, index < rt.state.pointee.atexit.callbacks.count,
              let current = rt.state.pointee.atexit.callbacks[index], current.function == entry.function else { continue }
        rt.state.pointee.atexit.callbacks[index] = nil
        rt.decref(current.function)
        rt.decref(current.arguments)
        rt.decref(current.keywords)
      }
      return rt.newNone().raw
    },
    BuiltinFunction("_run_exitfuncs") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("atexit._run_exitfuncs", exactly: 0) else { return nil }
      a.rt.runAtExitCallbacks()
      return a.rt.newNone().raw
    },
    BuiltinFunction("_clear") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("atexit._clear", exactly: 0) else { return nil }
      a.rt.clearAtExitCallbacks()
      return a.rt.newNone().raw
    },
    BuiltinFunction("_ncallbacks") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("atexit._ncallbacks", exactly: 0) else { return nil }
      return a.rt.newInt(a.rt.state.pointee.atexit.callbacks.count)?.raw
    },
  ]
}
