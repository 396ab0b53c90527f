import Foundation
@testable import PyCompiler
import PySyntax
import Testing

/// `PYCOMPILER_DIS=path swift test --filter DevelopmentAids` prints the disassembly of a file.
@Suite struct DevelopmentAids {
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

/// `PYCOMPILER_DUMP=listfile swift test --filter DevelopmentAids` writes a summary of every
/// code object of each listed file next to it in `listfile.out`, for comparison with
/// CPython's code objects (a development aid).
extension DevelopmentAids {
  @Test(.enabled(if: ProcessInfo.processInfo.environment["PYCOMPILER_DUMP"] != nil))
  func dumpFiles() throws {
    let list = ProcessInfo.processInfo.environment["PYCOMPILER_DUMP"]!
    let paths = String(decoding: FileManager.default.contents(atPath: list) ?? Data(), as: UTF8.self)
      .split(separator: "\n").map(String.init)
    var out = ""
    for path in paths {
      out += "FILE \(path)\n"
      let source = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
      guard case .success(let module) = parse(source, filename: path) else {
        out += "PARSE-ERROR\n"
        continue
      }
      do {
        let code = try compileWithoutVerifying(module, filename: path)
        dump(code, to: &out)
      } catch {
        out += "ERROR \(error.message)\n"
      }
    }
    try Data(out.utf8).write(to: URL(fileURLWithPath: list + ".out"))
  }

  private func dump(_ code: CodeObject, to out: inout String) {
    out += "CODE \(code.qualifiedName) \(code.firstLineNumber)\n"
    out += "ARGS \(code.argumentCount) \(code.positionalOnlyCount) \(code.keywordOnlyCount) \(code.flags.rawValue)\n"
    out += "LOCALS " + zip(code.localsPlusNames, code.localsPlusKinds).map { "\($0):\($1.rawValue)" }.joined(separator: " ") + "\n"
    out += "NAMES " + code.names.joined(separator: " ") + "\n"
    for constant in code.constants {
      if case .code = constant { continue }
      out += "CONST " + Disassembler.repr(constant) + "\n"
    }
    for (i, instruction) in code.instructions.enumerated() {
      let p = code.lineTable.position(at: i)
      out += "POS \(instruction.opcode.name) " + (p.map { "\($0.line) \($0.endLine) \($0.column) \($0.endColumn)" } ?? "None") + "\n"
    }
    let text = disassemble(code)
    for line in text.split(separator: "\n") {
      if line.hasPrefix("Disassembly of") { break }
      if line.hasPrefix("ExceptionTable") { break }
      // line, marker and offset columns, then the opcode name
      let words = line.split(separator: " ")
      guard let name = words.first(where: { word in word.allSatisfy { $0.isUppercase || $0 == "_" } && word.first != "_" })
      else { continue }
      var arg = ""
      if let open = line.firstIndex(of: "("), line.last == ")" {
        arg = String(line[line.index(after: open)..<line.index(before: line.endIndex)])
      }
      out += "OP \(name) \(arg)\n"
    }
    for constant in code.constants {
      if case .code(let nested) = constant { dump(nested, to: &out) }
    }
  }
}
