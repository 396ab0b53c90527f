/// Token access: lazy fetching, lookahead, consuming, and spans.
///
/// Tokens are fetched only when the parser first looks at them, so `tokens.count` is the
/// number of tokens CPython's parser would have fetched at the same point; the last of them
/// is where a generic `invalid syntax` points. When the tokenizer fails, the error is kept in
/// ``tokenizerError`` and an ENDMARKER stands in for the rest of the input, so that the
/// parse functions wind down without checking after every look.
///
/// CPython: Parser/pegen.c, `_PyPegen_fill_token()`, `_PyPegen_expect_token()`,
/// `_PyPegen_lookahead()`.
extension Parser {
  /// The token `offset` places after the next one to consume.
  @inline(__always)
  func peek(_ offset: Int = 0) -> ParserToken {
    let index = pos + offset
    if index < tokens.count { return tokens[index] }
    return fetch(upTo: index)
  }

  /// Fetches tokens until `index` exists, or returns the last one (ENDMARKER) if the input
  /// ends first.
  @inline(never)
  func fetch(upTo index: Int) -> ParserToken {
    while tokens.count <= index {
      if let last = tokens.last, last.kind == .endMarker { return last }
      let token = nextParserToken()
      tokens.append(token)
    }
    return tokens[index]
  }

  /// The next token from the tokenizer, classified and (in an f-string field) moved to its
  /// place in the enclosing source.
  @inline(never)
  func nextParserToken() -> ParserToken {
    switch tokenizer.next() {
    case .failure(let failure):
      if tokenizerError == nil { tokenizerError = failure }
      let here = tokens.last?.end ?? SourceLocation(offset: 0, line: 1, column: 0)
      return ParserToken(kind: .endMarker, keyword: nil, start: here, end: here, level: 0)
    case .success(let token):
      var result = ParserToken(kind: token.kind, keyword: nil, start: token.start, end: token.end,
                               level: tokenizer.brackets.count)
      if token.kind == .name {
        result.keyword = HardKeyword.classify(source.bytes[token.byteRange])
      } else if token.kind == .newline {
        (result.start, result.end) = newlineExtent(token)
      }
      if let origin = fieldOrigin {
        result.start = origin.translate(result.start)
        result.end = origin.translate(result.end)
      }
      return result
    }
  }

  /// Where CPython's NEWLINE token lies: without the line break, so it is empty, unless a
  /// comment precedes it on the line, which it then covers (CPython starts the token before
  /// skipping the comment).
  func newlineExtent(_ token: Token) -> (SourceLocation, SourceLocation) {
    let gapStart = tokens.last?.end.offset ?? 0
    let breakOffset = token.start.offset
    guard gapStart < breakOffset,
      let hash = source.bytes[gapStart..<breakOffset].firstIndex(of: UInt8(ascii: "#"))
    else { return (token.start, token.start) }
    let start = SourceLocation(offset: hash, line: token.start.line,
                               column: token.start.column - (breakOffset - hash))
    return (start, token.start)
  }

  /// The index in ``tokens`` of a bracket token fetched earlier (found by binary search on
  /// offsets, which increase along the array and are distinct for brackets).
  func tokenIndex(of token: ParserToken) -> Int? {
    var low = 0
    var high = tokens.count - 1
    while low <= high {
      let mid = (low + high) / 2
      let offset = tokens[mid].start.offset
      if offset < token.start.offset {
        low = mid + 1
      } else if offset > token.start.offset {
        high = mid - 1
      } else {
        var index = mid
        while index > 0, tokens[index - 1].start.offset == offset { index -= 1 }
        while index < tokens.count, tokens[index].start.offset == offset {
          if tokens[index].kind == token.kind { return index }
          index += 1
        }
        return nil
      }
    }
    return nil
  }

  /// Consumes and returns the next token.
  @discardableResult @inline(__always)
  func advance() -> ParserToken {
    let token = peek()
    pos += 1
    return token
  }

  @inline(__always)
  func check(_ kind: TokenKind) -> Bool { peek().kind == kind }

  @inline(__always)
  func check(_ keyword: HardKeyword) -> Bool { peek().keyword == keyword }

  /// Consumes the next token if it is of `kind`.
  @inline(__always)
  func accept(_ kind: TokenKind) -> ParserToken? {
    let token = peek()
    guard token.kind == kind else { return nil }
    pos += 1
    return token
  }

  /// Consumes the next token if it is `keyword`.
  @inline(__always)
  func accept(_ keyword: HardKeyword) -> ParserToken? {
    let token = peek()
    guard token.keyword == keyword else { return nil }
    pos += 1
    return token
  }

