/// Patterns of `case` clauses (PEP 634).
///
/// ```
/// patterns:         open_sequence_pattern | pattern            (`case a, *b:` is a sequence)
/// pattern:          or_pattern ['as' NAME]
/// or_pattern:       '|'.closed_pattern+
/// closed_pattern:   literal | capture | wildcard | value | group | sequence | mapping | class
/// literal:          signed_number | signed_number ('+'|'-') imaginary | strings | None | True | False
/// capture:          NAME (not `_`, not followed by '.', '(' or '=')
/// value:            NAME ('.' NAME)+                           (compared with ==)
/// group:            '(' pattern ')'
/// sequence:         '[' [items] ']' | '(' [item ',' [items]] ')'
/// mapping:          '{' [(literal | value) ':' pattern, …] ['**' NAME] '}'
/// class:            name_or_attr '(' [pattern, …] [NAME '=' pattern, …] ')'
/// ```
///
/// A closed pattern is chosen by its first token (and, after a name, by the next one). `_`
/// is always the wildcard, as in the grammar, where that alternative is tried first.
///
/// CPython: Grammar/python.gram, "Match statement".
extension Parser {
  /// `patterns`: a pattern, or an open sequence `a, *b`.
  func patterns() throws(ParseFailure) -> Pattern {
    let start = peek()
    let first = try maybeStarPattern()
    guard accept(.comma) != nil else {
      if case .matchStar = first.kind { throw ParseFailure() }
      return first
    }
    var items = [first]
    while Parser.startsPattern(peek()) {
      items.append(try maybeStarPattern())
      guard accept(.comma) != nil else { break }
    }
    return Pattern(.matchSequence(patterns: items), span(from: start))
  }

  /// `pattern`: `or_pattern ['as' capture_target]`.
  func pattern() throws(ParseFailure) -> Pattern {
    let start = peek()
    try enter()
    defer { leave() }
    let alternatives = try orPattern()
    guard check(.as) else { return alternatives }
    if callInvalidRules { try invalidAsPattern(alternatives) }
    advance()
    let name = try captureTarget()
    return Pattern(.matchAs(pattern: alternatives, name: name), span(from: start))
  }

  /// `or_pattern`.
  func orPattern() throws(ParseFailure) -> Pattern {
    let start = peek()
    let first = try closedPattern()
    guard check(.vbar) else { return first }
    var alternatives = [first]
    while accept(.vbar) != nil { alternatives.append(try closedPattern()) }
    return Pattern(.matchOr(patterns: alternatives), span(from: start))
  }

  /// `maybe_star_pattern`: `*name`, `*_`, or a pattern.
  func maybeStarPattern() throws(ParseFailure) -> Pattern {
    guard let star = accept(.star) else { return try pattern() }
    let name = try captureTargetOrWildcard()
    return Pattern(.matchStar(name: name), span(from: star))
  }

  /// Whether `token` can start a pattern or star pattern.
  static func startsPattern(_ token: ParserToken) -> Bool {
    switch token.kind {
    case .name: return token.keyword == nil || token.keyword == .noneLiteral || token.keyword == .trueLiteral || token.keyword == .falseLiteral
    case .number, .string, .minus, .lpar, .lsqb, .lbrace, .star: return true
    default: return false
    }
  }

  /// `closed_pattern`.
  func closedPattern() throws(ParseFailure) -> Pattern {
    let token = peek()
    switch token.kind {
    case .number, .minus:
      let value = try signedNumberPattern()
      return Pattern(.matchValue(value: value), value.span)
    case .string:
      let value = try patternString()
      return Pattern(.matchValue(value: value), value.span)
    case .name:
      switch token.keyword {
      case .noneLiteral:
        advance()
        return Pattern(.matchSingleton(value: .none), token.span)
      case .trueLiteral:
        advance()
        return Pattern(.matchSingleton(value: .bool(true)), token.span)
      case .falseLiteral:
        advance()
        return Pattern(.matchSingleton(value: .bool(false)), token.span)
      case nil:
        return try namePattern()
      default:
        throw ParseFailure()
      }
    case .lpar:
      return try groupOrSequencePattern()
    case .lsqb:
      let open = advance()
      var items: [Pattern] = []
      while !check(.rsqb) {
        items.append(try maybeStarPattern())
        guard accept(.comma) != nil else { break }
      }
      _ = try expect(.rsqb)
      return Pattern(.matchSequence(patterns: items), span(from: open))
    case .lbrace:
      return try mappingPattern()
    default:
      throw ParseFailure()
    }
  }

  /// A pattern starting with a name: wildcard, capture, value or class pattern.
  func namePattern() throws(ParseFailure) -> Pattern {
    let token = peek()
    if checkSoftKeyword("_") {
      advance()
      return Pattern(.matchAs(pattern: nil, name: nil), token.span)
    }
    let next = peek(1).kind
    if next != .dot, next != .lpar {
      if next == .equal { throw ParseFailure() }
      advance()
      return Pattern(.matchAs(pattern: nil, name: identifier(token)), token.span)
    }
    let value = try nameOrAttribute()
    if check(.lpar) { return try classPattern(value) }
    if check(.equal) || value.isName { throw ParseFailure() }
    return Pattern(.matchValue(value: value), value.span)
  }

  /// `name_or_attr`: `a` or `a.b.c`, in `Load` context.
  func nameOrAttribute() throws(ParseFailure) -> Expr {
    let start = try expectName()
    var value = Expr(.name(id: identifier(start), ctx: .load), start.span)
    while accept(.dot) != nil {
      let name = try expectName()
      value = Expr(.attribute(value: value, attr: identifier(name), ctx: .load), span(from: start))
    }
    return value
  }

