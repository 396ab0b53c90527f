/// `type`: calling a class makes an instance (`__new__` then `__init__`), and attribute
/// lookup on a class goes through its MRO and then its metaclass.
/// CPython: Objects/typeobject.c, `type_call()`, `type_getattro()`, `type_setattro()`.
enum TypeType {
  static func configure(_ rt: RuntimeRef, _ type: PyType) {
    type.record.pointee.kind = .type
    type.record.pointee.vectorCall = call
    type.record.pointee.getAttribute = getAttribute
    type.record.pointee.setAttribute = setAttribute
    type.record.pointee.repr = repr
    type.record.pointee.new = new
    type.record.pointee.initialize = { _, _, _, _, _ in 0 }
    type.record.pointee.richCompare = ObjectType.richCompare
  }

  /// `type(x)`, or `Class(*args, **kwargs)`.
  static let call: Slot.VectorCall = { raw, argv, count, names, runtime in
    let rt = RuntimeRef(raw: runtime)
    let type = PyType(raw)
    let keywordCount = names.map { TupleObject.count(PyRef($0)) } ?? 0
    if type == rt.state.pointee.types.type, count == 1, keywordCount == 0 {
      let result = PyRef(argv[0]!).type.object
      result.incref()
      return result.raw
    }
    guard let new = type.record.pointee.new else {
      rt.raise("TypeError", "cannot create '\(rt.qualifiedTypeName(type))' instances")
      return nil
    }
    guard rt.enterRecursiveCall(" while calling a Python object") else { return nil }
    defer { rt.leaveRecursiveCall() }
    guard let object = PyRef(new(raw, argv, count, names, runtime)) else { return nil }
    guard rt.isInstance(object, type), let initialize = object.type.record.pointee.initialize else { return object.raw }
    if initialize(object.raw, argv, count, names, runtime) != 0 {
      rt.decref(object)
      return nil
    }
    return object.raw
  }

  /// `type(name, bases, dict)`: makes a class (see ``RuntimeRef/newClass(name:bases:namespace:metaclass:)``).
  static let new: Slot.VectorCall = { raw, argv, count, names, runtime in
    let rt = RuntimeRef(raw: runtime)
    let args = Arguments(runtime, argv, count, names)
    guard count == 3 else {
      rt.raise("TypeError", count == 1 ? "type.__new__() takes exactly 3 arguments (1 given)" : "type() takes 1 or 3 arguments")
      return nil
    }
    guard rt.isInstance(args[0], rt.state.pointee.types.str) else {
      rt.raise("TypeError", "type.__new__() argument 1 must be str, not \(args[0].type.name)")
      return nil
    }
    guard args[1].type.record.pointee.kind == .tuple else {
      rt.raise("TypeError", "type.__new__() argument 2 must be tuple, not \(args[1].type.name)")
      return nil
    }
    guard args[2].type.record.pointee.kind == .dict else {
      rt.raise("TypeError", "type.__new__() argument 3 must be dict, not \(args[2].type.name)")
      return nil
    }
    // Keywords other than `metaclass` go to the parent's `__init_subclass__`.
    let keywordValues = (0 ..< args.keywordCount).map { args.keyword($0).value }
    return rt.newClass(name: args[0], bases: args[1], namespace: args[2], metaclass: PyType(raw),
                       keywords: (PyRef(names), keywordValues))?.raw
  }

  static let getAttribute: Slot.GetAttribute = { raw, nameRaw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let type = PyType(raw), name = PyRef(nameRaw)
    let metatype = type.object.type
    let metaAttribute = rt.lookup(metatype, name)
    if let metaAttribute, let get = metaAttribute.type.record.pointee.descriptorGet,
       metaAttribute.type.record.pointee.descriptorSet != nil {
      return get(metaAttribute.raw, raw, metatype.raw, runtime)
    }
    if let attribute = rt.lookup(type, name) {
      if let get = attribute.type.record.pointee.descriptorGet { return get(attribute.raw, nil, raw, runtime) }
      attribute.incref()
      return attribute.raw
    }
    if rt.hasError { return nil }
    if let metaAttribute { return rt.bindDescriptor(metaAttribute, type.object, metatype)?.raw }
    rt.raise("AttributeError", "type object '\(type.name)' has no attribute '\(StrObject.string(name))'")
    return nil
  }

