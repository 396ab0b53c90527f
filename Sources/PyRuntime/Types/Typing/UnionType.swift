import PyCompiler

/// `types.UnionType`: what `int | str` and `list[int] | None` make (PEP 604). Its
/// `__args__` are the members, flattened and without repeats (None as `NoneType`); it
/// prints as `int | str | None` and works as the second argument of `isinstance` and
/// `issubclass`.
///
/// ```
///   -16 GC header | 0 refcount | 8 type | 16 args (tuple) | 24 parameters (tuple)
/// ```
/// CPython: Objects/unionobject.c.
enum TypingUnion {
  static let argsOffset = 16
  static let parametersOffset = 24
  static let basicSize = 32

  static func args(_ union: PyRef) -> PyRef { union.loadRef(at: argsOffset)! }

  static func makeType(_ rt: RuntimeRef) -> PyType {
    let type = rt.makeType(name: "types.UnionType", basicSize: basicSize, flags: [.haveGC],
                           dealloc: dealloc, traverse: traverse, clear: clear)
    let record = type.record
    record.pointee.repr = repr
    record.pointee.hash = hash
    record.pointee.richCompare = richCompare
    record.pointee.binary = orSlot
    rt.readyBuiltinType(type, base: nil, kind: .other)
    rt.addSlotWrappers(type)
    rt.keepBinaryWrappers(type, ["__or__", "__ror__"], unhashable: false)
    rt.addMethods(type, [
      MethodDefinition("__instancecheck__", { _, argv, count, names, runtime in
        let args = Arguments(runtime, argv, count, names)
        guard args.takesOneArgument("__instancecheck__") else { return nil }
        return TypingUnion.check(args.rt, args[0], args[1], instance: true)
      }),
      MethodDefinition("__subclasscheck__", { _, argv, count, names, runtime in
        let args = Arguments(runtime, argv, count, names)
        guard args.takesOneArgument("__subclasscheck__") else { return nil }
        return TypingUnion.check(args.rt, args[0], args[1], instance: false)
      }),
    ])
    rt.addGetSets(type, [
      GetSetDefinition("__args__", { raw, _ in let v = TypingUnion.args(PyRef(raw)); v.incref(); return v.raw }),
      GetSetDefinition("__parameters__", { raw, _ in
        let v = PyRef(raw).loadRef(at: TypingUnion.parametersOffset)!
        v.incref()
        return v.raw
      }),
    ])
    rt.state.pointee.types.byName["types.UnionType"] = type
    return type
  }

