/// A shortcut for full collections that find nothing: prove, in one walk, that CPython's
/// algorithm would find every object reachable *and park none*, and skip `update_refs`,
/// `subtract_refs` and `move_unreachable`.
///
/// `move_unreachable` parks an object when the scan reaches it with gc_refs 0 and no
/// reachable object before it has reached it; parking, and the move back behind the scan
/// that follows, is the only thing that reorders the survivors (which `gc.get_objects()`
/// shows and which decides what `untrack_tuples` sees). An object is never parked if
///
/// - something outside the heap holds it (its gc_refs stays above 0): a *root*; or
/// - a reachable object earlier in the list refers to it (the scan marks it first).
///
/// So the pass marks the roots it knows, then walks the list in order: an object reached
/// marked is reachable and in place, and marks what it refers to. If every object is
/// reached marked, a full collection would park nothing and collect nothing, and its
/// survivors are the list as it stands: the pass untracks tuples in the same walk (in the
/// list order `untrack_tuples` uses) and gathers the dicts, as `move_unreachable` does. The
/// first object reached unmarked stops the pass, and the collection runs CPython's
/// algorithm. Garbage, an object only a later one refers to, and a reference from a root
/// the pass does not know about all stop it; none of them can make it wrong, only slower.
/// Every object before the stop was reached marked, so CPython's scan would leave that
/// prefix in place and untrack its tuples the same way; the tuples the pass untracked there
/// are the ones CPython untracks.
///
/// The roots are references no collector traversal reports: the interpreter's own fields
/// (`sys.modules`, builtins, the exception being handled, `gc.callbacks`, …) and the frames
/// on the call stack, which are not heap objects. Every field it reads must own its
/// reference: a borrowed one can outlive its object (`sys` was once borrowed from
/// `sys.modules`, which the exit sequence empties). A frame's header (code, function,
/// globals, builtins, locals) always holds what it says. Its local and value-stack slots
/// hold exactly what they say only while the frame waits at a point where its registers
/// were saved: a caller waiting on a frame its `CALL` pushed (not an entry frame, whose
/// native caller may be half-way through an instruction), and the frame running now when
/// the collection comes from the loop's safe point. Generator frames are never roots: the
/// generator object reports their references.
///
/// The walk marks the items of long lists and tuples on demand, as it arrives at the
/// objects they hold, so that it touches each object's header once; and while such a
/// list's items are the objects that follow in the generation list, it goes from item to
/// item rather than from link to link, so that it need not wait for one object's header to
/// learn where the next one is (``DeferredItems``).
///
/// The marks are a 2-bit epoch in the prev word (``GCHeader/aliveMark``), 1, 2, 3 in
/// turn, so the walk never has to clear them: at the start of a pass, no object carries
/// the new epoch. That holds because a successful pass leaves every tracked object with the
/// current one, or (an object handed out by a deferred container as the walk reaches it,
/// which is not marked) with a mark that is not the next one, a failed pass is followed by the full deduction (whose `update_refs` clears
/// every mark), and newly tracked objects start at 0. Frozen objects sit out passes and
/// keep old epochs, so the pass runs only with nothing frozen and, after `gc.unfreeze()`,
/// only once a full deduction has cleared the marks again.
///
/// The result is CPython's in every observable respect (`gc.collect()`'s count, the order
/// of `gc.get_objects()`, which tuples and dicts are untracked, `gc.get_stats()`,
/// callbacks): debug builds check each successful pass against the full deduction.
/// CPython 3.14's `gc_mark_alive_from_roots` marks from roots in the same spirit; 3.11 has
/// no such pass.
extension RuntimeRef {
  /// Tries the pass on `young` (every tracked object: a full collection, nothing frozen).
  /// Returns the survivors, or nil when the collection must deduce the hard way.
  func markAliveFromRoots(_ young: GCList) -> Survivors? {
    guard state.pointee.gc.markAlive.shouldTry() else { return nil }
    let epoch = state.pointee.gc.markAlive.nextEpoch()
    markRoots(epoch)
    var survivors = Survivors()
    let proven = withUnsafeTemporaryAllocation(of: DeferredItems.Cursor.self, capacity: DeferredItems.capacity) {
      var deferred = DeferredItems($0)
      defer {
        state.pointee.gc.markAlive.deferredContainers += deferred.deferrals
        state.pointee.gc.markAlive.followedItems += deferred.followed
      }
      return walkMarkingAlive(young, epoch, &survivors, &deferred)
    }
    guard proven else {
      survivors.dicts.release()
      state.pointee.gc.markAlive.recordStop()
      return nil
    }
    state.pointee.gc.markAlive.recordSuccess()
    #if PYMEM_CHECKS
    checkNothingParks(young)
    #endif
    return survivors
  }

