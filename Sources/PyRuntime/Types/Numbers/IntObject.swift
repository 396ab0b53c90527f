/// The arbitrary-precision integer, in CPython 3.11's layout: a variable-size object whose
/// `ob_size` is the number of 30-bit digits with the sign of the number, digits least
/// significant first. Never tracked, holds no references. Small ints −5…256 are cached and
/// immortal; every operation that produces one of them returns the cached object.
///
/// ```
///    0 +-------------------+
///      | refcount          |
///    8 | type              |  int, or bool (same layout)
///   16 | ob_size: Int      |  ±digit count; 0 for zero
///   24 | digit 0: UInt32   |  bits 0…29 of |value|
///   28 | digit 1 …         |  bits 30…59 …
///      +-------------------+
/// ```
/// At least one digit is always allocated and zero has `digit 0 == 0`, so a value with
/// `|ob_size| <= 1` reads as `digit0 * ob_size` without a branch (CPython 3.11's "medium"
/// ints). `sys.getsizeof` is 24 + 4 × max(|ob_size|, 1): `0` → 28, `1` → 28, `2**30` → 32.
/// CPython: Include/cpython/longintrepr.h, Objects/longobject.c.
public enum IntObject {
  static let sizeOffset = 16
  static let digitsOffset = 24
  static let basicSize = 24
  static let digitSize = 4
  static let smallNegative = 5
  static let smallPositive = 257
  /// The most digits an int may have (`MAX_LONG_DIGITS`): its size must fit in `Int`.
  static let maxDigitCount = (Int.max - 24) / 4

  /// The digits of `object` (int or bool).
  @inlinable @inline(__always)
  static func digits(_ object: PyRef) -> UnsafeMutablePointer<UInt32> {
    (object.raw + 24).assumingMemoryBound(to: UInt32.self)
  }

  /// |ob_size|: the number of significant digits.
  @inline(__always)
  static func digitCount(_ object: PyRef) -> Int { abs(object.size) }

  @inline(__always)
  static func isNegative(_ object: PyRef) -> Bool { object.size < 0 }

  /// One digit or zero: the value is `digit0 * ob_size`.
  @inlinable @inline(__always)
  static func isCompact(_ object: PyRef) -> Bool {
    // Safe: ob_size is far from Int.max, and −1…1 maps to 0…2.
    UInt(bitPattern: object.size &+ 1) <= 2
  }

  /// The value of a compact int (``isCompact(_:)``).
  @inlinable @inline(__always)
  static func compactValue(_ object: PyRef) -> Int {
    Int(digits(object)[0]) &* object.size
  }

  /// The value of an int that fits in `Int` (what the tests and small-value callers use).
  /// - Precondition: the value fits.
  public static func value(_ object: PyRef) -> Int {
    guard let value = exactValue(object) else { preconditionFailure("IntObject.value: the int does not fit in Int") }
    return value
  }

  /// The value as `Int`, or nil when it does not fit.
  public static func exactValue(_ object: PyRef) -> Int? {
    if isCompact(object) { return compactValue(object) }
    guard let magnitude = IntDigits.load(digits(object), digitCount(object)) else { return nil }
    if isNegative(object) {
      if magnitude == UInt(bitPattern: Int.min) { return Int.min }
      return magnitude <= UInt(Int.max) ? -Int(magnitude) : nil
    }
    return magnitude <= UInt(Int.max) ? Int(magnitude) : nil
  }

  /// `__sizeof__`: the header and the allocated digits (at least one).
  public static func sizeInBytes(_ object: PyRef) -> Int {
    basicSize + digitSize * max(digitCount(object), 1)
  }

  static func makeType(_ rt: RuntimeRef) -> PyType {
    rt.makeType(name: "int", basicSize: basicSize, itemSize: digitSize, flags: [.varSized],
                dealloc: deallocPlain, hash: hashSlot, equal: NumberEquality.equalSlot)
  }

  static let hashSlot: Slot.Hash = { object, _ in
    IntObject.hash(PyRef(object))
  }

  /// Makes the immortal small ints −5…256 (bootstrap).
  static func makeSmallInts(_ rt: RuntimeRef) {
    for index in 0..<(smallNegative + smallPositive) {
      let int = rt.makeImmortalInt(rt.state.pointee.types.int, value: index - smallNegative)
      (rt.state.pointee.smallInts + index).initialize(to: int)
    }
  }
}

