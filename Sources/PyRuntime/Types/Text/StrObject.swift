/// The text type: CPython 3.11's compact Unicode objects (PEP 393), header and characters
/// in one allocation, each string in the narrowest of three fixed widths.
///
/// ```
///  ASCII (every code point < 128), 48-byte header = PyASCIIObject:
///     0 refcount | 8 type | 16 length | 24 hash (-1 until computed) | 32 state: UInt32
///     | 36 (padding) | 40 wstr (always nil) | 48 data: length + 1 bytes (NUL-terminated)
///
///  compact (any other string), 72-byte header = PyCompactUnicodeObject:
///     0 … 40 as above | 48 utf8_length (0) | 56 utf8 (nil) | 64 wstr_length (0)
///     | 72 data: (length + 1) × kind bytes (NUL-terminated)
///
///  state bits (the C bitfield, low bits first):
///     0–1 interned (0 not, 1 mortal, 2 immortal) | 2–4 kind (1, 2 or 4 bytes per code point)
///     | 5 compact (always) | 6 ascii | 7 ready (always)
/// ```
///
/// Kind 1 holds ASCII or Latin-1 (U+0000…U+00FF), kind 2 the BMP, kind 4 anything. Every
/// string is canonical: its kind is the narrowest that fits its largest code point, so two
/// equal strings always have the same kind and equality is a `memcmp`. So
/// `sys.getsizeof('')` = 48 + 1 = 49, `'a'` = 50, `'é'` = 72 + 2 = 74, `'€'` = 76 and
/// `'😀'` = 80, as in CPython 3.11 (3.12 dropped the wstr fields). The utf8 and wstr caches
/// exist for the sizes only: nothing fills them yet.
///
/// Strings are never tracked, never hold references, and do not accept weak references
/// (`tp_weaklistoffset` 0). A str in the intern table carries the interned state; its
/// dealloc takes it out of the table (CPython 3.11's mortal interned strings).
/// CPython: Include/cpython/unicodeobject.h, Objects/unicodeobject.c.
public enum StrObject {
  static let lengthOffset = 16
  static let hashOffset = 24
  static let stateOffset = 32
  static let wstrOffset = 40
  static let utf8LengthOffset = 48
  static let utf8Offset = 56
  static let wstrLengthOffset = 64
  /// Where a non-compact string (a subclass instance) keeps its data pointer.
  static let dataPointerOffset = 72
  /// `sizeof(PyASCIIObject)`: where an ASCII string's characters start.
  public static let asciiHeaderSize = 48
  /// `sizeof(PyCompactUnicodeObject)`: where other strings' characters start.
  public static let compactHeaderSize = 72
  /// `sizeof(PyUnicodeObject)`, CPython's `str.__basicsize__`.
  static let basicSize = 80

  static let internedMask: UInt32 = 0b11
  static let internedMortal: UInt32 = 1
  static let internedImmortal: UInt32 = 2
  static let kindShift: UInt32 = 2
  static let kindMask: UInt32 = 0b111 << 2
  static let compactBit: UInt32 = 1 << 5
  static let asciiBit: UInt32 = 1 << 6
  static let readyBit: UInt32 = 1 << 7

  /// The largest code point, `sys.maxunicode`.
  public static let maxCodePoint: UInt32 = 0x10FFFF

  static func makeType(_ rt: RuntimeRef) -> PyType {
    let type = rt.makeType(name: "str", basicSize: basicSize, dealloc: dealloc, hash: hash, equal: equal)
    type.record.pointee.kind = .str   // before bootstrap readies it: interning checks the kind
    return type
  }

  // MARK: - Fields

  /// The number of code points (`len(s)`).
  @inlinable @inline(__always)
  public static func length(_ str: PyRef) -> Int { str.raw.load(fromByteOffset: 16, as: Int.self) }

  @inline(__always)
  static func state(_ str: PyRef) -> UInt32 { str.raw.load(fromByteOffset: stateOffset, as: UInt32.self) }

