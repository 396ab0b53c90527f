import Foundation
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
    var gcStress = false, verifyHeap = false
    for option in options {
      if option.hasPrefix("heaplimit=") {
        guard let value = Int(option.dropFirst("heaplimit=".count)), value > 0 else {
          FileHandle.standardError.write(Data("pyheap: -X heaplimit needs a positive number of bytes\n".utf8))
          return 2
        }
        byteLimit = value
      } else if option == "debugalloc" {
        debugHooks = true
      } else if option == "gcstress" {
        gcStress = true
      } else if option == "verifyheap" {
        verifyHeap = true
      }
    }
    let environment = ProcessInfo.processInfo.environment
    let tracemallocFrames: Int
    switch TracemallocStartup.frames(options: options, environment: environment["PYTHONTRACEMALLOC"]) {
    case .success(let frames): tracemallocFrames = frames
    case .failure(let error):
      FileHandle.standardError.write(Data(error.message.utf8))
      return 1
    }
    let seed = environment["PYTHONHASHSEED"].flatMap { $0 == "random" ? nil : UInt64($0) }
    let directory = filename == "<string>" ? FileManager.default.currentDirectoryPath
      : URL(fileURLWithPath: filename).deletingLastPathComponent().path
    let configuration = HeapConfiguration(debugHooks: debugHooks, byteLimit: byteLimit)
    let stressEverySafePoint = gcStress, verifyAfterCollection = verifyHeap
    let report = self.report, heapMapPath = self.heapMapPath
    // Python recursion never uses the native stack, but calls from Swift into Python
    // (`__init__`, `__eq__`, sort keys) do; a large stack gives them room up to the limit.
    let thread = Thread {
      let runtime = Runtime(configuration, hashSeed: seed)
      let rt = runtime.ref
      rt.gcStressEverySafePoint = stressEverySafePoint
      rt.gcVerifyAfterCollection = verifyAfterCollection
      // CPython starts tracemalloc early in start-up (`-X tracemalloc`, PYTHONTRACEMALLOC); a
      // memory report needs it too, with one frame unless asked otherwise.
      if tracemallocFrames > 0 || report != nil { rt.startTracingMemory(frames: max(tracemallocFrames, 1)) }
      rt.startInterpreter(arguments: argv, searchPaths: [directory])
      let status = rt.runMain(source: source, filename: filename)
      // The report and the map show the heap when the program's last line has run, before
      // the interpreter's shutdown frees the modules.
      if let report {
        let gathered = rt.memoryReport()
        let text = report == .json ? gathered.json(program: filename) : gathered.text(program: filename)
        FileHandle.standardError.write(Data(text.utf8))
      }
      if let heapMapPath {
        let svg = rt.state.pointee.heap.map.svg(title: "PyHeap heap map at exit: \(filename)")
        if !FileManager.default.createFile(atPath: heapMapPath, contents: Data(svg.utf8)) {
          FileHandle.standardError.write(Data("pyheap: cannot write the heap map to \(heapMapPath)\n".utf8))
        }
      }
      rt.finalizeInterpreter()
      // Leave the runtime alive: exit follows at once.
      withExtendedLifetime(runtime) {}
      Foundation.exit(status)
    }
    thread.stackSize = 1 << 30
    thread.start()
    while true { sleep(60) }
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
