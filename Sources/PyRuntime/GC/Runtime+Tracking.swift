/// Putting containers under the collector's watch and taking them off.
/// CPython: `PyObject_GC_Track`, `PyObject_GC_UnTrack`, `PyObject_GC_IsTracked`.
extension RuntimeRef {
  /// Appends `object` to generation 0. Its type must have `haveGC`.
  public func track(_ object: PyRef) {
    precondition(object.type.isGC, "track: \(object.type.name) objects are not GC objects")
    precondition(!object.gc.isTracked, "track: object is already tracked")
    state.pointee.gc.generation(0).append(object.gc)
  }

  /// Takes `object` off its generation list, if it is on one.
  public func untrack(_ object: PyRef) {
    let header = object.gc
    if header.isTracked { GCList.remove(header) }
  }

  /// `gc.is_tracked()`.
  public func isTracked(_ object: PyRef) -> Bool {
    object.type.isGC && object.gc.isTracked
  }

  /// `gc.is_finalized()`: the finalizer has run (PEP 442's once-only bit).
  public func isFinalized(_ object: PyRef) -> Bool {
    object.type.isGC && object.gc.isFinalized
  }
}
