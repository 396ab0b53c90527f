import ArgumentParser

#if canImport(Glibc)
import Glibc
#endif

/// `pyheap-bench interpreter`: two costs of the interpreter itself, pyheap against CPython.
///
/// - `startup`: `pyheap -c pass` against `python3 -S -c pass` (see
///   ``InterpreterOptions/pythonFlags``) and `python3 -c pass`, `--repetitions` runs each
///   (default 21; 5 with `--quick`), alternating; wall and CPU time of the whole process from
///   `fork` to `wait4`, and its `ru_maxrss`. Lines: `cpython` (`-S`), `pyheap`,
///   `cpython_site` (median times, largest peak, `ms`, `cpu_ms`, `ms_min`, `ms_max`), then
///   `summary` with `ratio`, `cpu_ratio`, `rss_ratio` (pyheap / CPython `-S`) and the same
///   against `cpython_site` (`ratio_site`, …).
/// - `instances_gc`: building a list of 1,000,000 instances of a plain class (100,000 with
///   `--quick`) with the cycle collector on and after `gc.disable()` (``InstancesScript``),
///   timed inside the program; `--repetitions` fresh processes per interpreter and mode
///   (default 5; 1 with `--quick`). Lines `instances_gc_on` and `instances_gc_off` per
///   interpreter (`ns_per_op` = median build wall time per instance, `seconds`,
///   `cpu_seconds`, `free_seconds`, `free_cpu_seconds`, the process's `peak_rss_bytes`), then
///   `instances_gc_on_off` per interpreter with `ratio` = on / off (wall) and `cpu_ratio`.
///
/// A run that fails (pyheap without the `time` or `gc` module, say) gives its line an `error`
/// field instead of times, as in the programs suite.
struct InterpreterCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "interpreter",
    abstract: "Interpreter start-up and the collector's cost while building objects, pyheap against python3.",
    discussion: """
      Cases: startup (pyheap -c pass against python3 -c pass) and instances_gc (a list of \
      1M plain instances built with the collector on and off, on each interpreter). Builds \
      nothing: build the interpreter first with `swift build -c release` in the main package.
      """)

  @OptionGroup var options: BenchmarkOptions
  @OptionGroup var interpreters: InterpreterOptions

  @Option(help: "Instances for instances_gc (default 1,000,000; 100,000 with --quick).")
  var instances: Int?

  struct Case {
    var name: String
    var summary: String
  }

  static let catalog = [
    Case(name: "startup", summary: "pyheap -c pass against python3 -c pass: wall and CPU time, peak RSS"),
    Case(name: "instances_gc", summary: """
      a list of 1M instances of a plain class, built with the collector on and after \
      gc.disable(), on each interpreter: the on/off ratio of each
      """),
  ]

  func validate() throws {
    if let instances, instances < 1 { throw ValidationError("--instances must be at least 1") }
  }

  func run() throws {
    guard let selected = try options.selectCases(Self.catalog, name: \.name, summary: \.summary) else { return }
    let sides = try Interpreters(interpreters)
    var errors = 0
    for testCase in selected {
      switch testCase.name {
      case "startup": errors += try startup(sides)
      default: errors += try instancesGC(sides)
      }
    }
    if errors > 0 {
      StandardError.write("pyheap-bench: interpreter: \(errors) error line(s)\n")
      if interpreters.strict { throw ExitCode(1) }
    }
  }

  // MARK: - startup

  private func startup(_ sides: Interpreters) throws -> Int {
    let runs = options.repetitionsOption ?? (options.quick ? 5 : 21)
    StandardError.write("pyheap-bench: startup: \(runs) runs of -c pass each\n")
    // The measured commands: pyheap, CPython as the other suites run it, and CPython with
    // its site module (the `python3 -c pass` a user types) unless that is already the second.
    var variants: [(impl: String, program: String, arguments: [String])] = [
      ("cpython", sides.python, sides.pythonFlags + ["-c", "pass"]),
      ("pyheap", sides.pyheap, ["-c", "pass"]),
    ]
    if !sides.pythonFlags.isEmpty { variants.append(("cpython_site", sides.python, ["-c", "pass"])) }
    var finished: [[ChildProcess.Finished]] = Array(repeating: [], count: variants.count)
    var failures: [String?] = Array(repeating: nil, count: variants.count)
    for run in 0..<runs {
      let order = run % 2 == 0 ? Array(variants.indices) : variants.indices.reversed()
      for index in order where failures[index] == nil {
        let attempt = try ChildProcess.attempt(
          variants[index].program, variants[index].arguments, timeoutSeconds: interpreters.timeout)
        if attempt.failure != nil {
          failures[index] = errorDescription(attempt)
        } else {
          finished[index].append(attempt.finished)
        }
      }
    }
    let wall = { (index: Int) in median(finished[index].map { Double($0.wallNanoseconds) }) }
    let cpu = { (index: Int) in median(finished[index].map { $0.userSeconds + $0.systemSeconds }) }
    let peak = { (index: Int) in finished[index].map(\.peakRSSBytes).max() ?? 0 }
    for index in variants.indices {
      if let failure = failures[index] {
        ResultLine(suite: "interpreter", caseName: "startup", impl: variants[index].impl, nanosecondsPerOp: 0, ops: 0,
                   peakRSSBytes: 0, labels: [("error", failure)]).emit()
        continue
      }
      let walls = finished[index].map { Double($0.wallNanoseconds) / 1e9 }
      ResultLine(
        suite: "interpreter", caseName: "startup", impl: variants[index].impl,
        nanosecondsPerOp: wall(index), ops: walls.count, peakRSSBytes: peak(index),
        extra: [
          ("ms", wall(index) / 1e6),
          ("cpu_ms", cpu(index) * 1e3),
          ("ms_min", walls.min()! * 1e3),
          ("ms_max", walls.max()! * 1e3),
        ]).emit()
    }
    guard failures[0] == nil, failures[1] == nil else { return failures.compactMap { $0 }.count }
    var extra: [(key: String, value: Double)] = [
      ("ratio", wall(1) / wall(0)),
      ("cpu_ratio", cpu(1) / cpu(0)),
      ("rss_ratio", Double(peak(1)) / Double(peak(0))),
    ]
    if variants.count == 3, failures[2] == nil {
      extra += [
        ("ratio_site", wall(1) / wall(2)),
        ("cpu_ratio_site", cpu(1) / cpu(2)),
        ("rss_ratio_site", Double(peak(1)) / Double(peak(2))),
      ]
    }
    ResultLine(
      suite: "interpreter", caseName: "startup", impl: "summary", nanosecondsPerOp: 0, ops: runs, peakRSSBytes: 0,
      extra: extra).emit()
    return failures.compactMap { $0 }.count
  }

  // MARK: - instances_gc

  /// One run's numbers, as the script prints them.
  struct InstancesRun {
    var buildWall: Double
    var buildCPU: Double
    var freeWall: Double
    var freeCPU: Double
    var peakRSSBytes: Int

    init?(_ output: String, count: Int, peakRSSBytes: Int) {
      let fields = output.split(whereSeparator: \.isWhitespace)
      guard fields.count == 6, Int(fields[0]) == count, Int(fields[5]) == 2 * count - 1,
            let buildWall = Double(fields[1]), let buildCPU = Double(fields[2]),
            let freeWall = Double(fields[3]), let freeCPU = Double(fields[4])
      else { return nil }
      self.buildWall = buildWall
      self.buildCPU = buildCPU
      self.freeWall = freeWall
      self.freeCPU = freeCPU
      self.peakRSSBytes = peakRSSBytes
    }
  }

  private func instancesGC(_ sides: Interpreters) throws -> Int {
    let count = instances ?? (options.quick ? 100_000 : 1_000_000)
    let runs = options.repetitionsOption ?? (options.quick ? 1 : 5)
    let script = try TemporaryFile.write(InstancesScript.source, name: "pyheap-bench-instances-XXXXXX.py")
    defer { unlink(script) }
    StandardError.write("pyheap-bench: instances_gc: \(count) instances, \(runs) run(s) per interpreter and mode\n")

    typealias Key = (impl: ProgramImpl, on: Bool)
    let keys: [Key] = [(.cpython, true), (.cpython, false), (.pyheap, true), (.pyheap, false)]
    func index(_ key: Key) -> Int { (key.impl == .pyheap ? 2 : 0) + (key.on ? 0 : 1) }
    var results: [[InstancesRun]] = Array(repeating: [], count: 4)
    var failures: [String?] = Array(repeating: nil, count: 4)
    for run in 0..<runs {
      for key in run % 2 == 0 ? keys : keys.reversed() where failures[index(key)] == nil {
        let attempt = try sides.attempt(key.impl, [script, String(count), key.on ? "on" : "off"],
                                        timeoutSeconds: interpreters.timeout)
        if attempt.failure != nil {
          failures[index(key)] = errorDescription(attempt)
        } else if let parsed = InstancesRun(attempt.finished.output, count: count, peakRSSBytes: attempt.finished.peakRSSBytes) {
          results[index(key)].append(parsed)
        } else {
          failures[index(key)] = "unexpected output: \(attempt.finished.output.trimmingSpaces().truncated(to: 200))"
        }
      }
    }

    var errors = 0
    for key in keys {
      let caseName = key.on ? "instances_gc_on" : "instances_gc_off"
      if let failure = failures[index(key)] {
        errors += 1
        ResultLine(suite: "interpreter", caseName: caseName, impl: key.impl.rawValue, nanosecondsPerOp: 0, ops: count,
                   peakRSSBytes: 0, labels: [("error", failure)]).emit()
        continue
      }
      let done = results[index(key)]
      let buildWall = median(done.map(\.buildWall))
      ResultLine(
        suite: "interpreter", caseName: caseName, impl: key.impl.rawValue,
        nanosecondsPerOp: buildWall * 1e9 / Double(count), ops: count,
        peakRSSBytes: done.map(\.peakRSSBytes).max()!,
        extra: [
          ("runs", Double(done.count)),
          ("seconds", buildWall),
          ("cpu_seconds", median(done.map(\.buildCPU))),
          ("free_seconds", median(done.map(\.freeWall))),
          ("free_cpu_seconds", median(done.map(\.freeCPU))),
          ("seconds_min", done.map(\.buildWall).min()!),
          ("seconds_max", done.map(\.buildWall).max()!),
        ]).emit()
    }
    for impl in [ProgramImpl.cpython, .pyheap] {
      let on = results[index((impl, true))]
      let off = results[index((impl, false))]
      guard failures[index((impl, true))] == nil, failures[index((impl, false))] == nil else { continue }
      let wallOn = median(on.map(\.buildWall))
      let wallOff = median(off.map(\.buildWall))
      ResultLine(
        suite: "interpreter", caseName: "instances_gc_on_off", impl: impl.rawValue,
        nanosecondsPerOp: (wallOn - wallOff) * 1e9 / Double(count), ops: count, peakRSSBytes: 0,
        extra: [
          ("ratio", wallOn / wallOff),
          ("cpu_ratio", median(on.map(\.buildCPU)) / median(off.map(\.buildCPU))),
        ]).emit()
    }
    return errors
  }
}
