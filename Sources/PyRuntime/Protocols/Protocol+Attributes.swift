/// Attribute access. CPython: Objects/object.c, `PyObject_GetAttr()`,
/// `_PyObject_GenericGetAttrWithDict()`, `_PyObject_GenericSetAttrWithDict()`.
extension RuntimeRef {
  /// `object.name` (`name` is a str): a new reference, or nil with `AttributeError` (or
  /// whatever the lookup raised) set.
  public func getAttribute(_ object: PyRef, _ name: PyRef) -> PyRef? {
    let slot = object.type.record.pointee.getAttribute ?? RuntimeRef.genericGetAttribute
    return PyRef(slot(object.raw, name.raw, raw))
  }

  /// ``getAttribute(_:_:)`` by Swift string.
  public func getAttribute(_ object: PyRef, _ name: String) -> PyRef? {
    guard let key = internedString(name) else { return nil }
    defer { decref(key) }
    return getAttribute(object, key)
  }

  /// `getattr(object, name, None)` without raising `AttributeError`: nil when absent (other
  /// exceptions stay set).
  public func getOptionalAttribute(_ object: PyRef, _ name: String) -> PyRef? {
    guard let value = getAttribute(object, name) else {
      if exceptionMatches("AttributeError") { clearError() }
      return nil
    }
    return value
  }

  /// `object.name = value`, or `del object.name` when `value` is nil.
  @discardableResult
  public func setAttribute(_ object: PyRef, _ name: PyRef, _ value: PyRef?) -> Bool {
    let slot = object.type.record.pointee.setAttribute ?? RuntimeRef.genericSetAttribute
    return slot(object.raw, name.raw, value?.raw, raw) == 0
  }

  /// ``setAttribute(_:_:_:)`` by Swift string.
  @discardableResult
  public func setAttribute(_ object: PyRef, _ name: String, _ value: PyRef?) -> Bool {
    guard let key = internedString(name) else { return false }
    defer { decref(key) }
    return setAttribute(object, key, value)
  }

  /// The instance dict of `object`, or nil when its type has none (or, with an exception
  /// set, when it could not be made). Borrowed; created on first use. For a class with a
  /// managed dict this is CPython 3.11's `__dict__` materialisation: the inline values
  /// move into a dict object (``materializeInstanceDict(_:)``), which is what Python code
  /// sees from then on.
  public func instanceDict(_ object: PyRef) -> PyRef? {
    let offset = object.type.record.pointee.dictOffset
    guard offset != 0 else { return nil }
    if let dict = object.loadRef(at: offset) { return dict }
    if object.type.flags.contains(.managedDict) { return materializeInstanceDict(object) }
    guard let dict = newDict() else { return nil }
    object.storeRef(dict, at: offset)
    return dict
  }

  /// Calls a descriptor's `__get__` when it has one; otherwise returns it (new reference).
  func bindDescriptor(_ descriptor: PyRef, _ instance: PyRef?, _ owner: PyType) -> PyRef? {
    if let get = descriptor.type.record.pointee.descriptorGet {
      return PyRef(get(descriptor.raw, instance?.raw, owner.raw, raw))
    }
    descriptor.incref()
    return descriptor
  }

  /// `object.__getattribute__`: data descriptors on the type, then the instance dict, then
  /// other type attributes.
  public static let genericGetAttribute: Slot.GetAttribute = { objectRaw, nameRaw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let object = PyRef(objectRaw), name = PyRef(nameRaw)
    let type = object.type
    let descriptor = rt.lookup(type, name)
    if let descriptor, let get = descriptor.type.record.pointee.descriptorGet,
       descriptor.type.record.pointee.descriptorSet != nil {
      return get(descriptor.raw, objectRaw, type.raw, runtime)
    }
    let dictOffset = type.record.pointee.dictOffset
    if dictOffset != 0 {
      var dict = object.loadRef(at: dictOffset)
      if dict == nil, type.flags.contains(.managedDict) {
        if name.type == rt.state.pointee.types.str {
          if let value = rt.inlineAttribute(object, name) {
            value.incref()
            return value.raw
          }
        } else {
          // Any other name is looked up in a dict, made from the values.
          guard let made = rt.materializeInstanceDict(object) else { return nil }
          dict = made
        }
      }
      if let dict, let value = rt.dictGetItem(dict, name) {
        value.incref()
        return value.raw
      }
      if rt.hasError { return nil }
    }
    if let descriptor { return rt.bindDescriptor(descriptor, object, type)?.raw }
    rt.raiseNoAttribute(object, name)
    return nil
  }

  /// `AttributeError: 'T' object has no attribute 'name'`.
  public func raiseNoAttribute(_ object: PyRef, _ name: PyRef) {
    if object.type.record.pointee.kind == .module, let moduleName = moduleNameString(object) {
      raise("AttributeError", "module '\(moduleName)' has no attribute '\(StrObject.string(name))'")
      return
    }
    raise("AttributeError", "'\(object.type.name)' object has no attribute '\(StrObject.string(name))'")
  }

  /// `object.__setattr__` / `object.__delattr__`.
  public static let genericSetAttribute: Slot.SetAttribute = { objectRaw, nameRaw, valueRaw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let object = PyRef(objectRaw), name = PyRef(nameRaw)
    let type = object.type
    if let descriptor = rt.lookup(type, name), let set = descriptor.type.record.pointee.descriptorSet {
      return set(descriptor.raw, objectRaw, valueRaw, runtime)
    }
    guard type.record.pointee.dictOffset != 0 else {
      if rt.lookup(type, name) != nil {
        rt.raise("AttributeError", "'\(type.name)' object attribute '\(StrObject.string(name))' is read-only")
      } else {
        rt.raiseNoAttribute(object, name)
      }
      return -1
    }
    if type.flags.contains(.managedDict), object.loadRef(at: type.record.pointee.dictOffset) == nil {
      return rt.storeInlineAttribute(object, name, PyRef(valueRaw))
    }
    guard let dict = rt.instanceDict(object) else { return -1 }
    if let value = PyRef(valueRaw) {
      return rt.dictSetItem(dict, name, value) ? 0 : -1
    }
    if rt.dictGetItem(dict, name) == nil {
      if !rt.hasError { rt.raiseNoAttribute(object, name) }
      return -1
    }
    return rt.dictDelItem(dict, name) ? 0 : -1
  }
}
