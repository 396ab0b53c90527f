/// `//`, `%`, `divmod()` and `/` on ints, with Python's semantics: the quotient is floored,
/// the remainder takes the divisor's sign, and true division is correctly rounded however
/// large the operands.
/// CPython: Objects/longobject.c, `l_divmod`, `long_div`, `long_mod`, `long_divmod`,
/// `long_true_divide`.
extension RuntimeRef {
  /// `a // b`. ZeroDivisionError "integer division or modulo by zero".
  public func intFloorDivide(_ a: PyRef, _ b: PyRef) -> PyRef? {
    if IntObject.isCompact(a) && IntObject.isCompact(b) && b.size != 0 {
      return newInt(IntObject.floorDivide(IntObject.compactValue(a), IntObject.compactValue(b)).quotient)
    }
    guard let (quotient, remainder) = floorDivMod(a, b, zeroMessage: "integer division or modulo by zero") else {
      return nil
    }
    decref(remainder)
    return quotient
  }

  /// `a % b`. ZeroDivisionError "integer modulo by zero".
  public func intModulo(_ a: PyRef, _ b: PyRef) -> PyRef? {
    if IntObject.isCompact(a) && IntObject.isCompact(b) && b.size != 0 {
      return newInt(IntObject.floorDivide(IntObject.compactValue(a), IntObject.compactValue(b)).remainder)
    }
    guard let (quotient, remainder) = floorDivMod(a, b, zeroMessage: "integer modulo by zero") else { return nil }
    decref(quotient)
    return remainder
  }

  /// `divmod(a, b)` as two new references. ZeroDivisionError "integer division or modulo by
  /// zero".
  public func intDivmod(_ a: PyRef, _ b: PyRef) -> (quotient: PyRef, remainder: PyRef)? {
    if IntObject.isCompact(a) && IntObject.isCompact(b) && b.size != 0 {
      let (q, r) = IntObject.floorDivide(IntObject.compactValue(a), IntObject.compactValue(b))
      guard let quotient = newInt(q) else { return nil }
      guard let remainder = newInt(r) else { decref(quotient); return nil }
      return (quotient, remainder)
    }
    return floorDivMod(a, b, zeroMessage: "integer division or modulo by zero")
  }

  /// Floored quotient and remainder of any two ints. CPython: `l_divmod`.
  func floorDivMod(_ a: PyRef, _ b: PyRef, zeroMessage: String) -> (quotient: PyRef, remainder: PyRef)? {
    let na = IntObject.digitCount(a), nb = IntObject.digitCount(b)
    guard nb != 0 else {
      raise("ZeroDivisionError", zeroMessage)
      return nil
    }
    let da = IntObject.digits(a), db = IntObject.digits(b)
    let negativeA = IntObject.isNegative(a), negativeB = IntObject.isNegative(b)
    // One spare quotient digit for the floor adjustment's carry.
    let quotientCapacity = na >= nb ? na - nb + 2 : 1
    guard let quotient = allocateInt(digitCount: quotientCapacity) else { return nil }
    guard let remainder = allocateInt(digitCount: nb) else { freeObject(quotient); return nil }
    let q = IntObject.digits(quotient), r = IntObject.digits(remainder)
    q.update(repeating: 0, count: quotientCapacity)
    r.update(repeating: 0, count: nb)
    if na < nb {
      r.update(from: da, count: na)
    } else if nb == 1 {
      r[0] = IntDigits.divideByDigit(da, na, db[0], into: q)
    } else {
      IntDigits.divide(da, na, db, nb, quotient: q, remainder: r)
    }
    var remainderNegative = negativeA
    if negativeA != negativeB && IntDigits.normalizedCount(r, nb) != 0 {
      // Truncated toward zero; floor moves the quotient one further from zero and the
      // remainder to |b| − |r| with b's sign.
      var one: UInt32 = 1
      IntDigits.addInPlace(q, quotientCapacity, &one, 1, offset: 0)
      IntDigits.subtract(db, nb, r, nb, into: r)
      remainderNegative = negativeB
    }
    return (finishInt(quotient, count: quotientCapacity, negative: negativeA != negativeB),
            finishInt(remainder, count: nb, negative: remainderNegative))
  }

  /// `a / b` as a float object. ZeroDivisionError "division by zero"; OverflowError
  /// "integer division result too large for a float".
  public func intTrueDivide(_ a: PyRef, _ b: PyRef) -> PyRef? {
    guard let value = intTrueDivideValue(a, b) else { return nil }
    return newFloat(value)
  }

