/// Primaries and atoms: names, literals, displays, and the trailers `.name`, `(args)`,
/// `[slices]`.
///
/// ```
/// primary:  primary '.' NAME | primary genexp | primary '(' [arguments] ')'
///         | primary '[' slices ']' | atom
/// atom:     NAME | 'True' | 'False' | 'None' | strings | NUMBER | '...'
///         | tuple | group | genexp | list | listcomp | dict | set | dictcomp | setcomp
/// slices:   slice !',' | ','.(slice | starred_expression)+ [',']          → Tuple
/// slice:    [expression] ':' [expression] [':' [expression]] | named_expression
/// ```
///
/// A parenthesized atom is told apart by what follows its first element: `)` makes a group
/// (the element itself, whose span excludes the parentheses), `,` a tuple, `for` a
/// generator expression. Brackets and braces likewise.
///
/// CPython: Grammar/python.gram, "Primary elements", "Literals", "Comprehensions".
extension Parser {
  /// `primary`: an atom followed by any number of trailers.
  func primary() throws(ParseFailure) -> Expr {
    let start = peek()
    var value = try atom()
    // A trailer that fails to parse is left unread: `f(a b)` is the primary `f` followed by
    // an unexpected `(`, as in the grammar's ordered choice.
    while true {
      let mark = pos
      do throws(ParseFailure) {
        switch peek().kind {
        case .dot:
          advance()
          let name = try expectName()
          value = Expr(.attribute(value: value, attr: identifier(name), ctx: .load), span(from: start))
        case .lpar:
          value = try call(value, start: start)
        case .lsqb:
          value = try subscriptTrailer(value, start: start)
        default:
          return value
        }
      } catch {
        if isFatal { throw error }
        pos = mark
        return value
      }
    }
  }

  /// The trailer `[slices]` applied to `value`, which started at `start`.
  func subscriptTrailer(_ value: Expr, start: ParserToken) throws(ParseFailure) -> Expr {
    advance()
    try enter()
    defer { leave() }
    let slice = try slices()
    _ = try expect(.rsqb)
    return Expr(.subscript(value: value, slice: slice, ctx: .load), span(from: start))
  }

  /// `atom`.
  func atom() throws(ParseFailure) -> Expr {
    let token = peek()
    switch token.kind {
    case .name:
      switch token.keyword {
      case nil:
        advance()
        return Expr(.name(id: identifier(token), ctx: .load), token.span)
      case .trueLiteral:
        advance()
        return Expr(.constant(value: .bool(true), kind: nil), token.span)
      case .falseLiteral:
        advance()
        return Expr(.constant(value: .bool(false), kind: nil), token.span)
      case .noneLiteral:
        advance()
        return Expr(.constant(value: .none, kind: nil), token.span)
      default:
        throw ParseFailure()
      }
    case .number:
      advance()
      return Expr(.constant(value: try numberValue(token), kind: nil), token.span)
    case .string:
      return try strings()
    case .ellipsis:
      advance()
      return Expr(.constant(value: .ellipsis, kind: nil), token.span)
    case .lpar:
      return try parenthesized()
    case .lsqb:
      return try listDisplay()
    case .lbrace:
      return try braceDisplay()
    default:
      throw ParseFailure()
    }
  }

  /// `tuple | group | genexp`.
  func parenthesized() throws(ParseFailure) -> Expr {
    let open = advance()
    if accept(.rpar) != nil { return Expr(.tuple(elts: [], ctx: .load), span(from: open)) }
    try enter()
    defer { leave() }
    do throws(ParseFailure) {
      return try parenthesizedBody(open)
    } catch {
      throw invalidDisplay(open, error)
    }
  }

