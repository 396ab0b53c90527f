/// The magnitude algorithms of arbitrary-precision ints, on raw arrays of 30-bit digits
/// (least significant first, each in a `UInt32` whose top two bits are zero).
///
/// These functions know nothing about objects, signs or errors: callers pass buffers of the
/// documented capacity and get the digit count back. Products of two digits and a carry fit
/// in a `UInt64` (2^60 + 2^31 < 2^64), which every loop below relies on.
/// CPython: Objects/longobject.c (`x_add`, `x_sub`, `x_mul`, `k_mul`, `inplace_divrem1`,
/// `x_divrem`), written here from the algorithms (Knuth, TAOCP vol. 2, 4.3.1).
enum IntDigits {
  typealias Digit = UInt32
  typealias Buffer = UnsafeMutablePointer<UInt32>
  typealias Source = UnsafePointer<UInt32>

  static let shift = 30
  static let base: UInt64 = 1 << 30
  static let mask: UInt32 = (1 << 30) - 1
  static let mask64: UInt64 = (1 << 30) - 1
  /// Below this many digits in the smaller factor, schoolbook multiplication is faster.
  /// CPython: `KARATSUBA_CUTOFF` (70).
  static let karatsubaCutoff = 70

  /// The count without leading zero digits.
  @inline(__always)
  static func normalizedCount(_ digits: Source, _ count: Int) -> Int {
    var count = count
    while count > 0 && digits[count - 1] == 0 { count -= 1 }
    return count
  }

  /// -1, 0 or 1 as `a` is less than, equal to or greater than `b` (both normalized).
  static func compare(_ a: Source, _ na: Int, _ b: Source, _ nb: Int) -> Int {
    if na != nb { return na < nb ? -1 : 1 }
    var index = na
    while index > 0 {
      index -= 1
      if a[index] != b[index] { return a[index] < b[index] ? -1 : 1 }
    }
    return 0
  }

  /// The number of significant bits (0 for zero). `count` is normalized.
  static func bitLength(_ digits: Source, _ count: Int) -> Int {
    guard count > 0 else { return 0 }
    return (count - 1) * shift + (32 - digits[count - 1].leadingZeroBitCount)
  }

  // MARK: - Addition and subtraction

  /// `r = a + b`; `r` has room for `max(na, nb) + 1` digits and may alias `a` or `b`.
  /// Returns the count written (`max + 1`, not normalized).
  static func add(_ a: Source, _ na: Int, _ b: Source, _ nb: Int, into r: Buffer) -> Int {
    let (long, nl, short, ns) = na >= nb ? (a, na, b, nb) : (b, nb, a, na)
    var carry: Digit = 0
    for index in 0..<ns {
      // Safe: two digits and a carry stay below 2^31.
      carry &+= long[index] &+ short[index]
      r[index] = carry & mask
      carry >>= shift
    }
    for index in ns..<nl {
      carry &+= long[index]
      r[index] = carry & mask
      carry >>= shift
    }
    r[nl] = carry
    return nl + 1
  }

  /// `r = a - b` for `a >= b`; `r` has room for `na` digits and may alias `a` or `b`.
  static func subtract(_ a: Source, _ na: Int, _ b: Source, _ nb: Int, into r: Buffer) {
    var borrow: Digit = 0
    for index in 0..<nb {
      // Safe: wraps modulo 2^32; the top bits of the wrapped value are the borrow.
      borrow = a[index] &- b[index] &- borrow
      r[index] = borrow & mask
      borrow = (borrow >> shift) & 1
    }
    for index in nb..<na {
      borrow = a[index] &- borrow
      r[index] = borrow & mask
      borrow = (borrow >> shift) & 1
    }
  }

  /// Adds `b` into `r` at digit offset `offset`, propagating the carry through `r`.
  /// The caller guarantees the sum fits in `nr` digits.
  static func addInPlace(_ r: Buffer, _ nr: Int, _ b: Source, _ nb: Int, offset: Int) {
    var carry: Digit = 0
    var index = 0
    while index < nb {
      carry &+= r[offset + index] &+ b[index]
      r[offset + index] = carry & mask
      carry >>= shift
      index += 1
    }
    while carry != 0 && offset + index < nr {
      carry &+= r[offset + index]
      r[offset + index] = carry & mask
      carry >>= shift
      index += 1
    }
  }

