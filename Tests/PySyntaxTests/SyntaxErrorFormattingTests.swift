import Foundation
import PySyntax
import Testing

/// ``PySyntaxError/formatted()`` against CPython's own printer, for many combinations of
/// text, offsets and end positions (one Python process prints them all through
/// `sys.__excepthook__`, the C printer used for uncaught exceptions).
@Suite(.enabled(if: PythonOracle.isAvailable, PythonOracle.unavailableComment))
struct SyntaxErrorFormattingTests {
  static let texts = [
    "abc def", "abc def\n", "  abc def\n", "\t\u{0C}  abc def  \n", "\tx = 1\n", "é = 'ü' + 1\n",
    "x = '€€€' $", "", "   ", "a\n",
  ]
  static let offsets = [-1, 0, 1, 2, 3, 5, 8, 9, 12, 40]
  static let ends: [(line: Int, column: Int)] = [(1, -1), (1, 0), (1, 3), (1, 6), (1, 9), (1, 30), (2, 1), (0, 4)]

  struct Case {
    var text: String?
    var line: Int
    var column: Int
    var end: (line: Int, column: Int)
  }

  static var cases: [Case] {
    var cases: [Case] = []
    for text in texts {
      for offset in offsets {
        for end in ends { cases.append(Case(text: text, line: 1, column: offset, end: end)) }
      }
    }
    cases.append(Case(text: nil, line: 3, column: 1, end: (3, 2)))
    return cases
  }

  @Test func formattedMatchesCPythonPrinter() throws {
    let cases = SyntaxErrorFormattingTests.cases
    var script = "import sys\ncases = [\n"
    for c in cases {
      let text = c.text.map { "'" + $0.unicodeScalars.map { String(format: "\\U%08x", $0.value) }.joined() + "'" } ?? "None"
      script += "  (\(text), \(c.line), \(c.column), \(c.end.line), \(c.end.column)),\n"
    }
    script += """
      ]
      for text, line, offset, end_line, end_offset in cases:
          e = SyntaxError('msg', ('x.py', line, offset, text, end_line, end_offset))
          sys.__excepthook__(SyntaxError, e, None)
          sys.stderr.write('@@\\n')
      """
    let output = try PythonOracle.run(["-c", script])
    let printed = output.stderr.components(separatedBy: "@@\n")
    #expect(printed.count == cases.count + 1, "\(output.stderr.prefix(500))")
    for (index, c) in cases.enumerated() where index < printed.count {
      let error = PySyntaxError(
        kind: .syntax, message: "msg", filename: "x.py", line: c.line, column: c.column,
        endLine: c.end.line, endColumn: c.end.column, text: c.text)
      #expect(error.formatted() == printed[index], "text \(String(reflecting: c.text)) offset \(c.column) end \(c.end)")
    }
  }

  @Test func errorWithoutLocationPrintsOnlyTheMessage() {
    let error = PySyntaxError(message: "encoding problem: foo", filename: "x.py")
    #expect(error.formatted() == "SyntaxError: encoding problem: foo\n")
  }
}
