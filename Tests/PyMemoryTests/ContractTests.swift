import Testing
@testable import PyMemory

/// The PEP 445 allocator contract, domain by domain.
@Suite struct ContractTests {
  @Test(arguments: MemoryDomain.allCases)
  func zeroByteRequestsAreUniqueAndNonNil(domain: MemoryDomain) {
    let heap = Heap()
    let a = heap.allocate(byteCount: 0, domain: domain)
    let b = heap.allocate(byteCount: 0, domain: domain)
    #expect(a != nil && b != nil && a != b)
    heap.free(a, domain: domain)
    heap.free(b, domain: domain)
  }

  @Test(arguments: MemoryDomain.allCases)
  func oversizedRequestsReturnNil(domain: MemoryDomain) {
    let heap = Heap()
    // A size above PY_SSIZE_T_MAX, as a C caller's size_t would arrive.
    #expect(heap.allocate(byteCount: Int(bitPattern: UInt.max - 100), domain: domain) == nil)
    #expect(heap.allocateZeroed(count: Int.max / 2, size: 4, domain: domain) == nil)
    #expect(heap.allocateZeroed(count: -1, size: 4, domain: domain) == nil)
    let p = heap.allocate(byteCount: 32, domain: domain)
    #expect(heap.reallocate(p, byteCount: -1, domain: domain) == nil)
    heap.free(p, domain: domain)
    #expect(heap.verify().isValid)
  }

  @Test func freeOfNilDoesNothing() {
    let heap = Heap()
    for domain in MemoryDomain.allCases { heap.free(nil, domain: domain) }
    #expect(heap.allocatedBlocks == 0)
  }

  @Test func reallocateOfNilAllocates() {
    let heap = Heap()
    let p = heap.reallocate(nil, byteCount: 40)
    #expect(p != nil && heap.owns(p!))
    heap.free(p)
  }

  @Test func smallRequestsComeFromPoolsAndLargeOnesDoNot() {
    let heap = Heap()
    for size in [1, 16, 17, 511, 512] {
      let p = heap.allocate(byteCount: size)!
      #expect(heap.owns(p) == true, "size \(size)")
      heap.free(p)
    }
    for size in [0, 513, 100_000] {
      let p = heap.allocate(byteCount: size)!
      #expect(heap.owns(p) == false, "size \(size)")
      heap.free(p)
    }
    let raw = heap.allocate(byteCount: 64, domain: .raw)!
    #expect(heap.owns(raw) == false, "the raw domain never uses pools")
    heap.free(raw, domain: .raw)
  }

  /// Whatever the size class, a resize that keeps it stays in place; one that changes it
  /// moves and keeps the contents.
  @Test func reallocateStaysInPlaceWithinTheSizeClass() {
    let heap = Heap()
    for index in 0..<SizeClass.count {
      let size = SizeClass.blockSize(ofClass: index)
      let p = heap.allocate(byteCount: size - 15)!
      p.initializeMemory(as: UInt8.self, repeating: 0x5A, count: size - 15)
      #expect(heap.reallocate(p, byteCount: size) == p, "grow within class \(index)")
      #expect(heap.reallocate(p, byteCount: size - 15) == p, "shrink within class \(index)")
      let moved = heap.reallocate(p, byteCount: size + 1)!
      #expect(moved != p, "grow out of class \(index)")
      #expect((0..<(size - 15)).allSatisfy { moved.load(fromByteOffset: $0, as: UInt8.self) == 0x5A })
      heap.free(moved)
    }
    #expect(heap.allocatedBlocks == 0)
  }

  /// CPython's rule: a shrink of less than 25 % keeps the block even across classes.
  @Test func smallShrinksKeepTheBlock() {
    let heap = Heap()
    let p = heap.allocate(byteCount: 512)!
    #expect(heap.reallocate(p, byteCount: 400) == p)    // 400 * 4 > 512 * 3
    let q = heap.reallocate(p, byteCount: 100)!          // a real shrink moves
    #expect(q != p)
    heap.free(q)
  }

