/// The kind of a token, numbered as in CPython 3.11's `token` module.
///
/// The raw values equal `token.ENDMARKER` … `token.ENCODING`, and ``name`` equals
/// `token.tok_name[...]`, so token streams can be compared with `python3 -m tokenize -e`.
/// Operators always carry their exact kind (the `exact_type` of the `tokenize` module).
///
/// Produced by the parser view: ``name``, ``number``, ``string``, ``newline``, ``indent``,
/// ``dedent``, the operators, ``errorToken`` (a character that starts no token, such as `$`
/// or `?`, which CPython's tokenizer hands to the parser as a generic OP so that it reports
/// `invalid syntax`), and ``endMarker``.
/// Added by the trivia view (the `tokenize` module's): ``comment``, ``nl``, ``encoding``.
/// Never produced: ``op`` (the generic operator type), ``await``/``async`` (NAME since 3.7),
/// ``typeIgnore``/``typeComment`` (comments are comments), ``softKeyword`` (the parser's).
///
/// CPython: Grammar/Tokens, Include/internal/pycore_token.h, Lib/token.py.
public enum TokenKind: UInt8, CaseIterable, Sendable {
  case endMarker = 0
  case name, number, string, newline, indent, dedent
  case lpar, rpar, lsqb, rsqb, colon, comma, semi, plus, minus, star, slash, vbar, amper
  case less, greater, equal, dot, percent, lbrace, rbrace, eqEqual, notEqual, lessEqual
  case greaterEqual, tilde, circumflex, leftShift, rightShift, doubleStar, plusEqual
  case minEqual, starEqual, slashEqual, percentEqual, amperEqual, vbarEqual, circumflexEqual
  case leftShiftEqual, rightShiftEqual, doubleStarEqual, doubleSlash, doubleSlashEqual, at
  case atEqual, rarrow, ellipsis, colonEqual
  case op, await, async, typeIgnore, typeComment, softKeyword, errorToken
  case comment, nl, encoding

  /// The name in `token.tok_name`, e.g. `NAME`, `LPAR`, `DOUBLESLASHEQUAL`.
  public var name: String { TokenKind.names[Int(rawValue)] }

  /// Punctuation with a fixed spelling (LPAR … COLONEQUAL).
  public var isOperator: Bool { rawValue >= TokenKind.lpar.rawValue && rawValue <= TokenKind.colonEqual.rawValue }

  /// COMMENT, NL and ENCODING: tokens only the `tokenize` module view contains.
  public var isTrivia: Bool { self == .comment || self == .nl || self == .encoding }

  private static let names = [
    "ENDMARKER", "NAME", "NUMBER", "STRING", "NEWLINE", "INDENT", "DEDENT", "LPAR", "RPAR",
    "LSQB", "RSQB", "COLON", "COMMA", "SEMI", "PLUS", "MINUS", "STAR", "SLASH", "VBAR", "AMPER",
    "LESS", "GREATER", "EQUAL", "DOT", "PERCENT", "LBRACE", "RBRACE", "EQEQUAL", "NOTEQUAL",
    "LESSEQUAL", "GREATEREQUAL", "TILDE", "CIRCUMFLEX", "LEFTSHIFT", "RIGHTSHIFT", "DOUBLESTAR",
    "PLUSEQUAL", "MINEQUAL", "STAREQUAL", "SLASHEQUAL", "PERCENTEQUAL", "AMPEREQUAL",
    "VBAREQUAL", "CIRCUMFLEXEQUAL", "LEFTSHIFTEQUAL", "RIGHTSHIFTEQUAL", "DOUBLESTAREQUAL",
    "DOUBLESLASH", "DOUBLESLASHEQUAL", "AT", "ATEQUAL", "RARROW", "ELLIPSIS", "COLONEQUAL", "OP",
    "AWAIT", "ASYNC", "TYPE_IGNORE", "TYPE_COMMENT", "SOFT_KEYWORD", "ERRORTOKEN", "COMMENT",
    "NL", "ENCODING",
  ]
}
