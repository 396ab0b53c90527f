/// STRING tokens: every prefix, single and triple quotes. The body is kept raw; escapes are
/// decoded later by ``StringLiteral``.
///
/// A backslash always takes the next character with it, in raw strings too (`r"\""` is one
/// string), and a backslash before a line break continues a single-quoted string on the next
/// line. In Python 3.11 an f-string is one STRING token like any other: its replacement fields
/// are parsed later, so a quote of the same kind inside a field ends the string.
///
/// Errors: `unterminated string literal (detected at line N)` when a line break or the end of
/// input comes first, `unterminated triple-quoted string literal (detected at line N)` at the
/// end of input. Both point at the start of the token (prefix included) and name the line
/// where the problem was seen.
///
/// CPython: Parser/tokenizer.c, `tok_get()` "String" (`letter_quote`).
extension Tokenizer {
  /// Scans a string whose prefix starts at `start` and whose opening quote is at `quoteAt`.
  mutating func scanString(from start: SourceLocation, quoteAt: Int) -> Token? {
    let quote = bytes[quoteAt]
    var i = quoteAt + 1
    var triple = false
    if char(i) == quote {
      guard char(i + 1) == quote else {
        pos = i + 1
        return token(.string, from: start)
      }
      triple = true
      i += 2
    }
    while true {
      let byte = char(i)
      switch byte {
      case 0:
        pos = i
        return fail(unterminatedString(from: start, triple: triple, atEnd: true))
      case quote:
        if !triple {
          pos = i + 1
          return token(.string, from: start)
        }
        if char(i + 1) == quote, char(i + 2) == quote {
          pos = i + 3
          return token(.string, from: start)
        }
        i += 1
      case 0x0A, 0x0D:
        if !triple {
          pos = i
          return fail(unterminatedString(from: start, triple: false, atEnd: false))
        }
        i = consumeLineBreak(at: i, withinToken: true)
      case UInt8(ascii: "\\"):
        let escaped = char(i + 1)
        if escaped == 0x0A || escaped == 0x0D {
          i = consumeLineBreak(at: i + 1, withinToken: true)
        } else {
          i += escaped == 0 ? 1 : 2
        }
      default:
        i += 1
      }
    }
  }

  /// The error for a string that does not end. At the end of input the line "detected at" is
  /// the last line that has any bytes.
  func unterminatedString(from start: SourceLocation, triple: Bool, atEnd: Bool) -> PySyntaxError {
    let detectedAt = atEnd && pos == lineStart && line > 1 ? line - 1 : line
    let what = triple ? "unterminated triple-quoted string literal" : "unterminated string literal"
    let column = characterCount((start.offset - start.column)..<start.offset) + 1
    return error(.syntax, "\(what) (detected at line \(detectedAt))", line: start.line,
                 column: column, endColumn: column)
  }
}
