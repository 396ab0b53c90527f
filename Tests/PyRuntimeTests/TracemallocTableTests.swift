import Testing
@testable import PyRuntime
import PyMemory

/// tracemalloc's tables on their own: the address-keyed trace table (against a dictionary
/// model), the per-pool record arrays (on a real heap), traceback interning and the
/// frame-key cache.
@Suite struct TracemallocTableTests {
  /// A seeded generator, so a failure replays.
  struct Generator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  @Test func traceTableAgreesWithADictionary() {
    var table = TraceTable()
    defer { table.release() }
    var model: [UInt: (Int, UInt32)] = [:]
    var random = Generator(state: 42)
    // Addresses from a small range, so that inserts replace and removes hit.
    for step in 0..<60_000 {
      let address = UInt(random.next() % 4096 + 1) << 4
      switch random.next() % 3 {
      case 0, 1:
        let size = step % 97 == 0 ? Int(UInt32.max) + step : Int(random.next() % 5000)
        let traceback = UInt32(step % 1000)
        let replaced = table.insert(address, size: size, traceback: traceback)
        #expect(replaced == (model[address]?.0 ?? 0))
        model[address] = (size, traceback)
      default:
        let removed = table.remove(address)
        #expect(removed == (model.removeValue(forKey: address)?.0 ?? -1))
      }
    }
    #expect(table.count == model.count)
    for (address, expected) in model {
      let found = table.find(address)
      #expect(found?.size == expected.0 && found?.traceback == expected.1)
    }
    var seen = 0
    table.forEach { address, size, _ in
      seen += 1
      #expect(model[address]?.0 == size)
    }
    #expect(seen == model.count)
    table.removeAll()
    #expect(table.count == 0 && table.find(16) == nil)
  }

  @Test func poolRecordsFollowBlocksAndSurviveAPoolChangingClass() {
    let heap = Heap()
    var table = PoolTraceTable()
    defer { table.release() }
    var blocks: [(UnsafeMutableRawPointer, Int)] = []
    for index in 0..<3000 {
      let size = 1 + index % 512
      let block = heap.allocate(byteCount: size)!
      #expect(table.insert(UInt(bitPattern: block), size: size, traceback: UInt32(index), heap: heap) == 0)
      blocks.append((block, size))
    }
    #expect(table.count == 3000)
    for (index, (block, size)) in blocks.enumerated() {
      let found = table.find(UInt(bitPattern: block))
      #expect(found?.size == size && found?.traceback == UInt32(index))
    }
    // Resizing in place replaces the record.
    #expect(table.insert(UInt(bitPattern: blocks[0].0), size: 7, traceback: 99, heap: heap) == blocks[0].1)
    // Free every block; the pools empty and are carved again for one other class.
    for (block, size) in blocks {
      #expect(table.remove(UInt(bitPattern: block)) >= 0 || size == 0)
      heap.free(block)
    }
    #expect(table.count == 0)
    var again: [UnsafeMutableRawPointer] = []
    for index in 0..<2000 {
      let block = heap.allocate(byteCount: 24)!
      #expect(table.insert(UInt(bitPattern: block), size: 24, traceback: UInt32(index), heap: heap) == 0)
      again.append(block)
    }
    #expect(Set(again.map { table.find(UInt(bitPattern: $0))!.traceback }).count == 2000)
    // A C-library block is not a pool block.
    let large = heap.allocate(byteCount: 4000)!
    #expect(table.insert(UInt(bitPattern: large), size: 4000, traceback: 1, heap: heap) == -1)
    heap.free(large)
    for block in again { _ = table.remove(UInt(bitPattern: block)); heap.free(block) }
    #expect(table.count == 0)
  }

  @Test func identicalTracebacksAreStoredOnce() {
    var table = TracebackTable()
    defer { table.release() }
    var ids: [UInt32] = []
    for frames in 1...3 {
      for line in 0..<5000 {
        var words: [UInt32] = [UInt32(frames) | UInt32(frames + 2) << 16]
        for frame in 0..<frames { words += [UInt32(frame), UInt32(line)] }
        ids.append(table.intern(words))
      }
    }
    #expect(Set(ids).count == 15_000)
    #expect(table.count == 15_000)
    // Interning the same content again gives the same index, however many came between.
    let again: [UInt32] = [2 | 4 << 16, 0, 123, 1, 123]
    #expect(table.intern(again) == ids[5000 + 123])
    let stored = table.traceback(ids[5000 + 123])
    #expect(TracebackTable.frameCount(stored[0]) == 2 && TracebackTable.totalFrameCount(stored[0]) == 4)
    #expect(stored[3] == 1 && stored[4] == 123)
    // Same frames, another total_nframe: another traceback.
    #expect(table.intern([2 | 9 << 16, 0, 123, 1, 123]) != ids[5000 + 123])
  }

