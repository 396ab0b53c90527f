import PyMemory

/// One collection of generation `g`, CPython 3.11's algorithm, phase by phase.
///
/// ```
///  merge younger generations into g ("young")
///  update_refs → subtract_refs → move_unreachable        young = reachable, unreachable = trash
///  untrack tuples; survivors move to g + 1 ("old")           (full: untrack dicts instead)
///  legacy finalizers: tp_del objects and all they reach    → finalizers (uncollectable)
///  weak references to trash: cleared; callbacks of live ones run
///  finalize (PEP 442, once per object)
///  resurrection check: rerun the deduction on the trash   resurrected → old
///  clear: tp_clear on what is still trash                 refcounts fall, objects are freed
///  uncollectables → gc.garbage, merged into old
/// ```
///
/// The phases give CPython's results in CPython's order, but the walks are fewer: tuple
/// untracking rides on move_unreachable's scan, which reads no referents until it meets a
/// count of 0; a full collection with nothing frozen folds update_refs into subtract_refs,
/// and so does a young one (``RuntimeRef/deduceUnreachable(_:into:_:)``), so a collection
/// reads its generation twice, not five times. Before that, a full collection with nothing
/// frozen tries to prove in one walk that the deduction would find nothing and move nothing
/// (``RuntimeRef/markAliveFromRoots(_:)``), and skips it when it can.
///
/// Returns the number CPython's `gc.collect()` returns: objects in the final trash, plus
/// objects freed by weak-reference callbacks, plus uncollectables.
/// CPython: Modules/gcmodule.c, `gc_collect_main()`.
extension RuntimeRef {
  /// `gc.collect(generation)`. A collection already running makes this return 0.
  /// - Precondition: `generation` is 0, 1 or 2 (the gc module raises `ValueError` first).
  @discardableResult
  public func collect(generation: Int = 2) -> Int {
    precondition((0...2).contains(generation), "collect: invalid generation \(generation)")
    guard !state.pointee.gc.collecting else { return 0 }
    state.pointee.gc.collecting = true
    invokeCallbacks(.start, GCCallbackInfo(generation: generation, collected: 0, uncollectable: 0))
    let (collected, uncollectable) = collectMain(generation)
    invokeCallbacks(.stop, GCCallbackInfo(generation: generation, collected: collected, uncollectable: uncollectable))
    state.pointee.gc.collecting = false
    return collected + uncollectable
  }

  /// The final collection at shutdown: a full collection that runs even when automatic
  /// collection is disabled and calls no `gc.callbacks`. CPython: `_PyGC_CollectNoFail()`.
  @discardableResult
  public func collectNoFail() -> Int {
    guard !state.pointee.gc.collecting else { return 0 }
    state.pointee.gc.collecting = true
    let (collected, uncollectable) = collectMain(GCState.generationCount - 1)
    state.pointee.gc.collecting = false
    return collected + uncollectable
  }

  /// The safe point: collects the oldest generation whose count passed its threshold, if
  /// automatic collection is on. The runtime calls this between operations, never inside
  /// an allocation.
  /// CPython: `_PyObject_GC_Link()` and `gc_collect_generations()`.
  @inlinable
  public func collectIfNeeded() {
    // Two loads, no copy of GCState (whose arrays a copy would retain).
    guard _slowPath(state.pointee.gc.count.0 > state.pointee.gc.safePointTrigger) else { return }
    collectGenerations()
  }

  /// ``collectIfNeeded()`` for the dispatch loop, which has saved the running frame's
  /// registers: the mark-alive pass may then use that frame's slots as roots.
  @inline(__always)
  func collectIfNeededAtSafePoint() {
    guard _slowPath(state.pointee.gc.count.0 > state.pointee.gc.safePointTrigger) else { return }
    state.pointee.gc.markAlive.runningFrameIsSaved = true
    collectGenerations()
    state.pointee.gc.markAlive.runningFrameIsSaved = false
  }

