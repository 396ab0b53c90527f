/// `<<`, `>>`, `&`, `|`, `^` and `~` on ints, with Python's semantics: negative numbers
/// behave as two's complement with an infinite run of sign bits, and `>>` floors.
/// CPython: Objects/longobject.c, `long_lshift`, `long_rshift`, `long_bitwise`,
/// `long_invert`.
extension RuntimeRef {
  /// `~a`, which is `-(a + 1)`.
  public func intInvert(_ a: PyRef) -> PyRef? {
    if IntObject.isCompact(a) { return newInt(~IntObject.compactValue(a)) }
    let na = IntObject.digitCount(a)
    guard let result = allocateInt(digitCount: na + 1) else { return nil }
    let r = IntObject.digits(result)
    r.update(from: IntObject.digits(a), count: na)
    r[na] = 0
    var one: UInt32 = 1
    if IntObject.isNegative(a) {
      IntDigits.subtractInPlace(r, na, &one, 1)         // |a| − 1 >= 0
      return finishInt(result, count: na, negative: false)
    }
    IntDigits.addInPlace(r, na + 1, &one, 1, offset: 0)  // −(|a| + 1)
    return finishInt(result, count: na + 1, negative: true)
  }

  /// `a << b`. ValueError "negative shift count"; OverflowError "too many digits in
  /// integer" when the digit count cannot be represented, MemoryError when the memory
  /// cannot be had.
  public func intLeftShift(_ a: PyRef, _ b: PyRef) -> PyRef? {
    guard let count = shiftCount(b) else { return nil }
    if a.size == 0 { return smallInt(0) }
    if IntObject.isCompact(a) && count < 32 {
      // Safe: |a| < 2^30 and count < 32, so the result is below 2^62.
      return newInt(IntObject.compactValue(a) << count)
    }
    var digitShift = count / IntDigits.shift, bitShift = count % IntDigits.shift
    if count == Int.max {
      // A count past Int: only its quotient by 30 has to fit (CPython: `divmod_shift`).
      guard let thirty = newInt(IntDigits.shift), let (words, bits) = intDivmod(b, thirty) else { return nil }
      defer { decref(thirty); decref(words); decref(bits) }
      guard let exactWords = IntObject.exactValue(words) else { return raiseTooManyDigits() }
      digitShift = exactWords
      bitShift = IntObject.exactValue(bits)!
    }
    let na = IntObject.digitCount(a)
    let (total, overflow) = na.addingReportingOverflow(digitShift)
    guard !overflow, total < IntObject.maxDigitCount else { return raiseTooManyDigits() }
    guard let result = allocateInt(digitCount: total + 1) else { return nil }
    let r = IntObject.digits(result)
    r.update(repeating: 0, count: digitShift)
    r[total] = IntDigits.shiftLeft(IntObject.digits(a), na, by: bitShift, into: r + digitShift)
    return finishInt(result, count: total + 1, negative: IntObject.isNegative(a))
  }

  private func raiseTooManyDigits() -> PyRef? {
    raise("OverflowError", "too many digits in integer")
    return nil
  }

  /// `a >> b`, flooring: `-1 >> 5` is −1. ValueError "negative shift count".
  public func intRightShift(_ a: PyRef, _ b: PyRef) -> PyRef? {
    guard let count = shiftCount(b) else { return nil }
    if IntObject.isCompact(a) {
      return newInt(count >= 63 ? (a.size < 0 ? -1 : 0) : IntObject.compactValue(a) >> count)
    }
    let na = IntObject.digitCount(a), negative = IntObject.isNegative(a)
    let digitShift = count / IntDigits.shift, bitShift = count % IntDigits.shift
    if digitShift >= na { return smallInt(negative ? -1 : 0) }
    let da = IntObject.digits(a)
    let kept = na - digitShift
    guard let result = allocateInt(digitCount: kept + 1) else { return nil }
    let r = IntObject.digits(result)
    let low = IntDigits.shiftRight(da + digitShift, kept, by: bitShift, into: r)
    r[kept] = 0
    if negative {
      // Floor toward −∞: one more in magnitude when any 1 bit was shifted out.
      var inexact = low != 0
      for index in 0..<digitShift where da[index] != 0 { inexact = true }
      if inexact {
        var one: UInt32 = 1
        IntDigits.addInPlace(r, kept + 1, &one, 1, offset: 0)
      }
    }
    return finishInt(result, count: kept + 1, negative: negative)
  }