  @Test func frameCacheMatchesWholeKeys() {
    var cache = FrameCache()
    defer { cache.release() }
    func fingerprint(_ outer: [UInt]) -> UInt64 { outer.reduce(0) { FrameCache.mix($0, $1) } }
    let chain = fingerprint([0x1000, 0x2000, 0x3000])
    for ip in stride(from: UInt(0x10_0000), to: 0x10_0000 + 4 * 5000, by: 4) {
      cache.insert(ip0: ip, outer: 0, depth: 7, traceback: UInt32(ip & 0xFFFF))
      cache.insert(ip0: ip, outer: chain, depth: 7, traceback: 1)
    }
    #expect(cache.count == 10_000)
    #expect(cache.find(ip0: 0x10_0010, outer: 0, depth: 7) == 0x0010)
    #expect(cache.find(ip0: 0x10_0010, outer: chain, depth: 7) == 1)
    #expect(cache.find(ip0: 0x10_0010, outer: 0, depth: 8) == nil)
    // The fingerprint depends on every outer frame and on their order.
    #expect(cache.find(ip0: 0x10_0010, outer: fingerprint([0x1000, 0x2000, 0x3004]), depth: 7) == nil)
    #expect(cache.find(ip0: 0x10_0010, outer: fingerprint([0x2000, 0x1000, 0x3000]), depth: 7) == nil)
    cache.removeAll()
    #expect(cache.count == 0 && cache.find(ip0: 0x10_0010, outer: 0, depth: 7) == nil)
  }
}

/// tracemalloc on a runtime: the hook records allocations made through the runtime and the
/// interpreter, with the frames running, and stopping forgets everything.
@Suite struct TracemallocRuntimeTests {
  @Test func objectsMadeOutsidePythonCodeHaveTheUnknownFrame() {
    let runtime = Runtime()
    let rt = runtime.ref
    #expect(rt.tracedMemory == (0, 0))
    rt.startTracingMemory(frames: 3)
    #expect(rt.isTracingMemory)
    let list = rt.newList()!
    for value in 1000..<1100 { let int = rt.newInt(value)!; rt.listAppend(list, int); rt.decref(int) }
    let (current, peak) = rt.tracedMemory
    #expect(current >= 100 * 32 && peak >= current)
    let traceback = rt.objectTraceback(list)!
    let words = rt.tracemalloc.pointee.tracebacks.traceback(traceback)
    #expect(TracebackTable.frameCount(words[0]) == 1 && words[1] == FilenameTable.unknown && words[2] == 0)
    rt.decref(list)
    #expect(rt.tracedMemory.current < current - 100 * 32)
    rt.stopTracingMemory()
    #expect(!rt.isTracingMemory && rt.tracedMemory == (0, 0))
    #expect(rt.state.pointee.heap.isTraced == false)
  }

  @Test func pythonCodeGetsItsFileAndLines() throws {
    let runtime = Runtime()
    let rt = runtime.ref
    rt.startInterpreter(arguments: ["t"], searchPaths: [])
    rt.startTracingMemory(frames: 5)
    let source = """
      def inner():
          return [str(1000 + i) for i in range(50)]
      def outer():
          return inner()
      kept = outer()[7]

      """
    let code = try #require(rt.compileSource(Array(source.utf8), filename: "sample.py"))
    let globals = rt.newDict()!
    rt.setItem(globals, "__builtins__", PyRef(rt.state.pointee.interpreter.builtinsModule!))
    let result = try #require(rt.runModuleCode(code, globals: globals))
    rt.decref(result)
    // A str made in the comprehension: a fresh block (a list could come from the list free
    // list, filled before tracing began, and so have no trace, as in CPython).
    let kept = try #require(rt.dictGetItem(globals, rt.newStr("kept")!))
    let id = try #require(rt.objectTraceback(kept))
    let tracer = rt.tracemalloc
    let words = tracer.pointee.tracebacks.traceback(id)
    let count = TracebackTable.frameCount(words[0])
    var frames: [String] = []
    for frame in 0..<count {
      let name = StrObject.string(tracer.pointee.filenames.names[Int(words[1 + 2 * frame])])
      frames.append("\(name):\(words[2 + 2 * frame])")
    }
    // Most recent first: the comprehension, inner, outer, the module.
    #expect(frames == ["sample.py:2", "sample.py:2", "sample.py:4", "sample.py:5"])
    #expect(TracebackTable.totalFrameCount(words[0]) == 4)
    rt.decref(globals)
    rt.decref(code)
    rt.stopTracingMemory()
  }
}
