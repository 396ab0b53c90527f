/// The decimal digits of a double, correctly rounded: what CPython gets from David Gay's
/// `_Py_dg_dtoa` in modes 2 (n significant digits) and 3 (n digits after the point).
///
/// A finite double is m·2^e exactly, so its decimal expansion is finite: m·2^e itself when
/// e ≥ 0, and m·5^(−e) / 10^(−e) when e < 0. That expansion is computed exactly with a small
/// big-integer (at most ~2,500 bits, for the smallest subnormals), and rounding then works
/// on decimal digits: round half to even, where a tie is exact because every digit is
/// known. Shortest (mode 0) digits come from ``FloatObject/shortestDigits(_:)``.
/// CPython: Python/dtoa.c (`_Py_dg_dtoa`), Python/pystrtod.c (`format_float_short`).
enum FloatDigits {
  /// The digits of |x| (x finite): ASCII, no leading zeros, and the decimal point position:
  /// |x| = 0.d₁d₂… × 10^decimalPoint. Zero is `"0"` with point position 1.
  struct Decimal {
    var digits: [UInt8]
    var decimalPoint: Int
  }

  /// The exact decimal expansion of |x| (finite), trailing zeros removed.
  static func exact(_ x: Double) -> Decimal {
    let magnitude = abs(x)
    if magnitude == 0 { return Decimal(digits: [0x30], decimalPoint: 1) }
    // magnitude = significand · 2^exponent with an integer significand.
    var significand = magnitude.significandBitPattern
    var exponent = Int(magnitude.exponentBitPattern)
    if exponent == 0 {
      exponent = 1 - 1075                // subnormal
    } else {
      significand |= 1 << 52
      exponent -= 1075
    }
    var number = BigDecimalScratch(significand)
    if exponent >= 0 {
      number.shiftLeft(exponent)
      var digits = number.decimalDigits()
      let point = digits.count
      while digits.last == 0x30 { digits.removeLast() }
      return Decimal(digits: digits, decimalPoint: point)
    }
    number.multiplyByPowerOfFive(-exponent)
    var digits = number.decimalDigits()
    let point = digits.count + exponent
    while digits.last == 0x30 { digits.removeLast() }
    return Decimal(digits: digits, decimalPoint: point)
  }

  /// Rounds an exact expansion to its first `keep` digits (half to even); `keep` may be zero
  /// or negative (everything is below the last kept position). Trailing zeros are removed;
  /// a result of zero is `"0"` with point position 1.
  static func round(_ value: Decimal, keep: Int) -> Decimal {
    let digits = value.digits
    if keep >= digits.count { return value }
    if digits == [0x30] { return value }
    var roundUp = false
    if keep >= 0 {
      let next = digits[keep]
      if next > 0x35 {
        roundUp = true
      } else if next == 0x35 {
        let rest = digits.count > keep + 1   // trailing zeros are gone: anything after is non-zero
        let lastKeptOdd = keep > 0 && (digits[keep - 1] - 0x30) % 2 == 1
        roundUp = rest || lastKeptOdd
      }
    }
    if keep <= 0 {
      // Nothing kept: the result is 0 or one unit at the rounding position.
      if roundUp { return Decimal(digits: [0x31], decimalPoint: value.decimalPoint - keep + 1) }
      return Decimal(digits: [0x30], decimalPoint: 1)
    }
    var kept = Array(digits[0..<keep])
    var point = value.decimalPoint
    if roundUp {
      var index = keep - 1
      while index >= 0 && kept[index] == 0x39 {
        kept[index] = 0x30
        index -= 1
      }
      if index >= 0 {
        kept[index] += 1
      } else {
        kept.insert(0x31, at: 0)
        kept.removeLast()
        point += 1
      }
    }
    while kept.count > 1 && kept.last == 0x30 { kept.removeLast() }
    if kept == [0x30] { return Decimal(digits: [0x30], decimalPoint: 1) }
    return Decimal(digits: kept, decimalPoint: point)
  }

  /// Mode 2: at most `count` (≥ 1) significant digits.
  static func significant(_ x: Double, _ count: Int) -> Decimal {
    round(exact(x), keep: max(count, 1))
  }

  /// Mode 3: `count` digits after the decimal point.
  static func fixed(_ x: Double, _ count: Int) -> Decimal {
    if let quick = fixedInOneWord(x, count) { return quick }
    let value = exact(x)
    if value.digits == [0x30] { return value }
    let (keep, overflow) = value.decimalPoint.addingReportingOverflow(count)
    return round(value, keep: overflow ? Int.max : keep)
  }

  /// 10^0 … 10^19.
  private static let powersOfTen: [UInt128] = (0...19).map { power in
    var value: UInt128 = 1
    for _ in 0..<power { value *= 10 }
    return value
  }

