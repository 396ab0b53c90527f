/// `array.array`: a sequence of machine numbers of one type (the typecode), stored
/// unboxed in one block that grows like CPython's.
///
/// ```
///   -16 GC header | 0 refcount | 8 type | 16 ob_size (items) | 24 items (mem domain)
///   | 32 allocated (items) | 40 typecode | 48 weaklist | 56 exports (always 0)
/// ```
/// `sys.getsizeof(array('i', [1, 2]))` is 64 + 4 × allocated + the 16-byte GC header, as
/// in CPython 3.11 (whose array type is a GC heap type). Growth follows `array_resize`:
/// room for 1/16 more plus 3 (small arrays) or 7, and a shrink only when 16 or more items
/// are dropped at once. CPython: Modules/arraymodule.c.
enum ArrayObject {
  static let itemsOffset = 24
  static let allocatedOffset = 32
  static let typecodeOffset = 40
  static let weakListOffset = 48
  static let basicSize = 64

  /// The typecodes, in the order `array.typecodes` lists them.
  static let typecodes: [UInt8] = Array("bBuhHiIlLqQfd".utf8)

  static func itemSize(_ code: UInt8) -> Int {
    switch code {
    case UInt8(ascii: "b"), UInt8(ascii: "B"): return 1
    case UInt8(ascii: "h"), UInt8(ascii: "H"): return 2
    case UInt8(ascii: "i"), UInt8(ascii: "I"), UInt8(ascii: "f"), UInt8(ascii: "u"): return 4
    default: return 8
    }
  }

  @inline(__always)
  static func items(_ array: PyRef) -> UnsafeMutableRawPointer? {
    array.raw.load(fromByteOffset: itemsOffset, as: UnsafeMutableRawPointer?.self)
  }

  @inline(__always)
  static func setItems(_ array: PyRef, _ items: UnsafeMutableRawPointer?) {
    array.raw.storeBytes(of: items, toByteOffset: itemsOffset, as: UnsafeMutableRawPointer?.self)
  }

  @inline(__always)
  static func allocated(_ array: PyRef) -> Int { array.raw.load(fromByteOffset: allocatedOffset, as: Int.self) }

  @inline(__always)
  static func setAllocated(_ array: PyRef, _ count: Int) {
    array.raw.storeBytes(of: count, toByteOffset: allocatedOffset, as: Int.self)
  }

  @inline(__always)
  static func typecode(_ array: PyRef) -> UInt8 { array.raw.load(fromByteOffset: typecodeOffset, as: UInt8.self) }

  @inline(__always)
  static func itemSize(of array: PyRef) -> Int { itemSize(typecode(array)) }

  static func typecodeString(_ code: UInt8) -> String { String(UnicodeScalar(code)) }

  static let dealloc: Slot.Dealloc = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let array = PyRef(raw)
    rt.untrack(array)
    rt.clearWeakReferences(array)
    if let items = items(array) { rt.freeMemory(items) }
    rt.freeObject(array)
  }

  /// Holds no references; traversed only so the collector may walk it like any GC object.
  static let traverse: Slot.Traverse = { _, _, _ in 0 }
}

extension RuntimeRef {
  /// Whether `object` is an `array.array` (or a subclass instance).
  func isArray(_ object: PyRef) -> Bool {
    guard object.type.record.pointee.kind == .other, let type = state.pointee.types.byName["array.array"] else {
      return false
    }
    return isInstance(object, type)
  }

  /// `newarrayobject`: an array of `type` with room for exactly `count` items, all unset.
  func newArray(_ type: PyType, typecode: UInt8, count: Int) -> PyRef? {
    let itemSize = ArrayObject.itemSize(typecode)
    guard count <= Int.max / itemSize else {
      raise("MemoryError")
      return nil
    }
    var items: UnsafeMutableRawPointer? = nil
    if count > 0 {
      guard let block = allocateMemory(count * itemSize) else { return nil }
      items = block
    }
    guard let array = allocateObject(type) else {
      if let items { freeMemory(items) }
      return nil
    }
    array.size = count
    ArrayObject.setItems(array, items)
    ArrayObject.setAllocated(array, count)
    array.raw.storeBytes(of: Int(typecode), toByteOffset: ArrayObject.typecodeOffset, as: Int.self)
    array.storeRef(nil, at: ArrayObject.weakListOffset)
    array.raw.storeBytes(of: 0, toByteOffset: 56, as: Int.self)
    initializeInstanceSlots(array)
    track(array)
    return array
  }