  /// `a & b`.
  public func intAnd(_ a: PyRef, _ b: PyRef) -> PyRef? { bitwise(a, b, .and) }
  /// `a | b`.
  public func intOr(_ a: PyRef, _ b: PyRef) -> PyRef? { bitwise(a, b, .or) }
  /// `a ^ b`.
  public func intXor(_ a: PyRef, _ b: PyRef) -> PyRef? { bitwise(a, b, .xor) }

  /// The shift count `b` as a non-negative `Int`; `Int.max` stands for any larger count.
  private func shiftCount(_ b: PyRef) -> Int? {
    if IntObject.isNegative(b) {
      raise("ValueError", "negative shift count")
      return nil
    }
    return IntObject.exactValue(b) ?? Int.max
  }

  /// CPython: `long_bitwise`. Each operand is read as two's complement digits (a negative
  /// magnitude m as the digits of ~(m − 1)) extended with its sign digit; the result is
  /// negative when the operation on the sign digits is, and then converted back.
  private func bitwise(_ a: PyRef, _ b: PyRef, _ operation: BitwiseOperation) -> PyRef? {
    if IntObject.isCompact(a) && IntObject.isCompact(b) {
      let x = IntObject.compactValue(a), y = IntObject.compactValue(b)
      switch operation {
      case .and: return newInt(x & y)
      case .or: return newInt(x | y)
      case .xor: return newInt(x ^ y)
      }
    }
    let na = IntObject.digitCount(a), nb = IntObject.digitCount(b)
    let count = max(na, nb)
    guard let result = allocateInt(digitCount: count + 1) else { return nil }
    let da = IntObject.digits(a), db = IntObject.digits(b), r = IntObject.digits(result)
    let negativeA = IntObject.isNegative(a), negativeB = IntObject.isNegative(b)
    let signA: UInt32 = negativeA ? IntDigits.mask : 0, signB: UInt32 = negativeB ? IntDigits.mask : 0
    let signR = operation.apply(signA, signB)
    var borrowA: UInt32 = negativeA ? 1 : 0, borrowB: UInt32 = negativeB ? 1 : 0
    var carryR: UInt32 = signR != 0 ? 1 : 0
    for index in 0...count {
      let x = IntObject.twosComplementDigit(da, na, index, negative: negativeA, borrow: &borrowA)
      let y = IntObject.twosComplementDigit(db, nb, index, negative: negativeB, borrow: &borrowB)
      var z = operation.apply(x, y)
      if signR != 0 {
        // Back from two's complement: magnitude = ~z + 1.
        carryR &+= ~z & IntDigits.mask
        z = carryR & IntDigits.mask
        carryR >>= IntDigits.shift
      }
      r[index] = z
    }
    return finishInt(result, count: count + 1, negative: signR != 0)
  }
}

/// The three digit-wise operations of ``RuntimeRef/intAnd(_:_:)`` and friends.
enum BitwiseOperation {
  case and, or, xor

  @inline(__always)
  func apply(_ x: UInt32, _ y: UInt32) -> UInt32 {
    switch self {
    case .and: return x & y
    case .or: return x | y
    case .xor: return x ^ y
    }
  }
}

extension IntObject {
  /// Digit `index` of a magnitude in two's complement (the sign digit past the end).
  /// `borrow` starts at 1 for a negative number and carries the subtraction of 1.
  @inline(__always)
  static func twosComplementDigit(_ digits: UnsafeMutablePointer<UInt32>, _ count: Int, _ index: Int,
                                  negative: Bool, borrow: inout UInt32) -> UInt32 {
    let digit = index < count ? digits[index] : 0
    guard negative else { return digit }
    // Safe: wraps only when digit == 0 and borrow == 1, which bit 30 then records.
    let decremented = digit &- borrow
    borrow = (decremented >> IntDigits.shift) & 1
    return ~decremented & IntDigits.mask
  }
}
