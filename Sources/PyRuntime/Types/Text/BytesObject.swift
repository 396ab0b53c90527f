/// The immutable byte string, in CPython 3.11's layout.
///
/// ```
///   0 refcount | 8 type | 16 ob_size | 24 ob_shash (-1 until computed) | 32 ob_sval: ob_size bytes + NUL
/// ```
/// `tp_basicsize` is 33 (the header and the terminator) and `tp_itemsize` 1, so
/// `sys.getsizeof(b'')` is 33 and each byte adds one, as in CPython. The empty bytes and the
/// 256 one-byte bytes are immortal singletons (`bytes([97]) is b'a'`). Never tracked; no weak
/// references; hashed like str over its bytes (`hash(b'a') == hash('a')`).
/// CPython: Include/cpython/bytesobject.h, Objects/bytesobject.c.
public enum BytesObject {
  static let hashOffset = 24
  static let dataOffset = 32
  static let basicSize = 33

  static func makeType(_ rt: RuntimeRef) -> PyType {
    let type = rt.makeType(name: "bytes", basicSize: basicSize, itemSize: 1, flags: [.varSized], dealloc: dealloc,
                           hash: hash, equal: equal)
    type.record.pointee.kind = .bytes
    return type
  }

  /// Frees the object (untracking first an instance of a subclass that has a GC header).
  static let dealloc: Slot.Dealloc = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let bytes = PyRef(raw)
    if bytes.type.isGC { rt.untrack(bytes) }
    rt.freeObject(bytes)
  }

  /// `len(b)`.
  @inlinable @inline(__always)
  public static func count(_ bytes: PyRef) -> Int { bytes.size }

  /// The first byte (`PyBytes_AS_STRING`); `count + 1` bytes are readable, the last is NUL.
  @inline(__always)
  public static func data(_ bytes: PyRef) -> UnsafeMutablePointer<UInt8> {
    (bytes.raw + dataOffset).assumingMemoryBound(to: UInt8.self)
  }

  /// The bytes as a Swift array.
  public static func array(_ bytes: PyRef) -> [UInt8] {
    Array(UnsafeBufferPointer(start: data(bytes), count: count(bytes)))
  }

  /// `sys.getsizeof(b)`.
  public static func sizeOf(_ bytes: PyRef) -> Int { basicSize + count(bytes) }

  /// A new bytes object of `count` bytes, uninitialized but for its terminator.
  static func allocate(_ rt: RuntimeRef, count: Int) -> PyRef? {
    guard let bytes = rt.allocateObject(rt.state.pointee.types.bytes, itemCount: count) else { return nil }
    bytes.size = count
    bytes.raw.storeBytes(of: -1, toByteOffset: hashOffset, as: Int.self)
    data(bytes)[count] = 0
    return bytes
  }

  static let hash: Slot.Hash = { raw, runtime in
    let bytes = PyRef(raw)
    let cached = raw.load(fromByteOffset: hashOffset, as: Int.self)
    if cached != -1 { return cached }
    let key = RuntimeRef(raw: runtime).state.pointee.text.hashKey
    let value = TextHash.hash(data(bytes), count: count(bytes), key: key)
    raw.storeBytes(of: value, toByteOffset: hashOffset, as: Int.self)
    return value
  }

  static let equal: Slot.Equal = { a, b, runtime in
    let left = PyRef(a), right = PyRef(b)
    guard left.type.record.pointee.kind == .bytes, right.type.record.pointee.kind == .bytes else { return a == b ? 1 : 0 }
    return BytesObject.equals(left, right) ? 1 : 0
  }

  /// Same bytes.
  public static func equals(_ a: PyRef, _ b: PyRef) -> Bool {
    if a == b { return true }
    guard count(a) == count(b) else { return false }
    return TextMemory.equal(data(a), data(b), count(a))
  }

  /// Orders by bytes, then by length: -1, 0 or 1.
  public static func compare(_ a: PyRef, _ b: PyRef) -> Int {
    let order = TextMemory.compare(data(a), data(b), min(count(a), count(b)))
    if order != 0 { return order }
    return count(a) == count(b) ? 0 : count(a) < count(b) ? -1 : 1
  }
}

extension RuntimeRef {
  /// Whether `object` is a bytes object.
  @inlinable
  public func isBytes(_ object: PyRef) -> Bool { object.type == state.pointee.types.bytes }

  /// `b''`, as a new reference.
  public func emptyBytes() -> PyRef {
    let empty = state.pointee.text.emptyBytes
    empty.incref()
    return empty
  }

  /// A bytes object holding a copy of `source`; the cached objects for lengths 0 and 1.
  public func newBytes(_ source: UnsafeRawBufferPointer) -> PyRef? {
    if source.isEmpty { return emptyBytes() }
    if source.count == 1 { return byteCharacter(source[0]) }
    guard let bytes = BytesObject.allocate(self, count: source.count) else { return nil }
    UnsafeMutableRawPointer(BytesObject.data(bytes)).copyMemory(from: source.baseAddress!, byteCount: source.count)
    return bytes
  }

  /// A bytes object holding `source`.
  public func newBytes(_ source: [UInt8]) -> PyRef? {
    source.withUnsafeBytes { newBytes($0) }
  }

  /// `bytes([value])`, the cached object, as a new reference.
  public func byteCharacter(_ value: UInt8) -> PyRef {
    let cached = state.pointee.text.byteCharacters.unsafelyUnwrapped[Int(value)]
    cached.incref()
    return cached
  }

