import Testing
import PyHeap

/// The embedding API re-exports the heap, so an embedder needs one import.
@Suite struct PyHeapTests {
  @Test func embedderGetsTheHeapThroughOneImport() {
    let heap = Heap(HeapConfiguration(byteLimit: 4 << 20))
    let p = heap.allocate(byteCount: 100)
    #expect(p != nil)
    #expect(heap.allocatedBlocks == 1)
    heap.free(p)
    #expect(heap.statistics.arenasCurrent == 1)
  }

  @Test func versionsAreWellFormed() {
    #expect(PyHeapInfo.version.split(separator: ".").count == 3)
    #expect(PyHeapInfo.pythonVersion == "3.11.7")
  }
}

@Suite struct EmbeddingTests {
  /// An embedder builds objects on a runtime and reads the heap's statistics through the
  /// same import.
  @Test func runtimeAndHeapThroughOneImport() {
    let runtime = Runtime(HeapConfiguration(byteLimit: 64 << 20))
    let rt = runtime.ref
    let before = rt.blocksInUseWithoutFreeLists
    let list = rt.newList()!
    for value in 0..<1000 { let int = rt.newInt(value)!; rt.listAppend(list, int); rt.decref(int) }
    #expect(rt.blocksInUseWithoutFreeLists > before + 700)
    rt.decref(list)
    #expect(rt.blocksInUseWithoutFreeLists == before)
  }

  /// Exhausting the heap limit fails the allocation with MemoryError, and the program can
  /// go on once it lets go of memory.
  @Test func memoryErrorAtTheLimitAndRecovery() {
    let runtime = Runtime(HeapConfiguration(byteLimit: 4 << 20))
    let rt = runtime.ref
    let keep = rt.newList()!
    var failed = false
    for _ in 0..<1_000_000 {
      guard let item = rt.newList() else { failed = true; break }
      guard rt.listAppend(keep, item) else { rt.decref(item); failed = true; break }
      rt.decref(item)
    }
    #expect(failed)
    #expect(rt.takeError()?.typeName == "MemoryError")
    rt.listClear(keep)
    #expect(rt.newList().map { rt.decref($0); return true } == true, "memory is available again")
    rt.decref(keep)
  }
}
