import Foundation
import PyHeap

/// Runs a program in a fresh runtime on a thread with a large stack, and returns its exit
/// status. The runtime is not torn down: the process exits right after, as CPython's does
/// once its own finalization is done.
struct ProgramRunner {
  let options: [String]

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
    let seed = ProcessInfo.processInfo.environment["PYTHONHASHSEED"].flatMap { $0 == "random" ? nil : UInt64($0) }
    let directory = filename == "<string>" ? FileManager.default.currentDirectoryPath
      : URL(fileURLWithPath: filename).deletingLastPathComponent().path
    let configuration = HeapConfiguration(debugHooks: debugHooks, byteLimit: byteLimit)
    let stressEverySafePoint = gcStress, verifyAfterCollection = verifyHeap
    // Python recursion never uses the native stack, but calls from Swift into Python
    // (`__init__`, `__eq__`, sort keys) do; a large stack gives them room up to the limit.
    let thread = Thread {
      let runtime = Runtime(configuration, hashSeed: seed)
      let rt = runtime.ref
      rt.gcStressEverySafePoint = stressEverySafePoint
      rt.gcVerifyAfterCollection = verifyAfterCollection
      rt.startInterpreter(arguments: argv, searchPaths: [directory])
      let status = rt.runMain(source: source, filename: filename)
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
