/// The integer functions of `math`, on arbitrary-precision ints: `factorial`, `gcd`, `lcm`,
/// `isqrt`, `comb`, `perm`. Arguments go through `__index__` (a float is "'float' object
/// cannot be interpreted as an integer"). Products of many factors are formed as balanced
/// trees, so the big multiplications have operands of similar size (Karatsuba pays off),
/// and each leaf multiplies machine words until they would overflow.
/// CPython: Modules/mathmodule.c, `math_factorial`, `math_gcd`, `math_lcm`, `math_isqrt`,
/// `math_comb_impl`, `math_perm_impl`.
extension MathModule {
  static let integerFunctions: [BuiltinFunction] = [
    BuiltinFunction("factorial") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard single(a, "math.factorial") else { return nil }
      return factorial(a.rt, a[0])?.raw
    },
    BuiltinFunction("gcd") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.noKeywords("math.gcd") else { return nil }
      return fold(a, empty: 0, skipWhen: 1) { rt, x, y in rt.intGCD(x, y) }?.raw
    },
    BuiltinFunction("lcm") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.noKeywords("math.lcm") else { return nil }
      return fold(a, empty: 1, skipWhen: 0) { rt, x, y in rt.intLCM(x, y) }?.raw
    },
    BuiltinFunction("isqrt") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard single(a, "math.isqrt"), let n = a.rt.index(a[0]) else { return nil }
      defer { a.rt.decref(n) }
      guard !IntObject.isNegative(n) else {
        a.rt.raise("ValueError", "isqrt() argument must be nonnegative")
        return nil
      }
      return a.rt.intSquareRoot(n)?.raw
    },
    BuiltinFunction("comb") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard positional(a, "comb", "math.comb", atLeast: 2, atMost: 2) else { return nil }
      let rt = a.rt
      guard let (n, k) = naturalPair(rt, a[0], a[1]) else { return nil }
      defer { rt.decref(n); rt.decref(k) }
      guard let rest = rt.intSubtract(n, k) else { return nil }
      defer { rt.decref(rest) }
      if IntObject.isNegative(rest) { return rt.newInt(0)?.raw }
      let smaller = IntObject.compare(rest, k) < 0 ? rest : k
      guard let count = IntObject.exactValue(smaller) else {
        rt.raise("OverflowError", "min(n - k, k) must not exceed \(Int.max)")
        return nil
      }
      return rt.intCombinations(n, count)?.raw
    },
    BuiltinFunction("perm") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard positional(a, "perm", "math.perm", atLeast: 1, atMost: 2) else { return nil }
      let rt = a.rt
      if a.count == 1 || a[1] == rt.state.pointee.none { return factorial(rt, a[0])?.raw }
      guard let (n, k) = naturalPair(rt, a[0], a[1]) else { return nil }
      defer { rt.decref(n); rt.decref(k) }
      if IntObject.compare(n, k) < 0 { return rt.newInt(0)?.raw }
      guard let count = IntObject.exactValue(k) else {
        rt.raise("OverflowError", "k must not exceed \(Int.max)")
        return nil
      }
      return rt.intFallingProduct(n, count)?.raw
    },
  ]

  /// `factorial(n)`: n! for 0 <= n <= sys.maxsize.
  static func factorial(_ rt: RuntimeRef, _ argument: PyRef) -> PyRef? {
    guard let n = rt.index(argument) else { return nil }
    defer { rt.decref(n) }
    guard let value = IntObject.exactValue(n) else {
      if IntObject.isNegative(n) {
        rt.raise("ValueError", "factorial() not defined for negative values")
      } else {
        rt.raise("OverflowError", "factorial() argument should not exceed \(Int.max)")
      }
      return nil
    }
    guard value >= 0 else {
      rt.raise("ValueError", "factorial() not defined for negative values")
      return nil
    }
    return value < 2 ? rt.newInt(1) : rt.rangeProduct(2, UInt(value))
  }

  /// `n` and `k` of `comb`/`perm` through `__index__`, both non-negative.
  static func naturalPair(_ rt: RuntimeRef, _ first: PyRef, _ second: PyRef) -> (PyRef, PyRef)? {
    guard let n = rt.index(first) else { return nil }
    guard let k = rt.index(second) else {
      rt.decref(n)
      return nil
    }
    let message = IntObject.isNegative(n) ? "n must be a non-negative integer"
      : IntObject.isNegative(k) ? "k must be a non-negative integer" : nil
    if let message {
      rt.raise("ValueError", message)
      rt.decref(n)
      rt.decref(k)
      return nil
    }
    return (n, k)
  }

  /// `gcd(*integers)` / `lcm(*integers)`: combines the arguments left to right; once the
  /// result is `skipWhen` (1 for gcd, 0 for lcm) the rest are only checked to be integers.
  static func fold(_ a: ModuleArguments, empty: Int, skipWhen: Int,
                   _ combine: (RuntimeRef, PyRef, PyRef) -> PyRef?) -> PyRef? {
    let rt = a.rt
    guard a.count > 0 else { return rt.newInt(empty) }
    guard let first = rt.index(a[0]) else { return nil }
    var result = first
    if a.count == 1 {
      defer { rt.decref(first) }
      return rt.intAbsolute(first)
    }
    for index in 1..<a.count {
      guard let x = rt.index(a[index]) else {
        rt.decref(result)
        return nil
      }
      defer { rt.decref(x) }
      if IntObject.isCompact(result) && IntObject.compactValue(result) == skipWhen { continue }
      guard let next = combine(rt, result, x) else {
        rt.decref(result)
        return nil
      }
      rt.decref(result)
      result = next
    }
    return result
  }
}

