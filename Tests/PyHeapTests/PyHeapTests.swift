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
