import Foundation
import Testing

/// Runs every program under `Programs/` with the `pyheap` executable and compares what it
/// prints with CPython 3.11's recorded output (`NAME.out`; for a failing program, the exit
/// status in `NAME.exit` and the last stderr line in `NAME.err`), the conformance corpus's
/// rules. `Programs/conformance` holds the corpus cases that need no module beyond `sys`;
/// `Programs/language` holds our own. Outputs are recorded with
/// `Scripts/record-program-outputs.sh`, never written by hand.
@Suite struct ProgramTests {
  static let programsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Programs")

  static var programs: [String] {
    var found: [String] = []
    let enumerator = FileManager.default.enumerator(atPath: programsDirectory.path)
    while let path = enumerator?.nextObject() as? String {
      if path.hasSuffix(".py"), !path.hasPrefix("special/") { found.append(path) }
    }
    return found.sorted()
  }

  @Test(arguments: programs)
  func program(_ relativePath: String) throws {
    let program = Self.programsDirectory.appendingPathComponent(relativePath)
    let base = program.deletingPathExtension()
    let expected = try String(contentsOf: base.appendingPathExtension("out"), encoding: .utf8)
    let expectedStatus = (try? String(contentsOf: base.appendingPathExtension("exit"), encoding: .utf8))
      .flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? 0
    let run = try PyHeapProcess.run([program.path])
    #expect(run.stdout == expected, "stdout of \(relativePath) differs from CPython's")
    #expect(run.status == expectedStatus, "exit status of \(relativePath)")
    if let expectedError = try? String(contentsOf: base.appendingPathExtension("err"), encoding: .utf8) {
      let lastLine = run.stderr.split(separator: "\n").last(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
      #expect(lastLine.map(String.init) == expectedError.trimmingCharacters(in: .newlines))
    }
  }
}

/// Runs the `pyheap` executable built next to the test bundle.
enum PyHeapProcess {
  struct Result {
    var stdout: String
    var stderr: String
    var status: Int32
  }

  static var executable: URL {
    let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let candidates = [bundle.appendingPathComponent("pyheap"),
                      bundle.deletingLastPathComponent().appendingPathComponent("pyheap")]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
  }

  static func run(_ arguments: [String], stdin: String = "", environment: [String: String] = [:]) throws -> Result {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env["PYTHONHASHSEED"] = "0"
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let output = Pipe(), errors = Pipe(), input = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = input
    try process.run()
    input.fileHandleForWriting.write(Data(stdin.utf8))
    try input.fileHandleForWriting.close()
    // Read both pipes while the process runs, so a large output cannot block it.
    let collected = OutputBox()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
      collected.set(output.fileHandleForReading.readDataToEndOfFile())
      group.leave()
    }
    let errData = errors.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    let outData = collected.get()
    return Result(stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
                  status: process.terminationStatus)
  }
}

/// The stdout bytes read on another thread.
final class OutputBox: @unchecked Sendable {
  private let lock = NSLock()
  private var data = Data()
  func set(_ value: Data) { lock.lock(); data = value; lock.unlock() }
  func get() -> Data { lock.lock(); defer { lock.unlock() }; return data }
}
