/// `math.pow` and the logarithms. CPython: Modules/mathmodule.c, `math_pow_impl`,
/// `loghelper`, `math_log_impl`.
extension MathModule {
  /// `math.pow(x, y)`: C99's special values decided here (so every platform agrees), libm
  /// for finite operands. A NaN from finite operands (a negative base with a non-integer
  /// exponent) and `0.0 ** negative` are domain errors; other overflow is a range error.
  static func power(_ x: Double, _ y: Double) -> (value: Double, error: PowerError?) {
    if x.isNaN { return (y == 0 ? 1 : x, nil) }
    if y.isNaN { return (x == 1 ? 1 : y, nil) }
    if x.isInfinite {
      let oddExponent = y.isFinite && abs(y).truncatingRemainder(dividingBy: 2) == 1
      if y > 0 { return (oddExponent ? x : abs(x), nil) }
      if y == 0 { return (1, nil) }
      return (oddExponent ? Double(signOf: x, magnitudeOf: 0) : 0, nil)
    }
    if y.isInfinite {
      let magnitude = abs(x)
      if magnitude == 1 { return (1, nil) }
      if y > 0 && magnitude > 1 { return (y, nil) }
      if y < 0 && magnitude < 1 { return (-y, nil) }
      return (0, nil)
    }
    let r = LibM.pow(x, y)
    if r.isNaN { return (r, .domain) }
    if r.isInfinite { return (r, x == 0 ? .domain : .range) }
    return (r, nil)
  }

  enum PowerError { case domain, range }

  /// The logarithm of an int or a float, for `log`, `log2` and `log10`: an int is taken
  /// exactly, even beyond the float range (`log(x · 2^e) = log(x) + e · log(2)`); zero and
  /// negative numbers are domain errors.
  static func logarithm(_ rt: RuntimeRef, _ argument: PyRef, _ function: (Double) -> Double) -> Double? {
    if rt.isInt(argument) {
      guard argument.size > 0 else {
        rt.raise("ValueError", "math domain error")
        return nil
      }
      let x = IntObject.toDouble(argument)
      if x.isFinite { return function(x) }
      let (fraction, exponent) = IntObject.fractionAndExponent(argument)
      return function(fraction) + function(2.0) * Double(exponent)
    }
    guard let x = rt.asDouble(argument) else { return nil }
    let r = function(x)
    if (r.isNaN && !x.isNaN) || (r.isInfinite && x.isFinite) {
      rt.raise("ValueError", "math domain error")
      return nil
    }
    return r
  }

  static func logarithm(_ runtime: RawRuntime, _ argv: UnsafePointer<UnsafeMutableRawPointer?>, _ count: Int,
                        _ names: UnsafeMutableRawPointer?, _ qualified: StaticString,
                        _ function: (Double) -> Double) -> UnsafeMutableRawPointer? {
    let a = ModuleArguments(runtime, argv, count, names)
    guard single(a, qualified), let r = logarithm(a.rt, a[0], function) else { return nil }
    return float(a.rt, r)
  }

  static let powerFunctions: [BuiltinFunction] = [
    BuiltinFunction("pow") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard let (x, y) = twoDoubles(a, "pow", "math.pow") else { return nil }
      let (r, error) = power(x, y)
      switch error {
      case .domain?: return domainError(a.rt)
      case .range?: return rangeError(a.rt)
      case nil: return float(a.rt, r)
      }
    },
    // `log(x[, base])`: an optional group, so argument clinic words its count error itself.
    BuiltinFunction("log") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.noKeywords("log") else { return nil }
      guard a.count == 1 || a.count == 2 else {
        a.rt.raise("TypeError", "math.log requires 1 to 2 arguments")
        return nil
      }
      guard let numerator = logarithm(a.rt, a[0], LibM.log) else { return nil }
      guard a.count == 2 else { return float(a.rt, numerator) }
      guard let denominator = logarithm(a.rt, a[1], LibM.log) else { return nil }
      guard denominator != 0 else {
        a.rt.raise("ZeroDivisionError", "float division by zero")
        return nil
      }
      return float(a.rt, numerator / denominator)
    },
    BuiltinFunction("log2") { logarithm($4, $1, $2, $3, "math.log2", LibM.log2) },
    BuiltinFunction("log10") { logarithm($4, $1, $2, $3, "math.log10", LibM.log10) },
  ]
}

extension IntObject {
  /// `_PyLong_Frexp`: `|a| = fraction · 2^exponent` with the fraction in [0.5, 1), rounded
  /// to 53 bits (ties to even). For a nonzero int.
  static func fractionAndExponent(_ a: PyRef) -> (fraction: Double, exponent: Int) {
    let digits = IntObject.digits(a), count = digitCount(a)
    let bits = IntDigits.bitLength(digits, count)
    let (mantissa, shift) = IntDigits.topBits(digits, count)
    var fraction = IntDigits.roundedDouble(mantissa, exponent: shift - bits)
    var exponent = bits
    if fraction == 1 {
      // Rounding carried into the next power of two.
      fraction = 0.5
      exponent += 1
    }
    return (fraction, exponent)
  }
}
