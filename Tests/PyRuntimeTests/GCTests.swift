import Testing
@testable import PyRuntime

/// The cycle collector against CPython 3.11's measured behaviour (CPYTHON-MEMORY.md §5, T10–T16,
/// T21–T27). Every test disables automatic collection first, as the conformance programs do.
@Suite struct GCTests {
  /// T12: two instances in a cycle collect as 2 (inline values, no dict objects); a list
  /// holding itself as 1; a second collection finds nothing.
  @Test func cyclesCollectWithCPythonsCounts() {
    let f = Fixture()
    let rt = f.rt
    rt.gcEnabled = false
    rt.collect()
    let A = rt.newClass(name: "A", attributeCount: 1)
    let a = rt.newInstance(A)!, b = rt.newInstance(A)!
    rt.setAttribute(a, 0, b); rt.setAttribute(b, 0, a)
    rt.decref(a); rt.decref(b)
    #expect(rt.collect() == 2)
    let l = rt.newList()!
    rt.listAppend(l, l); rt.decref(l)
    #expect(rt.collect() == 1)
    #expect(rt.collect() == 0)
    #expect(rt.verifyObjects().isEmpty)
  }

  /// T13: a three-member cycle with finalizers finalizes all three in list order, returns 3,
  /// and `gc.garbage` stays empty.
  @Test func finalizersInACycleRunInListOrder() {
    let f = Fixture()
    let rt = f.rt
    rt.gcEnabled = false
    let D = f.loggingClass("D")
    let a = f.instance(D, tag: 1), b = f.instance(D, tag: 2), c = f.instance(D, tag: 3)
    rt.setAttribute(a, 1, b); rt.setAttribute(b, 1, c); rt.setAttribute(c, 1, a)
    for o in [a, b, c] { rt.decref(o) }
    #expect(rt.collect() == 3)
    #expect(f.events == ["del 1", "del 2", "del 3"])
    #expect(rt.gcGarbage.isEmpty)
  }

  /// T14: a finalizer that resurrects: collect returns 0, the object is finalized once, and
  /// once released again it is collected without a second finalizer call.
  @Test func resurrectedObjectIsFinalizedOnce() {
    let f = Fixture()
    let rt = f.rt
    rt.gcEnabled = false
    let saved = rt.newList()!
    let counter = rt.newList()!
    let R = rt.newClass(name: "R", attributeCount: 1,
                        finalizer: .del(rt.newFunction(resurrectIntoContext, context: saved)!))
    let r = rt.newInstance(R)!
    rt.setAttribute(r, 0, r)
    rt.decref(r)
    #expect(rt.collect() == 0)
    #expect(ListObject.count(saved) == 1)
    #expect(rt.isFinalized(ListObject.item(saved, 0)))
    rt.listClear(saved)
    #expect(rt.collect() == 1)
    #expect(ListObject.count(saved) == 0, "no second __del__")
    rt.decref(saved); rt.decref(counter)
  }

  /// T15: on the GC path weak-reference callbacks run before finalizers.
  @Test func weakRefCallbacksRunBeforeFinalizersOnTheGCPath() {
    let f = Fixture()
    let rt = f.rt
    rt.gcEnabled = false
    let K = f.loggingClass("K")
    let k = f.instance(K, tag: 1)
    rt.setAttribute(k, 1, k)
    let callback = f.loggingCallback(tag: 9)
    let ref = rt.newWeakRef(k, callback: callback)!
    rt.decref(callback); rt.decref(k)
    #expect(rt.collect() == 1)
    #expect(f.events == ["callback 9", "del 1"])
    rt.decref(ref)
  }

