import Foundation
import PySyntax
import Testing

/// Random and pathological inputs: the tokenizer must not crash, must terminate after a
/// number of calls linear in the input, and its output must be well-formed. The seed of a
/// failing input is in the failure message; `TokenizerFuzzTests.input(seed:)` rebuilds it.
@Suite struct TokenizerFuzzTests {
  /// Bytes and fragments that reach the tokenizer's interesting paths.
  static let fragments: [[UInt8]] = [
    "'", "\"", "'''", "\"\"\"", "(", ")", "[", "]", "{", "}", "\\", "\\\n", "\n", "\r", "\r\n",
    "\t", " ", "    ", "\u{0C}", "#", "# c\n", "0", "1", "9", "_", ".", "e", "E", "j", "x", "o", "b",
    "0x", "0o", "0b", "1_0", "1e+", "if", "else", "and", "or", "not", "in", "is", "for", "r", "b",
    "f", "u", "rb", "fr", "=", "+", "-", "*", "**", "/", "//", "<", ">", "<>", "!", "!=", "$", "?",
    "@", ":", ":=", ";", ",", "~", "^", "|", "&", "%", "->", "...", "é", "€", "😀", "\u{A0}",
    "\u{FEFF}", "\u{0301}", "a", "z", "def", "class", "pass", "\\N{", "\\x", "\\u",
  ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0x00], [0x80]]

  /// The random input for `seed`.
  static func input(seed: UInt64) -> [UInt8] {
    var rng = SeededRandom(seed: seed)
    let pieces = Int(rng.next() % 120)
    var bytes: [UInt8] = []
    if rng.next() % 10 == 0 { bytes += Array("# coding: utf-8\n".utf8) }
    if rng.next() % 10 == 0 { bytes += [0xEF, 0xBB, 0xBF] }
    for _ in 0..<pieces {
      switch rng.next() % 10 {
      case 0:
        bytes.append(UInt8(truncatingIfNeeded: rng.next()))
      case 1:
        bytes.append(UInt8(truncatingIfNeeded: 0x20 + rng.next() % 0x5F))
      default:
        bytes += fragments[Int(rng.next() % UInt64(fragments.count))]
      }
    }
    return bytes
  }

  @Test func randomInputsTokenizeSafely() {
    let started = ContinuousClock.now
    for seed in UInt64(1)...2_000 {
      check(TokenizerFuzzTests.input(seed: seed), label: "seed \(seed)")
    }
    let elapsed = ContinuousClock.now - started
    #expect(elapsed < .seconds(60), "2,000 random inputs took \(elapsed)")
  }

  /// Large inputs built to provoke quadratic behaviour; each must run in time linear in its
  /// size. Checked loosely, as other tests run in parallel: the best of three runs on 4× the
  /// input may take at most 8× as long (quadratic time would take 16×), in thread CPU time.
  @Test(arguments: [
    "(", "'", "'''\\\n", "0_", "x", "\t", "# ", " \\\n", "é", "€", "1if ", "\"\\", "\n", "if x:\n ",
    "\\N{", "a.", "0x1", ")", "\r",
  ])
  func pathologicalInputIsLinear(unit: String) {
    func measure(_ count: Int) -> Duration {
      let bytes = Array(repeating: Array(unit.utf8), count: count).flatMap { $0 }
      var best = Duration.seconds(1_000)
      for _ in 0..<3 {
        best = min(best, ThreadCPUTime.measure { check(bytes, label: "\(count) × \(String(reflecting: unit))") })
      }
      return best
    }
    let small = measure(5_000)
    let large = measure(20_000)
    #expect(large < small * 8 + .milliseconds(100), "\(String(reflecting: unit)): \(small) for 5k, \(large) for 20k")
  }

  /// Tokenizes `bytes` in both views and checks the streams.
  func check(_ bytes: [UInt8], label: String) {
    let source = SourceFile(bytes: bytes, filename: "fuzz.py")
    let trivia = collect(source, includeTrivia: true, label: label)
    let parser = collect(source, includeTrivia: false, label: label)
    #expect(trivia.error == parser.error, "\(label): views disagree on the error")
    if trivia.error == nil {
      let significant = trivia.tokens.filter { !$0.kind.isTrivia }
      if significant != parser.tokens {
        let index = zip(significant, parser.tokens).prefix { $0 == $1 }.count
        let ours = parser.tokens.dropFirst(index).first.map { "\($0)" } ?? "end"
        let expected = significant.dropFirst(index).first.map { "\($0)" } ?? "end"
        Issue.record("\(label): parser view ≠ trivia view minus trivia at token \(index): \(ours) vs \(expected)")
      }
    }
    checkWellFormed(trivia.tokens, source, label: label)
    if let error = trivia.error {
      #expect(!error.message.isEmpty && error.line >= 0 && error.line <= source.lineCount + 1, "\(label): \(error)")
      _ = error.formatted()
    }
    var warnings: [PySyntaxWarning] = []
    for token in parser.tokens where token.kind == .string {
      let parts = StringLiteral.split(source.bytes, token.byteRange)
      if !parts.prefix.isFormatted { _ = StringLiteral.decode(token, in: source, warnings: &warnings) }
    }
  }

  func collect(_ source: SourceFile, includeTrivia: Bool, label: String) -> (tokens: [Token], error: PySyntaxError?) {
    var tokenizer = Tokenizer(source, includeTrivia: includeTrivia)
    var tokens: [Token] = []
    // Each byte yields at most a few tokens; indentation adds at most 100 DEDENTs at the end.
    let limit = source.bytes.count * 3 + 110
    for _ in 0..<limit {
      switch tokenizer.next() {
      case .failure(let error):
        return (tokens, error)
      case .success(let token):
        tokens.append(token)
        if token.kind == .endMarker { return (tokens, nil) }
      }
    }
    Issue.record("\(label): no ENDMARKER after \(limit) tokens")
    return (tokens, nil)
  }

  /// Tokens lie inside the source, in order, without overlap, and their columns agree with
  /// their offsets (except the synthetic positions at end of input).
  func checkWellFormed(_ tokens: [Token], _ source: SourceFile, label: String) {
    var previousEnd = 0
    var previousLine = 0
    for token in tokens {
      let range = token.byteRange
      guard range.lowerBound >= previousEnd, range.upperBound <= source.bytes.count,
        token.start.line >= previousLine, token.end.line >= token.start.line
      else {
        Issue.record("\(label): misplaced \(token) after offset \(previousEnd)")
        return
      }
      let synthetic = token.kind == .endMarker || token.kind == .dedent || range.isEmpty
      if !synthetic, token.start.line <= source.lineCount {
        let lineStart = source.lineStarts[token.start.line - 1]
        #expect(token.start.offset - token.start.column == lineStart, "\(label): \(token)")
      }
      previousEnd = range.upperBound
      previousLine = token.start.line
    }
  }
}
