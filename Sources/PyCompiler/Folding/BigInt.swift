/// A signed integer of any size, for constant folding: just the arithmetic Python's `int`
/// operators need, with Python's semantics (floor division, floor modulo, arithmetic right
/// shift, two's-complement bitwise operators).
///
/// Representation: sign and magnitude; the magnitude is little-endian 32-bit limbs without
/// trailing zero limbs (zero is no limbs and never negative).
///
/// Folded results are small (CPython's folder refuses products and powers over 128 bits),
/// but operands can be literals of any size, so every operation works on any size; division
/// and decimal conversion are quadratic, which is fine for the sizes literals have.
struct BigInt: Hashable, Comparable, CustomStringConvertible {
  private(set) var negative: Bool
  private(set) var limbs: [UInt32]

  init(negative: Bool = false, limbs: [UInt32]) {
    var limbs = limbs
    while limbs.last == 0 { limbs.removeLast() }
    self.limbs = limbs
    self.negative = limbs.isEmpty ? false : negative
  }

  init(_ value: Int) {
    let magnitude = value.magnitude
    self.init(negative: value < 0, limbs: [UInt32(truncatingIfNeeded: magnitude), UInt32(truncatingIfNeeded: magnitude >> 32)])
  }

  /// Parses an optional `-` and decimal digits.
  init?(decimal text: String) {
    var digits = Substring(text)
    var negative = false
    if digits.first == "-" {
      negative = true
      digits = digits.dropFirst()
    }
    guard !digits.isEmpty else { return nil }
    var limbs: [UInt32] = []
    for character in digits {
      guard let digit = character.wholeNumberValue, character.isASCII else { return nil }
      BigInt.multiplyAdd(&limbs, 10, UInt32(digit))
    }
    self.init(negative: negative, limbs: limbs)
  }

  static let zero = BigInt(negative: false, limbs: [])
  static let one = BigInt(1)

  var isZero: Bool { limbs.isEmpty }

  /// The value as an `Int`, if it fits.
  var intValue: Int? {
    guard limbs.count <= 2 else { return nil }
    var magnitude: UInt64 = 0
    for (i, limb) in limbs.enumerated() { magnitude |= UInt64(limb) << (32 * UInt64(i)) }
    if negative {
      guard magnitude <= UInt64(Int.max) + 1 else { return nil }
      return magnitude == UInt64(Int.max) + 1 ? Int.min : -Int(magnitude)
    }
    guard magnitude <= UInt64(Int.max) else { return nil }
    return Int(magnitude)
  }

  /// `abs(self).bit_length()` (`_PyLong_NumBits()`).
  var bitWidth: Int {
    guard let last = limbs.last else { return 0 }
    return limbs.count * 32 - last.leadingZeroBitCount
  }

  /// The value as a `Double` when the conversion is exact (|value| <= 2**53), else nil.
  var exactDouble: Double? {
    guard bitWidth <= 53 else { return nil }
    var value = 0.0
    for limb in limbs.reversed() { value = value * 4294967296.0 + Double(limb) }
    return negative ? -value : value
  }

  var description: String { decimalString }

  /// Decimal digits with a leading `-` when negative; no digit limit.
  var decimalString: String {
    if limbs.isEmpty { return "0" }
    var magnitude = limbs
    var chunks: [UInt32] = []
    while !magnitude.isEmpty { chunks.append(BigInt.divide(&magnitude, by: 1_000_000_000)) }
    var text = negative ? "-" : ""
    text += String(chunks.last!)
    for chunk in chunks.dropLast().reversed() {
      let digits = String(chunk)
      text += String(repeating: "0", count: 9 - digits.count) + digits
    }
    return text
  }

  // MARK: Magnitude helpers

  static func multiplyAdd(_ limbs: inout [UInt32], _ factor: UInt32, _ addend: UInt32) {
    var carry = UInt64(addend)
    for i in limbs.indices {
      let product = UInt64(limbs[i]) * UInt64(factor) + carry
      limbs[i] = UInt32(truncatingIfNeeded: product)
      carry = product >> 32
    }
    if carry != 0 { limbs.append(UInt32(carry)) }
  }

  /// Divides a magnitude in place by a one-limb divisor; returns the remainder.
  static func divide(_ limbs: inout [UInt32], by divisor: UInt32) -> UInt32 {
    var remainder: UInt64 = 0
    for i in limbs.indices.reversed() {
      let current = remainder << 32 | UInt64(limbs[i])
      limbs[i] = UInt32(current / UInt64(divisor))
      remainder = current % UInt64(divisor)
    }
    while limbs.last == 0 { limbs.removeLast() }
    return UInt32(remainder)
  }

