import Testing
@testable import PyMemory

/// The verifier finds damage: each test breaks one invariant by hand.
@Suite struct VerifierTests {
  @Test func sound() {
    let heap = Heap()
    let blocks = (0..<5000).map { heap.allocate(byteCount: 1 + $0 % 512)! }
    let report = heap.verify()
    #expect(report.isValid, "\(report)")
    #expect(report.poolsVisited > 30)
    for p in blocks { heap.free(p) }
  }

  @Test func corruptFreeListIsFound() {
    let heap = Heap()
    let a = heap.allocate(byteCount: 32)!
    let b = heap.allocate(byteCount: 32)!
    heap.free(a)
    // A use-after-free write: the freed block's link now points outside the pool.
    a.storeBytes(of: UnsafeMutableRawPointer(bitPattern: 0x1000), as: UnsafeMutableRawPointer?.self)
    let report = heap.verify()
    #expect(!report.isValid)
    #expect(report.description.contains("free list"))
    a.storeBytes(of: nil, as: UnsafeMutableRawPointer?.self)
    _ = b
  }

  @Test func wrongCountIsFound() {
    let heap = Heap()
    let a = heap.allocate(byteCount: 48)!
    let pool = Pool(containing: a)
    pool.count += 1
    #expect(!heap.verify().isValid)
    pool.count -= 1
    #expect(heap.verify().isValid)
    heap.free(a)
  }

  @Test func brokenArenaOrderIsFound() {
    let heap = Heap()
    let a = heap.allocate(byteCount: 48)!
    heap.state.pointee.small.arenas[0].freePoolCount += 1
    #expect(!heap.verify().isValid)
    heap.state.pointee.small.arenas[0].freePoolCount -= 1
    #expect(heap.verify().isValid)
    heap.free(a)
  }
}

/// With the `ExpensiveChecks` trait the verifier runs by itself after every pool-state
/// transition, so damage stops the process at the next one. (Skipped without the trait.)
@Suite(.enabled(if: pymemExpensiveChecksEnabled, "needs --traits ExpensiveChecks"))
struct ExpensiveChecksTests {
  @Test func damageIsCaughtAtTheNextTransition() async {
    await #expect(processExitsWith: .failure) {
      let heap = Heap()
      let a = heap.allocate(byteCount: 48)!
      Pool(containing: a).count += 5        // a wrong count...
      _ = heap.allocate(byteCount: 300)     // ...found when class 18 opens a pool
    }
  }
}
