/// The `_weakref` module: the weak-reference types and the functions `weakref.py` is built
/// on. CPython: Modules/_weakref.c.
extension RuntimeRef {
  func makeWeakRefModule() -> PyRef? {
    guard let module = newNativeModule("_weakref", functions: WeakRefFunctions.all) else { return nil }
    let dict = ModuleType.dict(module)
    let types = state.pointee.types
    let entries: [(String, PyType)] = [
      ("ref", types.weakref), ("ReferenceType", types.weakref), ("ProxyType", types.weakProxy),
      ("CallableProxyType", types.weakCallableProxy),
    ]
    for (name, type) in entries where !setItem(dict, name, type.object) {
      decref(module)
      return nil
    }
    return module
  }
}

enum WeakRefFunctions {
  static let all: [BuiltinFunction] = [
    BuiltinFunction("getweakrefcount") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("_weakref.getweakrefcount", exactly: 1) else { return nil }
      return a.rt.newInt(a.rt.weakRefCount(a[0]))?.raw
    },
    BuiltinFunction("getweakrefs") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("_weakref.getweakrefs", exactly: 1) else { return nil }
      return a.rt.newList(from: a.rt.weakRefs(a[0]))?.raw
    },
    BuiltinFunction("proxy") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.noKeywords("_weakref.proxy") else { return nil }
      guard a.args.expect("proxy", atLeast: 1, atMost: 2) else { return nil }
      return a.rt.newProxy(a[0], callback: a.count == 2 ? a[1] : nil)?.raw
    },
    /// `_remove_dead_weakref(dict, key)`: deletes `dict[key]` if it is a dead weak
    /// reference (the callback of `WeakValueDictionary` entries).
    BuiltinFunction("_remove_dead_weakref") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      let rt = a.rt
      guard a.args.expect("_remove_dead_weakref", exactly: 2) else { return nil }
      guard rt.isInstance(a[0], rt.state.pointee.types.dict) else {
        rt.raise("TypeError", "_remove_dead_weakref() argument 1 must be dict, not \(a[0].type.name)")
        return nil
      }
      if let value = rt.dictGetItem(a[0], a[1]) {
        if WeakRefObject.isWeakReference(value), WeakRefObject.liveReferent(value) == nil {
          guard rt.dictDelItem(a[0], a[1]) else { return nil }
        }
      } else if rt.hasError {
        return nil
      }
      return rt.newNone().raw
    },
  ]
}
