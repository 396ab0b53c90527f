/// Float ordering against floats and ints, and the float hash.
///
/// A float is compared with an int exactly, never by rounding the int: `2**53 + 1 > 2.0**53`
/// holds although `float(2**53 + 1) == 2.0**53`. The hash is the value modulo 2^61 − 1, so
/// an integral float hashes as the equal int; infinities hash to ±314159 and a NaN by its
/// address (3.10+), so distinct NaNs spread over a dict.
/// CPython: Objects/floatobject.c, `float_richcompare`; Python/pyhash.c, `_Py_HashDouble`,
/// `_Py_HashPointer`.
extension FloatObject {
  /// `_PyHASH_INF`.
  static let infinityHash = 314_159

  /// `hash(x)` for the float `object` holding `x`.
  static func hash(_ x: Double, object: PyRef) -> Int {
    if x.isInfinite { return x > 0 ? infinityHash : -infinityHash }
    if x.isNaN { return pointerHash(object) }
    if x == 0 { return 0 }
    let magnitude = abs(x)
    // magnitude = m · 2^k with m an integer below 2^53 < P.
    let m: UInt64 = magnitude.isNormal ? magnitude.significandBitPattern | (1 << 52) : magnitude.significandBitPattern
    let k = magnitude.isNormal ? Int(magnitude.exponent) - 52 : -1074
    // 2^k ≡ 2^(k mod 61) (mod P), and multiplying by 2^r rotates 61 bits left by r.
    let r = UInt64(((k % 61) + 61) % 61)
    let modulus = IntObject.hashModulus
    let h = r == 0 ? m : ((m << r) & modulus) | (m >> (IntObject.hashBits - r))
    var result = Int(bitPattern: UInt(h))
    if x < 0 { result = -result }
    return result == -1 ? -2 : result
  }

  /// The address rotated right by 4 bits (the low bits of an address are always zero).
  /// CPython: `_Py_HashPointerRaw`.
  static func pointerHash(_ object: PyRef) -> Int {
    let address = UInt(bitPattern: object.raw)
    let rotated = Int(bitPattern: (address >> 4) | (address << UInt(UInt.bitWidth - 4)))
    return rotated == -1 ? -2 : rotated
  }

  /// −1, 0 or 1 as `x` is less than, equal to or greater than the int `n`; nil when `x` is
  /// a NaN (unordered).
  static func compare(_ x: Double, _ n: PyRef) -> Int? {
    if x.isNaN { return nil }
    if x.isInfinite { return x > 0 ? 1 : -1 }
    let count = IntObject.digitCount(n), digits = IntObject.digits(n)
    if IntDigits.bitLength(digits, count) <= 53 {
      let y = IntObject.toDouble(n)                         // exact
      return x < y ? -1 : x > y ? 1 : 0
    }
    // |n| >= 2^53 here, so n is nonzero and its sign decides unless x has the same sign.
    let negative = IntObject.isNegative(n)
    if (x < 0) != negative || x == 0 { return negative ? 1 : -1 }
    let magnitude = abs(x)
    var order: Int
    if magnitude < 0x1p53 {
      order = -1
    } else {
      // An integral double: compare digit by digit.
      order = withUnsafeTemporaryAllocation(of: UInt32.self, capacity: IntDigits.maxDoubleDigits) { buffer in
        let xd = buffer.baseAddress!
        let xn = IntDigits.storeIntegral(magnitude, into: xd)
        return IntDigits.compare(xd, xn, digits, count)
      }
    }
    return negative ? -order : order
  }

  /// −1, 0, 1, or nil when either is a NaN.
  @inline(__always)
  static func compare(_ x: Double, _ y: Double) -> Int? {
    x < y ? -1 : x > y ? 1 : x == y ? 0 : nil
  }
}

extension IntDigits {
  /// Digits needed for any finite double's integer value (2^1024 needs 35).
  static let maxDoubleDigits = 36

  /// Writes the digits of `x`, a non-negative integral finite double; returns the
  /// normalized count. `r` has room for ``maxDoubleDigits``.
  static func storeIntegral(_ x: Double, into r: Buffer) -> Int {
    if x < 0x1p63 { return store(UInt(x), into: r) }
    let significand = x.significandBitPattern | (1 << 52)
    let exponent = Int(x.exponent) - 52
    let digitShift = exponent / shift, bitShift = exponent % shift
    r.update(repeating: 0, count: digitShift)
    let low = store(UInt(significand), into: r + digitShift)
    r[digitShift + low] = shiftLeft(r + digitShift, low, by: bitShift, into: r + digitShift)
    return normalizedCount(r, digitShift + low + 1)
  }
}
