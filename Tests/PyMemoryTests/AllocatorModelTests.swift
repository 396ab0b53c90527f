import Testing
@testable import PyMemory

/// Seeded randomized operations against a model of the live blocks. On failure the seed is
/// in the message: `swift test --filter AllocatorModelTests` replays it exactly.
@Suite struct AllocatorModelTests {
  @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
  func randomOperationsKeepContentsAndInvariants(seed: UInt64) {
    var rng = SeededRandom(seed: seed)
    let heap = Heap()
    var model = AllocatorModel()
    let operations = 250_000
    for step in 1...operations {
      model.step(heap, &rng, maxLive: 2_000)
      if step % 50_000 == 0 {
        model.verifyAll()
        let report = heap.verify()
        #expect(report.isValid, "seed \(seed), step \(step): \(report)")
        #expect(heap.allocatedBlocks == model.blocks.filter { $0.domain != .raw }.count, "seed \(seed)")
      }
      if !model.failures.isEmpty { break }
    }
    #expect(model.failures.isEmpty, "seed \(seed): \(model.failures.prefix(5))")
    model.freeAll(heap)
    #expect(heap.allocatedBlocks == 0, "seed \(seed)")
    #expect(heap.verify().isValid, "seed \(seed): \(heap.verify())")
    #expect(heap.statistics.arenasCurrent <= 1, "seed \(seed): arenas left after freeing everything")
  }

  /// Large live sets cross many arenas, so arena ordering and release get exercised.
  @Test(arguments: [11, 12] as [UInt64])
  func manyArenasRandomFreeOrder(seed: UInt64) {
    var rng = SeededRandom(seed: seed)
    let heap = Heap()
    var live: [(UnsafeMutableRawPointer, Int, UInt8)] = []
    for _ in 0..<200_000 {
      let size = 1 + Int(rng.next() % 512)
      let p = heap.allocate(byteCount: size)!
      let pattern = UInt8(truncatingIfNeeded: rng.next())
      p.storeBytes(of: pattern, as: UInt8.self)
      p.storeBytes(of: pattern, toByteOffset: size - 1, as: UInt8.self)
      live.append((p, size, pattern))
    }
    #expect(heap.statistics.arenasCurrent > 20, "seed \(seed)")
    live.shuffle(using: &rng)
    for (index, (p, size, pattern)) in live.enumerated() {
      #expect(p.load(as: UInt8.self) == pattern && p.load(fromByteOffset: size - 1, as: UInt8.self) == pattern,
              "seed \(seed): block corrupted")
      heap.free(p)
      if index % 40_000 == 0 {
        let report = heap.verify()
        #expect(report.isValid, "seed \(seed), after \(index) frees: \(report)")
      }
    }
    let stats = heap.statistics
    #expect(stats.arenasCurrent <= 1, "seed \(seed)")
    #expect(stats.arenasReclaimed == stats.arenasAllocatedTotal - stats.arenasCurrent)
    #expect(heap.verify().isValid)
  }
}
