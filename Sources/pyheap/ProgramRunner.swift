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

  func run(source: [UInt8], filename: String, argv: [String]) -> Int32 {
    var byteLimit: Int?
    var debugHooks = false
    for option in options {
      if option.hasPrefix("heaplimit=") {
        guard let value = Int(option.dropFirst("heaplimit=".count)), value > 0 else {
          SystemIO.writeError("pyheap: -X heaplimit needs a positive number of bytes\n")
          return 2
        }
        byteLimit = value
      } else if option == "debugalloc" {
        debugHooks = true
      }
    }
    let seed = SystemIO.environment("PYTHONHASHSEED").flatMap { $0 == "random" ? nil : UInt64($0) }
    let directory = filename == "<string>" ? SystemIO.currentDirectory() : SystemIO.directory(of: filename)
    let configuration = HeapConfiguration(debugHooks: debugHooks, byteLimit: byteLimit)
    // Python recursion never uses the native stack, but calls from Swift into Python
    // (`__init__`, `__eq__`, sort keys) do; a large stack gives them room up to the limit.
    let job = ProgramJob(configuration: configuration, seed: seed, argv: argv, directory: directory,
                         source: source, filename: filename)
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    pthread_attr_setstacksize(&attributes, 1 << 30)
    var thread = pthread_t()
    let context = Unmanaged.passRetained(job).toOpaque()
    guard pthread_create(&thread, &attributes, { context in
      let job = Unmanaged<ProgramJob>.fromOpaque(context!).takeRetainedValue()
      job.run()
    }, context) == 0 else {
      SystemIO.writeError("pyheap: cannot start the interpreter thread\n")
      return 1
    }
    pthread_join(thread, nil)
    return 1   // not reached: the program's thread ends the process
  }
}

/// What the interpreter thread runs: a fresh runtime, the program, then the process's exit
/// with the program's status.
final class ProgramJob {
  let configuration: HeapConfiguration
  let seed: UInt64?
  let argv: [String]
  let directory: String
  let source: [UInt8]
  let filename: String

  init(configuration: HeapConfiguration, seed: UInt64?, argv: [String], directory: String, source: [UInt8], filename: String) {
    self.configuration = configuration
    self.seed = seed
    self.argv = argv
    self.directory = directory
    self.source = source
    self.filename = filename
  }

  func run() -> Never {
    let runtime = Runtime(configuration, hashSeed: seed)
    let rt = runtime.ref
    rt.startInterpreter(arguments: argv, searchPaths: [directory])
    let status = rt.runMain(source: source, filename: filename)
    // Leave the runtime alive: exit follows at once.
    withExtendedLifetime(runtime) {}
    SystemIO.exit(status)
  }
}