  /// Subtracts `b` from `r` in place (`r >= b`).
  static func subtractInPlace(_ r: Buffer, _ nr: Int, _ b: Source, _ nb: Int) {
    subtract(Source(r), nr, b, nb, into: r)
  }

  // MARK: - Multiplication

  /// `r = a * b`; `r` has room for `na + nb` digits, does not alias the inputs, and is fully
  /// written. Schoolbook below ``karatsubaCutoff``, Karatsuba above.
  /// - Complexity: O(n^1.585) for balanced sizes.
  static func multiply(_ a: Source, _ na: Int, _ b: Source, _ nb: Int, into r: Buffer) {
    let (small, ns, large, nl) = na <= nb ? (a, na, b, nb) : (b, nb, a, na)
    if ns < karatsubaCutoff {
      schoolbook(small, ns, large, nl, into: r)
    } else if 2 * ns <= nl {
      lopsided(small, ns, large, nl, into: r)
    } else {
      karatsuba(small, ns, large, nl, into: r)
    }
  }

  /// Grade-school multiplication, one row per digit of `a`.
  static func schoolbook(_ a: Source, _ na: Int, _ b: Source, _ nb: Int, into r: Buffer) {
    r.update(repeating: 0, count: na + nb)
    for i in 0..<na {
      let factor = UInt64(a[i])
      if factor == 0 { continue }
      var carry: UInt64 = 0
      for j in 0..<nb {
        // Safe: digit * digit + digit + carry < 2^60 + 2^31 < 2^64.
        carry &+= factor &* UInt64(b[j]) &+ UInt64(r[i + j])
        r[i + j] = Digit(truncatingIfNeeded: carry) & mask
        carry >>= shift
      }
      var k = i + nb
      while carry != 0 {
        carry &+= UInt64(r[k])
        r[k] = Digit(truncatingIfNeeded: carry) & mask
        carry >>= shift
        k += 1
      }
    }
  }

  /// `a` much shorter than `b`: multiplies `a` by slices of `b` of `a`'s length, so each
  /// product is balanced. CPython: `k_lopsided_mul`.
  private static func lopsided(_ a: Source, _ na: Int, _ b: Source, _ nb: Int, into r: Buffer) {
    r.update(repeating: 0, count: na + nb)
    let product = Buffer.allocate(capacity: 2 * na)
    defer { product.deallocate() }
    var offset = 0
    while offset < nb {
      let slice = min(na, nb - offset)
      multiply(a, na, b + offset, slice, into: product)
      addInPlace(r, na + nb, product, na + slice, offset: offset)
      offset += slice
    }
  }

  /// Karatsuba: with `a = a1·B^h + a0` and `b = b1·B^h + b0`,
  /// `a·b = z2·B^2h + ((a0+a1)(b0+b1) − z0 − z2)·B^h + z0` where `z0 = a0·b0`, `z2 = a1·b1`.
  /// Requires `na <= nb < 2·na`. CPython: `k_mul`.
  private static func karatsuba(_ a: Source, _ na: Int, _ b: Source, _ nb: Int, into r: Buffer) {
    let h = nb / 2                        // na > h, so a1 is never empty
    let na0 = normalizedCount(a, h), nb0 = normalizedCount(b, h)
    let na1 = na - h, nb1 = nb - h
    // z0 into the low 2h digits, z2 into the rest: together they are exactly na + nb digits.
    if na0 == 0 || nb0 == 0 {
      r.update(repeating: 0, count: 2 * h)
    } else {
      multiply(a, na0, b, nb0, into: r)
      (r + na0 + nb0).update(repeating: 0, count: 2 * h - na0 - nb0)
    }
    multiply(a + h, na1, b + h, nb1, into: r + 2 * h)

    let sa = max(h, na1) + 1, sb = max(h, nb1) + 1
    let scratch = Buffer.allocate(capacity: 2 * (sa + sb))
    defer { scratch.deallocate() }
    let sumA = scratch, sumB = scratch + sa, middle = scratch + sa + sb
    let nsa = normalizedCount(sumA, add(a, na0, a + h, na1, into: sumA))
    let nsb = normalizedCount(sumB, add(b, nb0, b + h, nb1, into: sumB))
    multiply(sumA, nsa, sumB, nsb, into: middle)
    var nm = normalizedCount(middle, nsa + nsb)
    subtractInPlace(middle, nm, r, normalizedCount(r, 2 * h))
    nm = normalizedCount(middle, nm)
    subtractInPlace(middle, nm, r + 2 * h, normalizedCount(r + 2 * h, na1 + nb1))
    nm = normalizedCount(middle, nm)
    addInPlace(r, na + nb, middle, nm, offset: h)
  }

