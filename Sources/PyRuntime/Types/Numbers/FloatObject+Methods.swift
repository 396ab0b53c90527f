/// The methods and attributes of `float`: `is_integer`, `as_integer_ratio`, `hex`,
/// `fromhex`, `conjugate`, the conversions `__int__`, `__float__`, the roundings
/// `__round__`, `__trunc__`, `__floor__`, `__ceil__`, `__divmod__`, `__pow__`, and `real`,
/// `imag`. Every method accepts instances of subclasses and returns plain ints and floats.
/// CPython: Objects/floatobject.c (`float_methods`, `float_getset`),
/// Objects/clinic/floatobject.c.h.
enum FloatMethods {
  static let methods: [MethodDefinition] = [
    MethodDefinition("is_integer", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.noArguments("float.is_integer") else { return nil }
      let x = FloatObject.value(args[0])
      return args.rt.newBool(x.isFinite && x == x.rounded(.towardZero)).raw
    }),
    MethodDefinition("as_integer_ratio", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.noArguments("float.as_integer_ratio") else { return nil }
      return args.rt.floatIntegerRatio(FloatObject.value(args[0]))?.raw
    }),
    MethodDefinition("hex", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.noArguments("float.hex") else { return nil }
      return args.rt.newStr(FloatObject.hex(FloatObject.value(args[0])))?.raw
    }),
    MethodDefinition("fromhex", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      let rt = args.rt
      guard args.keywordCount == 0 else {
        rt.raise("TypeError", "float.fromhex() takes no keyword arguments")
        return nil
      }
      guard count == 2 else {
        rt.raise("TypeError", "float.fromhex() takes exactly one argument (\(count - 1) given)")
        return nil
      }
      guard args[1].type.record.pointee.kind == .str else {
        rt.raise("TypeError", "bad argument type for built-in operation")
        return nil
      }
      let value: Double
      // Only ASCII whitespace is skipped here (unlike `float()`).
      switch FloatObject.fromHex(Array(StrObject.string(args[1]).utf8)) {
      case .value(let parsed): value = parsed
      case .invalid:
        rt.raise("ValueError", "invalid hexadecimal floating-point string")
        return nil
      case .overflow:
        rt.raise("OverflowError", "hexadecimal value too large to represent as a float")
        return nil
      }
      guard let result = rt.newFloat(value) else { return nil }
      if args[0] == rt.state.pointee.types.float.object { return result.raw }
      defer { rt.decref(result) }
      return rt.call(args[0], [result])?.raw
    }, flags: .classMethod),
    MethodDefinition("conjugate", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.noArguments("float.conjugate") else { return nil }
      return args.rt.exactFloat(args[0])?.raw
    }),
    MethodDefinition("__float__", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.slotArguments("__float__", 0) else { return nil }
      return args.rt.exactFloat(args[0])?.raw
    }),
    MethodDefinition("__int__", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.slotArguments("__int__", 0) else { return nil }
      return args.rt.newInt(truncating: FloatObject.value(args[0]))?.raw
    }),
    MethodDefinition("__trunc__", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.noArguments("float.__trunc__") else { return nil }
      return args.rt.newInt(truncating: FloatObject.value(args[0]))?.raw
    }),
    MethodDefinition("__floor__", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.noArguments("float.__floor__") else { return nil }
      return args.rt.newInt(truncating: FloatObject.value(args[0]).rounded(.down))?.raw
    }),
    MethodDefinition("__ceil__", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.noArguments("float.__ceil__") else { return nil }
      return args.rt.newInt(truncating: FloatObject.value(args[0]).rounded(.up))?.raw
    }),
    MethodDefinition("__round__", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      let rt = args.rt
      guard args.unpack("__round__", atLeast: 0, atMost: 1) else { return nil }
      let x = FloatObject.value(args[0])
      guard count == 2, args[1] != rt.state.pointee.none else { return rt.floatRoundToInt(x)?.raw }
      guard let digits = rt.asIndexClamped(args[1]) else { return nil }
      return rt.floatRound(x, ndigits: digits)?.raw
    }),
    MethodDefinition("__getnewargs__", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.noArguments("float.__getnewargs__") else { return nil }
      guard let value = args.rt.exactFloat(args[0]) else { return nil }
      return args.rt.newTuple([value])?.raw
    }),
    MethodDefinition("__getformat__", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      let rt = args.rt
      guard args.keywordCount == 0, count == 2 else {
        rt.raise("TypeError", "float.__getformat__() takes exactly one argument (\(count - 1) given)")
        return nil
      }
      guard args[1].type.record.pointee.kind == .str else {
        rt.raise("TypeError", "__getformat__() argument must be str, not \(args[1].type.name)")
        return nil
      }
      let kind = StrObject.string(args[1])
      guard kind == "double" || kind == "float" else {
        rt.raise("ValueError", "__getformat__() argument 1 must be 'double' or 'float'")
        return nil
      }
      return rt.newStr("IEEE, little-endian")?.raw
    }, flags: .classMethod),
  ] + NumberMethods.operatorMethods

  static let getSets: [GetSetDefinition] = [
    GetSetDefinition("real", { raw, runtime in RuntimeRef(raw: runtime).exactFloat(PyRef(raw))?.raw }),
    GetSetDefinition("imag", { _, runtime in RuntimeRef(raw: runtime).newFloat(0)?.raw }),
  ]
}

extension RuntimeRef {
  /// `float(x)` for a float `x` (`float_float`): `x` itself when it is a plain float, else
  /// a plain copy.
  public func exactFloat(_ x: PyRef) -> PyRef? {
    if isExactFloat(x) {
      x.incref()
      return x
    }
    return newFloat(FloatObject.value(x))
  }

  /// `x.as_integer_ratio()`: the exact value as a fraction in lowest terms with a positive
  /// power-of-two denominator. OverflowError "cannot convert Infinity to integer ratio",
  /// ValueError "cannot convert NaN to integer ratio".
  public func floatIntegerRatio(_ x: Double) -> PyRef? {
    if x.isNaN {
      raise("ValueError", "cannot convert NaN to integer ratio")
      return nil
    }
    if x.isInfinite {
      raise("OverflowError", "cannot convert Infinity to integer ratio")
      return nil
    }
    if x == 0 { return newTuple([smallInt(0), smallInt(1)]) }
    let magnitude = abs(x)
    let subnormal = magnitude.exponentBitPattern == 0
    var significand = subnormal ? magnitude.significandBitPattern : magnitude.significandBitPattern | (1 << 52)
    var exponent = subnormal ? -1074 : Int(magnitude.exponentBitPattern) - 1075
    let zeros = significand.trailingZeroBitCount
    significand >>= UInt64(zeros)
    exponent += zeros
    let signed = x < 0 ? -Int(significand) : Int(significand)
    guard let m = newInt(signed) else { return nil }
    if exponent >= 0 {
      defer { decref(m) }
      guard let numerator = shifted(m, exponent) else { return nil }
      return newTuple([numerator, smallInt(1)])
    }
    guard let denominator = shiftedOne(-exponent) else { decref(m); return nil }
    return newTuple([m, denominator])
  }
}
