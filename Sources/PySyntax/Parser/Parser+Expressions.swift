/// Expressions from `star_expressions` down to `power`: tuples without brackets, starred
/// and named expressions, conditional expressions, `or`/`and`/`not`, chained comparisons and
/// the binary operators by precedence.
///
/// ```
/// star_expressions:  star_expression (',' star_expression)* [',']        → Tuple if a comma
/// star_expression:   '*' bitwise_or | expression
/// named_expression:  NAME ':=' expression | expression !':='
/// expression:        disjunction 'if' disjunction 'else' expression | disjunction | lambdef
/// disjunction:       conjunction ('or' conjunction)*                      → one BoolOp
/// conjunction:       inversion ('and' inversion)*
/// inversion:         'not' inversion | comparison
/// comparison:        bitwise_or (compare_op bitwise_or)*                  → one Compare
/// bitwise_or … term: left-associative binary operators, loosest first
/// factor:            ('+' | '-' | '~') factor | power
/// power:             await_primary ['**' factor]                           (right-associative)
/// ```
///
/// Chains that nest to the right (`not not x`, `-x ** -y`, `lambda: lambda: x`,
/// `a if b else c if d else e`) are read in loops and built afterwards, so they take no
/// native stack however long they are; binary operators use precedence climbing, so a level
/// of brackets costs a handful of frames. An operator whose right operand does not parse is
/// left unread, as the grammar's ordered choice leaves it.
///
/// In the second pass, `expression` and `named_expression` first run their `invalid_*`
/// checks (see Parser+InvalidExpressions.swift), and `expression` and `disjunction` are
/// memoized so that those checks, which parse ahead, keep the pass linear.
///
/// CPython: Grammar/python.gram, "EXPRESSIONS".
extension Parser {
  /// Whether `token` can start an expression; with `allowStar`, a starred one too.
  static func startsExpression(_ token: ParserToken, allowStar: Bool = true) -> Bool {
    switch token.kind {
    case .name:
      switch token.keyword {
      case nil, .not, .lambda, .await, .falseLiteral, .noneLiteral, .trueLiteral: return true
      default: return false
      }
    case .number, .string, .lpar, .lsqb, .lbrace, .minus, .plus, .tilde, .ellipsis:
      return true
    case .star:
      return allowStar
    default:
      return false
    }
  }

  /// `star_expressions`.
  func starExpressions() throws(ParseFailure) -> Expr {
    let start = peek()
    let first = try starExpression()
    guard check(.comma) else { return first }
    var elts = [first]
    while accept(.comma) != nil {
      guard Parser.startsExpression(peek()) else { break }
      let mark = pos
      do throws(ParseFailure) {
        elts.append(try starExpression())
      } catch {
        if isFatal { throw error }
        pos = mark
        break
      }
    }
    return Expr(.tuple(elts: elts, ctx: .load), span(from: start))
  }

  /// `star_expression`.
  func starExpression() throws(ParseFailure) -> Expr {
    guard let star = accept(.star) else { return try expression() }
    let value = try bitwiseOr()
    return Expr(.starred(value: value, ctx: .load), span(from: star))
  }

  /// `star_named_expression`: an element of a list, tuple or set display.
  func starNamedExpression() throws(ParseFailure) -> Expr {
    guard let star = accept(.star) else { return try namedExpression() }
    let value = try bitwiseOr()
    return Expr(.starred(value: value, ctx: .load), span(from: star))
  }

  /// `named_expression`: an expression, or `name := expression`.
  func namedExpression() throws(ParseFailure) -> Expr {
    if peek().isName, peek(1).kind == .colonEqual { return try assignmentExpression() }
    if callInvalidRules { try invalidNamedExpression() }
    let value = try expression()
    if check(.colonEqual) { throw ParseFailure() }
    return value
  }

  /// `assignment_expression`: `NAME ':=' expression`.
  /// - Precondition: the next tokens are a NAME and `:=`.
  func assignmentExpression() throws(ParseFailure) -> Expr {
    let name = advance()
    advance()
    let value = try expression()
    let target = Expr(.name(id: identifier(name), ctx: .store), name.span)
    return Expr(.namedExpr(target: target, value: value), span(from: name))
  }