  func parenthesizedBody(_ open: ParserToken) throws(ParseFailure) -> Expr {
    if check(.yield) {
      let value = try yieldExpression()
      _ = try expect(.rpar)
      return value
    }
    if callInvalidRules { try invalidGroup() }
    let first = try starNamedExpression()
    if startsComprehension(), !first.isStarred {
      let generators = try forIfClauses()
      _ = try expect(.rpar)
      return Expr(.generatorExp(elt: first, generators: generators), span(from: open))
    }
    if accept(.comma) != nil {
      var elts = [first]
      while Parser.startsExpression(peek()) {
        elts.append(try starNamedExpression())
        guard accept(.comma) != nil else { break }
      }
      _ = try expect(.rpar)
      return Expr(.tuple(elts: elts, ctx: .load), span(from: open))
    }
    _ = try expect(.rpar)
    if first.isStarred { throw ParseFailure() }
    return first
  }

  /// `list | listcomp`.
  func listDisplay() throws(ParseFailure) -> Expr {
    let open = advance()
    if accept(.rsqb) != nil { return Expr(.list(elts: [], ctx: .load), span(from: open)) }
    try enter()
    defer { leave() }
    do throws(ParseFailure) {
      return try listBody(open)
    } catch {
      throw invalidDisplay(open, error)
    }
  }

  func listBody(_ open: ParserToken) throws(ParseFailure) -> Expr {
    let first = try starNamedExpression()
    if startsComprehension(), !first.isStarred {
      let generators = try forIfClauses()
      _ = try expect(.rsqb)
      return Expr(.listComp(elt: first, generators: generators), span(from: open))
    }
    var elts = [first]
    while accept(.comma) != nil, Parser.startsExpression(peek()) {
      elts.append(try starNamedExpression())
    }
    _ = try expect(.rsqb)
    return Expr(.list(elts: elts, ctx: .load), span(from: open))
  }

  /// `dict | set | dictcomp | setcomp`.
  func braceDisplay() throws(ParseFailure) -> Expr {
    let open = advance()
    if accept(.rbrace) != nil { return Expr(.dict(keys: [], values: []), span(from: open)) }
    try enter()
    defer { leave() }
    do throws(ParseFailure) {
      return try braceBody(open)
    } catch {
      throw invalidDisplay(open, error)
    }
  }

  func braceBody(_ open: ParserToken) throws(ParseFailure) -> Expr {
    if check(.doubleStar) { return try dictDisplay(open: open, firstKey: nil) }
    if check(.star) { return try setDisplay(open: open, first: try starNamedExpression()) }
    if peek().isName, peek(1).kind == .colonEqual {
      return try setDisplay(open: open, first: try assignmentExpression())
    }
    if callInvalidRules { try invalidNamedExpression() }
    let first = try expression()
    if check(.colon) { return try dictDisplay(open: open, firstKey: first) }
    if check(.colonEqual) { throw ParseFailure() }
    return try setDisplay(open: open, first: first)
  }

  /// The rest of a dict display or comprehension. `firstKey` nil: it starts with `**`.
  func dictDisplay(open: ParserToken, firstKey: Expr?) throws(ParseFailure) -> Expr {
    var keys: [Expr?] = []
    var values: [Expr] = []
    if let firstKey {
      _ = try expect(.colon)
      let value = try expression()
      if startsComprehension() {
        let generators = try forIfClauses()
        _ = try expect(.rbrace)
        return Expr(.dictComp(key: firstKey, value: value, generators: generators), span(from: open))
      }
      keys.append(firstKey)
      values.append(value)
      guard accept(.comma) != nil else {
        _ = try expect(.rbrace)
        return Expr(.dict(keys: keys, values: values), span(from: open))
      }
    }
    while !check(.rbrace) {
      if accept(.doubleStar) != nil {
        keys.append(nil)
        values.append(try bitwiseOr())
      } else {
        keys.append(try laterDictionaryKey())
        _ = try expect(.colon)
        values.append(try expression())
      }
      guard accept(.comma) != nil else { break }
    }
    _ = try expect(.rbrace)
    return Expr(.dict(keys: keys, values: values), span(from: open))
  }

