/// Finding the trash: `update_refs`, `subtract_refs`, `move_unreachable`.
///
/// After `update_refs` each object of the list holds a copy of its refcount in `gc_refs`
/// (the upper bits of its prev word, which stops being a link until `move_unreachable`
/// restores it) and the COLLECTING flag. `subtract_refs` removes every reference that comes
/// from inside the list; what is left counts references from outside. `move_unreachable`
/// then walks the list once: an object with outside references is reachable, and so is
/// everything it reaches; the rest is parked on `unreachable` (with NEXT_MASK_UNREACHABLE)
/// and moved back if something reachable turns out to reach it.
/// CPython: Modules/gcmodule.c, `deduce_unreachable()` and the three functions it calls.
extension RuntimeRef {
  /// Contracts: `young` holds tracked objects without COLLECTING; `unreachable` is empty;
  /// with `mode.wholeHeap`, `young` holds every tracked object.
  /// On return `young` holds the reachable ones (COLLECTING cleared, links valid) and
  /// `unreachable` the rest (COLLECTING and NEXT_MASK_UNREACHABLE set).
  /// Returns what ``moveUnreachable(_:into:_:)`` saw of the reachable objects.
  @discardableResult
  func deduceUnreachable(_ young: GCList, into unreachable: GCList, _ mode: DeductionMode = DeductionMode()) -> Survivors {
    validate(young, collecting: false, unreachable: false)
    if mode.wholeHeap {
      updateAndSubtractRefs(young)
    } else if mode.youngGeneration {
      updateAndSubtractYoungRefs(young)
    } else {
      updateRefs(young)
      subtractRefs(young)
    }
    let survivors = moveUnreachable(young, into: unreachable, mode)
    validate(young, collecting: false, unreachable: false)
    validate(unreachable, collecting: true, unreachable: true)
    return survivors
  }

  /// gc_refs = refcount, COLLECTING set (keeps FINALIZED). CPython: `update_refs()`.
  func updateRefs(_ list: GCList) {
    var node = list.head.next
    while node != list.head {
      let next = node.next
      node.startCounting()
      node = next
    }
  }

  /// Subtracts internal references. CPython: `subtract_refs()` with `visit_decref()`.
  func subtractRefs(_ list: GCList) {
    var node = list.head.next
    while node != list.head {
      forEachCollectorReference(node.object, visitDecref, nil) { decrefVisit($0) }
      node = node.next
    }
  }

  /// `update_refs` and `subtract_refs` in one walk, for a list that holds every tracked
  /// object (a full collection with nothing frozen): a referent that is tracked at all is
  /// in the list, so the first visit to it, from a referrer or from the walk, starts its
  /// count, and COLLECTING tells a started count from a stale prev link. The counts end as
  /// the two walks leave them, with one pass over the heap instead of two.
  func updateAndSubtractRefs(_ list: GCList) {
    var node = list.head.next
    while node != list.head {
      node.prefetchAlongStride()
      if !node.isCollecting { node.startCounting() }
      forEachCollectorReference(node.object, visitDecrefStartingCounts, nil) { decrefVisit($0, startsCounts: true) }
      node = node.next
    }
  }

  /// `update_refs` and `subtract_refs` in one walk, for a young generation (collections of
  /// generation 0 or 1), so that each header is read once while it is in the cache, not
  /// twice. The walk starts each object's count when it reaches it; a referent with a count
  /// started loses one at once. A referent without one is either in the generation but
  /// further on, or not in it (older, or frozen), and the walk cannot tell which: it keeps
  /// the referent aside, and once every count has started, those of the generation (the
  /// ones with COLLECTING) lose theirs. The counts end as the two walks leave them. What is
  /// kept aside is at most one entry per reference from the generation to a tracked object
  /// outside it or further on: new objects mostly refer to old ones and to non-GC objects
  /// (which are never kept), so it is short, and bounded by the young generation's size.
  @inline(never)
  func updateAndSubtractYoungRefs(_ list: GCList) {
    withUnsafeMutablePointer(to: &state.pointee.gc.keptAside) { later in
      var node = list.head.next
      while node != list.head {
        node.prefetchAlongStride()
        node.startCounting()
        forEachCollectorReference(node.object, visitDecrefOrKeepAside, UnsafeMutableRawPointer(later)) { raw in
          decrefOrKeepAside(raw, &later.pointee)
        }
        node = node.next
      }
      for index in 0 ..< later.pointee.count {
        let header = later.pointee[index].gc
        if header.isCollecting { header.prevWord &-= 1 << GCHeader.refsShift }
      }
      later.pointee.removeAll()
    }
  }

