/// The immutable sequence. Tracked from birth (except the empty tuple, an immortal
/// singleton); the collector untracks a tuple once none of its items can be in a cycle.
///
/// ```
///   -16 GC header | 0 refcount | 8 type | 16 ob_size | 24 item 0 | 32 item 1 | …
/// ```
/// `sys.getsizeof(())` is 40 and each item adds 8, as in CPython.
/// CPython: Objects/tupleobject.c.
public enum TupleObject {
  static let itemsOffset = 24
  /// `tp_basicsize`: the header and `ob_size`; each item adds 8.
  static let basicSize = 24

  @inlinable static func items(_ tuple: PyRef) -> UnsafeMutablePointer<UnsafeMutableRawPointer?> {
    (tuple.raw + 24).assumingMemoryBound(to: UnsafeMutableRawPointer?.self)
  }

  public static func count(_ tuple: PyRef) -> Int { tuple.size }

  /// A borrowed reference to item `index`.
  public static func item(_ tuple: PyRef, _ index: Int) -> PyRef? {
    precondition(index >= 0 && index < tuple.size, "tuple index \(index) out of range")
    return PyRef(items(tuple)[index])
  }

  static func makeType(_ rt: RuntimeRef) -> PyType {
    let type = rt.makeType(name: "tuple", basicSize: basicSize, itemSize: 8, flags: [.haveGC, .varSized],
                           dealloc: dealloc, traverse: traverse)
    type.record.pointee.traverseKind = .tuple
    return type
  }

  /// Items are released last to first (measured on CPython: `(D(1), D(2), D(3))` → 3, 2, 1).
  static let dealloc: Slot.Dealloc = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let tuple = PyRef(raw)
    rt.untrack(tuple)
    let length = tuple.size
    ItemArray.releaseBackwards(TupleObject.items(tuple), count: length, rt)
    if length <= FreeLists.tupleMaxLength, tuple.type == rt.state.pointee.types.tuple,
       rt.state.pointee.freeLists.tuples[length].count < FreeLists.tupleCapacity {
      rt.state.pointee.freeLists.tuples[length].push(tuple)
      return
    }
    rt.freeObject(tuple)
  }

  static let traverse: Slot.Traverse = { raw, visit, arg in
    let tuple = PyRef(raw)
    return ItemArray.visitBackwards(TupleObject.items(tuple), count: tuple.size, visit, arg)
  }

  /// Whether the collector may untrack `tuple`: no item is, or may become, tracked.
  /// CPython: `_PyTuple_MaybeUntrack()`.
  static func mayUntrack(_ tuple: PyRef) -> Bool {
    let items = TupleObject.items(tuple)
    for index in 0..<tuple.size {
      guard let raw = items[index] else { return false }   // still being filled
      if mayBeTracked(PyRef(raw), tupleType: tuple.type) { return false }
    }
    return true
  }

  /// Some slot is still empty: the tuple is being filled (``RuntimeRef/tupleFrom(_:)``).
  static func isBeingFilled(_ tuple: PyRef) -> Bool {
    let items = TupleObject.items(tuple)
    for index in 0..<tuple.size where items[index] == nil { return true }
    return false
  }

  /// A tuple may be tracked only while it is; any other GC object may become tracked at any
  /// time. CPython: `_PyObject_GC_MAY_BE_TRACKED()`.
  static func mayBeTracked(_ object: PyRef, tupleType: PyType) -> Bool {
    guard object.type.isGC else { return false }
    return object.type == tupleType ? object.gc.isTracked : true
  }
}

extension RuntimeRef {
  /// A new tuple holding `items` (their references are taken over), tracked.
  public func newTuple(_ items: [PyRef]) -> PyRef? {
    if items.isEmpty {
      let empty = state.pointee.emptyTuple
      empty.incref()
      return empty
    }
    guard let tuple = allocateExactTuple(items.count) else {
      for item in items { decref(item) }
      return nil
    }
    let storage = TupleObject.items(tuple)
    for (index, item) in items.enumerated() { storage[index] = item.raw }
    track(tuple)
    return tuple
  }
}

extension RuntimeRef {
  /// A new, untracked tuple of `count` nil items for the caller to fill, then ``track(_:)``
  /// (`PyTuple_New`); the empty tuple (tracked never) when `count` is 0.
  func allocateTuple(_ count: Int, type: PyType? = nil) -> PyRef? {
    let tupleType = type ?? state.pointee.types.tuple!
    if count == 0 && tupleType == state.pointee.types.tuple {
      let empty = state.pointee.emptyTuple
      empty.incref()
      return empty
    }
    let made = tupleType == state.pointee.types.tuple
      ? allocateExactTuple(count) : allocateObject(tupleType, itemCount: count).map { $0.size = count; return $0 }
    guard let tuple = made else { return nil }
    TupleObject.items(tuple).initialize(repeating: nil, count: count)
    return tuple
  }

  /// An exact tuple of `count` (> 0) items, `ob_size` set, items uninitialized, untracked:
  /// from the free list of its length when one is parked there.
  @inline(__always)
  func allocateExactTuple(_ count: Int) -> PyRef? {
    if count <= FreeLists.tupleMaxLength, let parked = state.pointee.freeLists.tuples[count].pop() {
      return revive(parked, as: state.pointee.types.tuple)
    }
    guard let tuple = allocateObject(state.pointee.types.tuple, itemCount: count) else { return nil }
    tuple.size = count
    return tuple
  }

  /// Starts tracking a tuple made by ``allocateTuple(_:type:)`` (not the empty singleton).
  func finishTuple(_ tuple: PyRef) -> PyRef {
    if tuple != state.pointee.emptyTuple { track(tuple) }
    return tuple
  }

  /// A new tuple of `count` items copied (with new references) from `items`.
  func newTuple(copying items: UnsafeMutablePointer<UnsafeMutableRawPointer?>, count: Int) -> PyRef? {
    guard let tuple = allocateTuple(count) else { return nil }
    let target = TupleObject.items(tuple)
    for index in 0..<count {
      PyRef(items[index].unsafelyUnwrapped).incref()
      target[index] = items[index]
    }
    return finishTuple(tuple)
  }
}