  /// `class_pattern`: `cls(positional, …, keyword=pattern, …)`.
  func classPattern(_ cls: Expr) throws(ParseFailure) -> Pattern {
    advance()
    var patterns: [Pattern] = []
    var keywords: [String] = []
    var keywordPatterns: [Pattern] = []
    while !check(.rpar) {
      if peek().isName, peek(1).kind == .equal {
        let name = advance()
        advance()
        keywords.append(identifier(name))
        keywordPatterns.append(try pattern())
      } else {
        if !keywords.isEmpty {
          if callInvalidRules { try invalidClassPattern(cls) }
          throw ParseFailure()
        }
        patterns.append(try pattern())
      }
      guard accept(.comma) != nil else { break }
    }
    _ = try expect(.rpar)
    return Pattern(.matchClass(cls: cls, patterns: patterns, kwdAttrs: keywords, kwdPatterns: keywordPatterns),
                   span(from: cls.span))
  }

  /// `group_pattern | sequence_pattern` starting with `(`.
  func groupOrSequencePattern() throws(ParseFailure) -> Pattern {
    let open = advance()
    if accept(.rpar) != nil { return Pattern(.matchSequence(patterns: []), span(from: open)) }
    let first = try maybeStarPattern()
    if accept(.comma) != nil {
      var items = [first]
      while !check(.rpar) {
        items.append(try maybeStarPattern())
        guard accept(.comma) != nil else { break }
      }
      _ = try expect(.rpar)
      return Pattern(.matchSequence(patterns: items), span(from: open))
    }
    _ = try expect(.rpar)
    if case .matchStar = first.kind { throw ParseFailure() }
    return first
  }

  /// `mapping_pattern`.
  func mappingPattern() throws(ParseFailure) -> Pattern {
    let open = advance()
    var keys: [Expr] = []
    var values: [Pattern] = []
    var rest: String?
    while !check(.rbrace) {
      if accept(.doubleStar) != nil {
        rest = try captureTarget()
        _ = accept(.comma)
        break
      }
      keys.append(try mappingKey())
      _ = try expect(.colon)
      values.append(try pattern())
      guard accept(.comma) != nil else { break }
    }
    _ = try expect(.rbrace)
    return Pattern(.matchMapping(keys: keys, patterns: values, rest: rest), span(from: open))
  }

  /// A mapping pattern's key: `literal_expr | attr`.
  func mappingKey() throws(ParseFailure) -> Expr {
    let token = peek()
    switch token.kind {
    case .number, .minus: return try signedNumberPattern()
    case .string: return try patternString()
    case .name:
      switch token.keyword {
      case .noneLiteral, .trueLiteral, .falseLiteral: return try atom()
      case nil:
        let value = try nameOrAttribute()
        if value.isName { throw ParseFailure() }
        return value
      default: throw ParseFailure()
      }
    default:
      throw ParseFailure()
    }
  }

  /// `signed_number` or `complex_number`: `1`, `-1.5`, `1+2j`, `-1-2j`.
  func signedNumberPattern() throws(ParseFailure) -> Expr {
    let start = peek()
    let real = try signedNumber()
    let op: Operator
    switch peek().kind {
    case .plus: op = .add
    case .minus: op = .sub
    default: return real
    }
    // CPython's actions `_PyPegen_ensure_real()` and `_PyPegen_ensure_imaginary()` raise
    // these in either pass.
    let realNumber = real.kind.unsignedNumber ?? real
    guard case .constant(let value, _) = realNumber.kind, value.isRealNumber else {
      throw raise("real number required in complex literal", span: realNumber.span)
    }
    advance()
    let token = try expect(.number)
    let imaginary = Expr(.constant(value: try numberValue(token), kind: nil), token.span)
    guard case .constant(.complex, _) = imaginary.kind else {
      throw raise("imaginary number required in complex literal", span: imaginary.span)
    }
    return Expr(.binOp(left: real, op: op, right: imaginary), span(from: start))
  }

  /// `signed_number`: `NUMBER` or `'-' NUMBER`.
  func signedNumber() throws(ParseFailure) -> Expr {
    if let minus = accept(.minus) {
      let token = try expect(.number)
      let value = Expr(.constant(value: try numberValue(token), kind: nil), token.span)
      return Expr(.unaryOp(op: .uSub, operand: value), span(from: minus))
    }
    let token = try expect(.number)
    return Expr(.constant(value: try numberValue(token), kind: nil), token.span)
  }

  /// A string literal in a pattern. Python 3.11's grammar accepts f-strings here (the
  /// compiler rejects them later).
  func patternString() throws(ParseFailure) -> Expr {
    try strings()
  }

  /// `pattern_capture_target`: a name other than `_`, not followed by `.`, `(` or `=`.
  func captureTarget() throws(ParseFailure) -> String {
    guard peek().isName, !checkSoftKeyword("_") else { throw ParseFailure() }
    let next = peek(1).kind
    guard next != .dot, next != .lpar, next != .equal else { throw ParseFailure() }
    return advanceIdentifier()
  }

  /// After `*` in a sequence: a capture target, or `_` (nil).
  func captureTargetOrWildcard() throws(ParseFailure) -> String? {
    if checkSoftKeyword("_") {
      advance()
      return nil
    }
    return try captureTarget()
  }
}

extension Expr {
  var isName: Bool {
    if case .name = kind { return true }
    return false
  }
}

extension Expr.Kind {
  /// The number inside `-number`; nil if this is not a negation.
  var unsignedNumber: Expr? {
    if case .unaryOp(.uSub, let operand) = self { return operand }
    return nil
  }
}

extension ConstantValue {
  /// An int or a float (what may stand before `+`/`-` in a complex literal pattern).
  var isRealNumber: Bool {
    switch self {
    case .int, .float: return true
    default: return false
    }
  }
}
