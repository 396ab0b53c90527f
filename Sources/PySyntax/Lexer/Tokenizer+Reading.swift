/// Byte access, positions and line tracking: the cursor under every scanner.
///
/// Scanners read through ``char(_:)``, which returns 0 at and past the readable end. Source
/// bytes before that end hold no NUL (a NUL makes its line a bad line), so 0 always means
/// "nothing more to read" and every scanning loop stops on it.
///
/// CPython: Parser/tokenizer.c, `tok_nextc()` and `tok_backup()`.
extension Tokenizer {
  /// The byte at `i`, or 0 at and past the readable end. Reading the first byte of
  /// ``SourceFile/firstBadLine`` marks the line as read, and ``next()`` then reports its
  /// error, as CPython does when it reads that line.
  @inline(__always)
  mutating func char(_ i: Int) -> UInt8 {
    if i < limit { return bytes[i] }
    if limit < bytes.count { touchedBadLine = true }
    return 0
  }

  /// The byte at `i` without marking a bad line: a lookahead CPython makes byte-wise, not by
  /// reading a line (the `\n` after a `\r`).
  @inline(__always)
  func peek(_ i: Int) -> UInt8 { i < limit ? bytes[i] : 0 }

  /// The location of byte `offset` on the current line.
  @inline(__always)
  func location(_ offset: Int) -> SourceLocation {
    SourceLocation(offset: offset, line: line, column: offset - lineStart)
  }

  /// A token of `kind` from `start` to the cursor.
  @inline(__always)
  func token(_ kind: TokenKind, from start: SourceLocation) -> Token {
    Token(kind: kind, start: start, end: location(pos))
  }

  /// Steps over the line terminator at `i` (`\n`, `\r\n` or `\r`), starts the next line, and
  /// returns the offset after the terminator.
  ///
  /// `withinToken`: the next line is read in the middle of a token (a string that goes on, a
  /// backslash continuation), so CPython appends it to its line buffer instead of starting
  /// a new one; see ``bufferStart``.
  /// - Precondition: `bytes[i]` is `\n` or `\r`.
  mutating func consumeLineBreak(at i: Int, withinToken: Bool = false) -> Int {
    var next = i + 1
    if bytes[i] == 0x0D, peek(next) == 0x0A { next += 1 }
    line += 1
    lineStart = next
    if !withinToken { bufferStart = next }
    return next
  }

  /// Skips spaces, tabs and form feeds.
  mutating func skipWhitespace() {
    while true {
      let byte = char(pos)
      guard byte == 0x20 || byte == 0x09 || byte == 0x0C else { return }
      pos += 1
    }
  }

  /// Moves the cursor from `#` to the end of the line, leaving the terminator.
  mutating func skipComment() {
    while true {
      let byte = char(pos)
      if byte == 0 || byte == 0x0A || byte == 0x0D { return }
      pos += 1
    }
  }
}

extension UInt8 {
  @inline(__always) var isDigit: Bool { self &- 0x30 < 10 }

  @inline(__always) var isHexDigit: Bool {
    isDigit || (self | 0x20) &- UInt8(ascii: "a") < 6
  }

  /// A letter, `_`, or any non-ASCII byte: CPython lets every non-ASCII byte start a name and
  /// checks the decoded name afterwards. CPython: `is_potential_identifier_start()`.
  @inline(__always) var isIdentifierStart: Bool {
    (self | 0x20) &- UInt8(ascii: "a") < 26 || self == UInt8(ascii: "_") || self >= 0x80
  }

  /// CPython: `is_potential_identifier_char()`.
  @inline(__always) var isIdentifierContinue: Bool { isIdentifierStart || isDigit }

  /// ASCII lowercase of a letter; other bytes unchanged.
  @inline(__always) var asciiLowercased: UInt8 {
    self &- UInt8(ascii: "A") < 26 ? self | 0x20 : self
  }
}
