import ArgumentParser
import PyHeap

/// `pyheap`: CPython's memory management rebuilt in Swift, with a Python 3.11 interpreter on
/// top. Today it reports on its heap; running scripts arrives with the interpreter.
@main
struct PyHeapCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pyheap",
    abstract: "Run Python 3.11 programs on PyHeap's private heap.",
    discussion: """
      PyHeap is CPython's memory management (pymalloc arenas and pools, reference counting, \
      the generational cycle collector) rebuilt in Swift.
      """,
    version: "pyheap \(PyHeapInfo.version) (Python \(PyHeapInfo.pythonVersion) semantics)")

  @Argument(help: "The Python script to run.")
  var script: String?

  @Flag(name: .customLong("debugmallocstats"),
        help: "Print the allocator's statistics (the layout of sys._debugmallocstats()) for a fresh heap and exit.")
  var debugMallocStats = false

  func run() throws {
    if debugMallocStats {
      let heap = Heap()
      print(heap.statistics.debugMallocStatsText(), terminator: "")
      return
    }
    guard let script else {
      throw ValidationError("Missing script. Usage: pyheap SCRIPT.py")
    }
    throw ValidationError("Cannot run \(script): the interpreter is not built yet (see README, Status).")
  }
}
