/// Everything the `gc` module exposes, at the Swift level.
/// CPython: Modules/gcmodule.c, the `gc_*_impl` functions.
extension RuntimeRef {
  /// `gc.enable()`, `gc.disable()`, `gc.isenabled()`.
  public var gcEnabled: Bool {
    get { state.pointee.gc.enabled }
    nonmutating set { state.pointee.gc.enabled = newValue }
  }

  /// `gc.get_count()`.
  public var gcCount: (Int, Int, Int) { state.pointee.gc.count }

  /// `gc.get_threshold()` / `gc.set_threshold()`.
  public var gcThreshold: (Int, Int, Int) {
    get { state.pointee.gc.threshold }
    nonmutating set { state.pointee.gc.threshold = newValue }
  }

  /// `gc.get_debug()` / `gc.set_debug()`.
  public var gcDebugFlags: GCDebugFlags {
    get { state.pointee.gc.debugFlags }
    nonmutating set { state.pointee.gc.debugFlags = newValue }
  }

  /// `gc.get_stats()`.
  public var gcStats: [GCGenerationStats] { state.pointee.gc.stats }

  /// Makes the `gc.garbage` and `gc.callbacks` lists (bootstrap).
  func bootstrapGCLists() {
    guard let garbage = newList(), let callbacks = newList() else {
      preconditionFailure("Runtime: the heap limit is too small for gc.garbage and gc.callbacks")
    }
    state.pointee.gc.garbage = garbage.raw
    state.pointee.gc.callbacks = callbacks.raw
  }

  /// The `gc.garbage` list object (borrowed).
  public var gcGarbageList: PyRef { PyRef(state.pointee.gc.garbage.unsafelyUnwrapped) }

  /// The `gc.callbacks` list object (borrowed).
  public var gcCallbackList: PyRef { PyRef(state.pointee.gc.callbacks.unsafelyUnwrapped) }

  /// What `gc.garbage` holds now (borrowed references; the list holds them).
  public var gcGarbage: [PyRef] {
    let list = gcGarbageList
    return (0..<ListObject.count(list)).map { ListObject.item(list, $0) }
  }

  /// Empties `gc.garbage`, releasing its references (`gc.garbage.clear()`).
  public func clearGCGarbage() { listClear(gcGarbageList) }

  /// Adds a Swift observer called, like the entries of `gc.callbacks`, before and after
  /// every collection.
  public func addGCCallback(_ callback: @escaping (GCCallbackPhase, GCCallbackInfo) -> Void) {
    state.pointee.gc.hooks.append(callback)
  }

  /// Removes every Swift observer (the Python list `gc.callbacks` is left alone).
  public func removeAllGCCallbacks() { state.pointee.gc.hooks = [] }

  /// Pause figures: the last, the longest, and the total, in nanoseconds.
  public var gcPauses: (last: UInt64, longest: UInt64, total: UInt64) {
    let gc = state.pointee.gc
    return (gc.lastPauseNanoseconds, gc.longestPauseNanoseconds, gc.totalPauseNanoseconds)
  }

  /// Pause figures per generation collected.
  public var gcGenerationPauses: [GCPauseStats] { state.pointee.gc.generationPauses }

  /// `gc.get_objects(generation)`: the tracked objects (borrowed), all generations when nil.
  /// Frozen objects belong to none. A tuple still being filled (`tuple(iterable)` while the
  /// iterable runs Python code) is left out: it has empty slots, which CPython would hand
  /// out and crash on.
  public func gcObjects(generation: Int? = nil) -> [PyRef] {
    precondition(generation.map { (0...2).contains($0) } ?? true, "gcObjects: invalid generation")
    let tupleType = state.pointee.types.tuple!
    var objects: [PyRef] = []
    for index in generation.map({ [$0] }) ?? [0, 1, 2] {
      state.pointee.gc.generation(index).forEach { node in
        let object = node.object
        if object.type == tupleType && TupleObject.isBeingFilled(object) { return }
        objects.append(object)
      }
    }
    return objects
  }

  /// Objects in generation `index` (3 is the permanent generation).
  public func gcGenerationSize(_ index: Int) -> Int { state.pointee.gc.generation(index).count }

  /// `gc.get_referents(*objects)`: what `traverse` visits, in its order (borrowed).
  public func gcReferents(_ objects: [PyRef]) -> [PyRef] {
    var result = Visited()
    for object in objects {
      guard object.type.isGC, let traverse = object.type.record.pointee.traverse else { continue }
      withUnsafeMutablePointer(to: &result) { _ = traverse(object.raw, visitCollect, UnsafeMutableRawPointer($0)) }
    }
    return result.objects
  }

  /// `gc.get_referrers(*objects)`: tracked objects (generations 0–2) that refer to any of
  /// `objects` (borrowed).
  public func gcReferrers(_ objects: [PyRef]) -> [PyRef] {
    let targets = Set(objects.map(\.raw))
    var referrers: [PyRef] = []
    for candidate in gcObjects() {
      guard let traverse = candidate.type.record.pointee.traverse else { continue }
      var visited = Visited()
      withUnsafeMutablePointer(to: &visited) { _ = traverse(candidate.raw, visitCollect, UnsafeMutableRawPointer($0)) }
      if visited.objects.contains(where: { targets.contains($0.raw) }) { referrers.append(candidate) }
    }
    return referrers
  }

  /// `gc.freeze()`: every tracked object moves to the permanent generation, which no
  /// collection scans.
  public func gcFreeze() {
    let gc = state.pointee.gc
    for index in 0..<GCState.generationCount {
      gc.generation(GCState.permanentGeneration).merge(gc.generation(index))
    }
    state.pointee.gc.count.0 = 0
  }

  /// `gc.unfreeze()`: the permanent generation moves into the oldest one.
  public func gcUnfreeze() {
    let gc = state.pointee.gc
    gc.generation(2).merge(gc.generation(GCState.permanentGeneration))
    // The objects kept the mark-alive epochs of before the freeze.
    state.pointee.gc.markAlive.marksAreClear = false
  }

  /// `gc.get_freeze_count()`.
  public var gcFreezeCount: Int { gcGenerationSize(GCState.permanentGeneration) }
}

/// The references a traversal reported, in order.
struct Visited {
  var objects: [PyRef] = []
}

let visitCollect: VisitProc = { raw, context in
  context.unsafelyUnwrapped.assumingMemoryBound(to: Visited.self).pointee.objects.append(PyRef(raw))
  return 0
}
