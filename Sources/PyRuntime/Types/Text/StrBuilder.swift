/// Builds a str piece by piece when its length is not known in advance (formatting,
/// `expandtabs`, `translate`, the codecs' error handlers): code points accumulate in a Swift
/// buffer with their maximum tracked, and ``finish(_:)`` allocates the canonical string once.
/// CPython: Objects/unicodeobject.c, `_PyUnicodeWriter`.
struct StrBuilder {
  private(set) var units: [UInt32] = []
  private(set) var maxChar: UInt32 = 0

  init(capacity: Int = 0) { units.reserveCapacity(capacity) }

  var count: Int { units.count }

  @inline(__always)
  mutating func append(_ value: UInt32) {
    units.append(value)
    if value > maxChar { maxChar = value }
  }

  mutating func append(ascii text: StaticString) {
    text.withUTF8Buffer { for byte in $0 { append(UInt32(byte)) } }
  }

  /// Appends Swift text (as code points).
  mutating func append(_ text: String) {
    for scalar in text.unicodeScalars { append(scalar.value) }
  }

  mutating func append(repeating value: UInt32, count: Int) {
    guard count > 0 else { return }
    units.append(contentsOf: repeatElement(value, count: count))
    if value > maxChar { maxChar = value }
  }

  /// Appends `str[start..<end]`.
  mutating func append(str: PyRef, from start: Int = 0, to end: Int? = nil) {
    let view = StrObject.view(str)
    let end = end ?? view.count
    guard start < end else { return }
    units.reserveCapacity(units.count + end - start)
    for index in start..<end { units.append(view[index]) }
    if !StrObject.isASCII(str) { maxChar = max(maxChar, view.maxChar(start..<end)) }
  }

  /// Appends the code points in `buffer`.
  mutating func append(contentsOf values: [UInt32]) {
    for value in values { append(value) }
  }

  /// The str, as a new reference.
  func finish(_ rt: RuntimeRef) -> PyRef? {
    units.withUnsafeBufferPointer { buffer in
      if buffer.isEmpty { return rt.emptyString() }
      if buffer.count == 1 { return rt.newCharacter(buffer[0]) }
      guard let str = StrObject.allocate(rt, length: buffer.count, maxChar: maxChar) else { return nil }
      let data = StrObject.data(str)
      switch StrObject.kind(str) {
      case 1: for (index, value) in buffer.enumerated() { data.storeBytes(of: UInt8(truncatingIfNeeded: value), toByteOffset: index, as: UInt8.self) }
      case 2: for (index, value) in buffer.enumerated() { data.storeBytes(of: UInt16(truncatingIfNeeded: value), toByteOffset: index &* 2, as: UInt16.self) }
      default: data.copyMemory(from: buffer.baseAddress!, byteCount: buffer.count * 4)
      }
      return str
    }
  }
}