  // MARK: - Division

  /// `q = a / d`, returns `a % d`, for one nonzero digit `d`. `q` has room for `na` digits
  /// and may alias `a`. CPython: `inplace_divrem1`.
  static func divideByDigit(_ a: Source, _ na: Int, _ d: Digit, into q: Buffer) -> Digit {
    let divisor = UInt64(d)
    var remainder: UInt64 = 0
    var index = na
    while index > 0 {
      index -= 1
      let dividend = (remainder << shift) | UInt64(a[index])
      let quotient = dividend / divisor
      q[index] = Digit(truncatingIfNeeded: quotient)
      remainder = dividend &- quotient &* divisor
    }
    return Digit(truncatingIfNeeded: remainder)
  }

  /// Knuth's algorithm D: `q = u / v`, `r = u % v` for `nv >= 2`, `nu >= nv`, both
  /// normalized. `q` has room for `nu - nv + 1` digits, `r` for `nv`; neither aliases the
  /// inputs. CPython: `x_divrem`.
  static func divide(_ u: Source, _ nu: Int, _ v: Source, _ nv: Int, quotient q: Buffer, remainder r: Buffer) {
    // D1: scale so that the divisor's top digit has its top (30th) bit set.
    let scale = v[nv - 1].leadingZeroBitCount - 2
    withUnsafeTemporaryAllocation(of: Digit.self, capacity: nu + 1 + nv) { scratch in
      let un = scratch.baseAddress!, vn = un + nu + 1
      _ = shiftLeft(v, nv, by: scale, into: vn)
      un[nu] = shiftLeft(u, nu, by: scale, into: un)
      let top = UInt64(vn[nv - 1]), second = UInt64(vn[nv - 2])
      var j = nu - nv
      while j >= 0 {
        // D3: estimate the quotient digit from the top two digits, then correct it.
        let numerator = (UInt64(un[j + nv]) << shift) | UInt64(un[j + nv - 1])
        var qhat = numerator / top
        var rhat = numerator &- qhat &* top
        while qhat >= base || qhat &* second > ((rhat << shift) | UInt64(un[j + nv - 2])) {
          qhat -= 1
          rhat += top
          if rhat >= base { break }
        }
        // D4: multiply and subtract.
        var carry: UInt64 = 0
        var borrow: Int64 = 0
        for i in 0..<nv {
          let product = qhat &* UInt64(vn[i]) &+ carry
          carry = product >> shift
          let difference = Int64(un[i + j]) - Int64(product & mask64) + borrow
          un[i + j] = Digit(truncatingIfNeeded: difference) & mask
          borrow = difference >> shift
        }
        let difference = Int64(un[j + nv]) - Int64(carry) + borrow
        un[j + nv] = Digit(truncatingIfNeeded: difference) & mask
        // D6: the estimate was one too large (rare): add the divisor back.
        if difference < 0 {
          qhat -= 1
          var sum: Digit = 0
          for i in 0..<nv {
            sum &+= un[i + j] &+ vn[i]
            un[i + j] = sum & mask
            sum >>= shift
          }
          un[j + nv] = (un[j + nv] &+ sum) & mask
        }
        q[j] = Digit(truncatingIfNeeded: qhat)
        j -= 1
      }
      // D8: unscale the remainder.
      shiftRight(un, nv, by: scale, into: r)
    }
  }

  // MARK: - Shifts within a digit

  /// `r = a << bits` for `0 <= bits < 30`, `na` digits; returns the digit shifted out of the
  /// top. `r` may alias `a`.
  @discardableResult
  static func shiftLeft(_ a: Source, _ na: Int, by bits: Int, into r: Buffer) -> Digit {
    var carry: Digit = 0
    for index in 0..<na {
      let wide = (UInt64(a[index]) << bits) | UInt64(carry)
      r[index] = Digit(truncatingIfNeeded: wide) & mask
      carry = Digit(truncatingIfNeeded: wide >> shift)
    }
    return carry
  }

