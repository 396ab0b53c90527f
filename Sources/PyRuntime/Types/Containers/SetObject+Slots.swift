import PyCompiler

/// The protocol slots of `set` and `frozenset`: repr, the subset comparisons, `len`, `in`,
/// iteration, `| & - ^` and their in-place forms, the constructors.
/// CPython: Objects/setobject.c.
extension SetObject {
  static let length: Slot.Length = { raw, _ in count(PyRef(raw)) }

  /// `{1, 2}`, `set()`, `frozenset({1})`, `MySet({1})`, and `set(...)` inside its own repr.
  static let repr: Slot.Unary = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let set = PyRef(raw)
    let typeName = set.type.name
    guard rt.reprEnter(set) else { return rt.newStr("\(typeName)(...)")?.raw }
    defer { rt.reprLeave(set) }
    if count(set) == 0 { return rt.newStr("\(typeName)()")?.raw }
    guard let keys = rt.listFrom(set) else { return nil }
    defer { rt.decref(keys) }
    let exact = set.type == rt.state.pointee.types.set
    var builder = TextBuilder(capacity: 2 * keys.size + 3)
    if !exact {
      guard builder.append(typeName, rt) else { return nil }
      builder.append("(")
    }
    builder.append("{")
    var index = 0
    while index < keys.size {
      if index > 0 { builder.append(", ") }
      guard builder.appendRepr(ListObject.item(keys, index), rt) else { builder.discard(rt); return nil }
      index += 1
    }
    builder.append("}")
    if !exact { builder.append(")") }
    return builder.finish(rt)?.raw
  }

  /// Subset and superset tests against any set or frozenset.
  static let richCompare: Slot.RichCompare = { a, b, op, runtime in
    let rt = RuntimeRef(raw: runtime)
    let set = PyRef(a), other = PyRef(b)
    guard rt.isAnySet(other) else { return rt.newNotImplemented().raw }
    var result: Int32
    switch ComparisonOperator(rawValue: UInt8(op))! {
    case .equal, .notEqual:
      if count(set) != count(other) {
        result = 0
      } else if cachedHash(set) != -1 && cachedHash(other) != -1 && cachedHash(set) != cachedHash(other) {
        result = 0
      } else {
        result = rt.setIsSubset(set, other)
      }
      if op == Int32(ComparisonOperator.notEqual.rawValue) && result >= 0 { result = result == 0 ? 1 : 0 }
    case .lessOrEqual:
      result = rt.setIsSubset(set, other)
    case .greaterOrEqual:
      result = rt.setIsSuperset(set, other)
    case .lessThan:
      result = count(set) >= count(other) ? 0 : rt.setIsSubset(set, other)
    case .greaterThan:
      result = count(set) <= count(other) ? 0 : rt.setIsSuperset(set, other)
    }
    if result < 0 { return nil }
    return rt.newBool(result == 1).raw
  }

  static let contains: Slot.Contains = { raw, keyRaw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let set = PyRef(raw)
    return rt.withHashableSetKey(PyRef(keyRaw)) { rt.setContainsKey(set, $0) }
  }

  static let iter: Slot.Unary = { raw, runtime in
    SetIterator.new(PyRef(raw), RuntimeRef(raw: runtime))?.raw
  }

  /// `| & - ^` between sets (a new set of the left operand's base type) and, for `set`,
  /// the in-place forms.
  static let binary: Slot.Binary = { a, b, op, runtime in
    let rt = RuntimeRef(raw: runtime)
    let left = PyRef(a), right = PyRef(b)
    guard rt.isAnySet(left), rt.isAnySet(right) else { return rt.newNotImplemented().raw }
    let inplace = op >= BinaryOperator.inplaceOffset
    if inplace && left.type.record.pointee.kind != .set { return rt.newNotImplemented().raw }
    let plain = inplace ? op - BinaryOperator.inplaceOffset : op
    guard let operation = BinaryOperator(rawValue: UInt8(plain)) else { return rt.newNotImplemented().raw }
    if inplace {
      let ok: Bool
      switch operation {
      case .or: ok = rt.setUpdateInternal(left, right)
      case .and: ok = rt.setIntersectionUpdate(left, [right])
      case .subtract: ok = rt.setDifferenceUpdate(left, right)
      case .xor: ok = rt.setSymmetricDifferenceUpdate(left, right)
      default: return rt.newNotImplemented().raw
      }
      guard ok else { return nil }
      left.incref()
      return a
    }
    switch operation {
    case .or:
      guard let result = rt.setCopy(left) else { return nil }
      if left == right { return result.raw }
      guard rt.setUpdateInternal(result, right) else { rt.decref(result); return nil }
      return result.raw
    case .and: return rt.setIntersection(left, right)?.raw
    case .subtract: return rt.setDifference(left, right)?.raw
    case .xor: return rt.setSymmetricDifference(left, right)?.raw
    default: return rt.newNotImplemented().raw
    }
  }

  /// `set.__new__`: an empty set of the class (the items come from `__init__`).
  static let newSet: Slot.VectorCall = { typeRaw, _, _, names, runtime in
    let rt = RuntimeRef(raw: runtime)
    let type = PyType(typeRaw)
    if type == rt.state.pointee.types.set, let names, TupleObject.count(PyRef(names)) > 0 {
      rt.raise("TypeError", "set() takes no keyword arguments")
      return nil
    }
    return rt.makeNewSet(type, nil)?.raw
  }

  /// `set.__init__(iterable=(), /)`: empties the set, then adds the items.
  static let initialize: Slot.Initialize = { raw, argv, count, names, runtime in
    let args = Arguments(runtime, argv, count, names)
    let rt = args.rt, set = PyRef(raw)
    guard args.noKeywords("set"), Arguments.checkPositional(rt, set.type.name, count, 0, 1) else { return -1 }
    if fill(set) > 0 { rt.setClearInternal(set) }
    setCachedHash(set, -1)
    guard count == 1 else { return 0 }
    return rt.setUpdateInternal(set, args[0]) ? 0 : -1
  }

  /// `frozenset(iterable=(), /)`: `frozenset(f)` of an exact frozenset is `f`.
  static let newFrozenSet: Slot.VectorCall = { typeRaw, argv, count, names, runtime in
    let args = Arguments(runtime, argv, count, names)
    let rt = args.rt
    let type = PyType(typeRaw)
    let frozenset = rt.state.pointee.types.frozenset!
    if type == frozenset || sameFunction(type.record.pointee.initialize, frozenset.record.pointee.initialize) {
      guard args.noKeywords("frozenset") else { return nil }
    }
    guard Arguments.checkPositional(rt, type.name, count, 0, 1) else { return nil }
    let iterable = count == 1 ? args[0] : nil
    if type == frozenset, let iterable, iterable.type == frozenset {
      iterable.incref()
      return iterable.raw
    }
    return rt.makeNewSet(type, iterable)?.raw
  }
}
