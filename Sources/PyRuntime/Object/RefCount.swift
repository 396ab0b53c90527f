/// Reference counting: prompt, and never recursive.
///
/// `incref` is a load-add-store (``PyRef/incref()``); `decref` is a load-subtract-store and a
/// branch to the out-of-line ``deallocate(_:)`` on zero. No atomics: a runtime belongs to one
/// thread at a time, as CPython's does under the GIL.
/// CPython: Include/object.h, `Py_INCREF`, `Py_DECREF`, `_Py_Dealloc`.
extension RuntimeRef {
  /// `Py_DECREF`.
  @inlinable @inline(__always)
  public func decref(_ object: PyRef) {
    // Safe: a live object's count is at least 1.
    let count = object.refcount &- 1
    object.refcount = count
    if _slowPath(count == 0) { deallocate(object) }
  }

  /// `Py_XDECREF`.
  @inlinable @inline(__always)
  public func decref(_ object: PyRef?) {
    if let object { decref(object) }
  }

  /// Runs the type's `tp_dealloc`, unless too many deallocations are already nested, in
  /// which case the object is parked and the outermost deallocation frees it (see
  /// ``Trashcan``).
  @usableFromInline @inline(never)
  func deallocate(_ object: PyRef) {
    let state = self.state
    // The commonest deallocation, an exact float, straight onto the float free list
    // (what its dealloc slot does, without the indirect call and the trashcan).
    if object.type == state.pointee.types.float, state.pointee.numbers.floatFreeCount < FloatObject.freeListCapacity {
      object.raw.storeBytes(of: state.pointee.numbers.floatFreeList, toByteOffset: 8, as: UnsafeMutableRawPointer?.self)
      state.pointee.numbers.floatFreeList = object.raw
      state.pointee.numbers.floatFreeCount &+= 1
      return
    }
    if state.pointee.trashcan.depth >= Trashcan.depthLimit {
      // Untracked first, so a collection started by a finalizer never sees a dead object.
      if object.type.isGC { untrack(object) }
      state.pointee.trashcan.push(object.raw)
      return
    }
    state.pointee.trashcan.depth += 1
    object.type.record.pointee.dealloc(object.raw, raw)
    state.pointee.trashcan.depth -= 1
    if state.pointee.trashcan.depth == 0 && state.pointee.trashcan.pendingCount > 0 {
      drainTrashcan()
    }
  }

  private func drainTrashcan() {
    state.pointee.trashcan.depth += 1
    while let next = state.pointee.trashcan.pop() {
      let object = PyRef(next)
      object.type.record.pointee.dealloc(object.raw, raw)
      // Deallocations nested in that one parked more objects past the limit, if any.
    }
    state.pointee.trashcan.depth -= 1
  }

  /// `Py_SETREF`-style replacement of an owned field: stores `value` (already owned) and
  /// releases the old one afterwards, so a finalizer run by the release sees the new value.
  @inlinable
  public func replaceRef(in object: PyRef, at offset: Int, with value: PyRef?) {
    let old = object.loadRef(at: offset)
    object.storeRef(value, at: offset)
    decref(old)
  }
}
