import PySyntax

/// The pyheap side of the parse suite, run in a child process of its own (`pyheap-bench parse
/// --child FILE_LIST`) so that its resident-set peak is the parser's and not the parent's.
///
/// It does what the CPython side does: read every file into memory, then pass over the list
/// with `parse(_:filename:)` (as `ast.parse(source_bytes)`), one warm-up pass and then the
/// measured ones. Each tree is dropped before the next file is parsed, as `ast.parse(…)` in
/// a loop drops its result.
enum PySyntaxParse {
  static func measure(listFile: String, repetitions: Int) throws -> ParseRuns {
    let sources = try SourceCorpus.readList(listFile).map(SourceCorpus.read)
    let rssBefore = ResidentMemory.highWaterMark()
    let warmUp = pass(sources)
    var runs: [Double] = []
    for _ in 0..<repetitions {
      let run = pass(sources)
      guard run.failures == warmUp.failures else { throw ChildProcess.Failure(description: "parse results changed between passes") }
      runs.append(run.nanoseconds)
    }
    return ParseRuns(
      impl: "pyheap", version: PySyntax.grammarVersion, files: sources.count,
      bytes: sources.reduce(0) { $0 + $1.count }, failures: warmUp.failures,
      rssBeforeBytes: rssBefore, peakRSSBytes: ResidentMemory.highWaterMark(),
      warmUpNanoseconds: warmUp.nanoseconds, nanoseconds: runs)
  }

  /// One timed pass over all sources.
  private static func pass(_ sources: [[UInt8]]) -> (nanoseconds: Double, failures: Int) {
    var failures = 0
    var statements = 0
    let start = ThreadCPUClock.now()
    for source in sources {
      switch parse(source) {
      case .success(let module): statements &+= module.body.count
      case .failure: failures += 1
      }
    }
    let end = ThreadCPUClock.now()
    Sink.consume(UInt64(statements))
    return (Double(end - start), failures)
  }
}