  @inline(__always)
  static func setState(_ str: PyRef, _ value: UInt32) {
    str.raw.storeBytes(of: value, toByteOffset: stateOffset, as: UInt32.self)
  }

  /// Bytes per code point: 1, 2 or 4 (`PyUnicode_KIND`).
  @inline(__always)
  public static func kind(_ str: PyRef) -> Int { Int((state(str) & kindMask) >> kindShift) }

  /// Every code point is below 128 (`PyUnicode_IS_ASCII`).
  @inline(__always)
  public static func isASCII(_ str: PyRef) -> Bool { state(str) & asciiBit != 0 }

  /// 0 (not interned), 1 (interned, mortal) or 2 (interned, immortal).
  static func internedState(_ str: PyRef) -> UInt32 { state(str) & internedMask }

  static func setInternedState(_ str: PyRef, _ value: UInt32) {
    setState(str, (state(str) & ~internedMask) | value)
  }

  /// The first code unit (`PyUnicode_DATA`): right after the header for compact strings,
  /// behind the data pointer for the instances of str subclasses (see ``isCompact(_:)``).
  @inline(__always)
  public static func data(_ str: PyRef) -> UnsafeMutableRawPointer {
    let state = state(str)
    if _fastPath(state & compactBit != 0) {
      return str.raw + (state & asciiBit != 0 ? asciiHeaderSize : compactHeaderSize)
    }
    return str.raw.load(fromByteOffset: dataPointerOffset, as: UnsafeMutableRawPointer.self)
  }

  /// Whether the characters follow the header. Every exact str is compact; an instance of
  /// a str subclass is not (CPython's "legacy" `PyUnicodeObject`): it has the 80-byte
  /// header of `str.__basicsize__`, whose last field points to its characters in a block
  /// of their own, so that the fields the subclass adds can follow the header.
  @inline(__always)
  public static func isCompact(_ str: PyRef) -> Bool { state(str) & compactBit != 0 }

  /// The code point at `index`; no bounds check (`PyUnicode_READ`).
  @inline(__always)
  public static func codePoint(_ str: PyRef, _ index: Int) -> UInt32 {
    view(str)[index]
  }

  @inline(__always)
  static func view(_ str: PyRef) -> StrView {
    StrView(data: UnsafeRawPointer(data(str)), kind: kind(str), count: length(str))
  }

  /// An upper bound of the code points, exact to the kind: 0x7F, 0xFF, 0xFFFF or 0x10FFFF.
  @inline(__always)
  static func maxCharBound(_ str: PyRef) -> UInt32 {
    switch kind(str) {
    case 1: isASCII(str) ? 0x7F : 0xFF
    case 2: 0xFFFF
    default: maxCodePoint
    }
  }

  /// `sys.getsizeof(s)`: the header, the characters and their terminator.
  /// CPython: `unicode___sizeof___impl()`.
  public static func sizeOf(_ str: PyRef) -> Int {
    if !isCompact(str) { return str.type.record.pointee.basicSize + (length(str) + 1) * kind(str) }
    return (isASCII(str) ? asciiHeaderSize : compactHeaderSize) + (length(str) + 1) * kind(str)
  }

  // MARK: - Allocation

  /// The kind a string whose largest code point is `maxChar` must have.
  @inline(__always)
  static func kind(forMaxChar maxChar: UInt32) -> Int {
    maxChar < 0x100 ? 1 : maxChar < 0x10000 ? 2 : 4
  }

