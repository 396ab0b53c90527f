import PyCompiler

/// `types.GenericAlias`: what `list[int]`, `dict[str, list[int]]` and `tuple[int, ...]`
/// make (PEP 585). It prints as the subscription, calls its origin, stands for its origin
/// as a base class, and forwards other attributes to it (`list[int].append`).
///
/// ```
///   -16 GC header | 0 refcount | 8 type | 16 origin | 24 args (tuple) | 32 parameters (tuple)
/// ```
/// `__parameters__` holds the type variables among the arguments (objects with a
/// `__typing_subst__` method, such as `typing.TypeVar`), which `alias[...]` substitutes.
/// CPython: Objects/genericaliasobject.c.
enum GenericAlias {
  static let originOffset = 16
  static let argsOffset = 24
  static let parametersOffset = 32
  static let basicSize = 40

  static func origin(_ alias: PyRef) -> PyRef { alias.loadRef(at: originOffset)! }
  static func args(_ alias: PyRef) -> PyRef { alias.loadRef(at: argsOffset)! }
  static func parameters(_ alias: PyRef) -> PyRef { alias.loadRef(at: parametersOffset)! }

  static func makeType(_ rt: RuntimeRef) -> PyType {
    let type = rt.makeType(name: "types.GenericAlias", basicSize: basicSize, flags: [.haveGC, .baseType],
                           dealloc: dealloc, traverse: traverse, clear: clear)
    let record = type.record
    record.pointee.repr = repr
    record.pointee.hash = hash
    record.pointee.richCompare = richCompare
    record.pointee.getItem = getItem
    record.pointee.getAttribute = getAttribute
    record.pointee.vectorCall = call
    record.pointee.binary = TypingUnion.orSlot
    record.pointee.new = new
    rt.readyBuiltinType(type, base: nil, kind: .other)
    rt.addSlotWrappers(type)
    rt.keepBinaryWrappers(type, ["__or__", "__ror__"], unhashable: false)
    rt.addMethods(type, methods)
    rt.addGetSets(type, [
      GetSetDefinition("__origin__", { raw, _ in let v = GenericAlias.origin(PyRef(raw)); v.incref(); return v.raw }),
      GetSetDefinition("__args__", { raw, _ in let v = GenericAlias.args(PyRef(raw)); v.incref(); return v.raw }),
      GetSetDefinition("__parameters__", { raw, _ in let v = GenericAlias.parameters(PyRef(raw)); v.incref(); return v.raw }),
    ])
    rt.state.pointee.types.byName["types.GenericAlias"] = type
    return type
  }