  /// `expression`: a conditional expression, a lambda, or a disjunction.
  ///
  /// The chains that nest to the right, `a if b else c if d else e` and
  /// `lambda: lambda: x`, are read in a loop and built from the inside out once the last
  /// operand is read, so they take no stack per link (each link still counts toward
  /// ``maxDepth``). In the second pass each link is an `expression` and gets its checks.
  func expression() throws(ParseFailure) -> Expr {
    if callInvalidRules {
      return try memoized(.expression) { parser throws(ParseFailure) in try parser.expressionChain(start: nil, body: nil) }
    }
    if !check(.lambda) {
      let start = peek()
      let body = try disjunction()
      if !check(.if) { return body }
      return try expressionChain(start: start, body: body)
    }
    return try expressionChain(start: nil, body: nil)
  }

  /// The general case of ``expression()``: a chain of lambdas and conditional expressions,
  /// possibly after a `body` already read (which started at `start`).
  ///
  /// As in the grammar's ordered choice, a conditional expression whose `if … else …` part
  /// fails is just its body: the chain falls back to the innermost conditional link that can
  /// end there (lambdas cannot) and leaves the rest unread.
  @inline(never)
  func expressionChain(start first: ParserToken?, body firstBody: Expr?) throws(ParseFailure) -> Expr {
    var links: [ExpressionLink] = []
    var entered = 0
    defer { depth -= entered }
    var pending = firstBody.map { (first!, $0) }
    var result: Expr
    do throws(ParseFailure) {
      while true {
        let start: ParserToken
        let body: Expr
        if let (token, value) = pending {
          (start, body) = (token, value)
          pending = nil
        } else {
          if callInvalidRules { try invalidExpression() }
          if let lambda = accept(.lambda) {
            let args = try parameters(closing: .colon)
            _ = try expect(.colon)
            links.append(.lambda(lambda, args))
            entered += 1
            try enter()
            continue
          }
          start = peek()
          body = try disjunction()
        }
        let ifMark = pos
        guard accept(.if) != nil else {
          result = body
          break
        }
        links.append(.conditional(start, body, test: nil, ifMark: ifMark))
        entered += 1
        try enter()
        let test = try disjunction()
        _ = try expect(.else)
        links[links.count - 1] = .conditional(start, body, test: test, ifMark: ifMark)
      }
    } catch {
      if isFatal { throw error }
      while case .lambda? = links.last { links.removeLast() }
      guard case .conditional(_, let body, _, let ifMark)? = links.popLast() else { throw error }
      pos = ifMark
      result = body
    }
    return buildChain(links, innermost: result)
  }

  /// A pending `lambda args:` or `body if test else` whose last operand is still to come.
  enum ExpressionLink {
    case lambda(ParserToken, Arguments)
    /// `test` is nil while it is being read; `ifMark` is the position of the `if`.
    case conditional(ParserToken, Expr, test: Expr?, ifMark: Int)
  }

  /// Wraps `innermost` in the pending links, innermost first.
  func buildChain(_ links: [ExpressionLink], innermost: Expr) -> Expr {
    var result = innermost
    for link in links.reversed() {
      switch link {
      case .lambda(let token, let args):
        result = Expr(.lambda(args: args, body: result), span(from: token))
      case .conditional(let start, let body, let test, _):
        result = Expr(.ifExp(test: test!, body: body, orelse: result), span(from: start))
      }
    }
    return result
  }

  /// `disjunction`: `a or b or c`. Memoized in the second pass.
  func disjunction() throws(ParseFailure) -> Expr {
    if callInvalidRules { return try memoized(.disjunction) { parser throws(ParseFailure) in try parser.disjunctionRule() } }
    return try disjunctionRule()
  }

  /// `disjunction`: `a or b or c`, one `BoolOp`.
  ///
  /// Here and in the other operator loops, an operator whose right operand fails to parse is
  /// left unread and the loop ends, as the grammar's `(op operand)*` does.
  func disjunctionRule() throws(ParseFailure) -> Expr {
    let start = peek()
    let first = try conjunction()
    guard check(.or) else { return first }
    var values = [first]
    while true {
      let mark = pos
      guard accept(.or) != nil else { break }
      do throws(ParseFailure) {
        values.append(try conjunction())
      } catch {
        if isFatal { throw error }
        pos = mark
        break
      }
    }
    return values.count == 1 ? first : Expr(.boolOp(op: .or, values: values), span(from: start))
  }

