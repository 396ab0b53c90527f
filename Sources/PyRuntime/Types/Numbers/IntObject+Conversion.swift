/// Conversions between ints and Swift's machine numbers.
/// CPython: Objects/longobject.c, `PyLong_AsLong`, `PyLong_AsDouble`, `PyLong_FromDouble`,
/// `_PyLong_NumBits`.
extension RuntimeRef {
  /// The value as `Int`; OverflowError "Python int too large to convert to C long" when it
  /// does not fit.
  public func intAsInt(_ a: PyRef) -> Int? {
    if let value = IntObject.exactValue(a) { return value }
    raise("OverflowError", "Python int too large to convert to C long")
    return nil
  }

  /// The value as `Double`, correctly rounded (ties to even); OverflowError "int too large
  /// to convert to float" beyond the float range.
  public func intToDouble(_ a: PyRef) -> Double? {
    let value = IntObject.toDouble(a)
    if value.isInfinite {
      raise("OverflowError", "int too large to convert to float")
      return nil
    }
    return value
  }

  /// `int(x)` for a float: truncates toward zero. ValueError "cannot convert float NaN to
  /// integer"; OverflowError "cannot convert float infinity to integer".
  public func newInt(truncating x: Double) -> PyRef? {
    if x.isNaN {
      raise("ValueError", "cannot convert float NaN to integer")
      return nil
    }
    if x.isInfinite {
      raise("OverflowError", "cannot convert float infinity to integer")
      return nil
    }
    let truncated = x.rounded(.towardZero)
    if abs(truncated) < 0x1p63 { return newInt(Int(truncated)) }
    // |x| >= 2^63: an integer significand times a power of two, at most 35 digits.
    return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: IntDigits.maxDoubleDigits) { buffer in
      let digits = buffer.baseAddress!
      let count = IntDigits.storeIntegral(abs(truncated), into: digits)
      return newInt(digits: digits, count: count, negative: x < 0)
    }
  }

  /// `a.bit_length()`.
  public func intBitLength(_ a: PyRef) -> Int {
    IntDigits.bitLength(IntObject.digits(a), IntObject.digitCount(a))
  }
}

extension IntObject {
  /// The value rounded to the nearest `Double` (ties to even); infinite when it is beyond
  /// the float range.
  static func toDouble(_ a: PyRef) -> Double {
    if isCompact(a) { return Double(compactValue(a)) }
    let (mantissa, exponent) = IntDigits.topBits(digits(a), digitCount(a))
    let magnitude = IntDigits.roundedDouble(mantissa, exponent: exponent)
    return isNegative(a) ? -magnitude : magnitude
  }
}