  static let dealloc: Slot.Dealloc = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    rt.untrack(PyRef(raw))
    IteratorSupport.release(PyRef(raw), from: originOffset, fields: 3, rt)
    rt.freeObject(PyRef(raw))
  }

  static let traverse: Slot.Traverse = { raw, visit, arg in
    IteratorSupport.visit(PyRef(raw), from: originOffset, fields: 3, visit, arg)
  }

  static let clear: Slot.Clear = { raw, runtime in
    IteratorSupport.release(PyRef(raw), from: originOffset, fields: 3, RuntimeRef(raw: runtime))
  }

  /// `types.GenericAlias(origin, args)`.
  static let new: Slot.VectorCall = { typeRaw, argv, count, names, runtime in
    let rt = RuntimeRef(raw: runtime)
    let args = Arguments(rt, argv, count, PyRef(names))
    guard args.noKeywords("GenericAlias") else { return nil }
    guard Arguments.checkPositional(rt, "GenericAlias", count, 2, 2) else { return nil }
    return rt.newGenericAlias(args[0], args[1], type: PyType(typeRaw))?.raw
  }

  /// `list[int]`: `origin[args]`, items as CPython's `ga_repr_item` shows them.
  static let repr: Slot.Unary = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let alias = PyRef(raw)
    guard var text = rt.typingItemRepr(origin(alias)) else { return nil }
    let items = args(alias)
    text += "["
    if TupleObject.count(items) == 0 { text += "()" }
    for index in 0..<TupleObject.count(items) {
      if index > 0 { text += ", " }
      let item = TupleObject.item(items, index)!
      if item.type.record.pointee.kind == .list {
        text += "["
        for inner in 0..<item.size {
          if inner > 0 { text += ", " }
          guard let piece = rt.typingItemRepr(ListObject.item(item, inner)) else { return nil }
          text += piece
        }
        text += "]"
      } else {
        guard let piece = rt.typingItemRepr(item) else { return nil }
        text += piece
      }
    }
    text += "]"
    return rt.newStr(text)?.raw
  }

  static let hash: Slot.Hash = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let alias = PyRef(raw)
    let a = rt.hash(origin(alias))
    if a == -1 && rt.hasError { return -1 }
    let b = rt.hash(args(alias))
    if b == -1 && rt.hasError { return -1 }
    let value = a ^ b
    return value == -1 ? -2 : value
  }

  static let richCompare: Slot.RichCompare = { a, b, opCode, runtime in
    let rt = RuntimeRef(raw: runtime)
    let left = PyRef(a), right = PyRef(b)
    let op = ComparisonOperator(rawValue: UInt8(opCode))!
    guard op == .equal || op == .notEqual, rt.isGenericAlias(left), rt.isGenericAlias(right) else {
      return rt.newNotImplemented().raw
    }
    var same = rt.richCompareBool(origin(left), origin(right), .equal)
    if same == 1 { same = rt.richCompareBool(args(left), args(right), .equal) }
    if same < 0 { return nil }
    return rt.newBool((same == 1) == (op == .equal)).raw
  }

  /// The names an alias answers itself; everything else is its origin's.
  static let ownNames: Set<String> = [
    "__class__", "__origin__", "__args__", "__unpacked__", "__parameters__", "__typing_unpacked_tuple_args__",
    "__mro_entries__", "__reduce_ex__", "__reduce__", "__copy__", "__deepcopy__",
  ]

  static let getAttribute: Slot.GetAttribute = { raw, nameRaw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let name = PyRef(nameRaw)
    if !ownNames.contains(StrObject.string(name)) {
      return rt.getAttribute(origin(PyRef(raw)), name)?.raw
    }
    return RuntimeRef.genericGetAttribute(raw, nameRaw, runtime)
  }

  /// `list[int](...)` is `list(...)`, with `__orig_class__` set on the result when it
  /// allows.
  static let call: Slot.VectorCall = { raw, argv, count, names, runtime in
    let rt = RuntimeRef(raw: runtime)
    let alias = PyRef(raw)
    guard let result = rt.call(origin(alias), argv, count: count, keywordNames: PyRef(names)) else { return nil }
    if !rt.setAttribute(result, "__orig_class__", alias) {
      if rt.exceptionMatches("AttributeError") || rt.exceptionMatches("TypeError") {
        rt.clearError()
      } else {
        rt.decref(result)
        return nil
      }
    }
    return result.raw
  }

  /// `alias[...]`: the type variables in `__parameters__` replaced, in order.
  static let getItem: Slot.GetItem = { raw, keyRaw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let alias = PyRef(raw), key = PyRef(keyRaw)
    let parameters = GenericAlias.parameters(alias)
    let count = TupleObject.count(parameters)
    guard count > 0 else {
      let text = rt.reprString(alias) ?? "?"
      rt.raise("TypeError", "\(text) is not a generic class")
      return nil
    }
    let given: [PyRef] = key.type.record.pointee.kind == .tuple
      ? (0..<TupleObject.count(key)).map { TupleObject.item(key, $0)! } : [key]
    guard given.count == count else {
      let text = rt.reprString(alias) ?? "?"
      rt.raise("TypeError", "Too \(given.count > count ? "many" : "few") arguments for \(text); actual \(given.count), expected \(count)")
      return nil
    }
    let items = args(alias)
    var substituted: [PyRef] = []
    for index in 0..<TupleObject.count(items) {
      let item = TupleObject.item(items, index)!
      var replacement: PyRef? = nil
      for position in 0..<count where TupleObject.item(parameters, position)! == item {
        replacement = given[position]
        replacement!.incref()
      }
      if replacement == nil, let inner = rt.getOptionalAttribute(item, "__parameters__") {
        defer { rt.decref(inner) }
        if inner.type.record.pointee.kind == .tuple, TupleObject.count(inner) > 0 {
          var innerArgs: [PyRef] = []
          for position in 0..<TupleObject.count(inner) {
            let parameter = TupleObject.item(inner, position)!
            var value = parameter
            for outer in 0..<count where TupleObject.item(parameters, outer)! == parameter { value = given[outer] }
            value.incref()
            innerArgs.append(value)
          }
          guard let innerKey = innerArgs.count == 1 ? innerArgs[0] : rt.newTuple(innerArgs) else {
            for value in substituted { rt.decref(value) }
            return nil
          }
          defer { rt.decref(innerKey) }
          replacement = rt.getItem(item, innerKey)
          if replacement == nil {
            for value in substituted { rt.decref(value) }
            return nil
          }
        }
      }
      if rt.hasError {
        for value in substituted { rt.decref(value) }
        return nil
      }
      if replacement == nil {
        item.incref()
        replacement = item
      }
      substituted.append(replacement!)
    }
    guard let newArgs = rt.newTuple(substituted) else { return nil }
    defer { rt.decref(newArgs) }
    return rt.newGenericAlias(origin(alias), newArgs, type: alias.type)?.raw
  }

  static let methods: [MethodDefinition] = [
    MethodDefinition("__mro_entries__", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesOneArgument("__mro_entries__") else { return nil }
      let origin = GenericAlias.origin(args[0])
      origin.incref()
      return args.rt.newTuple([origin])?.raw
    }),
    MethodDefinition("__instancecheck__", { _, argv, count, names, runtime in
      RuntimeRef(raw: runtime).raise("TypeError", "isinstance() argument 2 cannot be a parameterized generic")
      return nil
    }),
    MethodDefinition("__subclasscheck__", { _, argv, count, names, runtime in
      RuntimeRef(raw: runtime).raise("TypeError", "issubclass() argument 2 cannot be a parameterized generic")
      return nil
    }),
    MethodDefinition("__reduce__", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesNoArguments("__reduce__") else { return nil }
      let rt = args.rt, alias = args[0]
      let type = alias.type.object, origin = GenericAlias.origin(alias), items = GenericAlias.args(alias)
      type.incref()
      origin.incref()
      items.incref()
      guard let arguments = rt.newTuple([origin, items]) else { rt.decref(type); return nil }
      return rt.newTuple([type, arguments])?.raw
    }),
  ]

  /// `__class_getitem__` for the built-in generic classes: `cls[key]` as an alias.
  static let classGetItem = MethodDefinition("__class_getitem__", { _, argv, count, names, runtime in
    let args = Arguments(runtime, argv, count, names)
    guard args.takesOneArgument("__class_getitem__") else { return nil }
    return args.rt.newGenericAlias(args[0], args[1])?.raw
  }, flags: .classMethod)
}

