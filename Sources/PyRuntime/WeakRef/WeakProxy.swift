import PyCompiler

/// `weakref.ProxyType` and `weakref.CallableProxyType`: a weak reference that stands in for
/// its referent. Every operation on a proxy is the same operation on the referent (a proxy
/// operand of a binary operation or comparison is replaced by its referent first), and
/// raises `ReferenceError: weakly-referenced object no longer exists` once the referent is
/// gone. Proxies are unhashable and cannot be made by calling their types.
/// CPython: Objects/weakrefobject.c (`proxy_*`, `UNWRAP`, `_PyWeakref_ProxyType`).
enum WeakProxy {
  static func configure(_ type: PyType, callable: Bool) {
    let record = type.record
    record.pointee.kind = .weakref
    record.pointee.repr = repr
    record.pointee.str = str
    record.pointee.hash = RuntimeRef.unhashable
    record.pointee.richCompare = richCompare
    record.pointee.binary = binary
    record.pointee.unaryNumber = unaryNumber
    record.pointee.isTrue = isTrue
    record.pointee.length = length
    record.pointee.getItem = getItem
    record.pointee.setItem = setItem
    record.pointee.contains = contains
    record.pointee.iter = iter
    record.pointee.iterNext = iterNext
    record.pointee.getAttribute = getAttribute
    record.pointee.setAttribute = setAttribute
    if callable { record.pointee.vectorCall = call }
  }

  /// After `readyBuiltinType`: a proxy type has no constructor (`tp_new` is NULL), so
  /// calling it says "cannot create 'weakref.ProxyType' instances".
  static func finish(_ rt: RuntimeRef, _ type: PyType) {
    type.record.pointee.new = nil
    type.record.pointee.initialize = nil
    rt.addSlotWrappers(type)
    let inplace = SlotWrappers.binaryNames.filter { $0.value.inplace }.keys.sorted()
    rt.addMethods(type, inplace.map { MethodDefinition($0, SlotWrappers.binary) } + methods)
  }

  /// The live referent of `proxy` (borrowed), or nil with `ReferenceError` set.
  /// CPython: `proxy_checkref()`.
  static func referent(_ proxy: PyRef, _ rt: RuntimeRef) -> PyRef? {
    guard let referent = WeakRefObject.liveReferent(proxy) else {
      rt.raise("ReferenceError", "weakly-referenced object no longer exists")
      return nil
    }
    return referent
  }

  /// `UNWRAP(o)`: a proxy operand becomes its referent (a new reference either way).
  static func unwrap(_ object: PyRef, _ rt: RuntimeRef) -> PyRef? {
    let type = object.type
    let types = rt.state.pointee.types
    guard type == types.weakProxy || type == types.weakCallableProxy else {
      object.incref()
      return object
    }
    guard let referent = referent(object, rt) else { return nil }
    referent.incref()
    return referent
  }

  /// Runs `body` with the live referent of `proxy`, held for the call.
  @inline(__always)
  static func withReferent<R>(_ raw: UnsafeMutableRawPointer, _ runtime: RawRuntime, failure: R,
                              _ body: (RuntimeRef, PyRef) -> R) -> R {
    let rt = RuntimeRef(raw: runtime)
    guard let referent = referent(PyRef(raw), rt) else { return failure }
    referent.incref()
    defer { rt.decref(referent) }
    return body(rt, referent)
  }

