import Testing
import PyMemory

/// Every misuse the debug layer catches stops the process with a report naming the block.
/// These are exit tests: each body runs in a child process that must fail.
@Suite struct DebugAllocatorCrashTests {
  private static func report(_ result: ExitTest.Result?) -> String {
    String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
  }

  @Test func bufferOverrunIsCaught() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      let heap = Heap(HeapConfiguration(debugHooks: true))
      let p = heap.allocate(byteCount: 10, domain: .mem)!
      p.storeBytes(of: 0x41, toByteOffset: 10, as: UInt8.self)
      heap.free(p, domain: .mem)
    }
    let text = Self.report(result)
    #expect(text.contains("API 'm'"))
    #expect(text.contains("10 bytes originally requested"))
    #expect(text.contains("at tail+0: 0x41 *** OUCH"))
    #expect(text.contains("call #1"))
    #expect(text.contains("bad trailing pad byte"))
  }

  @Test func bufferUnderrunIsCaught() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      let heap = Heap(HeapConfiguration(debugHooks: true))
      let p = heap.allocate(byteCount: 24)!
      p.storeBytes(of: 0, toByteOffset: -1, as: UInt8.self)
      heap.free(p)
    }
    let text = Self.report(result)
    #expect(text.contains("at p-1: 0x00 *** OUCH"))
    #expect(text.contains("bad leading pad byte"))
  }

  @Test func doubleFreeIsCaught() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      let heap = Heap(HeapConfiguration(debugHooks: true))
      let keep = heap.allocate(byteCount: 32)!
      let p = heap.allocate(byteCount: 32)!
      heap.free(p)
      heap.free(p)
      heap.free(keep)
    }
    let text = Self.report(result)
    #expect(text.contains("block freed twice"))
    #expect(text.contains("32 bytes originally requested"))
    #expect(text.contains("call #2"))
  }

  @Test func foreignPointerIsCaught() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      let heap = Heap(HeapConfiguration(debugHooks: true))
      let other = Heap()
      let p = other.allocate(byteCount: 32)!
      heap.free(p)
    }
    #expect(Self.report(result).contains("pointer not allocated by this heap"))
  }

  @Test func interiorPointerIsCaught() async {
    await #expect(processExitsWith: .failure) {
      let heap = Heap(HeapConfiguration(debugHooks: true))
      let p = heap.allocate(byteCount: 64)!
      heap.free(p + 16)
    }
  }

  @Test func wrongDomainIsCaught() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      let heap = Heap(HeapConfiguration(debugHooks: true))
      let p = heap.allocate(byteCount: 16, domain: .object)!
      heap.free(p, domain: .mem)
    }
    #expect(Self.report(result).contains("bad ID: Allocated using API 'o', verified using API 'm'"))
  }

  @Test func wrongDomainOnReallocIsCaught() async {
    await #expect(processExitsWith: .failure) {
      let heap = Heap(HeapConfiguration(debugHooks: true))
      let p = heap.allocate(byteCount: 16, domain: .raw)!
      _ = heap.reallocate(p, byteCount: 32, domain: .object)
    }
  }

  /// The same misuse without the debug layer is not diagnosed (as in CPython), which is why
  /// the layer exists; the control case shows the exit tests can pass.
  @Test func correctUseExitsCleanly() async {
    await #expect(processExitsWith: .success) {
      let heap = Heap(HeapConfiguration(debugHooks: true))
      let p = heap.allocate(byteCount: 16)!
      heap.free(p)
    }
  }
}
