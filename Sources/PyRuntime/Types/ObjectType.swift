import PyCompiler

/// `object`, the root of every class: identity hash and equality, the default repr,
/// generic attribute access, and the `__new__`/`__init__` pair with CPython's argument
/// checks. CPython: Objects/typeobject.c, `PyBaseObject_Type`.
enum ObjectType {
  static func makeType(_ rt: RuntimeRef) -> PyType {
    let type = rt.makeType(name: "object", basicSize: ObjectLayout.headerSize, dealloc: deallocPlain)
    type.record.pointee.repr = { raw, runtime in RuntimeRef(raw: runtime).defaultRepr(PyRef(raw))?.raw }
    type.record.pointee.str = { raw, runtime in RuntimeRef(raw: runtime).repr(PyRef(raw))?.raw }
    type.record.pointee.hash = { raw, _ in
      let address = Int(bitPattern: UInt(bitPattern: raw) >> 4)
      return address == -1 ? -2 : address
    }
    type.record.pointee.richCompare = richCompare
    type.record.pointee.getAttribute = RuntimeRef.genericGetAttribute
    type.record.pointee.setAttribute = RuntimeRef.genericSetAttribute
    type.record.pointee.new = new
    type.record.pointee.initialize = initialize
    return type
  }

  /// `==` is identity; `!=` inverts the type's own `==`.
  static let richCompare: Slot.RichCompare = { a, b, op, runtime in
    let rt = RuntimeRef(raw: runtime)
    switch ComparisonOperator(rawValue: UInt8(op)) {
    case .equal:
      return a == b ? rt.newBool(true).raw : rt.newNotImplemented().raw
    case .notEqual:
      guard let compare = PyRef(a).type.record.pointee.richCompare,
            let equal = PyRef(compare(a, b, Int32(ComparisonOperator.equal.rawValue), runtime)) else { return nil }
      defer { rt.decref(equal) }
      if equal == rt.state.pointee.notImplemented { return rt.newNotImplemented().raw }
      let truth = rt.isTrue(equal)
      return truth < 0 ? nil : rt.newBool(truth == 0).raw
    default:
      return rt.newNotImplemented().raw
    }
  }

  static let new: Slot.VectorCall = { typeRaw, _, count, names, runtime in
    let rt = RuntimeRef(raw: runtime)
    let type = PyType(typeRaw)
    let extra = count > 0 || (names.map { TupleObject.count(PyRef($0)) } ?? 0) > 0
    if extra {
      if !sameFunction(type.record.pointee.new, ObjectType.new) {
        rt.raise("TypeError", "object.__new__() takes exactly one argument (the type to instantiate)")
        return nil
      }
      if sameFunction(type.record.pointee.initialize, ObjectType.initialize) {
        rt.raise("TypeError", "\(type.name)() takes no arguments")
        return nil
      }
    }
    if let abstract = rt.abstractMethodsMessage(type) {
      rt.raise("TypeError", abstract)
      return nil
    }
    return rt.newPlainInstance(type)?.raw
  }

  static let initialize: Slot.Initialize = { raw, _, count, names, runtime in
    let rt = RuntimeRef(raw: runtime)
    let type = PyRef(raw).type
    let extra = count > 0 || (names.map { TupleObject.count(PyRef($0)) } ?? 0) > 0
    if extra {
      if !sameFunction(type.record.pointee.initialize, ObjectType.initialize) {
        rt.raise("TypeError", "object.__init__() takes exactly one argument (the instance to initialize)")
        return -1
      }
      if sameFunction(type.record.pointee.new, ObjectType.new) {
        rt.raise("TypeError", "\(type.name)() takes no arguments")
        return -1
      }
    }
    return 0
  }

