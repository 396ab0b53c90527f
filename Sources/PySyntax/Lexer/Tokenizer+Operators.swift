/// Operators, delimiters and bracket nesting.
///
/// The longest spelling wins (`**=` over `**` over `*`). `<>` is NOTEQUAL, as in CPython's
/// tokenizer (the parser rejects it unless `barry_as_FLUFL` is imported); the `tokenize`
/// module splits it into `<` `>`. A byte that starts no token (`$`, `?`, `!`, a backtick, a
/// control character) becomes a one-byte ERRORTOKEN for the parser to reject.
///
/// Brackets are tracked on a stack so that a closing bracket can be checked against its
/// opener, and so that line breaks inside brackets are not NEWLINEs.
///
/// CPython: Parser/token.c, `PyToken_OneChar()`, `PyToken_TwoChars()`,
/// `PyToken_ThreeChars()`; Parser/tokenizer.c, `tok_get()`, "Keep track of parentheses nesting level".
extension Tokenizer {
  mutating func scanOperator(from start: SourceLocation) -> Token? {
    let first = char(pos)
    switch first {
    case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
      return openBracket(first, from: start)
    case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
      return closeBracket(first, from: start)
    default:
      let (kind, length) = Tokenizer.operatorKind(first, peek(pos + 1), peek(pos + 2))
      pos += length
      return token(kind, from: start)
    }
  }

  /// The operator spelled by the longest prefix of `a b c`, and that prefix's length.
  static func operatorKind(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> (TokenKind, Int) {
    let equalsNext = b == UInt8(ascii: "=")
    switch a {
    case UInt8(ascii: ":"): return equalsNext ? (.colonEqual, 2) : (.colon, 1)
    case UInt8(ascii: ","): return (.comma, 1)
    case UInt8(ascii: ";"): return (.semi, 1)
    case UInt8(ascii: "~"): return (.tilde, 1)
    case UInt8(ascii: "+"): return equalsNext ? (.plusEqual, 2) : (.plus, 1)
    case UInt8(ascii: "-"):
      if b == UInt8(ascii: ">") { return (.rarrow, 2) }
      return equalsNext ? (.minEqual, 2) : (.minus, 1)
    case UInt8(ascii: "*"):
      return doubled(a, b, c, single: .star, singleEqual: .starEqual, double: .doubleStar,
                     doubleEqual: .doubleStarEqual)
    case UInt8(ascii: "/"):
      return doubled(a, b, c, single: .slash, singleEqual: .slashEqual, double: .doubleSlash,
                     doubleEqual: .doubleSlashEqual)
    case UInt8(ascii: "<"):
      if b == UInt8(ascii: ">") { return (.notEqual, 2) }
      return doubled(a, b, c, single: .less, singleEqual: .lessEqual, double: .leftShift,
                     doubleEqual: .leftShiftEqual)
    case UInt8(ascii: ">"):
      return doubled(a, b, c, single: .greater, singleEqual: .greaterEqual, double: .rightShift,
                     doubleEqual: .rightShiftEqual)
    case UInt8(ascii: "="): return equalsNext ? (.eqEqual, 2) : (.equal, 1)
    case UInt8(ascii: "|"): return equalsNext ? (.vbarEqual, 2) : (.vbar, 1)
    case UInt8(ascii: "&"): return equalsNext ? (.amperEqual, 2) : (.amper, 1)
    case UInt8(ascii: "%"): return equalsNext ? (.percentEqual, 2) : (.percent, 1)
    case UInt8(ascii: "^"): return equalsNext ? (.circumflexEqual, 2) : (.circumflex, 1)
    case UInt8(ascii: "@"): return equalsNext ? (.atEqual, 2) : (.at, 1)
    case UInt8(ascii: "!"): return equalsNext ? (.notEqual, 2) : (.errorToken, 1)
    case UInt8(ascii: "."):
      return b == UInt8(ascii: ".") && c == UInt8(ascii: ".") ? (.ellipsis, 3) : (.dot, 1)
    default:
      return (.errorToken, 1)
    }
  }

  /// For `*` `/` `<` `>`: the operator alone, followed by `=`, doubled, or doubled with `=`.
  private static func doubled(
    _ a: UInt8, _ b: UInt8, _ c: UInt8, single: TokenKind, singleEqual: TokenKind,
    double: TokenKind, doubleEqual: TokenKind
  ) -> (TokenKind, Int) {
    if b == a { return c == UInt8(ascii: "=") ? (doubleEqual, 3) : (double, 2) }
    return b == UInt8(ascii: "=") ? (singleEqual, 2) : (single, 1)
  }

  mutating func openBracket(_ byte: UInt8, from start: SourceLocation) -> Token? {
    pos += 1
    if brackets.count >= Tokenizer.maxBracketDepth {
      return fail(errorBefore(pos, "too many nested parentheses"))
    }
    brackets.append(Bracket(byte: byte, line: line, column: start.column))
    let kind: TokenKind = byte == UInt8(ascii: "(") ? .lpar : byte == UInt8(ascii: "[") ? .lsqb : .lbrace
    return token(kind, from: start)
  }

  /// Errors: `unmatched ')'`; `closing parenthesis ']' does not match opening parenthesis
  /// '('` (with ` on line N` when the opener is on another line). The caret is on the closer.
  mutating func closeBracket(_ byte: UInt8, from start: SourceLocation) -> Token? {
    pos += 1
    let closer = String(UnicodeScalar(byte))
    guard let open = brackets.last else {
      return fail(errorBefore(pos, "unmatched '\(closer)'"))
    }
    let expected: UInt8 = open.byte == UInt8(ascii: "(") ? UInt8(ascii: ")")
      : open.byte == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}")
    if byte != expected {
      var message = "closing parenthesis '\(closer)' does not match opening parenthesis "
        + "'\(String(UnicodeScalar(open.byte)))'"
      if open.line != line { message += " on line \(open.line)" }
      return fail(errorBefore(pos, message))
    }
    brackets.removeLast()
    let kind: TokenKind = byte == UInt8(ascii: ")") ? .rpar : byte == UInt8(ascii: "]") ? .rsqb : .rbrace
    return token(kind, from: start)
  }
}
