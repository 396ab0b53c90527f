/// The methods and attributes of `int` (and so of `bool`): `bit_length`, `bit_count`,
/// `to_bytes`, `from_bytes`, `conjugate`, `as_integer_ratio`, the conversions `__int__`,
/// `__index__`, `__float__`, the roundings `__round__`, `__trunc__`, `__floor__`,
/// `__ceil__`, the operations without a slot of their own (`__divmod__`, three-argument
/// `__pow__`), and `real`, `imag`, `numerator`, `denominator`.
///
/// Every method accepts instances of subclasses and returns plain ints.
/// CPython: Objects/longobject.c (`long_methods`, `long_getset`), Objects/clinic/longobject.c.h.
enum IntMethods {
  static let methods: [MethodDefinition] = [
    MethodDefinition("bit_length", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.noArguments("int.bit_length") else { return nil }
      return args.rt.newInt(args.rt.intBitLength(args[0]))?.raw
    }),
    MethodDefinition("bit_count", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.noArguments("int.bit_count") else { return nil }
      let a = args[0]
      let digits = IntObject.digits(a)
      var total = 0
      for index in 0..<IntObject.digitCount(a) { total += digits[index].nonzeroBitCount }
      return args.rt.newInt(total)?.raw
    }),
    MethodDefinition("to_bytes", IntBytesMethods.toBytes),
    MethodDefinition("from_bytes", IntBytesMethods.fromBytes, flags: .classMethod),
    MethodDefinition("as_integer_ratio", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.noArguments("int.as_integer_ratio") else { return nil }
      guard let numerator = args.rt.exactInt(args[0]) else { return nil }
      return args.rt.newTuple([numerator, args.rt.smallInt(1)])?.raw
    }),
    copyMethod("conjugate"),
    copyMethod("__trunc__"),
    copyMethod("__floor__"),
    copyMethod("__ceil__"),
    copyMethod("__int__"),
    copyMethod("__index__"),
    MethodDefinition("__float__", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.slotArguments("__float__", 0) else { return nil }
      return args.rt.intToDouble(args[0]).flatMap { args.rt.newFloat($0) }?.raw
    }),
    MethodDefinition("__round__", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.unpack("__round__", atLeast: 0, atMost: 1) else { return nil }
      return args.rt.intRound(args[0], ndigits: count > 1 ? args[1] : nil)?.raw
    }),
    MethodDefinition("__getnewargs__", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.noArguments("int.__getnewargs__") else { return nil }
      guard let value = args.rt.exactInt(args[0]) else { return nil }
      return args.rt.newTuple([value])?.raw
    }),
    MethodDefinition("__sizeof__", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.noArguments("int.__sizeof__") else { return nil }
      return args.rt.newInt(IntObject.sizeInBytes(args[0]))?.raw
    }),
  ] + NumberMethods.operatorMethods

  /// A method returning `int(self)`; the name picks the argument check (`@convention(c)`
  /// code cannot capture it): slot wrappers for `__int__`/`__index__`, no arguments else.
  static func copyMethod(_ name: String) -> MethodDefinition {
    MethodDefinition(name, { function, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      let name = StrObject.string(BuiltinFunctionObject.name(PyRef(function)))
      let ok = name == "__int__" || name == "__index__" ? args.slotArguments(name, 0) : args.noArguments("int.\(name)")
      guard ok else { return nil }
      return args.rt.exactInt(args[0])?.raw
    })
  }

  static let getSets: [GetSetDefinition] = [
    GetSetDefinition("real", { raw, runtime in RuntimeRef(raw: runtime).exactInt(PyRef(raw))?.raw }),
    GetSetDefinition("imag", { _, runtime in RuntimeRef(raw: runtime).smallInt(0).raw }),
    GetSetDefinition("numerator", { raw, runtime in RuntimeRef(raw: runtime).exactInt(PyRef(raw))?.raw }),
    GetSetDefinition("denominator", { _, runtime in RuntimeRef(raw: runtime).smallInt(1).raw }),
  ]
}

/// `__divmod__`, `__rdivmod__`, `__pow__`, `__rpow__` for int and float: written by hand
/// because `divmod` has no slot in this runtime and `__pow__` takes an optional modulus.
/// Each returns `NotImplemented` for operands its type does not handle (so int's refuse a
/// float; float's take ints), like the slot wrappers of CPython.
enum NumberMethods {
  static let operatorMethods: [MethodDefinition] = [
    MethodDefinition("__divmod__", divmod),
    MethodDefinition("__rdivmod__", divmod),
    MethodDefinition("__pow__", power),
    MethodDefinition("__rpow__", power),
  ]

