import PyMemory

/// Every live traced block: pool blocks in the ``PoolTraceTable``, the others (blocks the
/// C library serves: above 512 bytes, zero-sized, the raw domain) in a ``TraceTable``.
struct Traces {
  var pooled = PoolTraceTable()
  var large = TraceTable()

  var count: Int { pooled.count + large.count }
  var memoryUsage: Int { pooled.memoryUsage + large.memoryUsage }

  /// Records a block (or replaces the record at its address); returns the size replaced.
  @inline(__always)
  mutating func insert(_ address: UInt, size: Int, traceback: UInt32, heap: borrowing Heap) -> Int {
    let replaced = pooled.insert(address, size: size, traceback: traceback, heap: heap)
    if _fastPath(replaced >= 0) { return replaced }
    return large.insert(address, size: size, traceback: traceback)
  }

  /// Forgets a block; its size, or -1 when it was not traced.
  @inline(__always)
  mutating func remove(_ address: UInt) -> Int {
    let size = pooled.remove(address)
    if _fastPath(size >= 0) { return size }
    return large.count == 0 ? -1 : large.remove(address)
  }

  func find(_ address: UInt) -> (size: Int, traceback: UInt32)? {
    pooled.find(address) ?? large.find(address)
  }

  func forEach(_ body: (Int, UInt32) -> Void) {
    pooled.forEach(body)
    large.forEach { _, size, traceback in body(size, traceback) }
  }

  mutating func removeAll() {
    pooled.removeAll()
    large.removeAll()
  }

  func release() {
    pooled.release()
    large.release()
  }
}
