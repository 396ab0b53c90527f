/// Float arithmetic on `Double` values, with Python's semantics: `//` floors, `%` takes the
/// divisor's sign (and is computed from the exact `fmod`, so `divmod(x, y)` satisfies
/// `x == q*y + r` as closely as doubles allow), division by zero raises, and `**` handles
/// the IEEE special cases itself before calling the C library's `pow`.
/// CPython: Objects/floatobject.c, `float_div`, `float_rem`, `float_divmod`,
/// `float_floor_div`, `float_pow`.
extension FloatObject {
  /// `x % y` for `y != 0`: `fmod`, moved into the divisor's sign; a zero result takes the
  /// divisor's sign too.
  static func modulo(_ x: Double, _ y: Double) -> Double {
    var remainder = x.truncatingRemainder(dividingBy: y)       // fmod: exact
    if remainder != 0 {
      if (y < 0) != (remainder < 0) { remainder += y }
    } else {
      remainder = Double(signOf: y, magnitudeOf: 0)
    }
    return remainder
  }

  /// `divmod(x, y)` for `y != 0`: the floored quotient is derived from the exact remainder
  /// and then snapped to the nearest integer, so it is exact whenever it is representable.
  static func divmod(_ x: Double, _ y: Double) -> (quotient: Double, remainder: Double) {
    var remainder = x.truncatingRemainder(dividingBy: y)
    // x − remainder is (nearly) a multiple of y, so this division is (nearly) an integer.
    var quotient = (x - remainder) / y
    if remainder != 0 {
      if (y < 0) != (remainder < 0) {
        remainder += y
        quotient -= 1
      }
    } else {
      remainder = Double(signOf: y, magnitudeOf: 0)
    }
    var floored: Double
    if quotient != 0 {
      floored = quotient.rounded(.down)
      if quotient - floored > 0.5 { floored += 1 }
    } else {
      floored = Double(signOf: x / y, magnitudeOf: 0)
    }
    return (floored, remainder)
  }

  /// Whether `y` is an odd integer (for the sign rules of `**`).
  @inline(__always)
  static func isOddInteger(_ y: Double) -> Bool {
    guard y.isFinite, y == y.rounded(.towardZero) else { return false }
    return abs(y) < 0x1p53 && Int64(y) & 1 == 1
  }
}

extension RuntimeRef {
  /// `x / y`. ZeroDivisionError "float division by zero".
  func floatTrueDivide(_ x: Double, _ y: Double) -> PyRef? {
    guard y != 0 else { return raiseZeroDivision("float division by zero") }
    return newFloat(x / y)
  }

  /// `x // y`. ZeroDivisionError "float floor division by zero".
  func floatFloorDivide(_ x: Double, _ y: Double) -> PyRef? {
    guard y != 0 else { return raiseZeroDivision("float floor division by zero") }
    return newFloat(FloatObject.divmod(x, y).quotient)
  }

  /// `x % y`. ZeroDivisionError "float modulo".
  func floatModulo(_ x: Double, _ y: Double) -> PyRef? {
    guard y != 0 else { return raiseZeroDivision("float modulo") }
    return newFloat(FloatObject.modulo(x, y))
  }

  /// `divmod(x, y)` as two new float references. ZeroDivisionError "float divmod()".
  func floatDivmod(_ x: Double, _ y: Double) -> (quotient: PyRef, remainder: PyRef)? {
    guard y != 0 else {
      raise("ZeroDivisionError", "float divmod()")
      return nil
    }
    let (q, r) = FloatObject.divmod(x, y)
    guard let quotient = newFloat(q) else { return nil }
    guard let remainder = newFloat(r) else { decref(quotient); return nil }
    return (quotient, remainder)
  }

  /// `x ** y`. ZeroDivisionError "0.0 cannot be raised to a negative power"; OverflowError
  /// "(34, 'Numerical result out of range')" when a finite power overflows. A negative base
  /// with a non-integer exponent gives a complex, as `float_pow` hands that case to
  /// `complex_pow`: `(-8) ** (1/3)` is `(1.0000000000000002+1.7320508075688772j)`.
  func floatPower(_ x: Double, _ y: Double) -> PyRef? {
    if x < 0 && x.isFinite && y.isFinite && y != y.rounded(.towardZero) {
      return complexPower(Complex(x, 0), Complex(y, 0))
    }
    guard let value = floatPowerValue(x, y) else { return nil }
    return newFloat(value)
  }

  func floatPowerValue(_ x: Double, _ y: Double) -> Double? {
    if y == 0 { return 1 }
    if x.isNaN { return x }
    if y.isNaN { return x == 1 ? 1 : y }
    if y.isInfinite {
      let magnitude = abs(x)
      if magnitude == 1 { return 1 }
      return (magnitude > 1) == (y > 0) ? .infinity : 0
    }
    if x.isInfinite {
      let odd = FloatObject.isOddInteger(y)
      if y > 0 { return odd ? x : .infinity }
      return odd ? Double(signOf: x, magnitudeOf: 0) : 0
    }
    if x == 0 {
      guard y > 0 else {
        raise("ZeroDivisionError", "0.0 cannot be raised to a negative power")
        return nil
      }
      return FloatObject.isOddInteger(y) ? x : 0
    }
    var base = x
    var negate = false
    if x < 0 {
      guard y == y.rounded(.towardZero) else {
        raise("ValueError", "negative number cannot be raised to a fractional power (complex results are not supported)")
        return nil
      }
      negate = FloatObject.isOddInteger(y)
      base = -x
    }
    if base == 1 { return negate ? -1 : 1 }
    let result = NumberMath.power(base, y)
    if result.isInfinite {
      raise("OverflowError", "(34, 'Numerical result out of range')")
      return nil
    }
    return negate ? -result : result
  }

  private func raiseZeroDivision(_ message: String) -> PyRef? {
    raise("ZeroDivisionError", message)
    return nil
  }
}
