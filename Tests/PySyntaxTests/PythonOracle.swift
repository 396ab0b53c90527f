import Foundation
import Testing

/// Runs the local CPython 3.11 as the reference implementation.
///
/// Tests that need it are enabled only when `python3` is CPython 3.11; otherwise they are
/// skipped with a visible comment. Output goes through temporary files, not pipes, so large
/// outputs cannot deadlock.
enum PythonOracle {
  /// Whether `python3` is on the PATH and is version 3.11.
  static let isAvailable: Bool = {
    guard let result = try? run(["-c", "import sys; print(sys.version_info[:2] == (3, 11))"]) else {
      return false
    }
    return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "True"
  }()

  static let unavailableComment: Comment = "python3 (CPython 3.11) is not available; differential test skipped"

  struct Output {
    var status: Int32
    var stdoutData: Data
    var stderr: String
    var stdout: String { String(decoding: stdoutData, as: UTF8.self) }
  }

  /// A started `python3` process whose output is collected in temporary files.
  final class Running {
    let process: Process
    let directory: URL

    init(process: Process, directory: URL) {
      self.process = process
      self.directory = directory
    }

    /// Waits for the process and returns its output.
    func finish() throws -> Output {
      process.waitUntilExit()
      defer { try? FileManager.default.removeItem(at: directory) }
      return Output(
        status: process.terminationStatus,
        stdoutData: try Data(contentsOf: directory.appendingPathComponent("out")),
        stderr: String(decoding: try Data(contentsOf: directory.appendingPathComponent("err")), as: UTF8.self))
    }
  }

  /// Starts `python3 arguments…` with `stdin` as input and extra environment variables.
  static func launch(_ arguments: [String], stdin: String = "", environment: [String: String] = [:]) throws -> Running {
    let directory = try makeTemporaryDirectory()
    let inURL = directory.appendingPathComponent("in")
    let outURL = directory.appendingPathComponent("out")
    let errURL = directory.appendingPathComponent("err")
    try Data(stdin.utf8).write(to: inURL)
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    var env = ProcessInfo.processInfo.environment
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    for (key, value) in environment { env[key] = value }
    process.environment = env
    process.standardInput = try FileHandle(forReadingFrom: inURL)
    process.standardOutput = try FileHandle(forWritingTo: outURL)
    process.standardError = try FileHandle(forWritingTo: errURL)
    try process.run()
    return Running(process: process, directory: directory)
  }

  /// Runs `python3 arguments…` to completion.
  static func run(_ arguments: [String], stdin: String = "", environment: [String: String] = [:]) throws -> Output {
    try launch(arguments, stdin: stdin, environment: environment).finish()
  }

  /// The standard library directory of `python3`.
  static func stdlibDirectory() throws -> String {
    try run(["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"])
      .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// A fresh temporary directory, removed by the caller.
  static func makeTemporaryDirectory() throws -> URL {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("pysyntax-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory
  }
}
