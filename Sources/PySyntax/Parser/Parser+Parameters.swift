/// Parameter lists of `def` and `lambda` (``expression()`` reads the rest of a lambda).
///
/// ```
/// parameters:  [posonly '/' ','] [plain] ['*' [vararg] kwonly…] ['**' kwarg] [',']
///   posonly, plain:  param ['=' default]    (once one has a default, the rest need one)
///   vararg:          param (a `def` may annotate it with a starred expression: `*a: *Ts`)
///   kwonly:          param ['=' default]    (at least one after a bare '*')
///   kwarg:           param                  (nothing may follow)
/// param:       NAME [':' expression]        (no annotations in a lambda)
/// lambdef:     'lambda' [lambda_params] ':' expression
/// ```
///
/// The grammar spells this out as a dozen rules (`slash_no_default`, `star_etc`, …); one
/// scan over the list with a few flags accepts the same lists. Each `arg` spans its name and
/// annotation only.
///
/// CPython: Grammar/python.gram, "Function definitions" and "Lambda functions";
/// Parser/action_helpers.c, `_PyPegen_make_arguments()`.
extension Parser {
  /// The parameters up to (not including) `closing`: `)` for `def`, `:` for `lambda`.
  ///
  /// In the second pass the mistakes CPython names get their messages (`non-default
  /// argument follows default argument`, `/ may appear only once`, …), raised where the scan
  /// meets them. CPython: `invalid_parameters`, `invalid_default`, `invalid_star_etc`,
  /// `invalid_kwds` and their `lambda` twins.
  @inline(never)
  func parameters(closing: TokenKind) throws(ParseFailure) -> Arguments {
    let isLambda = closing == .colon
    var result = Arguments()
    var positional: [Arg] = []
    var sawDefault = false
    var sawSlash = false
    var sawStar = false
    var bareStar = false
    while !check(closing) {
      let token = peek()
      switch token.kind {
      case .slash:
        if callInvalidRules { try invalidSlash(token, noParameters: positional.isEmpty && !sawSlash, sawSlash: sawSlash, sawStar: sawStar) }
        guard !positional.isEmpty, !sawSlash, !sawStar else { throw ParseFailure() }
        advance()
        result.posonlyargs = positional
        positional = []
        sawSlash = true
      case .star:
        if callInvalidRules { try invalidStar(token, sawStar: sawStar, closing: closing) }
        guard !sawStar else { throw ParseFailure() }
        advance()
        sawStar = true
        if check(.comma) {
          bareStar = true
        } else {
          result.vararg = try parameter(annotated: !isLambda, starAnnotation: true)
          if callInvalidRules, let equal = accept(.equal) {
            throw raise("var-positional argument cannot have default value", at: equal)
          }
        }
      case .doubleStar:
        advance()
        result.kwarg = try parameter(annotated: !isLambda, starAnnotation: false)
        if callInvalidRules { try invalidKwargs(closing: closing) }
        _ = accept(.comma)
        guard check(closing) else { throw ParseFailure() }
        continue
      default:
        if callInvalidRules, token.kind == .lpar { try invalidParenthesizedParameters(isLambda: isLambda) }
        let param = try parameter(annotated: !isLambda, starAnnotation: false)
        var value: Expr?
        if let equal = accept(.equal) {
          if callInvalidRules, check(.comma) || check(closing) {
            throw raise("expected default value expression", at: equal)
          }
          value = try expression()
        }
        if sawStar {
          result.kwonlyargs.append(param)
          result.kwDefaults.append(value)
        } else {
          if let value {
            result.defaults.append(value)
            sawDefault = true
          } else if sawDefault {
            if callInvalidRules, check(.comma) || check(closing) {
              throw raise("non-default argument follows default argument", span: param.span)
            }
            throw ParseFailure()
          }
          positional.append(param)
        }
      }
      guard accept(.comma) != nil else { break }
    }
    if bareStar, result.kwonlyargs.isEmpty { throw ParseFailure() }
    result.args = positional
    return result
  }

  /// `param`: a name with an optional annotation (`: *Ts` allowed for `*args`).
  @inline(never)
  func parameter(annotated: Bool, starAnnotation: Bool) throws(ParseFailure) -> Arg {
    let name = try expectName()
    var annotation: Expr?
    if annotated, accept(.colon) != nil {
      annotation = starAnnotation ? try starExpression() : try expression()
    }
    return Arg(arg: identifier(name), annotation: annotation, span: span(from: name))
  }
}
