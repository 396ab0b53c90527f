/// Python 3.11's tokenizer: source bytes in, one ``Token`` per ``next()`` call.
///
/// Two views of the same stream:
/// - the **parser view** (`includeTrivia: false`) is what CPython's C tokenizer gives the
///   parser: NAME, NUMBER, STRING, operators, NEWLINE, INDENT, DEDENT, ENDMARKER;
/// - the **trivia view** (`includeTrivia: true`) adds what the `tokenize` module reports:
///   ENCODING first, COMMENT for each comment and NL for each line break that does not end a
///   logical line (blank lines, comment lines, breaks inside brackets).
///
/// The tokenizer works on bytes and never copies text: a token is a kind and two
/// ``SourceLocation``s. It reads each byte a bounded number of times, so it runs in linear
/// time on any input; brackets nest at most 200 deep and indentation at most 100 levels, as in
/// CPython.
///
/// After an error every later call returns the same error; after ENDMARKER every later call
/// returns ENDMARKER again.
///
/// Where CPython's tokenizer and the `tokenize` module disagree on valid input, both views
/// follow CPython's tokenizer: a backslash in the indentation fixes the indentation
/// (bpo-46091), `<>` is one NOTEQUAL token, a lone `\r` ends a line, and a name may hold any
/// XID_Continue character (`tokenize` matches names with `\w+`).
///
/// Inside, scanners return `Token?`: nil means they stored an error in `failure`, as CPython's
/// scanners return ERRORTOKEN with `tok->done` set. Only ``next()`` wraps the outcome in a
/// `Result`, which keeps the large error value out of the per-token path.
///
/// State mirrors CPython's `struct tok_state`:
///
/// ```
/// pos, line, lineStart          tok->cur, tok->lineno, tok->line_start
/// bufferStart                   tok->buf
/// indents, altIndents           tok->indstack, tok->altindstack (tabs as 8 / as 1 column)
/// pendingIndents                tok->pendin (> 0: INDENTs owed, < 0: DEDENTs owed)
/// atLineStart, blankLine        tok->atbol, tok_get()'s blankline
/// failure                       tok->done
/// brackets                      tok->parenstack, parenlinenostack, parencolstack
/// ```
///
/// CPython: Parser/tokenizer.c, `tok_get()`; Lib/tokenize.py for the trivia view.
public struct Tokenizer: Sendable {
  /// A bracket that is still open: the byte, and its line and byte column.
  struct Bracket {
    var byte: UInt8
    var line: Int
    var column: Int
  }

  /// Nesting limit of brackets. CPython: Parser/tokenizer.h, `MAXLEVEL`.
  static let maxBracketDepth = 200
  /// Limit of the indentation stack (including level 0). CPython: `MAXINDENT`.
  static let maxIndentDepth = 100
  /// Tab stops for indentation. CPython: `TABSIZE`.
  static let tabSize = 8

  public let source: SourceFile
  /// Whether COMMENT, NL and ENCODING tokens are produced (the `tokenize` module's view).
  public let includeTrivia: Bool
  /// Warnings met so far (for example `invalid decimal literal` for `1if x else y`).
  public internal(set) var warnings: [PySyntaxWarning] = []

  let bytes: [UInt8]
  /// Bytes at and after `limit` may not be read: they belong to ``SourceFile/firstBadLine``.
  let limit: Int
  var touchedBadLine = false

  var pos = 0
  var line = 1
  var lineStart = 0
  /// Where CPython's line buffer starts: the current line's start, or an earlier line's if
  /// the lines since were read in the middle of a token (a multi-line string, a backslash
  /// continuation). Only the `unexpected character after line continuation character`
  /// offset depends on it. CPython: `tok->buf`.
  var bufferStart = 0

  var indents: [Int] = [0]
  var altIndents: [Int] = [0]
  var pendingIndents = 0
  /// Where the pending INDENT starts and ends; DEDENTs sit at `indentEnd`.
  var indentStart = SourceLocation(offset: 0, line: 1, column: 0)
  var indentEnd = SourceLocation(offset: 0, line: 1, column: 0)
  var atLineStart = true
  var blankLine = false
  var brackets: [Bracket] = []
  var lastKind = TokenKind.encoding
  var started = false
  var endMarker: Token?
  var failure: PySyntaxError?

  /// Tokenizes an already decoded source file.
  public init(_ source: SourceFile, includeTrivia: Bool = false) {
    self.source = source
    self.includeTrivia = includeTrivia
    bytes = source.bytes
    limit = source.firstBadLine?.start ?? source.bytes.count
  }

