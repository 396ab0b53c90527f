import Foundation
import PySyntax
import Testing

/// Decoding of string and bytes literals against CPython: the value, the warning for the
/// first invalid escape, or the error message.
@Suite(.enabled(if: PythonOracle.isAvailable, PythonOracle.unavailableComment))
struct StringLiteralTests {
  static let literals: [String] = [
    #"'plain'"#, #""double""#, #"'''tri\nple'''"#, #"''"#, #""""""""#,
    #"'\n\t\r\a\b\f\v\\\'\"'"#, #"'\0\1\12\123\1234\400\777'"#, #"'\x41\x7e\xff'"#,
    #"'\u00e9\u20ac\uffff\ud800'"#, #"'\U0001F600\U00000041'"#, #"'\d\q'"#, #"'\8\9'"#,
    #"'\N{BULLET}\N{latin small letter a}\N{EM DASH}'"#, #"'\N{CJK UNIFIED IDEOGRAPH-4E00}\N{HANGUL SYLLABLE GA}'"#,
    #"'\N{LINE FEED}\N{NUL}\N{ESC}\N{NBSP}\N{BOM}\N{ZWJ}\N{DEL}'"#, #"'\N{LATIN CAPITAL LETTER GHA}'"#,
    #"'\N{GRINNING CAT FACE WITH SMILING EYES}\N{TANGUT IDEOGRAPH-17000}'"#,
    "'é\\é ü'", "'line \\\ncontinued'", "'''a\r\nb\rc'''", #"r'\n\x\N{'"#, #"R'\''"#,
    #"b'\x00\xff\n\0\777'"#, #"b'\u1234\N{BULLET}\d'"#, #"rb'\x'"#, #"Br"\d""#, #"u'\u0041'"#,
    // Errors.
    #"'\x4'"#, #"'ab\x4g'"#, #"'\x'"#, #"b'\x4'"#, #"b'ab\xg'"#, #"'\u12'"#, #"'\U1234567'"#,
    #"'\U00110000'"#, #"'\N{foo}'"#, #"'\N{'"#, #"'\N'"#, #"'\N{}'"#, #"'ab\N{}cd'"#, #"'\N{a'"#,
    #"'\N{latin small letter a'"#, "'é\\x4'", "'ab\\é\\x'", #"'\N{BULLET}\x'"#, "b'é'",
  ]

  static let script = #"""
  import sys, ast, json, warnings
  for line in sys.stdin.read().split('\n'):
      if not line:
          continue
      source = json.loads(line)
      with warnings.catch_warnings(record=True) as caught:
          warnings.simplefilter('always')
          try:
              value = ast.literal_eval(compile(source, 'x.py', 'eval', ast.PyCF_ONLY_AST))
          except SyntaxError as e:
              print(json.dumps({'error': e.msg}))
              continue
      warning = str(caught[0].message) if caught else None
      if isinstance(value, bytes):
          print(json.dumps({'bytes': list(value), 'warning': warning}))
      else:
          print(json.dumps({'str': [ord(c) for c in value], 'warning': warning}))
  """#

  @Test func decodingMatchesCPython() throws {
    let input = StringLiteralTests.literals.map { literal -> String in
      let data = try! JSONSerialization.data(withJSONObject: [literal], options: [])
      let array = String(decoding: data, as: UTF8.self)
      return String(array.dropFirst().dropLast())
    }.joined(separator: "\n")
    let output = try PythonOracle.run(["-c", StringLiteralTests.script], stdin: input)
    let lines = output.stdout.split(separator: "\n")
    #expect(lines.count == StringLiteralTests.literals.count, "\(output.stderr)")
    for (literal, line) in zip(StringLiteralTests.literals, lines) {
      let expected = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
      check(literal, expected)
    }
  }

  func check(_ literal: String, _ expected: [String: Any]) {
    let bytes = Array(literal.utf8)
    guard case .success(let tokens) = tokenize(bytes, filename: "x.py"), tokens.first?.kind == .string else {
      Issue.record("\(literal): not one STRING token")
      return
    }
    let source = SourceFile(bytes: bytes, filename: "x.py")
    var warnings: [PySyntaxWarning] = []
    let result = StringLiteral.decode(tokens[0], in: source, warnings: &warnings)
    switch result {
    case .failure(let error):
      #expect(error.message == expected["error"] as? String, "\(literal)")
    case .success(let value):
      #expect(expected["error"] == nil, "\(literal): expected error \(expected["error"]!)")
      #expect(warnings.first?.message == expected["warning"] as? String, "\(literal): warning")
      switch value {
      case .bytes(let data):
        #expect(data.map(Int.init) == expected["bytes"] as? [Int], "\(literal)")
      case .string(let utf8):
        #expect(StringLiteralTests.codePoints(utf8) == expected["str"] as? [Int], "\(literal)")
      }
    }
  }

  /// Code points of generalized UTF-8 (surrogates allowed).
  static func codePoints(_ bytes: [UInt8]) -> [Int] {
    var result: [Int] = []
    var i = 0
    while i < bytes.count {
      let lead = Int(bytes[i])
      let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
      var value = length == 1 ? lead : lead & (0x7F >> length)
      for k in 1..<length { value = value << 6 | Int(bytes[i + k] & 0x3F) }
      result.append(value)
      i += length
    }
    return result
  }

  @Test func splitFindsPrefixQuotesAndBody() {
    let text = Array(#"Rb'''x'''"#.utf8)
    let parts = StringLiteral.split(text, 0..<text.count)
    #expect(parts.prefix.isRaw && parts.prefix.isBytes && !parts.prefix.isFormatted)
    #expect(parts.prefix.length == 2 && parts.quoteLength == 3 && parts.body == 5..<6)
  }
}
