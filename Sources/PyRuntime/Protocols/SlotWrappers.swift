import PyCompiler

/// The dunder methods of built-in types (`list.__len__`, `int.__add__`, `object.__init__`):
/// CPython's "slot wrappers". Each is a method descriptor whose code calls its owner type's
/// slot, so `super().__init__()`, `dict.__setitem__(self, k, v)` and `int.__add__(1, 2)`
/// reach the built-in implementation. One code serves a family of dunders and tells them
/// apart by the descriptor's name; these calls are rare, so the string match is no cost.
/// CPython: Objects/typeobject.c, `slotdefs`, `wrap_*`.
enum SlotWrappers {
  static let binaryNames: [String: (BinaryOperator, reflected: Bool, inplace: Bool)] = {
    var names: [String: (BinaryOperator, Bool, Bool)] = [:]
    let stems: [(String, BinaryOperator)] = [
      ("add", .add), ("and", .and), ("floordiv", .floorDivide), ("lshift", .lshift), ("matmul", .matrixMultiply),
      ("mul", .multiply), ("mod", .remainder), ("or", .or), ("pow", .power), ("rshift", .rshift),
      ("sub", .subtract), ("truediv", .trueDivide), ("xor", .xor),
    ]
    for (stem, op) in stems {
      names["__\(stem)__"] = (op, false, false)
      names["__r\(stem)__"] = (op, true, false)
      names["__i\(stem)__"] = (op, false, true)
    }
    return names
  }()

  static let comparisonNames: [String: ComparisonOperator] = [
    "__lt__": .lessThan, "__le__": .lessOrEqual, "__eq__": .equal, "__ne__": .notEqual,
    "__gt__": .greaterThan, "__ge__": .greaterOrEqual,
  ]

  static func owner(_ function: UnsafeMutableRawPointer) -> UnsafeMutablePointer<TypeRecord> {
    BuiltinFunctionObject.owner(PyRef(function))!.record
  }

  static func name(_ function: UnsafeMutableRawPointer) -> String {
    StrObject.string(BuiltinFunctionObject.name(PyRef(function)))
  }

  static let binary: Slot.VectorCall = { function, argv, count, names, runtime in
    let args = Arguments(runtime, argv, count, names)
    let method = name(function)
    guard args.expect(method, exactly: 2), let (op, reflected, inplace) = binaryNames[method],
          let slot = owner(function).pointee.binary else { return nil }
    let code = UInt32(op.rawValue) + (inplace ? BinaryOperator.inplaceOffset : 0)
    return reflected ? slot(argv[1]!, argv[0]!, code, runtime) : slot(argv[0]!, argv[1]!, code, runtime)
  }

  static let compare: Slot.VectorCall = { function, argv, count, names, runtime in
    let args = Arguments(runtime, argv, count, names)
    let method = name(function)
    guard args.expect(method, exactly: 2), let op = comparisonNames[method],
          let slot = owner(function).pointee.richCompare else { return nil }
    return slot(argv[0]!, argv[1]!, Int32(op.rawValue), runtime)
  }

  static let unary: Slot.VectorCall = { function, argv, count, names, runtime in
    let args = Arguments(runtime, argv, count, names)
    let method = name(function)
    guard args.expect(method, exactly: 1) else { return nil }
    let record = owner(function)
    switch method {
    case "__repr__": return record.pointee.repr?(argv[0]!, runtime)
    case "__str__": return record.pointee.str?(argv[0]!, runtime)
    case "__iter__": return record.pointee.iter?(argv[0]!, runtime)
    case "__next__":
      if let item = record.pointee.iterNext?(argv[0]!, runtime) { return item }
      if !args.rt.hasError { args.rt.raise("StopIteration") }
      return nil
    case "__len__":
      let n = record.pointee.length!(argv[0]!, runtime)
      return n < 0 ? nil : args.rt.newInt(n)?.raw
    case "__bool__":
      let truth = record.pointee.isTrue!(argv[0]!, runtime)
      return truth < 0 ? nil : args.rt.newBool(truth == 1).raw
    case "__hash__":
      let hash = record.pointee.hash.map { $0(argv[0]!, runtime) } ?? args.rt.hash(args[0])
      return hash == -1 && args.rt.hasError ? nil : args.rt.newInt(hash)?.raw
    case "__neg__": return record.pointee.unaryNumber?(argv[0]!, 0, runtime)
    case "__pos__": return record.pointee.unaryNumber?(argv[0]!, 1, runtime)
    case "__invert__": return record.pointee.unaryNumber?(argv[0]!, 2, runtime)
    case "__abs__": return record.pointee.unaryNumber?(argv[0]!, 3, runtime)
    default:
      args.rt.raise("SystemError", "no slot wrapper for \(method)")
      return nil
    }
  }

