import ArgumentParser

#if canImport(Glibc)
import Glibc
#endif

/// `pyheap-bench allocator`: PyHeap's `Heap` against glibc `malloc`/`free`, same binary.
///
/// Output: for each case a `pyheap` line (with an extra `ratio` = pyheap / glibc ns per op)
/// and a `glibc` line; last, an `impl: "summary"`, `case: "geomean"` line whose `ns_per_op`
/// (and `ratio`) is the geometric mean of the per-case ratios.
struct AllocatorCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "allocator",
    abstract: "PyHeap's small-object allocator against glibc malloc/free.",
    discussion: """
      Cases: alloc_free_{16,64,256,512}, alloc_1m_free_all_{16,64,256,512}, \
      random_replace_{16,64,256,512,mixed}, python_mix. Use --list for what each measures.
      """)

  @OptionGroup var options: BenchmarkOptions

  /// Internal: run one case with one implementation and print its line (the child side of
  /// the resident-set measurement).
  @Option(help: .hidden)
  var child: Impl?

  func validate() throws {
    if child != nil && options.caseName == nil {
      throw ValidationError("--child needs --case")
    }
  }

  func run() throws {
    let catalog = AllocatorCase.catalog(quick: options.quick)
    guard let selected = try options.selectCases(catalog, name: \.name, summary: \.summary) else { return }
    let suite = AllocatorSuite(repetitions: options.repetitions)

    if let child {
      suite.measureAlone(selected[0], impl: child).emit()
      StandardError.write("pyheap-bench: checksum (\(selected[0].name), \(child)) \(Sink.checksum)\n")
      return
    }

    var ratios: [Double] = []
    for testCase in selected {
      StandardError.write("pyheap-bench: \(testCase.name)…\n")
      var (pyheap, glibc) = try measure(testCase, suite)
      let ratio = pyheap.nanosecondsPerOp / glibc.nanosecondsPerOp
      ratios.append(ratio)
      pyheap.extra.insert(("ratio", ratio), at: 0)
      pyheap.emit()
      glibc.emit()
    }
    let geomean = ratios.isEmpty ? 0 : ratios.map { log($0) }.reduce(0, +) / Double(ratios.count)
    let geometricMean = ratios.isEmpty ? 0 : exp(geomean)
    ResultLine(
      suite: AllocatorSuite.name, caseName: "geomean", impl: "summary",
      nanosecondsPerOp: geometricMean, ops: 0, peakRSSBytes: 0,
      extra: [("ratio", geometricMean), ("cases", Double(ratios.count))]
    ).emit()
    StandardError.write("pyheap-bench: checksum \(Sink.checksum)\n")
  }

  /// The pyheap and glibc lines of one case: in this process, or, for the cases that report
  /// a resident-set peak, in one fresh child process per implementation.
  ///
  /// Those children are preceded by a discarded priming child running the same case once.
  /// On this VM the first process to touch memory the guest has not used for a while pays
  /// several times more per page fault (measured: 1700 against 360 ns per 512-byte block),
  /// so without priming whichever implementation ran first would carry that cost in its
  /// warm-up (`ns_cold`) and sometimes in its median.
  private func measure(_ testCase: AllocatorCase, _ suite: AllocatorSuite) throws -> (ResultLine, ResultLine) {
    guard testCase.runsInChildProcess else {
      let (pyheap, glibc) = suite.measureInProcess(testCase)
      return (suite.line(testCase, impl: Impl.pyheap.rawValue, pyheap),
              suite.line(testCase, impl: Impl.glibc.rawValue, glibc))
    }
    _ = try measureInChild(testCase, .glibc, repetitions: 1)
    return (try measureInChild(testCase, .pyheap), try measureInChild(testCase, .glibc))
  }

  private func measureInChild(_ testCase: AllocatorCase, _ impl: Impl, repetitions: Int? = nil) throws -> ResultLine {
    var arguments = ["allocator", "--child", impl.rawValue, "--case", testCase.name,
                     "--repetitions", String(repetitions ?? options.repetitions)]
    if options.quick { arguments.append("--quick") }
    if options.allowDebug { arguments.append("--allow-debug") }
    let output = try ChildProcess.runSelf(arguments)
    let lines = output.split(separator: "\n").compactMap { ResultLine(parsing: $0) }
    guard lines.count == 1, let result = lines.first, result.caseName == testCase.name, result.impl == impl.rawValue
    else {
      throw ChildProcess.Failure(description: "unexpected output from child for \(testCase.name)/\(impl): \(output)")
    }
    return result
  }
}
