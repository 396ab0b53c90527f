import Foundation
import PySyntax

/// CPython's `ast` module as the reference for the parser: the dump of each file, or the
/// fields of the `SyntaxError` it raises and how CPython prints it.
///
/// Sources are read as bytes and given to `ast.parse`, exactly what ``parse(_:filename:)``
/// mirrors. Paths go to one `python3` process per batch (two batches in parallel), results
/// come back as `@@FILE path` blocks.
enum ASTOracle {
  /// What CPython makes of one source.
  enum Outcome: Equatable {
    case dump(String)
    /// `[type, msg, lineno, offset, end_lineno, end_offset]` (missing numbers as 0), and the
    /// text `sys.__excepthook__` prints.
    case error(fields: [String], printed: String)
    /// Something other than a syntax error (a Python exception from `ast.parse` or `ast.dump`).
    case other(String)
  }

  /// Python script: reads paths from stdin, prints `@@FILE path` and then the dump (with
  /// attributes if argv[1] == "attributes"), or `@@ERROR` with the JSON fields followed by the
  /// printed error, or `@@OTHER` and the exception.
  static let script = #"""
  import sys, ast, json, io
  attributes = len(sys.argv) > 1 and sys.argv[1] == 'attributes'
  out = sys.stdout
  for path in sys.stdin.read().split('\n'):
      if not path:
          continue
      out.write('@@FILE ' + path + '\n')
      try:
          tree = ast.parse(open(path, 'rb').read(), path)
          out.write(ast.dump(tree, include_attributes=attributes) + '\n')
      except SyntaxError as e:
          fields = [type(e).__name__, e.msg] + [n if isinstance(n, int) else 0 for n in
                    (e.lineno, e.offset, e.end_lineno, e.end_offset)]
          printed = io.StringIO()
          saved, sys.stderr = sys.stderr, printed
          try:
              sys.__excepthook__(type(e), e.with_traceback(None), None)
          finally:
              sys.stderr = saved
          out.write('@@ERROR ' + json.dumps(fields) + '\n' + printed.getvalue())
      except Exception as e:
          out.write('@@OTHER %s: %s\n' % (type(e).__name__, e))
  """#

  /// CPython's outcome for each path.
  static func outcomes(_ paths: [String], attributes: Bool) throws -> [String: Outcome] {
    let half = (paths.count + 1) / 2
    let batches = [Array(paths[..<half]), Array(paths[half...])].filter { !$0.isEmpty }
    let running = try batches.map {
      try PythonOracle.launch(["-c", script] + (attributes ? ["attributes"] : []),
                              stdin: $0.joined(separator: "\n"))
    }
    var result: [String: Outcome] = [:]
    for process in running {
      let output = try process.finish()
      for (path, block) in DifferentialReport.splitBlocks([UInt8](output.stdoutData)) {
        result[path] = outcome(String(decoding: block, as: UTF8.self))
      }
    }
    return result
  }

  static func outcome(_ block: String) -> Outcome {
    if block.hasPrefix("@@ERROR ") {
      let newline = block.firstIndex(of: "\n") ?? block.endIndex
      let json = block[block.index(block.startIndex, offsetBy: 8)..<newline]
      let values = (try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [Any]) ?? []
      let fields = values.map { "\($0)" }
      let printed = newline < block.endIndex ? String(block[block.index(after: newline)...]) : ""
      return .error(fields: fields, printed: printed)
    }
    if block.hasPrefix("@@OTHER ") { return .other(String(block.dropFirst(8))) }
    return .dump(block)
  }

  /// PySyntax's outcome for `bytes`, in the same form.
  static func ours(_ bytes: [UInt8], path: String, attributes: Bool) -> Outcome {
    switch parse(bytes, filename: path) {
    case .success(let module):
      do {
        return .dump(try module.dump(includeAttributes: attributes) + "\n")
      } catch {
        return .other("\(error.exceptionName): \(error.message)\n")
      }
    case .failure(let error):
      let fields = [error.kind.rawValue, error.message, String(error.line), String(error.column),
                    String(error.endLine), String(error.endColumn)]
      return .error(fields: fields, printed: error.formatted())
    }
  }

  /// A readable account of where two outcomes differ.
  static func difference(_ ours: Outcome, _ theirs: Outcome?) -> String {
    guard let theirs else { return "no output from python3" }
    switch (ours, theirs) {
    case (.dump(let a), .dump(let b)):
      let prefix = zip(a.utf8, b.utf8).prefix { $0 == $1 }.count
      func around(_ text: String) -> String {
        let bytes = Array(text.utf8)
        let from = max(0, prefix - 120)
        return String(decoding: bytes[from..<min(bytes.count, prefix + 80)], as: UTF8.self)
      }
      return "dumps differ at byte \(prefix)\n  ours:   …\(around(a))\n  python: …\(around(b))"
    default:
      return "ours:   \(ours)\npython: \(theirs)"
    }
  }

  /// Writes `sources` to numbered files in a fresh directory and returns their paths.
  static func writeFiles(_ sources: [[UInt8]], in directory: URL, prefix: String) throws -> [String] {
    try sources.enumerated().map { index, bytes in
      let url = directory.appendingPathComponent("\(prefix)\(index).py")
      try Data(bytes).write(to: url)
      return url.path
    }
  }
}