  /// Mode 3 without the big integer, for the common case: at most 19 digits after the
  /// point and |x| = m·2^e with −127 ≤ e < 0, so that m·10^count (< 2^117) and the shift
  /// fit in 128 bits. round(|x|·10^count) is then (m·10^count) >> −e, rounded half to even
  /// on the bits shifted out. nil when the case does not apply.
  static func fixedInOneWord(_ x: Double, _ count: Int) -> Decimal? {
    guard count >= 0 && count <= 19 else { return nil }
    let magnitude = abs(x)
    if magnitude == 0 { return Decimal(digits: [0x30], decimalPoint: 1) }
    guard magnitude.exponentBitPattern != 0 else { return nil }   // subnormal
    let significand = magnitude.significandBitPattern | (1 << 52)
    let exponent = Int(magnitude.exponentBitPattern) - 1075
    guard exponent < 0 && exponent >= -127 else { return nil }
    let shift = -exponent
    let scaled = UInt128(significand) * powersOfTen[count]
    var quotient = scaled >> shift
    let remainder = scaled & ((UInt128(1) << shift) - 1)
    let half = UInt128(1) << (shift - 1)
    if remainder > half || (remainder == half && quotient & 1 == 1) { quotient += 1 }
    if quotient == 0 { return Decimal(digits: [0x30], decimalPoint: 1) }
    var digits = Array(String(quotient).utf8)
    let point = digits.count - count
    while digits.last == 0x30 { digits.removeLast() }
    return Decimal(digits: digits, decimalPoint: point)
  }

  /// Mode 0: the shortest digits that read back as `x`.
  static func shortest(_ x: Double) -> Decimal {
    if x == 0 { return Decimal(digits: [0x30], decimalPoint: 1) }
    let (digits, point) = FloatObject.shortestDigits(abs(x))
    return Decimal(digits: digits, decimalPoint: point)
  }
}

/// A non-negative big integer in base 2^32, just enough for ``FloatDigits/exact(_:)``.
struct BigDecimalScratch {
  /// Little-endian limbs.
  var limbs: [UInt32]

  init(_ value: UInt64) {
    limbs = [UInt32(truncatingIfNeeded: value), UInt32(truncatingIfNeeded: value >> 32)]
    normalize()
  }

  mutating func normalize() {
    while limbs.count > 1 && limbs.last == 0 { limbs.removeLast() }
  }

  mutating func multiply(by factor: UInt32) {
    var carry: UInt64 = 0
    for index in limbs.indices {
      let product = UInt64(limbs[index]) * UInt64(factor) + carry
      limbs[index] = UInt32(truncatingIfNeeded: product)
      carry = product >> 32
    }
    if carry != 0 { limbs.append(UInt32(carry)) }
  }

  mutating func multiplyByPowerOfFive(_ exponent: Int) {
    var remaining = exponent
    while remaining >= 13 {
      multiply(by: 1_220_703_125)   // 5^13
      remaining -= 13
    }
    var factor: UInt32 = 1
    for _ in 0..<remaining { factor *= 5 }
    if factor > 1 { multiply(by: factor) }
  }

  mutating func shiftLeft(_ bits: Int) {
    let words = bits / 32, shift = UInt32(bits % 32)
    if shift > 0 {
      var carry: UInt32 = 0
      for index in limbs.indices {
        let value = limbs[index]
        limbs[index] = (value << shift) | carry
        carry = value >> (32 - shift)
      }
      if carry != 0 { limbs.append(carry) }
    }
    if words > 0 { limbs.insert(contentsOf: repeatElement(0, count: words), at: 0) }
  }

  /// The decimal digits, most significant first (destroys the value).
  mutating func decimalDigits() -> [UInt8] {
    var chunks: [UInt32] = []   // base 10^9, least significant first
    while !(limbs.count == 1 && limbs[0] == 0) {
      var remainder: UInt64 = 0
      for index in limbs.indices.reversed() {
        let current = (remainder << 32) | UInt64(limbs[index])
        limbs[index] = UInt32(current / 1_000_000_000)
        remainder = current % 1_000_000_000
      }
      chunks.append(UInt32(remainder))
      normalize()
    }
    var digits: [UInt8] = []
    digits.reserveCapacity(chunks.count * 9)
    for (position, chunk) in chunks.enumerated().reversed() {
      var text = Array(String(chunk).utf8)
      if position != chunks.count - 1 {
        text.insert(contentsOf: repeatElement(0x30, count: 9 - text.count), at: 0)
      }
      digits.append(contentsOf: text)
    }
    return digits.isEmpty ? [0x30] : digits
  }
}
