import PyMemory

/// The traces of blocks that live in pools (nearly all of them): for every pool that holds
/// a traced block, an array with one 8-byte record (size, traceback) per block of the
/// pool, found through a small directory keyed by the pool's address.
///
/// A hash table keyed by block address (``TraceTable``) scatters neighbouring blocks over
/// the whole table, so once it outgrows the L1 cache nearly every allocation and every free
/// misses it. Here a block's record sits next to the records of its neighbours in the pool,
/// which the allocator hands out in order, and the directory (one entry per pool) stays
/// small and hot. Memory: 8 bytes per block of each pool in use, about 9 bytes per trace
/// in well-filled pools (CPython's chained entries take about 90).
///
/// An entry's block size comes from the heap when the entry is made, and again whenever it
/// is reused while it holds no live trace: a pool changes size class only when all its
/// blocks are free, so an entry with live traces is never stale.
struct PoolTraceTable {
  /// One block's record; `traceback == .max` marks a block that is not traced.
  struct Record {
    var size: UInt32
    var traceback: UInt32
  }

  /// One pool with traced blocks (or that had some).
  struct Entry {
    /// The pool's address >> 14; 0 for an empty directory slot.
    var number: UInt
    var records: UnsafeMutablePointer<Record>?
    /// ⌈2³² / block size⌉: `offset * reciprocal >> 32` is the block index, exactly, for
    /// every offset inside a pool.
    var reciprocal: UInt32
    var blockSize: UInt16
    var capacity: UInt16
    /// Traced blocks now in this pool.
    var live: UInt32
  }

  private(set) var directory: UnsafeMutablePointer<Entry>
  private var mask: Int
  private var shift: UInt64
  private var entryCount = 0
  /// Traced pool blocks.
  private(set) var count = 0
  /// Bytes of record arrays.
  private var recordBytes = 0

  static let poolShift = 14
  static let initialCapacity = 64

  init() {
    mask = PoolTraceTable.initialCapacity - 1
    shift = UInt64(64 - PoolTraceTable.initialCapacity.trailingZeroBitCount)
    directory = PoolTraceTable.allocateDirectory(PoolTraceTable.initialCapacity)
  }

  private static func allocateDirectory(_ capacity: Int) -> UnsafeMutablePointer<Entry> {
    let directory = UnsafeMutablePointer<Entry>.allocate(capacity: capacity)
    directory.initialize(repeating: Entry(number: 0, records: nil, reciprocal: 0, blockSize: 0, capacity: 0, live: 0),
                         count: capacity)
    return directory
  }

  /// Frees everything. The table is unusable afterwards.
  func release() {
    for index in 0...mask { directory[index].records?.deallocate() }
    directory.deallocate()
  }

  var memoryUsage: Int { (mask + 1) * MemoryLayout<Entry>.stride + recordBytes }

  @inline(__always)
  private func home(_ number: UInt) -> Int {
    Int(truncatingIfNeeded: (UInt64(number) &* 0x9E37_79B9_7F4A_7C15) >> shift)
  }

  /// The directory slot of pool `number`, or nil.
  @inline(__always)
  private func slot(of number: UInt) -> Int? {
    var index = home(number)
    while true {
      let current = directory[index].number
      if current == number { return index }
      if current == 0 { return nil }
      index = (index &+ 1) & mask
    }
  }

  @inline(__always)
  private static func recordIndex(_ address: UInt, _ entry: Entry) -> Int {
    let offset = (address & UInt(SizeClass.poolSize - 1)) &- UInt(SizeClass.poolOverhead)
    return Int(truncatingIfNeeded: (UInt64(offset) &* UInt64(entry.reciprocal)) >> 32)
  }

