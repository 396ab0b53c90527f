/// Making a type usable: its dict, its base, `__bases__`, `__mro__`, and the slots it
/// inherits. CPython: Objects/typeobject.c, `PyType_Ready()`, `inherit_slots()`,
/// `_PyType_Lookup()`.
extension RuntimeRef {
  /// The type's namespace dict, created on first use.
  public func typeDict(_ type: PyType) -> PyRef {
    if let dict = type.record.pointee.dict { return PyRef(dict) }
    guard let dict = newDict() else { preconditionFailure("typeDict: out of memory making the dict of \(type.name)") }
    DictObject.setOwnerType(dict, type)
    type.record.pointee.dict = dict.raw
    return dict
  }

  /// Readies a built-in type with single inheritance from `base` (nil: `object`; the
  /// `object` type itself passes itself): sets `__bases__` and `__mro__`, and inherits every
  /// slot the type leaves nil.
  public func readyBuiltinType(_ type: PyType, base: PyType?, kind: TypeKind? = nil) {
    let object = state.pointee.types.object!
    _ = typeDict(type)
    if let kind { type.record.pointee.kind = kind }
    if type == object {
      type.record.pointee.bases = state.pointee.emptyTuple.raw
      type.record.pointee.mro = newTuple([type.object])!.raw
      return
    }
    let base = base ?? object
    type.record.pointee.base = base.raw
    type.record.pointee.bases = newTuple([base.object])!.raw
    var mro: [PyRef] = [type.object]
    let baseMRO = PyRef(base.record.pointee.mro!)
    for index in 0..<TupleObject.count(baseMRO) { mro.append(TupleObject.item(baseMRO, index)!) }
    type.record.pointee.mro = newTuple(mro)!.raw
    inheritSlots(type, from: base)
  }

  /// Fills the slots `type` leaves nil from `base` (CPython's `inherit_slots`).
  func inheritSlots(_ type: PyType, from base: PyType) {
    let t = type.record, b = base.record
    if t.pointee.repr == nil { t.pointee.repr = b.pointee.repr }
    if t.pointee.str == nil { t.pointee.str = b.pointee.str }
    if t.pointee.hash == nil && t.pointee.richCompare == nil {
      t.pointee.hash = b.pointee.hash
      t.pointee.richCompare = b.pointee.richCompare
      t.pointee.equal = b.pointee.equal
    }
    if t.pointee.richCompare == nil { t.pointee.richCompare = b.pointee.richCompare }
    if t.pointee.iter == nil { t.pointee.iter = b.pointee.iter }
    if t.pointee.iterNext == nil { t.pointee.iterNext = b.pointee.iterNext }
    if t.pointee.binary == nil { t.pointee.binary = b.pointee.binary }
    if t.pointee.unaryNumber == nil { t.pointee.unaryNumber = b.pointee.unaryNumber }
    if t.pointee.length == nil { t.pointee.length = b.pointee.length }
    if t.pointee.isTrue == nil { t.pointee.isTrue = b.pointee.isTrue }
    if t.pointee.getItem == nil { t.pointee.getItem = b.pointee.getItem }
    if t.pointee.setItem == nil { t.pointee.setItem = b.pointee.setItem }
    if t.pointee.contains == nil { t.pointee.contains = b.pointee.contains }
    if t.pointee.getAttribute == nil { t.pointee.getAttribute = b.pointee.getAttribute }
    if t.pointee.setAttribute == nil { t.pointee.setAttribute = b.pointee.setAttribute }
    if t.pointee.descriptorGet == nil { t.pointee.descriptorGet = b.pointee.descriptorGet }
    if t.pointee.descriptorSet == nil { t.pointee.descriptorSet = b.pointee.descriptorSet }
    if t.pointee.vectorCall == nil { t.pointee.vectorCall = b.pointee.vectorCall }
    if t.pointee.new == nil { t.pointee.new = b.pointee.new }
    if t.pointee.initialize == nil { t.pointee.initialize = b.pointee.initialize }
  }

  /// ``lookup(_:_:)`` by Swift string (interns the name).
  public func lookup(_ type: PyType, _ name: String) -> PyRef? {
    guard let key = internedString(name) else { return nil }
    defer { decref(key) }
    return lookup(type, key)
  }

  /// `PyType_IsSubtype`: whether `type` has `base` on its MRO.
  public func isSubtype(_ type: PyType, _ base: PyType) -> Bool {
    if type == base { return true }
    guard let mroRaw = type.record.pointee.mro else {
      var current: PyType? = type
      while let t = current {
        if t == base { return true }
        current = t.record.pointee.base.map(PyType.init)
      }
      return false
    }
    let mro = PyRef(mroRaw)
    for index in 0..<TupleObject.count(mro) where TupleObject.item(mro, index)!.raw == base.raw { return true }
    return false
  }

  /// `isinstance(object, type)` without `__instancecheck__`.
  @inlinable
  public func isInstance(_ object: PyRef, _ type: PyType) -> Bool {
    object.type == type || isSubtype(object.type, type)
  }
}