extension RuntimeRef {
  var genericAliasType: PyType { state.pointee.types.byName["types.GenericAlias"]! }

  func isGenericAlias(_ object: PyRef) -> Bool {
    guard let type = state.pointee.types.byName["types.GenericAlias"] else { return false }
    return isInstance(object, type)
  }

  /// A new alias of `origin` subscripted with `args` (a tuple, or one argument).
  func newGenericAlias(_ origin: PyRef, _ args: PyRef, type: PyType? = nil) -> PyRef? {
    let items: PyRef
    if args.type.record.pointee.kind == .tuple {
      args.incref()
      items = args
    } else {
      args.incref()
      guard let one = newTuple([args]) else { return nil }
      items = one
    }
    guard let parameters = typeParameters(items) else {
      decref(items)
      return nil
    }
    guard let alias = allocateObject(type ?? genericAliasType) else {
      decref(items)
      decref(parameters)
      return nil
    }
    IteratorSupport.store(alias, origin, at: GenericAlias.originOffset)
    alias.storeRef(items, at: GenericAlias.argsOffset)
    alias.storeRef(parameters, at: GenericAlias.parametersOffset)
    initializeInstanceSlots(alias)
    track(alias)
    return alias
  }

  /// The type variables among `args` and inside them (`__parameters__` of nested aliases),
  /// each once, in order (CPython's `_Py_make_parameters`).
  func typeParameters(_ args: PyRef) -> PyRef? {
    var found: [PyRef] = []
    func add(_ parameter: PyRef) {
      if !found.contains(parameter) { found.append(parameter) }
    }
    for index in 0..<TupleObject.count(args) {
      let item = TupleObject.item(args, index)!
      if item.type.record.pointee.kind == .type { continue }
      if lookup(item.type, "__typing_subst__") != nil {
        add(item)
        continue
      }
      if let inner = getOptionalAttribute(item, "__parameters__") {
        if inner.type.record.pointee.kind == .tuple {
          for position in 0..<TupleObject.count(inner) { add(TupleObject.item(inner, position)!) }
        }
        decref(inner)
      }
      if hasError { return nil }
    }
    for parameter in found { parameter.incref() }
    return newTuple(found)
  }

  /// How an argument of an alias or a union prints (`ga_repr_item`): `...`; an alias as
  /// its repr; a class as `name` (built-ins) or `module.qualname`; anything else by repr.
  func typingItemRepr(_ item: PyRef) -> String? {
    if item == state.pointee.ellipsis { return "..." }
    if let origin = getOptionalAttribute(item, "__origin__") {
      decref(origin)
      if let args = getOptionalAttribute(item, "__args__") {
        decref(args)
        return reprString(item)
      }
    }
    if hasError { return nil }
    // Classes and functions show their qualified names (pyheap instances may see their
    // class's `__qualname__`, so only these are asked).
    let kind = item.type.record.pointee.kind
    if kind == .type || kind == .function, let qualname = getOptionalAttribute(item, "__qualname__") {
      defer { decref(qualname) }
      if let module = getOptionalAttribute(item, "__module__") {
        defer { decref(module) }
        guard let moduleText = strString(module), let nameText = strString(qualname) else { return nil }
        return moduleText == "builtins" ? nameText : "\(moduleText).\(nameText)"
      }
    }
    if hasError { return nil }
    return reprString(item)
  }
}
