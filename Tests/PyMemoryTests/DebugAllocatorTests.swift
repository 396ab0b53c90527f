import Testing
@testable import PyMemory

/// The debug layer's block layout and fills (CPython's `PYTHONMALLOC=debug` values).
@Suite struct DebugAllocatorTests {
  @Test(arguments: MemoryDomain.allCases)
  func blockLayoutMatchesCPython(domain: MemoryDomain) {
    let heap = Heap(HeapConfiguration(debugHooks: true))
    let p = heap.allocate(byteCount: 10, domain: domain)!
    // [n as 8-byte big-endian][API id][7 × 0xFD][n × 0xCD][8 × 0xFD][serial]
    let header = (0..<16).map { p.load(fromByteOffset: $0 - 16, as: UInt8.self) }
    #expect(header == [0, 0, 0, 0, 0, 0, 0, 10, domain.rawValue, 0xFD, 0xFD, 0xFD, 0xFD, 0xFD, 0xFD, 0xFD])
    #expect((0..<10).allSatisfy { p.load(fromByteOffset: $0, as: UInt8.self) == 0xCD })
    #expect((10..<18).allSatisfy { p.load(fromByteOffset: $0, as: UInt8.self) == 0xFD })
    #expect(UInt(bitPattern: p) % 16 == 0)
    heap.free(p, domain: domain)
  }

  @Test func serialNumbersCountCalls() {
    let heap = Heap(HeapConfiguration(debugHooks: true))
    let a = heap.allocate(byteCount: 4)!
    let b = heap.allocate(byteCount: 4)!
    let serial = { (p: UnsafeMutableRawPointer) in loadBigEndian(at: p + 4 + 8) }
    #expect(serial(a) == 1 && serial(b) == 2)
    heap.free(a)
    heap.free(b)
  }

  @Test func zeroedRequestsAreZeroAndFreedBlocksAreDead() {
    let heap = Heap(HeapConfiguration(debugHooks: true))
    let p = heap.allocateZeroed(count: 4, size: 8)!
    #expect((0..<32).allSatisfy { p.load(fromByteOffset: $0, as: UInt8.self) == 0 })
    let keep = heap.allocate(byteCount: 64)!      // keeps the pool from emptying
    heap.free(p)
    // Past the free-list link written into the block's first word, the block reads 0xDD.
    #expect((8..<32).allSatisfy { p.load(fromByteOffset: $0, as: UInt8.self) == 0xDD })
    heap.free(keep)
  }

  @Test func reallocateMovesAndKeepsContents() {
    let heap = Heap(HeapConfiguration(debugHooks: true))
    let p = heap.allocate(byteCount: 20)!
    p.initializeMemory(as: UInt8.self, repeating: 0x42, count: 20)
    let q = heap.reallocate(p, byteCount: 40)!
    #expect(q != p)
    #expect((0..<20).allSatisfy { q.load(fromByteOffset: $0, as: UInt8.self) == 0x42 })
    #expect((20..<40).allSatisfy { q.load(fromByteOffset: $0, as: UInt8.self) == 0xCD })
    heap.free(q)
    #expect(heap.allocatedBlocks == 0)
  }

  /// The verifier reports a damaged guard without stopping the process.
  @Test func verifierSeesOverrunsBeforeFree() {
    let heap = Heap(HeapConfiguration(debugHooks: true))
    let p = heap.allocate(byteCount: 8)!
    #expect(heap.verify().isValid)
    p.storeBytes(of: 0x41, toByteOffset: 8, as: UInt8.self)
    let report = heap.verify()
    #expect(!report.isValid)
    #expect(report.description.contains("serial 1"))
    p.storeBytes(of: 0xFD, toByteOffset: 8, as: UInt8.self)
    heap.free(p)
  }

  /// Every byte of a block's frame is watched: a change to any byte of the size word, the
  /// leading guard or the trailing guard is reported with the part it hit, and the block
  /// reads as intact again once the byte is put back.
  @Test(arguments: [1, 8, 13, 24, 100])
  func verifierWatchesEveryFrameByte(byteCount: Int) {
    let heap = Heap(HeapConfiguration(debugHooks: true))
    let p = heap.allocate(byteCount: byteCount)!
    let watched: [(offset: Int, part: String)] = (-16 ..< -8).map { ($0, "size word") }
      + (-7 ..< 0).map { ($0, "leading guard is overwritten at byte \($0)") }
      + (0..<8).map { (byteCount + $0, "trailing guard is overwritten at byte \($0) past the end") }
    for (offset, part) in watched {
      let original = p.load(fromByteOffset: offset, as: UInt8.self)
      p.storeBytes(of: original ^ 0x10, toByteOffset: offset, as: UInt8.self)
      let report = heap.verify()
      #expect(!report.isValid, "byte \(offset) of a \(byteCount)-byte block")
      #expect(report.description.contains(part), "byte \(offset): \(report.description)")
      #expect(heap.verify(checkingGuards: false).isValid)
      p.storeBytes(of: original, toByteOffset: offset, as: UInt8.self)
      #expect(heap.verify().isValid)
    }
    heap.free(p)
  }

  @Test func randomOperationsUnderTheDebugLayer() {
    var rng = SeededRandom(seed: 99)
    let heap = Heap(HeapConfiguration(debugHooks: true))
    var model = AllocatorModel()
    for _ in 0..<30_000 { model.step(heap, &rng, maxLive: 500) }
    model.verifyAll()
    #expect(model.failures.isEmpty, "seed 99: \(model.failures.prefix(3))")
    #expect(heap.verify().isValid)
    model.freeAll(heap)
    #expect(heap.allocatedBlocks == 0)
  }
}
