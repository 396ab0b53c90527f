/// Attributes of plain instances kept in their inline values (``InstanceValues``, named by
/// the class's ``SharedKeys``), and the dict object that replaces them when one is needed.
/// CPython: Objects/dictobject.c `init_inline_values`, `_PyObject_GetInstanceAttribute`,
/// `_PyObject_StoreInstanceAttribute`, `make_dict_from_instance`.
extension RuntimeRef {
  /// The shared keys of `type` (a class with ``TypeFlags/managedDict``), made on first use.
  func sharedKeys(_ type: PyType) -> SharedKeys? {
    if let raw = type.record.pointee.sharedKeys { return SharedKeys(raw: raw) }
    guard let keys = SharedKeys.make(self) else { return nil }
    type.record.pointee.sharedKeys = keys.raw
    return keys
  }

  /// Allocates an instance of the managed-dict class `type` with its values region
  /// (`init_inline_values`); the fields before it are left for the caller to clear.
  func allocateInstanceWithValues(_ type: PyType) -> PyRef? {
    guard let keys = sharedKeys(type) else { return nil }
    let capacity = keys.capacityForNewInstance()
    guard let object = allocateObject(type, trailingBytes: InstanceValues.byteCount(capacity: capacity)) else { return nil }
    InstanceValues.initialize(at: object.raw + type.record.pointee.basicSize, capacity: capacity)
    return object
  }

  /// The hash of `name`, an exact str, computed if it was not yet.
  @inline(__always)
  private func nameHash(_ name: PyRef) -> Int {
    let hash = name.raw.load(fromByteOffset: StrObject.hashOffset, as: Int.self)
    return hash != -1 ? hash : strHash(name)
  }

  /// `object.name` from `object`'s inline values: borrowed, nil when not set there. For a
  /// managed-dict instance whose dict field is nil, and an exact str `name`.
  func inlineAttribute(_ object: PyRef, _ name: PyRef) -> PyRef? {
    guard let raw = object.type.record.pointee.sharedKeys,
          let index = SharedKeys(raw: raw).index(of: name, hash: nameHash(name)) else { return nil }
    return InstanceValues(object, object.type.record).value(index)
  }

  /// `object.name = value`, or `del object.name` when `value` is nil, in `object`'s inline
  /// values (borrowed arguments): a managed-dict instance whose dict field is nil. A name
  /// that is not an exact str, or that does not fit, moves the attributes into a dict
  /// first. 0, or -1 with an exception set.
  func storeInlineAttribute(_ object: PyRef, _ name: PyRef, _ value: PyRef?) -> Int32 {
    let type = object.type
    let values = InstanceValues(object, type.record)
    if name.type == state.pointee.types.str, let keys = sharedKeys(type) {
      let hash = nameHash(name)
      let index = value == nil ? keys.index(of: name, hash: hash) : keys.insert(name, hash: hash)
      if let index, index < values.capacity {
        if let value {
          value.incref()
          decref(values.store(index, value))
          return 0
        }
        if let old = values.remove(index) {
          decref(old)
          return 0
        }
        raiseNoAttribute(object, name)
        return -1
      }
      if value == nil, index == nil {
        raiseNoAttribute(object, name)
        return -1
      }
    } else if hasError {
      return -1
    }
    guard let dict = materializeInstanceDict(object) else { return -1 }
    if let value { return dictSetItem(dict, name, value) ? 0 : -1 }
    if dictGetItem(dict, name) == nil {
      if !hasError { raiseNoAttribute(object, name) }
      return -1
    }
    return dictDelItem(dict, name) ? 0 : -1
  }

  /// `make_dict_from_instance`: moves a managed-dict instance's inline values into a new
  /// dict in the order they were set, and makes it the instance's dict. Borrowed; the
  /// existing dict when there is one. Nil with `MemoryError` set (the values stay).
  ///
  /// The dict is an ordinary allocation, counted by the collector as CPython counts the
  /// dict object it makes here, and tracked when it holds anything that may be.
  func materializeInstanceDict(_ object: PyRef) -> PyRef? {
    let record = object.type.record
    let offset = record.pointee.dictOffset
    if let dict = object.loadRef(at: offset) { return dict }
    guard let dict = newDict() else { return nil }
    let values = InstanceValues(object, record)
    if values.count > 0, let raw = record.pointee.sharedKeys {
      let keys = SharedKeys(raw: raw)
      for n in 0 ..< values.count {
        let index = values.position(n)
        guard dictSetItem(dict, keys.name(at: index), values.value(index).unsafelyUnwrapped) else {
          decref(dict)
          return nil
        }
      }
      for n in 0 ..< values.count {
        let index = values.position(n)
        decref(PyRef(values.slots[index]))
        values.slots[index] = nil
      }
      values.count = 0
    }
    // Like CPython's, the dict shares the class's names (see DictObject+Split.swift).
    if let raw = record.pointee.sharedKeys { DictObject.setSharedKeys(dict, SharedKeys(raw: raw)) }
    object.storeRef(dict, at: offset)
    return dict
  }

  /// Releases the attributes in `object`'s inline values, by position (CPython's
  /// `_PyObject_FreeInstanceAttributes`). Each slot is emptied before its value is
  /// released, so a finalizer that runs meanwhile sees a consistent region.
  func releaseInlineValues(_ object: PyRef, _ record: UnsafeMutablePointer<TypeRecord>) {
    let values = InstanceValues(object, record)
    var index = 0
    while values.count != 0 && index < values.capacity {
      if let old = values.remove(index) { decref(old) }
      index &+= 1
    }
  }
}
