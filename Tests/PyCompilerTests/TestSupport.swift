import Foundation
import PyCompiler
import PySyntax
import Testing

/// Parses and compiles `source`; records an issue and throws on a syntax error.
func compileSource(_ source: String, filename: String = "<test>") throws -> CodeObject {
  let module = try parse(Array(source.utf8), filename: filename).get()
  return try compile(module, filename: filename).get()
}

/// The syntax error compiling `source` raises, or nil.
func compileError(_ source: String) -> PySyntaxError? {
  switch parse(Array(source.utf8), filename: "f") {
  case .failure(let error): return error
  case .success(let module):
    if case .failure(let error) = compile(module, filename: "f") { return error }
    return nil
  }
}

/// The code object named `name` among the constants of `code`, depth first.
func nestedCode(_ code: CodeObject, _ name: String) -> CodeObject? {
  for constant in code.constants {
    if case .code(let nested) = constant {
      if nested.name == name { return nested }
      if let found = nestedCode(nested, name) { return found }
    }
  }
  return nil
}

/// Runs the local `python3` (CPython 3.11) for differential tests.
enum Python {
  static let isAvailable: Bool = {
    guard let output = try? run(["-c", "import sys; print(sys.version_info[:2] == (3, 11))"]) else { return false }
    return output.trimmingCharacters(in: .whitespacesAndNewlines) == "True"
  }()

  static let unavailable: Comment = "python3 (CPython 3.11) is not available; test skipped"

  /// Runs `python3 arguments…` with `input` on stdin and returns its standard output.
  static func run(_ arguments: [String], input: String = "") throws -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pycompiler-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let inURL = directory.appendingPathComponent("in")
    let outURL = directory.appendingPathComponent("out")
    try Data(input.utf8).write(to: inURL)
    FileManager.default.createFile(atPath: outURL.path, contents: nil)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    var environment = ProcessInfo.processInfo.environment
    environment["PYTHONIOENCODING"] = "utf-8"
    environment["PYTHONDONTWRITEBYTECODE"] = "1"
    process.environment = environment
    process.standardInput = try FileHandle(forReadingFrom: inURL)
    process.standardOutput = try FileHandle(forWritingTo: outURL)
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return String(decoding: try Data(contentsOf: outURL), as: UTF8.self)
  }
}
