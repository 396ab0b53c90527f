import PyMemory

/// Per-type free lists: dead objects of the commonest types parked for reuse, so the next
/// object of that type skips the allocator. CPython 3.11 keeps them for float (100), tuple
/// (2,000 per length for lengths 1…20), list (80) and dict (80).
///
/// ```
///   FreeList: head ─► parked object ─► parked object ─► nil
///                     (the link lives in the type field, offset 8)
/// ```
///
/// As in CPython, parking and reusing skip the collector's allocation count (`count[0]`
/// changes only when memory really comes from or goes back to the allocator), only exact
/// instances are parked (never a subclass's), and every full collection empties the lists
/// (`_PyGC_ClearAllFreeLists`). `sys._debugmallocstats()` prints their lengths.
/// CPython: Objects/tupleobject.c, listobject.c, dictobject.c, floatobject.c (`free_list`,
/// `numfree`).
@usableFromInline
struct FreeList {
  @usableFromInline var head: UnsafeMutableRawPointer?
  @usableFromInline var count = 0

  init() {}

  /// Parks `object` (its fields already released).
  @inlinable @inline(__always)
  mutating func push(_ object: PyRef) {
    object.raw.storeBytes(of: head, toByteOffset: 8, as: UnsafeMutableRawPointer?.self)
    head = object.raw
    count &+= 1
  }

  /// The most recently parked object, unlinked; its refcount and type are the caller's to
  /// set.
  @inlinable @inline(__always)
  mutating func pop() -> PyRef? {
    guard let object = head else { return nil }
    head = object.load(fromByteOffset: 8, as: UnsafeMutableRawPointer?.self)
    count &-= 1
    return PyRef(object)
  }
}

/// The runtime's free lists (``RuntimeState/freeLists``); the float list lives with the
/// numbers (``NumberState``).
@usableFromInline
struct FreeLists {
  /// `PyTuple_MAXSAVESIZE` − 1: tuples of 1…20 items are parked.
  static let tupleMaxLength = 20
  /// `PyTuple_MAXFREELIST`.
  static let tupleCapacity = 2000
  /// `PyList_MAXFREELIST`.
  static let listCapacity = 80
  /// `PyDict_MAXFREELIST`.
  static let dictCapacity = 80

  /// Index `n` holds tuples of length `n` (index 0 unused: `()` is a singleton).
  @usableFromInline let tuples: UnsafeMutablePointer<FreeList>
  @usableFromInline var lists = FreeList()
  @usableFromInline var dicts = FreeList()

  init() {
    tuples = .allocate(capacity: FreeLists.tupleMaxLength + 1)
    tuples.initialize(repeating: FreeList(), count: FreeLists.tupleMaxLength + 1)
  }

  func release() { tuples.deallocate() }
}

extension RuntimeRef {
  /// Reuses a parked GC object: count 1, `type`, untracked, flags clear.
  @inlinable @inline(__always)
  func revive(_ object: PyRef, as type: PyType) -> PyRef {
    object.refcount = 1
    object.type = type
    object.gc.nextWord = 0
    object.gc.prevWord = 0
    return object
  }

  /// Empties every free list, returning the memory to the allocator (a full collection
  /// and interpreter tear-down do this). Returns how many objects were freed.
  @discardableResult
  public func clearFreeLists() -> Int {
    var freed = clearFloatFreeList()
    for length in 1...FreeLists.tupleMaxLength { freed += drain(&state.pointee.freeLists.tuples[length]) }
    freed += drain(&state.pointee.freeLists.lists)
    freed += drain(&state.pointee.freeLists.dicts)
    return freed
  }

  private func drain(_ list: inout FreeList) -> Int {
    var freed = 0
    while let object = list.pop() {
      // As `PyObject_GC_Del` does, the memory going back gives its allocation count back.
      if state.pointee.gc.count.0 > 0 { state.pointee.gc.count.0 &-= 1 }
      state.pointee.heap.free(object.raw - GCHeader.size)
      freed += 1
    }
    return freed
  }

  /// The free lists' lengths as `sys._debugmallocstats()` prints them after the allocator's
  /// table. CPython: `_PyObject_DebugTypeStats`.
  func freeListStatisticsLines() -> [String] {
    func line(_ label: String, _ count: Int, _ size: Int) -> String {
      let left = "\(count) free \(label) * \(size) bytes each"
      let total = thousands(count * size)
      return String(repeating: " ", count: max(0, 48 - left.count)) + left + " ="
        + String(repeating: " ", count: max(1, 21 - total.count)) + total
    }
    var lines = [
      line("PyDictObjects", state.pointee.freeLists.dicts.count, DictObject.basicSize),
      line("PyFloatObjects", state.pointee.numbers.floatFreeCount, FloatObject.basicSize),
      line("PyListObjects", state.pointee.freeLists.lists.count, ListObject.basicSize),
    ]
    for length in 1...FreeLists.tupleMaxLength {
      lines.append(line("\(length)-sized PyTupleObjects", state.pointee.freeLists.tuples[length].count,
                        TupleObject.basicSize + 8 * length))
    }
    return lines
  }
}
