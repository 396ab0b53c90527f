/// The mutable sequence: a header with an out-of-line item array from the mem domain.
///
/// ```
///   -16 GC header | 0 refcount | 8 type | 16 ob_size | 24 items → [item 0, item 1, …] | 32 allocated
/// ```
/// `sys.getsizeof([])` is 56, as in CPython, and the array grows and shrinks by CPython's
/// rules (``RuntimeRef/listResize(_:_:)``), so `sys.getsizeof` agrees after appends,
/// `list(iterable)`, slicing and pops. Tracked from birth.
/// CPython: Objects/listobject.c.
public enum ListObject {
  static let itemsOffset = 24
  static let allocatedOffset = 32
  static let basicSize = 40

  static func items(_ list: PyRef) -> UnsafeMutablePointer<UnsafeMutableRawPointer?>? {
    list.raw.load(fromByteOffset: itemsOffset, as: UnsafeMutablePointer<UnsafeMutableRawPointer?>?.self)
  }

  static func setItems(_ list: PyRef, _ items: UnsafeMutablePointer<UnsafeMutableRawPointer?>?, allocated: Int) {
    list.raw.storeBytes(of: items, toByteOffset: itemsOffset, as: UnsafeMutablePointer<UnsafeMutableRawPointer?>?.self)
    list.raw.storeBytes(of: allocated, toByteOffset: allocatedOffset, as: Int.self)
  }

  static func allocated(_ list: PyRef) -> Int { list.raw.load(fromByteOffset: allocatedOffset, as: Int.self) }

  public static func count(_ list: PyRef) -> Int { list.size }

  /// A borrowed reference to item `index`.
  public static func item(_ list: PyRef, _ index: Int) -> PyRef {
    precondition(index >= 0 && index < list.size, "list index \(index) out of range")
    return PyRef(items(list).unsafelyUnwrapped[index].unsafelyUnwrapped)
  }

  /// The item array; only valid while the list has items.
  @inline(__always)
  static func storage(_ list: PyRef) -> UnsafeMutablePointer<UnsafeMutableRawPointer?> {
    items(list).unsafelyUnwrapped
  }

  static func makeType(_ rt: RuntimeRef) -> PyType {
    let type = rt.makeType(name: "list", basicSize: basicSize, flags: [.haveGC], dealloc: dealloc, traverse: traverse, clear: clear)
    type.record.pointee.traverseKind = .list
    return type
  }

  /// Items are released last to first, then the array, then the list.
  static let dealloc: Slot.Dealloc = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let list = PyRef(raw)
    rt.untrack(list)
    releaseItems(list, rt)
    if list.type == rt.state.pointee.types.list, rt.state.pointee.freeLists.lists.count < FreeLists.listCapacity {
      rt.state.pointee.freeLists.lists.push(list)
      return
    }
    rt.freeObject(list)
  }

  /// `list_clear`: detach the items, then release them last to first.
  static let clear: Slot.Clear = { raw, runtime in
    releaseItems(PyRef(raw), RuntimeRef(raw: runtime))
  }

  static func releaseItems(_ list: PyRef, _ rt: RuntimeRef) {
    guard let storage = items(list) else { return }
    let count = list.size
    list.size = 0
    setItems(list, nil, allocated: 0)
    ItemArray.releaseBackwards(storage, count: count, rt)
    rt.freeMemory(UnsafeMutableRawPointer(storage))
  }

  /// Calls `body` with each item, last to first, as ``traverse`` visits them: the collector's
  /// inlined form of ``traverse`` (``TraverseKind/list``).
  @inline(__always)
  static func forEachReference(_ list: PyRef, _ body: (UnsafeMutableRawPointer) -> Void) {
    guard let storage = items(list) else { return }
    ItemArray.forEachBackwards(storage, count: list.size, body)
  }

  /// Visits items last to first (what `gc.get_referents` reports).
  static let traverse: Slot.Traverse = { raw, visit, arg in
    let list = PyRef(raw)
    guard let storage = ListObject.items(list) else { return 0 }
    return ItemArray.visitBackwards(storage, count: list.size, visit, arg)
  }
}

extension RuntimeRef {
  /// A new empty list, tracked.
  /// An exact, untracked list with its fields for the caller to set: a parked one when
  /// the free list has one.
  @inline(__always)
  func allocateExactList() -> PyRef? {
    if let parked = state.pointee.freeLists.lists.pop() { return revive(parked, as: state.pointee.types.list) }
    return allocateObject(state.pointee.types.list)
  }

  public func newList() -> PyRef? {
    guard let list = allocateExactList() else { return nil }
    list.size = 0
    ListObject.setItems(list, nil, allocated: 0)
    track(list)
    return list
  }

