import PySyntax
import Testing

/// Exact expectations for the parser view and the positions model, without Python.
@Suite struct TokenizerTests {
  func tokens(_ text: String, trivia: Bool = false) -> [Token] {
    guard case .success(let tokens) = tokenize(Array(text.utf8), filename: "t.py", includeTrivia: trivia) else {
      Issue.record("unexpected error for \(String(reflecting: text))")
      return []
    }
    return tokens
  }

  func kinds(_ text: String, trivia: Bool = false) -> [TokenKind] { tokens(text, trivia: trivia).map(\.kind) }

  @Test func parserViewOfABlock() {
    #expect(kinds("if x:\n    # c\n\n    y = 1\nz\n") == [
      .name, .name, .colon, .newline, .indent, .name, .equal, .number, .newline, .dedent, .name,
      .newline, .endMarker,
    ])
  }

  @Test func triviaViewAddsEncodingCommentsAndNL() {
    #expect(kinds("x = (1, # c\n 2)\n\n", trivia: true) == [
      .encoding, .name, .equal, .lpar, .number, .comma, .comment, .nl, .number, .rpar, .newline,
      .nl, .endMarker,
    ])
  }

  @Test func columnsCountBytesAndConvertToCodePoints() {
    let text = "é = 'ü'"
    let source = SourceFile(bytes: Array(text.utf8), filename: "t.py")
    let all = tokens(text)
    #expect(all[0].start.column == 0 && all[0].end.column == 2)
    #expect(all[2].start.column == 5 && all[2].end.column == 9)
    #expect(source.characterPosition(all[2].start) == (1, 4) && source.characterPosition(all[2].end) == (1, 7))
    #expect(source.text(of: all[2]) == "'ü'")
  }

  @Test func implicitNewlineAtEndOfInput() {
    let all = tokens("if x:\n  y")
    let newline = all[all.count - 3]
    #expect(newline.kind == .newline && newline.byteRange.isEmpty)
    #expect(newline.start == SourceLocation(offset: 9, line: 2, column: 3))
    #expect(newline.end == SourceLocation(offset: 9, line: 2, column: 4))
    #expect(all[all.count - 2].kind == .dedent && all[all.count - 2].start.line == 3)
    #expect(all.last!.start == SourceLocation(offset: 9, line: 3, column: 0))
  }

  @Test func lineTerminators() {
    let crlf = tokens("a\r\nb\rc\n")
    #expect(crlf.map(\.kind) == [.name, .newline, .name, .newline, .name, .newline, .endMarker])
    #expect(crlf[1].byteRange == 1..<3 && crlf[2].start.line == 2 && crlf[4].start.line == 3)
  }

  @Test func numberFollowedByKeywordWarns() {
    var tokenizer = Tokenizer(source: Array("x = 1if y else 2\n".utf8), filename: "t.py")
    guard case .success = tokenizer.tokenizeAll() else { Issue.record("error"); return }
    #expect(tokenizer.warnings == [PySyntaxWarning(category: .syntaxWarning, message: "invalid decimal literal", line: 1)])
  }

  @Test func operatorsAndStrayCharacters() {
    #expect(kinds("a <> b\n") == [.name, .notEqual, .name, .newline, .endMarker])
    #expect(kinds("a $ b ? !\n") == [.name, .errorToken, .name, .errorToken, .errorToken, .newline, .endMarker])
    #expect(kinds("x **= y // z ... ->\n") == [.name, .doubleStarEqual, .name, .doubleSlash, .name, .ellipsis, .rarrow, .newline, .endMarker])
  }

  /// bpo-46091: a backslash in the indentation fixes the line's indentation.
  @Test func backslashInIndentation() {
    #expect(kinds("if x:\n  y\n\\\n  z\n") == [.name, .name, .colon, .newline, .indent, .name, .newline, .name, .newline, .dedent, .endMarker])
    #expect(kinds("if x:\n  y\n  \\\nz\n") == [.name, .name, .colon, .newline, .indent, .name, .newline, .name, .newline, .dedent, .endMarker])
    #expect(kinds("\\\n\nx = 1\n") == [.name, .equal, .number, .newline, .endMarker])
  }

  @Test func endMarkerRepeats() throws {
    var tokenizer = Tokenizer(source: [], filename: "t.py")
    for _ in 0..<3 { #expect(try tokenizer.next().get().kind == .endMarker) }
  }

  @Test func keywordTable() {
    for keyword in Keywords.all { #expect(Keywords.isKeyword(keyword), "\(keyword)") }
    for name in ["match", "case", "_", "Match", "iff", "Tru", "print", "", "nonlocals"] {
      #expect(!Keywords.isKeyword(name), "\(name)")
    }
    #expect(Keywords.isSoftKeyword(Array("match".utf8)))
  }

  @Test func encodingDeclarations() {
    let latin1 = SourceFile(bytes: Array("# coding: latin-1\ns = '".utf8) + [0xE9] + Array("'\n".utf8), filename: "t.py")
    #expect(latin1.encoding == "iso-8859-1" && latin1.decodingError == nil)
    #expect(latin1.lineText(2) == "s = 'é'")
    let bom = SourceFile(bytes: [0xEF, 0xBB, 0xBF] + Array("x\n".utf8), filename: "t.py")
    #expect(bom.bytes == Array("x\n".utf8) && bom.encodingOrigin == .byteOrderMark)
    let secondLineIgnored = SourceFile(bytes: Array("x = 1\n# coding: foo\n".utf8), filename: "t.py")
    #expect(secondLineIgnored.decodingError == nil)
    let unknown = SourceFile(bytes: Array("#!python\n# vim: set fileencoding=foo :\n".utf8), filename: "t.py")
    #expect(unknown.decodingError?.message == "encoding problem: foo")
  }

  @Test func unicodeIdentifiers() {
    #expect(kinds("ŝ = 变量 + _x1 + ℌ\n") == [.name, .equal, .name, .plus, .name, .plus, .name, .newline, .endMarker])
    guard case .failure(let error) = tokenize(Array("a = b€\n".utf8), filename: "t.py") else {
      Issue.record("€ accepted")
      return
    }
    #expect(error.message == "invalid character '€' (U+20AC)" && error.column == 6)
  }

  @Test func nestingLimits() {
    #expect(kinds(String(repeating: "(", count: 200) + String(repeating: ")", count: 200)).count == 402)
    guard case .failure(let error) = tokenize(Array(String(repeating: "[", count: 201).utf8), filename: "t.py") else {
      Issue.record("201 brackets accepted")
      return
    }
    #expect(error.message == "too many nested parentheses" && error.column == 201)
    var deep = ""
    for level in 0..<99 { deep += String(repeating: " ", count: level) + "if x:\n" }
    deep += String(repeating: " ", count: 99) + "pass\n"
    #expect(kinds(deep).filter { $0 == .indent }.count == 99)
  }

  @Test func sourceFileLines() {
    let source = SourceFile(bytes: Array("a\nbc\r\nd".utf8), filename: "t.py")
    #expect(source.lineStarts == [0, 2, 6])
    #expect(source.line(containing: 0) == 1 && source.line(containing: 4) == 2 && source.line(containing: 6) == 3)
    #expect(source.lineText(2) == "bc" && source.lineText(3) == "d")
  }
}
