import Foundation
import PySyntax
import Testing

/// Malformed sources whose error CPython's tokenizer reports, compared field by field with
/// what `python3 file.py` raises (through an excepthook that prints the exception's fields)
/// and with what it prints.
///
/// The reference is the interpreter running a file, the way PyHeap runs programs; `compile()`
/// of a string differs for encoding problems (see ``SourceFile``).
@Suite(.enabled(if: PythonOracle.isAvailable, PythonOracle.unavailableComment))
struct TokenizerErrorTests {
  static let cases: [(name: String, source: [UInt8])] = [
    ("trailing underscore", t("x = 1_000_\n")),
    ("double underscore", t("x = 1__0\n")),
    ("hex without digits", t("x = 0x\n")),
    ("hex bad digit", t("x = 0xg1\n")),
    ("octal digit 8", t("x = 0o8\n")),
    ("octal digit 9 later", t("x = 0o17 + 0o19\n")),
    ("binary digit 2", t("x = 0b102\n")),
    ("binary trailing underscore", t("x = 0b1_\n")),
    ("leading zeros", t("x = 0777\n")),
    ("leading zeros after non-ASCII", t("é = 00_7\n")),
    ("exponent without digits", t("x = 1e+\n")),
    ("name after number", t("x = 123abc\n")),
    ("name after float", t("x = 1.5_\n")),
    ("imaginary then digit", t("x = 1j2\n")),
    ("unterminated single quote", t("x = 'abc\n")),
    ("unterminated at end of input", t("a = 1\nx = \"abc")),
    ("unterminated after continuation", t("y = f'abc\\\ndef\n")),
    ("unterminated triple quote", t("a = 1\nx = \"\"\"abc\n\ndef\n")),
    ("unterminated second string", t("x = 'abc' 'def\n")),
    ("unterminated after non-ASCII", t("é = 'abc\n")),
    ("never closed, CRLF lines", t("x = 1\r\ny = (\r\n  2\r\n")),
    ("dedent to unknown level, CRLF lines", t("if x:\r\n    a\r\n  b\r\n")),
    ("dedent to unknown level", t("if x:\n  a\n b\n")),
    ("dedent after non-ASCII", t("if x:\n    a\n  é = 1\n")),
    ("tab then spaces", t("if x:\n\ta\n        b\n")),
    ("spaces then tab", t("if x:\n        a\n\tb\n")),
    ("tab indent inconsistent", t("if x:\n  \ta\n\t b\n")),
    ("too many indentation levels", Array((0..<100).map { String(repeating: " ", count: $0) + "if x:\n" }.joined().utf8) + Array((String(repeating: " ", count: 100) + "pass\n").utf8)),
    ("character after backslash", t("x = 1 \\ 2\n")),
    ("backslash at end of input", t("x = 1 \\")),
    ("backslash at end, non-ASCII line", t("é = 1 \\\n")),
    ("backslash alone on a line", t("if x:\n  pass\n\\\n")),
    ("backslash on a continuation line", t("x = 1 + \\\n  \\\n")),
    ("backslash fixes the indentation", t("if x:\n  y\n \\\n   z\n")),
    ("first backslash in indentation wins", t("if x:\n    y\n  \\\n    \\\n z\n")),
    ("character after backslash in indentation", t("x\n  \\ \n")),
    ("paren never closed", t("x = (1,\n 2\n")),
    ("bracket never closed after non-ASCII", t("é = 1\né = [1,\n")),
    ("unmatched close", t("x = )\n")),
    ("mismatched close", t("x = (]\n")),
    ("mismatched close on other line", t("x = [\n(1,\n 2]\n")),
    ("too many nested parentheses", t(String(repeating: "(", count: 201) + "\n")),
    ("invalid character", t("a€ = 1\n")),
    ("invalid first character", t("x = 1 + ¿\n")),
    ("non-printable character", t("a\u{A0}= 1\n")),
    ("byte-order mark inside", t("x = 1\n\u{FEFF}y = 2\n")),
    ("null byte", t("x = 1\ny = \u{0} 2\n")),
    ("non-UTF-8 byte", t("x = 1\ny = '") + [0xFF] + t("'\n")),
    ("surrogate encoded in UTF-8", t("# ") + [0xED, 0xA0, 0x80] + t("\n")),
    ("unknown encoding", t("# coding: foo\nx = 1\n")),
    ("Latin-1 cookie under BOM", [0xEF, 0xBB, 0xBF] + t("# coding: latin-1\nx = 1\n")),
    ("ASCII cookie, non-ASCII byte", t("# coding: ascii\nx = '") + [0xE9] + t("'\n")),
    ("ill-formed UTF-8 in a name, UTF-8 declared", t("# coding: utf-8\nx = ab") + [0xC3] + t("\n")),
    ("earlier error wins over bad line", t("x = 'abc\n") + [0xFF] + t("\n")),
  ]

  private static func t(_ text: String) -> [UInt8] { Array(text.utf8) }

  /// Prints the exception's fields as JSON on stdout, then lets CPython print it on stderr.
  static let excepthook = #"""
  import sys, json
  def hook(t, v, tb):
      if isinstance(v, SyntaxError):
          print(json.dumps([t.__name__, v.msg, v.lineno, v.offset, v.text, v.end_lineno, v.end_offset]))
      sys.__excepthook__(t, v, tb)
  sys.excepthook = hook
  """#

  @Test func errorsMatchCPython() throws {
    let directory = try PythonOracle.makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try Data(TokenizerErrorTests.excepthook.utf8).write(to: directory.appendingPathComponent("sitecustomize.py"))
    var running: [(String, String, PythonOracle.Running)] = []
    for (index, testCase) in TokenizerErrorTests.cases.enumerated() {
      let path = directory.appendingPathComponent("case\(index).py").path
      try Data(testCase.source).write(to: URL(fileURLWithPath: path))
      running.append((testCase.name, path, try PythonOracle.launch([path], environment: ["PYTHONPATH": directory.path])))
    }
    for (name, path, process) in running {
      let output = try process.finish()
      let source = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
      check(name, source, path, output)
    }
  }

  func check(_ name: String, _ source: [UInt8], _ path: String, _ output: PythonOracle.Output) {
    guard let json = output.stdout.split(separator: "\n").last,
      let fields = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [Any]
    else {
      Issue.record("\(name): CPython raised no SyntaxError: \(output.stdout) \(output.stderr)")
      return
    }
    guard case .failure(let error) = tokenize(source, filename: path) else {
      Issue.record("\(name): tokenized without error; CPython: \(fields)")
      return
    }
    #expect(error.kind.rawValue == fields[0] as? String, "\(name)")
    #expect(error.message == fields[1] as? String, "\(name)")
    #expect(error.line == (fields[2] as? Int ?? 0), "\(name)")
    if fields[2] is Int {
      #expect(error.column == fields[3] as? Int, "\(name): column")
      #expect(error.text == fields[4] as? String, "\(name): text")
      #expect(error.endLine == fields[5] as? Int, "\(name): end line")
      #expect(error.endColumn == fields[6] as? Int, "\(name): end column")
    }
    #expect(error.formatted() == output.stderr, "\(name): printed form")
  }

  /// Errors are sticky: every call after the first error returns it again.
  @Test func errorIsRepeated() {
    var tokenizer = Tokenizer(source: Array("x = (]\ny = 2\n".utf8), filename: "t.py")
    var first: PySyntaxError?
    for _ in 0..<10 {
      if case .failure(let error) = tokenizer.next() { first = error; break }
    }
    let error = try! #require(first)
    for _ in 0..<3 { #expect(tokenizer.next() == .failure(error)) }
  }
}
