/// A warning CPython 3.11 issues while reading source, such as `invalid decimal literal` for
/// `1if x else y` or `invalid escape sequence '\d'` for `"\d"`.
///
/// The tokenizer and the string decoder collect these instead of printing them; the caller
/// decides what to do (CPython prints them through the `warnings` module).
/// CPython: Parser/tokenizer.c, `parser_warn()`; Parser/string_parser.c, `warn_invalid_escape_sequence()`.
public struct PySyntaxWarning: Hashable, Sendable {
  /// The Python warning class.
  public enum Category: String, Sendable {
    case syntaxWarning = "SyntaxWarning"
    case deprecationWarning = "DeprecationWarning"
  }

  public var category: Category
  public var message: String
  /// 1-based line the warning refers to.
  public var line: Int

  public init(category: Category, message: String, line: Int) {
    self.category = category
    self.message = message
    self.line = line
  }
}
