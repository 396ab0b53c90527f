import Foundation
import PySyntax
import Testing

/// Compares the trivia view of ``Tokenizer`` with CPython 3.11's `tokenize` module: token
/// types (exact), strings, and start/end positions in code points.
///
/// `tokenize` is a separate, regex-based implementation, so a few differences are expected
/// and classified rather than failed: files CPython itself rejects, encodings this module does
/// not support (by design: UTF-8, Latin-1, ASCII, Windows-1252 and KOI8-R only), and names
/// `tokenize` cannot match with its `\w+` pattern although they are valid identifiers. Every
/// other difference fails the test.
///
/// `PYSYNTAX_FULL_STDLIB=1 swift test --filter TokenizeModuleDifferentialTests` also runs
/// the whole standard library and prints the summary.
@Suite(.enabled(if: PythonOracle.isAvailable, PythonOracle.unavailableComment))
struct TokenizeModuleDifferentialTests {
  @Test func snippetsMatchTokenizeModule() throws {
    let directory = try PythonOracle.makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    var paths: [String] = []
    for (index, snippet) in Snippets.valid.enumerated() {
      let url = directory.appendingPathComponent("snippet\(index).py")
      try Data(snippet).write(to: url)
      paths.append(url.path)
    }
    let report = try DifferentialReport.compare(paths)
    #expect(report.compared == Snippets.valid.count)
    #expect(report.unexplained.isEmpty, "\(report.unexplained.joined(separator: "\n\n"))")
    #expect(report.matched == report.compared, "\(report.summary)")
  }

  /// A fixed sample of ~150 standard-library files (every 12th, sorted by path).
  @Test func stdlibSampleMatchesTokenizeModule() throws {
    let files = try stdlibFiles()
    let sample = stride(from: 0, to: files.count, by: 12).map { files[$0] }
    let report = try DifferentialReport.compare(sample)
    print(report.summary)
    #expect(report.compared == sample.count)
    #expect(report.unexplained.isEmpty, "\(report.unexplained.joined(separator: "\n\n"))")
  }

  @Test(.enabled(if: ProcessInfo.processInfo.environment["PYSYNTAX_FULL_STDLIB"] == "1",
                 "set PYSYNTAX_FULL_STDLIB=1 to compare every standard-library file"))
  func wholeStdlibMatchesTokenizeModule() throws {
    let files = try stdlibFiles()
    let started = ContinuousClock.now
    let report = try DifferentialReport.compare(files)
    print(report.summary)
    print("whole stdlib compared in \(ContinuousClock.now - started)")
    #expect(report.unexplained.isEmpty, "\(report.unexplained.joined(separator: "\n\n"))")
  }

