/// String literals: `strings: STRING+`, adjacent literals concatenated into one node.
///
/// Without an f-string among them the result is a `Constant` (`str` or `bytes`; mixing the
/// two is an error); its `kind` is `"u"` when the first literal has a `u` prefix. With an
/// f-string it is a `JoinedStr` whose parts are the literal text (adjacent pieces merged,
/// empty ones dropped) and the replacement fields; every part spans the whole group, as in
/// CPython 3.11.
///
/// Errors and their places, as CPython's: a `bytes` literal with a non-ASCII character is
/// reported on its token; an undecodable escape and mixed `bytes`/`str` on the token after
/// the group (the last token fetched, which CPython uses for errors raised while it builds
/// the node).
///
/// The result is cached by position, as CPython memoizes the rule, so that a literal read
/// twice (when an attempt is retried) is decoded and warned about once.
///
/// CPython: Parser/action_helpers.c, `_PyPegen_concatenate_strings()`;
/// Parser/string_parser.c, `_PyPegen_parsestr()`, `_PyPegen_FstringParser_ConcatFstring()`.
extension Parser {
  @inline(never)
  func strings() throws(ParseFailure) -> Expr {
    let startPos = pos
    if let cached = stringCache[startPos] {
      pos = cached.end
      return cached.expr
    }
    let first = peek()
    var group: [ParserToken] = []
    while let token = accept(.string) { group.append(token) }
    _ = peek()
    let span = span(from: first)
    let parts = group.map { StringLiteral.split(source.bytes, $0.start.offset..<$0.end.offset) }
    let isBytes = parts[0].prefix.isBytes
    let isJoined = parts.contains { $0.prefix.isFormatted }
    var value: [UInt8] = []
    var builder = JoinedStrBuilder(span: span)
    // Token by token, in CPython's order: the literal's own checks and decoding, then the
    // bytes/str mix check, then an f-string's fields.
    for (index, (token, part)) in zip(group, parts).enumerated() {
      let decoded = part.prefix.isFormatted ? nil : try literalValue(token, part)
      if index > 0, part.prefix.isBytes != isBytes {
        throw raiseAtLastToken("cannot mix bytes and nonbytes literals")
      }
      if let decoded {
        if isJoined { builder.appendLiteral(decoded) } else { value += decoded }
      } else {
        try fstringParts(token, part, into: &builder)
      }
    }
    let result: Expr
    if isJoined {
      result = builder.joinedStr()
    } else {
      let constant: ConstantValue = isBytes ? .bytes(value) : .str(value)
      result = Expr(.constant(value: constant, kind: parts[0].prefix.isUnicode ? "u" : nil), span)
    }
    stringCache[startPos] = (result, pos)
    return result
  }

  /// The decoded value of a literal that is not an f-string.
  @inline(never)
  func literalValue(_ token: ParserToken, _ part: StringLiteral.Parts) throws(ParseFailure) -> [UInt8] {
    let body = source.bytes[part.body]
    if part.prefix.isBytes, body.contains(where: { $0 >= 0x80 }) {
      throw raise("bytes can only contain ASCII literal characters", at: token)
    }
    return try decodeLiteral(body, isRaw: part.prefix.isRaw, isBytes: part.prefix.isBytes, line: token.start.line)
  }

  /// Decodes literal text (escapes unless raw), recording the warning CPython would issue.
  @inline(never)
  func decodeLiteral(
    _ body: ArraySlice<UInt8>, isRaw: Bool, isBytes: Bool, line: Int
  ) throws(ParseFailure) -> [UInt8] {
    switch StringLiteral.decodeBody(body, isRaw: isRaw, isBytes: isBytes) {
    case .failure(let failure):
      throw raiseAtLastToken(failure.message)
    case .success(let decoded):
      if let warning = decoded.warning {
        warnings.append(PySyntaxWarning(category: .deprecationWarning, message: warning, line: line))
      }
      return decoded.bytes
    }
  }
}