  static let setAttribute: Slot.SetAttribute = { raw, nameRaw, valueRaw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let type = PyType(raw), name = PyRef(nameRaw)
    if let descriptor = rt.lookup(type.object.type, name), let set = descriptor.type.record.pointee.descriptorSet {
      return set(descriptor.raw, raw, valueRaw, runtime)
    }
    guard type.flags.contains(.heapType) else {
      rt.raise("TypeError", "cannot set '\(StrObject.string(name))' attribute of immutable type '\(type.name)'")
      return -1
    }
    let dict = rt.typeDict(type)
    if let value = PyRef(valueRaw) {
      guard rt.dictSetItem(dict, name, value) else { return -1 }
    } else {
      guard rt.dictGetItem(dict, name) != nil else {
        rt.raise("AttributeError", "type object '\(type.name)' has no attribute '\(StrObject.string(name))'")
        return -1
      }
      guard rt.dictDelItem(dict, name) else { return -1 }
    }
    let text = StrObject.string(name)
    if text.hasPrefix("__") && text.hasSuffix("__") { rt.updateClassSlots(type) }
    return 0
  }

  static let repr: Slot.Unary = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    return rt.newStr("<class '\(rt.qualifiedTypeName(PyType(raw)))'>")?.raw
  }

  static let getSets: [GetSetDefinition] = [
    GetSetDefinition("__name__", { raw, runtime in
      let rt = RuntimeRef(raw: runtime)
      let type = PyType(raw)
      if type.flags.contains(.heapType), let name = rt.typeAttributeString(type, "__name__") { return rt.newStr(name)?.raw }
      let full = type.name
      return rt.newStr(String(full.split(separator: ".").last ?? Substring(full)))?.raw
    }, { raw, value, runtime in
      let rt = RuntimeRef(raw: runtime)
      guard let value, rt.isInstance(PyRef(value), rt.state.pointee.types.str) else {
        rt.raise("TypeError", "can only assign string to \(PyType(raw).name).__name__")
        return -1
      }
      return rt.setItem(rt.typeDict(PyType(raw)), "__name__", PyRef(value)) ? 0 : -1
    }),
    GetSetDefinition("__qualname__", { raw, runtime in
      let rt = RuntimeRef(raw: runtime)
      let type = PyType(raw)
      if let name = rt.typeAttributeString(type, "__qualname__") { return rt.newStr(name)?.raw }
      return rt.newStr(rt.shortTypeName(type))?.raw
    }, { raw, value, runtime in
      let rt = RuntimeRef(raw: runtime)
      guard let value, rt.isInstance(PyRef(value), rt.state.pointee.types.str) else {
        rt.raise("TypeError", "can only assign string to \(PyType(raw).name).__qualname__, not '\(PyRef(value)?.type.name ?? "NoneType")'")
        return -1
      }
      return TypeType.setHeapTypeAttribute(rt, PyType(raw), "__qualname__", PyRef(value))
    }),
    GetSetDefinition("__module__", { raw, runtime in
      let rt = RuntimeRef(raw: runtime)
      let type = PyType(raw)
      if type.flags.contains(.heapType), let dict = type.record.pointee.dict, let key = rt.internedString("__module__") {
        defer { rt.decref(key) }
        if let value = rt.dictGetItem(PyRef(dict), key) {
          value.incref()
          return value.raw
        }
      }
      // A built-in type named "module.name" (`collections.deque`) belongs to that module.
      let full = type.name
      if !type.flags.contains(.heapType), let dot = full.lastIndex(of: ".") { return rt.newStr(String(full[..<dot]))?.raw }
      return rt.newStr("builtins")?.raw
    }, { raw, value, runtime in
      let rt = RuntimeRef(raw: runtime)
      guard let value else {
        rt.raise("TypeError", "cannot delete '__module__' attribute of immutable type '\(PyType(raw).name)'")
        return -1
      }
      return TypeType.setHeapTypeAttribute(rt, PyType(raw), "__module__", PyRef(value))
    }),
    GetSetDefinition("__mro__", { raw, _ in
      let mro = PyRef(PyType(raw).record.pointee.mro!)
      mro.incref()
      return mro.raw
    }),
    GetSetDefinition("__bases__", { raw, _ in
      let bases = PyRef(PyType(raw).record.pointee.bases!)
      bases.incref()
      return bases.raw
    }),
    GetSetDefinition("__base__", { raw, runtime in
      let base = PyType(raw).record.pointee.base.map(PyRef.init) ?? RuntimeRef(raw: runtime).state.pointee.none
      base.incref()
      return base.raw
    }),
    GetSetDefinition("__dict__", { raw, runtime in
      let rt = RuntimeRef(raw: runtime)
      return rt.newMappingProxy(rt.typeDict(PyType(raw)))?.raw
    }),
    GetSetDefinition("__basicsize__", { raw, runtime in
      RuntimeRef(raw: runtime).newInt(PyType(raw).reportedBasicSize)?.raw
    }),
    GetSetDefinition("__itemsize__", { raw, runtime in
      RuntimeRef(raw: runtime).newInt(PyType(raw).reportedItemSize)?.raw
    }),
    GetSetDefinition("__doc__", { raw, runtime in
      let rt = RuntimeRef(raw: runtime)
      if let dict = PyType(raw).record.pointee.dict, let key = rt.internedString("__doc__") {
        defer { rt.decref(key) }
        if let value = rt.dictGetItem(PyRef(dict), key) {
          if let get = value.type.record.pointee.descriptorGet { return get(value.raw, nil, raw, runtime) }
          value.incref()
          return value.raw
        }
      }
      return rt.newNone().raw
    }, { raw, value, runtime in
      let rt = RuntimeRef(raw: runtime)
      return TypeType.setHeapTypeAttribute(rt, PyType(raw), "__doc__", PyRef(value) ?? rt.state.pointee.none)
    }),
  ]

  /// Stores a class attribute that a getset of `type` reads back (`__module__`,
  /// `__qualname__`); built-in types refuse.
  static func setHeapTypeAttribute(_ rt: RuntimeRef, _ type: PyType, _ name: String, _ value: PyRef) -> Int32 {
    guard type.flags.contains(.heapType) else {
      rt.raise("TypeError", "cannot set '\(name)' attribute of immutable type '\(type.name)'")
      return -1
    }
    return rt.setItem(rt.typeDict(type), name, value) ? 0 : -1
  }

  static let methods: [MethodDefinition] = [
    MethodDefinition("__sizeof__", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesNoArguments("type.__sizeof__") else { return nil }
      return args.rt.newInt(args.rt.typeSizeOf(PyType(args[0].raw)))?.raw
    }),
    MethodDefinition("mro", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.expect("mro", exactly: 1) else { return nil }
      return args.rt.listFrom(PyRef(PyType(args[0].raw).record.pointee.mro!))?.raw
    }),
    MethodDefinition("__subclasses__", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.expect("__subclasses__", exactly: 1) else { return nil }
      return args.rt.subclassList(PyType(args[0].raw))?.raw
    }),
    MethodDefinition("__instancecheck__", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.expect("__instancecheck__", exactly: 2) else { return nil }
      return args.rt.newBool(args.rt.isInstance(args[1], PyType(args[0].raw))).raw
    }),
    MethodDefinition("__subclasscheck__", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.expect("__subclasscheck__", exactly: 2), args[1].type.record.pointee.kind == .type else {
        if !args.rt.hasError { args.rt.raise("TypeError", "issubclass() arg 1 must be a class") }
        return nil
      }
      return args.rt.newBool(args.rt.isSubtype(PyType(args[1].raw), PyType(args[0].raw))).raw
    }),
  ]
}

extension RuntimeRef {
  /// The classes whose `__bases__` include `type`, in creation order.
  func subclassList(_ type: PyType) -> PyRef? {
    guard let list = newList() else { return nil }
    for candidate in state.pointee.types.all where candidate != type {
      guard let bases = candidate.record.pointee.bases.map(PyRef.init) else { continue }
      for index in 0..<TupleObject.count(bases) where TupleObject.item(bases, index)!.raw == type.raw {
        listAppend(list, candidate.object)
      }
    }
    return list
  }
}
