/// The mutable sequence: a header with an out-of-line item array from the mem domain.
///
/// ```
///   -16 GC header | 0 refcount | 8 type | 16 ob_size | 24 items → [item 0, item 1, …] | 32 allocated
/// ```
/// `sys.getsizeof([])` is 56, as in CPython. Tracked from birth.
/// CPython: Objects/listobject.c.
public enum ListObject {
  static let itemsOffset = 24
  static let allocatedOffset = 32

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

  static func makeType(_ rt: RuntimeRef) -> PyType {
    let type = rt.makeType(name: "list", basicSize: 40, flags: [.haveGC], dealloc: dealloc, traverse: traverse, clear: clear)
    type.record.pointee.traverseKind = .list
    return type
  }

  /// Items are released last to first, then the array, then the list.
  static let dealloc: Slot.Dealloc = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let list = PyRef(raw)
    rt.untrack(list)
    releaseItems(list, rt)
    rt.freeObject(list)
  }

  /// `list_clear`: detach the items, then release them last to first.
  static let clear: Slot.Clear = { raw, runtime in
    releaseItems(PyRef(raw), RuntimeRef(raw: runtime))
  }

  private static func releaseItems(_ list: PyRef, _ rt: RuntimeRef) {
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
  public func newList() -> PyRef? {
    guard let list = allocateObject(state.pointee.types.list) else { return nil }
    list.size = 0
    ListObject.setItems(list, nil, allocated: 0)
    track(list)
    return list
  }

  /// `list.append`: takes a new reference to `item`. False (with `MemoryError`) on failure.
  @discardableResult
  public func listAppend(_ list: PyRef, _ item: PyRef) -> Bool {
    let count = list.size
    if count == ListObject.allocated(list) {
      // CPython's over-allocation: new_allocated = (n + n/8 + 6) & ~3.
      let newSize = count + 1
      let capacity = (newSize + (newSize >> 3) + 6) & ~3
      guard let grown = reallocateMemory(ListObject.items(list).map(UnsafeMutableRawPointer.init), capacity * 8) else {
        return false
      }
      ListObject.setItems(list, grown.assumingMemoryBound(to: UnsafeMutableRawPointer?.self), allocated: capacity)
    }
    item.incref()
    ListObject.items(list).unsafelyUnwrapped[count] = item.raw
    list.size = count + 1
    return true
  }

  /// `list[index] = item`: takes a new reference to `item`, releases the old one after.
  public func listSetItem(_ list: PyRef, _ index: Int, _ item: PyRef) {
    precondition(index >= 0 && index < list.size, "list assignment index \(index) out of range")
    let storage = ListObject.items(list).unsafelyUnwrapped
    let old = storage[index]
    item.incref()
    storage[index] = item.raw
    decref(PyRef(old))
  }

  /// `list.pop()`: returns the last item (a new reference), or nil when empty.
  public func listPop(_ list: PyRef) -> PyRef? {
    guard list.size > 0 else { return nil }
    list.size -= 1
    return PyRef(ListObject.items(list).unsafelyUnwrapped[list.size])
  }

  /// `list.clear()`.
  public func listClear(_ list: PyRef) {
    ListObject.clear(list.raw, raw)
  }
}
