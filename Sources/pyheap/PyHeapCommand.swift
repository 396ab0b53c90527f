import ArgumentParser
import Foundation
import PyHeap
import PySyntax

/// `pyheap`: CPython's memory management rebuilt in Swift, with a Python 3.11 interpreter on
/// top. Today it reports on its heap and shows the front end's view of a script (tokens,
/// AST); running scripts arrives with the interpreter.
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

  @Flag(name: .customLong("dump-ast"),
        help: "Parse the script and print its AST as ast.dump(ast.parse(source)) does, or its syntax error as CPython prints it.")
  var dumpAST = false

  @Flag(name: .customLong("include-attributes"),
        help: "With --dump-ast, also print each node's location, as ast.dump(…, include_attributes=True) does.")
  var includeAttributes = false

  @Flag(name: .customLong("tokens"),
        help: "List the script's tokens as `python3 -m tokenize -e` does: range, exact type, repr of the text.")
  var listTokens = false

  func run() throws {
    if debugMallocStats {
      let heap = Heap()
      print(heap.statistics.debugMallocStatsText(), terminator: "")
      return
    }
    guard let script else {
      throw ValidationError("Missing script. Usage: pyheap SCRIPT.py")
    }
    if dumpAST { return FrontEndReport.dumpAST(path: script, includeAttributes: includeAttributes) }
    if listTokens { return FrontEndReport.listTokens(path: script) }
    throw ValidationError("Cannot run \(script): the interpreter is not built yet (see README, Status).")
  }
}