  /// The key of a dictionary item after the first.
  ///
  /// CPython's second pass reports a mistake in such a key as `':' expected after dictionary
  /// key` rather than as the mistake itself, unless the key starts with a bracket (as
  /// measured: `{1: 2, f(a b): 3}` and `{1: 2, a b: 3}` give the former, `{1: 2, (a b): 3}`
  /// `Perhaps you forgot a comma?`). The parser reproduces this by reading such keys
  /// without its checks.
  func laterDictionaryKey() throws(ParseFailure) -> Expr {
    let first = peek().kind
    if first == .lpar || first == .lsqb || first == .lbrace { return try expression() }
    let saved = callInvalidRules
    callInvalidRules = false
    defer { callInvalidRules = saved }
    return try expression()
  }

  /// The rest of a set display or comprehension after its first element.
  func setDisplay(open: ParserToken, first: Expr) throws(ParseFailure) -> Expr {
    if startsComprehension(), !first.isStarred {
      let generators = try forIfClauses()
      _ = try expect(.rbrace)
      return Expr(.setComp(elt: first, generators: generators), span(from: open))
    }
    var elts = [first]
    while accept(.comma) != nil, Parser.startsExpression(peek()) {
      elts.append(try starNamedExpression())
    }
    _ = try expect(.rbrace)
    return Expr(.set(elts: elts), span(from: open))
  }

  /// Whether a comprehension clause (`for` or `async for`) starts here.
  func startsComprehension() -> Bool {
    let token = peek()
    return token.keyword == .for || (token.keyword == .async && peek(1).keyword == .for)
  }

  /// `for_if_clauses`: `for target in iter if cond …`, repeated.
  func forIfClauses() throws(ParseFailure) -> [Comprehension] {
    var generators: [Comprehension] = []
    while startsComprehension() {
      let isAsync = accept(HardKeyword.async) != nil
      advance()
      let target = try forTargets()
      let iter = try disjunction()
      var ifs: [Expr] = []
      while accept(.if) != nil { ifs.append(try disjunction()) }
      generators.append(Comprehension(target: target, iter: iter, ifs: ifs, isAsync: isAsync))
    }
    return generators
  }

  /// `slices`.
  func slices() throws(ParseFailure) -> Expr {
    let start = peek()
    let first = try sliceOrStarred()
    guard check(.comma) || first.isStarred else { return first }
    var elts = [first]
    while accept(.comma) != nil {
      guard Parser.startsExpression(peek()) || check(.colon) else { break }
      elts.append(try sliceOrStarred())
    }
    return Expr(.tuple(elts: elts, ctx: .load), span(from: start))
  }

  /// `slice | starred_expression`.
  func sliceOrStarred() throws(ParseFailure) -> Expr {
    if let star = accept(.star) {
      let value = try expression()
      return Expr(.starred(value: value, ctx: .load), span(from: star))
    }
    return try slice()
  }

  /// `slice`: `lower:upper:step` with each part optional, or a named expression.
  func slice() throws(ParseFailure) -> Expr {
    let start = peek()
    var lower: Expr?
    if !check(.colon) {
      if peek().isName, peek(1).kind == .colonEqual { return try assignmentExpression() }
      let mark = pos
      let value = try expression()
      guard check(.colon) else {
        // Not a slice: the grammar's other alternative is `named_expression`.
        if callInvalidRules {
          let after = pos
          pos = mark
          try invalidNamedExpression()
          pos = after
        }
        if check(.colonEqual) { throw ParseFailure() }
        return value
      }
      lower = value
    }
    advance()
    let upper = Parser.startsExpression(peek(), allowStar: false) ? try expression() : nil
    var step: Expr?
    if accept(.colon) != nil, Parser.startsExpression(peek(), allowStar: false) {
      step = try expression()
    }
    return Expr(.slice(lower: lower, upper: upper, step: step), span(from: start))
  }
}

extension Expr {
  var isStarred: Bool {
    if case .starred = kind { return true }
    return false
  }
}