  static let getItem: Slot.VectorCall = { function, argv, count, names, runtime in
    guard Arguments(runtime, argv, count, names).expect("__getitem__", exactly: 2) else { return nil }
    return owner(function).pointee.getItem!(argv[0]!, argv[1]!, runtime)
  }

  static let setItem: Slot.VectorCall = { function, argv, count, names, runtime in
    let args = Arguments(runtime, argv, count, names)
    guard args.expect("__setitem__", exactly: 3) else { return nil }
    guard owner(function).pointee.setItem!(argv[0]!, argv[1]!, argv[2]!, runtime) == 0 else { return nil }
    return args.rt.newNone().raw
  }

  static let delItem: Slot.VectorCall = { function, argv, count, names, runtime in
    let args = Arguments(runtime, argv, count, names)
    guard args.expect("__delitem__", exactly: 2) else { return nil }
    guard owner(function).pointee.setItem!(argv[0]!, argv[1]!, nil, runtime) == 0 else { return nil }
    return args.rt.newNone().raw
  }

  static let contains: Slot.VectorCall = { function, argv, count, names, runtime in
    let args = Arguments(runtime, argv, count, names)
    guard args.expect("__contains__", exactly: 2) else { return nil }
    let found = owner(function).pointee.contains!(argv[0]!, argv[1]!, runtime)
    return found < 0 ? nil : args.rt.newBool(found == 1).raw
  }

  static let initialize: Slot.VectorCall = { function, argv, count, names, runtime in
    let rt = RuntimeRef(raw: runtime)
    guard count >= 1 else {
      rt.raise("TypeError", "descriptor '__init__' of '\(BuiltinFunctionObject.owner(PyRef(function))!.name)' object needs an argument")
      return nil
    }
    guard owner(function).pointee.initialize!(argv[0]!, argv + 1, count - 1, names, runtime) == 0 else { return nil }
    return rt.newNone().raw
  }

  /// `T.__new__(cls, *args)`: a static method taking the class first.
  static let new: Slot.VectorCall = { function, argv, count, names, runtime in
    let rt = RuntimeRef(raw: runtime)
    let ownerType = BuiltinFunctionObject.owner(PyRef(function))!
    guard count >= 1 else {
      rt.raise("TypeError", "\(ownerType.name).__new__(): not enough arguments")
      return nil
    }
    guard PyRef(argv[0]!).type.record.pointee.kind == .type else {
      rt.raise("TypeError", "\(ownerType.name).__new__(X): X is not a type object (\(PyRef(argv[0]!).type.name))")
      return nil
    }
    let target = PyType(argv[0]!)
    guard rt.isSubtype(target, ownerType) else {
      rt.raise("TypeError", "\(ownerType.name).__new__(\(target.name)): \(target.name) is not a subtype of \(ownerType.name)")
      return nil
    }
    return ownerType.record.pointee.new!(argv[0]!, argv + 1, count - 1, names, runtime)
  }

  static let call: Slot.VectorCall = { function, argv, count, names, runtime in
    owner(function).pointee.vectorCall!(argv[0]!, argv + 1, count - 1, names, runtime)
  }

  static let getAttribute: Slot.VectorCall = { function, argv, count, names, runtime in
    let args = Arguments(runtime, argv, count, names)
    guard args.expect("__getattribute__", exactly: 2) else { return nil }
    guard args.rt.isInstance(args[1], args.rt.state.pointee.types.str) else {
      args.rt.raise("TypeError", "attribute name must be string, not '\(args[1].type.name)'")
      return nil
    }
    let slot = owner(function).pointee.getAttribute ?? RuntimeRef.genericGetAttribute
    return slot(argv[0]!, argv[1]!, runtime)
  }

  static let setAttribute: Slot.VectorCall = { function, argv, count, names, runtime in
    let args = Arguments(runtime, argv, count, names)
    let deleting = name(function) == "__delattr__"
    guard args.expect(deleting ? "__delattr__" : "__setattr__", exactly: deleting ? 2 : 3) else { return nil }
    let slot = owner(function).pointee.setAttribute ?? RuntimeRef.genericSetAttribute
    guard slot(argv[0]!, argv[1]!, deleting ? nil : argv[2]!, runtime) == 0 else { return nil }
    return args.rt.newNone().raw
  }