  /// Consumes a token of `kind`, or fails.
  @inline(__always)
  func expect(_ kind: TokenKind) throws(ParseFailure) -> ParserToken {
    guard let token = accept(kind) else { throw ParseFailure() }
    return token
  }

  /// Consumes `keyword`, or fails.
  @inline(__always)
  func expect(_ keyword: HardKeyword) throws(ParseFailure) -> ParserToken {
    guard let token = accept(keyword) else { throw ParseFailure() }
    return token
  }

  /// A forced token (`&&':'` in the grammar): when it is missing, the error `expected ':'`
  /// is raised on the token found instead, in either pass.
  /// CPython: Parser/pegen.c, `_PyPegen_expect_forced_token()`.
  func expectForced(_ kind: TokenKind, _ spelling: String) throws(ParseFailure) -> ParserToken {
    if let token = accept(kind) { return token }
    throw raise("expected '\(spelling)'", at: peek())
  }

  /// Consumes a NAME that is not a keyword, or fails.
  func expectName() throws(ParseFailure) -> ParserToken {
    let token = peek()
    guard token.isName else { throw ParseFailure() }
    pos += 1
    return token
  }

  /// Consumes a NAME that is not a keyword and returns its identifier, or fails.
  func expectIdentifier() throws(ParseFailure) -> String {
    let token = try expectName()
    return identifier(token)
  }

  /// Consumes the next token and returns its identifier.
  func advanceIdentifier() -> String {
    let token = advance()
    return identifier(token)
  }

  /// Whether the next token is a NAME spelled `word` (a soft keyword: `match`, `case`, `_`).
  func checkSoftKeyword(_ word: StaticString) -> Bool {
    let token = peek()
    guard token.kind == .name else { return false }
    return word.withUTF8Buffer { source.bytes[token.start.offset..<token.end.offset].elementsEqual($0) }
  }

  /// The identifier a NAME token spells (NFKC-normalized, as CPython stores names).
  ///
  /// - Warning: like every non-method of the parser, do not pass it the result of a
  ///   call (`identifier(advance())`): Swift would copy the whole parser to keep
  ///   `self` stable while the argument is evaluated, and the copy makes the next token
  ///   fetch copy the token array. Bind the token first, or use ``expectIdentifier()``.
  @inline(never)
  func identifier(_ token: ParserToken) -> String {
    Identifier.normalized(source.bytes[token.start.offset..<token.end.offset])
  }

  /// The end of the last consumed token that is not NEWLINE, INDENT, DEDENT or ENDMARKER.
  /// CPython: `_PyPegen_get_last_nonnwhitespace_token()`.
  func lastTokenEnd() -> SourceLocation {
    var index = pos - 1
    while index > 0, tokens[index].isWhitespace { index -= 1 }
    return tokens[max(index, 0)].end
  }

  /// From the start of `start` to the end of the last consumed token: the `EXTRA` of a rule.
  func span(from start: ParserToken) -> SourceSpan {
    let end = lastTokenEnd()
    return SourceSpan(lineno: start.start.line, colOffset: start.start.column,
                      endLineno: end.line, endColOffset: end.column)
  }

  /// From the start of `start` to the end of the last consumed token.
  func span(from start: SourceSpan) -> SourceSpan {
    let end = lastTokenEnd()
    return SourceSpan(lineno: start.lineno, colOffset: start.colOffset, endLineno: end.line, endColOffset: end.column)
  }

  /// Counts a level of nesting; fails as "too complex" past ``maxDepth`` or ``stackLimit``.
  ///
  /// Also checks the native stack: `stackBase - here` is how much the parse has used (the
  /// stack grows down on every platform Swift supports).
  func enter() throws(ParseFailure) {
    depth += 1
    let used = Int(bitPattern: stackBase &- Parser.stackAddress())
    if depth > Parser.maxDepth || used > stackLimit { throw tooComplex() }
  }

  /// An address in the caller's stack frame.
  @inline(never)
  static func stackAddress() -> UInt {
    var marker: UInt8 = 0
    return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
  }

  @inline(__always)
  func leave() { depth -= 1 }

  /// Runs `body`; if it fails without a fatal error, rewinds and returns nil.
  func attempt<T>(_ body: (Parser) throws(ParseFailure) -> T) throws(ParseFailure) -> T? {
    let mark = pos
    do throws(ParseFailure) {
      return try body(self)
    } catch {
      if isFatal { throw error }
      pos = mark
      return nil
    }
  }

  /// Runs `body` and rewinds: a lookahead. Nil when it fails without a fatal error.
  func lookahead<T>(_ body: (Parser) throws(ParseFailure) -> T) throws(ParseFailure) -> T? {
    let mark = pos
    defer { pos = mark }
    do throws(ParseFailure) {
      return try body(self)
    } catch {
      if isFatal { throw error }
      return nil
    }
  }
}
