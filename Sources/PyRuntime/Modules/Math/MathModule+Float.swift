/// The float functions of `math`: libm's result, then Python's error rule.
///
/// CPython's rule for a one-argument function (`math_1`): a NaN result from a non-NaN
/// argument is `ValueError("math domain error")`; an infinite result from a finite argument
/// is `OverflowError("math range error")` for the functions that can overflow (`exp`,
/// `cosh`, …) and a domain error for the others (`log1p(-1)`, `atanh(1)`). Underflow to zero
/// is never an error. For two arguments (`math_2`): NaN from non-NaN arguments is a domain
/// error, infinity from finite ones a range error. CPython: Modules/mathmodule.c,
/// `math_1`, `math_2`, `is_error`.
extension MathModule {
  /// A one-argument float function with `math_1`'s checks.
  @inline(__always)
  static func unary(_ runtime: RawRuntime, _ argv: UnsafePointer<UnsafeMutableRawPointer?>, _ count: Int,
                    _ names: UnsafeMutableRawPointer?, _ qualified: StaticString, canOverflow: Bool,
                    _ function: (Double) -> Double) -> UnsafeMutableRawPointer? {
    let a = ModuleArguments(runtime, argv, count, names)
    guard single(a, qualified), let x = a.rt.asDouble(a[0]) else { return nil }
    let r = function(x)
    if r.isNaN && !x.isNaN { return domainError(a.rt) }
    if r.isInfinite && x.isFinite { return canOverflow ? rangeError(a.rt) : domainError(a.rt) }
    return float(a.rt, r)
  }

  /// The two float arguments of a positional-only two-argument function.
  @inline(__always)
  static func twoDoubles(_ a: ModuleArguments, _ name: StaticString, _ qualified: StaticString) -> (Double, Double)? {
    guard positional(a, name, qualified, atLeast: 2, atMost: 2),
          let x = a.rt.asDouble(a[0]), let y = a.rt.asDouble(a[1]) else { return nil }
    return (x, y)
  }

  /// A two-argument float function with `math_2`'s checks.
  @inline(__always)
  static func binary(_ runtime: RawRuntime, _ argv: UnsafePointer<UnsafeMutableRawPointer?>, _ count: Int,
                     _ names: UnsafeMutableRawPointer?, _ name: StaticString, _ qualified: StaticString,
                     _ function: (Double, Double) -> Double) -> UnsafeMutableRawPointer? {
    let a = ModuleArguments(runtime, argv, count, names)
    guard let (x, y) = twoDoubles(a, name, qualified) else { return nil }
    let r = function(x, y)
    if r.isNaN && !x.isNaN && !y.isNaN { return domainError(a.rt) }
    if r.isInfinite && x.isFinite && y.isFinite { return rangeError(a.rt) }
    return float(a.rt, r)
  }

  /// A one-argument float function that cannot fail.
  @inline(__always)
  static func plain(_ runtime: RawRuntime, _ argv: UnsafePointer<UnsafeMutableRawPointer?>, _ count: Int,
                    _ names: UnsafeMutableRawPointer?, _ qualified: StaticString,
                    _ function: (Double) -> Double) -> UnsafeMutableRawPointer? {
    let a = ModuleArguments(runtime, argv, count, names)
    guard single(a, qualified), let x = a.rt.asDouble(a[0]) else { return nil }
    return float(a.rt, function(x))
  }

  /// A one-argument predicate on a float (`isnan`, `isinf`, `isfinite`).
  @inline(__always)
  static func predicate(_ runtime: RawRuntime, _ argv: UnsafePointer<UnsafeMutableRawPointer?>, _ count: Int,
                        _ names: UnsafeMutableRawPointer?, _ qualified: StaticString,
                        _ test: (Double) -> Bool) -> UnsafeMutableRawPointer? {
    let a = ModuleArguments(runtime, argv, count, names)
    guard single(a, qualified), let x = a.rt.asDouble(a[0]) else { return nil }
    return a.rt.newBool(test(x)).raw
  }

