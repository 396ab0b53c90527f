/// The mutable byte string, in CPython 3.11's layout.
///
/// ```
///   0 refcount | 8 type | 16 ob_size | 24 ob_alloc | 32 ob_bytes | 40 ob_start | 48 ob_exports
/// ```
/// The bytes live in a separate block of the object domain (`PyObject_Malloc`, as CPython
/// allocates them), `ob_alloc` bytes long with room for a trailing NUL; an empty bytearray
/// has none (`ob_bytes` NULL, `ob_alloc` 0). `ob_start` is always `ob_bytes` here (no
/// deletions from the front keep an offset). `sys.getsizeof` is 56 + `ob_alloc`, as in
/// CPython, and tracemalloc sees the same two blocks.
///
/// A first cut: construction, the sequence protocol, comparison, concatenation,
/// `append`/`extend`/`pop`/`clear`/`copy`, and the read-only methods of `bytes` (which run
/// on a copy).
/// CPython: Include/cpython/bytearrayobject.h, Objects/bytearrayobject.c.
public enum ByteArrayObject {
  static let sizeOffset = 16
  static let allocatedOffset = 24
  static let bytesOffset = 32
  static let startOffset = 40
  static let exportsOffset = 48
  static let basicSize = 56

  public static func count(_ object: PyRef) -> Int { object.size }
  static func allocated(_ object: PyRef) -> Int { object.raw.load(fromByteOffset: allocatedOffset, as: Int.self) }
  /// The first byte, or nil when nothing is allocated.
  public static func data(_ object: PyRef) -> UnsafeMutablePointer<UInt8>? {
    object.raw.load(fromByteOffset: bytesOffset, as: UnsafeMutablePointer<UInt8>?.self)
  }
  public static func buffer(_ object: PyRef) -> UnsafeRawBufferPointer {
    UnsafeRawBufferPointer(start: data(object), count: count(object))
  }

  static func setStorage(_ object: PyRef, _ storage: UnsafeMutablePointer<UInt8>?, count: Int, allocated: Int) {
    object.size = count
    object.raw.storeBytes(of: allocated, toByteOffset: allocatedOffset, as: Int.self)
    object.raw.storeBytes(of: storage, toByteOffset: bytesOffset, as: UnsafeMutablePointer<UInt8>?.self)
    object.raw.storeBytes(of: storage, toByteOffset: startOffset, as: UnsafeMutablePointer<UInt8>?.self)
  }

  static func makeType(_ rt: RuntimeRef) -> PyType {
    let type = rt.makeType(name: "bytearray", basicSize: basicSize, dealloc: dealloc, hash: RuntimeRef.unhashable)
    type.record.pointee.kind = .bytearray
    return type
  }

  static let dealloc: Slot.Dealloc = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let object = PyRef(raw)
    if object.type.isGC { rt.untrack(object) }
    if let storage = data(object) { rt.state.pointee.heap.free(storage) }
    rt.freeObject(object)
  }
}

extension RuntimeRef {
  /// Makes the `bytearray` type (after `bytes`, whose methods it borrows).
  func bootstrapByteArray() {
    let type = ByteArrayObject.makeType(self)
    state.pointee.types.bytearray = type
    readyBuiltinType(type, base: nil, kind: .bytearray)
    ByteArraySlots.install(type)
    addSlotWrappers(type)
    addMethods(type, ByteArraySlots.methods + ByteArraySlots.borrowedMethods)
  }

  /// A new exact bytearray holding a copy of `source`.
  public func newByteArray(_ source: UnsafeRawBufferPointer) -> PyRef? {
    guard let object = allocateObject(state.pointee.types.bytearray) else { return nil }
    ByteArrayObject.setStorage(object, nil, count: 0, allocated: 0)
    object.raw.storeBytes(of: 0, toByteOffset: ByteArrayObject.exportsOffset, as: Int.self)
    guard byteArrayAppend(object, source) else {
      decref(object)
      return nil
    }
    return object
  }

  /// Appends bytes, growing the block as CPython does: a modest growth (to at most 9/8 of
  /// the block) over-allocates by an eighth, a bigger jump asks for exactly the need.
  /// CPython: `PyByteArray_Resize()`.
  func byteArrayAppend(_ object: PyRef, _ tail: UnsafeRawBufferPointer) -> Bool {
    let count = ByteArrayObject.count(object)
    let wanted = count + tail.count
    if wanted == count { return true }
    if wanted + 1 > ByteArrayObject.allocated(object) {
      let allocated = ByteArrayObject.allocated(object)
      let size = wanted <= allocated + (allocated >> 3) ? wanted + (wanted >> 3) + (wanted < 9 ? 3 : 6) : wanted + 1
      let old = ByteArrayObject.data(object).map { UnsafeMutableRawPointer($0) }
      guard let block = state.pointee.heap.reallocate(old, byteCount: size) else {
        raise("MemoryError")
        return false
      }
      ByteArrayObject.setStorage(object, block.assumingMemoryBound(to: UInt8.self), count: count, allocated: size)
    }
    let storage = ByteArrayObject.data(object)!
    if let base = tail.baseAddress { (storage + count).update(from: base.assumingMemoryBound(to: UInt8.self), count: tail.count) }
    storage[wanted] = 0
    object.size = wanted
    return true
  }

  /// Drops everything (`clear()`), freeing the block.
  func byteArrayClear(_ object: PyRef) {
    if let storage = ByteArrayObject.data(object) { state.pointee.heap.free(storage) }
    ByteArrayObject.setStorage(object, nil, count: 0, allocated: 0)
  }

  /// A bytes copy of a bytearray's contents (for the methods borrowed from bytes).
  func bytesCopy(ofByteArray object: PyRef) -> PyRef? { newBytes(ByteArrayObject.buffer(object)) }
}
