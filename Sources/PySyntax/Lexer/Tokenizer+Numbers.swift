/// NUMBER tokens: integers in four bases, floats, imaginary literals, with `_` separators.
///
/// The token is only delimited here; its value is computed later. The checks and error
/// positions are CPython 3.11's:
///
/// ```
/// 1_000_     invalid decimal literal         caret on the last `_` (before the cursor)
/// 0x_        invalid hexadecimal literal
/// 0o19       invalid digit '9' in octal literal   caret on the 9
/// 0777       leading zeros in decimal integer literals are not permitted; …  (byte columns)
/// 1a  1e     invalid decimal literal         a name may not touch a number …
/// 1if x      (accepted, SyntaxWarning)       … unless it starts and/else/for/if/in/is/not/or
/// 1j2        invalid imaginary literal
/// ```
///
/// CPython: Parser/tokenizer.c, `tok_get()` "Number", `tok_decimal_tail()`,
/// `verify_end_of_number()`.
extension Tokenizer {
  mutating func scanNumber(from start: SourceLocation) -> Token? {
    let first = char(pos)
    if first == UInt8(ascii: ".") {
      pos += 1
      return fractionAndExponent(from: start)
    }
    if first == UInt8(ascii: "0") {
      switch peek(pos + 1).asciiLowercased {
      case UInt8(ascii: "x"): return radixLiteral(16, name: "hexadecimal", from: start)
      case UInt8(ascii: "o"): return radixLiteral(8, name: "octal", from: start)
      case UInt8(ascii: "b"): return radixLiteral(2, name: "binary", from: start)
      default: return zeroLeadingLiteral(from: start)
      }
    }
    guard decimalTail() else { return nil }
    return afterIntegerPart(from: start, leadingZeros: nil)
  }

  /// Digits with single `_` between them, from the cursor. False after storing an error.
  mutating func decimalTail() -> Bool {
    while true {
      while char(pos).isDigit { pos += 1 }
      guard char(pos) == UInt8(ascii: "_") else { return true }
      pos += 1
      guard char(pos).isDigit else {
        failure = errorBefore(pos, "invalid decimal literal")
        return false
      }
    }
  }

  /// `0x…`, `0o…`, `0b…`: at least one digit, `_` allowed before each digit.
  mutating func radixLiteral(_ radix: UInt8, name: String, from start: SourceLocation) -> Token? {
    pos += 2
    repeat {
      if char(pos) == UInt8(ascii: "_") { pos += 1 }
      let byte = char(pos)
      if !Tokenizer.isDigit(byte, radix: radix) {
        if radix != 16, byte.isDigit { return fail(invalidDigit(byte, name: name)) }
        return fail(errorBefore(pos, "invalid \(name) literal"))
      }
      while Tokenizer.isDigit(char(pos), radix: radix) { pos += 1 }
      if radix != 16, char(pos).isDigit { return fail(invalidDigit(char(pos), name: name)) }
    } while char(pos) == UInt8(ascii: "_")
    return endOfNumber(name, from: start)
  }

  private func invalidDigit(_ digit: UInt8, name: String) -> PySyntaxError {
    errorBefore(pos + 1, "invalid digit '\(String(UnicodeScalar(digit)))' in \(name) literal")
  }

  static func isDigit(_ byte: UInt8, radix: UInt8) -> Bool {
    switch radix {
    case 16: return byte.isHexDigit
    case 8: return byte &- UInt8(ascii: "0") < 8
    default: return byte &- UInt8(ascii: "0") < 2
    }
  }

  /// A literal starting with `0` but not `0x`/`0o`/`0b`: `0`, `00`, `0_0`, `0.5`, `0e1`,
  /// `0j`, `09.5`; but `0777` is an error (it was octal in Python 2).
  mutating func zeroLeadingLiteral(from start: SourceLocation) -> Token? {
    pos += 1
    while true {
      if char(pos) == UInt8(ascii: "_") {
        pos += 1
        guard char(pos).isDigit else { return fail(errorBefore(pos, "invalid decimal literal")) }
      }
      guard char(pos) == UInt8(ascii: "0") else { break }
      pos += 1
    }
    guard char(pos).isDigit else { return afterIntegerPart(from: start, leadingZeros: nil) }
    // CPython remembers the cursor after reading the first non-zero digit.
    let zerosEnd = pos + 1
    guard decimalTail() else { return nil }
    return afterIntegerPart(from: start, leadingZeros: zerosEnd)
  }