  /// `__set__(instance, value)` and `__delete__(instance)`, on the one slot, with
  /// CPython's messages (`wrap_descr_set` unpacks with an empty name, hence the space).
  static let descriptorSet: Slot.VectorCall = { function, argv, count, names, runtime in
    let args = Arguments(runtime, argv, count, names)
    let wrapperName = name(function)
    let deleting = wrapperName == "__delete__"
    guard args.noKeywords("wrapper \(wrapperName)") else { return nil }
    guard count == (deleting ? 2 : 3) else {
      args.rt.raise("TypeError", deleting ? "expected 1 argument, got \(count - 1)" : " expected 2 arguments, got \(count - 1)")
      return nil
    }
    guard owner(function).pointee.descriptorSet!(argv[0]!, argv[1]!, deleting ? nil : argv[2]!, runtime) == 0 else {
      return nil
    }
    return args.rt.newNone().raw
  }

  static let descriptorGet: Slot.VectorCall = { function, argv, count, names, runtime in
    let args = Arguments(runtime, argv, count, names)
    guard args.expect("__get__", atLeast: 2, atMost: 3) else { return nil }
    let none = args.rt.state.pointee.none
    let instance: PyRef? = args[1] == none ? nil : args[1]
    let ownerType = count == 3 && args[2] != none ? args[2] : (instance?.type.object ?? none)
    return owner(function).pointee.descriptorGet!(argv[0]!, instance?.raw, ownerType.raw, runtime)
  }
}

extension RuntimeRef {
  /// Adds the dunder methods for the slots `type` defines itself (not those it inherits
  /// unchanged from its base), unless its dict already has them.
  public func addSlotWrappers(_ type: PyType) {
    let record = type.record
    let base = record.pointee.base.map { PyType($0).record }
    func defines<T>(_ slot: KeyPath<TypeRecord, T?>) -> Bool {
      guard let own = record.pointee[keyPath: slot] else { return false }
      guard let base, let inherited = base.pointee[keyPath: slot] else { return true }
      return unsafeBitCast(own, to: UnsafeRawPointer.self) != unsafeBitCast(inherited, to: UnsafeRawPointer.self)
    }
    var methods: [MethodDefinition] = []
    func add(_ names: [String], _ code: @escaping Slot.VectorCall, flags: BuiltinFunctionObject.Flags = .method) {
      for name in names { methods.append(MethodDefinition(name, code, flags: flags)) }
    }
    if defines(\.repr) { add(["__repr__"], SlotWrappers.unary) }
    if defines(\.str) { add(["__str__"], SlotWrappers.unary) }
    if defines(\.hash) { add(["__hash__"], SlotWrappers.unary) }
    if defines(\.iter) { add(["__iter__"], SlotWrappers.unary) }
    if defines(\.iterNext) { add(["__next__"], SlotWrappers.unary) }
    if defines(\.length) { add(["__len__"], SlotWrappers.unary) }
    if defines(\.isTrue) { add(["__bool__"], SlotWrappers.unary) }
    if defines(\.unaryNumber) { add(["__neg__", "__pos__", "__invert__", "__abs__"], SlotWrappers.unary) }
    if defines(\.richCompare) { add(Array(SlotWrappers.comparisonNames.keys).sorted(), SlotWrappers.compare) }
    if defines(\.binary) { add(Array(SlotWrappers.binaryNames.keys).sorted { $0 < $1 }.filter { !$0.hasPrefix("__i") || type.record.pointee.kind == .list }, SlotWrappers.binary) }
    if defines(\.getItem) { add(["__getitem__"], SlotWrappers.getItem) }
    if defines(\.setItem) { add(["__setitem__"], SlotWrappers.setItem); add(["__delitem__"], SlotWrappers.delItem) }
    if defines(\.contains) { add(["__contains__"], SlotWrappers.contains) }
    if defines(\.initialize) { add(["__init__"], SlotWrappers.initialize) }
    if defines(\.new) { add(["__new__"], SlotWrappers.new, flags: .staticMethod) }
    if defines(\.vectorCall), type.record.pointee.kind != .type { add(["__call__"], SlotWrappers.call) }
    if defines(\.getAttribute) { add(["__getattribute__"], SlotWrappers.getAttribute) }
    if defines(\.setAttribute) { add(["__setattr__", "__delattr__"], SlotWrappers.setAttribute) }
    if defines(\.descriptorGet) { add(["__get__"], SlotWrappers.descriptorGet) }
    if defines(\.descriptorSet) { add(["__set__", "__delete__"], SlotWrappers.descriptorSet) }
    let dict = typeDict(type)
    methods = methods.filter { method in
      guard let key = internedString(method.name) else { return false }
      defer { decref(key) }
      return dictGetItem(dict, key) == nil
    }
    addMethods(type, methods)
  }
}