  /// Every reachable object passes the reachable branch exactly once (those moved back from
  /// `unreachable` when the scan reaches them at the end), in the order CPython's
  /// `untrack_tuples` walks the survivors. So that branch also does that pass's work (with
  /// `mode.untracksTuples`): a tuple it may untrack leaves the list there, and as its items
  /// are neither GC objects nor tracked tuples, nothing it refers to needs marking. It also
  /// counts what stays, and gathers the dicts for ``untrackDicts(_:)``.
  ///
  /// Until the scan meets an object with gc_refs 0, it does not traverse the reachable
  /// objects at all: marking what they refer to can only turn a 0 into a 1, and there is no
  /// 0 before that point, nor anything parked. At the first 0 it traverses the objects it
  /// went past (their marks all land on that object or later ones, as they would have),
  /// then goes on as CPython does. So a generation whose every object has references from
  /// outside (a young generation of new objects that old containers hold, the common case)
  /// is scanned without reading what its objects refer to.
  /// CPython: `move_unreachable()` with `visit_reachable()`, then `untrack_tuples()`.
  func moveUnreachable(_ young: GCList, into unreachable: GCList, _ mode: DeductionMode) -> Survivors {
    let tupleType = state.pointee.types.tuple!, dictType = state.pointee.types.dict!
    var survivors = Survivors()
    var traversalsPostponed = true
    var prev = young.head
    var node = young.head.next
    while node != young.head {
      node.prefetchAlongStride()
      if node.refs > 0 {
        // Reachable: everything it reaches is too. Its prev word held gc_refs; relink it.
        let object = node.object
        let type = object.type
        if type == tupleType && mode.untracksTuples && TupleObject.mayUntrack(object) {
          // GCList.remove cannot do this: mid-scan, the prev words hold gc_refs, not links.
          prev.nextWord = node.nextWord
          node.nextWord = 0
          node.prevWord &= GCHeader.finalizedMask
        } else {
          survivors.count &+= 1
          if type == dictType && mode.gathersDicts { survivors.dicts.push(object) }
          if !traversalsPostponed {
            forEachCollectorReference(object, visitReachable, young.head.raw) { markReachable($0, young.head) }
          }
          node.prevWord = UInt(bitPattern: prev.raw) | (node.prevWord & GCHeader.finalizedMask)
          prev = node
        }
      } else if traversalsPostponed {
        // The first 0: the objects scanned so far mark what they reach now; then this
        // object is looked at again.
        traversalsPostponed = false
        var scanned = young.head.next
        while scanned != node {
          forEachCollectorReference(scanned.object, visitReachable, young.head.raw) { markReachable($0, young.head) }
          scanned = scanned.next
        }
        continue
      } else {
        // Tentatively unreachable: park it, singly linked forward with the mark; its prev
        // word keeps gc_refs == 0 and COLLECTING.
        prev.nextWord = node.nextWord
        let last = GCHeader(UnsafeMutableRawPointer(bitPattern: unreachable.head.prevWord).unsafelyUnwrapped)
        last.nextWord = GCHeader.unreachableMask | UInt(bitPattern: node.raw)
        node.prevWord = UInt(bitPattern: last.raw) | (node.prevWord & GCHeader.flagMask)
        node.nextWord = GCHeader.unreachableMask | UInt(bitPattern: unreachable.head.raw)
        unreachable.head.prevWord = UInt(bitPattern: node.raw)
      }
      node = GCHeader(UnsafeMutableRawPointer(bitPattern: prev.nextWord & ~GCHeader.unreachableMask).unsafelyUnwrapped)
    }
    young.head.prevWord = UInt(bitPattern: prev.raw)
    // Reachable objects lost COLLECTING when relinked above (only FINALIZED was kept).
    unreachable.head.nextWord &= ~GCHeader.unreachableMask
    return survivors
  }

  /// Full collections only: the survivors' dicts that hold no GC objects are untracked.
  /// Run after every tuple was untracked; order among the dicts does not matter, as
  /// whether a dict may be untracked depends on its tuples only.
  /// CPython: `untrack_dicts()`. Returns how many it untracked.
  func untrackDicts(_ dicts: GCObjectStack) -> Int {
    let tupleType = state.pointee.types.tuple!
    var untracked = 0
    for index in 0 ..< dicts.count where DictObject.mayUntrack(dicts[index], tupleType: tupleType) {
      GCList.remove(dicts[index].gc)
      untracked += 1
    }
    return untracked
  }
}

/// The collector's walk over the references `object` holds: instances, class instances,
/// lists and tuples inline (``TraverseKind``), with `body`; other types through their
/// `traverse` slot, with `visit` and `argument` (the same visit as a C function).
@inline(__always)
func forEachCollectorReference(_ object: PyRef, _ visit: VisitProc, _ argument: UnsafeMutableRawPointer?,
                               _ body: (UnsafeMutableRawPointer) -> Void) {
  let record = object.type.record
  switch record.pointee.traverseKind {
  case .instance:
    InstanceObject.forEachReference(object, record, body)
  case .classInstance:
    _ = ClassInstances.forEachReference(object, record, from: ObjectLayout.headerSize, gcOnly: true) { body($0); return 0 }
  case .plainClassInstance:
    _ = ClassInstances.forEachDictReference(object, record, gcOnly: true) { body($0); return 0 }
  case .list:
    ListObject.forEachReference(object, body)
  case .tuple:
    ItemArray.forEachBackwards(TupleObject.items(object), count: object.size, body)
  case .generic:
    if let traverse = record.pointee.traverse { _ = traverse(object.raw, visit, argument) }
  }
}

