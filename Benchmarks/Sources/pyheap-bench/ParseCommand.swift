import ArgumentParser

#if canImport(Glibc)
import Glibc
#endif

/// The implementations the parse suite compares.
enum ParseImpl: String, CaseIterable, ExpressibleByArgument {
  /// PySyntax's `parse(_:filename:)`, in a child process running this binary.
  case pyheap
  /// CPython's `ast.parse`, in a `python3` child process.
  case cpython
}

/// `pyheap-bench parse`: PySyntax's parser against CPython's `ast.parse` on every `.py` file
/// of the installed standard library.
///
/// Each implementation runs in a child process of its own (the pyheap side re-executes this
/// binary with the hidden `--child FILE_LIST`), reads all files into memory, makes one
/// warm-up pass over them and then `--repetitions` measured passes; a pass's time is thread
/// CPU time. Output: a `pyheap` and a `cpython` line (`ops` = files, `ns_per_op` = ns per
/// file, `seconds` = the median pass, `mb_per_s` = source megabytes per second,
/// `peak_rss_bytes` = the child's resident high-water mark), then an `impl: "summary"` line
/// with `speedup` (CPython's time / pyheap's; the goal is at least 2), `ratio` (pyheap's time /
/// CPython's, as in the other suites) and `rss_ratio` (pyheap's peak / CPython's; the goal is
/// at most 1).
struct ParseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "parse",
    abstract: "PySyntax's parser against CPython's ast.parse on the standard library.",
    discussion: """
      Parses every .py file of python3's standard library (sysconfig's "stdlib" path, \
      site-packages left out) as bytes, once with each implementation, each in a child \
      process. --quick parses the first 200 files. Needs python3 (3.11 is the reference) \
      unless --impl pyheap and --stdlib are given.
      """)

  @OptionGroup var options: BenchmarkOptions

  @Option(help: "Run only this implementation (no summary line).")
  var impl: ParseImpl?

  @Option(help: "The Python interpreter for the CPython side and for finding the standard library.")
  var python = "python3"

  @Option(help: "Parse the .py files under this directory instead of python3's standard library.")
  var stdlib: String?

  @Option(help: "Parse at most this many files (default: all; 200 with --quick).")
  var files: Int?

  /// Internal: the pyheap side, in the child process; the file list is in this file.
  @Option(help: .hidden)
  var child: String?

  func run() throws {
    if let child {
      print(try PySyntaxParse.measure(listFile: child, repetitions: options.repetitions).json)
      StandardError.write("pyheap-bench: checksum \(Sink.checksum)\n")
      return
    }
    guard try options.selectCases(["stdlib"], name: { $0 }, summary: { _ in
      "every .py file of the standard library, parsed from bytes"
    }) != nil else { return }

    let root = try stdlib ?? SourceCorpus.standardLibrary(python: python)
    var paths = try SourceCorpus.pythonFiles(under: root)
    if let limit = files ?? (options.quick ? 200 : nil) { paths = Array(paths.prefix(limit)) }
    guard !paths.isEmpty else { throw ValidationError("no .py file under \(root)") }
    StandardError.write("pyheap-bench: parse: \(paths.count) files from \(root)\n")
    let listFile = try SourceCorpus.writeList(paths)
    defer { unlink(listFile) }

    var pyheap: ParseRuns?
    var cpython: ParseRuns?
    if impl != .cpython {
      StandardError.write("pyheap-bench: parse: pyheap…\n")
      var arguments = ["parse", "--child", listFile, "--repetitions", String(options.repetitions)]
      if options.allowDebug { arguments.append("--allow-debug") }
      pyheap = try ParseRuns(childOutput: try ChildProcess.runSelf(arguments), from: "the pyheap child")
    }
    if impl != .pyheap {
      StandardError.write("pyheap-bench: parse: cpython…\n")
      let runs = try CPythonParse.measure(listFile: listFile, repetitions: options.repetitions, python: python)
      StandardError.write("pyheap-bench: CPython side: \(python) \(runs.version)\n")
      if !runs.version.hasPrefix("3.11.") {
        StandardError.write("pyheap-bench: note: the reference is CPython 3.11 (PySyntax parses 3.11's grammar)\n")
      }
      cpython = runs
    }
    if let pyheap, let cpython {
      guard pyheap.files == cpython.files, pyheap.bytes == cpython.bytes else {
        throw ChildProcess.Failure(description: "the two sides read different inputs")
      }
      if pyheap.failures != cpython.failures {
        StandardError.write("pyheap-bench: WARNING: \(pyheap.failures) files fail to parse with pyheap, \(cpython.failures) with CPython\n")
      }
    }
    for runs in [pyheap, cpython].compactMap({ $0 }) { line(runs).emit() }
    if let pyheap, let cpython {
      ResultLine(
        suite: "parse", caseName: "stdlib", impl: "summary",
        nanosecondsPerOp: 0, ops: pyheap.files, peakRSSBytes: 0,
        extra: [
          ("speedup", cpython.seconds / pyheap.seconds),
          ("ratio", pyheap.seconds / cpython.seconds),
          ("rss_ratio", Double(pyheap.peakRSSBytes) / Double(cpython.peakRSSBytes)),
        ]
      ).emit()
    }
  }

  private func line(_ runs: ParseRuns) -> ResultLine {
    let perFile = { (nanoseconds: Double) in nanoseconds / Double(runs.files) }
    return ResultLine(
      suite: "parse", caseName: "stdlib", impl: runs.impl,
      nanosecondsPerOp: perFile(median(runs.nanoseconds)), ops: runs.files, peakRSSBytes: runs.peakRSSBytes,
      extra: [
        ("seconds", runs.seconds),
        ("mb_per_s", runs.megabytesPerSecond),
        ("bytes", Double(runs.bytes)),
        ("failures", Double(runs.failures)),
        ("rss_before_bytes", Double(runs.rssBeforeBytes)),
        ("ns_min", perFile(runs.nanoseconds.min()!)),
        ("ns_max", perFile(runs.nanoseconds.max()!)),
        ("ns_warmup", perFile(runs.warmUpNanoseconds)),
      ])
  }
}