extension RuntimeRef {
  /// Whether `object` has the int layout: an int, a bool, or an instance of a subclass of
  /// int (`PyLong_Check`).
  @inlinable @inline(__always)
  public func isInt(_ object: PyRef) -> Bool {
    let kind = object.type.record.pointee.kind
    return kind == .int || kind == .bool
  }

  /// Whether `object` is exactly an int (`PyLong_CheckExact`): not a bool, not a subclass.
  @inlinable @inline(__always)
  public func isExactInt(_ object: PyRef) -> Bool { object.type == state.pointee.types.int }

  /// A new reference to an int with `value`; cached for −5…256.
  public func newInt(_ value: Int) -> PyRef? {
    if value >= -IntObject.smallNegative && value < IntObject.smallPositive {
      return smallInt(value)
    }
    return newIntUncached(magnitude: value.magnitude, negative: value < 0)
  }

  /// A new reference to an int with `value`.
  public func newInt(_ value: UInt) -> PyRef? {
    if value < UInt(IntObject.smallPositive) { return smallInt(Int(value)) }
    return newIntUncached(magnitude: value, negative: false)
  }

  /// The cached small int `value` (−5…256), as a new reference.
  @inline(__always)
  func smallInt(_ value: Int) -> PyRef {
    // Safe: callers check −5 <= value < 257.
    let cached = state.pointee.smallInts[value &+ IntObject.smallNegative]
    cached.incref()
    return cached
  }

  private func newIntUncached(magnitude: UInt, negative: Bool) -> PyRef? {
    // Exactly the 30-bit digits the value needs, as CPython sizes it: a one-digit int is a
    // 28-byte object in a 32-byte block, the same size class as CPython's.
    let digitCount = magnitude < 1 << 30 ? 1 : magnitude < 1 << 60 ? 2 : 3
    guard let object = allocateInt(digitCount: digitCount) else { return nil }
    let count = IntDigits.store(magnitude, into: IntDigits.digits(object))
    object.size = negative ? -count : count
    return object
  }

  /// Allocates an int with room for `digitCount` digits (at least one); `ob_size` and the
  /// digits are left for the caller. Nil with `MemoryError` set on failure.
  @inline(__always)
  func allocateInt(digitCount: Int) -> PyRef? {
    allocateObject(state.pointee.types.int, itemCount: max(digitCount, 1))
  }

  /// Finishes an int built in place: drops leading zero digits, sets `ob_size` with the
  /// sign, and replaces a small value by the cached object (freeing `object`).
  /// CPython: `long_normalize`, `maybe_small_long`.
  func finishInt(_ object: PyRef, count: Int, negative: Bool) -> PyRef {
    let digits = IntObject.digits(object)
    let count = IntDigits.normalizedCount(digits, count)
    if count <= 1 {
      let magnitude = count == 0 ? 0 : Int(digits[0])
      let value = negative ? -magnitude : magnitude
      // Zero is small, so an object that survives here has one significant digit.
      if value >= -IntObject.smallNegative && value < IntObject.smallPositive {
        freeObject(object)
        return smallInt(value)
      }
    }
    object.size = negative && count > 0 ? -count : count
    return object
  }

  /// A new int holding a copy of `digits` with the given sign (normalized here).
  func newInt(digits source: UnsafePointer<UInt32>, count: Int, negative: Bool) -> PyRef? {
    let count = IntDigits.normalizedCount(source, count)
    if count <= 1 {
      let magnitude = count == 0 ? 0 : Int(source[0])
      return newInt(negative ? -magnitude : magnitude)
    }
    guard let object = allocateInt(digitCount: count) else { return nil }
    IntObject.digits(object).update(from: source, count: count)
    object.size = negative ? -count : count
    return object
  }

  /// An immortal int of `type` (int or bool) holding a small `value` (bootstrap).
  func makeImmortalInt(_ type: PyType, value: Int) -> PyRef {
    guard let object = allocateObject(type, itemCount: 1) else {
      preconditionFailure("Runtime: the heap limit is too small for the built-in objects")
    }
    object.refcount = ObjectLayout.immortalRefcount
    IntObject.digits(object)[0] = UInt32(value.magnitude)
    object.size = value.signum()
    return object
  }
}

extension IntDigits {
  /// The digits of an int object, as the algorithms take them.
  @inline(__always)
  static func digits(_ object: PyRef) -> Buffer { IntObject.digits(object) }
}