extension RuntimeRef {
  /// The greatest common divisor of two ints (non-negative): Euclid's algorithm, on machine
  /// words as soon as both numbers fit.
  func intGCD(_ a: PyRef, _ b: PyRef) -> PyRef? {
    if let x = IntObject.exactValue(a), let y = IntObject.exactValue(b) {
      return newInt(IntObject.gcd(x.magnitude, y.magnitude))
    }
    guard var x = intAbsolute(a) else { return nil }
    guard var y = intAbsolute(b) else {
      decref(x)
      return nil
    }
    while y.size != 0 {
      if let small = IntObject.exactValue(x), let other = IntObject.exactValue(y) {
        decref(x)
        decref(y)
        return newInt(IntObject.gcd(small.magnitude, other.magnitude))
      }
      guard let remainder = intModulo(x, y) else {
        decref(x)
        decref(y)
        return nil
      }
      decref(x)
      x = y
      y = remainder
    }
    decref(y)
    return x
  }

  /// The least common multiple of two ints (non-negative): |a / gcd(a, b) · b|, and 0 when
  /// either is 0.
  func intLCM(_ a: PyRef, _ b: PyRef) -> PyRef? {
    if a.size == 0 || b.size == 0 { return newInt(0) }
    guard let divisor = intGCD(a, b) else { return nil }
    defer { decref(divisor) }
    guard let factor = intFloorDivide(a, divisor) else { return nil }
    defer { decref(factor) }
    guard let product = intMultiply(factor, b) else { return nil }
    defer { decref(product) }
    return intAbsolute(product)
  }

  /// lo · (lo+1) · … · hi, for 1 <= lo <= hi.
  func rangeProduct(_ low: UInt, _ high: UInt) -> PyRef? {
    var product: UInt = 1
    var factor = low
    while true {
      let (next, overflow) = product.multipliedReportingOverflow(by: factor)
      if overflow { break }
      product = next
      if factor == high { return newInt(product) }
      factor += 1
    }
    let middle = low + (high - low) / 2
    guard let left = rangeProduct(low, middle) else { return nil }
    defer { decref(left) }
    guard let right = rangeProduct(middle + 1, high) else { return nil }
    defer { decref(right) }
    return intMultiply(left, right)
  }

  /// n · (n-1) · … · (n-count+1), for n >= count >= 0: `perm(n, count)`.
  func intFallingProduct(_ n: PyRef, _ count: Int) -> PyRef? {
    if count == 0 { return newInt(1) }
    if let value = IntObject.exactValue(n) {
      return rangeProduct(UInt(value - count + 1), UInt(value))
    }
    if count == 1 { return exactInt(n) }
    let half = count / 2
    guard let upper = intFallingProduct(n, half) else { return nil }
    defer { decref(upper) }
    guard let offset = newInt(half) else { return nil }
    defer { decref(offset) }
    guard let below = intSubtract(n, offset) else { return nil }
    defer { decref(below) }
    guard let lower = intFallingProduct(below, count - half) else { return nil }
    defer { decref(lower) }
    return intMultiply(upper, lower)
  }

  /// C(n, count) = n!/(count!(n-count)!), for n >= count >= 0 with count the smaller side:
  /// the falling product divided (exactly) by count!.
  func intCombinations(_ n: PyRef, _ count: Int) -> PyRef? {
    if count == 0 { return newInt(1) }
    if count == 1 { return exactInt(n) }
    guard let numerator = intFallingProduct(n, count) else { return nil }
    defer { decref(numerator) }
    guard let denominator = rangeProduct(2, UInt(count)) else { return nil }
    defer { decref(denominator) }
    return intFloorDivide(numerator, denominator)
  }

  /// ⌊√n⌋ for n >= 0. Up to 2^63 the float square root is corrected by a step or two; beyond,
  /// Newton's iteration from a power of two above the root descends to it monotonically.
  func intSquareRoot(_ n: PyRef) -> PyRef? {
    if let value = IntObject.exactValue(n) {
      let magnitude = UInt(value)
      var root = UInt(Double(magnitude).squareRoot())
      // The float estimate may be off by one in either direction for large values; the
      // root is below 2^32, so the squares cannot overflow.
      while root * root > magnitude { root -= 1 }
      while (root + 1) * (root + 1) <= magnitude { root += 1 }
      return newInt(root)
    }
    let bits = intBitLength(n)
    guard var x = shiftedOne((bits + 1) / 2) else { return nil }
    guard let one = newInt(1) else {
      decref(x)
      return nil
    }
    defer { decref(one) }
    while true {
      guard let quotient = intFloorDivide(n, x) else {
        decref(x)
        return nil
      }
      let sum = intAdd(x, quotient)
      decref(quotient)
      guard let sum, let y = intRightShift(sum, one) else {
        decref(x)
        return nil
      }
      decref(sum)
      if IntObject.compare(y, x) >= 0 {
        decref(y)
        return x
      }
      decref(x)
      x = y
    }
  }
}

extension IntObject {
  /// Euclid's algorithm on machine words.
  static func gcd(_ a: UInt, _ b: UInt) -> UInt {
    var (x, y) = (a, b)
    while y != 0 { (x, y) = (y, x % y) }
    return x
  }
}
