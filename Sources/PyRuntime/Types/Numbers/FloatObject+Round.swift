/// `round(x)` and `round(x, ndigits)` for floats, correctly rounded as CPython's are.
///
/// Without digits the result is an int, ties to even (`round(0.5) == 0`, `round(1.5) == 2`);
/// NaN and infinities cannot be converted. With digits the result is the float nearest to
/// the *exact* binary value rounded to that many decimals, ties to even: `round(2.675, 2)`
/// is 2.67 because the double written 2.675 is 2.67499999999999982236431605997495353221893310546875.
///
/// The method is CPython's: the exact value `M·2^E` (a 53-bit `M`) is scaled by `10^ndigits`
/// in big-int arithmetic, rounded half-to-even to an integer `N`, and `N·10^-ndigits` is read
/// back as the nearest double (`Double(_:)` on the decimal text, correctly rounded as
/// `_Py_dg_strtod` is). NaN, infinities, zero and `ndigits > 323` give `x`; `ndigits < -308`
/// gives a zero of `x`'s sign. OverflowError "rounded value too large to represent" when
/// rounding up passes the largest double.
/// CPython: Objects/floatobject.c, `float___round___impl`, `double_round` (the version
/// using `_Py_dg_dtoa` mode 3).
extension RuntimeRef {
  /// `round(x)`: an int, ties to even. ValueError "cannot convert float NaN to integer",
  /// OverflowError "cannot convert float infinity to integer".
  public func floatRoundToInt(_ x: Double) -> PyRef? {
    newInt(truncating: x.rounded(.toNearestOrEven))
  }

  /// `round(x, ndigits)`: a float.
  public func floatRound(_ x: Double, ndigits: Int) -> PyRef? {
    if !x.isFinite || ndigits > FloatObject.roundDigitsMax || x == 0 { return newFloat(x) }
    if ndigits < FloatObject.roundDigitsMin { return newFloat(0.0 * x) }
    guard let magnitude = decimalRounded(abs(x), ndigits) else { return nil }
    if magnitude.isInfinite {
      raise("OverflowError", "rounded value too large to represent")
      return nil
    }
    return newFloat(x < 0 ? -magnitude : magnitude)
  }

  /// `y` (positive, finite) rounded to `ndigits` decimals, as the nearest double.
  private func decimalRounded(_ y: Double, _ ndigits: Int) -> Double? {
    let subnormal = y.exponentBitPattern == 0
    let significand = subnormal ? y.significandBitPattern : y.significandBitPattern | (1 << 52)
    let exponent = subnormal ? -1074 : Int(y.exponentBitPattern) - 1075
    // A value with no fractional bits is already a whole number of any positive decimal.
    if ndigits >= 0 && exponent >= 0 { return y }
    guard let m = newInt(UInt(significand)) else { return nil }
    defer { decref(m) }
    // y · 10^ndigits = numerator / denominator, both ints.
    guard let scale = powerOfTen(abs(ndigits)) else { return nil }
    defer { decref(scale) }
    var numerator: PyRef, denominator: PyRef
    if ndigits >= 0 {
      guard let n = intMultiply(m, scale) else { return nil }
      guard let d = shiftedOne(-exponent) else { decref(n); return nil }
      numerator = n
      denominator = d
    } else if exponent >= 0 {
      guard let n = shifted(m, exponent) else { return nil }
      numerator = n
      scale.incref()
      denominator = scale
    } else {
      m.incref()
      numerator = m
      guard let d = shifted(scale, -exponent) else { decref(m); return nil }
      denominator = d
    }
    defer { decref(numerator); decref(denominator) }
    guard let nearest = divideNearestEven(numerator, denominator) else { return nil }
    defer { decref(nearest) }
    guard let digits = intToDecimalString(nearest) else { return nil }
    return Double(digits + "e" + String(-ndigits))
  }

  /// `numerator / denominator` (both positive) rounded to the nearest int, ties to even.
  func divideNearestEven(_ numerator: PyRef, _ denominator: PyRef) -> PyRef? {
    guard let (quotient, remainder) = intDivmod(numerator, denominator) else { return nil }
    defer { decref(remainder) }
    guard let twice = shifted(remainder, 1) else { decref(quotient); return nil }
    let order = IntObject.compare(twice, denominator)
    decref(twice)
    let odd = IntObject.digitCount(quotient) > 0 && IntObject.digits(quotient)[0] & 1 == 1
    guard order > 0 || (order == 0 && odd) else { return quotient }
    defer { decref(quotient) }
    guard let one = newInt(1) else { return nil }
    defer { decref(one) }
    return intAdd(quotient, one)
  }

  /// `10 ** exponent` (exponent >= 0).
  func powerOfTen(_ exponent: Int) -> PyRef? {
    guard let ten = newInt(10), let power = newInt(exponent) else { return nil }
    defer { decref(ten); decref(power) }
    return intPower(ten, power)
  }

  /// `a << count` (count >= 0).
  func shifted(_ a: PyRef, _ count: Int) -> PyRef? {
    guard let amount = newInt(count) else { return nil }
    defer { decref(amount) }
    return intLeftShift(a, amount)
  }

  /// `1 << count`.
  func shiftedOne(_ count: Int) -> PyRef? {
    guard let one = newInt(1) else { return nil }
    defer { decref(one) }
    return shifted(one, count)
  }
}

extension FloatObject {
  /// `NDIGITS_MAX`: beyond it every double is its own rounding (`(53 − (−1021)) · log10(2)`).
  static let roundDigitsMax = 323
  /// `NDIGITS_MIN`: below it every double rounds to zero (`−(1024 + 1) · log10(2)`).
  static let roundDigitsMin = -308
}