/// How a deduction runs.
struct DeductionMode {
  /// The list holds every tracked object: ``RuntimeRef/updateAndSubtractRefs(_:)``.
  var wholeHeap = false
  /// The list is a young generation (a collection of generation 0 or 1):
  /// ``RuntimeRef/updateAndSubtractYoungRefs(_:)``.
  var youngGeneration = false
  /// Reachable tuples that cannot be in cycles are untracked by the scan.
  var untracksTuples = false
  /// Reachable dicts are gathered in ``Survivors/dicts``.
  var gathersDicts = false
}

/// What ``RuntimeRef/moveUnreachable(_:into:_:)`` saw of the reachable objects: how many
/// stay tracked, and (when asked) which of them are dicts. The caller releases `dicts`.
struct Survivors {
  var count = 0
  var dicts = GCObjectStack()
}

/// `visit_decref`: one fewer outside reference for an object being collected.
let visitDecref: VisitProc = { raw, _ in
  decrefVisit(raw)
  return 0
}

/// `visit_decref` for ``RuntimeRef/updateAndSubtractRefs(_:)``.
let visitDecrefStartingCounts: VisitProc = { raw, _ in
  decrefVisit(raw, startsCounts: true)
  return 0
}

/// The body of both visit procs, inlined into the walks with `startsCounts` constant. With
/// `startsCounts`, a tracked object not counted yet starts its count before losing one.
@inline(__always)
func decrefVisit(_ raw: UnsafeMutableRawPointer, startsCounts: Bool = false) {
  let object = PyRef(raw)
  guard object.type.isGC else { return }
  let header = object.gc
  if !header.isCollecting {
    guard startsCounts && header.isTracked else { return }
    header.startCounting()
  }
  header.prevWord &-= 1 << GCHeader.refsShift
}

/// The visit of ``RuntimeRef/updateAndSubtractYoungRefs(_:)``: the argument points to the
/// stack of referents kept aside.
let visitDecrefOrKeepAside: VisitProc = { raw, later in
  decrefOrKeepAside(raw, &later.unsafelyUnwrapped.assumingMemoryBound(to: GCObjectStack.self).pointee)
  return 0
}

/// A counted referent loses one reference; a tracked one not counted (yet) is kept aside.
@inline(__always)
func decrefOrKeepAside(_ raw: UnsafeMutableRawPointer, _ later: inout GCObjectStack) {
  let object = PyRef(raw)
  guard object.type.isGC else { return }
  let header = object.gc
  if header.isCollecting {
    header.prevWord &-= 1 << GCHeader.refsShift
  } else if header.isTracked {
    later.push(object)
  }
}

/// `visit_reachable`: `raw` is reachable from a reachable object.
let visitReachable: VisitProc = { raw, youngHead in
  markReachable(raw, GCHeader(youngHead.unsafelyUnwrapped))
  return 0
}

/// The body of ``visitReachable``, inlined into ``RuntimeRef/moveUnreachable(_:into:)``.
@inline(__always)
func markReachable(_ raw: UnsafeMutableRawPointer, _ youngHead: GCHeader) {
  let object = PyRef(raw)
  guard object.type.isGC else { return }
  let header = object.gc
  guard header.isCollecting else { return }   // not in the generation being collected
  if header.isUnreachable {
    // Parked already: unlink it from `unreachable` and put it back at the end of young,
    // where the scan will reach it.
    let prev = GCHeader(UnsafeMutableRawPointer(bitPattern: header.prevWord & ~GCHeader.flagMask).unsafelyUnwrapped)
    let next = GCHeader(UnsafeMutableRawPointer(bitPattern: header.nextWord & ~GCHeader.unreachableMask).unsafelyUnwrapped)
    prev.nextWord = header.nextWord
    next.prevWord = UInt(bitPattern: prev.raw) | (next.prevWord & GCHeader.flagMask)
    let young = GCList(youngHead)
    let last = GCHeader(UnsafeMutableRawPointer(bitPattern: young.head.prevWord).unsafelyUnwrapped)
    last.nextWord = UInt(bitPattern: header.raw)
    header.nextWord = UInt(bitPattern: young.head.raw)
    young.head.prevWord = UInt(bitPattern: header.raw)
    header.prevWord = (1 << GCHeader.refsShift) | (header.prevWord & GCHeader.flagMask)
  } else if header.refs == 0 {
    // Not scanned yet: it will be, as reachable.
    header.refs = 1
  }
}
