import PyCompiler

/// The protocol slots of `dict`: repr, `==`, `len`, `d[k]` (with `__missing__` for
/// subclasses), assignment and deletion, `in`, iteration, `|` and `|=`, the constructor.
/// CPython: Objects/dictobject.c.
extension DictObject {
  static func isDict(_ object: PyRef) -> Bool { object.type.record.pointee.kind == .dict }

  static let length: Slot.Length = { raw, _ in count(PyRef(raw)) }

  /// `{'a': 1}`, `{}`, and `{...}` for a dict inside its own repr.
  static let repr: Slot.Unary = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let dict = PyRef(raw)
    guard rt.reprEnter(dict) else { return rt.newStr("{...}")?.raw }
    defer { rt.reprLeave(dict) }
    if count(dict) == 0 { return rt.newStr("{}")?.raw }
    var builder = TextBuilder(capacity: 4 * count(dict) + 1)
    builder.append("{")
    var position = 0, first = true
    while let (key, value, _) = rt.dictNext(dict, &position) {
      key.incref()
      value.incref()
      defer { rt.decref(key); rt.decref(value) }
      if !first { builder.append(", ") }
      first = false
      guard builder.appendRepr(key, rt) else { builder.discard(rt); return nil }
      builder.append(": ")
      guard builder.appendRepr(value, rt) else { builder.discard(rt); return nil }
    }
    builder.append("}")
    return builder.finish(rt)?.raw
  }

  /// `==` and `!=` only: same keys mapping to equal values.
  static let richCompare: Slot.RichCompare = { a, b, op, runtime in
    let rt = RuntimeRef(raw: runtime)
    let comparison = ComparisonOperator.fromRaw(op)
    guard isDict(PyRef(a)), isDict(PyRef(b)), comparison == .equal || comparison == .notEqual else {
      return rt.newNotImplemented().raw
    }
    let same = rt.dictEqual(PyRef(a), PyRef(b))
    if same < 0 { return nil }
    return rt.newBool((same == 1) == (comparison == .equal)).raw
  }

  static let getItem: Slot.GetItem = { raw, keyRaw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let dict = PyRef(raw), key = PyRef(keyRaw)
    let hash = rt.hash(key)
    if hash == -1 && rt.hasError { return nil }
    switch DictObject.lookup(dict, key, hash: hash, rt) {
    case .failure:
      return nil
    case .found(let entry, _):
      let value = table(dict).unsafelyUnwrapped.value(entry).unsafelyUnwrapped
      value.incref()
      return value.raw
    case .absent:
      if dict.type != rt.state.pointee.types.dict {
        let (found, result) = rt.callSpecial(dict, "__missing__", [key])
        if found { return result?.raw }
      }
      rt.raiseKeyError(key)
      return nil
    }
  }

  static let setItem: Slot.SetItem = { raw, keyRaw, valueRaw, runtime in
    let rt = RuntimeRef(raw: runtime)
    guard let value = PyRef(valueRaw) else { return rt.dictDelItem(PyRef(raw), PyRef(keyRaw)) ? 0 : -1 }
    return rt.dictSetItem(PyRef(raw), PyRef(keyRaw), value) ? 0 : -1
  }

  static let contains: Slot.Contains = { raw, keyRaw, runtime in
    RuntimeRef(raw: runtime).dictContains(PyRef(raw), PyRef(keyRaw))
  }

  static let iter: Slot.Unary = { raw, runtime in
    DictIterator.new(PyRef(raw), .keys, reversed: false, RuntimeRef(raw: runtime))?.raw
  }

  /// `a | b` (a new exact dict) and `a |= b` (any mapping or iterable of pairs).
  static let binary: Slot.Binary = { a, b, op, runtime in
    let rt = RuntimeRef(raw: runtime)
    let left = PyRef(a), right = PyRef(b)
    switch op {
    case UInt32(BinaryOperator.or.rawValue):
      guard isDict(left), isDict(right) else { return rt.newNotImplemented().raw }
      guard let result = rt.dictCopy(left) else { return nil }
      guard rt.dictUpdate(result, with: right) else {
        rt.decref(result)
        return nil
      }
      return result.raw
    case UInt32(BinaryOperator.or.rawValue) + BinaryOperator.inplaceOffset:
      guard isDict(left) else { return rt.newNotImplemented().raw }
      guard rt.dictUpdate(left, with: right) else { return nil }
      left.incref()
      return a
    default:
      return rt.newNotImplemented().raw
    }
  }

  /// `dict.__new__`: an empty dict of the class; exact dicts start untracked, instances of
  /// subclasses tracked (as `tp_alloc` leaves them in CPython).
  static let new: Slot.VectorCall = { typeRaw, _, _, _, runtime in
    let rt = RuntimeRef(raw: runtime)
    let type = PyType(typeRaw)
    if type == rt.state.pointee.types.dict { return rt.newDict()?.raw }
    guard let dict = rt.allocateObject(type) else { return nil }
    setCount(dict, 0)
    setTable(dict, nil)
    dict.raw.storeBytes(of: 0, toByteOffset: 32, as: Int.self)
    dict.raw.storeBytes(of: 0, toByteOffset: 40, as: Int.self)
    rt.initializeInstanceSlots(dict)
    rt.track(dict)
    return dict.raw
  }

  /// `dict.__init__(mapping_or_iterable=(), /, **kwargs)`.
  static let initialize: Slot.Initialize = { raw, argv, count, names, runtime in
    let args = Arguments(runtime, argv, count, names)
    return args.rt.dictUpdateFromArguments(PyRef(raw), args, positional: 0..<count, name: "dict") ? 0 : -1
  }
}

extension RuntimeRef {
  /// `dict_equal`: 1, 0, or -1 with an exception set.
  func dictEqual(_ a: PyRef, _ b: PyRef) -> Int32 {
    if DictObject.count(a) != DictObject.count(b) { return 0 }
    guard enterRecursiveCall(" in comparison") else { return -1 }
    defer { leaveRecursiveCall() }
    var index = 0
    while let table = DictObject.table(a), index < table.entryCount {
      defer { index += 1 }
      guard let key = table.key(index), let value = table.value(index) else { continue }
      let hash = table.hash(index)
      key.incref()
      value.incref()
      defer { decref(key); decref(value) }
      guard case .found(let entry, _) = DictObject.lookup(b, key, hash: hash, self) else {
        return hasError ? -1 : 0
      }
      let other = DictObject.table(b).unsafelyUnwrapped.value(entry).unsafelyUnwrapped
      other.incref()
      let same = richCompareBool(value, other, .equal)
      decref(other)
      if same <= 0 { return same }
    }
    return 1
  }
}
