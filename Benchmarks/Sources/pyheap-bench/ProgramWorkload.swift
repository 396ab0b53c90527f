/// The programs suite's workloads: Python scripts in `Benchmarks/Workloads/`, each run as a
/// whole program by `pyheap` and by `python3`.
///
/// Every script is our own program in the style of one of the object-heavy pyperformance
/// benchmarks (named in its summary). It takes an optional size (`sys.argv[1]`) or
/// `--quick`, and prints a short deterministic checksum, so the two interpreters must print
/// byte-identical output. Run with no argument, a script takes about 1–3 s of CPU time under
/// CPython 3.11 on the development VM; with `--quick` well under half a second.
struct ProgramWorkload {
  /// The case name, also the script's name without `.py`.
  var name: String
  /// The modules the script imports besides `sys`: until pyheap has them, its runs fail
  /// with `ModuleNotFoundError`, which the suite reports as an `error` line.
  var modules: [String]
  /// What the default size is, for `--list` and the README.
  var size: String
  var summary: String

  static let catalog: [ProgramWorkload] = [
    ProgramWorkload(
      name: "task_scheduler", modules: [], size: "100,000 tasks (quick: 2,000)",
      summary: """
        discrete-event scheduler: generator tasks, a binary heap of (time, seq, task) tuples \
        in Python, channels, dicts, closures, cancellation by throwing into generators
        """),
    ProgramWorkload(
      name: "kernel_tasks", modules: [], size: "40 rounds (quick: 3)",
      summary: """
        richards-like: task control blocks of four Task subclasses pass Packet objects \
        through linked work queues under a priority scheduler
        """),
    ProgramWorkload(
      name: "constraints", modules: [], size: "40 solvers (quick: 3)",
      summary: """
        deltablue-like incremental constraint solver: a class hierarchy of stay, edit, \
        equality and scale constraints, planning and re-planning on chains, projections, fans
        """),
    ProgramWorkload(
      name: "float_heavy", modules: [], size: "150 (quick: 5)",
      summary: """
        n-body simulation, a Mandelbrot set with (re, im) tuples, Simpson integration \
        through closures: floats, tuples, lists, small function calls
        """),
    ProgramWorkload(
      name: "float_points", modules: ["math"], size: "5 passes over 240,000 points (quick: 20,000)",
      summary: """
        float-like: Point objects from math.sin/cos, normalized with math.sqrt, reduced to \
        a maximum, a centroid and octant counts
        """),
    ProgramWorkload(
      name: "nbody", modules: [], size: "80,000 steps (quick: 1,000)",
      summary: """
        nbody-like: the Sun, four giant planets and three asteroids as Body objects with \
        __slots__, every pair visited per step
        """),
    ProgramWorkload(
      name: "raytrace", modules: ["math"], size: "200 x 200 pixels (quick: 16 x 16)",
      summary: """
        raytrace-like: spheres over a checkered floor, two lights, shadows, reflections; \
        immutable Vector objects with operator overloading, a Shape class hierarchy
        """),
    ProgramWorkload(
      name: "go_board", modules: ["random", "math"], size: "14 moves x 25 playouts (quick: 2)",
      summary: """
        go-like: UCT search on a 9x9 board of Point objects, groups found by flood fill, \
        random playouts from random.Random(seed)
        """),
    ProgramWorkload(
      name: "chaos_game", modules: ["random", "math"], size: "3 x 25,000 points (quick: 2,500)",
      summary: """
        chaos-like: three iterated function systems drawn by random.Random(seed), each point \
        bent by a cubic Bezier warp on Vec2 objects and counted into a grid
        """),
    ProgramWorkload(
      name: "gc_collect", modules: ["gc"], size: "300 rounds of 400 structures (quick: 10)",
      summary: """
        gc_collect-like: rings, parent-linked trees, self-containing dicts and lists, \
        self-calling closures, bound-method cycles, some with __del__; gc.collect() per round
        """),
    ProgramWorkload(
      name: "gc_traversal", modules: ["gc"], size: "120,000 records (quick: 20,000)",
      summary: """
        gc_traversal-like: a large live graph of records, links, dicts and tuples; repeated \
        full gc.collect() and gc.get_objects() censuses
        """),
    ProgramWorkload(
      name: "json_roundtrip", modules: ["json"], size: "480 documents x 12 x 4 styles (quick: 60)",
      summary: """
        json_dumps/json_loads-like: API-shaped documents with escapes and non-ASCII text \
        through json.dumps (compact, indented, sorted, ensure_ascii off) and json.loads
        """),
  ]

  /// The directory holding the scripts: `Benchmarks/Workloads`, found from this source
  /// file's path at compile time (the benchmarks run from a source checkout).
  static let directory = packageDirectory + "/Workloads"

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

  /// The `--list` line.
  var listing: String {
    let imports = modules.isEmpty ? "sys only" : "imports " + modules.joined(separator: ", ")
    return "\(summary) [\(size); \(imports)]"
  }
}