  /// `b[index]`: the byte as an int. IndexError when out of range.
  public func bytesGetItem(_ bytes: PyRef, _ index: Int) -> PyRef? {
    guard let position = TextSlice.index(index, length: BytesObject.count(bytes)) else {
      raise("IndexError", "index out of range")
      return nil
    }
    return newInt(Int(BytesObject.data(bytes)[position]))
  }

  /// `b[start:stop:step]`. ValueError when `step` is 0.
  public func bytesSlice(_ bytes: PyRef, start: Int? = nil, stop: Int? = nil, step: Int? = nil) -> PyRef? {
    let length = BytesObject.count(bytes)
    guard let (first, step, count) = TextSlice.indices(length: length, start: start, stop: stop, step: step, self) else {
      return nil
    }
    if step == 1 && count == length {
      bytes.incref()
      return bytes
    }
    let source = BytesObject.data(bytes)
    if step == 1 { return newBytes(UnsafeRawBufferPointer(start: source + first, count: count)) }
    if count == 0 { return emptyBytes() }
    if count == 1 { return byteCharacter(source[first]) }
    guard let result = BytesObject.allocate(self, count: count) else { return nil }
    let target = BytesObject.data(result)
    for index in 0..<count { target[index] = source[first + index * step] }
    return result
  }

  /// `a + b`. TypeError when `b` is not bytes.
  public func bytesConcat(_ a: PyRef, _ b: PyRef) -> PyRef? {
    guard isBytes(b) else {
      raise("TypeError", "can't concat \(b.type.name) to bytes")
      return nil
    }
    let leftCount = BytesObject.count(a), rightCount = BytesObject.count(b)
    if leftCount == 0 { b.incref(); return b }
    if rightCount == 0 { a.incref(); return a }
    let (total, overflow) = leftCount.addingReportingOverflow(rightCount)
    guard !overflow else { return raiseMemoryError() }
    guard let result = BytesObject.allocate(self, count: total) else { return nil }
    let target = BytesObject.data(result)
    target.update(from: BytesObject.data(a), count: leftCount)
    (target + leftCount).update(from: BytesObject.data(b), count: rightCount)
    return result
  }

  /// `b * count`: empty for `count` ≤ 0, `b` itself for 1. OverflowError when the result
  /// could not be counted.
  public func bytesRepeat(_ bytes: PyRef, _ count: Int) -> PyRef? {
    let length = BytesObject.count(bytes)
    if count <= 0 || length == 0 { return emptyBytes() }
    if count == 1 { bytes.incref(); return bytes }
    let (total, overflow) = length.multipliedReportingOverflow(by: count)
    guard !overflow else {
      raise("OverflowError", "repeated bytes are too long")
      return nil
    }
    guard let result = BytesObject.allocate(self, count: total) else { return nil }
    let target = BytesObject.data(result)
    for start in stride(from: 0, to: total, by: length) {
      (target + start).update(from: BytesObject.data(bytes), count: length)
    }
    return result
  }

  /// `hash(b)`, cached in the object.
  public func bytesHash(_ bytes: PyRef) -> Int { BytesObject.hash(bytes.raw, raw) }

  /// `repr(b)` as a new str: `b'…'` with `\t`, `\n`, `\r`, `\\`, the quote escaped and other
  /// bytes outside 0x20…0x7E as `\xhh`; the quote is `"` when the bytes contain `'` and no
  /// `"`. CPython: Objects/bytesobject.c, `PyBytes_Repr()`.
  public func bytesRepr(_ bytes: PyRef) -> PyRef? {
    let count = BytesObject.count(bytes)
    let source = BytesObject.data(bytes)
    var single = false, double = false
    for index in 0..<count {
      if source[index] == 0x27 { single = true } else if source[index] == 0x22 { double = true }
    }
    let quote: UInt8 = single && !double ? 0x22 : 0x27
    func width(_ byte: UInt8) -> Int {
      if byte == quote || byte == 0x5C || byte == 0x09 || byte == 0x0A || byte == 0x0D { return 2 }
      return byte < 0x20 || byte >= 0x7F ? 4 : 1
    }
    var length = 3
    for index in 0..<count { length += width(source[index]) }
    guard let result = StrObject.allocate(self, length: length, maxChar: 0x7F) else { return nil }
    let target = StrObject.data(result).assumingMemoryBound(to: UInt8.self)
    var written = 0
    func put(_ byte: UInt8) { target[written] = byte; written += 1 }
    put(0x62); put(quote)
    for index in 0..<count {
      let byte = source[index]
      switch width(byte) {
      case 1: put(byte)
      case 2: put(0x5C); put(byte == 0x09 ? 0x74 : byte == 0x0A ? 0x6E : byte == 0x0D ? 0x72 : byte)
      default:
        put(0x5C); put(0x78)
        let high = byte >> 4, low = byte & 0xF
        put(high < 10 ? 0x30 + high : 0x57 + high)
        put(low < 10 ? 0x30 + low : 0x57 + low)
      }
    }
    put(quote)
    return result
  }

  /// `repr(b)` as Swift text.
  public func bytesReprString(_ bytes: PyRef) -> String? {
    guard let repr = bytesRepr(bytes) else { return nil }
    defer { decref(repr) }
    return StrObject.string(repr)
  }
}
