/// The debug layer's bookkeeping: every live debug block, recently freed ones, and the
/// serial counter.
///
/// CPython's debug hooks find a block's facts by reading its header, which is undefined when
/// the pointer is foreign or already freed. PyHeap keeps the facts beside the heap instead, so
/// a foreign pointer or a double free is diagnosed without reading memory that is not a live
/// block, and each report can still name the block.
///
/// This is Swift-managed memory on purpose: it is debug bookkeeping, not a Python object, and
/// the debug layer is not a performance path.
struct DebugBlockTable {
  /// Live blocks by user address.
  var live: [UInt: DebugBlockRecord] = [:]
  /// Recently freed blocks by user address, for "freed twice" reports.
  var freed: [UInt: DebugBlockRecord] = [:]
  /// Freed (address, serial) pairs in the order they were freed, to bound `freed`.
  var freedOrder: [(address: UInt, serial: UInt64)] = []
  var freedOrderStart = 0
  /// The serial number of the next block (CPython: `serialno`).
  var nextSerial: UInt64 = 1

  static let freedMemory = 65_536

  mutating func remember(freed record: DebugBlockRecord) {
    let address = UInt(bitPattern: record.address)
    freed[address] = record
    let entry = (address: address, serial: record.serial)
    if freedOrder.count < DebugBlockTable.freedMemory {
      freedOrder.append(entry)
    } else {
      let evicted = freedOrder[freedOrderStart]
      if freed[evicted.address]?.serial == evicted.serial { freed[evicted.address] = nil }
      freedOrder[freedOrderStart] = entry
      freedOrderStart = (freedOrderStart + 1) % DebugBlockTable.freedMemory
    }
  }
}

/// What the debug layer knows of one block.
struct DebugBlockRecord {
  /// The user address (after the 16-byte header).
  var address: UnsafeMutableRawPointer
  /// Bytes originally requested.
  var byteCount: Int
  var domain: MemoryDomain
  var serial: UInt64
}
