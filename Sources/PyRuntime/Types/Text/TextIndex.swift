/// Turning objects into machine indices, as the sequence operations of str and bytes need:
/// `s[i]`, `s * n`, `s.center(width)`, the `start`/`end` arguments of `find`.
///
/// An object is an index when it is an int (bool included) or its type defines `__index__`
/// (which must return an int). What happens when the value does not fit in an `Int`
/// depends on the caller, as with CPython's `PyNumber_AsSsize_t(o, exc)`: `s[10**30]` raises
/// IndexError, `s * 10**30` OverflowError, and slice bounds clamp.
/// CPython: Objects/abstract.c, `PyNumber_Index()`, `PyNumber_AsSsize_t()`;
/// Python/ceval.c, `_PyEval_SliceIndex()`.
extension RuntimeRef {
  /// What ``textIndexValue(_:overflow:)`` does with a value that does not fit in an `Int`.
  enum IndexOverflow {
    /// Raise this exception class with "cannot fit 'int' into an index-sized integer".
    case raise(String)
    /// Clamp to `Int.min` / `Int.max`.
    case clamp
  }

  /// Whether `object` can be used as an index: an int, or has `__index__`.
  func textSupportsIndex(_ object: PyRef) -> Bool {
    let kind = object.type.record.pointee.kind
    if kind == .int || kind == .bool { return true }
    return lookup(object.type, textNames.index) != nil
  }

  /// `operator.index(object)` as a new int reference: TypeError "'float' object cannot be
  /// interpreted as an integer" when it is no index, or "__index__ returned non-int (type
  /// str)" when `__index__` misbehaves.
  func textIndexObject(_ object: PyRef) -> PyRef? {
    let kind = object.type.record.pointee.kind
    if kind == .int || kind == .bool {
      object.incref()
      return object
    }
    guard let method = lookup(object.type, textNames.index) else {
      raise("TypeError", "'\(object.type.name)' object cannot be interpreted as an integer")
      return nil
    }
    guard let result = callMethodLike(method, boundTo: object, []) else { return nil }
    let resultKind = result.type.record.pointee.kind
    guard resultKind == .int || resultKind == .bool else {
      raise("TypeError", "__index__ returned non-int (type \(result.type.name))")
      decref(result)
      return nil
    }
    return result
  }

  /// The index value of `object` as an `Int`; nil with an exception set.
  func textIndexValue(_ object: PyRef, overflow: IndexOverflow = .raise("OverflowError")) -> Int? {
    let kind = object.type.record.pointee.kind
    if kind == .int || kind == .bool, let value = IntObject.exactValue(object) { return value }
    guard let index = textIndexObject(object) else { return nil }
    defer { decref(index) }
    if let value = IntObject.exactValue(index) { return value }
    switch overflow {
    case .raise(let name):
      raise(name, "cannot fit '\(object.type.name)' into an index-sized integer")
      return nil
    case .clamp:
      return IntObject.isNegative(index) ? Int.min : Int.max
    }
  }

  /// A `start`/`end` argument of find, count, startswith and friends: None is nil, an index
  /// is clamped, anything else is TypeError "slice indices must be integers or None or have
  /// an __index__ method" (`_PyEval_SliceIndex`). The outer optional is nil on error.
  func textSliceBound(_ object: PyRef?) -> Int?? {
    guard let object, object != state.pointee.none else { return .some(nil) }
    guard textSupportsIndex(object) else {
      raise("TypeError", "slice indices must be integers or None or have an __index__ method")
      return nil
    }
    guard let value = textIndexValue(object, overflow: .clamp) else { return nil }
    return .some(value)
  }
}
