import Foundation

/// Runs the local `python3` once with `PYTHONHASHSEED=0` and UTF-8 streams. Input and output
/// go through temporary files, so large batches cannot deadlock on pipes. Shared by the
/// differential tests' oracles.
enum PythonProcess {
  struct Result {
    var status: Int32
    var output: String
    var errors: String
  }

  static func run(arguments: [String], input: String) throws -> Result {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pyheap-oracle-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let inURL = directory.appendingPathComponent("in"), outURL = directory.appendingPathComponent("out")
    let errURL = directory.appendingPathComponent("err")
    try Data(input.utf8).write(to: inURL)
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    var environment = ProcessInfo.processInfo.environment
    environment["PYTHONHASHSEED"] = "0"
    environment["PYTHONIOENCODING"] = "utf-8"
    process.environment = environment
    process.standardInput = try FileHandle(forReadingFrom: inURL)
    process.standardOutput = try FileHandle(forWritingTo: outURL)
    process.standardError = try FileHandle(forWritingTo: errURL)
    try process.run()
    process.waitUntilExit()
    return Result(status: process.terminationStatus,
                  output: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                  errors: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
  }
}
