import PyCompiler

/// `weakref.ref` as Python sees it: the constructor (`ref(object[, callback])`, also for
/// subclasses), calling, hashing, equality, the repr and `__callback__`.
/// CPython: Objects/weakrefobject.c (`weakref___new__`, `weakref___init__`,
/// `weakref_vectorcall`, `weakref_hash`, `weakref_richcompare`, `weakref_repr`).
extension WeakRefObject {
  static func configureReference(_ type: PyType) {
    let record = type.record
    record.pointee.kind = .weakref
    record.pointee.vectorCall = callReference
    record.pointee.repr = repr
    record.pointee.richCompare = richCompare
    record.pointee.new = new
    record.pointee.initialize = initialize
  }

  static let getSets: [GetSetDefinition] = [
    GetSetDefinition("__callback__") { raw, runtime in
      let rt = RuntimeRef(raw: runtime)
      let callback = WeakRefObject.callback(PyRef(raw)) ?? rt.state.pointee.none
      callback.incref()
      return callback.raw
    },
  ]

  /// `ref(object[, callback])` and `ref.__new__(cls, object[, callback])`. A plain `ref`
  /// without a callback is shared with the existing one; a subclass always gets a new
  /// instance. The arguments are checked again by ``initialize``.
  static let new: Slot.VectorCall = { typeRaw, argv, count, names, runtime in
    let args = Arguments(runtime, argv, count, names)
    guard let (object, callback) = unpackArguments(args, "__new__") else { return nil }
    return args.rt.newWeak(PyType(typeRaw), object, callback: callback)?.raw
  }

  /// `ref.__init__(self, object[, callback])`: only checks the arguments.
  static let initialize: Slot.Initialize = { _, argv, count, names, runtime in
    unpackArguments(Arguments(runtime, argv, count, names), "__init__") == nil ? -1 : 0
  }

  /// `PyArg_UnpackTuple(args, name, 1, 2)`, then keywords refused, as `ref` does.
  static func unpackArguments(_ args: Arguments, _ function: String) -> (PyRef, PyRef?)? {
    let positional = Arguments(args.rt, args.argv, args.count, nil)
    guard positional.expect(function, atLeast: 1, atMost: 2) else { return nil }
    guard args.keywordCount == 0 else {
      args.rt.raise("TypeError", "ref() takes no keyword arguments")
      return nil
    }
    return (args[0], args.count == 2 ? args[1] : nil)
  }

  /// Calling a reference returns the referent, or None once it is dead (or dying).
  static let callReference: Slot.VectorCall = { raw, _, count, names, runtime in
    let rt = RuntimeRef(raw: runtime)
    if let names, TupleObject.count(PyRef(names)) > 0 {
      rt.raise("TypeError", "weakref() takes no keyword arguments")
      return nil
    }
    guard count == 0 else {
      rt.raise("TypeError", "weakref expected 0 arguments, got \(count)")
      return nil
    }
    let referent = liveReferent(PyRef(raw)) ?? rt.state.pointee.none
    referent.incref()
    return referent.raw
  }

  /// The referent's hash, computed once; a dead reference that never hashed raises
  /// `TypeError: weak object has gone away`.
  static let hash: Slot.Hash = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let ref = PyRef(raw)
    let cached = ref.raw.load(fromByteOffset: hashOffset, as: Int.self)
    if cached != -1 { return cached }
    guard let referent = liveReferent(ref) else {
      rt.raise("TypeError", "weak object has gone away")
      return -1
    }
    referent.incref()
    defer { rt.decref(referent) }
    let value = rt.hash(referent)
    if value != -1 { ref.raw.storeBytes(of: value, toByteOffset: hashOffset, as: Int.self) }
    return value
  }

  /// The dict/set fast path of `==`: two live references compare their referents; a dead
  /// one is equal only to itself.
  static let equal: Slot.Equal = { a, b, runtime in
    let rt = RuntimeRef(raw: runtime)
    let left = PyRef(a), right = PyRef(b)
    let refType = rt.state.pointee.types.weakref!
    guard rt.isInstance(left, refType), rt.isInstance(right, refType) else {
      return rt.richCompareBool(left, right, .equal)
    }
    guard let x = liveReferent(left), let y = liveReferent(right) else { return a == b ? 1 : 0 }
    x.incref(); y.incref()
    defer { rt.decref(x); rt.decref(y) }
    return rt.richCompareBool(x, y, .equal)
  }

  /// `==` and `!=` between references: the referents' comparison while both live,
  /// identity otherwise; every other comparison is `NotImplemented`.
  static let richCompare: Slot.RichCompare = { a, b, op, runtime in
    let rt = RuntimeRef(raw: runtime)
    let left = PyRef(a), right = PyRef(b)
    let refType = rt.state.pointee.types.weakref!
    guard op == Int32(ComparisonOperator.equal.rawValue) || op == Int32(ComparisonOperator.notEqual.rawValue),
          rt.isInstance(left, refType), rt.isInstance(right, refType) else {
      return rt.newNotImplemented().raw
    }
    let comparison = ComparisonOperator(rawValue: UInt8(op))!
    guard let x = liveReferent(left), let y = liveReferent(right) else {
      let same = a == b
      return rt.newBool(comparison == .equal ? same : !same).raw
    }
    x.incref(); y.incref()
    defer { rt.decref(x); rt.decref(y) }
    return rt.richCompare(x, y, comparison)?.raw
  }

  /// `<weakref at 0x…; to 'T' at 0x… (name)>`, or `<weakref at 0x…; dead>`.
  static let repr: Slot.Unary = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let ref = PyRef(raw)
    guard let referent = liveReferent(ref) else { return rt.newStr("<weakref at \(rt.addressText(ref)); dead>")?.raw }
    referent.incref()
    defer { rt.decref(referent) }
    var text = "<weakref at \(rt.addressText(ref)); to '\(referent.type.name)' at \(rt.addressText(referent))"
    if let name = rt.getOptionalAttribute(referent, "__name__") {
      defer { rt.decref(name) }
      if rt.isInstance(name, rt.state.pointee.types.str) { text += " (\(StrObject.string(name)))" }
    } else if rt.hasError {
      return nil
    }
    return rt.newStr(text + ">")?.raw
  }
}
