/// The value of a NUMBER token.
///
/// The tokenizer has already checked the spelling, so this only converts: underscores are
/// dropped; `0x`/`0o`/`0b` literals and decimal integers become ``BigUInt`` values of any
/// size; a literal with a `.` or an exponent is a float, correctly rounded (`1e400` is
/// `inf`); a trailing `j` makes an imaginary number.
///
/// A decimal integer literal longer than 4,300 digits is rejected as CPython 3.11 rejects it
/// (its conversion would take quadratic time); hexadecimal literals have no limit.
///
/// CPython: Parser/pegen.c, `parsenumber_raw()` and `_PyPegen_number_token()`.
extension Parser {
  @inline(never)
  func numberValue(_ token: ParserToken) throws(ParseFailure) -> ConstantValue {
    var text = source.bytes[token.start.offset..<token.end.offset].filter { $0 != UInt8(ascii: "_") }
    let last = text.last! | 0x20
    if last == UInt8(ascii: "j") {
      text.removeLast()
      return .complex(imag: Parser.doubleValue(text))
    }
    if text.count > 2, text[0] == UInt8(ascii: "0") {
      switch text[1] | 0x20 {
      case UInt8(ascii: "x"): return .int(BigUInt(digits: Parser.digitValues(text.dropFirst(2)), radix: 16))
      case UInt8(ascii: "o"): return .int(BigUInt(digits: Parser.digitValues(text.dropFirst(2)), radix: 8))
      case UInt8(ascii: "b"): return .int(BigUInt(digits: Parser.digitValues(text.dropFirst(2)), radix: 2))
      default: break
      }
    }
    if text.contains(where: { $0 == UInt8(ascii: ".") || $0 | 0x20 == UInt8(ascii: "e") }) {
      return .float(Parser.doubleValue(text))
    }
    if text.count > BigUInt.maxDecimalDigits {
      throw raise(locatedError(
        .syntax, "Exceeds the limit (\(BigUInt.maxDecimalDigits) digits) for integer string conversion: "
          + "value has \(text.count) digits; use sys.set_int_max_str_digits() to increase the limit - "
          + "Consider hexadecimal for huge integer literals to avoid decimal conversion limits.",
        line: token.start.line, byteColumn: -1, endLine: token.start.line,
        endByteColumn: -1))
    }
    return .int(BigUInt(digits: Parser.digitValues(text[...]), radix: 10))
  }

  /// Digit characters to their values (`a`–`f` in either case for hexadecimal).
  @inline(never)
  static func digitValues(_ text: ArraySlice<UInt8>) -> [UInt8] {
    text.map { $0.isDigit ? $0 - UInt8(ascii: "0") : ($0 | 0x20) - UInt8(ascii: "a") + 10 }
  }

  /// A decimal float spelling (already checked by the tokenizer) to the nearest `Double`.
  @inline(never)
  static func doubleValue(_ text: [UInt8]) -> Double {
    Double(String(decoding: text, as: UTF8.self)) ?? .nan
  }
}