  static func reflected(_ function: UnsafeMutableRawPointer) -> Bool {
    StrObject.string(BuiltinFunctionObject.name(PyRef(function))).hasPrefix("__r")
  }

  /// Whether the method's type takes `a` and `b`: int's needs two ints, float's numbers.
  static func accepts(_ rt: RuntimeRef, _ function: UnsafeMutableRawPointer, _ a: PyRef, _ b: PyRef) -> Bool {
    let owner = BuiltinFunctionObject.owner(PyRef(function))
    if owner == rt.state.pointee.types.float { return rt.isNumber(a) && rt.isNumber(b) }
    return rt.numberKind(a) == .int && rt.numberKind(b) == .int
  }

  static let divmod: Slot.VectorCall = { function, argv, count, names, runtime in
    let args = Arguments(runtime, argv, count, names)
    let rt = args.rt
    let flip = reflected(function)
    guard args.slotArguments(flip ? "__rdivmod__" : "__divmod__", 1) else { return nil }
    let (a, b) = flip ? (args[1], args[0]) : (args[0], args[1])
    guard accepts(rt, function, a, b) else { return rt.newNotImplemented().raw }
    return rt.numberBinary(.divmod, a, b)?.raw
  }

  /// `__pow__(self, value, mod=None)`, `__rpow__(self, value, mod=None)`.
  static let power: Slot.VectorCall = { function, argv, count, names, runtime in
    let args = Arguments(runtime, argv, count, names)
    let rt = args.rt
    let flip = reflected(function)
    guard args.keywordCount == 0 else {
      rt.raise("TypeError", "wrapper \(flip ? "__rpow__" : "__pow__")() takes no keyword arguments")
      return nil
    }
    guard count == 2 || count == 3 else {
      rt.raise("TypeError", count < 2 ? " expected at least 1 argument, got \(count - 1)"
        : " expected at most 2 arguments, got \(count - 1)")
      return nil
    }
    let (a, b) = flip ? (args[1], args[0]) : (args[0], args[1])
    let modulus: PyRef? = count == 3 && args[2] != rt.state.pointee.none ? args[2] : nil
    // float's refuses a modulus before it looks at the operands (`float_pow`).
    if modulus != nil && BuiltinFunctionObject.owner(PyRef(function)) == rt.state.pointee.types.float {
      rt.raise("TypeError", "pow() 3rd argument not allowed unless all arguments are integers")
      return nil
    }
    guard accepts(rt, function, a, b) else { return rt.newNotImplemented().raw }
    guard let modulus else { return rt.numberBinary(.power, a, b)?.raw }
    guard rt.numberKind(modulus) == .int else { return rt.newNotImplemented().raw }
    return rt.numberPower(a, b, modulus: modulus)?.raw
  }
}

extension RuntimeRef {
  /// `int.__round__(ndigits)`: `int(a)` for no digits or `ndigits >= 0`; otherwise `a`
  /// rounded to a multiple of `10 ** -ndigits`, ties to even (`round(25, -1) == 20`,
  /// `round(35, -1) == 40`). CPython: `int___round___impl`, `_PyLong_DivmodNear`.
  public func intRound(_ a: PyRef, ndigits: PyRef?) -> PyRef? {
    guard let ndigits, ndigits != state.pointee.none else { return exactInt(a) }
    guard let digits = index(ndigits) else { return nil }
    defer { decref(digits) }
    guard IntObject.isNegative(digits) else { return exactInt(a) }
    // 10^m > 2|a| rounds to zero; m > bits/3 + 2 is past that point for certain.
    let bits = intBitLength(a)
    guard let m = IntObject.exactValue(digits).map({ -$0 }), m <= bits / 3 + 2 else { return smallInt(0) }
    guard let scale = powerOfTen(m) else { return nil }
    defer { decref(scale) }
    guard let (quotient, remainder) = intDivmod(a, scale) else { return nil }
    defer { decref(quotient); decref(remainder) }
    guard let twice = shifted(remainder, 1) else { return nil }
    let order = IntObject.compare(twice, scale)
    decref(twice)
    let odd = IntObject.digitCount(quotient) > 0 && IntObject.digits(quotient)[0] & 1 == 1
    if order > 0 || (order == 0 && odd) {
      // The nearest multiple is the next one up: a − r + 10^m.
      guard let down = intSubtract(a, remainder) else { return nil }
      defer { decref(down) }
      return intAdd(down, scale)
    }
    return intSubtract(a, remainder)
  }
}
