import Testing
@testable import PyRuntime

/// The collector as the `gc` and `atexit` modules and interpreter exit use it: `gc.garbage`
/// and `gc.callbacks` are real lists, the final collection at exit ignores `gc.disable()`
/// and the callbacks, atexit callbacks run newest first (CPYTHON-MEMORY.md §5.3, §5.6).
@Suite struct GCModuleTests {
  /// `gc.garbage` is one list object the collector appends to: clearing it through the list
  /// releases the saved objects.
  @Test func garbageIsARealList() {
    let f = Fixture()
    let rt = f.rt
    rt.gcEnabled = false
    rt.collect()
    let garbage = rt.gcGarbageList
    #expect(garbage.type == rt.state.pointee.types.list && ListObject.count(garbage) == 0)
    rt.gcDebugFlags = .saveAll
    let a = rt.newList()!, b = rt.newList()!
    rt.listAppend(a, b); rt.listAppend(b, a)
    rt.decref(a); rt.decref(b)
    #expect(rt.collect() == 2)
    #expect(rt.gcGarbageList == garbage, "the same list object")
    #expect(ListObject.count(garbage) == 2 && rt.gcGarbage.count == 2)
    rt.gcDebugFlags = []
    rt.listClear(garbage)
    #expect(rt.collect() == 2, "released from gc.garbage, the cycle is garbage again")
    #expect(rt.gcGarbage.isEmpty)
  }

  /// Every entry of `gc.callbacks` gets `(phase, info)`; the Swift hooks run before them.
  @Test func pythonCallbacksGetPhaseAndInfo() {
    let f = Fixture()
    let rt = f.rt
    rt.gcEnabled = false
    rt.collect()
    let seen = EventLog()
    rt.addGCCallback { phase, _ in seen.events.append("hook \(phase.rawValue)") }
    let callback = rt.newBuiltinFunction("cb", recordCallback)!
    rt.listAppend(rt.gcCallbackList, callback)
    rt.decref(callback)
    let l = rt.newList()!
    rt.listAppend(l, l); rt.decref(l)
    #expect(rt.collect(generation: 1) == 1)
    #expect(seen.events == ["hook start", "hook stop"])
    #expect(f.events == ["start generation=1 collected=0 uncollectable=0",
                         "stop generation=1 collected=1 uncollectable=0"])
    rt.listClear(rt.gcCallbackList)
    rt.removeAllGCCallbacks()
  }

  /// The final collection at exit collects with the collector disabled and calls neither
  /// the hooks nor `gc.callbacks` (`_PyGC_CollectNoFail`).
  @Test func finalCollectionIgnoresDisableAndCallbacks() {
    let f = Fixture()
    let rt = f.rt
    rt.gcEnabled = false
    rt.collect()
    let seen = EventLog()
    rt.addGCCallback { phase, _ in seen.events.append(phase.rawValue) }
    let l = rt.newList()!
    rt.listAppend(l, l); rt.decref(l)
    #expect(rt.collectNoFail() == 1)
    #expect(seen.events.isEmpty)
    #expect(rt.gcStats[2].collections == 2 && rt.gcStats[2].collected == 1)
    rt.removeAllGCCallbacks()
  }

  /// atexit callbacks run newest first, once; an unregistered one leaves a hole that is
  /// skipped; the list is empty afterwards.
  @Test func atExitCallbacksRunNewestFirst() {
    let f = Fixture()
    let rt = f.rt
    for tag in 1...3 {
      let callback = f.loggingCallback(tag: tag)
      rt.state.pointee.atexit.callbacks.append(
        AtExitState.Entry(function: callback, arguments: { rt.state.pointee.emptyTuple.incref(); return rt.state.pointee.emptyTuple }(),
                          keywords: nil))
    }
    let second = rt.state.pointee.atexit.callbacks[1]!
    rt.state.pointee.atexit.callbacks[1] = nil
    rt.decref(second.function); rt.decref(second.arguments)
    rt.runAtExitCallbacks()
    #expect(f.events == ["callback 3", "callback 1"])
    #expect(rt.state.pointee.atexit.callbacks.isEmpty)
    rt.runAtExitCallbacks()
    #expect(f.events.count == 2)
  }
}

/// A `gc.callbacks` entry: logs "phase generation=… collected=… uncollectable=…".
let recordCallback: Slot.VectorCall = { _, argv, count, _, runtime in
  let rt = RuntimeRef(raw: runtime)
  guard count == 2 else { return nil }
  let phase = StrObject.string(PyRef(argv[0]!))
  let info = PyRef(argv[1]!)
  var text = phase
  for key in ["generation", "collected", "uncollectable"] {
    let value = rt.dictGetItem(info, named: key).map(IntObject.value) ?? -1
    text += " \(key)=\(value)"
  }
  Logs.shared.append(rt, text)
  return rt.newNone().raw
}
