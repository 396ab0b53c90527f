/// An atomic object: a machine-word int (arbitrary precision comes with the interpreter).
/// Never tracked, holds no references. Small ints −5…256 are cached and immortal.
///
/// ```
///   0 refcount | 8 type | 16 value: Int        (basic size 24)
/// ```
/// CPython: Objects/longobject.c (`PyLongObject`, `get_small_int`).
public enum IntObject {
  static let valueOffset = 16
  static let basicSize = 24
  static let smallNegative = 5
  static let smallPositive = 257

  public static func value(_ object: PyRef) -> Int { object.raw.load(fromByteOffset: valueOffset, as: Int.self) }

  static func makeType(_ rt: RuntimeRef) -> PyType {
    rt.makeType(name: "int", basicSize: basicSize, dealloc: deallocPlain, hash: hash, equal: equal)
  }

  static let hash: Slot.Hash = { object, _ in
    let value = IntObject.value(PyRef(object))
    return value == -1 ? -2 : value
  }

  static let equal: Slot.Equal = { a, b, runtime in
    let rt = RuntimeRef(raw: runtime)
    let left = PyRef(a), right = PyRef(b)
    guard left.type == rt.state.pointee.types.int, right.type == rt.state.pointee.types.int else {
      return a == b ? 1 : 0
    }
    return IntObject.value(left) == IntObject.value(right) ? 1 : 0
  }
}

extension RuntimeRef {
  /// A new reference to an int with `value`; cached for −5…256.
  public func newInt(_ value: Int) -> PyRef? {
    if value >= -IntObject.smallNegative && value < IntObject.smallPositive {
      let cached = state.pointee.smallInts[value + IntObject.smallNegative]
      cached.incref()
      return cached
    }
    guard let object = allocateObject(state.pointee.types.int) else { return nil }
    object.raw.storeBytes(of: value, toByteOffset: IntObject.valueOffset, as: Int.self)
    return object
  }
}
