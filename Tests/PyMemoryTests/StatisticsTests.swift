import Testing
@testable import PyMemory

@Suite struct StatisticsTests {
  @Test func perClassCountsAndByteTotals() {
    let heap = Heap()
    let a = (0..<18).map { _ in heap.allocate(byteCount: 16)! }
    let b = (0..<600).map { _ in heap.allocate(byteCount: 30)! }
    let stats = heap.statistics
    #expect(stats.sizeClasses[0] == SizeClassStatistics(sizeClass: 0, blockSize: 16, pools: 1, blocksInUse: 18, blocksAvailable: 1003))
    #expect(stats.sizeClasses[1].pools == 2)
    #expect(stats.sizeClasses[1].blocksInUse == 600)
    #expect(stats.sizeClasses[1].blocksAvailable == 2 * 510 - 600)
    #expect(stats.bytesInAllocatedBlocks == 18 * 16 + 600 * 32)
    #expect(stats.unusedPools == 61)
    let total = stats.bytesInAllocatedBlocks + stats.bytesInAvailableBlocks + stats.unusedPools * SizeClass.poolSize
      + stats.bytesLostToPoolHeaders + stats.bytesLostToQuantization + stats.bytesLostToArenaAlignment
    #expect(total == stats.arenaBytes)
    #expect(stats.bytesLostToQuantization == (16384 - 48) % 16 + 2 * ((16384 - 48) % 32))
    #expect(stats.allocatedBlocks == 618)
    #expect(heap.allocatedBlocks == 618)
    for p in a + b { heap.free(p) }
  }

  @Test func arenaCountersFollowCPythonsDefinitions() {
    let heap = Heap()
    let blocks = (0..<(64 * 31 * 3)).map { _ in heap.allocate(byteCount: 512)! }
    var stats = heap.statistics
    #expect(stats.arenasAllocatedTotal == 3 && stats.arenasCurrent == 3 && stats.arenasHighWater == 3)
    for p in blocks { heap.free(p) }
    stats = heap.statistics
    #expect(stats.arenasCurrent == 1)
    #expect(stats.arenasReclaimed == 2)
    #expect(stats.arenasHighWater == 3)
    #expect(stats.fragmentation == 1)
  }

  /// The text has `_debugmallocstats()`'s layout, line for line (checked against CPython's
  /// own output, which the README reproduces).
  @Test func debugMallocStatsTextLayout() {
    let heap = Heap()
    let blocks = (0..<18).map { _ in heap.allocate(byteCount: 16)! } + [heap.allocate(byteCount: 500)!]
    let lines = heap.statistics.debugMallocStatsText(freeListLines: ["  3 free PyFloatObjects * 24 bytes each"])
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines[0] == "Small block threshold = 512, in 32 size classes.")
    #expect(lines[1] == "")
    #expect(lines[2] == "class   size   num pools   blocks in use  avail blocks")
    #expect(lines[3] == "-----   ----   ---------   -------------  ------------")
    #expect(lines[4] == "    0     16           1              18          1003")
    #expect(lines[5] == "   31    512           1               1            30")
    #expect(lines[6] == "")
    #expect(lines[7] == "# arenas allocated total           =                    1")
    #expect(lines[11] == "1 arenas * 1048576 bytes/arena     =            1,048,576")
    #expect(lines[13] == "# bytes in allocated blocks        =                  800")
    #expect(lines[15] == "62 unused pools * 16384 bytes      =            1,015,808")
    #expect(lines[19] == "Total                              =            1,048,576")
    #expect(lines.contains("  3 free PyFloatObjects * 24 bytes each"))
    for p in blocks { heap.free(p) }
  }

  @Test func thousandsSeparators() {
    #expect(thousands(0) == "0")
    #expect(thousands(999) == "999")
    #expect(thousands(1000) == "1,000")
    #expect(thousands(1_048_576) == "1,048,576")
    #expect(statLine("Total", 655_360) == "Total                              =              655,360\n")
  }
}
