import Testing
@testable import PyMemory

/// A tracer that counts calls and bytes, as tracemalloc will.
private struct Tally {
  var allocations = 0, frees = 0, reallocations = 0
  var liveBytes = 0
  var lastDomain: UInt8 = 0
}

private let onAllocate: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutableRawPointer, Int, UInt8) -> Void = {
  context, _, size, domain in
  let tally = context!.assumingMemoryBound(to: Tally.self)
  tally.pointee.allocations += 1
  tally.pointee.liveBytes += size
  tally.pointee.lastDomain = domain
}
private let onFree: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutableRawPointer, Int, UInt8) -> Void = {
  context, _, size, _ in
  let tally = context!.assumingMemoryBound(to: Tally.self)
  tally.pointee.frees += 1
  tally.pointee.liveBytes -= size
}
private let onRealloc: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutableRawPointer?, UnsafeMutableRawPointer, Int, UInt8) -> Void = {
  context, _, _, _, _ in
  context!.assumingMemoryBound(to: Tally.self).pointee.reallocations += 1
}

@Suite struct TraceHookTests {
  @Test func everyOperationReachesTheTracer() {
    let heap = Heap()
    let tally = UnsafeMutablePointer<Tally>.allocate(capacity: 1)
    tally.initialize(to: Tally())
    defer { tally.deallocate() }
    let untraced = heap.allocate(byteCount: 10)!
    heap.setTraceHook(TraceHook(context: tally, allocated: onAllocate, freed: onFree, reallocated: onRealloc))
    #expect(heap.isTraced == true)
    let a = heap.allocate(byteCount: 100)!
    let b = heap.allocate(byteCount: 1000, domain: .raw)!
    #expect(tally.pointee.allocations == 2)
    #expect(tally.pointee.liveBytes == 1100)
    #expect(tally.pointee.lastDomain == MemoryDomain.raw.rawValue)
    let c = heap.reallocate(a, byteCount: 200)!
    #expect(tally.pointee.reallocations == 1)
    heap.free(c)
    heap.free(b, domain: .raw)
    #expect(tally.pointee.frees == 2)
    heap.setTraceHook(nil)
    #expect(heap.isTraced == false)
    heap.free(untraced)
    #expect(tally.pointee.frees == 2, "an uninstalled tracer hears nothing")
    #expect(heap.state.pointee.isPlain)
  }

  /// Under the debug layer the tracer sees requested sizes, so it balances exactly.
  @Test func debugLayerReportsRequestedSizes() {
    let heap = Heap(HeapConfiguration(debugHooks: true))
    let tally = UnsafeMutablePointer<Tally>.allocate(capacity: 1)
    tally.initialize(to: Tally())
    defer { tally.deallocate() }
    heap.setTraceHook(TraceHook(context: tally, allocated: onAllocate, freed: onFree, reallocated: onRealloc))
    let blocks = [1, 17, 300, 5000].map { heap.allocate(byteCount: $0)! }
    #expect(tally.pointee.liveBytes == 5318)
    for p in blocks { heap.free(p) }
    #expect(tally.pointee.liveBytes == 0)
  }
}
