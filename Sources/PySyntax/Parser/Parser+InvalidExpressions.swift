/// Second-pass checks inside expressions: CPython's `invalid_*` rules that produce the
/// specific messages for common mistakes in expressions and call arguments.
///
/// Each check runs where CPython tries the rule (at the start of an `expression`, of a
/// `named_expression`, of a parenthesized group, of an argument), looks ahead without
/// consuming anything, and raises its error if the mistake is there. Lookahead parses in
/// the second pass go through memoized rules, so the pass stays linear.
///
/// ```
/// invalid_expression:        disjunction expression (in brackets)  → invalid syntax. Perhaps you forgot a comma?
///                            disjunction 'if' disjunction !else    → expected 'else' after 'if' expression
/// invalid_legacy_expression: print x                               → Missing parentheses in call to 'print'. …
/// invalid_named_expression:  x := …  on a non-name                 → cannot use assignment expressions with …
///                            name = value                          → invalid syntax. Maybe you meant '==' or ':=' …
///                            f() = value                           → cannot assign to function call here. …
/// invalid_group:             (*x) (**x)                            → cannot use (double) starred expression here
/// invalid_kwarg, invalid_arguments: see ``invalidKeywordArgument()`` and ``invalidArguments(_:)``
/// ```
///
/// CPython: Grammar/python.gram, "Invalid syntax rules".
extension Parser {
  /// `invalid_expression` and `invalid_legacy_expression`, at the start of an expression.
  @inline(never)
  func invalidExpression() throws(ParseFailure) {
    let mark = pos
    defer { pos = mark }
    let first = peek()
    if !(first.isName && peek(1).kind == .string), !isSoftKeyword(first),
      let a = try attempt({ parser throws(ParseFailure) in try parser.disjunction() }) {
      callInvalidRules = false
      let b = try? attempt { parser throws(ParseFailure) in try parser.expression() }
      callInvalidRules = true
      if isFatal { throw ParseFailure() }
      if let b, !isLegacyStatementName(a), tokens[pos - 1].level > 0 {
        throw raise("invalid syntax. Perhaps you forgot a comma?", span: SourceSpan(from: a.span, to: b.span))
      }
    }
    pos = mark
    if let a = try attempt({ parser throws(ParseFailure) in try parser.disjunction() }), accept(.if) != nil,
      let b = try attempt({ parser throws(ParseFailure) in try parser.disjunction() }), !check(.else), !check(.colon) {
      throw raise("expected 'else' after 'if' expression", span: SourceSpan(from: a.span, to: b.span))
    }
    pos = mark
    // `a=NAME !'(' b=star_expressions`, whatever the name: reading `b` can raise an error of
    // its own, as in CPython, before the name is found not to be `print` or `exec`.
    if first.isName, peek(1).kind != .lpar {
      advance()
      try enter()
      defer { leave() }
      if let b = try attempt({ parser throws(ParseFailure) in try parser.starExpressions() }),
        isLegacyStatementName(first) {
        let name = identifier(first)
        throw raise("Missing parentheses in call to '\(name)'. Did you mean \(name)(...)?",
                    span: SourceSpan(from: first.span, to: b.span))
      }
    }
  }

  /// Whether `token` is a soft keyword (`match`, `case`, `_`).
  @inline(never)
  func isSoftKeyword(_ token: ParserToken) -> Bool {
    token.isName && Keywords.isSoftKeyword(source.bytes[token.start.offset..<token.end.offset])
  }

  /// `print` or `exec`, the Python 2 statements. CPython: `_PyPegen_check_legacy_stmt()`.
  @inline(never)
  func isLegacyStatementName(_ token: ParserToken) -> Bool {
    let text = source.bytes[token.start.offset..<token.end.offset]
    return text.elementsEqual("print".utf8) || text.elementsEqual("exec".utf8)
  }

  @inline(never)
  func isLegacyStatementName(_ expression: Expr) -> Bool {
    guard case .name(let id, _) = expression.kind else { return false }
    return id == "print" || id == "exec"
  }

