import Foundation
import PySyntax
import Testing

@testable import PyCompiler

/// Every standard-library file that parses is compiled and every code object verified; a
/// compile error must be one CPython 3.11 also raises (same message and line).
@Suite(.enabled(if: Python.isAvailable, Python.unavailable))
struct StdlibCompileTests {
  /// CPython's verdict per file: "OK" or "msg<TAB>line<TAB>offset".
  static func cpythonOutcomes(_ paths: [String]) throws -> [String: String] {
    let script = """
      import sys
      for path in sys.stdin.read().split('\\n'):
          if not path: continue
          try:
              with open(path, 'rb') as f: compile(f.read(), path, 'exec', dont_inherit=True)
              print(path + '\\tOK')
          except SyntaxError as e:
              print(path + '\\t' + str(e.msg) + '\\t' + str(e.lineno) + '\\t' + str(e.offset))
          except Exception as e:
              print(path + '\\tEXC ' + type(e).__name__)
      """
    let output = try Python.run(["-c", script], input: paths.joined(separator: "\n"))
    var outcomes: [String: String] = [:]
    for line in output.split(separator: "\n") {
      let parts = line.split(separator: "\t", maxSplits: 1)
      if parts.count == 2 { outcomes[String(parts[0])] = String(parts[1]) }
    }
    return outcomes
  }

  static func stdlibFiles() throws -> [String] {
    let root = try Python.run(["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"])
      .trimmingCharacters(in: .whitespacesAndNewlines)
    var files: [String] = []
    let enumerator = FileManager.default.enumerator(atPath: root)
    while let relative = enumerator?.nextObject() as? String {
      if relative.hasPrefix("site-packages") { continue }
      if relative.hasSuffix(".py") { files.append(root + "/" + relative) }
    }
    return files.sorted()
  }

  /// What happened to one file.
  enum Outcome {
    case parseError
    /// A compile error that CPython raises too.
    case rejected
    case compiled(Duration)
    case failure(String)
  }

  @Test func wholeStdlibCompilesAndVerifies() throws {
    let files = try Self.stdlibFiles()
    let expected = try Self.cpythonOutcomes(files)
    // Files are independent and the compiler has no shared state: use every core.
    final class Results: @unchecked Sendable {
      let lock = NSLock()
      var outcomes: [Outcome]
      init(_ count: Int) { outcomes = Array(repeating: .parseError, count: count) }
    }
    let results = Results(files.count)
    DispatchQueue.concurrentPerform(iterations: files.count) { index in
      let outcome = Self.check(files[index], expected: expected[files[index]])
      results.lock.lock()
      results.outcomes[index] = outcome
      results.lock.unlock()
    }
    let outcomes = results.outcomes
    var compiled = 0
    var parseErrors = 0
    var rejected = 0
    var failures: [String] = []
    var compileTime: Duration = .zero
    for outcome in outcomes {
      switch outcome {
      case .parseError: parseErrors += 1
      case .rejected: rejected += 1
      case .compiled(let time):
        compiled += 1
        compileTime += time
      case .failure(let message): failures.append(message)
      }
    }
    print("stdlib: \(files.count) files, \(parseErrors) do not parse, \(compiled) compiled and verified, "
      + "\(rejected) rejected with CPython's error, "
      + "\(failures.count) failures; compile time \(compileTime) (debug build)")
    #expect(failures.isEmpty, "\(failures.prefix(30).joined(separator: "\n"))")
    #expect(compiled > 1700)
  }

  /// Parses, compiles and verifies one file; an error must be CPython's.
  static func check(_ path: String, expected: String?) -> Outcome {
    guard let data = FileManager.default.contents(atPath: path),
      case .success(let module) = parse([UInt8](data), filename: path)
    else { return .parseError }
    let start = ContinuousClock.now
    let result: Result<CodeObject, PySyntaxError>
    do throws(PySyntaxError) {
      result = .success(try compileWithoutVerifying(module, filename: path))
    } catch {
      result = .failure(error)
    }
    let time = ContinuousClock.now - start
    switch result {
    case .success(let code):
      do throws(BytecodeVerificationError) {
        try code.verify()
      } catch {
        return .failure("\(path): \(error)")
      }
      if expected != "OK" { return .failure("\(path): CPython says \(expected ?? "?"), we compiled it") }
      return .compiled(time)
    case .failure(let error):
      let ours = "\(error.message)\t\(error.line)\t\(error.column)"
      if expected != ours { return .failure("\(path): we raise \(ours), CPython says \(expected ?? "?")") }
      return .rejected
    }
  }
}
