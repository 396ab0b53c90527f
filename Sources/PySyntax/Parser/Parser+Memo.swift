/// Memoization for the second pass, as CPython memoizes its `(memo)` rules.
///
/// The second pass's checks parse ahead from many positions (every `expression` first tries
/// `disjunction expression` to find a missing comma), so `expression`, `disjunction` and
/// `invalid_named_expression` remember their result per token position. The first pass
/// decides with one token of lookahead and needs no memo.
///
/// CPython: Parser/pegen.c, `_PyPegen_is_memoized()` and `_PyPegen_insert_memo()`.
struct MemoKey: Hashable {
  enum Rule: UInt8 {
    case expression, disjunction, invalidNamedExpression
  }

  var rule: Rule
  var position: Int
}

extension Parser {
  /// Runs `body` once per position for `rule`, and replays its result (or failure) after.
  /// Each run counts against the second pass's budget: past it, the pass gives up and the
  /// error is the generic one, which keeps the pass linear even on pathological input.
  func memoized(
    _ rule: MemoKey.Rule, _ body: (Parser) throws(ParseFailure) -> Expr
  ) throws(ParseFailure) -> Expr {
    let key = MemoKey(rule: rule, position: pos)
    if let entry = memo[key] {
      guard let expr = entry.expr else { throw ParseFailure() }
      pos = entry.end
      return expr
    }
    secondPassSteps += 1
    if isFatal { throw ParseFailure() }
    do throws(ParseFailure) {
      let expr = try body(self)
      memo[key] = (expr, pos)
      return expr
    } catch {
      if !isFatal { memo[key] = (nil, pos) }
      throw error
    }
  }
}
