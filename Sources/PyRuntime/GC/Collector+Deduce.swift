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
  /// Contracts: `young` holds tracked objects without COLLECTING; `unreachable` is empty.
  /// On return `young` holds the reachable ones (COLLECTING cleared, links valid) and
  /// `unreachable` the rest (COLLECTING and NEXT_MASK_UNREACHABLE set).
  /// Returns what ``moveUnreachable(_:into:)`` saw of the reachable objects.
  @discardableResult
  func deduceUnreachable(_ young: GCList, into unreachable: GCList) -> Survivors {
    validate(young, collecting: false, unreachable: false)
    updateRefs(young)
    subtractRefs(young)
    let survivors = moveUnreachable(young, into: unreachable)
    validate(young, collecting: false, unreachable: false)
    validate(unreachable, collecting: true, unreachable: true)
    return survivors
  }

  /// gc_refs = refcount, COLLECTING set (keeps FINALIZED). CPython: `update_refs()`.
  func updateRefs(_ list: GCList) {
    var node = list.head.next
    while node != list.head {
      let next = node.next
      let count = node.object.refcount
      _gcInvariant(count > 0, "a tracked \(node.object.type.name) has refcount 0")
      node.prevWord = (UInt(bitPattern: count) << GCHeader.refsShift)
        | (node.prevWord & GCHeader.finalizedMask) | GCHeader.collectingMask
      node = next
    }
  }

  /// Subtracts internal references. CPython: `subtract_refs()` with `visit_decref()`.
  /// Instances, class instances, lists and tuples are walked inline (``TraverseKind``); other types through
  /// their `traverse` slot.
  func subtractRefs(_ list: GCList) {
    var node = list.head.next
    while node != list.head {
      let object = node.object
      let record = object.type.record
      switch record.pointee.traverseKind {
      case .instance:
        InstanceObject.forEachReference(object, record) { decrefVisit($0) }
      case .classInstance:
        _ = ClassInstances.forEachReference(object, record, from: ObjectLayout.headerSize) { decrefVisit($0); return 0 }
      case .list:
        ListObject.forEachReference(object) { decrefVisit($0) }
      case .tuple:
        ItemArray.forEachBackwards(TupleObject.items(object), count: object.size) { decrefVisit($0) }
      case .generic:
        if let traverse = record.pointee.traverse { _ = traverse(object.raw, visitDecref, nil) }
      }
      node = node.next
    }
  }

  /// Every reachable object passes the reachable branch exactly once (those moved back from
  /// `unreachable` when the scan reaches them at the end), so that branch also counts them
  /// and notes whether any is a tuple or a dict, for the survivor passes.
  /// CPython: `move_unreachable()` with `visit_reachable()`.
  func moveUnreachable(_ young: GCList, into unreachable: GCList) -> Survivors {
    let tupleType = state.pointee.types.tuple!, dictType = state.pointee.types.dict!
    var survivors = Survivors()
    var prev = young.head
    var node = young.head.next
    while node != young.head {
      if node.refs > 0 {
        // Reachable: everything it reaches is too. Its prev word held gc_refs; relink it.
        let object = node.object
        let type = object.type
        survivors.count &+= 1
        if type == tupleType { survivors.anyTuple = true } else if type == dictType { survivors.anyDict = true }
        let record = type.record
        switch record.pointee.traverseKind {
        case .instance:
          InstanceObject.forEachReference(object, record) { markReachable($0, young.head) }
        case .classInstance:
          _ = ClassInstances.forEachReference(object, record, from: ObjectLayout.headerSize) { markReachable($0, young.head); return 0 }
        case .list:
          ListObject.forEachReference(object) { markReachable($0, young.head) }
        case .tuple:
          ItemArray.forEachBackwards(TupleObject.items(object), count: object.size) { markReachable($0, young.head) }
        case .generic:
          if let traverse = record.pointee.traverse { _ = traverse(object.raw, visitReachable, young.head.raw) }
        }
        node.prevWord = UInt(bitPattern: prev.raw) | (node.prevWord & GCHeader.finalizedMask)
        prev = node
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
}

/// What ``RuntimeRef/moveUnreachable(_:into:)`` saw of the reachable objects: how many, and
/// whether any is a tuple or a dict (the only objects the survivor passes may untrack).
struct Survivors {
  var count = 0
  var anyTuple = false
  var anyDict = false
}

/// `visit_decref`: one fewer outside reference for an object being collected.
let visitDecref: VisitProc = { raw, _ in
  decrefVisit(raw)
  return 0
}

/// The body of ``visitDecref``, inlined into ``RuntimeRef/subtractRefs(_:)``.
@inline(__always)
func decrefVisit(_ raw: UnsafeMutableRawPointer) {
  let object = PyRef(raw)
  guard object.type.isGC else { return }
  let header = object.gc
  if header.isCollecting { header.prevWord &-= 1 << GCHeader.refsShift }
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
