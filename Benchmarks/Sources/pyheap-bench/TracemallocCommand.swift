import ArgumentParser

#if canImport(Glibc)
import Glibc
#endif

/// `pyheap-bench tracemalloc`: what tracing costs, under pyheap and under CPython.
///
/// Each workload (a script in `Benchmarks/Tracemalloc/`, see ``TracemallocWorkload``) runs
/// untraced, with `tracemalloc.start(1)` and with `tracemalloc.start(25)`, under each
/// interpreter, as child processes; `--repetitions` rounds (default 3; 1 with `--quick`, at
/// a small size), the two interpreters alternating. Every run must print what CPython's
/// first run printed. Then one more run per interpreter and traced mode reports the table
/// sizes while the workload's live set stands.
///
/// Output: one line per interpreter and mode (`case` = `WORKLOAD_off`, `WORKLOAD_start1`,
/// `WORKLOAD_start25`; `ns_per_op` = median CPU time of a run in ns, `ops` = runs;
/// extras: `frames`, `cpu_seconds`, `slowdown` (CPU time over the same interpreter's
/// untraced median), and for traced modes `traces`, `tables_bytes`, `bytes_per_trace`,
/// `traced_bytes`), then per workload and traced mode an `impl: "summary"` line with
/// `pyheap_slowdown`, `cpython_slowdown`, `tables_ratio` (pyheap's table bytes over
/// CPython's) and `bytes_per_trace_ratio`.
struct TracemallocCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tracemalloc",
    abstract: "tracemalloc's overhead, pyheap against python3 (CPU time and table memory).",
    discussion: """
      Runs each script of Benchmarks/Tracemalloc untraced, with start(1) and with \
      start(25), under the pyheap interpreter and under python3, as child processes. \
      Builds nothing: build the interpreter first with `swift build -c release` in the main \
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

  /// The figures of one interpreter in one mode.
  struct Measured {
    var cpuSeconds: [Double] = []
    var report: (traces: Int, tables: Int, traced: Int)?
  }

  func run() throws {
    guard let selected = try options.selectCases(TracemallocWorkload.catalog, name: \.name, summary: \.summary)
    else { return }
    let interpreter = try pyheapExecutable()
    let runs = options.repetitionsOption ?? (options.quick ? 1 : 3)
    StandardError.write("pyheap-bench: tracemalloc: \(interpreter) against \(python), \(runs) run(s) each\n")

    for workload in selected {
      guard access(workload.scriptPath, R_OK) == 0 else {
        throw ChildProcess.Failure(description: "the workload \(workload.scriptPath) is missing")
      }
      let size = self.size ?? (options.quick ? workload.quickSize : workload.size)
      var measured: [String: Measured] = [:]   // "impl/frames"
      var expected: String?
      for run in 0..<runs {
        for frames in TracemallocWorkload.frameCounts {
          let order: [ProgramImpl] = (run + frames) % 2 == 0 ? [.cpython, .pyheap] : [.pyheap, .cpython]
          for impl in order {
            StandardError.write("pyheap-bench: \(workload.name) \(size) frames=\(frames), run \(run + 1)/\(runs): \(impl.rawValue)…\n")
            let finished = try ChildProcess.measure(impl == .pyheap ? interpreter : python,
                                                    [workload.scriptPath, String(size), String(frames)])
            if let expected, finished.output != expected {
              throw ChildProcess.Failure(description: """
                \(workload.name): \(impl.rawValue) with \(frames) frames printed \(finished.output.debugDescription), \
                CPython printed \(expected.debugDescription)
                """)
            }
            if expected == nil { expected = finished.output }
            measured["\(impl.rawValue)/\(frames)", default: Measured()].cpuSeconds
              .append(finished.userSeconds + finished.systemSeconds)
          }
        }
      }
      for frames in TracemallocWorkload.frameCounts where frames > 0 {
        for impl in [ProgramImpl.pyheap, .cpython] {
          let finished = try ChildProcess.measure(impl == .pyheap ? interpreter : python,
                                                  [workload.scriptPath, String(size), String(frames), "report"])
          measured["\(impl.rawValue)/\(frames)"]?.report = try Self.parseReport(finished.output, workload, impl)
        }
      }
      for frames in TracemallocWorkload.frameCounts {
        for impl in [ProgramImpl.pyheap, .cpython] {
          line(workload, impl, frames, measured).emit()
        }
      }
      for frames in TracemallocWorkload.frameCounts where frames > 0 {
        summary(workload, frames, measured).emit()
      }
    }
  }

  /// `--pyheap`, or the main package's release build, which must exist.
  private func pyheapExecutable() throws -> String {
    let path = pyheap ?? ProgramWorkload.packageDirectory + "/../.build/release/pyheap"
    guard access(path, X_OK) == 0 else {
      throw ChildProcess.Failure(description:
        "no pyheap executable at \(path): build it with swift build -c release in the main package, or pass --pyheap PATH")
    }
    guard let resolved = realpath(path, nil) else { return path }
    defer { Glibc.free(resolved) }
    return String(cString: resolved)
  }

  static func parseReport(_ output: String, _ workload: TracemallocWorkload, _ impl: ProgramImpl) throws
    -> (traces: Int, tables: Int, traced: Int) {
    let fields = output.split(separator: "\n").last?.split(separator: " ") ?? []
    guard fields.count == 4, fields[0] == "TRACEMALLOC", let traces = Int(fields[1]), let tables = Int(fields[2]),
          let traced = Int(fields[3]) else {
      throw ChildProcess.Failure(description: "\(workload.name): \(impl.rawValue) printed no TRACEMALLOC line")
    }
    return (traces, tables, traced)
  }

  static func label(_ frames: Int) -> String { frames == 0 ? "off" : "start\(frames)" }

  private func line(_ workload: TracemallocWorkload, _ impl: ProgramImpl, _ frames: Int,
                    _ measured: [String: Measured]) -> ResultLine {
    let mine = measured["\(impl.rawValue)/\(frames)"]!
    let cpu = median(mine.cpuSeconds)
    let untraced = median(measured["\(impl.rawValue)/0"]!.cpuSeconds)
    var extra: [(key: String, value: Double)] = [
      ("frames", Double(frames)), ("cpu_seconds", cpu), ("slowdown", cpu / untraced),
      ("cpu_min", mine.cpuSeconds.min()!), ("cpu_max", mine.cpuSeconds.max()!),
    ]
    if let report = mine.report {
      extra += [("traces", Double(report.traces)), ("tables_bytes", Double(report.tables)),
                ("bytes_per_trace", Double(report.tables) / Double(max(report.traces, 1))),
                ("traced_bytes", Double(report.traced))]
    }
    return ResultLine(suite: "tracemalloc", caseName: "\(workload.name)_\(Self.label(frames))", impl: impl.rawValue,
                      nanosecondsPerOp: cpu * 1e9, ops: mine.cpuSeconds.count, peakRSSBytes: 0, extra: extra)
  }

  private func summary(_ workload: TracemallocWorkload, _ frames: Int, _ measured: [String: Measured]) -> ResultLine {
    func slowdown(_ impl: ProgramImpl) -> Double {
      median(measured["\(impl.rawValue)/\(frames)"]!.cpuSeconds) / median(measured["\(impl.rawValue)/0"]!.cpuSeconds)
    }
    let ours = measured["pyheap/\(frames)"]!.report!, theirs = measured["cpython/\(frames)"]!.report!
    let perTrace = { (report: (traces: Int, tables: Int, traced: Int)) in Double(report.tables) / Double(max(report.traces, 1)) }
    return ResultLine(
      suite: "tracemalloc", caseName: "\(workload.name)_\(Self.label(frames))", impl: "summary",
      nanosecondsPerOp: 0, ops: measured["pyheap/\(frames)"]!.cpuSeconds.count, peakRSSBytes: 0,
      extra: [
        ("frames", Double(frames)),
        ("pyheap_slowdown", slowdown(.pyheap)), ("cpython_slowdown", slowdown(.cpython)),
        ("tables_ratio", Double(ours.tables) / Double(max(theirs.tables, 1))),
        ("bytes_per_trace_ratio", perTrace(ours) / perTrace(theirs)),
        ("pyheap_tables_bytes", Double(ours.tables)), ("cpython_tables_bytes", Double(theirs.tables)),
        ("pyheap_traces", Double(ours.traces)), ("cpython_traces", Double(theirs.traces)),
      ])
  }
}
