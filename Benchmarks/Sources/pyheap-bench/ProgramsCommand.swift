import ArgumentParser

#if canImport(Glibc)
import Glibc
#endif

/// `pyheap-bench programs`: whole Python programs under the `pyheap` interpreter and under
/// CPython (`python3`).
///
/// Each workload (a script in `Benchmarks/Programs/`, see ``ProgramWorkload``) runs
/// `--repetitions` times (default 3; 1 with `--quick`, at a small size) under each
/// interpreter, as child processes, alternating between them (CPython first in the first
/// round, pyheap first in the second, …) so that a noisy stretch on the shared machine hits both. Every
/// run's stdout must equal CPython's first run byte for byte; a mismatch stops the suite.
///
/// Output: one line per run (`impl` = `pyheap` or `cpython`; `ns_per_op` = wall time in ns,
/// `ops` = 1, `peak_rss_bytes` = the child's `ru_maxrss`; extra `run`, `size`, `seconds`
/// (wall), `cpu_seconds` (user + system), `user_seconds`, `sys_seconds`), then an
/// `impl: "summary"` line per workload with `ratio` (pyheap / CPython median wall time),
/// `cpu_ratio` (the same for CPU time), `rss_ratio` (pyheap / CPython largest peak RSS) and
/// the medians and peaks of both sides.
struct ProgramsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "programs",
    abstract: "Whole Python programs under pyheap against python3 (wall time, peak RSS).",
    discussion: """
      Runs each script of Benchmarks/Programs under the pyheap interpreter and under \
      python3, alternating, as child processes; checks that both print the same. Builds \
      nothing: build the interpreter first with `swift build -c release` in the main \
      package, or pass --pyheap.
      """)

  @OptionGroup var options: BenchmarkOptions

  @Option(help: "The pyheap executable (default: the main package's release build, ../.build/release/pyheap from the Benchmarks package).")
  var pyheap: String?

  @Option(help: "The CPython interpreter to compare with.")
  var python = "python3"

  @Option(help: "Run the workloads at this size instead of their default (or --quick) size.")
  var size: Int?

  func validate() throws {
    if let size, size < 1 { throw ValidationError("--size must be at least 1") }
  }

  func run() throws {
    guard let selected = try options.selectCases(ProgramWorkload.catalog, name: \.name, summary: \.summary)
    else { return }
    let interpreter = try pyheapExecutable()
    let runs = options.repetitionsOption ?? (options.quick ? 1 : 3)
    StandardError.write("pyheap-bench: programs: \(interpreter) against \(python), \(runs) run(s) each\n")

    for workload in selected {
      let script = workload.scriptPath
      guard access(script, R_OK) == 0 else {
        throw ChildProcess.Failure(description: "the workload \(script) is missing")
      }
      let size = self.size ?? (options.quick ? workload.quickSize : workload.size)
      let arguments = [script, String(size)]
      var pyheapRuns: [ChildProcess.Finished] = []
      var cpythonRuns: [ChildProcess.Finished] = []
      var expected: String?   // CPython's first output; every run must print it

      for run in 0..<runs {
        let order: [ProgramImpl] = run % 2 == 0 ? [.cpython, .pyheap] : [.pyheap, .cpython]
        for impl in order {
          StandardError.write("pyheap-bench: \(workload.name) \(size), run \(run + 1)/\(runs): \(impl.rawValue)…\n")
          let program = impl == .pyheap ? interpreter : python
          let finished: ChildProcess.Finished
          do {
            finished = try ChildProcess.measure(program, arguments)
          } catch {
            throw ChildProcess.Failure(description: "\(workload.name): \(impl.rawValue) failed: \(error)")
          }
          if let expected, finished.output != expected {
            try reportMismatch(workload, impl, got: finished.output, expected: expected)
          }
          if expected == nil { expected = finished.output }   // CPython's first run
          line(workload, impl, size: size, run: run + 1, finished).emit()
          if impl == .pyheap { pyheapRuns.append(finished) } else { cpythonRuns.append(finished) }
        }
      }
      summary(workload, size: size, pyheap: pyheapRuns, cpython: cpythonRuns).emit()
    }
  }

  /// `--pyheap`, or the main package's release build, which must exist.
  private func pyheapExecutable() throws -> String {
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

  /// Writes both outputs' first differing line to stderr and fails: a time for a program
  /// that computed something else means nothing.
  private func reportMismatch(_ workload: ProgramWorkload, _ impl: ProgramImpl, got: String, expected: String) throws -> Never {
    let gotLines = got.split(separator: "\n", omittingEmptySubsequences: false)
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let common = min(gotLines.count, expectedLines.count)
    let index = (0..<common).first { gotLines[$0] != expectedLines[$0] } ?? common
    let show = { (lines: [Substring]) in index < lines.count ? String(lines[index]) : "(end of output)" }
    StandardError.write("""
      pyheap-bench: OUTPUT MISMATCH in \(workload.name) (\(impl.rawValue) against CPython's first run), line \(index + 1):
      pyheap-bench:   cpython: \(show(expectedLines))
      pyheap-bench:   \(impl.rawValue): \(show(gotLines))

      """)
    throw ChildProcess.Failure(description: "\(workload.name): \(impl.rawValue)'s output differs from CPython's")
  }

  private func line(_ workload: ProgramWorkload, _ impl: ProgramImpl, size: Int, run: Int, _ finished: ChildProcess.Finished) -> ResultLine {
    ResultLine(
      suite: "programs", caseName: workload.name, impl: impl.rawValue,
      nanosecondsPerOp: Double(finished.wallNanoseconds), ops: 1, peakRSSBytes: finished.peakRSSBytes,
      extra: [
        ("run", Double(run)),
        ("size", Double(size)),
        ("seconds", Double(finished.wallNanoseconds) / 1e9),
        ("cpu_seconds", finished.userSeconds + finished.systemSeconds),
        ("user_seconds", finished.userSeconds),
        ("sys_seconds", finished.systemSeconds),
      ])
  }

  private func summary(_ workload: ProgramWorkload, size: Int, pyheap: [ChildProcess.Finished], cpython: [ChildProcess.Finished]) -> ResultLine {
    let wall = { (runs: [ChildProcess.Finished]) in median(runs.map { Double($0.wallNanoseconds) / 1e9 }) }
    let cpu = { (runs: [ChildProcess.Finished]) in median(runs.map { $0.userSeconds + $0.systemSeconds }) }
    let peak = { (runs: [ChildProcess.Finished]) in runs.map(\.peakRSSBytes).max()! }
    return ResultLine(
      suite: "programs", caseName: workload.name, impl: "summary",
      nanosecondsPerOp: 0, ops: pyheap.count, peakRSSBytes: 0,
      extra: [
        ("ratio", wall(pyheap) / wall(cpython)),
        ("cpu_ratio", cpu(pyheap) / cpu(cpython)),
        ("rss_ratio", Double(peak(pyheap)) / Double(peak(cpython))),
        ("size", Double(size)),
        ("pyheap_seconds", wall(pyheap)),
        ("cpython_seconds", wall(cpython)),
        ("pyheap_cpu_seconds", cpu(pyheap)),
        ("cpython_cpu_seconds", cpu(cpython)),
        ("pyheap_peak_rss_bytes", Double(peak(pyheap))),
        ("cpython_peak_rss_bytes", Double(peak(cpython))),
      ])
  }
}

/// The two sides of the programs suite.
enum ProgramImpl: String {
  /// The `pyheap` interpreter (PyRuntime on the PyMemory heap).
  case pyheap
  /// `python3`, the reference.
  case cpython
}