  /// The walk: false at the first object reached unmarked (once `deferred` has no item
  /// left that could mark it). Objects before it are marked, counted and gathered in
  /// `survivors`, and tuples among them may have been untracked.
  @inline(never)
  func walkMarkingAlive(_ young: GCList, _ epoch: UInt, _ survivors: inout Survivors,
                        _ deferred: inout DeferredItems) -> Bool {
    let tupleType = state.pointee.types.tuple!, dictType = state.pointee.types.dict!
    var node = young.head.next
    // `node` came from `deferred.follow`, which handed it out: it is reached.
    var handedOut = false
    while node != young.head {
      // An immortal object's gc_refs cannot reach 0: it is never parked.
      if !handedOut && node.aliveMark != epoch && node.object.refcount < ObjectLayout.immortalRefcount {
        guard deferred.reach(node, epoch) else { return false }
      }
      let object = node.object
      let type = object.type
      if type == tupleType && TupleObject.mayUntrack(object) {
        let next = node.next
        GCList.remove(node)
        node = next
        handedOut = false
        continue
      }
      survivors.count &+= 1
      if type == dictType { survivors.dicts.push(object) }
      if !deferLargeSequence(object, &deferred) {
        forEachCollectorReference(object, visitMarkAlive, UnsafeMutableRawPointer(bitPattern: epoch)) {
          markAlive($0, epoch)
        }
      }
      if let following = deferred.follow(node, epoch) {
        node = following
        handedOut = true
      } else {
        node.prefetchAlongStride()
        node = node.next
        handedOut = false
      }
    }
    return true
  }

  /// Hands the items of a list or tuple longer than ``DeferredItems/minimumCount`` to
  /// `deferred`; false when `object` is something else, shorter, or no cursor is free.
  @inline(__always)
  private func deferLargeSequence(_ object: PyRef, _ deferred: inout DeferredItems) -> Bool {
    switch object.type.record.pointee.traverseKind {
    case .list:
      guard object.size > DeferredItems.minimumCount, let items = ListObject.items(object) else { return false }
      return deferred.deferItems(items, count: object.size)
    case .tuple:
      guard object.size > DeferredItems.minimumCount else { return false }
      return deferred.deferItems(TupleObject.items(object), count: object.size)
    default:
      return false
    }
  }

  /// Marks every object the interpreter holds from outside the heap (see the type's doc).
  @inline(never)
  private func markRoots(_ epoch: UInt) {
    let interpreter = state.pointee.interpreter
    // Only references the interpreter owns (a borrowed one could outlive its object, and
    // marking it would write to freed memory).
    for root in [interpreter.builtins, interpreter.modules, interpreter.builtinsModule, interpreter.sysModule,
                 interpreter.unraisableHookArgsType, state.pointee.exception, state.pointee.handledException,
                 state.pointee.memoryErrorInstance, state.pointee.gc.garbage, state.pointee.gc.callbacks,
                 state.pointee.typeCache.listAppend, state.pointee.typeCache.builtinLen,
                 state.pointee.typeCache.builtinIsInstance] {
      if let root { markAlive(root, epoch) }
    }
    for entry in state.pointee.atexit.callbacks {
      guard let entry else { continue }
      markAlive(entry.function.raw, epoch)
      markAlive(entry.arguments.raw, epoch)
      if let keywords = entry.keywords { markAlive(keywords.raw, epoch) }
    }
    // Built-in types are untracked, so what their records hold is held from outside;
    // classes are tracked and report theirs when the walk reaches them.
    for type in state.pointee.types.all where !type.object.gc.isTracked {
      let record = type.record.pointee
      for root in [record.bases, record.mro, record.dict, record.delCallable] {
        if let root { markAlive(root, epoch) }
      }
    }
    var slotsAreSaved = state.pointee.gc.markAlive.runningFrameIsSaved
    var frame = interpreter.currentFrame
    while let current = frame {
      let header = current.pointee
      if !header.ownedByGenerator {
        for root in [header.code, header.globals, header.builtins] { markAlive(root.raw, epoch) }
        if let function = header.function { markAlive(function.raw, epoch) }
        if let locals = header.locals { markAlive(locals.raw, epoch) }
        if let frameObject = header.frameObject { markAlive(frameObject, epoch) }
        if slotsAreSaved {
          let slots = current.localsPlus
          for index in 0 ..< header.localsPlusCount &+ header.stackDepth {
            if let value = slots[index] { markAlive(value, epoch) }
          }
        }
      }
      // The caller's slots are as saved only if this frame's `CALL` pushed it.
      slotsAreSaved = !header.isEntry && !header.ownedByGenerator
      frame = header.previous
    }
  }

