import ArgumentParser

#if canImport(Glibc)
import Glibc
#endif

/// `pyheap-bench programs`: whole Python programs under the `pyheap` interpreter and under
/// CPython (`python3`).
///
/// Each workload (a script in `Benchmarks/Workloads/`, see ``ProgramWorkload``) runs
/// `--repetitions` times (default 3; 1 with `--quick`, which the scripts take as a small
/// size) under each interpreter, as child processes, alternating between them (CPython
/// first in the first round, pyheap first in the second, …) so that a noisy stretch on the
/// shared machine hits both. Every run's stdout must equal CPython's first run byte for byte.
///
/// A run that fails (non-zero exit, a signal, `--timeout`) or prints something else is not
/// fatal: that side's line carries an `error` field (the exit and the last stderr line, or
/// the first differing output line) and no times, its remaining runs are skipped, and the
/// suite goes on. Until pyheap has every module the workloads import, some of its lines are
/// such errors. `--strict` turns any error into exit status 1 at the end.
///
/// Output: one line per (workload, impl): `ns_per_op` = the median wall time in ns,
/// `ops` = the runs, `peak_rss_bytes` = the largest `ru_maxrss`; extra `seconds`,
/// `cpu_seconds` (user + system, median), `user_seconds`, `sys_seconds`, `seconds_min`,
/// `seconds_max`; on `pyheap` lines `ratio` (pyheap / CPython median wall time),
/// `cpu_ratio` and `rss_ratio`. Last, `case: "geomean"`, `impl: "summary"` with the geometric
/// means of the three ratios over the workloads that ran on both sides (`cases`), and
/// `errors`, the number of error lines.
struct ProgramsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "programs",
    abstract: "Whole Python programs under pyheap against python3 (wall time, peak RSS).",
    discussion: """
      Runs each script of Benchmarks/Workloads under the pyheap interpreter and under \
      python3, alternating, as child processes; checks that both print the same; reports a \
      failing or different run as a line with an "error" field. Builds nothing: build the \
      interpreter first with `swift build -c release` in the main package, or pass --pyheap.
      """)

  @OptionGroup var options: BenchmarkOptions
  @OptionGroup var interpreters: InterpreterOptions

  @Option(help: "Run the workloads at this size (their first argument) instead of their default or --quick size.")
  var size: Int?

  func validate() throws {
    if let size, size < 1 { throw ValidationError("--size must be at least 1") }
  }

  func run() throws {
    guard let selected = try options.selectCases(ProgramWorkload.catalog, name: \.name, summary: \.listing)
    else { return }
    let sides = try Interpreters(interpreters)
    let runs = options.repetitionsOption ?? (options.quick ? 1 : 3)
    StandardError.write("pyheap-bench: programs: \(sides.pyheap) against \(sides.python), \(runs) run(s) each\n")

    var ratios: [(wall: Double, cpu: Double, rss: Double)] = []
    var errors = 0
    for workload in selected {
      let measured = try measure(workload, sides, runs: runs)
      let cpython = measured[.cpython]!
      let mine = measured[.pyheap]!
      var cpythonLine = line(workload, .cpython, cpython)
      var pyheapLine = line(workload, .pyheap, mine)
      if cpython.error == nil, mine.error == nil {
        let ratio = (wall: mine.wallSeconds / cpython.wallSeconds, cpu: mine.cpuSeconds / cpython.cpuSeconds,
                     rss: Double(mine.peakRSSBytes) / Double(cpython.peakRSSBytes))
        pyheapLine.extra += [("ratio", ratio.wall), ("cpu_ratio", ratio.cpu), ("rss_ratio", ratio.rss)]
        ratios.append(ratio)
      }
      for side in [cpython, mine] where side.error != nil { errors += 1 }
      if cpython.error != nil { cpythonLine.labels.append(("error", cpython.error!)) }
      if mine.error != nil { pyheapLine.labels.append(("error", mine.error!)) }
      cpythonLine.emit()
      pyheapLine.emit()
    }

    let wall = geometricMean(ratios.map(\.wall))
    ResultLine(
      suite: "programs", caseName: "geomean", impl: "summary",
      nanosecondsPerOp: wall, ops: 0, peakRSSBytes: 0,
      extra: [
        ("ratio", wall),
        ("cpu_ratio", geometricMean(ratios.map(\.cpu))),
        ("rss_ratio", geometricMean(ratios.map(\.rss))),
        ("cases", Double(ratios.count)),
        ("errors", Double(errors)),
      ]).emit()
    if errors > 0 {
      StandardError.write("pyheap-bench: programs: \(errors) error line(s); the geometric mean covers the \(ratios.count) workload(s) that ran on both sides\n")
      if interpreters.strict { throw ExitCode(1) }
    }
  }

  // MARK: - Running one workload

  /// One side's runs of one workload.
  struct Side {
    var runs: [ChildProcess.Finished] = []
    /// Why this side stopped, if it did: the line's `error` field.
    var error: String?

    var wallSeconds: Double { median(runs.map { Double($0.wallNanoseconds) / 1e9 }) }
    var cpuSeconds: Double { median(runs.map { $0.userSeconds + $0.systemSeconds }) }
    var peakRSSBytes: Int { runs.map(\.peakRSSBytes).max() ?? 0 }
  }

  private func measure(_ workload: ProgramWorkload, _ interpreters: Interpreters, runs: Int) throws -> [ProgramImpl: Side] {
    let script = workload.scriptPath
    guard access(script, R_OK) == 0 else {
      throw ChildProcess.Failure(description: "the workload \(script) is missing")
    }
    let arguments = [script] + (size.map { [String($0)] } ?? (options.quick ? ["--quick"] : []))
    var sides: [ProgramImpl: Side] = [.pyheap: Side(), .cpython: Side()]
    var expected: String?           // CPython's first output; every run must print it
    var unchecked: [String] = []    // pyheap outputs seen before CPython's first

    for run in 0..<runs {
      let order: [ProgramImpl] = run % 2 == 0 ? [.cpython, .pyheap] : [.pyheap, .cpython]
      for impl in order where sides[impl]!.error == nil {
        StandardError.write("pyheap-bench: \(workload.name), run \(run + 1)/\(runs): \(impl.rawValue)…")
        let attempt = try interpreters.attempt(impl, arguments, timeoutSeconds: self.interpreters.timeout)
        if attempt.failure != nil {
          let error = errorDescription(attempt)
          StandardError.write(" FAILED: \(error)\n")
          sides[impl]!.error = error
          continue
        }
        let output = attempt.finished.output
        StandardError.write(" \(ResultLine.number(Double(attempt.finished.wallNanoseconds) / 1e9)) s\n")
        if let expected {
          if output != expected {
            sides[impl]!.error = mismatch(output, expected)
            StandardError.write("pyheap-bench: \(workload.name): \(impl.rawValue): OUTPUT MISMATCH: \(sides[impl]!.error!)\n")
            continue
          }
        } else if impl == .cpython {
          expected = output
          for earlier in unchecked where earlier != output {
            sides[.pyheap]!.error = mismatch(earlier, output)
          }
          unchecked = []
        } else {
          unchecked.append(output)
        }
        sides[impl]!.runs.append(attempt.finished)
      }
    }
    if expected == nil, sides[.pyheap]!.error == nil, !sides[.pyheap]!.runs.isEmpty {
      sides[.pyheap]!.error = "unchecked: CPython failed, so there was no output to compare with"
    }
    // A side that failed once reports no times: they could belong to a wrong computation.
    for impl in [ProgramImpl.pyheap, .cpython] where sides[impl]!.error != nil {
      sides[impl]!.runs = []
    }
    return sides
  }

  /// The first line where `got` differs from `expected`, both sides shown.
  private func mismatch(_ got: String, _ expected: String) -> String {
    let gotLines = got.split(separator: "\n", omittingEmptySubsequences: false)
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let common = min(gotLines.count, expectedLines.count)
    let index = (0..<common).first { gotLines[$0] != expectedLines[$0] } ?? common
    let show = { (lines: [Substring]) in
      index < lines.count ? String(lines[index]).truncated(to: 120) : "(end of output)"
    }
    return "output differs from CPython's at line \(index + 1): expected \(show(expectedLines)) got \(show(gotLines))"
  }

  private func line(_ workload: ProgramWorkload, _ impl: ProgramImpl, _ side: Side) -> ResultLine {
    var extra: [(key: String, value: Double)] = [("quick", options.quick ? 1 : 0)]
    if let size { extra.append(("size", Double(size))) }
    guard !side.runs.isEmpty else {
      return ResultLine(suite: "programs", caseName: workload.name, impl: impl.rawValue,
                        nanosecondsPerOp: 0, ops: 0, peakRSSBytes: 0, extra: extra)
    }
    let walls = side.runs.map { Double($0.wallNanoseconds) / 1e9 }
    extra += [
      ("seconds", side.wallSeconds),
      ("cpu_seconds", side.cpuSeconds),
      ("user_seconds", median(side.runs.map(\.userSeconds))),
      ("sys_seconds", median(side.runs.map(\.systemSeconds))),
      ("seconds_min", walls.min()!),
      ("seconds_max", walls.max()!),
    ]
    return ResultLine(
      suite: "programs", caseName: workload.name, impl: impl.rawValue,
      nanosecondsPerOp: side.wallSeconds * 1e9, ops: side.runs.count, peakRSSBytes: side.peakRSSBytes,
      extra: extra)
  }
}
