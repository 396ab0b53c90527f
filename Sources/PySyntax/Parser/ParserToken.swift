/// A token as the parser sees it: the tokenizer's ``Token`` plus its keyword, if it is a
/// NAME spelled like one.
///
/// Two differences from the tokenizer's view, both CPython's: a NEWLINE token leaves the line
/// break out (it is empty, or covers the comment before the break; this matters for error
/// carets), and keywords are told apart from names once, when the token is fetched.
///
/// CPython: Parser/pegen.c, `initialize_token()` and `_get_keyword_or_name_type()`.
///
/// Stored compactly (32-bit positions, 32 bytes in all): tokens are passed around by value
/// on every level of the recursive descent, and small values keep its stack frames small.
/// Sources are therefore limited to 2 GiB.
struct ParserToken {
  var kind: TokenKind
  /// The keyword a NAME spells; nil for other NAMEs and other tokens.
  var keyword: HardKeyword?
  /// Bracket depth after the token (CPython's `token->level`): a `(` is at level 1.
  var level: UInt16
  private var startOffset, startLine, startColumn: Int32
  private var endOffset, endLine, endColumn: Int32

  init(kind: TokenKind, keyword: HardKeyword?, start: SourceLocation, end: SourceLocation, level: Int) {
    self.kind = kind
    self.keyword = keyword
    self.level = UInt16(clamping: level)
    (startOffset, startLine, startColumn) = (Int32(truncatingIfNeeded: start.offset),
                                            Int32(truncatingIfNeeded: start.line), Int32(truncatingIfNeeded: start.column))
    (endOffset, endLine, endColumn) = (Int32(truncatingIfNeeded: end.offset),
                                      Int32(truncatingIfNeeded: end.line), Int32(truncatingIfNeeded: end.column))
  }

  var start: SourceLocation {
    get { SourceLocation(offset: Int(startOffset), line: Int(startLine), column: Int(startColumn)) }
    set {
      (startOffset, startLine, startColumn) = (Int32(truncatingIfNeeded: newValue.offset),
                                              Int32(truncatingIfNeeded: newValue.line), Int32(truncatingIfNeeded: newValue.column))
    }
  }

  var end: SourceLocation {
    get { SourceLocation(offset: Int(endOffset), line: Int(endLine), column: Int(endColumn)) }
    set {
      (endOffset, endLine, endColumn) = (Int32(truncatingIfNeeded: newValue.offset),
                                        Int32(truncatingIfNeeded: newValue.line), Int32(truncatingIfNeeded: newValue.column))
    }
  }

  /// A NAME that is not a hard keyword (soft keywords are names).
  var isName: Bool { kind == .name && keyword == nil }

  /// The span of this token alone.
  var span: SourceSpan {
    SourceSpan(lineno: Int(startLine), colOffset: Int(startColumn), endLineno: Int(endLine), endColOffset: Int(endColumn))
  }

  /// NEWLINE, INDENT, DEDENT and ENDMARKER, which never end a node.
  var isWhitespace: Bool {
    kind == .newline || kind == .indent || kind == .dedent || kind == .endMarker
  }
}
