import ArgumentParser
import PyCompiler
import PyHeap
import PySyntax

/// `pyheap`: CPython's memory management rebuilt in Swift, with a Python 3.11 interpreter on
/// top. `pyheap script.py [args]` runs a program as `python3 script.py [args]` would.
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

  @Option(name: .customShort("c"), help: "Run CODE as the __main__ module (the rest of the arguments go to sys.argv).")
  var command: String?

  @Option(name: .customShort("X"), help: "Implementation option: heaplimit=BYTES caps the heap (MemoryError past it); debugalloc turns on the debug allocator (guard bytes); gcstress collects at every safe point; verifyheap checks the heap after every collection (the whole heap as often as keeps the cost linear; verifyheap=all after every one); nomarkalive turns off the full-collection shortcut (for measuring it).")
  var implementationOptions: [String] = []

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

  @Flag(name: .customLong("dis"), help: "Compile the script and print its bytecode, as `python3 -m dis` does.")
  var disassemble = false

  @Flag(name: .customLong("memory-report"),
        help: "Run the program with tracemalloc on, then print a memory report to stderr: traced peak and final memory, the top allocation sites, collections and pauses, arenas, size classes, fragmentation. --memory-report=json prints it as one JSON document.")
  var memoryReport = false

  @Flag(name: .customLong("memory-report-json"), help: .hidden)
  var memoryReportJSON = false

  @Option(name: .customLong("heap-map"), help: "Write an SVG picture of the arenas and pools at exit to FILE.svg.")
  var heapMap: String?

  @Argument(parsing: .captureForPassthrough, help: "The script to run, then its arguments (sys.argv[1:]).")
  var arguments: [String] = []

  /// `--memory-report=json` (and `=text`) spelled as the flags the parser knows; only
  /// before the script, whose own arguments are left alone.
  static func main() {
    var arguments = Array(CommandLine.arguments.dropFirst())
    for index in arguments.indices {
      let argument = arguments[index]
      if argument == "--memory-report=json" { arguments[index] = "--memory-report-json" }
      else if argument == "--memory-report=text" { arguments[index] = "--memory-report" }
      else if argument == "-c" || !argument.hasPrefix("-") { break }
    }
    main(arguments)
  }

  private var runner: ProgramRunner {
    ProgramRunner(options: implementationOptions,
                  report: memoryReportJSON ? .json : (memoryReport ? .text : nil), heapMapPath: heapMap)
  }

  func run() throws {
    if debugMallocStats {
      let heap = Heap()
      print(heap.statistics.debugMallocStatsText(), terminator: "")
      return
    }
    // The script's arguments are captured whole, so `--version` and `--help` given alone
    // arrive here rather than to the parser.
    switch arguments.first {
    case "--version", "-V":
      print(Self.configuration.version)
      return
    case "--help", "-h":
      print(Self.helpMessage())
      return
    default:
      break
    }
    if let command {
      SystemIO.exit(runner.run(source: Array(command.utf8), filename: "<string>", argv: ["-c"] + arguments))
    }
    guard let script = arguments.first else {
      throw ValidationError("Missing script. Usage: pyheap SCRIPT.py [ARGS] or pyheap -c CODE")
    }
    if dumpAST { return FrontEndReport.dumpAST(path: script, includeAttributes: includeAttributes) }
    if listTokens { return FrontEndReport.listTokens(path: script) }
    if disassemble { return FrontEndReport.disassemble(path: script) }
    guard let source = SystemIO.readFile(script) else {
      let reason = SystemIO.fileExists(script) ? "[Errno 13] Permission denied" : "[Errno 2] No such file or directory"
      SystemIO.writeError("pyheap: can't open file '\(SystemIO.absolutePath(script))': \(reason)\n")
      SystemIO.exit(2)
    }
    SystemIO.exit(runner.run(source: source, filename: script, argv: arguments))
  }
}
