/// `repr()` and `str()`. CPython: Objects/object.c, `PyObject_Repr()`, `PyObject_Str()`.
extension RuntimeRef {
  /// `repr(object)`: a new str, or nil with an exception set.
  public func repr(_ object: PyRef) -> PyRef? {
    guard let slot = object.type.record.pointee.repr else { return defaultRepr(object) }
    guard enterRecursiveCall(" while getting the repr of an object") else { return nil }
    let result = PyRef(slot(object.raw, raw))
    leaveRecursiveCall()
    return checkText(result, "__repr__")
  }

  /// `str(object)`: a new str, or nil with an exception set. Falls back to `repr`.
  public func str(_ object: PyRef) -> PyRef? {
    if object.type == state.pointee.types.str {
      object.incref()
      return object
    }
    guard let slot = object.type.record.pointee.str else { return repr(object) }
    guard enterRecursiveCall(" while getting the str of an object") else { return nil }
    let result = PyRef(slot(object.raw, raw))
    leaveRecursiveCall()
    return checkText(result, "__str__")
  }

  /// `repr(object)` as a Swift string; nil with an exception set.
  public func reprString(_ object: PyRef) -> String? {
    guard let text = repr(object) else { return nil }
    defer { decref(text) }
    return StrObject.string(text)
  }

  /// `str(object)` as a Swift string; nil with an exception set.
  public func strString(_ object: PyRef) -> String? {
    guard let text = str(object) else { return nil }
    defer { decref(text) }
    return StrObject.string(text)
  }

  private func checkText(_ result: PyRef?, _ method: String) -> PyRef? {
    guard let result else { return nil }
    if !isInstance(result, state.pointee.types.str) {
      raise("TypeError", "\(method) returned non-string (type \(result.type.name))")
      decref(result)
      return nil
    }
    return result
  }

  /// `<module.Class object at 0x…>`: `object.__repr__`.
  public func defaultRepr(_ object: PyRef) -> PyRef? {
    newStr("<\(qualifiedTypeName(object.type)) object at \(addressText(object))>")
  }

  /// `0x7f…`: an object's address as CPython's reprs print it.
  public func addressText(_ object: PyRef) -> String {
    "0x" + String(UInt(bitPattern: object.raw), radix: 16)
  }

  /// The type's name as reprs show it: `module.QualName` for classes not in `builtins`.
  public func qualifiedTypeName(_ type: PyType) -> String {
    guard type.flags.contains(.heapType) else { return type.name }
    let module = typeAttributeString(type, "__module__")
    let name = typeAttributeString(type, "__qualname__") ?? type.name
    if let module, module != "builtins" { return "\(module).\(name)" }
    return name
  }

  /// A str attribute found in the type's own dict, as a Swift string.
  func typeAttributeString(_ type: PyType, _ name: String) -> String? {
    guard let dict = type.record.pointee.dict, let key = internedString(name) else { return nil }
    defer { decref(key) }
    guard let value = dictGetItem(PyRef(dict), key), isInstance(value, state.pointee.types.str) else { return nil }
    return StrObject.string(value)
  }
}