  /// T16: a weak reference that is itself part of the trash never calls back; one from
  /// outside does. collect counts the instance, the inner weakref and its callback: 3.
  @Test func weakRefInsideTheTrashNeverFires() {
    let f = Fixture()
    let rt = f.rt
    rt.gcEnabled = false
    let W = rt.newClass(name: "W", attributeCount: 2)
    let w = rt.newInstance(W)!
    rt.setAttribute(w, 0, w)
    let inner = f.loggingCallback(tag: 1), outer = f.loggingCallback(tag: 2)
    let innerRef = rt.newWeakRef(w, callback: inner)!
    rt.setAttribute(w, 1, innerRef)
    rt.decref(innerRef); rt.decref(inner)
    let outerRef = rt.newWeakRef(w, callback: outer)!
    rt.decref(outer); rt.decref(w)
    #expect(rt.collect() == 3)
    #expect(f.events == ["callback 2"])
    let dead = rt.weakRefGet(outerRef)
    #expect(dead == rt.state.pointee.none)
    rt.decref(dead); rt.decref(outerRef)
  }

  /// Legacy `tp_del`: two such objects holding a list are uncollectable: collect returns 3,
  /// `gc.garbage` gets the two, the uncollectable statistic grows by 3.
  @Test func legacyFinalizersMakeCyclesUncollectable() {
    let f = Fixture()
    let rt = f.rt
    rt.gcEnabled = false
    let L = f.loggingClass("L", legacy: true)
    let x = f.instance(L, tag: 1), y = f.instance(L, tag: 2)
    let list = rt.newList()!
    rt.listAppend(list, x); rt.listAppend(list, y)
    rt.setAttribute(x, 1, list); rt.setAttribute(y, 1, list)
    for o in [x, y, list] { rt.decref(o) }
    #expect(rt.collect() == 3)
    #expect(rt.gcGarbage.count == 2)
    #expect(rt.gcGarbage.allSatisfy { $0.type == L })
    #expect(rt.gcStats[2].uncollectable == 3)
    #expect(f.events.isEmpty, "tp_del never runs in a collection")
    #expect(rt.collect() == 0, "garbage keeps them alive")
    rt.clearGCGarbage()
  }

  /// T10: tuples of atoms are untracked by the first collection that sees them.
  @Test func tuplesAreUntrackedLazily() {
    let f = Fixture()
    let rt = f.rt
    rt.gcEnabled = false
    let t = rt.newTuple([rt.newInt(1)!, rt.newInt(1000)!])!
    #expect(rt.isTracked(t))
    rt.collect()
    #expect(!rt.isTracked(t))
    let u = rt.newTuple([rt.newInt(1)!, rt.newList()!])!
    rt.collect()
    #expect(rt.isTracked(u))
    // The inner tuple is held from outside too, as CPython's `(2, 3)` is by the code
    // object's constants; otherwise the scan would meet it after `v` (it is moved back to
    // the end of the list when `v` reaches it) and a second collection would be needed.
    let inner = rt.newTuple([rt.newInt(2)!, rt.newInt(3)!])!
    inner.incref()
    defer { rt.decref(inner) }
    let v = rt.newTuple([rt.newInt(1)!, inner])!
    #expect(rt.isTracked(v))
    rt.collect()
    #expect(!rt.isTracked(v))
    for o in [t, u, v] { rt.decref(o) }
  }

  /// T11: a dict is tracked once it holds a container, and untracked only by a full
  /// collection.
  @Test func dictTrackingFollowsCPython() {
    let f = Fixture()
    let rt = f.rt
    rt.gcEnabled = false
    let d = rt.newDict()!
    let key = rt.newInt(0)!
    #expect(!rt.isTracked(d))
    let list = rt.newList()!
    rt.dictSetItem(d, key, list); rt.decref(list)
    #expect(rt.isTracked(d))
    let one = rt.newInt(1)!
    rt.dictSetItem(d, key, one)
    #expect(rt.isTracked(d))
    rt.collect(generation: 0)
    #expect(rt.isTracked(d))
    rt.collect()
    #expect(!rt.isTracked(d))
    for o in [d, key, one] { rt.decref(o) }
  }