  /// A new string of `length` code points, none above `maxChar`, with its header and its
  /// terminating NUL written and its characters uninitialized (`PyUnicode_New`). The caller
  /// must fill every character and must make `maxChar` exact to the kind (the string must be
  /// canonical). MemoryError on failure.
  static func allocate(_ rt: RuntimeRef, length: Int, maxChar: UInt32) -> PyRef? {
    let ascii = maxChar < 0x80
    let kind = kind(forMaxChar: maxChar)
    let header = ascii ? asciiHeaderSize : compactHeaderSize
    let (units, overflow1) = (length + 1).multipliedReportingOverflow(by: kind)
    let (byteCount, overflow2) = units.addingReportingOverflow(header)
    guard length >= 0, !overflow1, !overflow2 else { return rt.raiseMemoryError() }
    guard let block = rt.state.pointee.heap.allocate(byteCount: byteCount) else { return rt.raiseMemoryError() }
    let str = PyRef(block)
    str.refcount = 1
    str.type = rt.state.pointee.types.str
    block.storeBytes(of: length, toByteOffset: lengthOffset, as: Int.self)
    block.storeBytes(of: -1, toByteOffset: hashOffset, as: Int.self)
    let state = (UInt32(kind) << kindShift) | compactBit | readyBit | (ascii ? asciiBit : 0)
    block.storeBytes(of: UInt64(state), toByteOffset: stateOffset, as: UInt64.self)   // and the padding
    block.storeBytes(of: nil, toByteOffset: wstrOffset, as: UnsafeMutableRawPointer?.self)
    if !ascii {
      block.storeBytes(of: 0, toByteOffset: utf8LengthOffset, as: Int.self)
      block.storeBytes(of: nil, toByteOffset: utf8Offset, as: UnsafeMutableRawPointer?.self)
      block.storeBytes(of: 0, toByteOffset: wstrLengthOffset, as: Int.self)
    }
    write(str, length, 0)
    return str
  }

  /// Stores code point `value` at `index` (`PyUnicode_WRITE`); `value` must fit the kind.
  @inline(__always)
  static func write(_ str: PyRef, _ index: Int, _ value: UInt32) {
    let data = data(str)
    switch kind(str) {
    case 1: data.storeBytes(of: UInt8(truncatingIfNeeded: value), toByteOffset: index, as: UInt8.self)
    case 2: data.storeBytes(of: UInt16(truncatingIfNeeded: value), toByteOffset: index &* 2, as: UInt16.self)
    default: data.storeBytes(of: value, toByteOffset: index &* 4, as: UInt32.self)
    }
  }

  // MARK: - Slots

  /// A mortal interned string leaves the table as it dies (CPython 3.11's `unicode_dealloc`
  /// for `SSTATE_INTERNED_MORTAL`; the table's reference was never counted).
  static let dealloc: Slot.Dealloc = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let str = PyRef(raw)
    // A subclass instance may be tracked (if its class gave it a GC header).
    if str.type.isGC { rt.untrack(str) }
    if internedState(str) == internedMortal { rt.internTableRemove(str) }
    if !isCompact(str) { rt.freeMemory(str.raw.load(fromByteOffset: dataPointerOffset, as: UnsafeMutableRawPointer?.self)) }
    rt.freeObject(str)
  }

  /// SipHash-1-3 of the code units as stored, cached in the object.
  static let hash: Slot.Hash = { raw, runtime in
    let str = PyRef(raw)
    let cached = str.raw.load(fromByteOffset: hashOffset, as: Int.self)
    if cached != -1 { return cached }
    let key = RuntimeRef(raw: runtime).state.pointee.text.hashKey
    let value = TextHash.hash(data(str), count: length(str) &* kind(str), key: key)
    str.raw.storeBytes(of: value, toByteOffset: hashOffset, as: Int.self)
    return value
  }

  /// Equal to another str with the same code points; never equal to anything else.
  /// (A subclass keeps this slot only while it defines neither `__eq__` nor `__hash__`, so
  /// its instances compare by value too.)
  static let equal: Slot.Equal = { a, b, runtime in
    let left = PyRef(a), right = PyRef(b)
    guard left.type.record.pointee.kind == .str, right.type.record.pointee.kind == .str else { return a == b ? 1 : 0 }
    return StrObject.equals(left, right) ? 1 : 0
  }

  /// Same code points. Canonical kinds make this a length check and one `memcmp`.
  /// CPython: `unicode_compare_eq()`.
  public static func equals(_ a: PyRef, _ b: PyRef) -> Bool {
    if a == b { return true }
    let count = length(a)
    guard count == length(b), state(a) & (kindMask | asciiBit) == state(b) & (kindMask | asciiBit) else { return false }
    let hashA = a.raw.load(fromByteOffset: hashOffset, as: Int.self)
    let hashB = b.raw.load(fromByteOffset: hashOffset, as: Int.self)
    if hashA != -1 && hashB != -1 && hashA != hashB { return false }
    return TextMemory.equal(data(a), data(b), count &* kind(a))
  }
}

