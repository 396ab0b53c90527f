import Testing
@testable import PyMemory
#if canImport(Glibc)
import Glibc
#endif

/// Empty memory goes back to the OS.
@Suite struct ArenaReleaseTests {
  /// Resident pages of this process, from /proc/self/statm (second field).
  static func residentBytes() -> Int {
    guard let file = fopen("/proc/self/statm", "r") else { return -1 }
    defer { fclose(file) }
    var size = 0, resident = 0
    guard withUnsafeMutablePointer(to: &size, { s in
      withUnsafeMutablePointer(to: &resident) { r in readStatm(file, s, r) }
    }) else { return -1 }
    return resident * Int(sysconf(Int32(_SC_PAGESIZE)))
  }

  private static func readStatm(_ file: UnsafeMutablePointer<FILE>, _ size: UnsafeMutablePointer<Int>,
                                _ resident: UnsafeMutablePointer<Int>) -> Bool {
    var line = [CChar](repeating: 0, count: 256)
    guard fgets(&line, 256, file) != nil else { return false }
    let fields = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self).split(separator: " ")
    guard fields.count >= 2, let s = Int(fields[0]), let r = Int(fields[1]) else { return false }
    size.pointee = s
    resident.pointee = r
    return true
  }

  /// Runs in a child process (an exit test) so that no other test's memory moves the
  /// resident-set figures.
  @Test func freeingEverythingReturnsArenasAndResidentMemory() async {
    let result = await #expect(processExitsWith: .success, observing: [\.standardErrorContent]) {
      let heap = Heap()
      let count = 3_000_000
      let blocks = UnsafeMutableBufferPointer<UnsafeMutableRawPointer>.allocate(capacity: count)
      blocks.initialize(repeating: UnsafeMutableRawPointer(bitPattern: 16)!)
      let before = ArenaReleaseTests.residentBytes()
      for i in 0..<count {
        let p = heap.allocate(byteCount: 64)!
        p.storeBytes(of: i, as: Int.self)
        blocks[i] = p
      }
      let peakArenas = heap.statistics.arenasCurrent
      let atPeak = ArenaReleaseTests.residentBytes()
      for i in 0..<count { heap.free(blocks[i]) }
      let stats = heap.statistics
      let after = ArenaReleaseTests.residentBytes()
      StandardErrorForTests.write("before \(before) peak \(atPeak) after \(after) arenas \(peakArenas) -> \(stats.arenasCurrent)\n")
      precondition(peakArenas > 180, "expected ~190 arenas at the peak")
      precondition(atPeak - before > 150 << 20, "the arenas are resident at the peak")
      precondition(stats.arenasCurrent <= 1 && stats.arenasReclaimed >= peakArenas - 1, "arenas were not released")
      precondition(after - before < 4 << 20, "resident memory did not fall back")
      precondition(heap.verify().isValid)
    }
    let text = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
    #expect(text.contains("-> 1") || text.contains("-> 0"), "\(text)")
  }

  /// Keeping every 1000th block alive pins every arena (CPython measures the same: 80 arenas
  /// stay for 1,000,000 strings); freeing the survivors releases them.
  @Test func survivorsPinArenasUntilFreed() {
    let heap = Heap()
    let blocks = (0..<1_000_000).map { _ in heap.allocate(byteCount: 48)! }
    let arenas = heap.statistics.arenasCurrent
    for (i, p) in blocks.enumerated() where i % 1000 != 0 { heap.free(p) }
    #expect(heap.statistics.arenasCurrent == arenas)
    #expect(heap.allocatedBlocks == 1000)
    for (i, p) in blocks.enumerated() where i % 1000 == 0 { heap.free(p) }
    #expect(heap.statistics.arenasCurrent <= 1)
  }

  /// With `discardEmptyPools`, pools that go back to their arena give their pages to the OS
  /// even while the arena is pinned by a survivor. (In a child process, like the test above.)
  @Test func discardEmptyPoolsDropsResidentMemoryOfPinnedArenas() async {
    await #expect(processExitsWith: .success) {
      let heap = Heap(HeapConfiguration(discardEmptyPools: true))
      let count = 2_000_000
      let blocks = UnsafeMutableBufferPointer<UnsafeMutableRawPointer>.allocate(capacity: count)
      blocks.initialize(repeating: UnsafeMutableRawPointer(bitPattern: 16)!)
      var kept: [UnsafeMutableRawPointer] = []
      kept.reserveCapacity(1000)
      var seenArenas = Set<Int>(minimumCapacity: 1000)
      let before = ArenaReleaseTests.residentBytes()
      for i in 0..<count {
        let p = heap.allocate(byteCount: 64)!
        p.storeBytes(of: i, as: Int.self)
        blocks[i] = p
      }
      let atPeak = ArenaReleaseTests.residentBytes()
      // Keep one block per arena, free the rest.
      for p in blocks {
        if seenArenas.insert(Pool(containing: p).arenaIndex).inserted { kept.append(p) } else { heap.free(p) }
      }
      let pinned = ArenaReleaseTests.residentBytes()
      StandardErrorForTests.write("before \(before) peak \(atPeak) pinned \(pinned)\n")
      precondition(heap.statistics.arenasCurrent == seenArenas.count)
      // Each discarded pool keeps its first page (header and free-pool link): with 16 KiB
      // pools and 4 KiB pages, a quarter of each pinned arena stays resident at best.
      precondition(pinned - before < (atPeak - before) * 3 / 10, "pinned arenas stayed resident")
      precondition(heap.verify().isValid)
      // Discarded pools are initialized afresh when reused.
      let again = (0..<100_000).map { _ in heap.allocate(byteCount: 64)! }
      precondition(heap.verify().isValid)
      for p in again + kept { heap.free(p) }
      precondition(heap.statistics.arenasCurrent <= 1)
    }
  }
}

/// Writes a diagnostic line to stderr from inside an exit test.
enum StandardErrorForTests {
  static func write(_ text: String) {
    _ = text.utf8CString.withUnsafeBufferPointer { Glibc.write(2, $0.baseAddress, $0.count - 1) }
  }
}
