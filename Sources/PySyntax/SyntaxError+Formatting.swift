extension PySyntaxError {
  /// Renders the error as CPython 3.11 prints an uncaught `SyntaxError`:
  ///
  /// ```
  ///   File "x.py", line 1
  ///     x = 1 +* 2
  ///             ^
  /// SyntaxError: invalid syntax
  /// ```
  ///
  /// The rules, reproduced from the interpreter's behaviour (it mixes the code-point offset
  /// with byte lengths of the UTF-8 text, and so does this):
  /// - Leading spaces, tabs and form feeds of the text are dropped and the offsets shifted by
  ///   as many. A start left of the text prints no caret line; a start past the end of the
  ///   text (in bytes, terminator excluded) is moved to the end.
  /// - The caret run ends at `endColumn`, or at the end of the text when the error ends on a
  ///   later line, but not past the text (terminator included). At least one caret, and
  ///   only one for an `IndentationError` or `TabError`.
  /// - An error without a location prints only the last line (with the header too for
  ///   CPython's explicit line 0).
  ///
  /// The result ends with a newline.
  /// CPython: Python/pythonrun.c, `print_exception()` and `print_error_text()`.
  public func formatted() -> String {
    let summary = "\(kind.rawValue): \(message)\n"
    guard hasFileHeader else { return summary }
    var out = "  File \"\(filename)\", line \(line)\n"
    guard let text else { return out + summary }
    var bytes = Array(text.utf8)[...]
    var stripped = 0
    while let first = bytes.first, first == 0x20 || first == 0x09 || first == 0x0C {
      bytes = bytes.dropFirst()
      stripped += 1
    }
    let length = bytes.count
    let lengthWithoutNewline = bytes.last == 0x0A ? length - 1 : length
    out += "    " + String(decoding: bytes[..<(bytes.startIndex + lengthWithoutNewline)], as: UTF8.self) + "\n"
    let start = min(column - 1 - stripped, lengthWithoutNewline)
    guard column > 0, start >= 0 else { return out + summary }
    let end = endLine > line ? length - 1 : endColumn - 1 - stripped
    // IndentationError and TabError always print a single caret.
    let carets = kind == .syntax ? max(1, min(end, length) - start) : 1
    out += "    " + String(repeating: " ", count: start) + String(repeating: "^", count: carets) + "\n"
    return out + summary
  }
}
