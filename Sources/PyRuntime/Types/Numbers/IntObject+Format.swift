/// Ints to text: `str(n)`/`repr(n)` in base 10, and `bin()`, `oct()`, `hex()`.
///
/// Decimal conversion regroups the 30-bit digits into base-10^9 limbs (quadratic, as
/// CPython 3.11's), and honours the interpreter's `sys.set_int_max_str_digits` limit
/// (CVE-2020-10735: 4300 digits by default; 0 means no limit). Power-of-two bases are
/// linear and never limited.
/// CPython: Objects/longobject.c, `long_to_decimal_string_internal`,
/// `long_format_binary`; Python/sysmodule.c, `sys_set_int_max_str_digits`.
extension RuntimeRef {
  /// `str(a)`. ValueError "Exceeds the limit (4300 digits) for integer string conversion;
  /// use sys.set_int_max_str_digits() to increase the limit" past the limit.
  public func intToDecimalString(_ a: PyRef) -> String? {
    if IntObject.isCompact(a) { return String(IntObject.compactValue(a)) }
    let count = IntObject.digitCount(a)
    let limit = state.pointee.numbers.intMaxStrDigits
    // 30 bits carry at least 9.03 decimal digits: a cheap check before the quadratic work.
    if limit > 0 && (count - 1) * 903 / 100 > limit { return raiseStringLimit() }
    let text = IntObject.decimalString(IntObject.digits(a), count, negative: IntObject.isNegative(a))
    if limit > 0 && text.utf8.count - (IntObject.isNegative(a) ? 1 : 0) > limit { return raiseStringLimit() }
    return text
  }

  /// `bin(a)`, `oct(a)`, `hex(a)` for `base` 2, 8, 16 (with the `0b`/`0o`/`0x` prefix after
  /// any sign), or `str(a)` for base 10.
  /// - Precondition: `base` is 2, 8, 10 or 16.
  public func intToString(_ a: PyRef, base: Int) -> String? {
    switch base {
    case 10: return intToDecimalString(a)
    case 2: return IntObject.binaryString(a, bitsPerDigit: 1, prefix: "0b")
    case 8: return IntObject.binaryString(a, bitsPerDigit: 3, prefix: "0o")
    case 16: return IntObject.binaryString(a, bitsPerDigit: 4, prefix: "0x")
    default: preconditionFailure("intToString: base \(base) is not 2, 8, 10 or 16")
    }
  }

  /// `sys.get_int_max_str_digits()` / `sys.set_int_max_str_digits()`. Setting raises
  /// ValueError "maxdigits must be 0 or larger than 640" and returns false for other values.
  public var intMaxStrDigits: Int { state.pointee.numbers.intMaxStrDigits }

  @discardableResult
  public func setIntMaxStrDigits(_ limit: Int) -> Bool {
    guard limit == 0 || limit >= IntObject.minimumStrDigitsLimit else {
      raise("ValueError", "maxdigits must be 0 or larger than \(IntObject.minimumStrDigitsLimit)")
      return false
    }
    state.pointee.numbers.intMaxStrDigits = limit
    return true
  }

  private func raiseStringLimit() -> String? {
    raise("ValueError", "Exceeds the limit (\(state.pointee.numbers.intMaxStrDigits) digits) for integer string "
      + "conversion; use sys.set_int_max_str_digits() to increase the limit")
    return nil
  }
}

extension IntObject {
  /// `_PY_LONG_DEFAULT_MAX_STR_DIGITS` and `_PY_LONG_MAX_STR_DIGITS_THRESHOLD`.
  static let defaultStrDigitsLimit = 4300
  static let minimumStrDigitsLimit = 640

  /// 10^9, the base of the limbs the decimal conversion goes through.
  private static let decimalLimb: UInt64 = 1_000_000_000

  /// The decimal text of a magnitude of `count` digits.
  /// - Complexity: O(count²).
  static func decimalString(_ digits: UnsafeMutablePointer<UInt32>, _ count: Int, negative: Bool) -> String {
    // 30 bits < 3.34 limbs of 9 decimal digits per 10 digits: count + count/9 + 1 limbs suffice.
    let capacity = count + count / 9 + 2
    return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: capacity) { scratch in
      let limbs = scratch.baseAddress!
      var used = 0
      var index = count
      while index > 0 {
        index -= 1
        // limbs = limbs · 2^30 + digit, in base 10^9.
        var carry = UInt64(digits[index])
        for limb in 0..<used {
          let wide = (UInt64(limbs[limb]) << 30) | carry
          carry = wide / decimalLimb
          limbs[limb] = UInt32(truncatingIfNeeded: wide &- carry &* decimalLimb)
        }
        while carry != 0 {
          limbs[used] = UInt32(truncatingIfNeeded: carry % decimalLimb)
          carry /= decimalLimb
          used += 1
        }
      }
      // Written backwards: nine digits per limb, except the top limb without leading zeros.
      var bytes: [UInt8] = []
      bytes.reserveCapacity(used * 9 + 2)
      for limb in 0..<used {
        var value = limbs[limb]
        if limb < used - 1 {
          for _ in 0..<9 {
            bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
            value /= 10
          }
        } else {
          repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
            value /= 10
          } while value != 0
        }
      }
      if used == 0 { bytes.append(UInt8(ascii: "0")) }
      if negative { bytes.append(UInt8(ascii: "-")) }
      bytes.reverse()
      return String(decoding: bytes, as: UTF8.self)
    }
  }

  /// The text in a power-of-two base (1, 3 or 4 bits per output digit), lowercase.
  static func binaryString(_ a: PyRef, bitsPerDigit: Int, prefix: String) -> String {
    let d = digits(a), count = digitCount(a)
    let bits = IntDigits.bitLength(d, count)
    let outputCount = max((bits + bitsPerDigit - 1) / bitsPerDigit, 1)
    var bytes = [UInt8](repeating: UInt8(ascii: "0"), count: outputCount)
    let alphabet: StaticString = "0123456789abcdef"
    let mask: UInt64 = (1 << UInt64(bitsPerDigit)) - 1
    var accumulator: UInt64 = 0, available = 0, index = 0, position = outputCount
    while position > 0 {
      if available < bitsPerDigit && index < count {
        accumulator |= UInt64(d[index]) << UInt64(available)
        available += IntDigits.shift
        index += 1
      }
      position -= 1
      bytes[position] = alphabet.utf8Start[Int(accumulator & mask)]
      accumulator >>= UInt64(bitsPerDigit)
      available -= bitsPerDigit
    }
    return (isNegative(a) ? "-" : "") + prefix + String(decoding: bytes, as: UTF8.self)
  }
}
