/// `+`, `-`, `*`, unary minus and `abs()` on ints. Every function takes ints or bools (the
/// bool layout is the int layout) and returns a new int reference, or nil with `MemoryError`
/// set. Compact operands (at most one digit) take a machine-word fast path.
/// CPython: Objects/longobject.c, `long_add`, `long_sub`, `long_mul`, `long_neg`, `long_abs`.
extension RuntimeRef {
  /// `a + b`.
  public func intAdd(_ a: PyRef, _ b: PyRef) -> PyRef? {
    if IntObject.isCompact(a) && IntObject.isCompact(b) {
      // Safe: two values below 2^30 in magnitude.
      return newInt(IntObject.compactValue(a) &+ IntObject.compactValue(b))
    }
    return addSigned(a, negativeA: IntObject.isNegative(a), b, negativeB: IntObject.isNegative(b))
  }

  /// `a - b`.
  public func intSubtract(_ a: PyRef, _ b: PyRef) -> PyRef? {
    if IntObject.isCompact(a) && IntObject.isCompact(b) {
      return newInt(IntObject.compactValue(a) &- IntObject.compactValue(b))
    }
    return addSigned(a, negativeA: IntObject.isNegative(a), b, negativeB: !IntObject.isNegative(b))
  }

  /// `-a`.
  public func intNegate(_ a: PyRef) -> PyRef? {
    if IntObject.isCompact(a) { return newInt(-IntObject.compactValue(a)) }
    return copyInt(a, negative: !IntObject.isNegative(a))
  }

  /// `abs(a)`.
  public func intAbsolute(_ a: PyRef) -> PyRef? {
    if !IntObject.isNegative(a) && a.type == state.pointee.types.int {
      a.incref()
      return a
    }
    return copyInt(a, negative: false)
  }

  /// `+a`: `a` itself for an exact int, an int copy for a bool.
  public func intPositive(_ a: PyRef) -> PyRef? {
    if a.type == state.pointee.types.int {
      a.incref()
      return a
    }
    return copyInt(a, negative: IntObject.isNegative(a))
  }

  /// `a * b`.
  public func intMultiply(_ a: PyRef, _ b: PyRef) -> PyRef? {
    if IntObject.isCompact(a) && IntObject.isCompact(b) {
      // Safe: |product| < 2^60.
      return newInt(IntObject.compactValue(a) &* IntObject.compactValue(b))
    }
    let na = IntObject.digitCount(a), nb = IntObject.digitCount(b)
    if na == 0 || nb == 0 { return smallInt(0) }
    guard let result = allocateInt(digitCount: na + nb) else { return nil }
    let r = IntObject.digits(result)
    if a == b {
      IntDigits.multiply(IntObject.digits(a), na, IntObject.digits(a), na, into: r)
    } else {
      IntDigits.multiply(IntObject.digits(a), na, IntObject.digits(b), nb, into: r)
    }
    return finishInt(result, count: na + nb, negative: IntObject.isNegative(a) != IntObject.isNegative(b))
  }

  /// `±a ± b` by magnitudes, with the operands' signs given (so subtraction is addition of
  /// the negated right operand).
  func addSigned(_ a: PyRef, negativeA: Bool, _ b: PyRef, negativeB: Bool) -> PyRef? {
    let na = IntObject.digitCount(a), nb = IntObject.digitCount(b)
    let da = IntObject.digits(a), db = IntObject.digits(b)
    if negativeA == negativeB {
      guard let result = allocateInt(digitCount: max(na, nb) + 1) else { return nil }
      let count = IntDigits.add(da, na, db, nb, into: IntObject.digits(result))
      return finishInt(result, count: count, negative: negativeA)
    }
    // Opposite signs: subtract the smaller magnitude from the larger.
    let order = IntDigits.compare(da, na, db, nb)
    if order == 0 { return smallInt(0) }
    let (big, nBig, small, nSmall) = order > 0 ? (da, na, db, nb) : (db, nb, da, na)
    guard let result = allocateInt(digitCount: nBig) else { return nil }
    IntDigits.subtract(big, nBig, small, nSmall, into: IntObject.digits(result))
    return finishInt(result, count: nBig, negative: order > 0 ? negativeA : negativeB)
  }

  /// A new exact int with `a`'s magnitude and the given sign.
  func copyInt(_ a: PyRef, negative: Bool) -> PyRef? {
    newInt(digits: IntObject.digits(a), count: IntObject.digitCount(a), negative: negative)
  }
}