  static let dealloc: Slot.Dealloc = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    rt.untrack(PyRef(raw))
    IteratorSupport.release(PyRef(raw), from: argsOffset, fields: 2, rt)
    rt.freeObject(PyRef(raw))
  }

  static let traverse: Slot.Traverse = { raw, visit, arg in
    IteratorSupport.visit(PyRef(raw), from: argsOffset, fields: 2, visit, arg)
  }

  static let clear: Slot.Clear = { raw, runtime in
    IteratorSupport.release(PyRef(raw), from: argsOffset, fields: 2, RuntimeRef(raw: runtime))
  }

  /// `isinstance(x, int | str)`: any member; a parameterized generic member is an error.
  static func check(_ rt: RuntimeRef, _ union: PyRef, _ candidate: PyRef, instance: Bool) -> UnsafeMutableRawPointer? {
    let members = args(union)
    for index in 0..<TupleObject.count(members) where rt.isGenericAlias(TupleObject.item(members, index)!) {
      rt.raise("TypeError", "\(instance ? "isinstance" : "issubclass")() argument 2 cannot be a parameterized generic")
      return nil
    }
    for index in 0..<TupleObject.count(members) {
      let member = TupleObject.item(members, index)!
      let found = instance ? rt.isInstanceCheck(candidate, member) : rt.isSubclassCheck(candidate, member)
      if found < 0 { return nil }
      if found == 1 { return rt.newBool(true).raw }
    }
    return rt.newBool(false).raw
  }

  /// `int | str`: `|` of types, None, aliases and unions (`type.__or__` too).
  static let orSlot: Slot.Binary = { a, b, op, runtime in
    let rt = RuntimeRef(raw: runtime)
    guard op == UInt32(BinaryOperator.or.rawValue), rt.isUnionable(PyRef(a)), rt.isUnionable(PyRef(b)) else {
      return rt.newNotImplemented().raw
    }
    return rt.newUnion(PyRef(a), PyRef(b))?.raw
  }

  /// `int | str | None`.
  static let repr: Slot.Unary = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let members = args(PyRef(raw))
    var pieces: [String] = []
    for index in 0..<TupleObject.count(members) {
      let member = TupleObject.item(members, index)!
      if member == rt.state.pointee.types.none.object {
        pieces.append("None")
        continue
      }
      guard let text = rt.typingItemRepr(member) else { return nil }
      pieces.append(text)
    }
    return rt.newStr(pieces.joined(separator: " | "))?.raw
  }

  /// The hash of the frozenset of the members, so order does not matter.
  static let hash: Slot.Hash = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    guard let set = rt.call(rt.state.pointee.types.frozenset.object, [args(PyRef(raw))]) else { return -1 }
    defer { rt.decref(set) }
    return rt.hash(set)
  }

  static let richCompare: Slot.RichCompare = { a, b, opCode, runtime in
    let rt = RuntimeRef(raw: runtime)
    let op = ComparisonOperator(rawValue: UInt8(opCode))!
    let unionType = rt.state.pointee.types.byName["types.UnionType"]!
    guard op == .equal || op == .notEqual, PyRef(a).type == unionType, PyRef(b).type == unionType else {
      return rt.newNotImplemented().raw
    }
    let frozenset = rt.state.pointee.types.frozenset.object
    guard let left = rt.call(frozenset, [args(PyRef(a))]) else { return nil }
    defer { rt.decref(left) }
    guard let right = rt.call(frozenset, [args(PyRef(b))]) else { return nil }
    defer { rt.decref(right) }
    return rt.richCompare(left, right, op)?.raw
  }
}

extension RuntimeRef {
  /// What `|` joins into a union: None, classes, aliases, unions.
  func isUnionable(_ object: PyRef) -> Bool {
    object == state.pointee.none || object.type.record.pointee.kind == .type || isGenericAlias(object)
      || object.type == state.pointee.types.byName["types.UnionType"]
  }

  /// `a | b` as a union, or the one member left after removing repeats.
  func newUnion(_ a: PyRef, _ b: PyRef) -> PyRef? {
    let unionType = state.pointee.types.byName["types.UnionType"]!
    var members: [PyRef] = []
    for operand in [a, b] {
      let parts: [PyRef] = operand.type == unionType
        ? (0..<TupleObject.count(TypingUnion.args(operand))).map { TupleObject.item(TypingUnion.args(operand), $0)! }
        : [operand == state.pointee.none ? state.pointee.types.none.object : operand]
      for part in parts {
        var repeated = false
        for existing in members {
          if existing == part { repeated = true; break }
          // Aliases compare by value (`list[int] | list[int]`); classes by identity.
          if isGenericAlias(existing) && isGenericAlias(part) {
            let same = richCompareBool(existing, part, .equal)
            if same < 0 { return nil }
            if same == 1 { repeated = true; break }
          }
        }
        if !repeated { members.append(part) }
      }
    }
    if members.count == 1 {
      members[0].incref()
      return members[0]
    }
    for member in members { member.incref() }
    guard let tuple = newTuple(members) else { return nil }
    guard let parameters = typeParameters(tuple) else {
      decref(tuple)
      return nil
    }
    guard let union = allocateObject(unionType) else {
      decref(tuple)
      decref(parameters)
      return nil
    }
    union.storeRef(tuple, at: TypingUnion.argsOffset)
    union.storeRef(parameters, at: TypingUnion.parametersOffset)
    track(union)
    return union
  }
}