  private static func compareMagnitudes(_ a: [UInt32], _ b: [UInt32]) -> Int {
    if a.count != b.count { return a.count < b.count ? -1 : 1 }
    for i in a.indices.reversed() where a[i] != b[i] { return a[i] < b[i] ? -1 : 1 }
    return 0
  }

  private static func addMagnitudes(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
    var result: [UInt32] = []
    result.reserveCapacity(max(a.count, b.count) + 1)
    var carry: UInt64 = 0
    for i in 0..<max(a.count, b.count) {
      let sum = UInt64(i < a.count ? a[i] : 0) + UInt64(i < b.count ? b[i] : 0) + carry
      result.append(UInt32(truncatingIfNeeded: sum))
      carry = sum >> 32
    }
    if carry != 0 { result.append(UInt32(carry)) }
    return result
  }

  /// `a - b` for `a >= b`.
  private static func subtractMagnitudes(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
    var result: [UInt32] = []
    result.reserveCapacity(a.count)
    var borrow: Int64 = 0
    for i in a.indices {
      var difference = Int64(a[i]) - Int64(i < b.count ? b[i] : 0) - borrow
      if difference < 0 {
        difference += 1 << 32
        borrow = 1
      } else {
        borrow = 0
      }
      result.append(UInt32(difference))
    }
    while result.last == 0 { result.removeLast() }
    return result
  }

  private static func multiplyMagnitudes(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
    if a.isEmpty || b.isEmpty { return [] }
    var result = [UInt32](repeating: 0, count: a.count + b.count)
    for i in a.indices {
      var carry: UInt64 = 0
      let x = UInt64(a[i])
      for j in b.indices {
        let product = x * UInt64(b[j]) + UInt64(result[i + j]) + carry
        result[i + j] = UInt32(truncatingIfNeeded: product)
        carry = product >> 32
      }
      result[i + b.count] = UInt32(carry)
    }
    while result.last == 0 { result.removeLast() }
    return result
  }

  private static func shiftLeft(_ a: [UInt32], _ bits: Int) -> [UInt32] {
    if a.isEmpty { return [] }
    let limbShift = bits / 32
    let bitShift = bits % 32
    var result = [UInt32](repeating: 0, count: limbShift)
    result.reserveCapacity(limbShift + a.count + 1)
    var carry: UInt32 = 0
    for limb in a {
      result.append(bitShift == 0 ? limb : (limb << UInt32(bitShift)) | carry)
      carry = bitShift == 0 ? 0 : limb >> UInt32(32 - bitShift)
    }
    if carry != 0 { result.append(carry) }
    return result
  }

  private static func shiftRight(_ a: [UInt32], _ bits: Int) -> [UInt32] {
    let limbShift = bits / 32
    if limbShift >= a.count { return [] }
    let bitShift = bits % 32
    var result: [UInt32] = []
    result.reserveCapacity(a.count - limbShift)
    for i in limbShift..<a.count {
      var limb = a[i] >> UInt32(bitShift)
      if bitShift != 0, i + 1 < a.count { limb |= a[i + 1] << UInt32(32 - bitShift) }
      result.append(limb)
    }
    while result.last == 0 { result.removeLast() }
    return result
  }

  /// Truncating division of magnitudes: (quotient, remainder). `b` is not empty.
  private static func divideMagnitudes(_ a: [UInt32], _ b: [UInt32]) -> ([UInt32], [UInt32]) {
    if compareMagnitudes(a, b) < 0 { return ([], a) }
    if b.count == 1 {
      var quotient = a
      let remainder = divide(&quotient, by: b[0])
      return (quotient, remainder == 0 ? [] : [remainder])
    }
    // Bit by bit: shift-and-subtract. Quadratic, but only literals this large get here.
    var quotient = [UInt32](repeating: 0, count: a.count)
    var remainder: [UInt32] = []
    let width = a.count * 32 - a.last!.leadingZeroBitCount
    for bit in stride(from: width - 1, through: 0, by: -1) {
      remainder = shiftLeft(remainder, 1)
      if (a[bit / 32] >> UInt32(bit % 32)) & 1 == 1 {
        if remainder.isEmpty { remainder = [1] } else { remainder[0] |= 1 }
      }
      if compareMagnitudes(remainder, b) >= 0 {
        remainder = subtractMagnitudes(remainder, b)
        quotient[bit / 32] |= 1 << UInt32(bit % 32)
      }
    }
    while quotient.last == 0 { quotient.removeLast() }
    return (quotient, remainder)
  }

  // MARK: Arithmetic

