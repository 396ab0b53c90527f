import Foundation
import Testing
import PyRuntime

/// The runtime claims CPython 3.11.7 behaviour; the oracle on this machine must be that
/// version, or recorded outputs would not mean what they say.
@Suite struct PyRuntimeTests {
  @Test func oracleIsTheVersionTheRuntimeFollows() throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])"]
    let pipe = Pipe()
    process.standardOutput = pipe
    do { try process.run() } catch {
      Issue.record("python3 is not available: \(error)")
      return
    }
    process.waitUntilExit()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let v = PyRuntime.pythonVersion
    #expect(output.trimmingCharacters(in: .whitespacesAndNewlines) == "\(v.major).\(v.minor).\(v.micro)")
  }
}