  /// T21: callbacks see start and stop with the info values.
  @Test func callbacksSeeStartAndStop() {
    let f = Fixture()
    let rt = f.rt
    rt.gcEnabled = false
    rt.collect()
    let seen = EventLog()
    rt.addGCCallback { phase, info in
      seen.events.append("\(phase.rawValue) \(info.generation) \(info.collected) \(info.uncollectable)")
    }
    let A = rt.newClass(name: "A", attributeCount: 1)
    let a = rt.newInstance(A)!
    rt.setAttribute(a, 0, a); rt.decref(a)
    #expect(rt.collect() == 1)
    #expect(rt.collect(generation: 1) == 0)
    #expect(seen.events == ["start 2 0 0", "stop 2 1 0", "start 1 0 0", "stop 1 0 0"])
    rt.removeAllGCCallbacks()
  }

  /// T23: a survivor moves up one generation per collection; freeze and unfreeze.
  @Test func survivorsMoveUpAndFreezeHidesThem() {
    let f = Fixture()
    let rt = f.rt
    rt.gcEnabled = false
    rt.collect()
    let M = rt.newClass(name: "M", attributeCount: 1)
    let x = rt.newInstance(M)!
    rt.setAttribute(x, 0, x)
    func generation() -> [Int] { (0..<3).filter { g in rt.gcObjects(generation: g).contains(x) } }
    #expect(generation() == [0])
    rt.collect(generation: 0)
    #expect(generation() == [1])
    rt.collect(generation: 1)
    #expect(generation() == [2])
    rt.gcFreeze()
    #expect(generation() == [] && rt.gcFreezeCount > 0)
    rt.gcUnfreeze()
    #expect(generation() == [2] && rt.gcFreezeCount == 0)
    rt.setAttribute(x, 0, nil); rt.decref(x)
  }

  /// T24: frozen garbage survives until unfreeze.
  @Test func frozenGarbageWaitsForUnfreeze() {
    let f = Fixture()
    let rt = f.rt
    rt.gcEnabled = false
    rt.collect()
    let A = rt.newClass(name: "A", attributeCount: 1)
    let a = rt.newInstance(A)!
    rt.setAttribute(a, 0, a); rt.decref(a)
    rt.gcFreeze()
    #expect(rt.collect() == 0)
    rt.gcUnfreeze()
    #expect(rt.collect() == 1)
  }

  /// T25: DEBUG_SAVEALL keeps the garbage in `gc.garbage` instead of clearing it.
  @Test func saveAllKeepsGarbage() {
    let f = Fixture()
    let rt = f.rt
    rt.gcEnabled = false
    rt.gcDebugFlags = .saveAll
    let A = rt.newClass(name: "A", attributeCount: 1)
    let a = rt.newInstance(A)!
    rt.setAttribute(a, 0, a); rt.decref(a)
    #expect(rt.collect() == 1)
    #expect(rt.gcGarbage.map { $0.type.name } == ["A"])
    rt.gcDebugFlags = []
    rt.clearGCGarbage()
    #expect(rt.collect() == 1, "released from gc.garbage, it is plain garbage again")
  }

  /// T26: count[0] goes up by one per GC allocation and down by one per GC free.
  @Test func countFollowsAllocationsAndFrees() {
    let f = Fixture()
    let rt = f.rt
    rt.gcEnabled = false
    rt.collect()
    let keep = rt.newList()!
    let c0 = rt.gcCount.0
    for _ in 0..<100 { let l = rt.newList()!; rt.listAppend(keep, l); rt.decref(l) }
    #expect(rt.gcCount.0 - c0 == 100)
    rt.listClear(keep)
    // The first 80 freed lists are parked on the free list and keep their count, as in
    // CPython; the other 20 give it back.
    #expect(rt.gcCount.0 - c0 == 80)
    rt.clearFreeLists()
    #expect(rt.gcCount.0 - c0 == 0, "emptying the free list gives the rest back")
    for _ in 0..<100 { let i = rt.newInt(1 << 40)!; rt.listAppend(keep, i); rt.decref(i) }
    #expect(rt.gcCount.0 - c0 == 0, "atoms are not GC objects")
    rt.decref(keep)
  }

