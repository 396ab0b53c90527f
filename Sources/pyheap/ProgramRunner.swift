#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import PyHeap

/// Runs a program in a fresh runtime on a thread with a large stack, and returns its exit
/// status. The runtime is not torn down: the process exits right after, as CPython's does
/// once its own finalization is done.
struct ProgramRunner {
  let options: [String]
  /// `--memory-report` / `--memory-report=json`: print the report to stderr at exit.
  var report: MemoryReportFormat?
  /// `--heap-map FILE.svg`: write the picture of the arenas at exit.
  var heapMapPath: String?

  func run(source: [UInt8], filename: String, argv: [String]) -> Int32 {
    var byteLimit: Int?
    var debugHooks = false
    var modes = CollectorModes()
    for option in options {
      if option.hasPrefix("heaplimit=") {
        guard let value = Int(option.dropFirst("heaplimit=".count)), value > 0 else {
          SystemIO.writeError("pyheap: -X heaplimit needs a positive number of bytes\n")
          return 2
        }
        byteLimit = value
      } else if option == "debugalloc" {
        debugHooks = true
      } else if option == "gcstress" {
        modes.stressEverySafePoint = true
      } else if option == "verifyheap" {
        modes.verifyAfterCollection = true
      } else if option == "verifyheap=all" {
        modes.verifyAfterCollection = true
        modes.verifyEveryCollectionInFull = true
      } else if option == "nomarkalive" {
        modes.markAlive = false
      }
    }
    let tracemallocFrames: Int
    switch TracemallocStartup.frames(options: options, environment: SystemIO.environment("PYTHONTRACEMALLOC")) {
    case .success(let frames): tracemallocFrames = frames
    case .failure(let error):
      SystemIO.writeError(error.message)
      return 1
    }
    let seed = SystemIO.environment("PYTHONHASHSEED").flatMap { $0 == "random" ? nil : UInt64($0) }
    let directory = filename == "<string>" ? SystemIO.currentDirectory() : SystemIO.directory(of: filename)
    let job = ProgramJob(
      configuration: HeapConfiguration(debugHooks: debugHooks, byteLimit: byteLimit), seed: seed,
      collectorModes: modes, tracemallocFrames: tracemallocFrames,
      report: report, heapMapPath: heapMapPath, argv: argv, directory: directory, source: source, filename: filename)
    // Python recursion never uses the native stack, but calls from Swift into Python
    // (`__init__`, `__eq__`, sort keys) do; a large stack gives them room up to the limit.
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    pthread_attr_setstacksize(&attributes, 1 << 30)
    #if canImport(Darwin)
    var thread: pthread_t? = nil
    #else
    var thread = pthread_t()
    #endif
    let context = Unmanaged.passRetained(job).toOpaque()
    guard pthread_create(&thread, &attributes, { context in
      Unmanaged<ProgramJob>.fromOpaque(context!).takeRetainedValue().run()
    }, context) == 0 else {
      SystemIO.writeError("pyheap: cannot start the interpreter thread\n")
      return 1
    }
    #if canImport(Darwin)
    pthread_join(thread!, nil)
    #else
    pthread_join(thread, nil)
    #endif
    return 1   // not reached: the program's thread ends the process
  }
}

/// The collector's `-X` switches (``RuntimeRef``'s stress modes and shortcut).
struct CollectorModes {
  var stressEverySafePoint = false
  var verifyAfterCollection = false
  var verifyEveryCollectionInFull = false
  var markAlive = true
}

/// What the interpreter thread runs: a fresh runtime, the program, the reports asked for,
/// the interpreter's shutdown, then the process's exit with the program's status.
final class ProgramJob {
  let configuration: HeapConfiguration
  let seed: UInt64?
  let collectorModes: CollectorModes
  let tracemallocFrames: Int
  let report: MemoryReportFormat?
  let heapMapPath: String?
  let argv: [String]
  let directory: String
  let source: [UInt8]
  let filename: String

