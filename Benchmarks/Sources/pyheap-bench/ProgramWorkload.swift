/// The programs suite's workloads: Python scripts in `Benchmarks/Programs/`, each run as a
/// whole program by `pyheap` and by `python3`.
///
/// Every script takes one size argument (`sys.argv[1]`), imports nothing but `sys`, and
/// prints a deterministic checksum, so the two interpreters must print byte-identical output.
struct ProgramWorkload {
  /// The case name, also the script's name without `.py`.
  var name: String
  /// The size for a full run, chosen so that CPython 3.11 takes about 1.5 s of CPU time on
  /// the development VM.
  var size: Int
  /// The size for `--quick` (a CI smoke run, well under a second with CPython).
  var quickSize: Int
  var summary: String

  static let catalog: [ProgramWorkload] = [
    ProgramWorkload(
      name: "task_scheduler", size: 100_000, quickSize: 2_000,
      summary: """
        discrete-event scheduler: generator tasks, a binary heap of (time, seq, task) tuples \
        in Python, channels, dicts, closures, cancellation by throwing into generators
        """),
    ProgramWorkload(
      name: "float_heavy", size: 150, quickSize: 5,
      summary: """
        n-body simulation, a Mandelbrot set with (re, im) tuples, Simpson integration \
        through closures: floats, tuples, lists, small function calls
        """),
  ]

  /// The directory holding the scripts: `Benchmarks/Programs`, found from this source file's
  /// path at compile time (the benchmarks run from a source checkout).
  static let directory = packageDirectory + "/Programs"

  /// The `Benchmarks` package's directory.
  static let packageDirectory: String = {
    // #filePath is Benchmarks/Sources/pyheap-bench/ProgramWorkload.swift.
    var path = Substring(#filePath)
    for _ in 0..<3 {
      if let slash = path.lastIndex(of: "/") { path = path[..<slash] }
    }
    return String(path)
  }()

  var scriptPath: String { Self.directory + "/" + name + ".py" }
}
