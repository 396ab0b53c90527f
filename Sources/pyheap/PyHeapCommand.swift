import PyCompiler
import PyHeap
import PySyntax

/// `pyheap`: CPython's memory management rebuilt in Swift, with a Python 3.11 interpreter on
/// top. `pyheap script.py [args]` runs a program as `python3 script.py [args]` would.
///
/// The command line is read by hand, with neither Foundation nor an argument-parsing
/// library: their shared libraries would take about 9 MB of resident memory and some
/// milliseconds of start-up in every run (the dynamic linker's relocations and the Swift
/// runtime's protocol-conformance scans), which is more than CPython's whole footprint.
@main
enum PyHeapCommand {
  static let version = "pyheap \(PyHeapInfo.version) (Python \(PyHeapInfo.pythonVersion) semantics)"

  static let usage = "pyheap [-c <c>] [-X <X> ...] [--debugmallocstats] [--dump-ast] [--include-attributes] [--tokens] [--dis] [<arguments> ...]"

  static let help = """
    OVERVIEW: Run Python 3.11 programs on PyHeap's private heap.

    PyHeap is CPython's memory management (pymalloc arenas and pools, reference
    counting, the generational cycle collector) rebuilt in Swift.

    USAGE: \(usage)

    ARGUMENTS:
      <arguments>             The script to run, then its arguments (sys.argv[1:]).

    OPTIONS:
      -c <c>                  Run CODE as the __main__ module (the rest of the
                              arguments go to sys.argv).
      -X <X>                  Implementation option: heaplimit=BYTES caps the heap
                              (MemoryError past it); debugalloc turns on the debug
                              allocator.
      --debugmallocstats      Print the allocator's statistics (the layout of
                              sys._debugmallocstats()) for a fresh heap and exit.
      --dump-ast              Parse the script and print its AST as
                              ast.dump(ast.parse(source)) does, or its syntax error
                              as CPython prints it.
      --include-attributes    With --dump-ast, also print each node's location, as
                              ast.dump(…, include_attributes=True) does.
      --tokens                List the script's tokens as `python3 -m tokenize -e`
                              does: range, exact type, repr of the text.
      --dis                   Compile the script and print its bytecode, as
                              `python3 -m dis` does.
      --version               Show the version.
      -h, --help              Show help information.

    """

  /// What the command line asks for.
  struct Options {
    var command: String?
    var implementationOptions: [String] = []
    var debugMallocStats = false
    var dumpAST = false
    var includeAttributes = false
    var listTokens = false
    var disassemble = false
    /// The script and its arguments (everything from the first argument that is not one
    /// of the options above), or after `-c CODE` the program's arguments.
    var arguments: [String] = []
  }

  static func main() {
    let options = parse(Array(CommandLine.arguments.dropFirst()))
    if options.debugMallocStats {
      let heap = Heap()
      print(heap.statistics.debugMallocStatsText(), terminator: "")
      return
    }
    // `--version` and `--help` count only given first, where the script would be.
    switch options.arguments.first {
    case "--version", "-V":
      print(version)
      return
    case "--help", "-h":
      print(help)
      return
    default:
      break
    }
    let runner = ProgramRunner(options: options.implementationOptions)
    if let command = options.command {
      SystemIO.exit(runner.run(source: Array(command.utf8), filename: "<string>", argv: ["-c"] + options.arguments))
    }
    guard let script = options.arguments.first else {
      usageError("Missing script. Usage: pyheap SCRIPT.py [ARGS] or pyheap -c CODE")
    }
    if options.dumpAST { return FrontEndReport.dumpAST(path: script, includeAttributes: options.includeAttributes) }
    if options.listTokens { return FrontEndReport.listTokens(path: script) }
    if options.disassemble { return FrontEndReport.disassemble(path: script) }
    guard let source = SystemIO.readFile(script) else {
      let reason = SystemIO.fileExists(script) ? "[Errno 13] Permission denied" : "[Errno 2] No such file or directory"
      SystemIO.writeError("pyheap: can't open file '\(SystemIO.absolutePath(script))': \(reason)\n")
      SystemIO.exit(2)
    }
    SystemIO.exit(runner.run(source: source, filename: script, argv: options.arguments))
  }

  /// Reads the options up to the script (or `-c CODE`); the rest is the program's.
  static func parse(_ arguments: [String]) -> Options {
    var options = Options()
    var index = 0
    func value(of option: String) -> String {
      index += 1
      guard index < arguments.count else { usageError("Missing value for '\(option)'") }
      return arguments[index]
    }
    while index < arguments.count {
      let argument = arguments[index]
      switch argument {
      case "-c":
        options.command = value(of: "-c <c>")
        options.arguments = Array(arguments[(index + 1)...])
        return options
      case "-X":
        options.implementationOptions.append(value(of: "-X <X>"))
      case "--debugmallocstats": options.debugMallocStats = true
      case "--dump-ast": options.dumpAST = true
      case "--include-attributes": options.includeAttributes = true
      case "--tokens": options.listTokens = true
      case "--dis": options.disassemble = true
      case "--":
        options.arguments = Array(arguments[(index + 1)...])
        return options
      default:
        if argument.hasPrefix("-X"), argument.count > 2 {
          options.implementationOptions.append(String(argument.dropFirst(2)))
        } else {
          options.arguments = Array(arguments[index...])
          return options
        }
      }
      index += 1
    }
    return options
  }

  /// A usage error as argument parsers print it; exit status 64 (`EX_USAGE`).
  static func usageError(_ message: String) -> Never {
    SystemIO.writeError("Error: \(message)\nUsage: \(usage)\n  See 'pyheap --help' for more information.\n")
    SystemIO.exit(64)
  }
}