  @Test func reallocateToZeroDoesNotFree() {
    let heap = Heap()
    let p = heap.allocate(byteCount: 24)!
    let q = heap.reallocate(p, byteCount: 0)
    #expect(q != nil)
    heap.free(q)
    #expect(heap.allocatedBlocks == 0)
  }

  /// A C-library block stays with the C library even when resized to a small size.
  @Test func largeBlocksAreNeverAdoptedByPools() {
    let heap = Heap()
    let p = heap.allocate(byteCount: 4096)!
    let q = heap.reallocate(p, byteCount: 16)!
    #expect(heap.owns(q) == false)
    heap.free(q)
  }

  @Test func allocatedBlocksCountsPoolAndLargeBlocksButNotRaw() {
    let heap = Heap()
    let small = (0..<10).map { _ in heap.allocate(byteCount: 40)! }
    let large = heap.allocate(byteCount: 2000, domain: .mem)!
    let raw = heap.allocate(byteCount: 2000, domain: .raw)!
    #expect(heap.allocatedBlocks == 11)
    heap.free(raw, domain: .raw)
    heap.free(large, domain: .mem)
    for p in small { heap.free(p) }
    #expect(heap.allocatedBlocks == 0)
  }

  @Test func sizeClassesMatchCPython() {
    for n in 1...512 {
      #expect(SizeClass.index(forRequest: n) == (n - 1) >> 4)
      #expect(SizeClass.blockSize(ofClass: SizeClass.index(forRequest: n)) >= n)
    }
    #expect(SizeClass.blocksPerPool(ofClass: 0) == 1021)
    #expect(SizeClass.blocksPerPool(ofClass: 1) == 510)
    #expect(SizeClass.blocksPerPool(ofClass: 3) == 255)
    #expect(SizeClass.blocksPerPool(ofClass: 31) == 31)
    #expect(SizeClass.poolsPerArena == 64)
  }

  @Test func ownershipNeverReadsForeignMemory() {
    let heap = Heap()
    let p = heap.allocate(byteCount: 32)!
    #expect(heap.owns(p) == true)
    // Addresses we have never mapped, including ones that would fault if read.
    for address: UInt in [1, 0x1000, 0xdead_beef_000, 1 << 47, UInt.max & ~15] {
      #expect(heap.owns(UnsafeRawPointer(bitPattern: address)!) == false)
    }
    let other = Heap()
    let q = other.allocate(byteCount: 32)!
    #expect(heap.owns(q) == false && other.owns(q), "each heap knows only its own arenas")
    other.free(q)
    heap.free(p)
  }
}

/// Every C-library block the heap hands out is on its list (which teardown frees), and
/// leaves it when freed or moved.
@Suite struct LargeBlockListTests {
  @Test func regionsAreLinkedUntilFreed() {
    let heap = Heap()
    var blocks: [(UnsafeMutableRawPointer, MemoryDomain)] = []
    for size in [600, 5_000, 100_000, 0] { blocks.append((heap.allocate(byteCount: size, domain: .mem)!, .mem)) }
    blocks.append((heap.allocate(byteCount: 700, domain: .raw)!, .raw))
    _ = heap.allocate(byteCount: 64)        // a pool block is not on the list
    #expect(heap.state.pointee.largeBlocks.count == 5)
    let moved = heap.reallocate(blocks[1].0, byteCount: 50_000, domain: .mem)!
    blocks[1].0 = moved
    #expect(heap.state.pointee.largeBlocks.count == 5)
    for (block, domain) in blocks.prefix(3) { heap.free(block, domain: domain) }
    #expect(heap.state.pointee.largeBlocks.count == 2)
    #expect(heap.allocatedBlocks == 2, "one large mem block and the pool block")
  }
}
