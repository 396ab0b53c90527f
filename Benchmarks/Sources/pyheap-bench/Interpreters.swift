import ArgumentParser

#if canImport(Glibc)
import Glibc
#endif

/// The two sides of the suites that run whole interpreters (`programs`, `interpreter`).
enum ProgramImpl: String {
  /// The `pyheap` interpreter (PyRuntime on the PyMemory heap).
  case pyheap
  /// `python3`, the reference.
  case cpython
}

/// Options of the suites that run the `pyheap` interpreter and `python3` as child
/// processes. Nothing is built by these suites.
struct InterpreterOptions: ParsableArguments {
  @Option(help: "The pyheap executable (default: the main package's release build, ../.build/release/pyheap from the Benchmarks package).")
  var pyheap: String?

  @Option(help: "The CPython interpreter to compare with.")
  var python = "python3"

  @Flag(help: "Run python3 with its site module (without -S): on this VM a .pth file in site-packages imports certifi and costs CPython ~40 ms of CPU per start.")
  var pythonSite = false

  @Option(help: "Kill a child process still running after this many seconds (reported as an error).")
  var timeout: Double = 600

  @Flag(help: "Exit with status 1 if any run failed or printed something else than CPython (the error lines are written either way).")
  var strict = false

  func validate() throws {
    guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
  }

  /// `--pyheap`, or the main package's release build, which must exist.
  func pyheapExecutable() throws -> String {
    let path = pyheap ?? ProgramWorkload.packageDirectory + "/../.build/release/pyheap"
    guard access(path, X_OK) == 0 else {
      if pyheap != nil { throw ChildProcess.Failure(description: "no executable at --pyheap \(path)") }
      throw ChildProcess.Failure(description: """
        the pyheap interpreter is missing: \(path)
        build it with swift build -c release (in the main package, the parent of Benchmarks), \
        or pass --pyheap PATH
        """)
    }
    guard let resolved = realpath(path, nil) else { return path }
    defer { Glibc.free(resolved) }
    return String(cString: resolved)
  }

  /// The flags CPython runs with before the script: `-S` unless `--python-site`.
  ///
  /// Without `-S`, CPython imports `site`, which runs every `.pth` file in site-packages; on
  /// the development VM one of them (written by the sandbox, not part of CPython) imports
  /// `certifi` and `os` machinery and costs about 40 ms of CPU and 150 ms of wall time per
  /// process, which would be charged to CPython's side of every run. The workloads import
  /// only the standard library, which `-S` leaves on `sys.path`. pyheap has no `site`.
  var pythonFlags: [String] { pythonSite ? [] : ["-S"] }

  /// The real CPython executable behind `--python`: `python3` is often a shim (pyenv's is a
  /// shell script that re-executes the interpreter, adding ~0.3 s of wall time to every run),
  /// so the suites ask the interpreter for `sys.executable` once and run that.
  func resolvedPython() throws -> String {
    let output = try ChildProcess.run(python, ["-S", "-c", "import sys; print(sys.executable, sys.version.split()[0])"])
    let fields = output.split(separator: " ")
    guard fields.count == 2, fields[0].hasPrefix("/") else {
      throw ChildProcess.Failure(description: "cannot find the interpreter behind \(python): it printed \(output)")
    }
    let path = String(fields[0])
    StandardError.write("pyheap-bench: CPython \(String(fields[1]).trimmingSpaces()) at \(path)\(pythonSite ? "" : " (run with -S)")\n")
    return path
  }
}

/// The resolved programs of both sides and how each is started.
struct Interpreters {
  var pyheap: String
  var python: String
  var pythonFlags: [String]

  init(_ options: InterpreterOptions) throws {
    pyheap = try options.pyheapExecutable()
    python = try options.resolvedPython()
    pythonFlags = options.pythonFlags
  }

  /// The program and the arguments before the script's for one side.
  func command(_ impl: ProgramImpl) -> (program: String, flags: [String]) {
    impl == .pyheap ? (pyheap, []) : (python, pythonFlags)
  }

  /// Runs `arguments` under one side (see ``ChildProcess/attempt(_:_:timeoutSeconds:)``).
  func attempt(_ impl: ProgramImpl, _ arguments: [String], timeoutSeconds: Double) throws -> ChildProcess.Attempt {
    let (program, flags) = command(impl)
    return try ChildProcess.attempt(program, flags + arguments, timeoutSeconds: timeoutSeconds)
  }
}

/// What an `error` field says about a failed run: how the child ended and the last line of
/// its stderr (for a Python failure, the exception), cut to a readable length.
func errorDescription(_ attempt: ChildProcess.Attempt) -> String {
  var text = attempt.failure ?? "failed"
  if let line = attempt.lastErrorLine {
    text += ": " + line.trimmingSpaces()
  }
  return text.truncated(to: 300)
}

extension String {
  func truncated(to limit: Int) -> String {
    count <= limit ? self : String(prefix(limit)) + "…"
  }

  func trimmingSpaces() -> String {
    String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
  }
}

/// The geometric mean of positive values (0 for none).
func geometricMean(_ values: [Double]) -> Double {
  guard !values.isEmpty else { return 0 }
  return exp(values.map { log($0) }.reduce(0, +) / Double(values.count))
}
