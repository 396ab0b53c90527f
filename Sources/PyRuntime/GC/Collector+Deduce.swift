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
  func deduceUnreachable(_ young: GCList, into unreachable: GCList) {
    validate(young, collecting: false, unreachable: false)
    updateRefs(young)
    subtractRefs(young)
    moveUnreachable(young, into: unreachable)
    validate(young, collecting: false, unreachable: false)
    validate(unreachable, collecting: true, unreachable: true)
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
  func subtractRefs(_ list: GCList) {
    var node = list.head.next
    while node != list.head {
      let object = node.object
      if let traverse = object.type.record.pointee.traverse { _ = traverse(object.raw, visitDecref, nil) }
      node = node.next
    }
  }

  /// CPython: `move_unreachable()` with `visit_reachable()`.
  func moveUnreachable(_ young: GCList, into unreachable: GCList) {
    var prev = young.head
    var node = young.head.next
    while node != young.head {
      if node.refs > 0 {
        // Reachable: everything it reaches is too. Its prev word held gc_refs; relink it.
        let object = node.object
        if let traverse = object.type.record.pointee.traverse {
          _ = traverse(object.raw, visitReachable, young.head.raw)
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
  }
}

/// `visit_decref`: one fewer outside reference for an object being collected.
let visitDecref: VisitProc = { raw, _ in
  let object = PyRef(raw)
  guard object.type.isGC else { return 0 }
  let header = object.gc
  if header.isCollecting { header.prevWord &-= 1 << GCHeader.refsShift }
  return 0
}

/// `visit_reachable`: `raw` is reachable from a reachable object.
let visitReachable: VisitProc = { raw, youngHead in
  let object = PyRef(raw)
  guard object.type.isGC else { return 0 }
  let header = object.gc
  guard header.isCollecting else { return 0 }   // not in the generation being collected
  if header.isUnreachable {
    // Parked already: unlink it from `unreachable` and put it back at the end of young,
    // where the scan will reach it.
    let prev = GCHeader(UnsafeMutableRawPointer(bitPattern: header.prevWord & ~GCHeader.flagMask).unsafelyUnwrapped)
    let next = GCHeader(UnsafeMutableRawPointer(bitPattern: header.nextWord & ~GCHeader.unreachableMask).unsafelyUnwrapped)
    prev.nextWord = header.nextWord
    next.prevWord = UInt(bitPattern: prev.raw) | (next.prevWord & GCHeader.flagMask)
    let young = GCList(GCHeader(youngHead.unsafelyUnwrapped))
    let last = GCHeader(UnsafeMutableRawPointer(bitPattern: young.head.prevWord).unsafelyUnwrapped)
    last.nextWord = UInt(bitPattern: header.raw)
    header.nextWord = UInt(bitPattern: young.head.raw)
    young.head.prevWord = UInt(bitPattern: header.raw)
    header.prevWord = (1 << GCHeader.refsShift) | (header.prevWord & GCHeader.flagMask)
  } else if header.refs == 0 {
    // Not scanned yet: it will be, as reachable.
    header.refs = 1
  }
  return 0
}
