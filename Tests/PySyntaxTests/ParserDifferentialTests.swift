import Foundation
import PySyntax
import Testing

/// The parser against CPython 3.11's `ast` module: for valid sources the dump must be
/// identical, locations included (`ast.dump(…, include_attributes=True)`); for invalid ones
/// the error must have the same type, message, line and columns, and print the same.
///
/// `PYSYNTAX_FULL_STDLIB=1 swift test --filter ParserDifferentialTests` also compares every
/// file of the standard library (1,790 files: 1,781 parse, 9 raise).
@Suite(.enabled(if: PythonOracle.isAvailable, PythonOracle.unavailableComment))
struct ParserDifferentialTests {
  @Test func snippetsMatchCPython() throws {
    let directory = try PythonOracle.makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let paths = try ASTOracle.writeFiles(ParserSnippets.valid, in: directory, prefix: "valid")
    let mismatches = try compare(paths, attributes: true) { path, outcome in
      if case .dump = outcome { return }
      Issue.record("\(path): CPython rejects this snippet: \(outcome)")
    }
    #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n\n"))")
  }

  @Test func errorsMatchCPython() throws {
    let directory = try PythonOracle.makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let paths = try ASTOracle.writeFiles(ParserSnippets.errors, in: directory, prefix: "error")
    let expected = try ASTOracle.outcomes(paths, attributes: false)
    for path in paths {
      guard case .error = expected[path] else {
        Issue.record("\(path): CPython raised no SyntaxError: \(String(describing: expected[path]))")
        continue
      }
      let bytes = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
      var ours = ASTOracle.ours(bytes, path: path, attributes: false)
      if case .error(let fields, _) = ours, case .error(_, let printed)? = expected[path], Self.hasLongLine(bytes) {
        // CPython reads the line it prints back from the file 999 bytes at a time and keeps
        // only the last piece of a longer line; only the fields are compared.
        ours = .error(fields: fields, printed: printed)
      }
      #expect(ours == expected[path], "\(String(decoding: bytes.prefix(200), as: UTF8.self))\n\(ASTOracle.difference(ours, expected[path]))")
    }
  }

  static func hasLongLine(_ bytes: [UInt8]) -> Bool {
    bytes.split(separator: 0x0A, omittingEmptySubsequences: false).contains { $0.count >= 999 }
  }

  /// A fixed sample of ~100 standard-library files (every 18th, sorted by path), locations
  /// included.
  @Test func stdlibSampleMatchesCPython() throws {
    let files = try Self.stdlibFiles()
    let sample = stride(from: 0, to: files.count, by: 18).map { files[$0] }
    let mismatches = try compare(sample, attributes: true)
    #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n\n"))")
  }

  @Test(.enabled(if: ProcessInfo.processInfo.environment["PYSYNTAX_FULL_STDLIB"] == "1",
                 "set PYSYNTAX_FULL_STDLIB=1 to compare every standard-library file"))
  func wholeStdlibMatchesCPython() throws {
    let files = try Self.stdlibFiles()
    let started = ContinuousClock.now
    let mismatches = try compare(files, attributes: false)
    let withLocations = try compare(files, attributes: true)
    print("whole stdlib: \(files.count) files, \(files.count - mismatches.count) identical dumps or errors, "
          + "\(files.count - withLocations.count) identical with locations, in \(ContinuousClock.now - started)")
    #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n\n"))")
    #expect(withLocations.isEmpty, "\(withLocations.joined(separator: "\n\n"))")
  }

  /// The description of every file whose outcome differs from CPython's.
  func compare(
    _ paths: [String], attributes: Bool, checkExpected: (String, ASTOracle.Outcome?) -> Void = { _, _ in }
  ) throws -> [String] {
    let expected = try ASTOracle.outcomes(paths, attributes: attributes)
    var mismatches: [String] = []
    for path in paths {
      checkExpected(path, expected[path])
      let bytes = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
      let ours = ASTOracle.ours(bytes, path: path, attributes: attributes)
      if ours != expected[path] {
        mismatches.append("\(path):\n" + ASTOracle.difference(ours, expected[path]))
      }
    }
    return mismatches
  }

  /// Every `.py` file of the standard library outside `site-packages`, sorted.
  static func stdlibFiles() throws -> [String] {
    let root = try PythonOracle.stdlibDirectory()
    var files: [String] = []
    let enumerator = FileManager.default.enumerator(atPath: root)
    while let relative = enumerator?.nextObject() as? String {
      if relative.hasPrefix("site-packages") { continue }
      if relative.hasSuffix(".py") { files.append(root + "/" + relative) }
    }
    return files.sorted()
  }
}