  static let methods: [MethodDefinition] = [
    MethodDefinition("__format__", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.expect("__format__", exactly: 2) else { return nil }
      guard StrObject.length(args[1]) == 0 else {
        args.rt.raise("TypeError", "unsupported format string passed to \(args[0].type.name).__format__")
        return nil
      }
      return args.rt.str(args[0])?.raw
    }),
    MethodDefinition("__init_subclass__", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      // Bound to the class: CPython names it in the message ("A.__init_subclass__()").
      let owner = args[0].type.record.pointee.kind == .type ? PyType(args[0].raw).name : args[0].type.name
      guard args.expect("\(owner).__init_subclass__", exactly: 1) else { return nil }
      return args.rt.newNone().raw
    }, flags: .classMethod),
    MethodDefinition("__dir__", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.expect("__dir__", exactly: 1) else { return nil }
      return args.rt.directoryListing(args[0])?.raw
    }),
    MethodDefinition("__sizeof__", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.expect("__sizeof__", exactly: 1) else { return nil }
      return args.rt.newInt(args.rt.basicSizeOf(args[0]))?.raw
    }),
  ]

  static let getSets: [GetSetDefinition] = [
    GetSetDefinition("__class__", { raw, _ in
      let type = PyRef(raw).type.object
      type.incref()
      return type.raw
    }, { raw, value, runtime in
      let rt = RuntimeRef(raw: runtime)
      guard let value, PyRef(value).type.record.pointee.kind == .type else {
        rt.raise("TypeError", "__class__ must be set to a class")
        return -1
      }
      let object = PyRef(raw), newType = PyType(value)
      let oldRecord = object.type.record.pointee, newRecord = newType.record.pointee
      guard object.type.flags.contains(.heapType), newType.flags.contains(.heapType) else {
        rt.raise("TypeError", "__class__ assignment only supported for mutable types or ModuleType subclasses")
        return -1
      }
      guard newRecord.basicSize == oldRecord.basicSize, newRecord.dictOffset == oldRecord.dictOffset,
            newRecord.weakListOffset == oldRecord.weakListOffset,
            newRecord.flags.contains(.managedDict) == oldRecord.flags.contains(.managedDict) else {
        rt.raise("TypeError", "__class__ assignment: '\(newType.name)' object layout differs from '\(object.type.name)'")
        return -1
      }
      // The inline values are named by the old class's keys: they become a dict first.
      if oldRecord.flags.contains(.managedDict), rt.instanceDict(object) == nil { return -1 }
      newType.object.incref()
      let old = object.type
      object.type = newType
      rt.decref(old.object)
      return 0
    }),
    GetSetDefinition("__dict__", { raw, runtime in
      let rt = RuntimeRef(raw: runtime)
      guard let dict = rt.instanceDict(PyRef(raw)) else {
        if !rt.hasError {
          rt.raise("AttributeError", "'\(PyRef(raw).type.name)' object has no attribute '__dict__'")
        }
        return nil
      }
      dict.incref()
      return dict.raw
    }, { raw, value, runtime in
      RuntimeRef(raw: runtime).setInstanceDict(PyRef(raw), value.map(PyRef.init))
    }),
  ]
}

extension RuntimeRef {
  /// `obj.__dict__ = d`: `d` (a dict) becomes the instance's namespace. The inline values
  /// go to the old dict first, which is then released, as in CPython. `del obj.__dict__`
  /// (nil) drops the namespace; the next use makes an empty one (3.11 allows it; 3.12
  /// raises). 0, or -1 with an error set. CPython: Objects/typeobject.c, `subtype_setdict()`.
  func setInstanceDict(_ object: PyRef, _ value: PyRef?) -> Int32 {
    if let value, !isInstance(value, state.pointee.types.dict) {
      raise("TypeError", "__dict__ must be set to a dictionary, not a '\(value.type.name)'")
      return -1
    }
    let offset = object.type.record.pointee.dictOffset
    guard offset != 0 else {
      raise("AttributeError", "'\(object.type.name)' object has no attribute '__dict__'")
      return -1
    }
    if object.type.flags.contains(.managedDict), instanceDict(object) == nil { return -1 }
    value?.incref()
    let old = object.loadRef(at: offset)
    object.storeRef(value, at: offset)
    decref(old)
    return 0
  }