  /// `<weakproxy at 0x… to T at 0x…>` (a dead proxy shows None's type and address).
  static let repr: Slot.Unary = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let proxy = PyRef(raw)
    let target = WeakRefObject.liveReferent(proxy) ?? rt.state.pointee.none
    return rt.newStr("<weakproxy at \(rt.addressText(proxy)) to \(target.type.name) at \(rt.addressText(target))>")?.raw
  }

  static let str: Slot.Unary = { raw, runtime in
    withReferent(raw, runtime, failure: nil) { rt, referent in rt.str(referent)?.raw }
  }

  static let getAttribute: Slot.GetAttribute = { raw, name, runtime in
    withReferent(raw, runtime, failure: nil) { rt, referent in rt.getAttribute(referent, PyRef(name))?.raw }
  }

  static let setAttribute: Slot.SetAttribute = { raw, name, value, runtime in
    withReferent(raw, runtime, failure: -1) { rt, referent in
      rt.setAttribute(referent, PyRef(name), PyRef(value)) ? 0 : -1
    }
  }

  static let richCompare: Slot.RichCompare = { a, b, op, runtime in
    let rt = RuntimeRef(raw: runtime)
    guard let left = unwrap(PyRef(a), rt) else { return nil }
    defer { rt.decref(left) }
    guard let right = unwrap(PyRef(b), rt) else { return nil }
    defer { rt.decref(right) }
    return rt.richCompare(left, right, ComparisonOperator(rawValue: UInt8(op))!)?.raw
  }

  /// Every binary operation, in-place ones included: both operands unwrapped.
  static let binary: Slot.Binary = { a, b, op, runtime in
    let rt = RuntimeRef(raw: runtime)
    guard let left = unwrap(PyRef(a), rt) else { return nil }
    defer { rt.decref(left) }
    guard let right = unwrap(PyRef(b), rt) else { return nil }
    defer { rt.decref(right) }
    return rt.binaryOp(left, right, op)?.raw
  }

  static let unaryNumber: Slot.UnaryNumber = { raw, op, runtime in
    withReferent(raw, runtime, failure: nil) { rt, referent in rt.unaryOp(referent, op)?.raw }
  }

  static let isTrue: Slot.Predicate = { raw, runtime in
    withReferent(raw, runtime, failure: -1) { rt, referent in rt.isTrue(referent) }
  }

  static let length: Slot.Length = { raw, runtime in
    withReferent(raw, runtime, failure: -1) { rt, referent in rt.length(referent) }
  }

  static let getItem: Slot.GetItem = { raw, key, runtime in
    withReferent(raw, runtime, failure: nil) { rt, referent in rt.getItem(referent, PyRef(key))?.raw }
  }

  static let setItem: Slot.SetItem = { raw, key, value, runtime in
    withReferent(raw, runtime, failure: -1) { rt, referent in
      rt.setItem(referent, PyRef(key), PyRef(value)) ? 0 : -1
    }
  }

  static let contains: Slot.Contains = { raw, item, runtime in
    withReferent(raw, runtime, failure: -1) { rt, referent in rt.contains(referent, PyRef(item)) }
  }

  static let iter: Slot.Unary = { raw, runtime in
    withReferent(raw, runtime, failure: nil) { rt, referent in rt.iter(referent)?.raw }
  }

  static let iterNext: Slot.IterNext = { raw, runtime in
    withReferent(raw, runtime, failure: nil) { rt, referent in
      guard let next = referent.type.record.pointee.iterNext else {
        rt.raise("TypeError", "Weakref proxy referenced a non-iterator '\(referent.type.name)' object")
        return nil
      }
      return next(referent.raw, runtime)
    }
  }

  static let call: Slot.VectorCall = { raw, argv, count, names, runtime in
    withReferent(raw, runtime, failure: nil) { rt, referent in
      rt.call(referent, argv, count: count, keywordNames: PyRef(names))?.raw
    }
  }

  /// The conversions and the methods CPython's proxies forward by name.
  static let methods: [MethodDefinition] = [
    forwarding("__bytes__"),
    forwarding("__reversed__"),
    MethodDefinition("__int__", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.expect("__int__", exactly: 1) else { return nil }
      return withReferent(argv[0]!, runtime, failure: nil) { rt, referent in
        rt.call(rt.state.pointee.types.int.object, [referent])?.raw
      }
    }),
    MethodDefinition("__float__", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.expect("__float__", exactly: 1) else { return nil }
      return withReferent(argv[0]!, runtime, failure: nil) { rt, referent in
        rt.call(rt.state.pointee.types.float.object, [referent])?.raw
      }
    }),
    MethodDefinition("__index__", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.expect("__index__", exactly: 1) else { return nil }
      return withReferent(argv[0]!, runtime, failure: nil) { rt, referent in rt.indexOperand(referent)?.raw }
    }),
  ]

  /// A method that calls the referent's method of the same name with no arguments.
  static func forwarding(_ name: String) -> MethodDefinition { MethodDefinition(name, forwardByName) }

  static let forwardByName: Slot.VectorCall = { function, argv, count, names, runtime in
    let args = Arguments(runtime, argv, count, names)
    let method = StrObject.string(BuiltinFunctionObject.name(PyRef(function)))
    guard args.expect(method, exactly: 1) else { return nil }
    return withReferent(argv[0]!, runtime, failure: nil) { rt, referent in rt.callMethod(referent, method)?.raw }
  }
}