  /// `conjunction`: `a and b and c`, one `BoolOp`.
  func conjunction() throws(ParseFailure) -> Expr {
    let start = peek()
    let first = try inversion()
    guard check(.and) else { return first }
    var values = [first]
    while true {
      let mark = pos
      guard accept(.and) != nil else { break }
      do throws(ParseFailure) {
        values.append(try inversion())
      } catch {
        if isFatal { throw error }
        pos = mark
        break
      }
    }
    return values.count == 1 ? first : Expr(.boolOp(op: .and, values: values), span(from: start))
  }

  /// `inversion`: `not not x`, read in a loop.
  func inversion() throws(ParseFailure) -> Expr {
    var nots: [ParserToken] = []
    defer { depth -= nots.count }
    while let not = accept(.not) {
      nots.append(not)
      try enter()
    }
    var result = try comparison()
    for not in nots.reversed() {
      result = Expr(.unaryOp(op: .not, operand: result), span(from: not))
    }
    return result
  }

  /// `comparison`: `a < b == c not in d`, one `Compare` node.
  func comparison() throws(ParseFailure) -> Expr {
    let start = peek()
    let left = try bitwiseOr()
    var ops: [CmpOperator] = []
    var comparators: [Expr] = []
    while true {
      let mark = pos
      guard let op = try comparisonOperator() else { break }
      do throws(ParseFailure) {
        comparators.append(try bitwiseOr())
        ops.append(op)
      } catch {
        if isFatal { throw error }
        pos = mark
        break
      }
    }
    if ops.isEmpty { return left }
    return Expr(.compare(left: left, ops: ops, comparators: comparators), span(from: start))
  }

  /// Consumes a comparison operator (`not in` and `is not` are two tokens).
  func comparisonOperator() throws(ParseFailure) -> CmpOperator? {
    let token = peek()
    let op: CmpOperator
    var length = 1
    switch token.kind {
    case .eqEqual: op = .eq
    case .notEqual:
      // `<>` is NOTEQUAL to the tokenizer but only valid under `from __future__ import
      // barry_as_FLUFL`. CPython: `_PyPegen_check_barry_as_flufl()`.
      if source.bytes[token.start.offset] == UInt8(ascii: "<") { throw ParseFailure() }
      op = .notEq
    case .lessEqual: op = .ltE
    case .less: op = .lt
    case .greaterEqual: op = .gtE
    case .greater: op = .gt
    case .name:
      switch token.keyword {
      case .in: op = .in
      case .not:
        guard peek(1).keyword == .in else { return nil }
        op = .notIn
        length = 2
      case .is:
        if peek(1).keyword == .not {
          op = .isNot
          length = 2
        } else {
          op = .is
        }
      default: return nil
      }
    default: return nil
    }
    pos += length
    return op
  }

  /// `bitwise_or`: the binary operators from `|` to `*`, by precedence climbing.
  func bitwiseOr() throws(ParseFailure) -> Expr {
    try binaryOperation(above: 0)
  }

  /// Binary operators binding tighter than `level`, all left-associative:
  ///
  /// ```
  /// 1 |      2 ^      3 &      4 << >>      5 + -      6 * / // % @
  /// ```
  ///
  /// A run of one operator is a loop; only a tighter operator on the right recurses, so the
  /// recursion is at most six deep whatever the input.
  /// CPython: Grammar/python.gram, `bitwise_or` … `term`.
  func binaryOperation(above level: Int) throws(ParseFailure) -> Expr {
    let start = peek()
    var left = try factor()
    while let (op, precedence) = Parser.binaryOperator(peek().kind), precedence > level {
      let mark = pos
      advance()
      let right: Expr
      do throws(ParseFailure) {
        right = try binaryOperation(above: precedence)
      } catch {
        if isFatal { throw error }
        pos = mark
        break
      }
      left = Expr(.binOp(left: left, op: op, right: right), span(from: start))
    }
    return left
  }

