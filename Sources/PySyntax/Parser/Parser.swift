/// Python 3.11's parser: tokens in, a ``Module`` out, or the `SyntaxError` CPython raises.
///
/// A recursive-descent parser whose functions follow the rules of CPython's PEG grammar
/// (`star_expressions`, `named_expression`, `t_primary`, …) but decide between alternatives
/// by looking at one or two tokens instead of trying each in turn. The few places where the
/// grammar needs more (a `match` statement against an expression that starts with the name
/// `match`; an expression statement that turns out to be an assignment target) either try
/// once and fall back, or parse the general form and check it afterwards. Where the grammar's
/// ordered choice would settle for a shorter match (an operator whose right operand fails,
/// a trailer that does not parse, a conditional expression without its `else` part), the
/// parser does the same: it leaves the rest unread, so that the second pass below sees what
/// CPython's sees. Every token is read a bounded number of times, so parsing is linear in
/// the input.
///
/// The parser is a class: its functions recurse once per level of nesting, and a struct
/// `self` would be copied into the frames of a debug build; an object is one pointer. Its
/// stored properties are `@exclusivity(unchecked)`: a parser belongs to one thread, no
/// property is modified through two overlapping accesses (the test suite and the whole
/// standard library ran clean with the checks on), and the dynamic checks of class
/// properties (`swift_beginAccess`, a thread-local access set) cost about a seventh of the
/// parse time (perf, `pyheap-bench parse`).
///
/// Errors follow CPython's two passes:
///
/// 1. The first pass parses the grammar proper. A tokenizer error while fetching a token
///    ends it and is the answer. Otherwise, if it fails, the last token it fetched is
///    remembered.
/// 2. The second pass parses again from the start with the `invalid_*` rules switched on:
///    checks at the same places as CPython's that recognise common mistakes and raise their
///    specific messages (`expected ':'`, `cannot assign to function call here. Maybe you
///    meant '==' instead of '='?`, …). If none fires, the error is the generic
///    `invalid syntax` at the token remembered in pass 1 (`unexpected indent` if that token
///    is an INDENT). The checks parse ahead, so this pass memoizes `disjunction` by position
///    as CPython does, and gives up (with the generic error) after a budget linear in the
///    number of tokens.
///
/// After a parser error the rest of the source is tokenized: a tokenizer error there (an
/// unterminated string further down, a bracket opened on an earlier line and never closed)
/// replaces the parser's error, as in CPython.
///
/// Depth: brackets nest at most 200 deep (the tokenizer's limit) and blocks 100 (the
/// indentation limit). Chains that nest to the right without brackets (`- - x`, `not not x`,
/// `a ** b ** c`, `lambda: lambda: x`, `a if b else c if d else e`) are read in loops and
/// take no stack. Every level of nesting is counted in ``depth`` and limited to ``maxDepth``,
/// past which the source is "too complex" (CPython raises `MemoryError` at about the same
/// depth), and the native stack the parser uses is measured at each level and limited to
/// ``stackLimit``, so no input can overflow the stack.
///
/// State mirrors CPython's `Parser` struct:
///
/// ```
/// tokens, pos               p->tokens, p->mark (tokens.count is p->fill)
/// callInvalidRules          p->call_invalid_rules (second pass)
/// raisedError               the SyntaxError set by a RAISE_… macro (p->error_indicator)
/// tokenizerError            p->tok->done != E_OK
/// depth                     p->level
/// ```
///
/// CPython: Parser/pegen.c, `_PyPegen_run_parser()`; Parser/pegen_errors.c,
/// `_Pypegen_set_syntax_error()`; Grammar/python.gram.
public final class Parser {
  public let source: SourceFile
  @exclusivity(unchecked) var tokenizer: Tokenizer
  /// Every token fetched so far; fetched lazily, as CPython does, so that an error's
  /// location and the tokenizer errors that can preempt it are CPython's.
  @exclusivity(unchecked) var tokens: [ParserToken] = []
  /// Index of the next token to consume.
  @exclusivity(unchecked) var pos = 0
  /// Whether the `invalid_*` checks run (the second pass).
  @exclusivity(unchecked) var callInvalidRules = false
  /// A specific error raised by a check or by a forced token; parsing stops at once.
  @exclusivity(unchecked) var raisedError: PySyntaxError?
  /// The first tokenizer error; parsing stops at once.
  @exclusivity(unchecked) var tokenizerError: PySyntaxError?
  /// Current nesting, see ``maxDepth``.
  @exclusivity(unchecked) var depth = 0
  /// The address of a local of the outermost ``run(_:)``; see ``stackLimit``.
  @exclusivity(unchecked) var stackBase: UInt = 0
  /// Bytes of native stack the parser may use below ``stackBase``.
  @exclusivity(unchecked) var stackLimit = Parser.defaultStackLimit
  /// Work done by the second pass, see ``secondPassBudget``.
  @exclusivity(unchecked) var secondPassSteps = 0
  @exclusivity(unchecked) var secondPassBudget = Int.max
  /// Set for the parser of an f-string replacement field: how its positions map to the
  /// enclosing source.
  @exclusivity(unchecked) var fieldOrigin: FStringFieldOrigin?
  /// Warnings of the tokenizer and of string literals.
  @exclusivity(unchecked) public internal(set) var warnings: [PySyntaxWarning] = []
  /// `strings` results by start position, with the position after them.
  @exclusivity(unchecked) var stringCache: [Int: (expr: Expr, end: Int)] = [:]
  /// Second-pass memo of a few rules by position (CPython's `memo` rules).
  @exclusivity(unchecked) var memo: [MemoKey: (expr: Expr?, end: Int)] = [:]