  @usableFromInline @inline(never)
  func collectGenerations() {
    guard state.pointee.gc.enabled, state.pointee.gc.threshold.0 != 0, !state.pointee.gc.collecting, !hasError else { return }
    for generation in stride(from: 2, through: 0, by: -1) where state.pointee.gc.count(generation) > state.pointee.gc.threshold(generation) {
      // The long-lived rule (issue #4074): a full collection waits until the survivors of
      // younger collections since the last one pass a quarter of the long-lived objects.
      if generation == 2 && state.pointee.gc.longLivedPending < state.pointee.gc.longLivedTotal / 4 { continue }
      collect(generation: generation)
      return
    }
    if state.pointee.gc.stressEverySafePoint { collect(generation: 0) }
  }

  private func collectMain(_ generation: Int) -> (collected: Int, uncollectable: Int) {
    let start = MonotonicClock.nanoseconds()
    let flags = state.pointee.gc.debugFlags
    if flags.contains(.stats) { printGenerationStats(generation) }

    // Counts: the next generation gains a collection; this one and younger start over.
    if generation + 1 < GCState.generationCount {
      state.pointee.gc.setCount(generation + 1, state.pointee.gc.count(generation + 1) + 1)
    }
    let allocations = state.pointee.gc.count(0)
    for younger in 0...generation { state.pointee.gc.setCount(younger, 0) }

    let gc = state.pointee.gc
    for younger in 0..<generation { gc.generation(generation).merge(gc.generation(younger)) }
    let young = gc.generation(generation)
    let old = generation + 1 < GCState.generationCount ? gc.generation(generation + 1) : young

    let work = GCWorkLists()
    defer { work.release() }
    // A full collection with nothing frozen has every tracked object in `young`.
    let isFull = young.head == old.head
    let wholeHeap = isFull && gc.generation(GCState.permanentGeneration).isEmpty
    var reachable: Survivors
    if wholeHeap, let proven = markAliveFromRoots(young) {
      reachable = proven
    } else {
      reachable = deduceUnreachable(young, into: work.unreachable,
                                    DeductionMode(wholeHeap: wholeHeap, youngGeneration: generation < 2,
                                                  untracksTuples: true, gathersDicts: isFull))
      // update_refs cleared every object's mark-alive epoch.
      if wholeHeap { state.pointee.gc.markAlive.marksAreClear = true }
    }
    defer { reachable.dicts.release() }
    // The count comes from moveUnreachable (which untracked the tuples), less the dicts
    // untracked below: no gc_list_size walk.
    var survivors = reachable.count
    if !isFull {
      if generation == 1 { state.pointee.gc.longLivedPending += survivors }
      old.merge(young)
    } else {
      survivors -= untrackDicts(reachable.dicts)
      state.pointee.gc.longLivedPending = 0
      state.pointee.gc.longLivedTotal = survivors
    }

    let trash = moveLegacyFinalizers(work.unreachable, to: work.finalizers)
    moveLegacyFinalizerReachable(work.finalizers)
    validate(work.finalizers, collecting: false, unreachable: false)
    validate(work.unreachable, collecting: true, unreachable: false)
    if flags.contains(.collectable) { work.unreachable.forEach { debugCycle("collectable", $0.object) } }

    var collected: Int
    if trash.isInert {
      // No code runs before the clearing, so nothing can change the deduction: what
      // handleWeakRefs, finalizeGarbage and handleResurrectedObjects would do is nothing.
      collected = trash.count
      deleteGarbage(work.unreachable, old: old)
    } else {
      collected = handleWeakRefs(work.unreachable, old: old)
      validate(old, collecting: false, unreachable: false)
      finalizeGarbage(work.unreachable, scratch: work.scratch)
      handleResurrectedObjects(work.unreachable, stillUnreachable: work.stillUnreachable, old: old)
      collected += work.stillUnreachable.count
      deleteGarbage(work.stillUnreachable, old: old)
    }

    var uncollectable = 0
    work.finalizers.forEach { header in
      uncollectable += 1
      if flags.contains(.uncollectable) { debugCycle("uncollectable", header.object) }
    }
    if flags.contains(.stats) {
      let seconds = Double(MonotonicClock.nanoseconds() - start) / 1e9
      state.pointee.debugOutput("gc: done, \(collected + uncollectable) unreachable, \(uncollectable) uncollectable, \(formatSeconds(seconds))s elapsed\n")
    }
    handleLegacyFinalizers(work.finalizers, old: old)
    validate(old, collecting: false, unreachable: false)

    state.pointee.gc.stats[generation].collections += 1
    state.pointee.gc.stats[generation].collected += collected
    state.pointee.gc.stats[generation].uncollectable += uncollectable
    // Like CPython, a full collection empties the free lists (`_PyGC_ClearAllFreeLists`).
    if generation == 2 { clearFreeLists() }
    if state.pointee.gc.verifyAfterCollection { verifyHeapOrStop(after: generation, allocations: allocations) }
    state.pointee.gc.lastPauseNanoseconds = MonotonicClock.nanoseconds() - start
    state.pointee.gc.recordPause(generation)
    return (collected, uncollectable)
  }