  /// Every `.py` file of the standard library outside `site-packages`, sorted.
  func stdlibFiles() throws -> [String] {
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

/// The result of comparing a set of files.
struct DifferentialReport {
  var compared = 0
  var matched = 0
  /// Category → files.
  var explained: [String: [String]] = [:]
  var unexplained: [String] = []

  var summary: String {
    var lines = ["files compared: \(compared), identical token streams: \(matched)"]
    for (category, files) in explained.sorted(by: { $0.key < $1.key }) {
      lines.append("  \(files.count) × \(category):")
      for file in files { lines.append("      \(file)") }
    }
    if !unexplained.isEmpty { lines.append("  \(unexplained.count) unexplained differences") }
    return lines.joined(separator: "\n")
  }

  /// Runs the oracle on `paths` (two processes in parallel) and compares every file.
  static func compare(_ paths: [String]) throws -> DifferentialReport {
    let half = (paths.count + 1) / 2
    let batches = [Array(paths[..<half]), Array(paths[half...])].filter { !$0.isEmpty }
    let running = try batches.map {
      try PythonOracle.launch(["-c", TokenDump.pythonScript], stdin: $0.joined(separator: "\n"))
    }
    var expected: [String: ArraySlice<UInt8>] = [:]
    for process in running {
      let output = try process.finish()
      for (path, block) in splitBlocks([UInt8](output.stdoutData)) { expected[path] = block }
    }
    var report = DifferentialReport()
    var mismatches: [(path: String, ours: [UInt8], theirs: ArraySlice<UInt8>)] = []
    for path in paths {
      report.compared += 1
      let bytes = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
      let ours = TokenDump.dump(bytes, filename: path)
      let theirs = expected[path] ?? []
      if ours.elementsEqual(theirs) {
        report.matched += 1
        if let problem = parserViewProblem(bytes, path) { report.unexplained.append(problem) }
      } else {
        mismatches.append((path, ours, theirs))
      }
    }
    try report.classify(mismatches)
    return report
  }

  /// The parser view must be the trivia view without COMMENT, NL and ENCODING.
  static func parserViewProblem(_ bytes: [UInt8], _ path: String) -> String? {
    let trivia = tokenize(bytes, filename: path, includeTrivia: true)
    let parser = tokenize(bytes, filename: path, includeTrivia: false)
    switch (trivia, parser) {
    case (.success(let all), .success(let significant)):
      return all.filter { !$0.kind.isTrivia } == significant ? nil : "\(path): parser view differs from trivia view"
    case (.failure(let a), .failure(let b)):
      return a == b ? nil : "\(path): the views report different errors"
    default:
      return "\(path): only one view fails"
    }
  }

  /// Splits the oracle's output into `@@FILE path` blocks.
  static func splitBlocks(_ output: [UInt8]) -> [(String, ArraySlice<UInt8>)] {
    let marker = Array("@@FILE ".utf8)
    var blocks: [(String, ArraySlice<UInt8>)] = []
    var current: (path: String, start: Int)?
    var lineStart = 0
    while lineStart < output.count {
      var lineEnd = lineStart
      while lineEnd < output.count, output[lineEnd] != 0x0A { lineEnd += 1 }
      if output[lineStart..<min(lineStart + marker.count, output.count)].elementsEqual(marker) {
        if let open = current { blocks.append((open.path, output[open.start..<lineStart])) }
        let path = String(decoding: output[(lineStart + marker.count)..<lineEnd], as: UTF8.self)
        current = (path, lineEnd + 1)
      }
      lineStart = lineEnd + 1
    }
    if let open = current { blocks.append((open.path, output[min(open.start, output.count)...])) }
    return blocks
  }

  /// Sorts differences into the expected categories; anything else is unexplained.
  mutating func classify(_ mismatches: [(path: String, ours: [UInt8], theirs: ArraySlice<UInt8>)]) throws {
    guard !mismatches.isEmpty else { return }
    let verdicts = try PythonOracle.run(
      ["-c", TokenDump.compileScript], stdin: mismatches.map(\.path).joined(separator: "\n")
    ).stdout.split(separator: "\n").map(String.init)
    for (index, mismatch) in mismatches.enumerated() {
      let ours = String(decoding: mismatch.ours, as: UTF8.self)
      let theirs = String(decoding: mismatch.theirs, as: UTF8.self)
      let verdict = index < verdicts.count ? verdicts[index] : "?"
      if verdict.hasPrefix("REJECTED") {
        explained["CPython rejects the file (tokenize is lenient)", default: []].append(mismatch.path)
      } else if ours.contains("ERROR SyntaxError: encoding problem:"), !theirs.hasPrefix("ENCODING \"utf-8\"") {
        explained["encoding not supported by PySyntax (by design)", default: []].append(mismatch.path)
      } else if theirs.contains("\nERRORTOKEN ") {
        explained["valid identifier that tokenize's \\w+ pattern splits", default: []].append(mismatch.path)
      } else {
        unexplained.append("\(mismatch.path):\n" + firstDifference(ours, theirs))
      }
    }
  }

  func firstDifference(_ ours: String, _ theirs: String) -> String {
    let a = ours.split(separator: "\n", omittingEmptySubsequences: false)
    let b = theirs.split(separator: "\n", omittingEmptySubsequences: false)
    var i = 0
    while i < a.count, i < b.count, a[i] == b[i] { i += 1 }
    let context = max(0, i - 2)
    let oursLines = a[context..<min(a.count, i + 3)].map { "  ours:   " + $0 }
    let theirLines = b[context..<min(b.count, i + 3)].map { "  python: " + $0 }
    return "first difference at token line \(i + 1)\n" + (oursLines + theirLines).joined(separator: "\n")
  }
}