  /// `a / b` correctly rounded (one rounding of the exact quotient), nil with an error set.
  func intTrueDivideValue(_ a: PyRef, _ b: PyRef) -> Double? {
    let na = IntObject.digitCount(a), nb = IntObject.digitCount(b)
    guard nb != 0 else {
      raise("ZeroDivisionError", "division by zero")
      return nil
    }
    let negative = IntObject.isNegative(a) != IntObject.isNegative(b)
    let da = IntObject.digits(a), db = IntObject.digits(b)
    let bitsA = IntDigits.bitLength(da, na), bitsB = IntDigits.bitLength(db, nb)
    if bitsA <= 53 && bitsB <= 53 {
      // Both convert exactly, so IEEE division rounds once.
      let quotient = Double(IntDigits.load(da, na)!) / Double(IntDigits.load(db, nb)!)
      return negative ? -quotient : quotient
    }
    if bitsA - bitsB > 1025 { return raiseDivisionOverflow() }
    if bitsA - bitsB < -1077 { return negative ? -0.0 : 0.0 }
    // Scale so the integer quotient has 56 or 57 bits, then round it once with a sticky bit
    // for a nonzero remainder (or dropped bits of a).
    let scale = 56 - (bitsA - bitsB)
    guard let (mantissa, sticky) = scaledQuotient(da, na, db, nb, scale: scale) else { return nil }
    let magnitude = IntDigits.roundedDouble(mantissa | (sticky ? 1 : 0), exponent: -scale)
    if magnitude.isInfinite { return raiseDivisionOverflow() }
    return negative ? -magnitude : magnitude
  }

  private func raiseDivisionOverflow() -> Double? {
    raise("OverflowError", "integer division result too large for a float")
    return nil
  }

  /// `floor(a · 2^scale / b)` (at most 57 bits) and whether it was inexact.
  private func scaledQuotient(_ da: UnsafeMutablePointer<UInt32>, _ na: Int, _ db: UnsafeMutablePointer<UInt32>,
                              _ nb: Int, scale: Int) -> (UInt64, Bool)? {
    // The numerator a·2^scale (scale >= 0) or a >> -scale, with the dropped bits noted.
    let shiftDigits = abs(scale) / IntDigits.shift, shiftBits = abs(scale) % IntDigits.shift
    let capacity = scale >= 0 ? na + shiftDigits + 1 : max(na - shiftDigits, 1)
    return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: capacity + 2 * nb + capacity) { scratch in
      let numerator = scratch.baseAddress!
      var count: Int
      var dropped = false
      if scale >= 0 {
        numerator.update(repeating: 0, count: shiftDigits)
        numerator[shiftDigits + na] = IntDigits.shiftLeft(da, na, by: shiftBits, into: numerator + shiftDigits)
        count = IntDigits.normalizedCount(numerator, na + shiftDigits + 1)
      } else {
        for index in 0..<min(shiftDigits, na) where da[index] != 0 { dropped = true }
        count = na - shiftDigits
        let low = IntDigits.shiftRight(da + shiftDigits, count, by: shiftBits, into: numerator)
        if low != 0 { dropped = true }
        count = IntDigits.normalizedCount(numerator, count)
      }
      let quotient = numerator + capacity, remainder = quotient + capacity
      quotient.update(repeating: 0, count: capacity)
      var inexact = dropped
      if count < nb {
        return (0, inexact || count != 0)
      } else if nb == 1 {
        if IntDigits.divideByDigit(numerator, count, db[0], into: quotient) != 0 { inexact = true }
      } else {
        IntDigits.divide(numerator, count, db, nb, quotient: quotient, remainder: remainder)
        if IntDigits.normalizedCount(remainder, nb) != 0 { inexact = true }
      }
      let value = IntDigits.load(quotient, IntDigits.normalizedCount(quotient, count - nb + 1))!
      return (UInt64(value), inexact)
    }
  }
}

extension IntObject {
  /// Floored division of machine words (`b != 0`, no overflow: operands are compact).
  @inline(__always)
  static func floorDivide(_ a: Int, _ b: Int) -> (quotient: Int, remainder: Int) {
    var quotient = a / b, remainder = a % b
    if remainder != 0 && (remainder < 0) != (b < 0) {
      quotient -= 1
      remainder += b
    }
    return (quotient, remainder)
  }
}
