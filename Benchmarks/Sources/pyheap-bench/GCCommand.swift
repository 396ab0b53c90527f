import ArgumentParser
import PyRuntime

#if canImport(Glibc)
import Glibc
#endif

/// The implementations the gc suite compares.
enum GCImpl: String, CaseIterable, ExpressibleByArgument {
  /// PyRuntime's collector and reference counting, in this process.
  case pyheap
  /// CPython's `gc.collect()` and `del`, in a `python3` child process.
  case cpython
}

/// `pyheap-bench gc`: PyRuntime's cycle collector and deallocation against CPython's on the
/// same heap shapes.
///
/// Output: for each case a `pyheap` line (with `ratio` = pyheap / cpython ns per op) and a
/// `cpython` line, both with `ms` (the median run's total milliseconds), `ns_min` and
/// `ns_max`; last, an `impl: "summary"`, `case: "geomean"` line with the geometric mean of
/// the ratios. With `--impl`, only that implementation's lines (and no summary).
struct GCCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "gc",
    abstract: "PyRuntime's cycle collector and deallocation against CPython's (python3).",
    discussion: """
      Cases: collect_live_{100k,1m}, collect_half_garbage_{100k,1m}, collect_linked_list_1m, \
      free_nested_chain_1m. Use --list for what each measures. Needs python3 (3.11 is the \
      reference) unless --impl pyheap.
      """)

  @OptionGroup var options: BenchmarkOptions

  @Option(help: "Run only this implementation (no ratios, no summary).")
  var impl: GCImpl?

  @Option(help: "The Python interpreter for the CPython side.")
  var python = "python3"

  func run() throws {
    let catalog = GCCase.catalog(quick: options.quick)
    guard let selected = try options.selectCases(catalog, name: \.name, summary: \.summary) else { return }

    var ratios: [Double] = []
    var pythonVersion: String?
    for testCase in selected {
      StandardError.write("pyheap-bench: \(testCase.name)…\n")
      var pyheap: ResultLine?
      var cpython: ResultLine?
      if impl != .cpython {
        pyheap = line(testCase, .pyheap, measurePyHeap(testCase))
      }
      if impl != .pyheap {
        let runs = try CPythonGC.measure(testCase, repetitions: options.repetitions, python: python)
        if pythonVersion == nil {
          pythonVersion = runs.version
          StandardError.write("pyheap-bench: CPython side: \(python) \(runs.version)\n")
          if !runs.version.hasPrefix("3.11.") {
            StandardError.write("pyheap-bench: note: the reference is CPython 3.11 (PyRuntime reproduces 3.11.7)\n")
          }
        }
        let perOp = { (nanoseconds: Double) in nanoseconds / Double(runs.ops) }
        cpython = line(testCase, .cpython, GCSummary(
          ops: runs.ops, warmUp: perOp(runs.warmUpNanoseconds), runs: runs.nanoseconds.map(perOp)))
      }
      if var pyheapLine = pyheap, let cpythonLine = cpython {
        let ratio = pyheapLine.nanosecondsPerOp / cpythonLine.nanosecondsPerOp
        ratios.append(ratio)
        pyheapLine.extra.insert(("ratio", ratio), at: 0)
        pyheap = pyheapLine
      }
      pyheap?.emit()
      cpython?.emit()
    }
    if impl == nil {
      let geometricMean = ratios.isEmpty ? 0 : exp(ratios.map { log($0) }.reduce(0, +) / Double(ratios.count))
      ResultLine(
        suite: "gc", caseName: "geomean", impl: "summary",
        nanosecondsPerOp: geometricMean, ops: 0, peakRSSBytes: 0,
        extra: [("ratio", geometricMean), ("cases", Double(ratios.count))]
      ).emit()
    }
    StandardError.write("pyheap-bench: checksum \(Sink.checksum)\n")
  }

  /// One runtime per case, automatic collection off (as `gc.disable()`), one warm-up run,
  /// then the measured runs; every run builds the shape anew in the same heap.
  private func measurePyHeap(_ testCase: GCCase) -> GCSummary {
    let runtime = Runtime()
    let rt = runtime.ref
    rt.gcEnabled = false
    let type = GCLoops.makeClass(rt)
    let warmUp = GCLoops.run(testCase, rt, type)
    Sink.consume(warmUp.checksum)
    var runs: [Double] = []
    for _ in 0..<options.repetitions {
      let sample = GCLoops.run(testCase, rt, type)
      Sink.consume(sample.checksum)
      runs.append(sample.nanosecondsPerOp)
    }
    return GCSummary(ops: testCase.objects, warmUp: warmUp.nanosecondsPerOp, runs: runs)
  }

  private func line(_ testCase: GCCase, _ impl: GCImpl, _ summary: GCSummary) -> ResultLine {
    let perOp = median(summary.runs)
    return ResultLine(
      suite: "gc", caseName: testCase.name, impl: impl.rawValue,
      nanosecondsPerOp: perOp, ops: summary.ops, peakRSSBytes: 0,
      extra: [
        ("ms", perOp * Double(summary.ops) / 1e6),
        ("ns_min", summary.runs.min()!),
        ("ns_max", summary.runs.max()!),
        ("ns_warmup", summary.warmUp),
      ])
  }
}

/// The runs of one implementation on one case, in ns per op.
struct GCSummary {
  var ops: Int
  var warmUp: Double
  var runs: [Double]
}
