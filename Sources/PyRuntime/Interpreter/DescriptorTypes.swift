/// The descriptors classes use: `staticmethod`, `classmethod`, `property`, and the member
/// descriptors of `__slots__`. CPython: Objects/funcobject.c (sm/cm), Objects/descrobject.c
/// (`property`, `member_descriptor`).
///
/// ```
///   staticmethod / classmethod:  -16 GC | 0 refcount | 8 type | 16 callable | 24 __dict__
///   property:                    -16 GC | 0 refcount | 8 type | 16 fget | 24 fset | 32 fdel | 40 __doc__
///   member_descriptor:            0 refcount | 8 type | 16 name | 24 owner | 32 offset
/// ```
public enum StaticMethodType {
  static let functionOffset = 16
  static let dictOffset = 24
  public static func function(_ wrapper: PyRef) -> PyRef { wrapper.loadRef(at: StaticMethodType.functionOffset)! }

  static func makeTypes(_ rt: RuntimeRef) -> (staticMethod: PyType, classMethod: PyType) {
    func make(_ name: String, _ kind: TypeKind, _ get: @escaping Slot.DescriptorGet) -> PyType {
      let type = rt.makeType(name: name, basicSize: 32, flags: [.haveGC, .baseType], dealloc: { raw, runtime in
        let rt = RuntimeRef(raw: runtime)
        rt.untrack(PyRef(raw))
        rt.decref(PyRef(raw).loadRef(at: StaticMethodType.functionOffset))
        rt.decref(PyRef(raw).loadRef(at: StaticMethodType.dictOffset))
        rt.freeObject(PyRef(raw))
      }, traverse: { raw, visit, arg in
        for offset in [StaticMethodType.functionOffset, StaticMethodType.dictOffset] {
          if let object = PyRef(raw).loadRef(at: offset) {
            let result = visit(object.raw, arg)
            if result != 0 { return result }
          }
        }
        return 0
      }, clear: { raw, runtime in
        RuntimeRef(raw: runtime).replaceRef(in: PyRef(raw), at: StaticMethodType.dictOffset, with: nil)
      })
      type.record.pointee.dictOffset = StaticMethodType.dictOffset
      type.record.pointee.descriptorGet = get
      type.record.pointee.new = { typeRaw, argv, count, names, runtime in
        let args = Arguments(runtime, argv, count, names)
        let type = PyType(typeRaw)
        guard args.expect(type.name, exactly: 1) else { return nil }
        guard let wrapper = args.rt.allocateObject(type) else { return nil }
        args[0].incref()
        wrapper.storeRef(args[0], at: StaticMethodType.functionOffset)
        wrapper.storeRef(nil, at: StaticMethodType.dictOffset)
        args.rt.initializeInstanceSlots(wrapper)
        args.rt.track(wrapper)
        return wrapper.raw
      }
      type.record.pointee.initialize = { _, _, _, _, _ in 0 }
      rt.readyBuiltinType(type, base: nil, kind: kind)
      rt.addSlotWrappers(type)
      rt.addGetSets(type, [
        GetSetDefinition("__func__", { raw, _ in let f = StaticMethodType.function(PyRef(raw)); f.incref(); return f.raw }),
        GetSetDefinition("__wrapped__", { raw, _ in let f = StaticMethodType.function(PyRef(raw)); f.incref(); return f.raw }),
        GetSetDefinition("__isabstractmethod__", { raw, runtime in
          let rt = RuntimeRef(raw: runtime)
          guard let value = rt.getOptionalAttribute(StaticMethodType.function(PyRef(raw)), "__isabstractmethod__") else {
            return rt.hasError ? nil : rt.newBool(false).raw
          }
          return value.raw
        }),
      ])
      return type
    }
    let staticMethod = make("staticmethod", .staticMethod) { raw, _, _, _ in
      let function = StaticMethodType.function(PyRef(raw))
      function.incref()
      return function.raw
    }
    staticMethod.record.pointee.vectorCall = { raw, argv, count, names, runtime in
      RuntimeRef(raw: runtime).call(StaticMethodType.function(PyRef(raw)), argv, count: count, keywordNames: PyRef(names))?.raw
    }
    let classMethod = make("classmethod", .classMethod) { raw, instance, owner, runtime in
      let rt = RuntimeRef(raw: runtime)
      let target = PyRef(owner)
      let function = StaticMethodType.function(PyRef(raw))
      if let get = function.type.record.pointee.descriptorGet, function.type != rt.state.pointee.types.function {
        return get(function.raw, target.raw, target.type.raw, runtime)
      }
      return rt.newMethod(function, boundTo: target)?.raw
    }
    return (staticMethod, classMethod)
  }
}