  /// `array_resize`: makes the array `newCount` items long, keeping the block when it is
  /// big enough and not 16 or more items too big.
  func arrayResize(_ array: PyRef, _ newCount: Int) -> Bool {
    let allocated = ArrayObject.allocated(array)
    if allocated >= newCount && array.size < newCount + 16 && ArrayObject.items(array) != nil {
      array.size = newCount
      return true
    }
    if newCount == 0 {
      if let items = ArrayObject.items(array) { freeMemory(items) }
      ArrayObject.setItems(array, nil)
      array.size = 0
      ArrayObject.setAllocated(array, 0)
      return true
    }
    let capacity = (newCount >> 4) + (array.size < 8 ? 3 : 7) + newCount
    let itemSize = ArrayObject.itemSize(of: array)
    guard capacity <= Int.max / itemSize, let block = reallocateMemory(ArrayObject.items(array), capacity * itemSize) else {
      if !hasError { raise("MemoryError") }
      return false
    }
    ArrayObject.setItems(array, block)
    array.size = newCount
    ArrayObject.setAllocated(array, capacity)
    return true
  }

  /// Item `index` as a Python object (`getarrayitem`).
  func arrayItem(_ array: PyRef, _ index: Int) -> PyRef? {
    let base = ArrayObject.items(array)!
    switch ArrayObject.typecode(array) {
    case UInt8(ascii: "b"): return newInt(Int(base.load(fromByteOffset: index, as: Int8.self)))
    case UInt8(ascii: "B"): return newInt(Int(base.load(fromByteOffset: index, as: UInt8.self)))
    case UInt8(ascii: "h"): return newInt(Int(base.load(fromByteOffset: index * 2, as: Int16.self)))
    case UInt8(ascii: "H"): return newInt(Int(base.load(fromByteOffset: index * 2, as: UInt16.self)))
    case UInt8(ascii: "i"): return newInt(Int(base.load(fromByteOffset: index * 4, as: Int32.self)))
    case UInt8(ascii: "I"): return newInt(Int(base.load(fromByteOffset: index * 4, as: UInt32.self)))
    case UInt8(ascii: "l"), UInt8(ascii: "q"): return newInt(base.load(fromByteOffset: index * 8, as: Int.self))
    case UInt8(ascii: "L"), UInt8(ascii: "Q"): return newInt(base.load(fromByteOffset: index * 8, as: UInt.self))
    case UInt8(ascii: "f"): return newFloat(Double(base.load(fromByteOffset: index * 4, as: Float.self)))
    case UInt8(ascii: "d"): return newFloat(base.load(fromByteOffset: index * 8, as: Double.self))
    default:
      let code = base.load(fromByteOffset: index * 4, as: UInt32.self)
      guard let scalar = Unicode.Scalar(code) else {
        raise("ValueError", "character U+\(String(code, radix: 16)) is not in range [U+0000; U+10ffff]")
        return nil
      }
      return newStr(String(Character(scalar)))
    }
  }