  /// A new list of `count` items, all nil, for the caller to fill (`PyList_New(n)`): the
  /// array is exactly `count` long. Tracked; nil slots are skipped by the traversal.
  public func newList(count: Int) -> PyRef? {
    guard let list = allocateExactList() else { return nil }
    list.size = 0
    ListObject.setItems(list, nil, allocated: 0)
    if count > 0 {
      guard count <= Int.max / 8, let block = allocateMemory(count * 8) else {
        freeObject(list)
        if !hasError { raise("MemoryError") }
        return nil
      }
      let storage = block.assumingMemoryBound(to: UnsafeMutableRawPointer?.self)
      storage.initialize(repeating: nil, count: count)
      ListObject.setItems(list, storage, allocated: count)
      list.size = count
    }
    track(list)
    return list
  }

  /// `list_resize`: makes room for `newSize` items and sets the size. Reallocates only when
  /// the array is too small or less than half used, over-allocating as CPython does
  /// (0, 4, 8, 16, 24, 32, 40, 52, 64, 76, …). Items past the new size must have been taken
  /// out by the caller; new slots are uninitialized. False with `MemoryError`.
  @discardableResult
  func listResize(_ list: PyRef, _ newSize: Int) -> Bool {
    let allocated = ListObject.allocated(list)
    if allocated >= newSize && newSize >= allocated >> 1 {
      list.size = newSize
      return true
    }
    var capacity = 0
    if newSize > 0 {
      guard newSize <= (Int.max - 6) / 2 else { raise("MemoryError"); return false }
      capacity = (newSize + (newSize >> 3) + 6) & ~3
      // Do not over-allocate when the new size is closer to that than to the old size.
      if newSize - list.size > capacity - newSize { capacity = (newSize + 3) & ~3 }
    }
    // Shrinking to nothing keeps an array (CPython's `PyMem_Realloc(items, 0)` returns a
    // live block), so the next extend grows by the over-allocation rule, not exactly.
    guard capacity <= Int.max / 8,
          let grown = reallocateMemory(ListObject.items(list).map(UnsafeMutableRawPointer.init), max(capacity, 1) * 8) else {
      if !hasError { raise("MemoryError") }
      return false
    }
    ListObject.setItems(list, grown.assumingMemoryBound(to: UnsafeMutableRawPointer?.self), allocated: capacity)
    list.size = newSize
    return true
  }

  /// `list_preallocate_exact`: an empty list with no array gets one of exactly `count`
  /// slots, rounded up to even. The size stays 0.
  func listPreallocateExact(_ list: PyRef, _ count: Int) -> Bool {
    let capacity = (count + 1) & ~1
    guard capacity <= Int.max / 8, let block = allocateMemory(capacity * 8) else {
      if !hasError { raise("MemoryError") }
      return false
    }
    ListObject.setItems(list, block.assumingMemoryBound(to: UnsafeMutableRawPointer?.self), allocated: capacity)
    return true
  }

  /// `list.append`: takes a new reference to `item`. False (with `MemoryError`) on failure.
  @discardableResult
  public func listAppend(_ list: PyRef, _ item: PyRef) -> Bool {
    let count = list.size
    if count < ListObject.allocated(list) {
      item.incref()
      ListObject.storage(list)[count] = item.raw
      list.size = count &+ 1
      return true
    }
    guard listResize(list, count + 1) else { return false }
    item.incref()
    ListObject.storage(list)[count] = item.raw
    return true
  }

  /// `list[index] = item`: takes a new reference to `item`, releases the old one after.
  public func listSetItem(_ list: PyRef, _ index: Int, _ item: PyRef) {
    precondition(index >= 0 && index < list.size, "list assignment index \(index) out of range")
    let storage = ListObject.storage(list)
    let old = storage[index]
    item.incref()
    storage[index] = item.raw
    decref(PyRef(old))
  }

  /// `list.pop()`: returns the last item (a new reference), or nil when empty. Shrinks the
  /// array as CPython does.
  public func listPop(_ list: PyRef) -> PyRef? {
    guard list.size > 0 else { return nil }
    let item = PyRef(ListObject.storage(list)[list.size - 1].unsafelyUnwrapped)
    if !listResize(list, list.size - 1) {
      clearError()   // shrinking cannot need memory it does not have; keep the bigger array
      list.size -= 1
    }
    return item
  }

  /// `list.clear()`.
  public func listClear(_ list: PyRef) {
    ListObject.clear(list.raw, raw)
  }

  /// A new list holding `list[start..<start+count]` (`list_slice`): always an exact list,
  /// its array exactly `count` long (`list_new_prealloc`).
  func listSlice(_ list: PyRef, _ start: Int, _ count: Int) -> PyRef? {
    guard let result = newList(count: max(count, 0)) else { return nil }
    guard count > 0 else { return result }
    let source = ListObject.storage(list), target = ListObject.storage(result)
    for index in 0..<count {
      let item = source[start + index]
      PyRef(item.unsafelyUnwrapped).incref()
      target[index] = item
    }
    return result
  }
}