  /// Records a block if it lives in a pool. Returns the size of the record it replaced (0
  /// if none), or -1 when the block is not a pool block (the caller keeps it elsewhere).
  @inline(__always)
  mutating func insert(_ address: UInt, size: Int, traceback: UInt32, heap: borrowing Heap) -> Int {
    let number = address >> UInt(PoolTraceTable.poolShift)
    var found = slot(of: number)
    if _slowPath(found == nil || directory[found.unsafelyUnwrapped].live == 0) {
      guard let made = prepare(number, address, slot: found, heap: heap) else { return -1 }
      found = made
    }
    let entry = found.unsafelyUnwrapped
    let index = PoolTraceTable.recordIndex(address, directory[entry])
    let record = directory[entry].records.unsafelyUnwrapped + index
    let replaced = record.pointee.traceback == UInt32.max ? 0 : Int(record.pointee.size)
    if record.pointee.traceback == UInt32.max {
      directory[entry].live &+= 1
      count &+= 1
    }
    record.pointee = Record(size: UInt32(truncatingIfNeeded: size), traceback: traceback)
    return replaced
  }

  /// Makes (or revalidates) the entry of pool `number`; nil when `address` is not in a pool.
  @inline(never)
  private mutating func prepare(_ number: UInt, _ address: UInt, slot found: Int?, heap: borrowing Heap) -> Int? {
    guard let blockSize = heap.pooledBlockSize(of: UnsafeRawPointer(bitPattern: address).unsafelyUnwrapped) else {
      return nil
    }
    let capacity = (SizeClass.poolSize - SizeClass.poolOverhead) / blockSize
    let slot: Int
    if let found {
      slot = found
      if Int(directory[slot].blockSize) == blockSize { return slot }
      directory[slot].records?.deallocate()
      recordBytes -= Int(directory[slot].capacity) * MemoryLayout<Record>.stride
    } else {
      var index = home(number)
      while directory[index].number != 0 { index = (index &+ 1) & mask }
      slot = index
      entryCount += 1
    }
    let records = UnsafeMutablePointer<Record>.allocate(capacity: capacity)
    records.initialize(repeating: Record(size: 0, traceback: UInt32.max), count: capacity)
    recordBytes += capacity * MemoryLayout<Record>.stride
    let reciprocal = UInt32(((UInt64(1) << 32) + UInt64(blockSize) - 1) / UInt64(blockSize))
    directory[slot] = Entry(number: number, records: records, reciprocal: reciprocal, blockSize: UInt16(blockSize),
                            capacity: UInt16(capacity), live: 0)
    if entryCount * 4 > (mask + 1) * 3 {
      grow()
      return self.slot(of: number)
    }
    return slot
  }

  /// Forgets a block. Returns its size, or -1 when it was not traced here.
  @inline(__always)
  mutating func remove(_ address: UInt) -> Int {
    guard let entry = slot(of: address >> UInt(PoolTraceTable.poolShift)), directory[entry].live > 0 else { return -1 }
    let record = directory[entry].records.unsafelyUnwrapped + PoolTraceTable.recordIndex(address, directory[entry])
    guard record.pointee.traceback != UInt32.max else { return -1 }
    record.pointee.traceback = UInt32.max
    directory[entry].live &-= 1
    count &-= 1
    return Int(record.pointee.size)
  }

  func find(_ address: UInt) -> (size: Int, traceback: UInt32)? {
    guard let entry = slot(of: address >> UInt(PoolTraceTable.poolShift)), directory[entry].live > 0 else { return nil }
    let record = directory[entry].records.unsafelyUnwrapped[PoolTraceTable.recordIndex(address, directory[entry])]
    guard record.traceback != UInt32.max else { return nil }
    return (Int(record.size), record.traceback)
  }

  /// Calls `body` with the size and traceback of every traced pool block.
  func forEach(_ body: (Int, UInt32) -> Void) {
    for slot in 0...mask where directory[slot].live > 0 {
      let records = directory[slot].records.unsafelyUnwrapped
      for index in 0..<Int(directory[slot].capacity) where records[index].traceback != UInt32.max {
        body(Int(records[index].size), records[index].traceback)
      }
    }
  }

  /// Forgets every trace and every pool.
  mutating func removeAll() {
    release()
    self = PoolTraceTable()
  }

  private mutating func grow() {
    let old = directory
    let oldCapacity = mask + 1
    mask = oldCapacity * 2 - 1
    shift -= 1
    directory = PoolTraceTable.allocateDirectory(mask + 1)
    for index in 0..<oldCapacity where old[index].number != 0 {
      var target = home(old[index].number)
      while directory[target].number != 0 { target = (target &+ 1) & mask }
      directory[target] = old[index]
    }
    old.deallocate()
  }
}
