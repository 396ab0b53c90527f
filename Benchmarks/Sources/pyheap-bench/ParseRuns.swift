/// What one parse-suite child reports, for either implementation: the runs over the whole
/// file list and the process's memory.
///
/// Both children print it as the same flat JSON object on one line:
///
/// ```json
/// {"impl": "pyheap", "version": "…", "files": 1790, "bytes": 31045433, "failures": 9,
///  "rss_before": 60559360, "peak_rss": 71303168, "warmup_ns": …, "runs_ns": [ … ]}
/// ```
///
/// `rss_before` is the resident high-water mark once every file is in memory, before the
/// first parse; `peak_rss` the high-water mark at the end. Their difference is what parsing
/// added on top of the process and its inputs.
struct ParseRuns {
  var impl: String
  var version: String
  var files: Int
  var bytes: Int
  /// Files that do not parse (`SyntaxError`; the same files on both sides).
  var failures: Int
  var rssBeforeBytes: Int
  var peakRSSBytes: Int
  var warmUpNanoseconds: Double
  /// Thread CPU time of each measured pass over all files.
  var nanoseconds: [Double]

  var json: String {
    let runs = nanoseconds.map { String(Int($0)) }.joined(separator: ", ")
    return """
      {"impl": "\(impl)", "version": "\(version)", "files": \(files), "bytes": \(bytes), \
      "failures": \(failures), "rss_before": \(rssBeforeBytes), "peak_rss": \(peakRSSBytes), \
      "warmup_ns": \(Int(warmUpNanoseconds)), "runs_ns": [\(runs)]}
      """
  }

  /// Reads the last line of a child's output.
  init(childOutput output: String, from child: String) throws(ChildProcess.Failure) {
    guard let line = output.split(separator: "\n").last, let object = FlatJSON.parse(line),
          let impl = object.strings["impl"], let files = object.numbers["files"],
          let bytes = object.numbers["bytes"], let failures = object.numbers["failures"],
          let before = object.numbers["rss_before"], let peak = object.numbers["peak_rss"],
          let warmUp = object.numbers["warmup_ns"], let runs = object.arrays["runs_ns"], !runs.isEmpty
    else {
      throw ChildProcess.Failure(description: "unexpected output from \(child): \(output)")
    }
    self.init(impl: impl, version: object.strings["version"] ?? "?", files: Int(files), bytes: Int(bytes),
              failures: Int(failures), rssBeforeBytes: Int(before), peakRSSBytes: Int(peak),
              warmUpNanoseconds: warmUp, nanoseconds: runs)
  }

  init(impl: String, version: String, files: Int, bytes: Int, failures: Int, rssBeforeBytes: Int,
       peakRSSBytes: Int, warmUpNanoseconds: Double, nanoseconds: [Double]) {
    self.impl = impl
    self.version = version
    self.files = files
    self.bytes = bytes
    self.failures = failures
    self.rssBeforeBytes = rssBeforeBytes
    self.peakRSSBytes = peakRSSBytes
    self.warmUpNanoseconds = warmUpNanoseconds
    self.nanoseconds = nanoseconds
  }

  /// The median pass, in seconds.
  var seconds: Double { median(nanoseconds) / 1e9 }

  /// Source megabytes (10^6 bytes) parsed per second in the median pass.
  var megabytesPerSecond: Double { Double(bytes) / 1e6 / seconds }
}