  /// After the integer digits: a fraction, an exponent, `j`, or the end. `leadingZeros` is
  /// set when the digits started with `0` and went on: only a float or imaginary may do that.
  mutating func afterIntegerPart(from start: SourceLocation, leadingZeros: Int?) -> Token? {
    switch char(pos) {
    case UInt8(ascii: "."):
      pos += 1
      return fractionAndExponent(from: start)
    case UInt8(ascii: "e"), UInt8(ascii: "E"):
      return exponent(from: start)
    case UInt8(ascii: "j"), UInt8(ascii: "J"):
      pos += 1
      return endOfNumber("imaginary", from: start)
    default:
      if let zerosEnd = leadingZeros {
        // Offsets in bytes: start column + 1 to the cursor after the first non-zero digit.
        return fail(error(
          .syntax, "leading zeros in decimal integer literals are not permitted; "
            + "use an 0o prefix for octal integers",
          line: line, column: start.column + 1, endColumn: zerosEnd - lineStart))
      }
      return endOfNumber("decimal", from: start)
    }
  }

  /// After the `.`: optional digits, then an optional exponent and `j`.
  mutating func fractionAndExponent(from start: SourceLocation) -> Token? {
    if char(pos).isDigit, !decimalTail() { return nil }
    switch char(pos) {
    case UInt8(ascii: "e"), UInt8(ascii: "E"):
      return exponent(from: start)
    case UInt8(ascii: "j"), UInt8(ascii: "J"):
      pos += 1
      return endOfNumber("imaginary", from: start)
    default:
      return endOfNumber("decimal", from: start)
    }
  }

  /// At `e`/`E`: an exponent needs digits (after an optional sign). Without them the `e`
  /// is not part of the number, which then ends before it (`1else` is `1` `else`).
  mutating func exponent(from start: SourceLocation) -> Token? {
    let marker = pos
    pos += 1
    let sign = char(pos)
    if sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
      pos += 1
      guard char(pos).isDigit else { return fail(errorBefore(pos, "invalid decimal literal")) }
    } else if !sign.isDigit {
      pos = marker
      return endOfNumber("decimal", from: start)
    }
    guard decimalTail() else { return nil }
    if char(pos) | 0x20 == UInt8(ascii: "j") {
      pos += 1
      return endOfNumber("imaginary", from: start)
    }
    return endOfNumber("decimal", from: start)
  }

  /// A number may not run into a name, except a keyword that can follow an expression
  /// (`and else for if in is not or`), which is a SyntaxWarning in 3.11.
  /// CPython: Parser/tokenizer.c, `verify_end_of_number()`.
  mutating func endOfNumber(_ name: String, from start: SourceLocation) -> Token? {
    let next = char(pos)
    if next.isIdentifierContinue {
      guard keywordFollows(at: pos) else {
        return fail(errorBefore(pos, "invalid \(name) literal"))
      }
      warnings.append(PySyntaxWarning(category: .syntaxWarning, message: "invalid \(name) literal", line: line))
    }
    return token(.number, from: start)
  }

  /// Whether the bytes at `i` begin `and`, `else`, `for`, `if`, `in`, `is`, `not` or `or`.
  func keywordFollows(at i: Int) -> Bool {
    func follows(_ rest: String) -> Bool {
      var j = i + 1
      for byte in rest.utf8 {
        guard peek(j) == byte else { return false }
        j += 1
      }
      return true
    }
    switch peek(i) {
    case UInt8(ascii: "a"): return follows("nd")
    case UInt8(ascii: "e"): return follows("lse")
    case UInt8(ascii: "f"): return follows("or")
    case UInt8(ascii: "i"): return follows("f") || follows("n") || follows("s")
    case UInt8(ascii: "n"): return follows("ot")
    case UInt8(ascii: "o"): return follows("r")
    default: return false
    }
  }
}
