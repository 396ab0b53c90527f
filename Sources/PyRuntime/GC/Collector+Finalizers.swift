/// What happens to the trash: legacy finalizers, weak references, PEP 442 finalizers, the
/// resurrection check, clearing, and `gc.garbage`.
/// CPython: Modules/gcmodule.c.
extension RuntimeRef {
  /// Unreachable objects with a legacy `tp_del` leave `unreachable` for `finalizers`; the
  /// NEXT_MASK_UNREACHABLE marks are cleared on the way, so both are plain lists after.
  /// The same walk notes what the later passes will find in the rest (``TrashSummary``).
  /// CPython: `move_legacy_finalizers()`.
  func moveLegacyFinalizers(_ unreachable: GCList, to finalizers: GCList) -> TrashSummary {
    var summary = TrashSummary()
    var node = unreachable.head.next
    while node != unreachable.head {
      node.nextWord &= ~GCHeader.unreachableMask
      let next = node.next
      let object = node.object
      let type = object.type
      let record = type.record
      if record.pointee.legacyDel != nil {
        node.isCollecting = false
        finalizers.move(node)
        summary.anyLegacyFinalizer = true
      } else {
        summary.count &+= 1
        if record.pointee.finalize != nil && !node.isFinalized { summary.anyFinalizer = true }
        if (record.pointee.weakListOffset != 0 && WeakRefObject.first(object) != nil)
          || record.pointee.kind == .weakref {
          summary.anyWeakReference = true
        }
      }
      node = next
    }
    return summary
  }

  /// Everything reachable from an uncollectable object is uncollectable too.
  /// CPython: `move_legacy_finalizer_reachable()` with `visit_move()`.
  func moveLegacyFinalizerReachable(_ finalizers: GCList) {
    var node = finalizers.head.next
    while node != finalizers.head {
      let object = node.object
      if let traverse = object.type.record.pointee.traverse {
        _ = traverse(object.raw, visitMove, finalizers.head.raw)
      }
      node = node.next
    }
  }

  /// Weak references to trash go dead before any finalizer runs. A weak reference that is
  /// itself trash never calls back; a live one with a callback is called once all are
  /// cleared. Returns how many of those live references the callbacks freed.
  /// CPython: `handle_weakrefs()`.
  func handleWeakRefs(_ unreachable: GCList, old: GCList) -> Int {
    let work = GCWorkLists()
    defer { work.release() }
    let toCall = work.callbacks
    unreachable.forEach { header in
      let object = header.object
      if WeakRefObject.isWeakReference(object) {
        // Trash itself: dead now, so its callback can never run during the clearing below.
        WeakRefObject.detach(object)
      }
      guard object.type.allowsWeakReferences else { return }
      while let ref = WeakRefObject.first(object) {
        WeakRefObject.detach(ref)
        // Count 0: the reference is being deallocated (parked in the trashcan, untracked,
        // while a finalizer run by the drain collects): it never calls back, as on the
        // refcount path.
        guard WeakRefObject.callback(ref) != nil, !ref.gc.isCollecting, ref.refcount > 0 else { continue }
        ref.incref()
        toCall.move(ref.gc)
      }
    }
    var freed = 0
    while !toCall.isEmpty {
      let header = toCall.first
      let ref = header.object
      if let callback = WeakRefObject.callback(ref) {
        callback.incref()
        handleWeakRefCallback(ref, callback)
        decref(callback)
      }
      decref(ref)
      if toCall.first == header { old.move(header) } else { freed += 1 }
    }
    return freed
  }

  /// Runs each finalizer once (PEP 442), in list order, marking the object finalized.
  /// CPython: `finalize_garbage()`.
  func finalizeGarbage(_ unreachable: GCList, scratch seen: GCList) {
    while !unreachable.isEmpty {
      let header = unreachable.first
      let object = header.object
      seen.move(header)
      guard !header.isFinalized, let finalize = object.type.record.pointee.finalize else { continue }
      header.isFinalized = true
      object.incref()
      finalize(object.raw, raw)
      if hasError { writeUnraisable(object: lookup(object.type, "__del__") ?? object) }
      decref(object)
    }
    unreachable.merge(seen)
  }

  /// Reruns the deduction on the trash: what a finalizer made reachable again moves to
  /// `old`; the rest is final. CPython: `handle_resurrected_objects()`.
  func handleResurrectedObjects(_ unreachable: GCList, stillUnreachable: GCList, old: GCList) {
    unreachable.forEach { $0.isCollecting = false }
    deduceUnreachable(unreachable, into: stillUnreachable)
    stillUnreachable.head.nextWord &= ~GCHeader.unreachableMask
    stillUnreachable.forEach { $0.nextWord &= ~GCHeader.unreachableMask }
    old.merge(unreachable)
  }

  /// Breaks the cycles: `tp_clear` on each object (or, with `saveAll`, into `gc.garbage`).
  /// Objects that survive their clearing move to `old`. CPython: `delete_garbage()`.
  func deleteGarbage(_ collectable: GCList, old: GCList) {
    let saveAll = state.pointee.gc.debugFlags.contains(.saveAll)
    while !collectable.isEmpty {
      let header = collectable.first
      let object = header.object
      if saveAll {
        _ = listAppend(gcGarbageList, object)
      } else if let clear = object.type.record.pointee.clear {
        object.incref()
        clear(object.raw, raw)
        if hasError { writeUnraisable(context: "tp_clear of \(object.type.name)") }
        decref(object)
      }
      if collectable.first == header {
        header.isCollecting = false
        old.move(header)
      }
    }
  }

  /// Uncollectables with a legacy finalizer (everything, with `saveAll`) go to
  /// `gc.garbage`; all of them merge into `old`. CPython: `handle_legacy_finalizers()`.
  func handleLegacyFinalizers(_ finalizers: GCList, old: GCList) {
    let saveAll = state.pointee.gc.debugFlags.contains(.saveAll)
    finalizers.forEach { header in
      let object = header.object
      if saveAll || object.type.record.pointee.legacyDel != nil {
        _ = listAppend(gcGarbageList, object)
      }
    }
    old.merge(finalizers)
  }
}

/// What ``RuntimeRef/moveLegacyFinalizers(_:to:)`` found in the trash it leaves in
/// `unreachable`.
struct TrashSummary {
  /// Objects left in `unreachable`.
  var count = 0
  /// Some object had a legacy `tp_del` (and went to `finalizers`).
  var anyLegacyFinalizer = false
  /// Some object has a PEP 442 finalizer that has not run yet.
  var anyFinalizer = false
  /// Some object is a weak reference or proxy, or is referred to by one.
  var anyWeakReference = false

  /// Nothing in the trash can run code or be reached again before it is cleared: no
  /// finalizer to run, no weak reference to clear or call back, no uncollectable. Then the
  /// weak-reference, finalizer and resurrection passes have nothing to do, and the trash is
  /// final as it stands.
  var isInert: Bool { !anyLegacyFinalizer && !anyFinalizer && !anyWeakReference }
}

/// `visit_move`: an object being collected that an uncollectable reaches joins it.
let visitMove: VisitProc = { raw, finalizersHead in
  let object = PyRef(raw)
  guard object.type.isGC else { return 0 }
  let header = object.gc
  guard header.isCollecting else { return 0 }
  header.isCollecting = false
  GCList(GCHeader(finalizersHead.unsafelyUnwrapped)).move(header)
  return 0
}