  /// T27: with thresholds (700, 10, 10) the first twelve automatic collections are eleven
  /// young ones then one of generation 1, and 700·121 + 5000 allocations make 117, 10, 0.
  @Test func automaticCollectionCadence() {
    let f = Fixture()
    let rt = f.rt
    rt.collect()
    let starts = EventLog()
    rt.addGCCallback { phase, info in if phase == .start { starts.events.append(String(info.generation)) } }
    let keep = rt.newList()!
    for _ in 0..<(700 * 11 * 11 + 5000) {
      let l = rt.newList()!
      rt.listAppend(keep, l)
      rt.decref(l)
      rt.collectIfNeeded()
    }
    rt.removeAllGCCallbacks()
    #expect(Array(starts.events.prefix(12)) == Array(repeating: "0", count: 11) + ["1"])
    #expect(starts.events.filter { $0 == "0" }.count == 117)
    #expect(starts.events.filter { $0 == "1" }.count == 10)
    #expect(starts.events.filter { $0 == "2" }.count == 0)
    rt.gcEnabled = false
    rt.decref(keep)
  }

  /// A collection started while one runs (from a finalizer) returns 0.
  @Test func reentrantCollectReturnsZero() {
    let f = Fixture()
    let rt = f.rt
    rt.gcEnabled = false
    let log = rt.newList()!
    let C = rt.newClass(name: "C", attributeCount: 1, finalizer: .del(rt.newFunction(collectFromFinalizer, context: log)!))
    let c = rt.newInstance(C)!
    rt.setAttribute(c, 0, c); rt.decref(c)
    #expect(rt.collect() == 1)
    #expect(ListObject.count(log) == 1)
    #expect(IntObject.value(ListObject.item(log, 0)) == 0)
    rt.decref(log)
  }

  /// `get_referents` reports what traverse visits (a list last to first); `get_referrers`
  /// finds tracked holders.
  @Test func referentsAndReferrers() {
    let f = Fixture()
    let rt = f.rt
    rt.gcEnabled = false
    let a = rt.newList()!, b = rt.newList()!, holder = rt.newList()!
    rt.listAppend(holder, a); rt.listAppend(holder, b)
    #expect(rt.gcReferents([holder]) == [b, a])
    #expect(rt.gcReferents([rt.newInt(5)!]).isEmpty)
    #expect(rt.gcReferrers([a]) == [holder])
    for o in [a, b, holder] { rt.decref(o) }
  }

  /// DEBUG_STATS and DEBUG_COLLECTABLE print CPython's lines.
  @Test func debugOutputFormats() {
    let f = Fixture()
    let rt = f.rt
    rt.gcEnabled = false
    rt.collect()
    let output = EventLog()
    rt.state.pointee.debugOutput = { output.events.append($0) }
    rt.gcDebugFlags = [.stats, .collectable]
    let A = rt.newClass(name: "A", attributeCount: 1)
    let a = rt.newInstance(A)!
    rt.setAttribute(a, 0, a); rt.decref(a)
    rt.collect()
    let text = output.events.joined()
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines[0] == "gc: collecting generation 2...")
    #expect(lines[1].hasPrefix("gc: objects in each generation: 1 0 "))
    #expect(lines[2] == "gc: objects in permanent generation: 0")
    #expect(lines[3].hasPrefix("gc: collectable <A 0x"))
    #expect(lines[4].hasPrefix("gc: done, 1 unreachable, 0 uncollectable, ") && lines[4].hasSuffix("s elapsed"))
    rt.gcDebugFlags = []
  }

  /// The collector's statistics accumulate per generation.
  @Test func statisticsAccumulate() {
    let f = Fixture()
    let rt = f.rt
    rt.gcEnabled = false
    let before = rt.gcStats
    let l = rt.newList()!
    rt.listAppend(l, l); rt.decref(l)
    rt.collect(generation: 0)
    #expect(rt.gcStats[0].collections == before[0].collections + 1)
    #expect(rt.gcStats[0].collected == before[0].collected + 1)
  }
}

/// `__del__` that calls `gc.collect()` and appends its result to the context list.
let collectFromFinalizer: FunctionObject.Body = { context, _, runtime in
  let rt = RuntimeRef(raw: runtime)
  let result = rt.newInt(rt.collect())!
  rt.listAppend(PyRef(context!), result)
  rt.decref(result)
  return rt.newNone().raw
}