  static func < (lhs: BigInt, rhs: BigInt) -> Bool {
    if lhs.negative != rhs.negative { return lhs.negative }
    let order = compareMagnitudes(lhs.limbs, rhs.limbs)
    return lhs.negative ? order > 0 : order < 0
  }

  static prefix func - (value: BigInt) -> BigInt { BigInt(negative: !value.negative, limbs: value.limbs) }

  static func + (lhs: BigInt, rhs: BigInt) -> BigInt {
    if lhs.negative == rhs.negative {
      return BigInt(negative: lhs.negative, limbs: addMagnitudes(lhs.limbs, rhs.limbs))
    }
    if compareMagnitudes(lhs.limbs, rhs.limbs) >= 0 {
      return BigInt(negative: lhs.negative, limbs: subtractMagnitudes(lhs.limbs, rhs.limbs))
    }
    return BigInt(negative: rhs.negative, limbs: subtractMagnitudes(rhs.limbs, lhs.limbs))
  }

  static func - (lhs: BigInt, rhs: BigInt) -> BigInt { lhs + (-rhs) }

  static func * (lhs: BigInt, rhs: BigInt) -> BigInt {
    BigInt(negative: lhs.negative != rhs.negative, limbs: multiplyMagnitudes(lhs.limbs, rhs.limbs))
  }

  /// Python's `divmod`: the quotient rounds toward negative infinity and the remainder has
  /// the divisor's sign. Nil when dividing by zero.
  func floorDivMod(_ divisor: BigInt) -> (quotient: BigInt, remainder: BigInt)? {
    if divisor.isZero { return nil }
    let (q, r) = BigInt.divideMagnitudes(limbs, divisor.limbs)
    var quotient = BigInt(negative: negative != divisor.negative, limbs: q)
    var remainder = BigInt(negative: negative, limbs: r)
    if !remainder.isZero && remainder.negative != divisor.negative {
      quotient = quotient - .one
      remainder = remainder + divisor
    }
    return (quotient, remainder)
  }

  func shiftedLeft(_ bits: Int) -> BigInt { BigInt(negative: negative, limbs: BigInt.shiftLeft(limbs, bits)) }

  /// Arithmetic shift (rounds toward negative infinity, as Python's `>>`).
  func shiftedRight(_ bits: Int) -> BigInt {
    if !negative { return BigInt(negative: false, limbs: BigInt.shiftRight(limbs, bits)) }
    // -((|x| - 1) >> n) - 1
    let magnitudeMinusOne = BigInt(negative: false, limbs: limbs) - .one
    return -BigInt(negative: false, limbs: BigInt.shiftRight(magnitudeMinusOne.limbs, bits)) - .one
  }

  func power(_ exponent: Int) -> BigInt {
    var result = BigInt.one
    var base = self
    var e = exponent
    while e > 0 {
      if e & 1 == 1 { result = result * base }
      e >>= 1
      if e > 0 { base = base * base }
    }
    return result
  }

  // MARK: Bitwise (two's complement)

  /// The two's-complement limbs of the value, `count` limbs wide.
  private func twosComplement(_ count: Int) -> [UInt32] {
    var result = limbs + [UInt32](repeating: 0, count: count - limbs.count)
    if negative {
      var carry: UInt64 = 1
      for i in result.indices {
        let value = UInt64(~result[i]) + carry
        result[i] = UInt32(truncatingIfNeeded: value)
        carry = value >> 32
      }
    }
    return result
  }

  private static func fromTwosComplement(_ words: [UInt32]) -> BigInt {
    guard let top = words.last, top & 0x8000_0000 != 0 else { return BigInt(negative: false, limbs: words) }
    var magnitude = words
    var carry: UInt64 = 1
    for i in magnitude.indices {
      let value = UInt64(~magnitude[i]) + carry
      magnitude[i] = UInt32(truncatingIfNeeded: value)
      carry = value >> 32
    }
    return BigInt(negative: true, limbs: magnitude)
  }

  private static func bitwise(_ a: BigInt, _ b: BigInt, _ operation: (UInt32, UInt32) -> UInt32) -> BigInt {
    let count = max(a.limbs.count, b.limbs.count) + 1
    let x = a.twosComplement(count)
    let y = b.twosComplement(count)
    return fromTwosComplement((0..<count).map { operation(x[$0], y[$0]) })
  }

  static func & (lhs: BigInt, rhs: BigInt) -> BigInt { bitwise(lhs, rhs, &) }
  static func | (lhs: BigInt, rhs: BigInt) -> BigInt { bitwise(lhs, rhs, |) }
  static func ^ (lhs: BigInt, rhs: BigInt) -> BigInt { bitwise(lhs, rhs, ^) }
  static prefix func ~ (value: BigInt) -> BigInt { -value - .one }
}
