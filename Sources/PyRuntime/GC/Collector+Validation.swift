/// The collector's checks: `validate` runs on every phase boundary in debug builds (CPython's
/// `validate_list`), and ``RuntimeRef/verifyObjects()`` is the whole-heap verifier.
extension RuntimeRef {
  /// Checks that `list` is an intact doubly linked list whose nodes carry exactly the given
  /// COLLECTING and NEXT_MASK_UNREACHABLE states. Debug builds only.
  /// CPython: Modules/gcmodule.c, `validate_list()`.
  func validate(_ list: GCList, collecting: Bool, unreachable: Bool) {
    #if PYMEM_CHECKS
    var prev = list.head
    var node = list.head.next
    while node != list.head {
      _gcInvariant(node.prev == prev, "gc list: broken prev link")
      _gcInvariant(node.isCollecting == collecting, "gc list: COLLECTING is \(node.isCollecting), expected \(collecting)")
      _gcInvariant(node.isUnreachable == unreachable, "gc list: UNREACHABLE is \(node.isUnreachable), expected \(unreachable)")
      prev = node
      node = node.next
    }
    _gcInvariant(list.head.prev == prev, "gc list: head's prev is not the tail")
    #endif
  }

  /// The object heap verifier: every generation list is intact, every tracked object is a
  /// GC object with a positive count, and every tracked object's count is at least the
  /// number of references it receives from tracked objects. Returns the problems found.
  ///
  /// It counts the way a collection does, in the objects' own headers, so it costs three
  /// walks of the tracked objects and no table (`-X verifyheap` runs it after every
  /// collection, thousands of times in a program that builds a large heap):
  ///
  /// 1. Every list is walked, its links checked, and each object's prev word takes its
  ///    count as gc_refs, with COLLECTING (the FINALIZED and mark-alive bits are kept).
  /// 2. Every tracked object's references (the collector's own walk,
  ///    ``forEachCollectorReference(_:_:_:_:)``) take one from their referents' gc_refs.
  /// 3. Every list is walked again: a gc_refs below zero is a count lower than the
  ///    references other tracked objects hold; the prev links are put back and COLLECTING
  ///    cleared.
  ///
  /// Must not run during a collection (the collector's own counts would be lost).
  public func verifyObjects() -> [String] {
    var tracked = 0
    return verifyObjects(countingTracked: &tracked)
  }

  /// ``verifyObjects()``, also counting the tracked objects it walked.
  func verifyObjects(countingTracked tracked: inout Int) -> [String] {
    var problems: [String] = []
    // Pass 1. A broken list cannot be walked safely further, nor can a list holding an
    // object with no GC header; both end the check there, before anything is changed.
    var listsAreSound = true
    for index in 0...GCState.permanentGeneration {
      if let problem = checkLinks(of: state.pointee.gc.generation(index), index) {
        problems.append(problem)
        listsAreSound = false
      }
    }
    guard listsAreSound else { return problems }
    for index in 0...GCState.permanentGeneration {
      let list = state.pointee.gc.generation(index)
      var node = list.head.next
      while node != list.head {
        let object = node.object
        if node.isCollecting || node.isUnreachable { problems.append("generation \(index): collection flags left set") }
        if object.refcount <= 0 { problems.append("generation \(index): a tracked \(object.type.name) has count \(object.refcount)") }
        node.startCounting(keeping: GCHeader.keptWhileCounting)
        tracked += 1
        node = node.next
      }
    }
    // Pass 2.
    for index in 0...GCState.permanentGeneration {
      let list = state.pointee.gc.generation(index)
      var node = list.head.next
      while node != list.head {
        forEachCollectorReference(node.object, visitDecref, nil) { decrefVisit($0) }
        node = node.next
      }
    }
    // Pass 3.
    for index in 0...GCState.permanentGeneration {
      let list = state.pointee.gc.generation(index)
      var prev = list.head
      var node = list.head.next
      while node != list.head {
        let remaining = Int(bitPattern: node.prevWord) >> Int(GCHeader.refsShift)
        if remaining < 0 {
          let object = node.object
          problems.append("\(object.type.name) at \(object.raw) has count \(object.refcount) but \(object.refcount - remaining) references from tracked objects")
        }
        node.prevWord = UInt(bitPattern: prev.raw) | (node.prevWord & GCHeader.keptWhileCounting)
        prev = node
        node = node.next
      }
    }
    return problems
  }

  /// The link check of ``verifyObjects()``'s first pass: nil when `list` is a sound ring
  /// of GC objects.
  func checkLinks(of list: GCList, _ index: Int) -> String? {
    var prev = list.head
    var node = list.head.next
    var steps = 0
    while node != list.head {
      steps += 1
      if node.prev != prev { return "generation \(index): broken prev link" }
      if !node.object.type.isGC { return "generation \(index): a non-GC \(node.object.type.name) is tracked" }
      if steps > 100_000_000 { return "generation \(index) does not end" }
      prev = node
      node = node.next
    }
    return list.head.prev == prev ? nil : "generation \(index): the head's prev is not the tail"
  }
}