  /// A new instance of a class whose layout is `object`'s plus what the class adds (its
  /// `__dict__` and weak-reference list, `__slots__`, and for a managed dict the inline
  /// values after them): all fields empty, tracked when the class has GC.
  public func newPlainInstance(_ type: PyType) -> PyRef? {
    let allocated = type.flags.contains(.managedDict) ? allocateInstanceWithValues(type) : allocateObject(type)
    guard let instance = allocated else { return nil }
    initializeInstanceSlots(instance)
    if type.isGC { track(instance) }
    return instance
  }

  /// Clears the fields a class adds after its built-in base's layout.
  public func initializeInstanceSlots(_ object: PyRef) {
    let type = object.type
    guard type.flags.contains(.heapType) else { return }
    var builtin = type
    while builtin.flags.contains(.heapType), let base = builtin.record.pointee.base { builtin = PyType(base) }
    let start = builtin.record.pointee.basicSize
    let end = type.record.pointee.basicSize
    if end > start { (object.raw + start).initializeMemory(as: UInt8.self, repeating: 0, count: end - start) }
  }

  /// The basic size of an object, as `object.__sizeof__` reports it: its type's
  /// ``PyType/reportedBasicSize``, and the items of a variable-size object.
  func basicSizeOf(_ object: PyRef) -> Int {
    let record = object.type.record
    return object.type.reportedBasicSize
      + (record.pointee.itemSize * (record.pointee.flags.contains(.varSized) ? abs(object.size) : 0))
  }

  /// `abstractmethods` support: the message when `type` has abstract methods left, or nil.
  func abstractMethodsMessage(_ type: PyType) -> String? {
    guard type.flags.contains(.heapType), let names = lookup(type, .__abstractmethods__),
          let items = collectItems(names) else {
      clearError()
      return nil
    }
    defer { for item in items { decref(item) } }
    guard !items.isEmpty else { return nil }
    let sorted = items.compactMap { isInstance($0, state.pointee.types.str) ? StrObject.string($0) : nil }.sorted()
    let list = sorted.joined(separator: ", ")   // 3.11 does not quote the names
    return "Can't instantiate abstract class \(type.name) with abstract method\(sorted.count == 1 ? "" : "s") \(list)"
  }

  /// `dir(object)`: the sorted names of the instance dict and of the class and its bases.
  func directoryListing(_ object: PyRef) -> PyRef? {
    var names = Set<String>()
    func addKeys(_ dict: PyRef) {
      for (key, _) in dictItems(dict) where isInstance(key, state.pointee.types.str) { names.insert(StrObject.string(key)) }
    }
    // `__dict__` is read as CPython's `object.__dir__` reads it: inline values become a dict.
    if object.type.record.pointee.kind == .module || object.type.record.pointee.dictOffset != 0,
       let dict = object.type.flags.contains(.managedDict) ? instanceDict(object) : object.loadRef(at: object.type.record.pointee.dictOffset) {
      addKeys(dict)
    }
    let type = object.type.record.pointee.kind == .type ? PyType(object.raw) : object.type
    if let mro = type.record.pointee.mro.map(PyRef.init) {
      for index in 0..<TupleObject.count(mro) {
        if let dict = PyType(TupleObject.item(mro, index)!.raw).record.pointee.dict { addKeys(PyRef(dict)) }
      }
    }
    if object.type.record.pointee.kind == .type {
      // Instances' attributes only; `dir(C)` lists the class's names.
    } else if let mro = object.type.record.pointee.mro.map(PyRef.init), type != object.type {
      for index in 0..<TupleObject.count(mro) {
        if let dict = PyType(TupleObject.item(mro, index)!.raw).record.pointee.dict { addKeys(PyRef(dict)) }
      }
    }
    guard let list = newList() else { return nil }
    for name in names.sorted() {
      guard let text = newStr(name) else { decref(list); return nil }
      listAppend(list, text)
      decref(text)
    }
    return list
  }
}

