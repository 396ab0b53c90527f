/// The `gc` module: the cycle collector (``RuntimeRef/collect(generation:)``) as Python sees
/// it. The functions live in `GCModule+Functions.swift`; this file makes the module and its
/// data attributes: the `DEBUG_*` flags, and `garbage` and `callbacks`, which are the very
/// list objects the collector appends to and calls (so `gc.garbage.clear()` releases the
/// saved objects and `gc.callbacks.append(f)` registers `f`).
/// CPython: Modules/gcmodule.c (`gcmodule_exec`, `gc_methods`).
extension RuntimeRef {
  func makeGCModule() -> PyRef? {
    guard let module = newNativeModule("gc", functions: GCFunctions.all) else { return nil }
    let dict = ModuleType.dict(module)
    guard let doc = newStr(GCFunctions.documentation) else {
      decref(module)
      return nil
    }
    defer { decref(doc) }
    var ok = setItem(dict, "__doc__", doc)
      && setItem(dict, "garbage", gcGarbageList)
      && setItem(dict, "callbacks", gcCallbackList)
    let flags: [(String, GCDebugFlags)] = [
      ("DEBUG_STATS", .stats), ("DEBUG_COLLECTABLE", .collectable), ("DEBUG_UNCOLLECTABLE", .uncollectable),
      ("DEBUG_SAVEALL", .saveAll), ("DEBUG_LEAK", .leak),
    ]
    for (name, flag) in flags where ok { ok = setInt(dict, name, flag.rawValue) }
    guard ok else {
      decref(module)
      return nil
    }
    return module
  }
}