  #if PYMEM_CHECKS
  /// Debug builds: the full deduction on the list the pass accepted must find every object
  /// with outside references or reached before the scan gets to it, as the pass claimed.
  /// The counts keep the marks beside them (as the heap verifier's do), so the check leaves
  /// the epochs as the pass left them, and the next pass meets what it would in release.
  private func checkNothingParks(_ young: GCList) {
    young.forEach { $0.startCounting(keeping: GCHeader.keptWhileCounting) }
    young.forEach { node in
      forEachCollectorReference(node.object, visitDecref, nil) { decrefVisit($0) }
    }
    var prev = young.head
    var node = young.head.next
    while node != young.head {
      _gcInvariant(node.refs > 0, "mark-alive: \(node.object.type.name) would be parked by move_unreachable")
      forEachCollectorReference(node.object, visitReachable, young.head.raw) { markReachable($0, young.head) }
      node.prevWord = UInt(bitPattern: prev.raw) | (node.prevWord & GCHeader.keptWhileCounting)
      prev = node
      node = node.next
    }
  }
  #endif
}

/// Marks `raw` with `epoch` if it is a tracked GC object (every tracked object is in the
/// collection: nothing is frozen).
@inline(__always)
func markAlive(_ raw: UnsafeMutableRawPointer, _ epoch: UInt) {
  let object = PyRef(raw)
  guard object.type.isGC else { return }
  let header = object.gc
  if header.isTracked { header.aliveMark = epoch }
}

/// ``markAlive(_:_:)`` as a visit proc: the epoch rides in the argument pointer.
let visitMarkAlive: VisitProc = { raw, epoch in
  markAlive(raw, UInt(bitPattern: epoch))
  return 0
}

/// The state of the mark-alive pass: the epoch, whether the marks can be trusted, and how
/// often to try after passes that stopped.
struct MarkAliveState {
  /// Off with `pyheap -X nomarkalive` or ``RuntimeRef/gcMarkAlive`` (for measuring what
  /// the pass saves).
  var enabled = true
  /// The epoch of the last pass, as prev-word bits (4, 8, 12); 0 before the first.
  var epoch: UInt = 0
  /// False after `gc.unfreeze()` until a full deduction clears every mark.
  var marksAreClear = true
  /// The collection comes from the loop's safe point: the running frame's slots are saved.
  var runningFrameIsSaved = false
  /// After a pass stops, the next `skip` full collections do not try; each stop doubles
  /// the wait (up to 64), each success resets it.
  var skip = 0
  var wait = 0
  /// Passes that proved the heap alive, passes that stopped, large lists and tuples
  /// whose items were marked on demand, and items the walk went to next without reading a
  /// link (``DeferredItems``).
  var successes = 0
  var stops = 0
  var deferredContainers = 0
  var followedItems = 0

  mutating func shouldTry() -> Bool {
    guard enabled, marksAreClear else { return false }
    if skip > 0 {
      skip -= 1
      return false
    }
    return true
  }

  mutating func nextEpoch() -> UInt {
    epoch = MarkAliveState.epoch(after: epoch)
    return epoch
  }

  /// The epoch the pass after one with `epoch` uses: 1, 2, 3, 1, … (as prev-word bits).
  @inline(__always)
  static func epoch(after epoch: UInt) -> UInt {
    epoch == GCHeader.aliveMask ? 1 << GCHeader.aliveShift : epoch &+ (1 << GCHeader.aliveShift)
  }

  mutating func recordSuccess() {
    successes += 1
    wait = 0
  }

  mutating func recordStop() {
    stops += 1
    wait = wait == 0 ? 1 : min(wait * 2, 64)
    skip = wait
  }
}
