import PyMemory

/// Object memory: every object comes from the heap's object domain, with its GC header in
/// front when its type has `haveGC`.
/// CPython: Objects/object.c `_PyObject_New`, Modules/gcmodule.c `_PyObject_GC_New`,
/// `PyObject_GC_Del`.
extension RuntimeRef {
  /// Allocates an object of `type` with `itemCount` items and `trailingBytes` more after
  /// them (an instance's inline values), count 1, untracked, payload uninitialized. On
  /// failure (the heap limit) sets `MemoryError` and returns nil.
  ///
  /// A GC object counts towards `count[0]` of the collector: the allocation that pushes it
  /// past the threshold does not collect (never inside an allocation); the runtime's next
  /// safe point does (``collectIfNeeded()``).
  @inlinable
  public func allocateObject(_ type: PyType, itemCount: Int = 0, trailingBytes: Int = 0) -> PyRef? {
    let record = type.record
    let (items, overflow1) = record.pointee.itemSize.multipliedReportingOverflow(by: itemCount)
    let (body, overflow2) = record.pointee.basicSize.addingReportingOverflow(items &+ trailingBytes)
    guard !overflow1, !overflow2, itemCount >= 0 else { return raiseMemoryError() }
    _gcInvariant(trailingBytes > 0 || !record.pointee.flags.contains(.managedDict),
                 "an instance of a managed-dict class allocated without its inline values")
    let isGC = record.pointee.flags.contains(.haveGC)
    let prefix = isGC ? GCHeader.size : 0
    guard let block = state.pointee.heap.allocate(byteCount: body &+ prefix) else { return raiseMemoryError() }
    let object = PyRef(block + prefix)
    object.refcount = 1
    object.type = type
    if isGC {
      object.gc.nextWord = 0
      object.gc.prevWord = 0
      state.pointee.gc.count.0 &+= 1
    }
    if record.pointee.flags.contains(.heapType) { type.object.incref() }
    return object
  }

  @usableFromInline @inline(never)
  func raiseMemoryError() -> PyRef? {
    raise("MemoryError")
    return nil
  }

  /// Returns an object's memory to the heap. The object must be untracked and hold nothing.
  /// CPython: `PyObject_Free` / `PyObject_GC_Del` (which also decrements `count[0]`).
  @inlinable
  public func freeObject(_ object: PyRef) {
    let type = object.type
    if type.isGC {
      _gcInvariant(!object.gc.isTracked, "freeing a tracked object")
      if state.pointee.gc.count.0 > 0 { state.pointee.gc.count.0 &-= 1 }
      state.pointee.heap.free(object.raw - GCHeader.size)
    } else {
      state.pointee.heap.free(object.raw)
    }
    if type.flags.contains(.heapType) { decref(type.object) }
  }

  /// Memory for an object's out-of-line parts (a list's items, an instance's values): the
  /// mem domain, as CPython's `PyMem_Malloc`.
  @inlinable
  public func allocateMemory(_ byteCount: Int) -> UnsafeMutableRawPointer? {
    guard let block = state.pointee.heap.allocate(byteCount: byteCount, domain: .mem) else {
      raise("MemoryError")
      return nil
    }
    return block
  }

  @inlinable
  public func reallocateMemory(_ block: UnsafeMutableRawPointer?, _ byteCount: Int) -> UnsafeMutableRawPointer? {
    guard let moved = state.pointee.heap.reallocate(block, byteCount: byteCount, domain: .mem) else {
      raise("MemoryError")
      return nil
    }
    return moved
  }

  @inlinable
  public func freeMemory(_ block: UnsafeMutableRawPointer?) {
    state.pointee.heap.free(block, domain: .mem)
  }
}

/// An internal consistency check of the runtime; compiled in debug builds only.
@usableFromInline @inline(__always)
func _gcInvariant(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
                  file: StaticString = #fileID, line: UInt = #line) {
  #if PYMEM_CHECKS
  if !condition() { fatalError("PyRuntime invariant violated: \(message())", file: file, line: line) }
  #endif
}
