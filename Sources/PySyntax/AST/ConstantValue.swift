/// The value of a `Constant` node (or of a `MatchSingleton` pattern): one of the types
/// CPython's parser creates for literals.
///
/// Literals are never negative (`-1` is `UnaryOp(USub, Constant(1))`), and a complex literal
/// is purely imaginary (`1+2j` is a `BinOp`), so this is all the parser needs.
///
/// CPython: Parser/Python.asdl, `constant`; Parser/pegen.c, `_PyPegen_number_token()`;
/// Parser/string_parser.c.
public enum ConstantValue: Hashable, Sendable {
  case none
  case bool(Bool)
  /// `...`, the `Ellipsis` object.
  case ellipsis
  /// An `int` literal in any base, of any size.
  case int(BigUInt)
  case float(Double)
  /// An imaginary literal (`2j`): the complex number `0 + imag*j`.
  case complex(imag: Double)
  /// A `str`, as generalized UTF-8 (WTF-8): well-formed UTF-8 except that a lone surrogate
  /// from an escape such as `"\udc80"` is encoded as its 3-byte form.
  case str([UInt8])
  case bytes([UInt8])
}

extension ConstantValue {
  /// A `str` constant holding `text`.
  public static func string(_ text: String) -> ConstantValue { .str(Array(text.utf8)) }

  /// The text of a `str` constant; a lone surrogate becomes U+FFFD. Nil for other types.
  public var stringValue: String? {
    guard case .str(let bytes) = self else { return nil }
    return String(decoding: bytes, as: UTF8.self)
  }
}