  /// Decodes `source` (BOM, coding cookie) and tokenizes it. Decoding errors are returned by
  /// the first ``next()`` call.
  public init(source: [UInt8], filename: String, includeTrivia: Bool = false) {
    self.init(SourceFile(bytes: source, filename: filename), includeTrivia: includeTrivia)
  }

  /// The next token, or the error that stops tokenization.
  public mutating func next() -> Result<Token, PySyntaxError> {
    if let failure { return .failure(failure) }
    if let endMarker { return .success(endMarker) }
    if !started {
      started = true
      if let error = source.decodingError {
        failure = error
        return .failure(error)
      }
      if includeTrivia {
        let origin = SourceLocation(offset: 0, line: 0, column: 0)
        return .success(Token(kind: .encoding, start: origin, end: origin))
      }
    }
    let scanned = scan()
    if touchedBadLine, let bad = source.firstBadLine { failure = bad.error }
    if let failure { return .failure(failure) }
    guard let token = scanned else { preconditionFailure("Tokenizer: scanner failed without an error") }
    lastKind = token.kind
    if token.kind == .endMarker { endMarker = token }
    return .success(token)
  }

  /// Records `error` and returns nil, the scanners' failure result.
  mutating func fail(_ error: PySyntaxError) -> Token? {
    failure = error
    return nil
  }

  /// One token: owed INDENT/DEDENTs first, then the indentation of a new line, then the
  /// text, skipping what the current view does not report.
  mutating func scan() -> Token? {
    while true {
      if pendingIndents != 0 { return nextIndentationToken() }
      if atLineStart {
        atLineStart = false
        if let error = measureIndentation() { return fail(error) }
        continue
      }
      skipWhitespace()
      let start = location(pos)
      let byte = char(pos)
      switch byte {
      case 0:
        return endOfInput()
      case UInt8(ascii: "#"):
        skipComment()
        if includeTrivia { return token(.comment, from: start) }
      case 0x0A, 0x0D:
        if let newline = lineBreak(from: start) { return newline }
      case UInt8(ascii: "\\"):
        if let error = joinContinuationLine() { return fail(error) }
      default:
        return scanSignificant(byte, from: start)
      }
    }
  }

  /// NAME, NUMBER, STRING, an operator, or an error token.
  mutating func scanSignificant(_ byte: UInt8, from start: SourceLocation) -> Token? {
    if byte.isIdentifierStart { return scanNameOrString(from: start) }
    if byte.isDigit { return scanNumber(from: start) }
    switch byte {
    case UInt8(ascii: "."):
      if peek(pos + 1).isDigit { return scanNumber(from: start) }
    case UInt8(ascii: "\""), UInt8(ascii: "'"):
      return scanString(from: start, quoteAt: pos)
    default:
      break
    }
    return scanOperator(from: start)
  }

  /// NEWLINE after a logical line; NL (trivia view only) after a blank line or inside brackets.
  mutating func lineBreak(from start: SourceLocation) -> Token? {
    let endsLogicalLine = !blankLine && brackets.isEmpty
    let end = consumeLineBreak(at: pos)
    let result = Token(kind: endsLogicalLine ? .newline : .nl, start: start,
                       end: SourceLocation(offset: end, line: start.line, column: end - start.offset + start.column))
    pos = end
    blankLine = false
    if brackets.isEmpty { atLineStart = true }
    return endsLogicalLine || includeTrivia ? result : nil
  }

  /// End of input: the NEWLINE CPython adds to a last line without one, the NL `tokenize`
  /// adds after a last comment line, the DEDENTs, then ENDMARKER.
  mutating func endOfInput() -> Token? {
    if let open = brackets.last { return fail(neverClosedError(open)) }
    let here = location(pos)
    if !blankLine {
      blankLine = true
      let end = SourceLocation(offset: pos, line: line, column: here.column + 1)
      return Token(kind: .newline, start: here, end: end)
    }
    if includeTrivia, lastKind == .comment {
      return Token(kind: .nl, start: here, end: here)
    }
    let endLine = lastLineHasContent() ? line + 1 : line
    let end = SourceLocation(offset: pos, line: endLine, column: 0)
    if indents.count > 1 {
      pendingIndents = -(indents.count - 1)
      indents = [0]
      altIndents = [0]
      indentEnd = end
      return nextIndentationToken()
    }
    return Token(kind: .endMarker, start: end, end: end)
  }

  /// Whether the current (last) line holds anything but spaces, tabs and form feeds; then
  /// `tokenize` puts ENDMARKER on the line after it.
  func lastLineHasContent() -> Bool {
    bytes[lineStart..<pos].contains { $0 != 0x20 && $0 != 0x09 && $0 != 0x0C }
  }
}
