/// The text an encoder builds, as UTF-8 in a growable buffer of its own (bookkeeping
/// memory, not Python objects), turned into one str at the end. Lone surrogates, which a
/// Python str may hold, are written with the 3-byte form UTF-8 would give them (WTF-8) and
/// come back out unchanged.
struct JSONOutput {
  private(set) var bytes: UnsafeMutablePointer<UInt8>
  private(set) var count = 0
  private var capacity: Int
  /// Code points written (the str's length).
  private(set) var length = 0
  /// The largest code point written.
  private(set) var maxChar: UInt32 = 0

  init(capacity: Int = 256) {
    self.capacity = capacity
    bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
  }

  func release() { bytes.deallocate() }

  @inline(__always)
  mutating func reserve(_ extra: Int) {
    if count &+ extra > capacity { grow(count + extra) }
  }

  private mutating func grow(_ needed: Int) {
    var newCapacity = capacity * 2
    while newCapacity < needed { newCapacity *= 2 }
    let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    moved.update(from: bytes, count: count)
    bytes.deallocate()
    bytes = moved
    capacity = newCapacity
  }

  /// Appends one ASCII byte.
  @inline(__always)
  mutating func append(_ byte: UInt8) {
    if count == capacity { grow(count + 1) }
    bytes[count] = byte
    count &+= 1
    length &+= 1
  }

  /// Appends ASCII text.
  mutating func append(_ text: StaticString) {
    let n = text.utf8CodeUnitCount
    reserve(n)
    (bytes + count).update(from: text.utf8Start, count: n)
    count &+= n
    length &+= n
  }

  /// Appends ASCII bytes.
  mutating func append(ascii source: UnsafePointer<UInt8>, count n: Int) {
    reserve(n)
    (bytes + count).update(from: source, count: n)
    count &+= n
    length &+= n
  }

  /// Appends a Swift string of ASCII text (number reprs).
  mutating func append(asciiText text: String) {
    var copy = text
    copy.withUTF8 { buffer in append(ascii: buffer.baseAddress!, count: buffer.count) }
  }

  /// Appends any code point.
  @inline(__always)
  mutating func append(codePoint value: UInt32) {
    if value < 0x80 {
      append(UInt8(truncatingIfNeeded: value))
      return
    }
    reserve(4)
    if value > maxChar { maxChar = value }
    if value < 0x800 {
      bytes[count] = UInt8(0xC0 | (value >> 6))
      bytes[count + 1] = UInt8(0x80 | (value & 0x3F))
      count &+= 2
    } else if value < 0x10000 {
      bytes[count] = UInt8(0xE0 | (value >> 12))
      bytes[count + 1] = UInt8(0x80 | ((value >> 6) & 0x3F))
      bytes[count + 2] = UInt8(0x80 | (value & 0x3F))
      count &+= 3
    } else {
      bytes[count] = UInt8(0xF0 | (value >> 18))
      bytes[count + 1] = UInt8(0x80 | ((value >> 12) & 0x3F))
      bytes[count + 2] = UInt8(0x80 | ((value >> 6) & 0x3F))
      bytes[count + 3] = UInt8(0x80 | (value & 0x3F))
      count &+= 4
    }
    length &+= 1
  }

  /// Appends the characters of a str as they are.
  mutating func append(str: PyRef) {
    let n = StrObject.length(str)
    if StrObject.isASCII(str) {
      append(ascii: UnsafePointer(StrObject.data(str).assumingMemoryBound(to: UInt8.self)), count: n)
      return
    }
    let view = StrObject.view(str)
    for index in 0..<n { append(codePoint: view[index]) }
  }

  /// The finished str (a new reference).
  func finish(_ rt: RuntimeRef) -> PyRef? {
    guard let str = StrObject.allocate(rt, length: length, maxChar: maxChar) else { return nil }
    if maxChar < 0x80 {
      StrObject.data(str).copyMemory(from: bytes, byteCount: count)
      return str
    }
    var index = 0, position = 0
    while index < count {
      let lead = UInt32(bytes[index])
      var value: UInt32
      if lead < 0x80 {
        value = lead
        index += 1
      } else if lead < 0xE0 {
        value = ((lead & 0x1F) << 6) | (UInt32(bytes[index + 1]) & 0x3F)
        index += 2
      } else if lead < 0xF0 {
        value = ((lead & 0x0F) << 12) | ((UInt32(bytes[index + 1]) & 0x3F) << 6) | (UInt32(bytes[index + 2]) & 0x3F)
        index += 3
      } else {
        value = ((lead & 0x07) << 18) | ((UInt32(bytes[index + 1]) & 0x3F) << 12)
          | ((UInt32(bytes[index + 2]) & 0x3F) << 6) | (UInt32(bytes[index + 3]) & 0x3F)
        index += 4
      }
      StrObject.write(str, position, value)
      position += 1
    }
    return str
  }
}
