/// The `math` module: the C library's float functions with Python's error rules, exact
/// summation, and the integer functions on arbitrary-precision ints.
/// CPython: Modules/mathmodule.c.
///
/// The files of this folder group the functions as CPython's documentation does:
/// `MathModule+Float.swift` (one- and two-argument float functions, powers and logarithms),
/// `MathModule+Rounding.swift` (floor, ceil, trunc, frexp, ldexp, modf, ulp, …),
/// `MathModule+Sums.swift` (fsum, hypot, dist, prod, isclose),
/// `MathModule+Gamma.swift` (gamma, lgamma), `MathModule+Integer.swift` (factorial, gcd,
/// lcm, isqrt, comb, perm).
extension RuntimeRef {
  /// Makes the `math` module: its functions and the constants `pi`, `e`, `tau`, `inf`, `nan`.
  func makeMathModule() -> PyRef? {
    guard let module = newNativeModule("math", functions: MathModule.functions) else { return nil }
    let dict = ModuleType.dict(module)
    let constants: [(String, Double)] = [
      ("pi", MathModule.pi), ("e", MathModule.e), ("tau", 2 * MathModule.pi), ("inf", .infinity), ("nan", .nan),
    ]
    for (name, value) in constants {
      guard let number = newFloat(value) else {
        decref(module)
        return nil
      }
      defer { decref(number) }
      guard setItem(dict, name, number) else {
        decref(module)
        return nil
      }
    }
    return module
  }
}

enum MathModule {
  static let pi = 3.141592653589793238462643383279502884
  static let e = 2.718281828459045235360287471352662498

  static let functions: [BuiltinFunction] = floatFunctions + powerFunctions + roundingFunctions + sumFunctions
    + gammaFunctions + integerFunctions

  /// Checks a positional-only call's argument count the way argument clinic words it for
  /// `METH_FASTCALL` functions: "pow expected 2 arguments, got 1", and "math.pow() takes no
  /// keyword arguments".
  static func positional(_ a: ModuleArguments, _ name: StaticString, _ qualified: StaticString,
                         atLeast minimum: Int, atMost maximum: Int) -> Bool {
    if a.args.keywordCount != 0 {
      a.rt.raise("TypeError", "\(qualified)() takes no keyword arguments")
      return false
    }
    if a.count < minimum {
      let noun = minimum == 1 ? "argument" : "arguments"
      let bound = minimum == maximum ? "" : "at least "
      a.rt.raise("TypeError", "\(name) expected \(bound)\(minimum) \(noun), got \(a.count)")
      return false
    }
    if a.count > maximum {
      let noun = maximum == 1 ? "argument" : "arguments"
      let bound = minimum == maximum ? "" : "at most "
      a.rt.raise("TypeError", "\(name) expected \(bound)\(maximum) \(noun), got \(a.count)")
      return false
    }
    return true
  }

  /// Checks a one-argument (`METH_O`) call: "math.sqrt() takes exactly one argument (0
  /// given)", "math.sqrt() takes no keyword arguments".
  @inline(__always)
  static func single(_ a: ModuleArguments, _ qualified: StaticString) -> Bool {
    if a.count == 1 && a.args.keywordCount == 0 { return true }
    return a.args.expect("\(qualified)", exactly: 1)
  }

  /// `ValueError: math domain error`.
  static func domainError(_ rt: RuntimeRef) -> UnsafeMutableRawPointer? {
    rt.raise("ValueError", "math domain error")
    return nil
  }

  /// `OverflowError: math range error`.
  static func rangeError(_ rt: RuntimeRef) -> UnsafeMutableRawPointer? {
    rt.raise("OverflowError", "math range error")
    return nil
  }

  /// A float result as a new reference (raw, as the module functions return it).
  @inline(__always)
  static func float(_ rt: RuntimeRef, _ value: Double) -> UnsafeMutableRawPointer? {
    rt.newFloat(value)?.raw
  }
}