  /// Calls the Swift hooks, then each entry of `gc.callbacks` with `(phase, info)`; every
  /// Python callback of one phase gets the same `info` dict. A failing callback is reported
  /// as unraisable and the next one runs. CPython: `invoke_gc_callback()`.
  private func invokeCallbacks(_ phase: GCCallbackPhase, _ info: GCCallbackInfo) {
    for hook in state.pointee.gc.hooks { hook(phase, info) }
    let callbacks = gcCallbackList
    guard ListObject.count(callbacks) > 0 else { return }
    let saved = fetchException()
    defer { restoreException(saved) }
    guard let infoDict = newGCCallbackInfo(info) else {
      writeUnraisable(context: "gc callbacks")
      return
    }
    defer { decref(infoDict) }
    guard let phaseName = newStr(phase.rawValue) else {
      writeUnraisable(context: "gc callbacks")
      return
    }
    defer { decref(phaseName) }
    var index = 0
    // The list may change while the callbacks run: re-read its length each time.
    while index < ListObject.count(callbacks) {
      let callback = ListObject.item(callbacks, index)
      callback.incref()
      if let result = call(callback, [phaseName, infoDict]) {
        decref(result)
      } else {
        writeUnraisable(object: callback)
      }
      decref(callback)
      index += 1
    }
  }

  /// `{'generation': g, 'collected': m, 'uncollectable': n}`.
  private func newGCCallbackInfo(_ info: GCCallbackInfo) -> PyRef? {
    guard let dict = newDict() else { return nil }
    for (key, value) in [("generation", info.generation), ("collected", info.collected),
                         ("uncollectable", info.uncollectable)] {
      guard setInt(dict, key, value) else {
        decref(dict)
        return nil
      }
    }
    return dict
  }

  private func printGenerationStats(_ generation: Int) {
    let gc = state.pointee.gc
    let counts = (0..<GCState.generationCount).map { String(gc.generation($0).count) }
    state.pointee.debugOutput("gc: collecting generation \(generation)...\n"
      + "gc: objects in each generation: \(counts.joined(separator: " "))\n"
      + "gc: objects in permanent generation: \(gc.generation(GCState.permanentGeneration).count)\n")
  }

  /// "gc: collectable <A 0x…>". CPython: `debug_cycle()`.
  private func debugCycle(_ message: String, _ object: PyRef) {
    state.pointee.debugOutput("gc: \(message) <\(object.type.name) 0x\(String(UInt(bitPattern: object.raw), radix: 16))>\n")
  }
}

/// `%.4f`, without Foundation.
func formatSeconds(_ seconds: Double) -> String {
  let scaled = Int((seconds * 10_000).rounded())
  let whole = scaled / 10_000, fraction = scaled % 10_000
  let digits = String(fraction)
  return "\(whole)." + String(repeating: "0", count: 4 - digits.count) + digits
}

/// The collector's working lists, whose sentinel headers live in one small block.
struct GCWorkLists {
  let block: UnsafeMutableRawPointer
  init() {
    block = .allocate(byteCount: 5 * GCHeader.size, alignment: 16)
    for list in [unreachable, finalizers, stillUnreachable, scratch, callbacks] { list.initialize() }
  }
  var unreachable: GCList { GCList(GCHeader(block)) }
  var finalizers: GCList { GCList(GCHeader(block + 16)) }
  var stillUnreachable: GCList { GCList(GCHeader(block + 32)) }
  var scratch: GCList { GCList(GCHeader(block + 48)) }
  var callbacks: GCList { GCList(GCHeader(block + 64)) }
  func release() { block.deallocate() }
}
