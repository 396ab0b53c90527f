/// `super`: attribute lookup that starts after a given class on an object's MRO. With no
/// arguments it reads the calling method's `__class__` cell and first argument from the
/// running frame. CPython: Objects/typeobject.c (`super_getattro`, `super_init_without_args`).
///
/// ```
///   -16 GC | 0 refcount | 8 type | 16 __thisclass__ | 24 __self__ | 32 __self_class__
/// ```
public enum SuperType {
  static let thisClassOffset = 16
  static let selfOffset = 24
  static let selfClassOffset = 32

  static func makeType(_ rt: RuntimeRef) -> PyType {
    let type = rt.makeType(name: "super", basicSize: 40, flags: [.haveGC, .baseType], dealloc: { raw, runtime in
      let rt = RuntimeRef(raw: runtime)
      rt.untrack(PyRef(raw))
      for offset in [SuperType.thisClassOffset, SuperType.selfOffset, SuperType.selfClassOffset] { rt.decref(PyRef(raw).loadRef(at: offset)) }
      rt.freeObject(PyRef(raw))
    }, traverse: { raw, visit, arg in
      for offset in [SuperType.thisClassOffset, SuperType.selfOffset, SuperType.selfClassOffset] {
        if let object = PyRef(raw).loadRef(at: offset) {
          let result = visit(object.raw, arg)
          if result != 0 { return result }
        }
      }
      return 0
    })
    type.record.pointee.new = { typeRaw, argv, count, names, runtime in
      let rt = RuntimeRef(raw: runtime)
      let args = Arguments(runtime, argv, count, names)
      guard args.expect("super", atLeast: 0, atMost: 2) else { return nil }
      var thisClass: PyRef, object: PyRef?
      if count == 0 {
        guard let found = rt.superArgumentsFromFrame() else { return nil }
        (thisClass, object) = found
      } else {
        thisClass = args[0]
        object = count > 1 ? args[1] : nil
        guard thisClass.type.record.pointee.kind == .type else {
          rt.raise("TypeError", "super() argument 1 must be a type, not \(thisClass.type.name)")
          return nil
        }
      }
      var selfClass: PyRef?
      if let object {
        if object.type.record.pointee.kind == .type, rt.isSubtype(PyType(object.raw), PyType(thisClass.raw)) {
          selfClass = object
        } else if rt.isInstance(object, PyType(thisClass.raw)) {
          selfClass = object.type.object
        } else {
          rt.raise("TypeError", "super(type, obj): obj must be an instance or subtype of type")
          return nil
        }
      }
      guard let instance = rt.allocateObject(PyType(typeRaw)) else { return nil }
      for (value, offset) in [(thisClass, SuperType.thisClassOffset)] { value.incref(); instance.storeRef(value, at: offset) }
      object?.incref()
      instance.storeRef(object, at: SuperType.selfOffset)
      selfClass?.incref()
      instance.storeRef(selfClass, at: SuperType.selfClassOffset)
      rt.track(instance)
      return instance.raw
    }
    type.record.pointee.initialize = { _, _, _, _, _ in 0 }
    type.record.pointee.getAttribute = { raw, name, runtime in
      let rt = RuntimeRef(raw: runtime)
      let instance = PyRef(raw)
      let className = rt.identifier(.__class__)
      let isClassName = name == className.raw || (PyRef(name).type == rt.state.pointee.types.str && StrObject.equals(PyRef(name), className))
      if !isClassName, let selfClass = instance.loadRef(at: SuperType.selfClassOffset) {
        let thisClass = instance.loadRef(at: SuperType.thisClassOffset)!
        let mro = PyRef(PyType(selfClass.raw).record.pointee.mro!)
        var seen = false
        for index in 0..<TupleObject.count(mro) {
          let klass = TupleObject.item(mro, index)!
          if !seen { seen = klass == thisClass; continue }
          guard let dict = PyType(klass.raw).record.pointee.dict, let value = rt.dictGetItem(PyRef(dict), PyRef(name)) else { continue }
          let object = instance.loadRef(at: SuperType.selfOffset)
          let boundTo = object == selfClass ? nil : object
          if let get = value.type.record.pointee.descriptorGet {
            return get(value.raw, boundTo?.raw, selfClass.raw, runtime)
          }
          value.incref()
          return value.raw
        }
      }
      return RuntimeRef.genericGetAttribute(raw, name, runtime)
    }
    type.record.pointee.repr = { raw, runtime in
      let rt = RuntimeRef(raw: runtime)
      let thisClass = PyType(PyRef(raw).loadRef(at: SuperType.thisClassOffset)!.raw).name
      if let selfClass = PyRef(raw).loadRef(at: SuperType.selfClassOffset) {
        return rt.newStr("<super: <class '\(thisClass)'>, <\(PyType(selfClass.raw).name) object>>")?.raw
      }
      return rt.newStr("<super: <class '\(thisClass)'>, NULL>")?.raw
    }
    rt.readyBuiltinType(type, base: nil, kind: .superObject)
    rt.addSlotWrappers(type)
    return type
  }
}

extension RuntimeRef {
  /// `super()` without arguments: the `__class__` cell and the first argument of the
  /// running function.
  func superArgumentsFromFrame() -> (PyRef, PyRef)? {
    guard let frame = state.pointee.interpreter.currentFrame else {
      raise("RuntimeError", "super(): no current frame")
      return nil
    }
    let code = CodeType.code(frame.pointee.code)
    guard code.argumentCount > 0 || code.flags.contains(.varArgs), var first = PyRef(frame.localsPlus[0]) else {
      raise("RuntimeError", "super(): no arguments")
      return nil
    }
    if code.localsPlusKinds[0].contains(.cell), first.type == state.pointee.types.cell {
      guard let contents = CellType.contents(first) else {
        raise("RuntimeError", "super(): arg[0] deleted")
        return nil
      }
      first = contents
    }
    // The names tuple holds the same names as strs: find `__class__` without Swift strings.
    let names = CodeType.localsPlusNames(frame.pointee.code)
    let className = identifier(.__class__)
    var found: Int?
    var position = TupleObject.count(names) - 1
    while position >= 0 {
      let candidate = TupleObject.item(names, position).unsafelyUnwrapped
      if candidate == className || StrObject.equals(candidate, className) { found = position; break }
      position -= 1
    }
    guard let index = found, code.localsPlusKinds[index].contains(.free),
          let cell = PyRef(frame.localsPlus[index]) else {
      raise("RuntimeError", "super(): __class__ cell not found")
      return nil
    }
    guard let thisClass = CellType.contents(cell) else {
      raise("RuntimeError", "super(): empty __class__ cell")
      return nil
    }
    return (thisClass, first)
  }
}