  init(configuration: HeapConfiguration, seed: UInt64?, collectorModes: CollectorModes, tracemallocFrames: Int, report: MemoryReportFormat?, heapMapPath: String?, argv: [String],
       directory: String, source: [UInt8], filename: String) {
    self.configuration = configuration
    self.seed = seed
    self.collectorModes = collectorModes
    self.tracemallocFrames = tracemallocFrames
    self.report = report
    self.heapMapPath = heapMapPath
    self.argv = argv
    self.directory = directory
    self.source = source
    self.filename = filename
  }

  func run() -> Never {
    let runtime = Runtime(configuration, hashSeed: seed)
    let rt = runtime.ref
    rt.gcStressEverySafePoint = collectorModes.stressEverySafePoint
    rt.gcVerifyAfterCollection = collectorModes.verifyAfterCollection
    rt.gcVerifyEveryCollectionInFull = collectorModes.verifyEveryCollectionInFull
    rt.gcMarkAlive = collectorModes.markAlive
    // CPython starts tracemalloc early in start-up (`-X tracemalloc`, PYTHONTRACEMALLOC); a
    // memory report needs it too, with one frame unless asked otherwise.
    if tracemallocFrames > 0 || report != nil { rt.startTracingMemory(frames: max(tracemallocFrames, 1)) }
    rt.startInterpreter(arguments: argv, searchPaths: [directory])
    let status = rt.runMain(source: source, filename: filename)
    // The report and the map show the heap when the program's last line has run, before
    // the interpreter's shutdown frees the modules.
    if let report {
      let gathered = rt.memoryReport()
      SystemIO.writeError(report == .json ? gathered.json(program: filename) : gathered.text(program: filename))
    }
    if let heapMapPath {
      let svg = rt.state.pointee.heap.map.svg(title: "PyHeap heap map at exit: \(filename)")
      if !SystemIO.writeFile(heapMapPath, svg) {
        SystemIO.writeError("pyheap: cannot write the heap map to \(heapMapPath)\n")
      }
    }
    rt.finalizeInterpreter()
    // Leave the runtime alive: exit follows at once.
    withExtendedLifetime(runtime) {}
    SystemIO.exit(status)
  }
}

/// The two forms of `--memory-report`.
enum MemoryReportFormat: Equatable {
  case text
  case json
}

/// `-X tracemalloc[=N]` and `PYTHONTRACEMALLOC=N`, read as CPython reads them: the option
/// wins over the variable; 0 (or an empty variable) means off; a bad number is a fatal error.
/// CPython: Python/initconfig.c, `config_init_tracemalloc()`.
enum TracemallocStartup {
  struct Failure: Error {
    var message: String
  }

  static func frames(options: [String], environment: String?) -> Result<Int, Failure> {
    // The last -X tracemalloc wins, as CPython reads its -X list into a dict.
    if let option = options.last(where: { $0 == "tracemalloc" || $0.hasPrefix("tracemalloc=") }) {
      guard option.hasPrefix("tracemalloc=") else { return .success(1) }
      return parse(String(option.dropFirst("tracemalloc=".count)), source: "-X tracemalloc=NFRAME")
    }
    guard let environment, !environment.isEmpty else { return .success(0) }
    return parse(environment, source: "PYTHONTRACEMALLOC")
  }

  private static func parse(_ text: String, source: String) -> Result<Int, Failure> {
    guard let value = Int(text), value >= 0, value <= Int(Int32.max) else {
      return .failure(Failure(message: """
        Fatal Python error: config_init_tracemalloc: \(source): invalid number of frames
        Python runtime state: preinitialized


        """))
    }
    guard value <= 65535 else {
      return .failure(Failure(message: """
        Fatal Python error: init_interp_main: can't initialize tracemalloc
        Python runtime state: core initialized
        ValueError: the number of frames must be in range [1; 65535]


        """))
    }
    return .success(value)
  }
}
