/// Every block the heap obtained from the C library, on one intrusive list, so that a heap
/// that goes away gives back everything it holds (and leak checkers see no leak).
///
/// ```
///   malloc'd region:  +--------+--------+---------------------------+
///                     | prev   | next   | user bytes …              |
///                     +--------+--------+---------------------------+
///                     ^ base            ^ the pointer callers see (base + 16, still 16-aligned)
/// ```
///
/// The list head is a 16-byte sentinel owned by the heap. Linking and unlinking are O(1);
/// the list is walked only when the heap is torn down.
@usableFromInline
struct LargeBlockList {
  static let headerSize = 16
  let head: UnsafeMutableRawPointer

  init() {
    head = .allocate(byteCount: LargeBlockList.headerSize, alignment: 16)
    head.storeBytes(of: head, as: UnsafeMutableRawPointer.self)
    head.storeBytes(of: head, toByteOffset: 8, as: UnsafeMutableRawPointer.self)
  }

  static func prev(_ base: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer { base.load(as: UnsafeMutableRawPointer.self) }
  static func next(_ base: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer {
    base.load(fromByteOffset: 8, as: UnsafeMutableRawPointer.self)
  }

  /// Links a fresh region at the front.
  func link(_ base: UnsafeMutableRawPointer) {
    let first = LargeBlockList.next(head)
    base.storeBytes(of: head, as: UnsafeMutableRawPointer.self)
    base.storeBytes(of: first, toByteOffset: 8, as: UnsafeMutableRawPointer.self)
    first.storeBytes(of: base, as: UnsafeMutableRawPointer.self)
    head.storeBytes(of: base, toByteOffset: 8, as: UnsafeMutableRawPointer.self)
  }

  func unlink(_ base: UnsafeMutableRawPointer) {
    let prev = LargeBlockList.prev(base), next = LargeBlockList.next(base)
    prev.storeBytes(of: next, toByteOffset: 8, as: UnsafeMutableRawPointer.self)
    next.storeBytes(of: prev, as: UnsafeMutableRawPointer.self)
  }

  /// Regions linked now (a walk; for tests and statistics).
  var count: Int {
    var count = 0
    var cursor = LargeBlockList.next(head)
    while cursor != head {
      count += 1
      cursor = LargeBlockList.next(cursor)
    }
    return count
  }

  /// Frees every region still linked, then the sentinel.
  func freeAll() {
    var cursor = LargeBlockList.next(head)
    while cursor != head {
      let next = LargeBlockList.next(cursor)
      SystemMalloc.free(cursor)
      cursor = next
    }
    head.deallocate()
  }
}
