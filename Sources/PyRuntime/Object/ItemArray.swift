/// The two loops every sequence of object references needs, shared by tuple and list (and
/// later by any type storing `PyRef`s contiguously).
enum ItemArray {
  /// Visits `count` items from last to first (CPython's `tupletraverse`/`list_traverse`
  /// order, which `gc.get_referents` shows); nil slots are skipped.
  @inline(__always)
  static func visitBackwards(_ items: UnsafeMutablePointer<UnsafeMutableRawPointer?>, count: Int,
                             _ visit: VisitProc, _ arg: UnsafeMutableRawPointer?) -> Int32 {
    var index = count
    while index > 0 {
      index -= 1
      if let item = items[index] {
        let result = visit(item, arg)
        if result != 0 { return result }
      }
    }
    return 0
  }

  /// Calls `body` with each non-nil item from last to first, as ``visitBackwards(_:count:_:_:)``
  /// visits them: the collector's inlined form of the traversal (``TraverseKind``).
  @inline(__always)
  static func forEachBackwards(_ items: UnsafeMutablePointer<UnsafeMutableRawPointer?>, count: Int,
                               _ body: (UnsafeMutableRawPointer) -> Void) {
    var index = count
    while index > 0 {
      index &-= 1
      if let item = items[index] { body(item) }
    }
  }

  /// Releases `count` items from last to first (the order CPython frees them in).
  @inline(__always)
  static func releaseBackwards(_ items: UnsafeMutablePointer<UnsafeMutableRawPointer?>, count: Int, _ rt: RuntimeRef) {
    var index = count
    while index > 0 {
      index -= 1
      rt.decref(PyRef(items[index]))
    }
  }
}

extension ItemArray {
  /// Moves `count` item pointers from `source` to `target` (the regions may overlap):
  /// `memmove`, as CPython's list code does; no reference counts change.
  @inline(__always)
  static func move(_ target: UnsafeMutablePointer<UnsafeMutableRawPointer?>,
                   from source: UnsafeMutablePointer<UnsafeMutableRawPointer?>, count: Int) {
    guard count > 0 else { return }
    UnsafeMutableRawPointer(target).copyMemory(from: UnsafeRawPointer(source), byteCount: count &* 8)
  }
}