  /// The value of `value` as the bytes of one item of an array of `typecode`, with the
  /// conversions and messages of CPython's `*_setitem` functions (which go through
  /// `PyArg_Parse` formats `h`, `b`, `i`, `l`, `L` or C's unsigned conversions).
  func arrayItemBits(_ value: PyRef, typecode: UInt8) -> UInt64? {
    func signed(_ minimum: Int, _ maximum: Int, _ name: String) -> Int? {
      guard let integer = index(value) else { return nil }
      defer { decref(integer) }
      guard let number = IntObject.exactValue(integer) else {
        raise("OverflowError", "Python int too large to convert to C long")
        return nil
      }
      if number < minimum {
        raise("OverflowError", "\(name) is less than minimum")
        return nil
      }
      if number > maximum {
        raise("OverflowError", "\(name) is greater than maximum")
        return nil
      }
      return number
    }
    func unsigned(negative: String, tooLarge: String) -> UInt? {
      guard let integer = index(value) else { return nil }
      defer { decref(integer) }
      if IntObject.isNegative(integer) {
        raise("OverflowError", negative)
        return nil
      }
      guard let number = IntDigits.load(IntObject.digits(integer), IntObject.digitCount(integer)) else {
        raise("OverflowError", tooLarge)
        return nil
      }
      return number
    }
    switch typecode {
    case UInt8(ascii: "b"):
      guard let wide = signed(Int(Int16.min), Int(Int16.max), "signed short integer"),
            let number = narrow(wide, Int(Int8.min), Int(Int8.max), "signed char") else { return nil }
      return UInt64(UInt8(bitPattern: Int8(number)))
    case UInt8(ascii: "B"):
      guard let number = signed(0, Int(UInt8.max), "unsigned byte integer") else { return nil }
      return UInt64(number)
    case UInt8(ascii: "h"):
      guard let number = signed(Int(Int16.min), Int(Int16.max), "signed short integer") else { return nil }
      return UInt64(UInt16(bitPattern: Int16(number)))
    case UInt8(ascii: "H"):
      guard let wide = signed(Int(Int32.min), Int(Int32.max), "signed integer"),
            let number = narrow(wide, 0, Int(UInt16.max), "unsigned short") else { return nil }
      return UInt64(number)
    case UInt8(ascii: "i"):
      guard let number = signed(Int(Int32.min), Int(Int32.max), "signed integer") else { return nil }
      return UInt64(UInt32(bitPattern: Int32(number)))
    case UInt8(ascii: "I"):
      guard let number = unsigned(negative: "can't convert negative value to unsigned int",
                                  tooLarge: "Python int too large to convert to C unsigned long") else { return nil }
      guard number <= UInt(UInt32.max) else {
        raise("OverflowError", "unsigned int is greater than maximum")
        return nil
      }
      return UInt64(number)
    case UInt8(ascii: "l"):
      guard let number = signed(Int.min, Int.max, "") else { return nil }
      return UInt64(bitPattern: Int64(number))
    case UInt8(ascii: "L"):
      return unsigned(negative: "can't convert negative value to unsigned int",
                      tooLarge: "Python int too large to convert to C unsigned long").map { UInt64($0) }
    case UInt8(ascii: "q"):
      guard let integer = index(value) else { return nil }
      defer { decref(integer) }
      guard let number = IntObject.exactValue(integer) else {
        raise("OverflowError", "int too big to convert")
        return nil
      }
      return UInt64(bitPattern: Int64(number))
    case UInt8(ascii: "Q"):
      return unsigned(negative: "can't convert negative int to unsigned", tooLarge: "int too big to convert").map { UInt64($0) }
    case UInt8(ascii: "f"):
      guard let number = asDouble(value) else { return nil }
      return UInt64(Float(number).bitPattern)
    case UInt8(ascii: "d"):
      guard let number = asDouble(value) else { return nil }
      return number.bitPattern
    default:
      guard isInstance(value, state.pointee.types.str) else {
        raise("TypeError", "array item must be unicode character")
        return nil
      }
      let scalars = StrObject.string(value).unicodeScalars
      guard scalars.count == 1 else {
        raise("TypeError", "array item must be unicode character")
        return nil
      }
      return UInt64(scalars.first!.value)
    }
  }

  private func narrow(_ value: Int, _ minimum: Int, _ maximum: Int, _ name: String) -> Int? {
    if value < minimum {
      raise("OverflowError", "\(name) is less than minimum")
      return nil
    }
    if value > maximum {
      raise("OverflowError", "\(name) is greater than maximum")
      return nil
    }
    return value
  }