public enum PropertyType {
  static let getterOffset = 16
  static let setterOffset = 24
  static let deleterOffset = 32
  static let docOffset = 40
  /// The name `__set_name__` gave it (CPython 3.11's `prop_name`), for error messages.
  static let nameOffset = 48
  /// The arguments of `property(fget, fset, fdel, doc)`, in order.
  static let offsets = [PropertyType.getterOffset, PropertyType.setterOffset, PropertyType.deleterOffset, PropertyType.docOffset]
  /// Every reference the object holds.
  static let referenceOffsets = offsets + [nameOffset]

  static func makeType(_ rt: RuntimeRef) -> PyType {
    let type = rt.makeType(name: "property", basicSize: 56, flags: [.haveGC, .baseType], dealloc: { raw, runtime in
      let rt = RuntimeRef(raw: runtime)
      rt.untrack(PyRef(raw))
      for offset in PropertyType.referenceOffsets { rt.decref(PyRef(raw).loadRef(at: offset)) }
      rt.freeObject(PyRef(raw))
    }, traverse: { raw, visit, arg in
      for offset in PropertyType.referenceOffsets {
        if let object = PyRef(raw).loadRef(at: offset) {
          let result = visit(object.raw, arg)
          if result != 0 { return result }
        }
      }
      return 0
    }, clear: { raw, runtime in
      for offset in PropertyType.referenceOffsets { RuntimeRef(raw: runtime).replaceRef(in: PyRef(raw), at: offset, with: nil) }
    })
    type.record.pointee.new = { typeRaw, _, _, _, runtime in
      let rt = RuntimeRef(raw: runtime)
      guard let property = rt.allocateObject(PyType(typeRaw)) else { return nil }
      for offset in PropertyType.referenceOffsets { property.storeRef(nil, at: offset) }
      rt.initializeInstanceSlots(property)
      rt.track(property)
      return property.raw
    }
    type.record.pointee.initialize = { raw, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard let bound = args.bind("property", ["fget", "fset", "fdel", "doc"], required: 0) else { return -1 }
      let none = args.rt.state.pointee.none
      for (index, offset) in PropertyType.offsets.enumerated() {
        var value = bound[index]
        if value == none { value = nil }
        value?.incref()
        args.rt.replaceRef(in: PyRef(raw), at: offset, with: value)
      }
      if bound[3] == nil || bound[3] == none, let getter = bound[0], getter != none,
         let doc = args.rt.getOptionalAttribute(getter, "__doc__") {
        if doc == none { args.rt.decref(doc) } else { args.rt.replaceRef(in: PyRef(raw), at: PropertyType.docOffset, with: doc) }
      }
      args.rt.clearError()
      return 0
    }
    type.record.pointee.descriptorGet = { raw, instance, _, runtime in
      let rt = RuntimeRef(raw: runtime)
      guard let instance else {
        PyRef(raw).incref()
        return raw
      }
      guard let getter = PyRef(raw).loadRef(at: PropertyType.getterOffset) else {
        rt.raise("AttributeError", "property \(PropertyType.quotedName(raw))of '\(PyRef(instance).type.name)' object has no getter")
        return nil
      }
      return rt.call(getter, [PyRef(instance)])?.raw
    }
    type.record.pointee.descriptorSet = { raw, instance, value, runtime in
      let rt = RuntimeRef(raw: runtime)
      let offset = value == nil ? PropertyType.deleterOffset : PropertyType.setterOffset
      guard let function = PyRef(raw).loadRef(at: offset) else {
        let what = value == nil ? "deleter" : "setter"
        rt.raise("AttributeError", "property \(PropertyType.quotedName(raw))of '\(PyRef(instance).type.name)' object has no \(what)")
        return -1
      }
      let arguments = value.map { [PyRef(instance), PyRef($0)] } ?? [PyRef(instance)]
      guard let result = rt.call(function, arguments) else { return -1 }
      rt.decref(result)
      return 0
    }
    rt.readyBuiltinType(type, base: nil, kind: .property)
    rt.addSlotWrappers(type)
    rt.addGetSets(type, [
      GetSetDefinition("fget", { raw, runtime in PropertyType.field(raw, PropertyType.getterOffset, runtime) }),
      GetSetDefinition("fset", { raw, runtime in PropertyType.field(raw, PropertyType.setterOffset, runtime) }),
      GetSetDefinition("fdel", { raw, runtime in PropertyType.field(raw, PropertyType.deleterOffset, runtime) }),
      GetSetDefinition("__doc__", { raw, runtime in PropertyType.field(raw, PropertyType.docOffset, runtime) }),
      GetSetDefinition("__isabstractmethod__", { raw, runtime in
        let rt = RuntimeRef(raw: runtime)
        for offset in [PropertyType.getterOffset, PropertyType.setterOffset, PropertyType.deleterOffset] {
          guard let function = PyRef(raw).loadRef(at: offset), let flag = rt.getOptionalAttribute(function, "__isabstractmethod__") else { continue }
          defer { rt.decref(flag) }
          if rt.isTrue(flag) == 1 { return rt.newBool(true).raw }
        }
        return rt.newBool(false).raw
      }),
    ])
    rt.addMethods(type, [
      MethodDefinition("getter", { _, argv, count, names, runtime in PropertyType.copy(argv, count, names, runtime, PropertyType.getterOffset) }),
      MethodDefinition("setter", { _, argv, count, names, runtime in PropertyType.copy(argv, count, names, runtime, PropertyType.setterOffset) }),
      MethodDefinition("deleter", { _, argv, count, names, runtime in PropertyType.copy(argv, count, names, runtime, PropertyType.deleterOffset) }),
      MethodDefinition("__set_name__", { _, argv, count, names, runtime in
        let rt = RuntimeRef(raw: runtime)
        guard count == 3 else {
          rt.raise("TypeError", "__set_name__() takes 2 positional arguments but \(count - 1) were given")
          return nil
        }
        let name = PyRef(argv[2]!)
        name.incref()
        rt.replaceRef(in: PyRef(argv[0]!), at: PropertyType.nameOffset, with: name)
        return rt.newNone().raw
      }),
    ])
    return type
  }

