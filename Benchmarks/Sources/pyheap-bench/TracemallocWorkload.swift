/// The tracemalloc suite's workloads: Python scripts in `Benchmarks/Tracemalloc/`, run by
/// `pyheap` and by `python3` with tracemalloc off, with `start(1)` and with `start(25)`.
///
/// Every script takes `SIZE FRAMES [report]`: FRAMES 0 leaves tracemalloc off, otherwise the
/// script calls `tracemalloc.start(FRAMES)` first. It prints a deterministic checksum; with
/// `report` it also prints, while its live set still stands, a last line
/// `TRACEMALLOC <traces> <get_tracemalloc_memory()> <traced bytes>`.
struct TracemallocWorkload {
  var name: String
  /// The size for a full run, chosen so that CPython 3.11 untraced takes about half a
  /// second of CPU time on the development VM.
  var size: Int
  var quickSize: Int
  var summary: String

  static let catalog: [TracemallocWorkload] = [
    TracemallocWorkload(
      name: "instances", size: 500_000, quickSize: 20_000,
      summary: """
        an instance-creating loop: a class with __init__ and a method returning a new \
        instance, a tuple and a list per step, freed 2,000 steps later; 50,000 kept at the end
        """),
    TracemallocWorkload(
      name: "containers", size: 300_000, quickSize: 20_000,
      summary: """
        300,000 small dicts (three keys, a formatted str, a two-item list) built and kept: \
        a large live set (CPYTHON-MEMORY.md section 7.4)
        """),
    TracemallocWorkload(
      name: "recursion", size: 250, quickSize: 10,
      summary: """
        binary trees of tuples built by recursion 20 to 33 frames deep, so 25-frame \
        tracebacks are full
        """),
  ]

  /// The traceback limits measured; 0 is tracemalloc off.
  static let frameCounts = [0, 1, 25]

  static let directory = ProgramWorkload.packageDirectory + "/Tracemalloc"

  var scriptPath: String { Self.directory + "/" + name + ".py" }
}