  /// Limit of ``depth``. CPython 3.11 gives up after about 3,000 nested unary operators.
  static let maxDepth = 3_000

  /// The default of ``parseModule(_:stackLimit:)``'s stack limit: 6 MiB.
  public static let defaultStackLimit = 6 << 20

  /// A parser for `source`. `stackLimit`: see ``parseModule(_:stackLimit:)``.
  public init(_ source: SourceFile, stackLimit: Int = Parser.defaultStackLimit) {
    self.source = source
    self.stackLimit = stackLimit
    tokenizer = Tokenizer(source)
  }

  /// Whether parsing must stop: a specific error was raised or the tokenizer failed. A
  /// fallback after a failed attempt is then not allowed.
  var isFatal: Bool { raisedError != nil || tokenizerError != nil || secondPassSteps > secondPassBudget }
}

/// A parse function failed: the input does not match here. The reason is in the parser:
/// nothing (try something else, or report a generic error), ``Parser/raisedError`` or
/// ``Parser/tokenizerError``.
struct ParseFailure: Error {}

extension Parser {
  /// Parses `source` as a module, the way `ast.parse(source)` does.
  ///
  /// `stackLimit`: the parser stops with a "too complex" `SyntaxError` rather than use more
  /// native stack than this (measured from its first call). The default suits the 8 MiB
  /// stacks of the main thread and of Swift's threads on Linux; a caller on a smaller stack
  /// should pass less (the deepest input the nesting limits allow takes about 1.4 MiB in a
  /// release build and 4.5 MiB in a debug build).
  public static func parseModule(
    _ source: SourceFile, stackLimit: Int = Parser.defaultStackLimit
  ) -> Result<Module, PySyntaxError> {
    Parser(source, stackLimit: stackLimit).parseModule()
  }

  /// Parses the source as a module; afterwards ``warnings`` holds the warnings CPython would
  /// issue (invalid escape sequences, `1if x`).
  /// - Precondition: called once per parser.
  public func parseModule() -> Result<Module, PySyntaxError> {
    precondition(tokens.isEmpty, "Parser.parseModule() may be called once")
    return run { parser throws(ParseFailure) in try parser.file() }
  }

  /// Runs the two passes of `rule` and chooses the error.
  func run<T>(_ rule: (Parser) throws(ParseFailure) -> T) -> Result<T, PySyntaxError> {
    if stackBase == 0 { stackBase = Parser.stackAddress() }
    let firstPass = try? rule(self)
    if let tokenizerError { return .failure(tokenizerError) }
    if let raisedError { return .failure(checkRestOfSource(raisedError)) }
    if let result = firstPass {
      warnings += tokenizer.warnings
      return .success(result)
    }
    let lastToken = tokens[tokens.count - 1]
    pos = 0
    callInvalidRules = true
    secondPassBudget = 64 * tokens.count + 100_000
    memo = [:]
    _ = try? rule(self)
    if let tokenizerError { return .failure(tokenizerError) }
    if let raisedError { return .failure(checkRestOfSource(raisedError)) }
    switch lastToken.kind {
    case .indent:
      return .failure(error(.indentation, "unexpected indent", at: lastToken))
    case .dedent:
      return .failure(error(.indentation, "unexpected unindent", at: lastToken))
    default:
      return .failure(checkRestOfSource(error(.syntax, "invalid syntax", at: lastToken)))
    }
  }

  /// Tokenizes what is left of the source after a parser error. A tokenizer error CPython's
  /// tokenizer raises itself wins; so does an unclosed bracket opened on a line before the
  /// last token the parser fetched.
  /// CPython: Parser/pegen_errors.c, `_PyPegen_tokenize_full_source_to_check_for_errors()`.
  @inline(never)
  func checkRestOfSource(_ parserError: PySyntaxError) -> PySyntaxError {
    guard fieldOrigin == nil else { return parserError }
    let errorLine = tokens.last?.start.line ?? 1
    while true {
      switch tokenizer.next() {
      case .success(let token):
        if token.kind == .endMarker { return parserError }
      case .failure(let failure):
        if Parser.isRaisedByTokenizer(failure) { return failure }
        if let open = tokenizer.brackets.last, open.line < errorLine {
          return tokenizer.neverClosedError(open)
        }
        return parserError
      }
    }
  }

  /// Whether CPython's tokenizer raises `error` itself (numbers, strings, characters,
  /// brackets), rather than reporting a status its parser turns into an error (indentation,
  /// tabs, line continuation, end of input).
  static func isRaisedByTokenizer(_ error: PySyntaxError) -> Bool {
    if error.kind != .syntax { return false }
    let message = error.message
    return !(message.hasSuffix("was never closed") || message == "unexpected EOF while parsing"
      || message == "unexpected character after line continuation character")
  }
}