/// A borrowed look at a string's code units, whatever their width. Valid while the string
/// lives; never stored.
struct StrView {
  let data: UnsafeRawPointer
  let kind: Int
  let count: Int

  @inline(__always)
  subscript(index: Int) -> UInt32 {
    switch kind {
    case 1: UInt32(data.load(fromByteOffset: index, as: UInt8.self))
    case 2: UInt32(data.load(fromByteOffset: index &* 2, as: UInt16.self))
    default: data.load(fromByteOffset: index &* 4, as: UInt32.self)
    }
  }

  /// The largest code point in `range` (0 when empty).
  func maxChar(_ range: Range<Int>) -> UInt32 {
    var result: UInt32 = 0
    switch kind {
    case 1:
      for index in range { result = max(result, UInt32(data.load(fromByteOffset: index, as: UInt8.self))) }
    case 2:
      for index in range { result = max(result, UInt32(data.load(fromByteOffset: index &* 2, as: UInt16.self))) }
    default:
      for index in range { result = max(result, data.load(fromByteOffset: index &* 4, as: UInt32.self)) }
    }
    return result
  }
}

extension StrObject {
  /// Copies `count` code points of `source` from `sourceIndex` into `target` at
  /// `targetIndex`, widening or narrowing them (`_PyUnicode_FastCopyCharacters`). Every code
  /// point must fit `target`'s kind.
  static func copy(_ source: PyRef, from sourceIndex: Int, to target: PyRef, at targetIndex: Int, count: Int) {
    guard count > 0 else { return }
    let sourceKind = kind(source), targetKind = kind(target)
    let from = UnsafeRawPointer(data(source)) + sourceIndex &* sourceKind
    let to = data(target) + targetIndex &* targetKind
    if sourceKind == targetKind {
      to.copyMemory(from: from, byteCount: count &* sourceKind)
      return
    }
    let view = StrView(data: from, kind: sourceKind, count: count)
    switch targetKind {
    case 1:
      for index in 0..<count {
        to.storeBytes(of: UInt8(truncatingIfNeeded: view[index]), toByteOffset: index, as: UInt8.self)
      }
    case 2:
      for index in 0..<count {
        to.storeBytes(of: UInt16(truncatingIfNeeded: view[index]), toByteOffset: index &* 2, as: UInt16.self)
      }
    default:
      for index in 0..<count { to.storeBytes(of: view[index], toByteOffset: index &* 4, as: UInt32.self) }
    }
  }

  /// A new reference to `s[start..<end]`; `s` itself when that is all of it, a cached
  /// object when it is empty or one Latin-1 character (`PyUnicode_Substring`).
  static func substring(_ rt: RuntimeRef, _ str: PyRef, _ start: Int, _ end: Int) -> PyRef? {
    let count = end - start
    if count <= 0 { return rt.emptyString() }
    if count == length(str) && str.type == rt.state.pointee.types.str {
      str.incref()
      return str
    }
    let view = view(str)
    if count == 1 { return rt.newCharacter(view[start]) }
    let maxChar = isASCII(str) ? 0x7F : view.maxChar(start..<end)
    guard let result = allocate(rt, length: count, maxChar: maxChar) else { return nil }
    copy(str, from: start, to: result, at: 0, count: count)
    return result
  }
}
