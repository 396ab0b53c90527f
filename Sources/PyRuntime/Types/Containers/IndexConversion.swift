/// Integers used as indices and sizes: `__index__`, clamping, and length hints.
/// CPython: Objects/abstract.c, `PyIndex_Check()`, `PyNumber_Index()`, `PyNumber_AsSsize_t()`,
/// `PyObject_LengthHint()`.
extension RuntimeRef {
  /// Whether `object` has the int layout: an int, a bool, or an instance of a subclass.
  @inlinable @inline(__always)
  public func hasIntLayout(_ object: PyRef) -> Bool {
    let kind = object.type.record.pointee.kind
    return kind == .int || kind == .bool
  }

  /// `PyIndex_Check`: an int, or an object whose type defines `__index__`.
  public func supportsIndex(_ object: PyRef) -> Bool {
    hasIntLayout(object) || lookup(object.type, "__index__") != nil
  }

  /// `PyNumber_Index`: `object` as an int (a new reference). TypeError "'X' object cannot be
  /// interpreted as an integer" when it has no `__index__`.
  public func indexOperand(_ object: PyRef) -> PyRef? {
    if hasIntLayout(object) {
      object.incref()
      return object
    }
    let (found, result) = callSpecial(object, "__index__")
    guard found else {
      raise("TypeError", "'\(object.type.name)' object cannot be interpreted as an integer")
      return nil
    }
    guard let result else { return nil }
    guard hasIntLayout(result) else {
      raise("TypeError", "__index__ returned non-int (type \(result.type.name))")
      decref(result)
      return nil
    }
    return result
  }

  /// `PyNumber_AsSsize_t`: `object` (through `__index__`) as an `Int`. A value that does not
  /// fit raises `overflow` ("cannot fit 'int' into an index-sized integer"), or is clamped
  /// to `Int.min`/`Int.max` when `overflow` is nil.
  public func indexInteger(_ object: PyRef, overflow: String? = "OverflowError", message: String? = nil) -> Int? {
    if hasIntLayout(object), let value = IntObject.exactValue(object) { return value }
    guard let index = indexOperand(object) else { return nil }
    defer { decref(index) }
    if let value = IntObject.exactValue(index) { return value }
    guard let overflow else { return IntObject.isNegative(index) ? Int.min : Int.max }
    raise(overflow, message ?? "cannot fit '\(index.type.name)' into an index-sized integer")
    return nil
  }

  /// A `Py_ssize_t` argument of a built-in method (Argument Clinic's converter): through
  /// `__index__`, OverflowError "Python int too large to convert to C ssize_t".
  public func sizeArgument(_ object: PyRef) -> Int? {
    indexInteger(object, overflow: "OverflowError", message: "Python int too large to convert to C ssize_t")
  }

  /// `_PyEval_SliceIndexNotNone`: a start/stop argument of `index()`, clamped; TypeError
  /// "slice indices must be integers or have an __index__ method" otherwise.
  func clampedIndexArgument(_ object: PyRef) -> Int? {
    guard supportsIndex(object) else {
      raise("TypeError", "slice indices must be integers or have an __index__ method")
      return nil
    }
    return indexInteger(object, overflow: nil)
  }

  /// `PyObject_LengthHint`: `len(object)`, else `object.__length_hint__()`, else `fallback`.
  /// -1 with an exception set on failure.
  public func lengthHint(_ object: PyRef, fallback: Int) -> Int {
    if object.type.record.pointee.length != nil {
      let count = length(object)
      if count >= 0 { return count }
      guard exceptionMatches("TypeError") else { return -1 }
      clearError()
    }
    let (found, result) = callSpecial(object, "__length_hint__")
    guard found else { return fallback }
    guard let result else {
      guard exceptionMatches("TypeError") else { return -1 }
      clearError()
      return fallback
    }
    defer { decref(result) }
    if result == state.pointee.notImplemented { return fallback }
    guard hasIntLayout(result) else {
      raise("TypeError", "__length_hint__ must be an integer, not \(result.type.name)")
      return -1
    }
    guard let value = IntObject.exactValue(result) else {
      raise("OverflowError", "cannot fit 'int' into an index-sized integer")
      return -1
    }
    guard value >= 0 else {
      raise("ValueError", "__length_hint__() should return >= 0")
      return -1
    }
    return value
  }

  /// Raises `KeyError(key)`: the key itself is the argument, so the message is its repr.
  public func raiseKeyError(_ key: PyRef) {
    guard let exception = newException(exceptionType("KeyError"), arguments: [key]) else { return }
    setException(exception)
  }

  /// `ValueError("<repr> is not in list")`-style messages: the repr of `item` and a suffix.
  func raiseNotIn(_ item: PyRef, _ suffix: String) {
    guard let text = reprString(item) else { return }
    raise("ValueError", "\(text) \(suffix)")
  }
}
