import Foundation
@testable import PyCompiler
import PySyntax
import Testing

/// `PYCOMPILER_DIS=path swift test --filter ScratchTests` prints the disassembly of a file.
@Suite struct ScratchTests {
  @Test(.enabled(if: ProcessInfo.processInfo.environment["PYCOMPILER_DIS"] != nil))
  func disassembleFile() throws {
    let path = ProcessInfo.processInfo.environment["PYCOMPILER_DIS"]!
    let source = String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
    switch parse(Array(source.utf8), filename: path) {
    case .failure(let error): print(error)
    case .success(let module):
      do {
        let code = try compileWithoutVerifying(module, filename: path)
        print(disassemble(code))
        do { try code.verify() } catch { print("VERIFY:", error) }
      } catch {
        print("ERROR:", error.message, error.line, error.column, error.endLine, error.endColumn)
      }
    }
  }
}
