/// Building parser errors with CPython's positions.
///
/// CPython locates a parser error by a token or a node: its line, its byte column plus one,
/// its end line and end byte column plus one. The columns are then turned into code-point
/// counts by decoding that many bytes of the error's *first* line (for the end column too,
/// even when it lies on another line), after clamping them to the line's length plus one,
/// unless the source is a bytes object without a declared encoding (see
/// ``countsCharacters``).
///
/// INDENT, DEDENT and ENDMARKER have no columns in CPython's parser. An error on one of them
/// uses the tokenizer's cursor instead (the end of the indentation, or the end of the input),
/// without the plus one, and has no end column (-1).
///
/// CPython: Parser/pegen_errors.c, `_PyPegen_raise_error()`,
/// `_PyPegen_raise_error_known_location()`, `_PyPegen_byte_offset_to_character_offset()`;
/// Parser/pegen.h, `RAISE_ERROR_KNOWN_LOCATION()`.
extension Parser {
  /// Records a specific error (the first one wins) and returns the failure to throw.
  @inline(never)
  func raise(_ error: PySyntaxError) -> ParseFailure {
    if raisedError == nil && tokenizerError == nil { raisedError = error }
    return ParseFailure()
  }

  /// `RAISE_SYNTAX_ERROR_KNOWN_LOCATION(token, message)`.
  @inline(never)
  func raise(_ message: String, at token: ParserToken, kind: PySyntaxError.Kind = .syntax) -> ParseFailure {
    raise(error(kind, message, at: token))
  }

  /// `RAISE_SYNTAX_ERROR_KNOWN_LOCATION(node, message)` and `…_KNOWN_RANGE(a, b, message)`.
  @inline(never)
  func raise(_ message: String, span: SourceSpan, kind: PySyntaxError.Kind = .syntax) -> ParseFailure {
    raise(error(kind, message, span: span))
  }

  /// `RAISE_SYNTAX_ERROR(message)`: located at the last token fetched.
  @inline(never)
  func raiseAtLastToken(_ message: String, kind: PySyntaxError.Kind = .syntax) -> ParseFailure {
    raise(error(kind, message, at: tokens[tokens.count - 1]))
  }

  /// An error located at `token`.
  @inline(never)
  func error(_ kind: PySyntaxError.Kind, _ message: String, at token: ParserToken) -> PySyntaxError {
    switch token.kind {
    case .indent, .dedent, .endMarker:
      let (line, cursor) = cursorPosition(of: token)
      return locatedError(kind, message, line: line, byteColumn: cursor, endLine: line, endByteColumn: nil,
                          plusOne: false, translated: false)
    default:
      return locatedError(kind, message, line: token.start.line, byteColumn: token.start.column,
                          endLine: token.end.line, endByteColumn: token.end.column)
    }
  }

  /// An error located at a node's span.
  @inline(never)
  func error(_ kind: PySyntaxError.Kind, _ message: String, span: SourceSpan) -> PySyntaxError {
    locatedError(kind, message, line: span.lineno, byteColumn: span.colOffset,
                 endLine: span.endLineno, endByteColumn: span.endColOffset)
  }

  /// Converts byte columns to CPython's 1-based offsets on `line`'s text.
  ///
  /// In an f-string field, positions arrive moved to the enclosing source (`translated`);
  /// CPython then reports the moved line but takes the `{`'s column back off every column
  /// (even on the field's later lines, which were never moved right), keeps byte offsets,
  /// shows the field's own text, and prefixes the message with `f-string: `.
  @inline(never)
  func locatedError(
    _ kind: PySyntaxError.Kind, _ message: String, line: Int, byteColumn: Int, endLine: Int,
    endByteColumn: Int?, plusOne: Bool = true, translated: Bool = true
  ) -> PySyntaxError {
    let shift = plusOne ? 1 : 0
    if let origin = fieldOrigin {
      let columnShift = translated ? origin.column : 0
      let textLine = translated ? line - origin.line + 1 : line
      var text = source.lineText(textLine)
      if textLine >= source.lineCount { text += "\n" }
      return PySyntaxError(
        kind: kind, message: "f-string: " + message, filename: source.filename, line: line,
        column: byteColumn + shift - columnShift, endLine: endLine,
        endColumn: endByteColumn.map { $0 + shift - columnShift } ?? -1, text: text)
    }
    var text = source.lineText(line)
    if line < source.lineCount { text += "\n" }
    let lineBytes = Array(text.utf8)
    var column = byteColumn + shift
    var endColumn = endByteColumn.map { $0 + shift } ?? -1
    if countsCharacters {
      column = Parser.characterOffset(lineBytes, column)
      if endColumn > 0 { endColumn = Parser.characterOffset(lineBytes, endColumn) }
    }
    return PySyntaxError(kind: kind, message: message, filename: source.filename, line: line, column: column,
                         endLine: endLine, endColumn: endColumn, text: text)
  }

  /// Whether offsets are turned into code-point counts. CPython does so when its tokenizer
  /// knows the source's encoding: always for a file, and for a bytes object only when it
  /// has a byte-order mark or a coding cookie; otherwise parser errors keep byte offsets.
  var countsCharacters: Bool {
    source.mode == .file || source.encodingOrigin != .implicitUTF8
  }

  /// Code points in the first `byteCount` bytes of `line` (clamped to its length plus one);
  /// a partial character counts as one.
  @inline(never)
  static func characterOffset(_ line: [UInt8], _ byteCount: Int) -> Int {
    let limit = min(byteCount, line.count + 1)
    guard limit > 0 else { return limit }
    var count = 0
    for index in 0..<min(limit, line.count) where line[index] & 0xC0 != 0x80 { count += 1 }
    return count + (limit > line.count ? 1 : 0)
  }

  /// Where CPython's tokenizer cursor is when it has just produced `token` (an INDENT,
  /// DEDENT or ENDMARKER): the line and byte column.
  @inline(never)
  func cursorPosition(of token: ParserToken) -> (line: Int, column: Int) {
    let location = rawLocation(token.start)
    if token.kind == .indent { return (location.line, rawLocation(token.end).column) }
    if location.offset < source.bytes.count || source.bytes.isEmpty {
      return (location.line, location.column)
    }
    // At the end of input CPython is still on the last line, past its terminator (it adds
    // a newline to a last line without one).
    let line = min(location.line, source.lineCount)
    let lastLine = source.byteRange(ofLine: line)
    let lineStart = source.lineStarts[line - 1]
    let hasTerminator = source.bytes.count > lastLine.upperBound
    let length = source.bytes.count - lineStart + (hasTerminator ? 0 : 1)
    if lastLine.isEmpty && line > 1 && !hasTerminator {
      let previous = line - 1
      return (previous, lineStart - source.lineStarts[previous - 1])
    }
    return (line, length)
  }

  /// The location of a token in this parser's own source (an f-string field's text rather
  /// than the enclosing file).
  @inline(never)
  func rawLocation(_ location: SourceLocation) -> SourceLocation {
    guard fieldOrigin != nil else { return location }
    let line = source.line(containing: location.offset)
    return SourceLocation(offset: location.offset, line: line, column: location.offset - source.lineStarts[line - 1])
  }

  /// The error for input nested deeper than ``maxDepth``. CPython raises `MemoryError`
  /// ("Parser stack overflowed - Python source too complex to parse" in later versions);
  /// here it is a `SyntaxError` at the token where the limit was reached.
  @inline(never)
  func tooComplex() -> ParseFailure {
    let token = peek()
    return raise(error(.syntax, "too many nested expressions: Python source too complex to parse", at: token))
  }
}