  private static func field(_ raw: UnsafeMutableRawPointer, _ offset: Int, _ runtime: RawRuntime) -> UnsafeMutableRawPointer? {
    let value = PyRef(raw).loadRef(at: offset) ?? RuntimeRef(raw: runtime).state.pointee.none
    value.incref()
    return value.raw
  }

  /// `'name' ` for the messages of a property `__set_name__` named (with a `str`), else
  /// nothing: "property 'x' of 'P' object has no setter", "property of 'P' object …".
  static func quotedName(_ raw: UnsafeMutableRawPointer) -> String {
    guard let name = PyRef(raw).loadRef(at: nameOffset), name.type.record.pointee.kind == .str else { return "" }
    return "'\(StrObject.string(name))' "
  }

  /// `prop.setter(f)`: a copy of the property with one function replaced.
  private static func copy(_ argv: UnsafePointer<UnsafeMutableRawPointer?>, _ count: Int, _ names: UnsafeMutableRawPointer?,
                           _ runtime: RawRuntime, _ offset: Int) -> UnsafeMutableRawPointer? {
    let args = Arguments(runtime, argv, count, names)
    guard args.expect("setter", exactly: 2) else { return nil }
    let original = args[0]
    let none = args.rt.state.pointee.none
    var values = PropertyType.offsets.map { original.loadRef(at: $0) ?? none }
    values[PropertyType.offsets.firstIndex(of: offset)!] = args[1]
    guard let copy = args.rt.call(original.type.object, values) else { return nil }
    // The copy keeps the name (CPython 3.11's `property_copy`).
    if copy.type.record.pointee.kind == .property, let name = original.loadRef(at: PropertyType.nameOffset) {
      name.incref()
      args.rt.replaceRef(in: copy, at: PropertyType.nameOffset, with: name)
    }
    return copy.raw
  }
}

public enum MemberDescriptor {
  static let nameOffset = 16
  static let ownerOffset = 24
  static let slotOffset = 32