  static let floatFunctions: [BuiltinFunction] = [
    BuiltinFunction("acos") { unary($4, $1, $2, $3, "math.acos", canOverflow: false, LibM.acos) },
    BuiltinFunction("acosh") { unary($4, $1, $2, $3, "math.acosh", canOverflow: false, LibM.acosh) },
    BuiltinFunction("asin") { unary($4, $1, $2, $3, "math.asin", canOverflow: false, LibM.asin) },
    BuiltinFunction("asinh") { unary($4, $1, $2, $3, "math.asinh", canOverflow: false, LibM.asinh) },
    BuiltinFunction("atan") { unary($4, $1, $2, $3, "math.atan", canOverflow: false, LibM.atan) },
    BuiltinFunction("atanh") { unary($4, $1, $2, $3, "math.atanh", canOverflow: false, LibM.atanh) },
    BuiltinFunction("cbrt") { unary($4, $1, $2, $3, "math.cbrt", canOverflow: false, LibM.cbrt) },
    BuiltinFunction("cos") { unary($4, $1, $2, $3, "math.cos", canOverflow: false, LibM.cos) },
    BuiltinFunction("cosh") { unary($4, $1, $2, $3, "math.cosh", canOverflow: true, LibM.cosh) },
    BuiltinFunction("erf") { unary($4, $1, $2, $3, "math.erf", canOverflow: false, LibM.erf) },
    BuiltinFunction("erfc") { unary($4, $1, $2, $3, "math.erfc", canOverflow: false, LibM.erfc) },
    BuiltinFunction("exp") { unary($4, $1, $2, $3, "math.exp", canOverflow: true, LibM.exp) },
    BuiltinFunction("exp2") { unary($4, $1, $2, $3, "math.exp2", canOverflow: true, LibM.exp2) },
    BuiltinFunction("expm1") { unary($4, $1, $2, $3, "math.expm1", canOverflow: true, LibM.expm1) },
    BuiltinFunction("fabs") { unary($4, $1, $2, $3, "math.fabs", canOverflow: false) { abs($0) } },
    // log1p(±0.0) is the zero itself, sign included (CPython's `m_log1p`).
    BuiltinFunction("log1p") { unary($4, $1, $2, $3, "math.log1p", canOverflow: false) { $0 == 0 ? $0 : LibM.log1p($0) } },
    BuiltinFunction("sin") { unary($4, $1, $2, $3, "math.sin", canOverflow: false, LibM.sin) },
    BuiltinFunction("sinh") { unary($4, $1, $2, $3, "math.sinh", canOverflow: true, LibM.sinh) },
    BuiltinFunction("sqrt") { unary($4, $1, $2, $3, "math.sqrt", canOverflow: false) { $0.squareRoot() } },
    BuiltinFunction("tan") { unary($4, $1, $2, $3, "math.tan", canOverflow: false, LibM.tan) },
    BuiltinFunction("tanh") { unary($4, $1, $2, $3, "math.tanh", canOverflow: false, LibM.tanh) },
    // No checks: degrees(1e308) is inf (CPython's `math_degrees_impl`).
    BuiltinFunction("degrees") { plain($4, $1, $2, $3, "math.degrees") { $0 * (180.0 / pi) } },
    BuiltinFunction("radians") { plain($4, $1, $2, $3, "math.radians") { $0 * (pi / 180.0) } },
    BuiltinFunction("atan2") { binary($4, $1, $2, $3, "atan2", "math.atan2", LibM.atan2) },
    BuiltinFunction("copysign") { binary($4, $1, $2, $3, "copysign", "math.copysign") { Double(signOf: $1, magnitudeOf: $0) } },
    BuiltinFunction("remainder") { binary($4, $1, $2, $3, "remainder", "math.remainder", LibM.remainder) },
    BuiltinFunction("fmod") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard let (x, y) = twoDoubles(a, "fmod", "math.fmod") else { return nil }
      // fmod(x, ±inf) is x for finite x; libm agrees, but CPython says so explicitly.
      if y.isInfinite && x.isFinite { return float(a.rt, x) }
      let r = LibM.fmod(x, y)
      if r.isNaN && !x.isNaN && !y.isNaN { return domainError(a.rt) }
      return float(a.rt, r)
    },
    BuiltinFunction("isnan") { predicate($4, $1, $2, $3, "math.isnan") { $0.isNaN } },
    BuiltinFunction("isinf") { predicate($4, $1, $2, $3, "math.isinf") { $0.isInfinite } },
    BuiltinFunction("isfinite") { predicate($4, $1, $2, $3, "math.isfinite") { $0.isFinite } },
  ]
}
