import Testing
@testable import PyMemory

/// The heap limit: an allocation that would pass it returns nil and changes nothing; the
/// program can free memory and carry on.
@Suite struct HeapLimitTests {
  @Test func smallAllocationsStopAtTheLimitAndRecover() {
    let limit = 3 * SizeClass.arenaSize
    let heap = Heap(HeapConfiguration(byteLimit: limit))
    var blocks: [UnsafeMutableRawPointer] = []
    while let p = heap.allocate(byteCount: 256) { blocks.append(p) }
    let stats = heap.statistics
    #expect(stats.arenasCurrent == 3)
    #expect(heap.footprint <= limit)
    #expect(blocks.count == 3 * 64 * SizeClass.blocksPerPool(ofClass: 15))
    #expect(heap.verify().isValid)
    // Still refused, and nothing changed.
    #expect(heap.allocate(byteCount: 256) == nil)
    #expect(heap.allocate(byteCount: 10_000) == nil)
    #expect(heap.statistics == stats)
    // Free one block: the next allocation succeeds from the same pool.
    let victim = blocks.removeLast()
    heap.free(victim)
    #expect(heap.allocate(byteCount: 256) == victim)
    heap.free(victim)
    for p in blocks { heap.free(p) }
    #expect(heap.verify().isValid)
    #expect(heap.allocate(byteCount: 256) != nil)
  }

  @Test func largeAllocationsAreChargedByUsableSize() {
    let heap = Heap(HeapConfiguration(byteLimit: 100_000))
    let a = heap.allocate(byteCount: 60_000)
    #expect(a != nil)
    #expect(heap.footprint >= 60_000)
    #expect(heap.allocate(byteCount: 60_000) == nil, "would pass the limit")
    #expect(heap.allocate(byteCount: 60_000, domain: .raw) == nil, "the raw domain is charged too")
    // A realloc that would pass it fails and leaves the block intact.
    a!.initializeMemory(as: UInt8.self, repeating: 7, count: 60_000)
    #expect(heap.reallocate(a, byteCount: 200_000) == nil)
    #expect(a!.load(fromByteOffset: 59_999, as: UInt8.self) == 7)
    let b = heap.reallocate(a, byteCount: 30_000)
    #expect(b != nil && b!.load(fromByteOffset: 29_999, as: UInt8.self) == 7)
    heap.free(b)
    #expect(heap.footprint == 0)
  }

  @Test func zeroLimitRefusesEverythingButStaysUsable() {
    let heap = Heap(HeapConfiguration(byteLimit: 0))
    #expect(heap.allocate(byteCount: 16) == nil)
    #expect(heap.allocate(byteCount: 0) == nil)
    #expect(heap.verify().isValid)
    #expect(heap.byteLimit == 0)
  }

  /// The OS refusing an arena (the page-allocator seam) looks the same as the limit.
  @Test func failedArenaMapLeavesHeapIntact() {
    let heap = Heap(HeapConfiguration(pageAllocator: PageAllocator(failAfter: 1)))
    var blocks: [UnsafeMutableRawPointer] = []
    while let p = heap.allocate(byteCount: 512) { blocks.append(p) }
    #expect(blocks.count == 64 * SizeClass.blocksPerPool(ofClass: 31))
    #expect(heap.statistics.arenasCurrent == 1)
    #expect(heap.footprint == SizeClass.arenaSize, "a refused map charges nothing")
    #expect(heap.verify().isValid)
    for p in blocks { heap.free(p) }
    #expect(heap.allocate(byteCount: 512) != nil, "the spare arena still serves")
  }

  @Test func pageAllocatorSeamFailsWithENOMEM() throws {
    var pages = PageAllocator(failAfter: 1)
    let first = try pages.mapAligned(byteCount: SizeClass.arenaSize)
    #expect(UInt(bitPattern: first) % UInt(SizeClass.arenaSize) == 0, "aligned to its size")
    #expect(throws: OSMemoryError.self) { try pages.mapAligned(byteCount: SizeClass.arenaSize) }
    do {
      _ = try pages.mapAligned(byteCount: SizeClass.arenaSize)
    } catch {
      #expect(error.isOutOfMemory)
    }
    pages.unmap(first, byteCount: SizeClass.arenaSize)
    #expect(pages.unmapCount == 1)
  }
}
