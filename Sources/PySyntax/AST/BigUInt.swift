/// A non-negative integer of any size: the value of an `int` literal.
///
/// Python's `int` has no size limit, and a literal may be longer than 64 bits
/// (`0xffffffffffffffffffffffffffffffff`). This type does only what the parser and the dump
/// need: build the value from the digits of a literal, and print it in decimal.
///
/// Representation: values below 2^64 are stored inline; larger ones as little-endian 32-bit
/// limbs without trailing zero limbs.
///
/// Complexity: building from a power-of-two base is linear in the number of digits; building
/// from decimal digits and printing in decimal are quadratic, as in CPython. Both are
/// bounded by CPython's limit of 4,300 decimal digits (``maxDecimalDigits``): the parser
/// rejects longer decimal literals and ``decimalString()`` refuses longer values, as
/// CPython's `int(…)` and `str(int)` do.
///
/// CPython: Objects/longobject.c, `PyLong_FromString()`, `long_to_decimal_string()`,
/// `_PY_LONG_DEFAULT_MAX_STR_DIGITS`.
public struct BigUInt: Hashable, Sendable, CustomStringConvertible {
  enum Storage: Hashable, Sendable {
    case small(UInt64)
    case large([UInt32])
  }

  var storage: Storage

  /// CPython's default `sys.get_int_max_str_digits()`.
  public static let maxDecimalDigits = 4300

  public init(_ value: UInt64) { storage = .small(value) }

  /// The value, if it fits in a `UInt64`.
  public var uint64Value: UInt64? {
    if case .small(let value) = storage { return value }
    return nil
  }

  /// The value as little-endian 32-bit limbs without trailing zero limbs (empty for zero),
  /// for code that does arithmetic on literals (the compiler's constant folding).
  public var limbs: [UInt32] {
    switch storage {
    case .small(let value):
      if value == 0 { return [] }
      let low = UInt32(truncatingIfNeeded: value)
      let high = UInt32(truncatingIfNeeded: value >> 32)
      return high == 0 ? [low] : [low, high]
    case .large(let limbs):
      return limbs
    }
  }

  /// Builds the value from digit values (each `< radix`), most significant first.
  /// - Precondition: `radix` is 2, 8, 10 or 16.
  /// - Complexity: O(n) for 2, 8 and 16; O(n²) for 10.
  public init(digits: [UInt8], radix: Int) {
    var limbs = radix == 10 ? BigUInt.decimalLimbs(digits) : BigUInt.binaryLimbs(digits, radix: radix)
    while limbs.last == 0 { limbs.removeLast() }
    switch limbs.count {
    case 0: storage = .small(0)
    case 1: storage = .small(UInt64(limbs[0]))
    case 2: storage = .small(UInt64(limbs[0]) | UInt64(limbs[1]) << 32)
    default: storage = .large(limbs)
    }
  }

  /// Multiplies and adds digit by digit.
  private static func decimalLimbs(_ digits: [UInt8]) -> [UInt32] {
    var limbs: [UInt32] = []
    var small: UInt64 = 0
    var index = 0
    while index < digits.count, small < UInt64.max / 10 - 10 {
      small = small * 10 + UInt64(digits[index])
      index += 1
    }
    limbs = [UInt32(truncatingIfNeeded: small), UInt32(truncatingIfNeeded: small >> 32)]
    while index < digits.count {
      multiplyAdd(&limbs, 10, UInt32(digits[index]))
      index += 1
    }
    return limbs
  }

  /// Places the bits of each digit, least significant digit first.
  private static func binaryLimbs(_ digits: [UInt8], radix: Int) -> [UInt32] {
    let bitsPerDigit = radix.trailingZeroBitCount
    var limbs = [UInt32](repeating: 0, count: (digits.count * bitsPerDigit + 31) / 32 + 1)
    var bit = 0
    for digit in digits.reversed() {
      let limb = bit / 32
      let shift = bit % 32
      limbs[limb] |= UInt32(digit) << shift
      if shift + bitsPerDigit > 32 { limbs[limb + 1] |= UInt32(digit) >> (32 - shift) }
      bit += bitsPerDigit
    }
    return limbs
  }

  /// `limbs = limbs * factor + addend`.
  static func multiplyAdd(_ limbs: inout [UInt32], _ factor: UInt32, _ addend: UInt32) {
    var carry = UInt64(addend)
    for i in limbs.indices {
      let product = UInt64(limbs[i]) * UInt64(factor) + carry
      limbs[i] = UInt32(truncatingIfNeeded: product)
      carry = product >> 32
    }
    if carry != 0 { limbs.append(UInt32(carry)) }
  }

  /// Number of significant bits.
  public var bitWidth: Int {
    switch storage {
    case .small(let value): return 64 - value.leadingZeroBitCount
    case .large(let limbs): return limbs.count * 32 - limbs.last!.leadingZeroBitCount
    }
  }

  /// The decimal digits, or nil when there would be more than ``maxDecimalDigits`` of them
  /// (CPython raises `ValueError: Exceeds the limit (4300 digits) for integer string
  /// conversion`).
  public func decimalString() -> String? {
    switch storage {
    case .small(let value):
      return String(value)
    case .large(var limbs):
      // 2^14300 > 10^4304, so a wider value certainly has too many digits; a narrower one
      // is converted (at most ~450 limbs) and its digits counted.
      guard bitWidth <= 14_300 else { return nil }
      var chunks: [UInt32] = []  // base 10^9, least significant first
      while !limbs.isEmpty { chunks.append(BigUInt.divide(&limbs, by: 1_000_000_000)) }
      var text = String(chunks.last!)
      for chunk in chunks.dropLast().reversed() {
        let digits = String(chunk)
        text += String(repeating: "0", count: 9 - digits.count) + digits
      }
      return text.utf8.count <= BigUInt.maxDecimalDigits ? text : nil
    }
  }

  /// Divides `limbs` in place and returns the remainder; drops leading zero limbs.
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

  /// Decimal digits, or a note that there are too many.
  public var description: String { decimalString() ?? "<int of \(bitWidth) bits>" }
}
