import Testing
@testable import PyMemory

/// Every pool-state transition, for every size class.
@Suite struct PoolStateTests {
  /// The pool-thrash trap: one block allocated and freed over and over keeps its pool in the
  /// ring (cached empty) and its arena untouched, instead of cycling through the arena.
  @Test(arguments: 0..<SizeClass.count)
  func oneBlockAllocatedAndFreedKeepsItsPool(sizeClass: Int) {
    let heap = Heap()
    let size = SizeClass.blockSize(ofClass: sizeClass)
    let first = heap.allocate(byteCount: size)!
    heap.free(first)
    let small = heap.state.pointee.small
    let arena = small.arenas[0]
    let freePoolsBefore = arena.freePoolCount
    let head = small.sentinel(sizeClass)
    #expect(head.nextPool != head, "the emptied pool stays in its ring")
    #expect(head.nextPool.count == 0)
    for _ in 0..<1_000 {
      let p = heap.allocate(byteCount: size)!
      #expect(p == first, "the same block comes back")
      heap.free(p)
    }
    #expect(heap.state.pointee.small.arenas[0].freePoolCount == freePoolsBefore)
    #expect(heap.verify().isValid)
  }

  /// Filling a pool takes it out of the ring; one free brings it back at the front, so the
  /// freed block is the next one handed out.
  @Test(arguments: [0, 7, 31])
  func fullPoolLeavesRingAndComesBackAtFront(sizeClass: Int) {
    let heap = Heap()
    let size = SizeClass.blockSize(ofClass: sizeClass)
    let capacity = SizeClass.blocksPerPool(ofClass: sizeClass)
    let firstPool = (0..<capacity).map { _ in heap.allocate(byteCount: size)! }
    let head = heap.state.pointee.small.sentinel(sizeClass)
    #expect(head.nextPool == head, "a full pool is in no ring")
    let second = heap.allocate(byteCount: size)!    // opens a second pool
    #expect(Pool(containing: second) != Pool(containing: firstPool[0]))
    let victim = firstPool[capacity / 2]
    heap.free(victim)
    #expect(head.nextPool == Pool(containing: victim), "the pool that was full is at the front")
    #expect(heap.allocate(byteCount: size) == victim, "the freed block is reused first")
    #expect(heap.verify().isValid)
    for p in firstPool { heap.free(p) }
    heap.free(second)
    #expect(heap.verify().isValid)
    #expect(heap.allocatedBlocks == 0)
  }

  /// An empty pool that is not alone in its ring goes back to its arena's free list and is
  /// reused, without re-initialization, by the next pool its class needs.
  @Test func emptyPoolReturnsToArenaAndIsReused() {
    let heap = Heap()
    let capacity = SizeClass.blocksPerPool(ofClass: 3)
    let pool1 = (0..<capacity).map { _ in heap.allocate(byteCount: 64)! }
    let pool2 = (0..<10).map { _ in heap.allocate(byteCount: 64)! }
    let arena = { heap.state.pointee.small.arenas[0] }
    let freeBefore = arena().freePoolCount
    for p in pool2 { heap.free(p) }
    // pool2 emptied while pool1 was full and out of the ring: alone → cached.
    #expect(arena().freePoolCount == freeBefore)
    heap.free(pool1[0])   // pool1 rejoins the ring; the cached pool2 goes back to the arena
    #expect(arena().freePoolCount == freeBefore + 1)
    #expect(arena().freePools == Pool(containing: pool2[0]).base)
    #expect(heap.verify().isValid)
    for p in pool1.dropFirst() { heap.free(p) }
    #expect(heap.verify().isValid)
  }

  /// A new pool initializes only its first two blocks and carves the rest lazily.
  @Test func newPoolsCarveLazily() {
    let heap = Heap()
    let p = heap.allocate(byteCount: 16)!
    let pool = Pool(containing: p)
    #expect(pool.nextOffset == SizeClass.poolOverhead + 32)
    #expect(p - pool.base == SizeClass.poolOverhead)
    // Each pop that empties the free list carves exactly one block ahead.
    _ = heap.allocate(byteCount: 16)
    #expect(pool.nextOffset == SizeClass.poolOverhead + 48)
    _ = heap.allocate(byteCount: 16)
    #expect(pool.nextOffset == SizeClass.poolOverhead + 64)
  }

  /// Arenas are used fullest-first: with two partly used arenas, new pools come from the
  /// one with fewer free pools.
  @Test func fullestArenaServesNewPools() {
    let heap = Heap()
    // Fill arena A with 64 pools of class 31, then one more block opens a pool in arena B,
    // which stays in the ring (partly used).
    let perPool = SizeClass.blocksPerPool(ofClass: 31)
    var blocks = (0..<(perPool * 64 + 1)).map { _ in heap.allocate(byteCount: 512)! }
    #expect(heap.statistics.arenasCurrent == 2)
    let arenaB = Int(Pool(containing: blocks.last!).arenaIndex)
    // Free 3 whole pools of A: A now has 3 free pools, B has 63.
    let arenaA = Int(Pool(containing: blocks[0]).arenaIndex)
    for p in blocks[0..<(perPool * 3)] { heap.free(p) }
    blocks.removeFirst(perPool * 3)
    let small = heap.state.pointee.small
    #expect(small.arenas[arenaA].freePoolCount == 3)
    #expect(small.usableArenas == Int32(arenaA), "the fuller arena heads usableArenas")
    let fresh = heap.allocate(byteCount: 16)!
    #expect(Pool(containing: fresh).arenaIndex == arenaA)
    _ = arenaB
    heap.free(fresh)
    for p in blocks { heap.free(p) }
    #expect(heap.verify().isValid)
    #expect(heap.statistics.arenasCurrent == 1)
  }
}
