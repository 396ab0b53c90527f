/// f-strings, Python 3.11 style: the tokenizer hands over one STRING token, and the parser
/// splits its body into literal text and replacement fields.
///
/// ```
/// f"text {expression = !r :format spec} more {{literal braces}}"
///         ╰─ field ──────────────────────╯       ╰─ doubled: one brace each
/// ```
///
/// - Literal text ends at a `{` that is not doubled (or not part of a `\N{…}` escape); a
///   lone `}` is an error. Text is decoded with escapes unless the literal is raw.
/// - A field's expression runs to the first `!`, `:`, `=` or `}` outside brackets and
///   strings, where `!=`, `==`, `<=`, `>=` do not count. It may not contain a backslash or
///   `#`. It is parsed by a second parser over the text `(expression)`, whose positions are
///   moved to the enclosing source (see ``FStringFieldOrigin``).
/// - `=` keeps the expression's text (and the spaces after the `=`) as literal text before
///   the field, and makes the conversion `!r` unless a conversion or format spec is given.
/// - `!s`, `!r`, `!a` set the conversion (115, 114, 97).
/// - `:` starts the format spec: literal text and fields up to the closing `}`, as a
///   `JoinedStr`; its fields may not have fields in their own specs.
///
/// Errors are CPython's messages (`f-string: expecting '}'`, `f-string: single '}' is not
/// allowed`, …), reported at the last token fetched, as CPython reports errors raised while
/// it builds the node. Errors inside a field's expression are the field parser's, prefixed
/// `f-string: ` and located in the text `(expression)`.
///
/// CPython: Parser/string_parser.c, `fstring_find_literal()`, `fstring_find_expr()`,
/// `fstring_compile_expr()`, `fstring_parse()`.
extension Parser {
  /// Appends the parts of the f-string `token` to `builder`.
  @inline(never)
  func fstringParts(
    _ token: ParserToken, _ part: StringLiteral.Parts, into builder: inout JoinedStrBuilder
  ) throws(ParseFailure) {
    var index = part.body.lowerBound
    try fstringBody(token, &index, end: part.body.upperBound, raw: part.prefix.isRaw, level: 0, into: &builder)
  }

  /// Literal text and fields from `index`, up to `end` or, in a format spec (`level > 0`), up
  /// to the `}` that closes the spec (left for the caller).
  @inline(never)
  func fstringBody(
    _ token: ParserToken, _ index: inout Int, end: Int, raw: Bool, level: Int,
    into builder: inout JoinedStrBuilder
  ) throws(ParseFailure) {
    while index < end {
      let literal = try fstringLiteral(from: index, end: end, raw: raw, level: level, line: token.start.line)
      if literal.end > index {
        builder.appendLiteral(try decodeLiteral(source.bytes[index..<literal.end], isRaw: raw, isBytes: false,
                                                line: token.start.line))
      }
      index = literal.resume
      if literal.doubledBrace { continue }
      guard index < end, source.bytes[index] == UInt8(ascii: "{") else { return }
      try fstringField(token, &index, end: end, raw: raw, level: level, into: &builder)
    }
  }

  /// Finds the end of literal text starting at `start`: at a `{` or `}` (not consumed), at a
  /// doubled brace (the literal keeps one and scanning resumes after the other), or at `end`.
  @inline(never)
  func fstringLiteral(
    from start: Int, end: Int, raw: Bool, level: Int, line: Int
  ) throws(ParseFailure) -> (end: Int, resume: Int, doubledBrace: Bool) {
    let bytes = source.bytes
    var i = start
    while i < end {
      var byte = bytes[i]
      i += 1
      if !raw, byte == UInt8(ascii: "\\"), i < end {
        byte = bytes[i]
        i += 1
        if byte == UInt8(ascii: "N") {
          if i < end, bytes[i] == UInt8(ascii: "{") {
            i += 1
            while i < end {
              i += 1
              if bytes[i - 1] == UInt8(ascii: "}") { break }
            }
          }
          continue
        }
        if byte == UInt8(ascii: "{") {
          warnings.append(PySyntaxWarning(category: .deprecationWarning,
                                          message: "invalid escape sequence '\\{'", line: line))
        }
      }
      guard byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") else { continue }
      if level == 0 {
        if i < end, bytes[i] == byte { return (i, i + 1, true) }
        if byte == UInt8(ascii: "}") { throw raiseAtLastToken("f-string: single '}' is not allowed") }
      }
      return (i - 1, i - 1, false)
    }
    return (end, end, false)
  }

  /// One replacement field, from its `{` to its `}`; appends its `=` text and the
  /// `FormattedValue`.
  @inline(never)
  func fstringField(
    _ token: ParserToken, _ index: inout Int, end: Int, raw: Bool, level: Int,
    into builder: inout JoinedStrBuilder
  ) throws(ParseFailure) {
    if level >= 2 { throw raiseAtLastToken("f-string: expressions nested too deeply") }
    index += 1
    let expressionStart = index
    try scanFieldExpression(&index, end: end)
    let bytes = source.bytes
    let value = try compileFieldExpression(expressionStart..<index)
    var conversion = -1
    var formatSpec: Expr?
    var debugText: [UInt8]?
    if bytes[index] == UInt8(ascii: "=") {
      index += 1
      while index < end, Parser.isFieldSpace(bytes[index]) { index += 1 }
      guard index < end else { throw raiseAtLastToken("f-string: expecting '}'") }
      debugText = Array(bytes[expressionStart..<index])
    }
    if bytes[index] == UInt8(ascii: "!") {
      index += 1
      guard index < end else { throw raiseAtLastToken("f-string: expecting '}'") }
      conversion = Int(bytes[index])
      index += 1
      guard conversion == Int(UInt8(ascii: "s")) || conversion == Int(UInt8(ascii: "r"))
        || conversion == Int(UInt8(ascii: "a"))
      else { throw raiseAtLastToken("f-string: invalid conversion character: expected 's', 'r', or 'a'") }
    }
    if index < end, bytes[index] == UInt8(ascii: ":") {
      index += 1
      guard index < end else { throw raiseAtLastToken("f-string: expecting '}'") }
      var spec = JoinedStrBuilder(span: token.span, groupSpan: builder.groupSpan)
      try fstringBody(token, &index, end: end, raw: raw, level: level + 1, into: &spec)
      formatSpec = spec.joinedStr()
    }
    guard index < end, bytes[index] == UInt8(ascii: "}") else { throw raiseAtLastToken("f-string: expecting '}'") }
    index += 1
    if debugText != nil, formatSpec == nil, conversion == -1 { conversion = Int(UInt8(ascii: "r")) }
    if let debugText { builder.appendLiteral(debugText) }
    builder.appendField(Expr(.formattedValue(value: value, conversion: conversion, formatSpec: formatSpec),
                             builder.groupSpan))
  }

