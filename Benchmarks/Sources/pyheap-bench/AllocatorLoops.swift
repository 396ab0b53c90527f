/// The measured loops of the allocator suite.
///
/// Each loop is generic over ``BlockAllocator`` and is specialised for ``PyHeapBlocks`` and
/// ``GlibcBlocks``; `@inline(never)` keeps each specialisation a function of its own (easy to
/// find in a profile or a disassembly). Every block gets one byte written, as an object
/// header would be, and every address is added into a checksum. The checksum defeats dead
/// code elimination: LLVM knows `malloc`/`free` and deletes a pair whose block does not
/// escape; an address turned into an integer escapes.
enum AllocatorLoops {
  /// Allocates one block and frees it at once, `iterations` times.
  ///
  /// With `alone`, no other block is live: for PyHeap this is the pool-thrash loop of
  /// SWIFT-PERFORMANCE.md §1(a), where each free empties the only pool of its class (CPython
  /// moves that pool to its arena's free list and takes it back on the next allocation;
  /// PyHeap keeps it as a cached empty pool in its ring). Without it, one other block of the
  /// same size stays live for the whole loop, the normal state of a real heap, so the pool
  /// never empties: the fast path proper.
  @inline(never)
  static func allocateFree<A: BlockAllocator & ~Copyable>(
    _ allocator: borrowing A, byteCount: Int, iterations: Int, alone: Bool
  ) -> Sample {
    var checksum: UInt64 = 0
    let companion = alone ? nil : allocator.allocate(byteCount)
    defer { if let companion { allocator.free(companion) } }
    let start = ThreadCPUClock.now()
    for i in 0..<iterations {
      let block = allocator.allocate(byteCount)
      block.storeBytes(of: UInt8(truncatingIfNeeded: i), as: UInt8.self)
      checksum &+= UInt64(UInt(bitPattern: block))
      allocator.free(block)
    }
    let end = ThreadCPUClock.now()
    return Sample(nanoseconds: end &- start, ops: iterations, checksum: checksum)
  }

  /// Allocates `slots.count` blocks, reads the resident set at the peak (untimed), then frees
  /// them all in allocation order. One op is one block (its allocation plus its free).
  @inline(never)
  static func fillThenFreeAll<A: BlockAllocator & ~Copyable>(
    _ allocator: borrowing A, byteCount: Int, slots: borrowing PointerArray
  ) -> Sample {
    let base = slots.base
    let count = slots.count
    var checksum: UInt64 = 0
    let allocationStart = ThreadCPUClock.now()
    for i in 0..<count {
      let block = allocator.allocate(byteCount)
      block.storeBytes(of: UInt8(truncatingIfNeeded: i), as: UInt8.self)
      checksum &+= UInt64(UInt(bitPattern: block))
      base[i] = block
    }
    let allocationEnd = ThreadCPUClock.now()
    let peak = ResidentMemory.current()
    let freeStart = ThreadCPUClock.now()
    for i in 0..<count {
      allocator.free(base[i])
    }
    let freeEnd = ThreadCPUClock.now()
    return Sample(nanoseconds: (allocationEnd &- allocationStart) &+ (freeEnd &- freeStart),
                  ops: count, peakRSSBytes: peak, checksum: checksum)
  }

  /// Fills `slots` (untimed), then `replacements` times frees the block in a random slot and
  /// puts a new block of a size drawn from `sizes` there; finally frees everything (untimed).
  /// One op is one replacement (a free plus an allocation). The random stream, and so every
  /// slot and size, is the same for every implementation and every run.
  @inline(never)
  static func randomReplace<A: BlockAllocator & ~Copyable, S: SizeSource>(
    _ allocator: borrowing A, sizes: S, slots: borrowing PointerArray, replacements: Int, seed: UInt64
  ) -> Sample {
    let base = slots.base
    let count = slots.count
    var random = Xoshiro256StarStar(seed: seed)
    var checksum: UInt64 = 0
    for i in 0..<count {
      let block = allocator.allocate(sizes.next(&random))
      block.storeBytes(of: UInt8(truncatingIfNeeded: i), as: UInt8.self)
      base[i] = block
    }
    let start = ThreadCPUClock.now()
    for i in 0..<replacements {
      let slot = random.next(below: count)
      allocator.free(base[slot])
      let block = allocator.allocate(sizes.next(&random))
      block.storeBytes(of: UInt8(truncatingIfNeeded: i), as: UInt8.self)
      checksum &+= UInt64(UInt(bitPattern: block))
      base[slot] = block
    }
    let end = ThreadCPUClock.now()
    for i in 0..<count {
      allocator.free(base[i])
    }
    return Sample(nanoseconds: end &- start, ops: replacements, checksum: checksum)
  }
}
