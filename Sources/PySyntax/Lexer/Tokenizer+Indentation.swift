/// Indentation (INDENT/DEDENT) and explicit line joining.
///
/// At the start of each logical line outside brackets the tokenizer measures the leading
/// whitespace twice: with tabs advancing to the next multiple of 8 (`column`), and with tabs
/// counting 1 (`altColumn`). Both must order the line the same way against the indentation
/// stack, or the meaning would depend on the tab width: that is a `TabError`. A form feed
/// resets both counts. Blank lines and comment-only lines do not take part.
///
/// Indentation cannot be split over physical lines with backslashes: in the leading
/// whitespace, the first backslash preceded by whitespace fixes the indentation of the
/// logical line, whatever the next lines hold (bpo-46091, new in 3.11). A backslash at
/// column 0 fixes nothing, so the indentation of the line after it counts. A line that is
/// empty after such joins is blank.
///
/// CPython: Parser/tokenizer.c, the `tok->atbol` block of `tok_get()`,
/// `tok_continuation_line()`; Language Reference §2.1.8 "Indentation".
extension Tokenizer {
  /// Measures the indentation of a new line, decides whether it is blank, and queues INDENT
  /// or DEDENTs. Leaves the cursor on the first non-whitespace byte.
  mutating func measureIndentation() -> PySyntaxError? {
    var column = 0
    var altColumn = 0
    var columnBeforeBackslash = 0
    scanning: while true {
      switch char(pos) {
      case 0x20:
        column += 1
        altColumn += 1
      case 0x09:
        column = (column / Tokenizer.tabSize + 1) * Tokenizer.tabSize
        altColumn += 1
      case 0x0C:
        column = 0
        altColumn = 0
      case UInt8(ascii: "\\"):
        if columnBeforeBackslash == 0 { columnBeforeBackslash = column }
        if let error = joinContinuationLine(inIndentation: true) { return error }
        continue scanning
      default:
        break scanning
      }
      pos += 1
    }
    let next = char(pos)
    blankLine = next == UInt8(ascii: "#") || next == 0x0A || next == 0x0D || next == 0
    if blankLine { return nil }
    if columnBeforeBackslash != 0 {
      // CPython takes both measures from the tab-as-8 column here.
      column = columnBeforeBackslash
      altColumn = columnBeforeBackslash
    }
    indentStart = location(lineStart)
    indentEnd = location(pos)
    return compareIndentation(column, altColumn)
  }

  /// Pushes or pops the indentation stack for a line indented `column` (`altColumn` with
  /// tabs as one column).
  mutating func compareIndentation(_ column: Int, _ altColumn: Int) -> PySyntaxError? {
    if column == indents.last! {
      return altColumn == altIndents.last! ? nil : tabError()
    }
    if column > indents.last! {
      if indents.count >= Tokenizer.maxIndentDepth {
        return error(.indentation, "too many levels of indentation", line: line, column: 1,
                     endColumn: 0, withTerminator: true)
      }
      if altColumn <= altIndents.last! { return tabError() }
      indents.append(column)
      altIndents.append(altColumn)
      pendingIndents = 1
      return nil
    }
    while indents.count > 1, column < indents.last! {
      indents.removeLast()
      altIndents.removeLast()
      pendingIndents -= 1
    }
    if column != indents.last! {
      // CPython reports the cursor at the end of the line: bytes, terminator included.
      let length = source.byteRange(ofLine: line).count + 1
      return error(.indentation, "unindent does not match any outer indentation level",
                   line: line, column: length, endColumn: -1, withTerminator: true)
    }
    return altColumn == altIndents.last! ? nil : tabError()
  }

  func tabError() -> PySyntaxError {
    error(.tab, "inconsistent use of tabs and spaces in indentation", line: line, column: 1,
          endColumn: 0, withTerminator: true)
  }

  /// The next owed INDENT or DEDENT.
  mutating func nextIndentationToken() -> Token {
    if pendingIndents > 0 {
      pendingIndents -= 1
      return Token(kind: .indent, start: indentStart, end: indentEnd)
    }
    pendingIndents += 1
    return Token(kind: .dedent, start: indentEnd, end: indentEnd)
  }

  /// A backslash: it must end the line, and the logical line goes on on the next one.
  ///
  /// Errors: a character after the backslash (offset in bytes, just past that character,
  /// counted from ``bufferStart``);
  /// end of input after the join, `unexpected EOF while parsing`, whose offset is the byte
  /// length of the line with its terminator, or 0 when the backslash is in the indentation
  /// of a logical line (both as CPython reports them).
  /// CPython: Parser/tokenizer.c, `tok_continuation_line()`; E_LINECONT and E_EOF.
  mutating func joinContinuationLine(inIndentation: Bool = false) -> PySyntaxError? {
    let backslash = pos
    let backslashLine = line
    let next = char(pos + 1)
    let atEnd = next == 0
    if !atEnd, next != 0x0A, next != 0x0D {
      // CPython measures from the start of its line buffer, which begins on an earlier line
      // when this one was read inside a token (`bufferStart`).
      return error(.syntax, "unexpected character after line continuation character",
                   line: line, column: backslash + 2 - bufferStart, endColumn: 0, withTerminator: true)
    }
    let lengthWithTerminator = backslash + 2 - lineStart
    pos = atEnd ? pos + 1 : consumeLineBreak(at: pos + 1, withinToken: !inIndentation)
    if char(pos) == 0 {
      if let open = brackets.last { return neverClosedError(open) }
      return error(.syntax, "unexpected EOF while parsing", line: backslashLine,
                   column: inIndentation ? 0 : lengthWithTerminator, endColumn: -1, withTerminator: true)
    }
    return nil
  }
}
