/// The double-precision float. Never tracked, holds no references.
///
/// ```
///    0 +--------------------+
///      | refcount           |
///    8 | type               |  on the free list: the next free float, or nil
///   16 | value: Double      |
///   24 +--------------------+   sys.getsizeof(1.5) == 24
/// ```
/// Like CPython 3.11, freed exact floats go on a per-runtime LIFO free list of up to 100
/// and are reused by the next float created, so a new float often gets the `id()` of one
/// just freed. The list never touches the collector's counts (floats are not GC objects);
/// ``RuntimeRef/clearFloatFreeList()`` gives the memory back (a full collection's job).
/// CPython: Objects/floatobject.c, `PyFloat_FromDouble`, `float_dealloc`,
/// `_PyFloat_ClearFreeList`.
public enum FloatObject {
  static let valueOffset = 16
  static let basicSize = 24
  /// `PyFloat_MAXFREELIST`.
  static let freeListCapacity = 100

  @inlinable @inline(__always)
  public static func value(_ object: PyRef) -> Double { object.raw.load(fromByteOffset: 16, as: Double.self) }

  static func makeType(_ rt: RuntimeRef) -> PyType {
    rt.makeType(name: "float", basicSize: basicSize, dealloc: dealloc, hash: hashSlot, equal: NumberEquality.equalSlot)
  }

  /// Parks an exact float on the free list when there is room; frees it otherwise.
  static let dealloc: Slot.Dealloc = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let object = PyRef(raw)
    let state = rt.state
    guard object.type == state.pointee.types.float,
          state.pointee.numbers.floatFreeCount < FloatObject.freeListCapacity else {
      rt.freeObject(object)
      return
    }
    raw.storeBytes(of: state.pointee.numbers.floatFreeList, toByteOffset: 8, as: UnsafeMutableRawPointer?.self)
    state.pointee.numbers.floatFreeList = raw
    state.pointee.numbers.floatFreeCount += 1
  }

  static let hashSlot: Slot.Hash = { raw, _ in
    FloatObject.hash(FloatObject.value(PyRef(raw)), object: PyRef(raw))
  }
}

extension RuntimeRef {
  /// A new float holding `value`, from the free list when it has one.
  public func newFloat(_ value: Double) -> PyRef? { makeFloat(value) }

  /// ``newFloat(_:)`` inlined into the loop's float fast paths.
  @inline(__always)
  func makeFloat(_ value: Double) -> PyRef? {
    let object: PyRef
    if let free = state.pointee.numbers.floatFreeList {
      state.pointee.numbers.floatFreeList = free.load(fromByteOffset: 8, as: UnsafeMutableRawPointer?.self)
      state.pointee.numbers.floatFreeCount &-= 1
      object = PyRef(free)
      object.refcount = 1
      object.type = state.pointee.types.float
    } else {
      guard let fresh = allocateObject(state.pointee.types.float) else { return nil }
      object = fresh
    }
    object.raw.storeBytes(of: value, toByteOffset: 16, as: Double.self)
    return object
  }

  /// Whether `object` is a float or an instance of a subclass of float (`PyFloat_Check`).
  @inlinable
  public func isFloat(_ object: PyRef) -> Bool { object.type.record.pointee.kind == .float }

  /// Whether `object` is exactly a float (`PyFloat_CheckExact`).
  @inlinable
  public func isExactFloat(_ object: PyRef) -> Bool { object.type == state.pointee.types.float }

  /// Frees every float on the free list (CPython: `_PyFloat_ClearFreeList`, run by full
  /// collections). Returns how many were freed.
  @discardableResult
  public func clearFloatFreeList() -> Int {
    var freed = 0
    while let free = state.pointee.numbers.floatFreeList {
      state.pointee.numbers.floatFreeList = free.load(fromByteOffset: 8, as: UnsafeMutableRawPointer?.self)
      state.pointee.heap.free(free)
      freed += 1
    }
    state.pointee.numbers.floatFreeCount = 0
    return freed
  }

  /// How many floats wait on the free list.
  public var floatFreeListCount: Int { state.pointee.numbers.floatFreeCount }
}
