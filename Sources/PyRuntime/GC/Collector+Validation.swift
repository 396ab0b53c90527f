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
  /// number of references it receives from tracked objects. O(tracked objects + references).
  public func verifyObjects() -> [String] {
    var problems: [String] = []
    var incoming: [UnsafeMutableRawPointer: Int] = [:]
    var tracked: [PyRef] = []
    for index in 0...GCState.permanentGeneration {
      let list = state.pointee.gc.generation(index)
      var prev = list.head
      var node = list.head.next
      var steps = 0
      while node != list.head {
        steps += 1
        if node.prev != prev { problems.append("generation \(index): broken prev link"); break }
        if node.isCollecting || node.isUnreachable { problems.append("generation \(index): collection flags left set") }
        let object = node.object
        if !object.type.isGC { problems.append("generation \(index): a non-GC \(object.type.name) is tracked") }
        if object.refcount <= 0 { problems.append("generation \(index): a tracked \(object.type.name) has count \(object.refcount)") }
        tracked.append(object)
        prev = node
        node = node.next
        if steps > 100_000_000 { problems.append("generation \(index) does not end"); break }
      }
    }
    for object in tracked {
      guard let traverse = object.type.record.pointee.traverse else { continue }
      var visited = Visited()
      withUnsafeMutablePointer(to: &visited) { _ = traverse(object.raw, visitCollect, UnsafeMutableRawPointer($0)) }
      for referent in visited.objects { incoming[referent.raw, default: 0] += 1 }
    }
    for object in tracked where object.refcount < incoming[object.raw, default: 0] {
      problems.append("\(object.type.name) at \(object.raw) has count \(object.refcount) but \(incoming[object.raw]!) references from tracked objects")
    }
    return problems
  }
}
