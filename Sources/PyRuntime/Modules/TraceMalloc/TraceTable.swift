/// tracemalloc's table of live blocks: block address → (size, traceback), one 16-byte slot
/// per block in an open-addressing table with linear probing.
///
/// CPython keeps a `_Py_hashtable_t` of chained entries (a 32-byte malloc'd entry pointing at
/// a 16-byte malloc'd `trace_t`, plus the bucket array): about 90 bytes per live block once
/// malloc's own headers are counted. Here a trace is one slot of a flat array kept at most
/// three quarters full, so 21–43 bytes per block, and a lookup is one multiply and, almost
/// always, one cache line.
///
/// The memory comes from the C library, never from the heap being traced: the table is
/// mutated from inside the heap's allocation hook.
/// CPython: Modules/_tracemalloc.c (`tracemalloc_traces`, `trace_t`).
struct TraceTable {
  /// One live block. `address == 0` marks an empty slot (blocks are never at address 0).
  struct Slot {
    var address: UInt
    /// The block's size; `UInt32.max` means "look in ``TraceTable/largeSizes``".
    var size: UInt32
    /// The interned traceback (an index into the ``TracebackTable``).
    var traceback: UInt32
  }

  private(set) var slots: UnsafeMutablePointer<Slot>
  /// `capacity - 1`; the capacity is a power of two.
  private var mask: Int
  /// 64 minus log2(capacity): the hash keeps the product's top bits.
  private var shift: UInt64
  private(set) var count = 0
  /// Sizes of 4 GiB and more, which do not fit a slot.
  private var largeSizes: [UInt: Int] = [:]

  static let initialCapacity = 1024

  init() {
    slots = TraceTable.allocateSlots(TraceTable.initialCapacity)
    mask = TraceTable.initialCapacity - 1
    shift = UInt64(64 - TraceTable.initialCapacity.trailingZeroBitCount)
  }

  /// Frees the slots. The table is unusable afterwards.
  func release() { slots.deallocate() }

  var capacity: Int { mask + 1 }
  /// Bytes of C-library memory the table holds.
  var memoryUsage: Int { capacity * MemoryLayout<Slot>.stride + largeSizes.capacity * 24 }

  private static func allocateSlots(_ capacity: Int) -> UnsafeMutablePointer<Slot> {
    let slots = UnsafeMutablePointer<Slot>.allocate(capacity: capacity)
    slots.initialize(repeating: Slot(address: 0, size: 0, traceback: 0), count: capacity)
    return slots
  }

  /// The home slot of an address: Fibonacci hashing of the address without its alignment
  /// bits (every block is 16-byte aligned).
  @inline(__always)
  private func home(_ address: UInt) -> Int {
    Int(truncatingIfNeeded: (UInt64(address >> 4) &* 0x9E37_79B9_7F4A_7C15) >> shift)
  }

  /// Records a block, or replaces the record at the same address (a block resized in
  /// place). Returns the size of the record replaced, or 0.
  @inline(__always)
  mutating func insert(_ address: UInt, size: Int, traceback: UInt32) -> Int {
    var index = home(address)
    while true {
      let current = slots[index].address
      if current == 0 { break }
      if current == address {
        let old = recordedSize(at: index)
        store(at: index, address: address, size: size, traceback: traceback)
        return old
      }
      index = (index &+ 1) & mask
    }
    store(at: index, address: address, size: size, traceback: traceback)
    count &+= 1
    if _slowPath(count &* 4 > capacity &* 3) { grow() }
    return 0
  }

  /// Forgets a block. Returns its size, or -1 when it was not traced (allocated before
  /// tracing started, or before `clear_traces()`).
  @inline(__always)
  mutating func remove(_ address: UInt) -> Int {
    var index = home(address)
    while true {
      let current = slots[index].address
      if current == 0 { return -1 }
      if current == address { break }
      index = (index &+ 1) & mask
    }
    let size = recordedSize(at: index)
    if _slowPath(slots[index].size == UInt32.max) { largeSizes[address] = nil }
    deleteSlot(index)
    count &-= 1
    return size
  }

  /// The size and traceback of a traced block.
  func find(_ address: UInt) -> (size: Int, traceback: UInt32)? {
    var index = home(address)
    while true {
      let current = slots[index].address
      if current == 0 { return nil }
      if current == address { return (recordedSize(at: index), slots[index].traceback) }
      index = (index &+ 1) & mask
    }
  }

  /// Forgets every block and shrinks back to the initial capacity.
  mutating func removeAll() {
    slots.deallocate()
    slots = TraceTable.allocateSlots(TraceTable.initialCapacity)
    mask = TraceTable.initialCapacity - 1
    shift = UInt64(64 - TraceTable.initialCapacity.trailingZeroBitCount)
    count = 0
    largeSizes = [:]
  }

  /// Calls `body` with every traced block, in slot order.
  func forEach(_ body: (UInt, Int, UInt32) -> Void) {
    for index in 0..<capacity where slots[index].address != 0 {
      body(slots[index].address, recordedSize(at: index), slots[index].traceback)
    }
  }

  @inline(__always)
  private func recordedSize(at index: Int) -> Int {
    let size = slots[index].size
    if _fastPath(size != UInt32.max) { return Int(size) }
    return largeSizes[slots[index].address] ?? 0
  }

  @inline(__always)
  private mutating func store(at index: Int, address: UInt, size: Int, traceback: UInt32) {
    if _fastPath(size < Int(UInt32.max)) {
      if _slowPath(slots[index].address == address && slots[index].size == UInt32.max) { largeSizes[address] = nil }
      slots[index] = Slot(address: address, size: UInt32(truncatingIfNeeded: size), traceback: traceback)
    } else {
      largeSizes[address] = size
      slots[index] = Slot(address: address, size: UInt32.max, traceback: traceback)
    }
  }

  /// Backward-shift deletion: later slots of the probe run move up so that no lookup
  /// stops early at the hole (no tombstones, so the table never degrades).
  private mutating func deleteSlot(_ removed: Int) {
    var hole = removed
    var index = (hole &+ 1) & mask
    while slots[index].address != 0 {
      let wanted = home(slots[index].address)
      // The entry may move into the hole unless its home lies cyclically in (hole, index].
      if (index &- wanted) & mask >= (index &- hole) & mask {
        slots[hole] = slots[index]
        hole = index
      }
      index = (index &+ 1) & mask
    }
    slots[hole].address = 0
  }

  @inline(never)
  private mutating func grow() {
    let oldSlots = slots
    let oldCapacity = capacity
    let newCapacity = oldCapacity * 2
    slots = TraceTable.allocateSlots(newCapacity)
    mask = newCapacity - 1
    shift = UInt64(64 - newCapacity.trailingZeroBitCount)
    for old in 0..<oldCapacity where oldSlots[old].address != 0 {
      var index = home(oldSlots[old].address)
      while slots[index].address != 0 { index = (index &+ 1) & mask }
      slots[index] = oldSlots[old]
    }
    oldSlots.deallocate()
  }
}