  /// The operator a token spells and its precedence (see ``binaryOperation(above:)``).
  static func binaryOperator(_ kind: TokenKind) -> (Operator, Int)? {
    switch kind {
    case .vbar: return (.bitOr, 1)
    case .circumflex: return (.bitXor, 2)
    case .amper: return (.bitAnd, 3)
    case .leftShift: return (.lShift, 4)
    case .rightShift: return (.rShift, 4)
    case .plus: return (.add, 5)
    case .minus: return (.sub, 5)
    case .star: return (.mult, 6)
    case .slash: return (.div, 6)
    case .doubleSlash: return (.floorDiv, 6)
    case .percent: return (.mod, 6)
    case .at: return (.matMult, 6)
    default: return nil
    }
  }

  /// `factor` and `power`: unary `+ - ~` and `**`, which nest to the right
  /// (`-x ** -y ** z` is `-(x ** -(y ** z))`).
  ///
  /// Read in a loop as operands with their prefix operators, then built from the right, so
  /// that long chains take no stack (each operator counts toward ``maxDepth``).
  func factor() throws(ParseFailure) -> Expr {
    if Parser.unaryOperator(peek().kind) == nil {
      let start = peek()
      let value = try awaitPrimary()
      if !check(.doubleStar) { return value }
      return try powerChain(first: PowerOperand(prefixes: [], start: start, value: value))
    }
    return try powerChain(first: nil)
  }

  /// The general case of ``factor()``, after an optional first operand already read.
  @inline(never)
  func powerChain(first: PowerOperand?) throws(ParseFailure) -> Expr {
    var operands: [PowerOperand] = []
    var count = 0
    defer { depth -= count }
    var powerMark: Int?
    if let first {
      operands.append(first)
      powerMark = pos
      advance()
      count += 1
      try enter()
    }
    while true {
      do throws(ParseFailure) {
        var prefixes: [ParserToken] = []
        while Parser.unaryOperator(peek().kind) != nil {
          prefixes.append(advance())
          count += 1
          try enter()
        }
        let start = peek()
        operands.append(PowerOperand(prefixes: prefixes, start: start, value: try awaitPrimary()))
      } catch {
        // `x ** <not a factor>` is just `x`; a failed first operand fails the factor.
        guard let mark = powerMark, !isFatal else { throw error }
        pos = mark
        break
      }
      powerMark = pos
      guard accept(.doubleStar) != nil else { break }
      count += 1
      try enter()
    }
    return buildPower(operands)
  }

  /// Builds `a ** b ** c` from the right, with each operand's unary operators.
  func buildPower(_ operands: [PowerOperand]) -> Expr {
    var result = operands[operands.count - 1].value
    for index in stride(from: operands.count - 1, through: 0, by: -1) {
      let operand = operands[index]
      if index < operands.count - 1 {
        result = Expr(.binOp(left: operand.value, op: .pow, right: result), span(from: operand.start))
      }
      for prefix in operand.prefixes.reversed() {
        result = Expr(.unaryOp(op: Parser.unaryOperator(prefix.kind)!, operand: result), span(from: prefix))
      }
    }
    return result
  }

  /// One operand of a `**` chain and the unary operators before it.
  struct PowerOperand {
    var prefixes: [ParserToken]
    var start: ParserToken
    var value: Expr
  }

  static func unaryOperator(_ kind: TokenKind) -> UnaryOperator? {
    switch kind {
    case .plus: return .uAdd
    case .minus: return .uSub
    case .tilde: return .invert
    default: return nil
    }
  }

  /// `await_primary`.
  func awaitPrimary() throws(ParseFailure) -> Expr {
    guard let awaitToken = accept(HardKeyword.await) else { return try primary() }
    let value = try primary()
    return Expr(.await(value: value), span(from: awaitToken))
  }

  /// `yield_expr`: `yield from x`, `yield a, b`, `yield`.
  func yieldExpression() throws(ParseFailure) -> Expr {
    let start = try expect(.yield)
    if accept(.from) != nil {
      let value = try expression()
      return Expr(.yieldFrom(value: value), span(from: start))
    }
    let value = Parser.startsExpression(peek()) ? try starExpressions() : nil
    return Expr(.yield(value: value), span(from: start))
  }
}
