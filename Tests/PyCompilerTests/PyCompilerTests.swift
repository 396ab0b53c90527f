import Foundation
import Testing
import PyCompiler
import PySyntax

@Suite struct PyCompilerTests {
  /// The compiler accepts the parser's grammar, and that grammar is the version of the
  /// CPython the project records its expected outputs with.
  @Test func grammarIsTheOraclesVersion() throws {
    #expect(PyCompiler.grammarVersion == PySyntax.grammarVersion)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", "import sys; print('%d.%d' % sys.version_info[:2])"]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    process.waitUntilExit()
    let version = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(version.trimmingCharacters(in: .whitespacesAndNewlines) == PyCompiler.grammarVersion)
  }
}