  /// `invalid_named_expression`, at the start of a named expression (memoized).
  @inline(never)
  func invalidNamedExpression() throws(ParseFailure) {
    let key = MemoKey(rule: .invalidNamedExpression, position: pos)
    if memo[key] != nil { return }
    memo[key] = (nil, pos)
    let mark = pos
    defer { pos = mark }
    if let a = try attempt({ parser throws(ParseFailure) in try parser.expression() }), accept(.colonEqual) != nil,
      try attempt({ parser throws(ParseFailure) in try parser.expression() }) != nil {
      throw raise("cannot use assignment expressions with \(a.expressionName)", span: a.span)
    }
    pos = mark
    let first = peek()
    if first.isName, peek(1).kind == .equal {
      pos += 2
      if let b = try attempt({ parser throws(ParseFailure) in try parser.bitwiseOr() }), !check(.equal), !check(.colonEqual) {
        throw raise("invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                    span: SourceSpan(from: first.span, to: b.span))
      }
      pos = mark
    }
    if try startsWithDisplayOrConstant() { return }
    if let a = try attempt({ parser throws(ParseFailure) in try parser.bitwiseOr() }), accept(.equal) != nil,
      try attempt({ parser throws(ParseFailure) in try parser.bitwiseOr() }) != nil, !check(.equal), !check(.colonEqual) {
      throw raise("cannot assign to \(a.expressionName) here. Maybe you meant '==' instead of '='?", span: a.span)
    }
  }

  /// `&(list | tuple | genexp | 'True' | 'None' | 'False')` at the current position.
  @inline(never)
  func startsWithDisplayOrConstant() throws(ParseFailure) -> Bool {
    let token = peek()
    switch token.kind {
    case .name:
      return token.keyword == .trueLiteral || token.keyword == .noneLiteral || token.keyword == .falseLiteral
    case .lsqb, .lpar:
      guard let atom = try lookahead({ parser throws(ParseFailure) in try parser.atom() }),
        atom.span.lineno == token.start.line, atom.span.colOffset == token.start.column
      else { return false }
      switch atom.kind {
      case .list, .tuple, .generatorExp: return true
      default: return false
      }
    default:
      return false
    }
  }

  /// `invalid_group`, after the `(` of a parenthesized atom.
  @inline(never)
  func invalidGroup() throws(ParseFailure) {
    let mark = pos
    defer { pos = mark }
    let star = peek()
    guard star.kind == .star || star.kind == .doubleStar else { return }
    advance()
    guard try attempt({ parser throws(ParseFailure) in try parser.expression() }) != nil, check(.rpar) else { return }
    if star.kind == .star {
      throw raise("cannot use starred expression here", span: span(from: star))
    }
    throw raise("cannot use double starred expression here", at: star)
  }

  /// `invalid_kwarg`, at the start of each call argument.
  @inline(never)
  func invalidKeywordArgument() throws(ParseFailure) {
    let mark = pos
    defer { pos = mark }
    let first = peek()
    guard first.kind == .name else {
      if let a = try attempt({ parser throws(ParseFailure) in try parser.expression() }), let equal = accept(.equal) {
        throw raise("expression cannot contain assignment, perhaps you meant \"==\"?",
                    span: SourceSpan(from: a.span, to: equal.span))
      }
      return
    }
    let second = peek(1)
    if first.keyword == .trueLiteral || first.keyword == .falseLiteral || first.keyword == .noneLiteral, second.kind == .equal {
      throw raise("cannot assign to \(first.keyword!.spelling)", span: SourceSpan(from: first.span, to: second.span))
    }
    if first.isName, second.kind == .equal {
      pos += 2
      if try attempt({ parser throws(ParseFailure) in try parser.expression() }) != nil, startsComprehension(),
        try attempt({ parser throws(ParseFailure) in try parser.forIfClauses() }) != nil {
        throw raise("invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                    span: SourceSpan(from: first.span, to: second.span))
      }
      return
    }
    if let a = try attempt({ parser throws(ParseFailure) in try parser.expression() }), let equal = accept(.equal) {
      throw raise("expression cannot contain assignment, perhaps you meant \"==\"?",
                  span: SourceSpan(from: a.span, to: equal.span))
    }
  }

  /// The failure of an argument list; in the second pass, first `invalid_arguments`.
  @inline(never)
  func failArguments(_ open: ParserToken) -> ParseFailure {
    if callInvalidRules, !isFatal { _ = try? invalidArguments(open) }
    return ParseFailure()
  }

  /// `invalid_arguments`, from just after the `(`.
  @inline(never)
  func invalidArguments(_ open: ParserToken) throws(ParseFailure) {
    let mark = pos
    defer { pos = mark }
    guard let start = tokenIndex(of: open).map({ $0 + 1 }) else { return }
    pos = start
    if let prefix = try attempt({ parser throws(ParseFailure) in try parser.argsRule() }),
      check(.comma), peek(1).kind == .star {
      _ = prefix
      pos += 2
      throw raiseAtLastToken("iterable argument unpacking follows keyword argument unpacking")
    }
    pos = start
    if let a = try attempt({ parser throws(ParseFailure) in try parser.expression() }), startsComprehension(),
      let generators = try attempt({ parser throws(ParseFailure) in try parser.forIfClauses() }), check(.comma) {
      throw raise("Generator expression must be parenthesized",
                  span: SourceSpan(from: a.span, to: Parser.lastComprehensionItem(generators).span))
    }
    pos = start
    let name = peek()
    if name.isName, peek(1).kind == .equal {
      let equal = peek(1)
      pos += 2
      if try attempt({ parser throws(ParseFailure) in try parser.expression() }) != nil, startsComprehension(),
        try attempt({ parser throws(ParseFailure) in try parser.forIfClauses() }) != nil {
        throw raise("invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                    span: SourceSpan(from: name.span, to: equal.span))
      }
    }
    pos = start
    guard let args = try attempt({ parser throws(ParseFailure) in try parser.argsRule() }) else { return }
    let afterArgs = pos
    if startsComprehension(), let generators = try attempt({ parser throws(ParseFailure) in try parser.forIfClauses() }),
      args.positional.count > 1 {
      throw raise("Generator expression must be parenthesized",
                  span: SourceSpan(from: args.positional.last!.span, to: Parser.lastComprehensionItem(generators).span))
    }
    pos = afterArgs
    guard accept(.comma) != nil else { return }
    let afterComma = pos
    if let a = try attempt({ parser throws(ParseFailure) in try parser.expression() }), startsComprehension(),
      let generators = try attempt({ parser throws(ParseFailure) in try parser.forIfClauses() }) {
      throw raise("Generator expression must be parenthesized",
                  span: SourceSpan(from: a.span, to: Parser.lastComprehensionItem(generators).span))
    }
    pos = afterComma
    if try attempt({ parser throws(ParseFailure) in try parser.argsRule() }) != nil {
      let unpacking = args.keywords.contains { $0.arg == nil }
      throw raiseAtLastToken(unpacking ? "positional argument follows keyword argument unpacking"
                                       : "positional argument follows keyword argument")
    }
  }

  /// The part of a comprehension clause an error range ends with: its last `if`, or its
  /// iterable. CPython: `_PyPegen_get_last_comprehension_item()`.
  @inline(never)
  static func lastComprehensionItem(_ generators: [Comprehension]) -> Expr {
    let last = generators[generators.count - 1]
    return last.ifs.last ?? last.iter
  }

  /// CPython's `args` rule, exactly (greedy, with its ordering), for the second pass.
  @inline(never)
  func argsRule() throws(ParseFailure) -> (positional: [Expr], keywords: [Keyword]) {
    var positional: [Expr] = []
    var keywords: [Keyword] = []
    while let item = try attempt({ parser throws(ParseFailure) in try parser.positionalArgumentItem() }) {
      positional.append(item)
      let comma = pos
      guard accept(.comma) != nil else { break }
      if try lookahead({ parser throws(ParseFailure) in try parser.positionalArgumentItem() }) == nil {
        pos = comma
        break
      }
    }
    if !positional.isEmpty {
      let comma = pos
      if accept(.comma) != nil, let more = try attempt({ parser throws(ParseFailure) in try parser.kwargsRule() }) {
        positional += more.starred
        keywords = more.keywords
      } else {
        pos = comma
      }
      return (positional, keywords)
    }
    let kwargs = try kwargsRule()
    return (kwargs.starred, kwargs.keywords)
  }

  /// `starred_expression | (assignment_expression | expression !':=') !'='`.
  @inline(never)
  func positionalArgumentItem() throws(ParseFailure) -> Expr {
    if let star = accept(.star) {
      let value = try expression()
      return Expr(.starred(value: value, ctx: .load), span(from: star))
    }
    let value = try argumentExpression()
    if check(.equal) { throw ParseFailure() }
    return value
  }

  /// CPython's `kwargs` rule: keywords and `*x`, then keywords and `**x`.
  @inline(never)
  func kwargsRule() throws(ParseFailure) -> (starred: [Expr], keywords: [Keyword]) {
    var starred: [Expr] = []
    var keywords: [Keyword] = []
    var count = 0
    for doubleStarPhase in [false, true] {
      if doubleStarPhase, count > 0 {
        let comma = pos
        guard accept(.comma) != nil else { break }
        if try lookahead({ parser throws(ParseFailure) in try parser.keywordItem(doubleStar: true) }) == nil {
          pos = comma
          break
        }
      }
      while let item = try attempt({ parser throws(ParseFailure) in try parser.keywordItem(doubleStar: doubleStarPhase) }) {
        count += 1
        switch item {
        case .starred(let value): starred.append(value)
        case .keyword(let keyword): keywords.append(keyword)
        }
        let comma = pos
        guard accept(.comma) != nil else { break }
        if try lookahead({ parser throws(ParseFailure) in try parser.keywordItem(doubleStar: doubleStarPhase) }) == nil {
          pos = comma
          break
        }
      }
    }
    if count == 0 { throw ParseFailure() }
    return (starred, keywords)
  }

  enum KeywordItem {
    case starred(Expr)
    case keyword(Keyword)
  }

  /// `kwarg_or_starred` (or, with `doubleStar`, `kwarg_or_double_starred`), with
  /// `invalid_kwarg` first.
  @inline(never)
  func keywordItem(doubleStar: Bool) throws(ParseFailure) -> KeywordItem {
    try invalidKeywordArgument()
    let token = peek()
    if token.isName, peek(1).kind == .equal {
      pos += 2
      let value = try expression()
      return .keyword(Keyword(arg: identifier(token), value: value, span: span(from: token)))
    }
    if doubleStar {
      _ = try expect(.doubleStar)
      let value = try expression()
      return .keyword(Keyword(arg: nil, value: value, span: span(from: token)))
    }
    _ = try expect(.star)
    let value = try expression()
    return .starred(Expr(.starred(value: value, ctx: .load), span(from: token)))
  }

  /// The failure of a parenthesized or bracketed display; in the second pass, first the
  /// checks CPython tries for it: `invalid_double_starred_kvpairs`,
  /// `invalid_dict_comprehension` and `invalid_comprehension`.
  @inline(never)
  func invalidDisplay(_ open: ParserToken, _ failure: ParseFailure) -> ParseFailure {
    guard callInvalidRules, !isFatal,
      let start = tokenIndex(of: open)
    else { return failure }
    let mark = pos
    defer { if !isFatal { pos = mark } }
    pos = start + 1
    if open.kind == .lbrace {
      _ = try? invalidDictionaryItems()
      if isFatal { return failure }
      pos = start + 1
      _ = try? invalidDictComprehension()
      if isFatal { return failure }
      pos = start + 1
    }
    _ = try? invalidComprehension(open)
    return failure
  }

  /// `invalid_double_starred_kvpairs`, after `{`: valid items, a comma, then an item that
  /// `invalid_kvpair` recognizes; or a first item with a starred or missing value.
  @inline(never)
  func invalidDictionaryItems() throws(ParseFailure) {
    let start = pos
    if try attempt({ parser throws(ParseFailure) in try parser.dictionaryItem(first: true) }) != nil {
      while true {
        let mark = pos
        guard accept(.comma) != nil,
          try attempt({ parser throws(ParseFailure) in try parser.dictionaryItem(first: false) }) != nil
        else {
          pos = mark
          break
        }
      }
      if accept(.comma) != nil, try invalidKeyValuePair() { return }
    }
    pos = start
    _ = try invalidKeyValuePair(keyOnly: false)
  }

  /// `double_starred_kvpair` (see ``laterDictionaryKey()`` for keys after the first).
  func dictionaryItem(first: Bool) throws(ParseFailure) {
    if accept(.doubleStar) != nil {
      _ = try bitwiseOr()
      return
    }
    _ = first ? try expression() : try laterDictionaryKey()
    _ = try expect(.colon)
    _ = try expression()
  }

  /// `invalid_kvpair` (with `keyOnly: false`, only its last two alternatives, as
  /// `invalid_double_starred_kvpairs` has them). Raises, or returns false.
  func invalidKeyValuePair(keyOnly: Bool = true) throws(ParseFailure) -> Bool {
    let mark = pos
    guard let key = try attempt({ parser throws(ParseFailure) in
      keyOnly ? try parser.laterDictionaryKey() : try parser.expression()
    }) else { return false }
    guard let colon = accept(.colon) else {
      guard keyOnly else { return false }
      throw raise(locatedError(.syntax, "':' expected after dictionary key", line: key.span.endLineno,
                               byteColumn: key.span.endColOffset - 1, endLine: key.span.endLineno, endByteColumn: -1))
    }
    if let star = accept(.star) {
      if try attempt({ parser throws(ParseFailure) in try parser.bitwiseOr() }) != nil {
        throw raiseStartingFrom("cannot use a starred expression in a dictionary value", star)
      }
    } else if check(.rbrace) || check(.comma) {
      throw raise("expression expected after dictionary key and ':'", at: colon)
    }
    pos = mark
    return false
  }

  /// `RAISE_SYNTAX_ERROR_STARTING_FROM`: from `token` to the tokenizer's position (the end of
  /// the last token fetched).
  func raiseStartingFrom(_ message: String, _ token: ParserToken) -> ParseFailure {
    let last = tokens[tokens.count - 1]
    var span = token.span
    span.endLineno = last.end.line
    span.endColOffset = last.end.column - 1
    return raise(message, span: span)
  }

  /// `invalid_dict_comprehension`, after `{`: `**mapping for …`.
  func invalidDictComprehension() throws(ParseFailure) {
    guard let star = accept(.doubleStar),
      try attempt({ parser throws(ParseFailure) in try parser.bitwiseOr() }) != nil,
      startsComprehension(),
      try attempt({ parser throws(ParseFailure) in try parser.forIfClauses() }) != nil,
      check(.rbrace)
    else { return }
    throw raise("dict unpacking cannot be used in dict comprehension", at: star)
  }

  /// `invalid_comprehension`, after the opening bracket.
  func invalidComprehension(_ open: ParserToken) throws(ParseFailure) {
    let start = pos
    if let star = accept(.star) {
      if try attempt({ parser throws(ParseFailure) in try parser.expression() }) != nil, startsComprehension() {
        let starred = span(from: star)
        if try attempt({ parser throws(ParseFailure) in try parser.forIfClauses() }) != nil {
          throw raise("iterable unpacking cannot be used in comprehension", span: starred)
        }
      }
      pos = start
    }
    guard open.kind != .lpar,
      let first = try attempt({ parser throws(ParseFailure) in try parser.starNamedExpression() }),
      let comma = accept(.comma)
    else { return }
    var last: Expr?
    while Parser.startsExpression(peek()),
      let item = try attempt({ parser throws(ParseFailure) in try parser.starNamedExpression() }) {
      last = item
      guard accept(.comma) != nil else { break }
    }
    guard startsComprehension(), try attempt({ parser throws(ParseFailure) in try parser.forIfClauses() }) != nil
    else { return }
    throw raise("did you forget parentheses around the comprehension target?",
                span: SourceSpan(from: first.span, to: last?.span ?? comma.span))
  }
}
