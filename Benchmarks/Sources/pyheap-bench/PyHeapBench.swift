import ArgumentParser

#if canImport(Glibc)
import Glibc
#endif

/// `pyheap-bench`: PyHeap's benchmark driver. Each suite is a subcommand and prints one JSON
/// object per line on stdout (see `ResultLine`); human-readable notes go to stderr.
///
/// New suites (`tracemalloc`, …) are added as further subcommands that take
/// ``BenchmarkOptions`` as an `@OptionGroup`.
@main
struct PyHeapBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pyheap-bench",
    abstract: "Benchmarks for PyHeap. Build with -c release.",
    discussion: """
      Every suite prints one JSON object per line with the fields suite, case, impl, \
      ns_per_op, ops and peak_rss_bytes. Times are thread CPU time, median of the repetitions \
      after one warm-up run (programs, interpreter: wall and CPU time of child processes).
      """,
    subcommands: [AllocatorCommand.self, GCCommand.self, ParseCommand.self, ProgramsCommand.self, InterpreterCommand.self, TracemallocCommand.self])
}

/// Options every suite takes.
struct BenchmarkOptions: ParsableArguments {
  @Flag(help: "Fewer iterations (for CI smoke runs). Numbers are noisier.")
  var quick = false

  @Option(name: .customLong("case"), help: "Run only the case with this name.")
  var caseName: String?

  @Option(
    name: .customLong("repetitions"),
    help: "Measured repetitions per case (after one warm-up run); the median is reported (default: 5; programs: 3, 1 with --quick; interpreter: see its help).")
  var repetitionsOption: Int?

  /// `--repetitions`, or 5.
  var repetitions: Int { repetitionsOption ?? 5 }

  @Flag(help: "Run even in a debug build (the numbers are then meaningless).")
  var allowDebug = false

  @Flag(help: "List the suite's cases and exit.")
  var list = false

  func validate() throws {
    guard repetitions >= 1 else { throw ValidationError("--repetitions must be at least 1") }
  }

  /// Refuses to measure a debug build: `-Onone` code is 10–100× slower and its ratios say
  /// nothing about release behaviour.
  /// The cases to run: all, or the one `--case` names. With `--list` it prints each case's
  /// summary and returns nil (nothing to run); otherwise it checks the build configuration.
  func selectCases<Case>(_ catalog: [Case], name: (Case) -> String, summary: (Case) -> String) throws -> [Case]? {
    if list {
      for testCase in catalog { print("\(name(testCase)): \(summary(testCase))") }
      return nil
    }
    try checkBuildConfiguration()
    guard let caseName else { return catalog }
    let selected = catalog.filter { name($0) == caseName }
    guard !selected.isEmpty else {
      throw ValidationError("No case named \(caseName). Cases: \(catalog.map(name).joined(separator: ", "))")
    }
    return selected
  }

  func checkBuildConfiguration() throws {
    #if DEBUG
    if !allowDebug {
      StandardError.write("""
        pyheap-bench: ************************************************************
        pyheap-bench: REFUSING TO RUN: this is a DEBUG build. Debug timings are meaningless.
        pyheap-bench: Build and run with -c release, e.g.
        pyheap-bench:   swift run -c release --package-path Benchmarks pyheap-bench allocator
        pyheap-bench: (pass --allow-debug to run anyway, e.g. to test the harness itself)
        pyheap-bench: ************************************************************

        """)
      throw ExitCode(2)
    }
    StandardError.write("pyheap-bench: WARNING: debug build, numbers are meaningless (--allow-debug)\n")
    #endif
  }
}

/// Unbuffered writes to stderr, for notes and warnings that must not mix into the JSON.
enum StandardError {
  static func write(_ text: String) {
    var text = text
    text.withUTF8 { bytes in
      var offset = 0
      while offset < bytes.count {
        let written = Glibc.write(2, bytes.baseAddress! + offset, bytes.count - offset)
        if written <= 0 { return }
        offset += written
      }
    }
  }
}
