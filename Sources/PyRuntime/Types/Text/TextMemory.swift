/// Byte comparisons for the text types (what CPython gets from `memcmp`).
enum TextMemory {
  /// Whether `count` bytes at `a` and `b` are the same.
  @inline(__always)
  static func equal(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ count: Int) -> Bool {
    var offset = 0
    while offset &+ 8 <= count {
      let x = a.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
      if x != b.loadUnaligned(fromByteOffset: offset, as: UInt64.self) { return false }
      offset &+= 8
    }
    while offset < count {
      if a.load(fromByteOffset: offset, as: UInt8.self) != b.load(fromByteOffset: offset, as: UInt8.self) { return false }
      offset &+= 1
    }
    return true
  }

  /// Orders `count` bytes at `a` and `b` as unsigned bytes: -1, 0 or 1 (`memcmp`).
  static func compare(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ count: Int) -> Int {
    var offset = 0
    while offset &+ 8 <= count {
      let x = UInt64(bigEndian: a.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
      let y = UInt64(bigEndian: b.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
      if x != y { return x < y ? -1 : 1 }
      offset &+= 8
    }
    while offset < count {
      let x = a.load(fromByteOffset: offset, as: UInt8.self), y = b.load(fromByteOffset: offset, as: UInt8.self)
      if x != y { return x < y ? -1 : 1 }
      offset &+= 1
    }
    return 0
  }
}
