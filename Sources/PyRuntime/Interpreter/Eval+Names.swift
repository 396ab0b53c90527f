/// Name lookup for the loop: locals dicts, globals, builtins, and the unbound-variable
/// errors. CPython: Python/ceval.c (`LOAD_NAME`, `LOAD_GLOBAL`, `format_exc_unbound`).
extension RuntimeRef {
  /// `mapping[key]` for a namespace that may be a dict or any mapping; nil when absent
  /// (an exception is set only if the lookup itself failed).
  func mappingGet(_ mapping: PyRef, _ key: PyRef) -> PyRef? {
    if mapping.type == state.pointee.types.dict {
      guard let value = dictGetItem(mapping, key) else { return nil }
      value.incref()
      return value
    }
    guard let value = getItem(mapping, key) else {
      if exceptionMatches("KeyError") { clearError() }
      return nil
    }
    return value
  }

  func loadName(_ frame: UnsafeMutablePointer<Frame>, _ name: PyRef) -> PyRef? {
    if let locals = frame.pointee.locals {
      if let value = mappingGet(locals, name) { return value }
      if hasError { return nil }
    }
    return loadGlobal(frame, name)
  }

  func loadGlobal(_ frame: UnsafeMutablePointer<Frame>, _ name: PyRef) -> PyRef? {
    if let value = dictGetItem(frame.pointee.globals, name) ?? dictGetItem(frame.pointee.builtins, name) {
      value.incref()
      return value
    }
    if !hasError { raise("NameError", "name '\(StrObject.string(name))' is not defined") }
    return nil
  }

  func loadBuiltin(_ frame: UnsafeMutablePointer<Frame>, _ name: String) -> PyRef? {
    guard let key = internedString(name) else { return nil }
    defer { decref(key) }
    guard let value = dictGetItem(frame.pointee.builtins, key) else {
      raise("NameError", "\(name) not found")
      return nil
    }
    value.incref()
    return value
  }

  func storeName(_ frame: UnsafeMutablePointer<Frame>, _ name: PyRef, _ value: PyRef) -> Bool {
    guard let locals = frame.pointee.locals else {
      raise("SystemError", "no locals found when storing \(StrObject.string(name))")
      return false
    }
    if locals.type == state.pointee.types.dict { return dictSetItem(locals, name, value) }
    return setItem(locals, name, value)
  }

  func deleteName(_ frame: UnsafeMutablePointer<Frame>, _ name: PyRef) -> Bool {
    guard let locals = frame.pointee.locals else {
      raise("SystemError", "no locals when deleting \(StrObject.string(name))")
      return false
    }
    if locals.type == state.pointee.types.dict {
      if dictGetItem(locals, name) == nil {
        if !hasError { raise("NameError", "name '\(StrObject.string(name))' is not defined") }
        return false
      }
      return dictDelItem(locals, name)
    }
    if !setItem(locals, name, nil) {
      if exceptionMatches("KeyError") {
        clearError()
        raise("NameError", "name '\(StrObject.string(name))' is not defined")
      }
      return false
    }
    return true
  }

  func raiseUnboundLocal(_ frame: UnsafeMutablePointer<Frame>, _ index: Int) {
    let name = CodeType.code(frame.pointee.code).localsPlusNames[index]
    raise("UnboundLocalError", "cannot access local variable '\(name)' where it is not associated with a value")
  }

  func raiseUnboundDeref(_ frame: UnsafeMutablePointer<Frame>, _ index: Int) {
    let code = CodeType.code(frame.pointee.code)
    let name = code.localsPlusNames[index]
    if code.localsPlusKinds[index].contains(.free) {
      raise("NameError", "cannot access free variable '\(name)' where it is not associated with a value in enclosing scope")
    } else {
      raiseUnboundLocal(frame, index)
    }
  }

  /// `LOAD_METHOD`: `(function, object)` when the attribute is a plain function found on the
  /// type (no bound method is made), `(attribute, nil)` otherwise. The first is a new
  /// reference; in the first case the caller's reference to `object` becomes the second.
  func loadMethod(_ object: PyRef, _ name: PyRef) -> (PyRef, PyRef?)? {
    let type = object.type
    let getAttributeSlot = type.record.pointee.getAttribute
    if sameFunction(getAttributeSlot, RuntimeRef.genericGetAttribute), let descriptor = lookup(type, name) {
      let kind = descriptor.type.record.pointee.kind
      let isPlainMethod = (kind == .function && descriptor.type == state.pointee.types.function)
        || (kind == .methodDescriptor && !BuiltinFunctionObject.flags(descriptor).contains(.classMethod)
            && !BuiltinFunctionObject.flags(descriptor).contains(.staticMethod))
      if isPlainMethod {
        // An instance attribute of the same name shadows the method.
        let dictOffset = type.record.pointee.dictOffset
        let shadowed: Bool
        if dictOffset == 0 {
          shadowed = false
        } else if let dict = object.loadRef(at: dictOffset) {
          shadowed = dictGetItem(dict, name) != nil
        } else {
          shadowed = type.flags.contains(.managedDict) && name.type == state.pointee.types.str
            && inlineAttribute(object, name) != nil
        }
        if !shadowed {
          if hasError { return nil }
          descriptor.incref()
          return (descriptor, object)
        }
      }
    }
    guard let value = getAttribute(object, name) else { return nil }
    return (value, nil)
  }

  /// `SETUP_ANNOTATIONS`: an empty `__annotations__` dict in the namespace, unless present.
  func setupAnnotations(_ frame: UnsafeMutablePointer<Frame>) -> Bool {
    guard let locals = frame.pointee.locals, let key = internedString("__annotations__") else { return false }
    defer { decref(key) }
    if let existing = mappingGet(locals, key) {
      decref(existing)
      return true
    }
    if hasError { return false }
    guard let dict = newDict() else { return false }
    defer { decref(dict) }
    return storeName(frame, key, dict)
  }

  /// The annotations dict from `MAKE_FUNCTION`'s tuple of alternating names and values.
  func annotationsFromPairs(_ pairs: PyRef) -> PyRef? {
    if pairs.type.record.pointee.kind == .dict {
      pairs.incref()
      return pairs
    }
    guard let dict = newDict() else { return nil }
    var index = 0
    let count = TupleObject.count(pairs)
    while index + 1 < count {
      dictSetItem(dict, TupleObject.item(pairs, index)!, TupleObject.item(pairs, index + 1)!)
      index += 2
    }
    return dict
  }
}
