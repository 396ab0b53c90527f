/// Ordering and hashing of ints.
///
/// The hash is the value modulo the Mersenne prime P = 2^61 − 1 with the sign of the
/// number, −1 mapped to −2: the scheme every numeric type shares, so that `hash(2**70)`,
/// `hash(float(2**70))` and `hash(True) == hash(1)` agree (Python docs, "Hashing of numeric
/// types"). CPython: Objects/longobject.c, `long_compare`, `long_hash`; Include/pyhash.h.
extension IntObject {
  /// P = 2^61 − 1 (`_PyHASH_MODULUS`).
  static let hashModulus: UInt64 = (1 << 61) - 1
  static let hashBits: UInt64 = 61

  /// −1, 0 or 1 as `a` is less than, equal to or greater than `b`.
  static func compare(_ a: PyRef, _ b: PyRef) -> Int {
    let sa = a.size, sb = b.size
    if sa != sb { return sa < sb ? -1 : 1 }
    let order = IntDigits.compare(digits(a), abs(sa), digits(b), abs(sb))
    return sa < 0 ? -order : order
  }

  /// `hash(a)`.
  static func hash(_ a: PyRef) -> Int {
    if isCompact(a) {
      let value = compactValue(a)
      return value == -1 ? -2 : value
    }
    let d = digits(a)
    var x: UInt64 = 0
    var index = digitCount(a)
    while index > 0 {
      index -= 1
      // x·2^30 mod P is a rotation of x's 61 bits; then add the digit and reduce once.
      x = ((x << 30) & hashModulus) | (x >> (hashBits - 30))
      x += UInt64(d[index])
      if x >= hashModulus { x -= hashModulus }
    }
    var result = Int(bitPattern: UInt(x))
    if isNegative(a) { result = -result }
    return result == -1 ? -2 : result
  }
}

extension RuntimeRef {
  /// −1, 0 or 1 as `a` is less than, equal to or greater than `b` (ints or bools).
  public func intCompare(_ a: PyRef, _ b: PyRef) -> Int { IntObject.compare(a, b) }

  /// `hash(a)` for an int or bool.
  public func intHash(_ a: PyRef) -> Int { IntObject.hash(a) }

  /// `bool(a)`: whether `a` is nonzero.
  public func intIsTrue(_ a: PyRef) -> Bool { a.size != 0 }
}
