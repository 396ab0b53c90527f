/// `a ** b` and `pow(a, b, m)` on ints.
/// CPython: Objects/longobject.c, `long_pow`.
extension RuntimeRef {
  /// `a ** b`, or `pow(a, b, modulus)`. A negative `b` without a modulus gives a float
  /// (as `float(a) ** float(b)`); with one, `a` is first replaced by its inverse modulo
  /// `modulus`. ValueError "pow() 3rd argument cannot be 0", "base is not invertible for
  /// the given modulus"; ZeroDivisionError "0.0 cannot be raised to a negative power".
  public func intPower(_ a: PyRef, _ b: PyRef, modulus: PyRef? = nil) -> PyRef? {
    guard let modulus else {
      if IntObject.isNegative(b) {
        guard let x = intToDouble(a), let y = intToDouble(b) else { return nil }
        return floatPower(x, y)
      }
      if IntObject.isCompact(a), let exponent = IntObject.exactValue(b),
         let value = IntObject.powerFast(IntObject.compactValue(a), exponent) {
        return newInt(value)
      }
      return powerBySquaring(a, b, modulus: nil)
    }
    if modulus.size == 0 {
      raise("ValueError", "pow() 3rd argument cannot be 0")
      return nil
    }
    guard let m = intAbsolute(modulus) else { return nil }
    defer { decref(m) }
    // Reduce the base into [0, |m|), inverting it for a negative exponent.
    guard var base = intModulo(a, m) else { return nil }
    var exponent = b
    exponent.incref()
    defer { decref(exponent) }
    if IntObject.isNegative(b) {
      let inverse = modularInverse(base, m)
      decref(base)
      guard let inverse else { return nil }
      base = inverse
      guard let positive = intNegate(b) else { decref(base); return nil }
      decref(exponent)
      exponent = positive
    }
    defer { decref(base) }
    guard let reduced = powerBySquaring(base, exponent, modulus: m) else { return nil }
    // In [0, |m|); a negative modulus moves a nonzero result into (m, 0].
    if IntObject.isNegative(modulus) && reduced.size != 0 {
      defer { decref(reduced) }
      return intAdd(reduced, modulus)
    }
    return reduced
  }

  /// Left-to-right binary exponentiation, reducing modulo `modulus` (positive) after every
  /// step when given. `b >= 0`.
  private func powerBySquaring(_ a: PyRef, _ b: PyRef, modulus: PyRef?) -> PyRef? {
    guard var result = newInt(1) else { return nil }
    if let modulus, IntObject.compare(modulus, result) == 0 {
      decref(result)
      return smallInt(0)
    }
    let db = IntObject.digits(b)
    var bit = IntDigits.bitLength(db, IntObject.digitCount(b))
    while bit > 0 {
      bit -= 1
      guard let squared = intMultiply(result, result) else { decref(result); return nil }
      decref(result)
      result = squared
      if (db[bit / IntDigits.shift] >> UInt32(bit % IntDigits.shift)) & 1 != 0 {
        guard let product = intMultiply(result, a) else { decref(result); return nil }
        decref(result)
        result = product
      }
      if let modulus {
        guard let reduced = intModulo(result, modulus) else { decref(result); return nil }
        decref(result)
        result = reduced
      }
    }
    return result
  }

  /// The inverse of `a` modulo `m` (0 <= a < m), by the extended Euclidean algorithm.
  /// ValueError "base is not invertible for the given modulus" when gcd(a, m) != 1.
  private func modularInverse(_ a: PyRef, _ m: PyRef) -> PyRef? {
    // Invariant: r0 ≡ s0·a and r1 ≡ s1·a (mod m).
    guard var r0 = intPositive(m), var r1 = intPositive(a) else { return nil }
    guard var s0 = newInt(0), var s1 = newInt(1) else { return nil }
    defer { decref(r0); decref(r1); decref(s0); decref(s1) }
    while r1.size != 0 {
      guard let (q, r2) = intDivmod(r0, r1) else { return nil }
      defer { decref(q) }
      guard let product = intMultiply(q, s1) else { decref(r2); return nil }
      defer { decref(product) }
      guard let s2 = intSubtract(s0, product) else { decref(r2); return nil }
      decref(r0); r0 = r1; r1 = r2
      decref(s0); s0 = s1; s1 = s2
    }
    guard r0.size == 1 && IntObject.digits(r0)[0] == 1 else {
      raise("ValueError", "base is not invertible for the given modulus")
      return nil
    }
    return intModulo(s0, m)
  }
}

extension IntObject {
  /// `base ** exponent` in machine words, or nil when it overflows (or `exponent < 0`).
  static func powerFast(_ base: Int, _ exponent: Int) -> Int? {
    guard exponent >= 0 else { return nil }
    var result = 1, square = base, remaining = exponent
    while true {
      if remaining & 1 != 0 {
        let (product, overflow) = result.multipliedReportingOverflow(by: square)
        if overflow { return nil }
        result = product
      }
      remaining >>= 1
      if remaining == 0 { return result }
      let (next, overflow) = square.multipliedReportingOverflow(by: square)
      if overflow { return nil }
      square = next
    }
  }
}