  static func makeType(_ rt: RuntimeRef) -> PyType {
    let type = rt.makeType(name: "member_descriptor", basicSize: 40, dealloc: { raw, runtime in
      let rt = RuntimeRef(raw: runtime)
      rt.decref(PyRef(raw).loadRef(at: MemberDescriptor.nameOffset))
      rt.freeObject(PyRef(raw))
    })
    type.record.pointee.descriptorGet = { raw, instance, _, runtime in
      let rt = RuntimeRef(raw: runtime)
      guard let instance else { PyRef(raw).incref(); return raw }
      guard MemberDescriptor.applies(raw, to: instance, rt) else { return nil }
      let offset = raw.load(fromByteOffset: MemberDescriptor.slotOffset, as: Int.self)
      guard let value = PyRef(instance).loadRef(at: offset) else {
        let name = StrObject.string(PyRef(raw).loadRef(at: MemberDescriptor.nameOffset)!)
        rt.raise("AttributeError", "'\(PyRef(instance).type.name)' object has no attribute '\(name)'")
        return nil
      }
      value.incref()
      return value.raw
    }
    type.record.pointee.descriptorSet = { raw, instance, value, runtime in
      let rt = RuntimeRef(raw: runtime)
      guard MemberDescriptor.applies(raw, to: instance, rt) else { return -1 }
      let offset = raw.load(fromByteOffset: MemberDescriptor.slotOffset, as: Int.self)
      if value == nil, PyRef(instance).loadRef(at: offset) == nil {
        // Deleting an empty slot: CPython 3.11 names only the attribute (`PyMember_SetOne`).
        rt.raise("AttributeError", StrObject.string(PyRef(raw).loadRef(at: MemberDescriptor.nameOffset)!))
        return -1
      }
      PyRef(value)?.incref()
      rt.replaceRef(in: PyRef(instance), at: offset, with: PyRef(value))
      return 0
    }
    type.record.pointee.repr = { raw, runtime in
      let rt = RuntimeRef(raw: runtime)
      let name = StrObject.string(PyRef(raw).loadRef(at: MemberDescriptor.nameOffset)!)
      let owner = PyType(PyRef(raw).loadRef(at: MemberDescriptor.ownerOffset)!.raw).name
      return rt.newStr("<member '\(name)' of '\(owner)' objects>")?.raw
    }
    rt.readyBuiltinType(type, base: nil, kind: .other)
    rt.addSlotWrappers(type)
    return type
  }

  /// The descriptor reads and writes a fixed offset, so it must refuse an instance of a
  /// class without that slot (`S.a.__set__(1, 2)` would otherwise write into an int).
  /// CPython: Objects/descrobject.c, `descr_check()`.
  static func applies(_ descriptor: UnsafeMutableRawPointer, to instance: UnsafeMutableRawPointer, _ rt: RuntimeRef) -> Bool {
    let owner = PyType(PyRef(descriptor).loadRef(at: ownerOffset)!.raw)
    let type = PyRef(instance).type
    guard type != owner && !rt.isSubtype(type, owner) else { return true }
    let name = StrObject.string(PyRef(descriptor).loadRef(at: nameOffset)!)
    rt.raise("TypeError", "descriptor '\(name)' for '\(owner.name)' objects doesn't apply to a '\(type.name)' object")
    return false
  }
}

extension RuntimeRef {
  func newStaticMethod(_ function: PyRef) -> PyRef? { call(state.pointee.types.staticMethod.object, [function]) }
  func newClassMethod(_ function: PyRef) -> PyRef? { call(state.pointee.types.classMethod.object, [function]) }

  func newMemberDescriptor(_ name: String, offset: Int, owner: PyType) -> PyRef? {
    guard let descriptor = allocateObject(state.pointee.types.byName["member_descriptor"]!),
          let nameObject = internedString(name) else { return nil }
    descriptor.storeRef(nameObject, at: MemberDescriptor.nameOffset)
    descriptor.storeRef(owner.object, at: MemberDescriptor.ownerOffset)
    descriptor.raw.storeBytes(of: offset, toByteOffset: MemberDescriptor.slotOffset, as: Int.self)
    return descriptor
  }

  /// `'name'` of a property, from its getter's `__name__`, for error messages.
}
