/// What the containers keep per runtime: the objects whose repr is being computed, so a
/// container that contains itself prints `[...]` instead of recursing forever.
/// CPython: Objects/object.c, `Py_ReprEnter()` / `Py_ReprLeave()` (a per-thread list kept in
/// the thread state dict under `Py_Repr`).
struct ContainerState {
  /// The containers whose repr is in progress, innermost last. Short: its length is the
  /// nesting depth of the reprs, never the size of a container.
  var reprStack: [UnsafeMutableRawPointer] = []
}

extension RuntimeRef {
  /// `Py_ReprEnter`: false when `object`'s repr is already in progress (the caller prints
  /// its `...` form and must not call ``reprLeave(_:)``); true after recording it.
  @inline(__always)
  func reprEnter(_ object: PyRef) -> Bool {
    if state.pointee.containers.reprStack.contains(object.raw) { return false }
    state.pointee.containers.reprStack.append(object.raw)
    return true
  }

  /// `Py_ReprLeave`: forgets the innermost record of `object`.
  @inline(__always)
  func reprLeave(_ object: PyRef) {
    if let index = state.pointee.containers.reprStack.lastIndex(of: object.raw) {
      state.pointee.containers.reprStack.remove(at: index)
    }
  }
}