  /// Moves `index` from the start of a field's expression to the `!`, `:`, `=` or `}` that
  /// ends it, checking brackets, quotes, backslashes and comments.
  @inline(never)
  func scanFieldExpression(_ index: inout Int, end: Int) throws(ParseFailure) {
    let bytes = source.bytes
    var quote: UInt8 = 0
    var tripleQuoted = false
    var brackets: [UInt8] = []
    while index < end {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\\") {
        throw raiseAtLastToken("f-string expression part cannot include a backslash")
      }
      if quote != 0 {
        if byte == quote {
          if !tripleQuoted {
            quote = 0
          } else if index + 2 < end, bytes[index + 1] == byte, bytes[index + 2] == byte {
            index += 2
            quote = 0
          }
        }
        index += 1
        continue
      }
      switch byte {
      case UInt8(ascii: "'"), UInt8(ascii: "\""):
        quote = byte
        tripleQuoted = index + 2 < end && bytes[index + 1] == byte && bytes[index + 2] == byte
        if tripleQuoted { index += 2 }
      case UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "("):
        if brackets.count >= Tokenizer.maxBracketDepth {
          throw raiseAtLastToken("f-string: too many nested parenthesis")
        }
        brackets.append(byte)
      case UInt8(ascii: "#"):
        throw raiseAtLastToken("f-string expression part cannot include '#'")
      case UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: ")"):
        if brackets.isEmpty {
          if byte == UInt8(ascii: "}") { return }
          throw raiseAtLastToken("f-string: unmatched '\(Character(UnicodeScalar(byte)))'")
        }
        let opening = brackets.removeLast()
        if Parser.closing(opening) != byte {
          throw raiseAtLastToken("f-string: closing parenthesis '\(Character(UnicodeScalar(byte)))' "
            + "does not match opening parenthesis '\(Character(UnicodeScalar(opening)))'")
        }
      case UInt8(ascii: "!"), UInt8(ascii: "="), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: ":"):
        guard brackets.isEmpty else { break }
        let next = index + 1 < end ? bytes[index + 1] : 0
        if next == UInt8(ascii: "="), byte != UInt8(ascii: ":") {
          index += 1
        } else if byte != UInt8(ascii: "<"), byte != UInt8(ascii: ">") {
          return
        }
      default:
        break
      }
      index += 1
    }
    if quote != 0 { throw raiseAtLastToken("f-string: unterminated string") }
    if let open = brackets.last {
      throw raiseAtLastToken("f-string: unmatched '\(Character(UnicodeScalar(open)))'")
    }
    throw raiseAtLastToken("f-string: expecting '}'")
  }

  @inline(never)
  static func closing(_ opening: UInt8) -> UInt8 {
    opening == UInt8(ascii: "(") ? UInt8(ascii: ")") : opening == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}")
  }

  /// Python's `Py_ISSPACE` on ASCII.
  @inline(never)
  static func isFieldSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
  }

  /// Parses the text of a field's expression with a parser of its own.
  @inline(never)
  func compileFieldExpression(_ range: Range<Int>) throws(ParseFailure) -> Expr {
    let bytes = source.bytes
    guard let first = range.first(where: { !(bytes[$0] == 0x20 || bytes[$0] == 0x09 || bytes[$0] == 0x0A
                                               || bytes[$0] == 0x0C || bytes[$0] == 0x0D) }) else {
      let after = bytes[range.upperBound]
      if after == UInt8(ascii: "!") || after == UInt8(ascii: ":") || after == UInt8(ascii: "=") {
        throw raiseAtLastToken("f-string: expression required before '\(Character(UnicodeScalar(after)))'")
      }
      throw raiseAtLastToken("f-string: empty expression not allowed")
    }
    _ = first
    var text: [UInt8] = [UInt8(ascii: "(")]
    text += bytes[range]
    text.append(UInt8(ascii: ")"))
    let braceOffset = range.lowerBound - 1
    let braceLine = source.line(containing: braceOffset)
    var origin = SourceLocation(offset: braceOffset, line: braceLine,
                                column: braceOffset - source.lineStarts[braceLine - 1])
    if let outer = fieldOrigin { origin = outer.translate(origin) }
    let field = Parser(SourceFile(bytes: text, filename: source.filename))
    field.fieldOrigin = FStringFieldOrigin(line: origin.line, column: origin.column)
    field.depth = depth
    field.stackBase = stackBase
    field.stackLimit = stackLimit
    let result = field.run { parser throws(ParseFailure) in try parser.starExpressions() }
    warnings += field.warnings
    switch result {
    case .success(let value): return value
    case .failure(let error): throw raise(error)
    }
  }
}