  /// Stores the bits of one item (from ``arrayItemBits(_:typecode:)``) at `index`.
  @inline(__always)
  func storeArrayBits(_ array: PyRef, _ index: Int, _ bits: UInt64) {
    let base = ArrayObject.items(array)!
    switch ArrayObject.itemSize(of: array) {
    case 1: base.storeBytes(of: UInt8(truncatingIfNeeded: bits), toByteOffset: index, as: UInt8.self)
    case 2: base.storeBytes(of: UInt16(truncatingIfNeeded: bits), toByteOffset: index * 2, as: UInt16.self)
    case 4: base.storeBytes(of: UInt32(truncatingIfNeeded: bits), toByteOffset: index * 4, as: UInt32.self)
    default: base.storeBytes(of: bits, toByteOffset: index * 8, as: UInt64.self)
    }
  }

  /// `setarrayitem`: converts `value` and stores it at `index`.
  func arraySetItem(_ array: PyRef, _ index: Int, _ value: PyRef) -> Bool {
    guard let bits = arrayItemBits(value, typecode: ArrayObject.typecode(array)) else { return false }
    storeArrayBits(array, index, bits)
    return true
  }

  /// `ins1`: inserts `value` before `index` (clamped to the array).
  func arrayInsert(_ array: PyRef, _ index: Int, _ value: PyRef) -> Bool {
    guard let bits = arrayItemBits(value, typecode: ArrayObject.typecode(array)) else { return false }
    let count = array.size
    guard arrayResize(array, count + 1) else { return false }
    var position = index
    if position < 0 {
      position += count
      if position < 0 { position = 0 }
    }
    if position > count { position = count }
    let itemSize = ArrayObject.itemSize(of: array)
    if position < count {
      let base = ArrayObject.items(array)!
      (base + (position + 1) * itemSize).copyMemory(from: base + position * itemSize, byteCount: (count - position) * itemSize)
    }
    storeArrayBits(array, position, bits)
    return true
  }

  /// Appends every item of `iterable` one at a time (`array_iter_extend`).
  func arrayExtendIterable(_ array: PyRef, _ iterable: PyRef) -> Bool {
    forEach(iterable) { item in arrayInsert(array, array.size, item) }
  }

  /// Appends the items of another array of the same typecode (`array_do_extend`).
  func arrayExtendArray(_ array: PyRef, _ other: PyRef) -> Bool {
    guard ArrayObject.typecode(other) == ArrayObject.typecode(array) else {
      raise("TypeError", "can only extend with array of same kind")
      return false
    }
    let count = array.size, added = other.size
    guard added <= Int.max - count else {
      raise("MemoryError")
      return false
    }
    guard arrayResize(array, count + added) else { return false }
    if added > 0 {
      let itemSize = ArrayObject.itemSize(of: array)
      // `other` may be `array` itself: its items now live in the resized block.
      let source = ArrayObject.items(other)!
      (ArrayObject.items(array)! + count * itemSize).copyMemory(from: source, byteCount: added * itemSize)
    }
    return true
  }

  /// `array.extend(iterable)`.
  func arrayExtend(_ array: PyRef, _ iterable: PyRef) -> Bool {
    isArray(iterable) ? arrayExtendArray(array, iterable) : arrayExtendIterable(array, iterable)
  }

  /// Removes items `low..<high` (`array_del_slice`).
  func arrayDeleteSlice(_ array: PyRef, _ low: Int, _ high: Int) -> Bool {
    let count = array.size
    let low = max(0, min(low, count)), high = max(low, min(high, count))
    let removed = high - low
    if removed == 0 { return true }
    let itemSize = ArrayObject.itemSize(of: array)
    let base = ArrayObject.items(array)!
    if high < count { (base + low * itemSize).copyMemory(from: base + high * itemSize, byteCount: (count - high) * itemSize) }
    return arrayResize(array, count - removed)
  }

  /// A new array of `array`'s typecode holding the raw bytes `source` (`count` items).
  func newArray(like array: PyRef, copying source: UnsafeRawPointer?, count: Int) -> PyRef? {
    let type = state.pointee.types.byName["array.array"]!
    guard let result = newArray(type, typecode: ArrayObject.typecode(array), count: count) else { return nil }
    if count > 0, let source {
      ArrayObject.items(result)!.copyMemory(from: source, byteCount: count * ArrayObject.itemSize(of: array))
    }
    return result
  }
}