  /// `r = a >> bits` for `0 <= bits < 30`, `na` digits; returns the bits shifted out of the
  /// bottom (as the low `bits` bits). `r` may alias `a`.
  @discardableResult
  static func shiftRight(_ a: Source, _ na: Int, by bits: Int, into r: Buffer) -> Digit {
    var carry: Digit = 0
    let lowMask: Digit = (1 << Digit(bits)) &- 1
    var index = na
    while index > 0 {
      index -= 1
      let digit = a[index]
      r[index] = ((digit >> Digit(bits)) | (carry << Digit(shift - bits))) & mask
      carry = digit & lowMask
    }
    return carry
  }

  // MARK: - Machine words

  /// Writes `value` as digits into `r` (room for 3 digits); returns the normalized count.
  @inline(__always)
  static func store(_ value: UInt, into r: Buffer) -> Int {
    var value = value
    var count = 0
    while value != 0 {
      r[count] = Digit(truncatingIfNeeded: value) & mask
      value >>= UInt(shift)
      count += 1
    }
    return count
  }

  /// The magnitude as a `UInt`, or nil when it needs more than 64 bits.
  static func load(_ a: Source, _ na: Int) -> UInt? {
    guard na <= 3 else { return nil }
    if na == 3 && a[2] >= (1 << 4) { return nil }
    var value: UInt = 0
    var index = na
    while index > 0 {
      index -= 1
      value = (value << UInt(shift)) | UInt(a[index])
    }
    return value
  }

  /// The top 62 bits of the magnitude with a sticky low bit, and the power of two it must be
  /// scaled by: `a ≈ mantissa · 2^exponent`, exact when `exponent == 0`. For correctly
  /// rounded conversions to `Double` (see ``roundedDouble(_:exponent:)``).
  static func topBits(_ a: Source, _ na: Int) -> (mantissa: UInt64, exponent: Int) {
    let bits = bitLength(a, na)
    if bits <= 62 { return (UInt64(load(a, na)!), 0) }
    let drop = bits - 62
    let first = drop / shift, offset = drop % shift
    // Bits drop ..< bits: the number has no bits above them, so nothing spills past bit 62.
    var mantissa: UInt64 = 0
    var gathered = 0
    var index = first
    var skip = offset
    while index < na {
      mantissa |= UInt64(a[index] >> Digit(skip)) << UInt64(gathered)
      gathered += shift - skip
      skip = 0
      index += 1
    }
    var sticky = a[first] & ((1 << Digit(offset)) &- 1) != 0
    var lower = first
    while !sticky && lower > 0 {
      lower -= 1
      if a[lower] != 0 { sticky = true }
    }
    return (mantissa | (sticky ? 1 : 0), drop)
  }

  /// `mantissa · 2^exponent` rounded once to the nearest `Double` (ties to even), with
  /// subnormal results rounded at their own precision; `.infinity` when it overflows.
  /// A caller that dropped nonzero bits below `mantissa` ORs 1 into its lowest bit (sticky),
  /// which is sound as long as at least two more bits than kept are present.
  static func roundedDouble(_ mantissa: UInt64, exponent: Int) -> Double {
    guard mantissa != 0 else { return 0 }
    let length = 64 - mantissa.leadingZeroBitCount
    let top = length - 1 + exponent                    // value in [2^top, 2^(top+1))
    if top > 1023 { return .infinity }
    let keep = min(53, top + 1075)                     // bits representable at this scale
    if keep < 0 { return 0 }
    let drop = length - keep
    if drop <= 0 { return Double(sign: .plus, exponent: exponent, significand: Double(mantissa)) }
    var kept = mantissa >> UInt64(drop)
    let rest = drop >= 64 ? mantissa : mantissa & ((1 << UInt64(drop)) &- 1)
    let half: UInt64 = 1 << UInt64(drop - 1)
    if rest > half || (rest == half && kept & 1 == 1) { kept += 1 }
    // Safe: kept <= 2^53, so the conversion is exact and the scaling rounds nothing.
    return Double(sign: .plus, exponent: exponent + drop, significand: Double(kept))
  }
}
