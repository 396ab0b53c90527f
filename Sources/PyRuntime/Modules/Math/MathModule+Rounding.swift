/// `floor`, `ceil` and `trunc` (ints, through `__floor__`/`__ceil__`/`__trunc__` for
/// anything but a float), and the functions that take floats apart: `frexp`, `ldexp`,
/// `modf`, `nextafter`, `ulp`. CPython: Modules/mathmodule.c, `math_floor`, `math_ceil`,
/// `math_trunc`, `math_frexp_impl`, `math_ldexp_impl`, `math_modf_impl`, `math_ulp_impl`.
extension MathModule {
  /// `floor(x)` / `ceil(x)`: an exact float is rounded directly; anything else asks its
  /// type's `__floor__`/`__ceil__` (an int returns itself), and failing that converts to
  /// float ("must be real number, not str").
  static func rounding(_ runtime: RawRuntime, _ argv: UnsafePointer<UnsafeMutableRawPointer?>, _ count: Int,
                       _ names: UnsafeMutableRawPointer?, _ qualified: StaticString, _ special: String,
                       _ rule: FloatingPointRoundingRule) -> UnsafeMutableRawPointer? {
    let a = ModuleArguments(runtime, argv, count, names)
    guard single(a, qualified) else { return nil }
    let rt = a.rt, x = a[0]
    if rt.isExactFloat(x) { return rt.newInt(truncating: FloatObject.value(x).rounded(rule))?.raw }
    if rt.isExactInt(x) {
      x.incref()
      return x.raw
    }
    let (found, result) = rt.callSpecial(x, special)
    if found { return result?.raw }
    guard let value = rt.asDouble(x) else { return nil }
    return rt.newInt(truncating: value.rounded(rule))?.raw
  }

  static let roundingFunctions: [BuiltinFunction] = [
    BuiltinFunction("floor") { rounding($4, $1, $2, $3, "math.floor", "__floor__", .down) },
    BuiltinFunction("ceil") { rounding($4, $1, $2, $3, "math.ceil", "__ceil__", .up) },
    BuiltinFunction("trunc") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard single(a, "math.trunc") else { return nil }
      let rt = a.rt, x = a[0]
      if rt.isExactFloat(x) { return rt.newInt(truncating: FloatObject.value(x))?.raw }
      let (found, result) = rt.callSpecial(x, "__trunc__")
      guard found else {
        rt.raise("TypeError", "type \(x.type.name) doesn't define __trunc__ method")
        return nil
      }
      return result?.raw
    },
    BuiltinFunction("frexp") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard single(a, "math.frexp"), let x = a.rt.asDouble(a[0]) else { return nil }
      // NaNs, infinities and zeros are their own fraction, with exponent 0.
      let (fraction, exponent) = x.isFinite && x != 0 ? LibM.frexp(x) : (x, 0)
      guard let first = a.rt.newFloat(fraction) else { return nil }
      guard let second = a.rt.newInt(exponent) else {
        a.rt.decref(first)
        return nil
      }
      return a.rt.newTuple([first, second])?.raw
    },
    BuiltinFunction("ldexp") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard positional(a, "ldexp", "math.ldexp", atLeast: 2, atMost: 2), let x = a.rt.asDouble(a[0]) else { return nil }
      let rt = a.rt
      guard rt.isInt(a[1]) else {
        rt.raise("TypeError", "Expected an int as second argument to ldexp.")
        return nil
      }
      // An exponent beyond C long saturates, as `PyLong_AsLongAndOverflow` lets CPython do.
      let exponent = IntObject.exactValue(a[1]) ?? (IntObject.isNegative(a[1]) ? Int.min : Int.max)
      if x == 0 || !x.isFinite { return float(rt, x) }
      if exponent > Int(Int32.max) { return rangeError(rt) }
      if exponent < Int(Int32.min) { return float(rt, Double(signOf: x, magnitudeOf: 0)) }
      let r = LibM.ldexp(x, Int32(exponent))
      if r.isInfinite { return rangeError(rt) }
      return float(rt, r)
    },
    BuiltinFunction("modf") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard single(a, "math.modf"), let x = a.rt.asDouble(a[0]) else { return nil }
      let whole: Double, fraction: Double
      if x.isInfinite {
        (fraction, whole) = (Double(signOf: x, magnitudeOf: 0), x)
      } else if x.isNaN {
        (fraction, whole) = (x, x)
      } else {
        whole = x.rounded(.towardZero)
        // The fraction keeps the sign of x, even when it is zero (C's modf).
        fraction = Double(signOf: x, magnitudeOf: x - whole)
      }
      guard let first = a.rt.newFloat(fraction) else { return nil }
      guard let second = a.rt.newFloat(whole) else {
        a.rt.decref(first)
        return nil
      }
      return a.rt.newTuple([first, second])?.raw
    },
    BuiltinFunction("nextafter") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard let (x, y) = twoDoubles(a, "nextafter", "math.nextafter") else { return nil }
      return float(a.rt, LibM.nextafter(x, y))
    },
    BuiltinFunction("ulp") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard single(a, "math.ulp"), let x = a.rt.asDouble(a[0]) else { return nil }
      return float(a.rt, unitInTheLastPlace(x))
    },
  ]

  /// `ulp(x)`: the distance from |x| to the next float away from zero (toward zero for the
  /// largest finite float); NaN and infinity are their own.
  static func unitInTheLastPlace(_ x: Double) -> Double {
    if x.isNaN { return x }
    let magnitude = abs(x)
    if magnitude.isInfinite { return magnitude }
    let above = magnitude.nextUp
    if above.isInfinite { return magnitude - magnitude.nextDown }
    return above - magnitude
  }
}
