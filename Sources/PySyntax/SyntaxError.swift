/// A syntax error in Python source, with exactly the fields of CPython's `SyntaxError`.
///
/// The numbers are CPython's, including its conventions, so that a test can compare them with
/// `SyntaxError.lineno`, `.offset`, `.end_lineno` and `.end_offset`:
///
/// - ``column`` and ``endColumn`` are 1-based and count code points. A value of 0 or -1 means
///   "no caret". Some messages use other conventions because CPython computes them in bytes or
///   from the end of the line; the tokenizer reproduces each one and documents it at the
///   throw site.
/// - ``line`` 0 means the error has no location: CPython then prints only the last line
///   (`SyntaxError: encoding problem: foo`). Line 0 with ``column`` -1 is CPython's explicit
///   line 0 (decoding errors of a bytes object, `unknown encoding: foo`), for which it also
///   prints the `File "…", line 0` header.
/// - ``text`` is the offending source line. Like CPython's, it ends with `\n` for the errors
///   CPython's parser raises on the tokenizer's behalf (indentation, tabs, line continuation,
///   end of input, unclosed brackets) when the line has a terminator, and has none for the
///   errors the tokenizer raises itself (numbers, strings, characters, brackets).
///
/// The tokenizer produces all three kinds. `IndentationError` and `TabError` are subclasses of
/// `SyntaxError` in Python; here they are a ``Kind``.
///
/// CPython: Objects/exceptions.c, `SyntaxError_init()`; Parser/tokenizer.c, `syntaxerror()`
/// and `indenterror()`; Parser/pegen_errors.c, `_PyPegen_tokenizer_error()`.
public struct PySyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The Python exception class.
  public enum Kind: String, Sendable {
    case syntax = "SyntaxError"
    case indentation = "IndentationError"
    case tab = "TabError"
  }

  public var kind: Kind
  /// `SyntaxError.msg`.
  public var message: String
  /// `SyntaxError.filename`.
  public var filename: String
  /// `SyntaxError.lineno`; 0 when the error has no location.
  public var line: Int
  /// `SyntaxError.offset`: 1-based, in code points; 0 or -1 for none.
  public var column: Int
  /// `SyntaxError.end_lineno`.
  public var endLine: Int
  /// `SyntaxError.end_offset`: exclusive end, 1-based, in code points; 0 or -1 for none.
  public var endColumn: Int
  /// `SyntaxError.text`, as CPython sets it (see the type's comment); nil when the error has
  /// no location.
  public var text: String?

  public init(
    kind: Kind, message: String, filename: String, line: Int, column: Int,
    endLine: Int, endColumn: Int, text: String?
  ) {
    self.kind = kind
    self.message = message
    self.filename = filename
    self.line = line
    self.column = column
    self.endLine = endLine
    self.endColumn = endColumn
    self.text = text
  }

  /// An error without a location, such as a bad encoding declaration.
  public init(kind: Kind = .syntax, message: String, filename: String) {
    self.init(kind: kind, message: message, filename: filename, line: 0, column: 0,
              endLine: 0, endColumn: 0, text: nil)
  }

  /// Whether CPython would print the `File "…", line N` header and the source line.
  public var hasLocation: Bool { line > 0 }

  /// Whether CPython would print the `File "…", line N` header: with a location, or with
  /// its explicit line 0 (see the type's comment).
  public var hasFileHeader: Bool { line > 0 || (line == 0 && column == -1) }

  public var description: String { formatted() }
}
