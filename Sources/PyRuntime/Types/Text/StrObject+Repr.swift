/// `repr(s)`, exactly as CPython 3.11 writes it.
///
/// The quote is `'` unless the text contains `'` and no `"`. Inside: the quote and `\` get
/// a backslash; tab, newline and carriage return are `\t`, `\n`, `\r`; other ASCII control
/// characters and DEL are `\xhh`; other ASCII characters stay. A non-ASCII character stays
/// when printable (``TextUnicode/isPrintable(_:)``), else becomes `\xhh`, `\uhhhh` or
/// `\Uhhhhhhhh` by size. Hex digits are lower case.
/// CPython: Objects/unicodeobject.c, `unicode_repr()`.
extension RuntimeRef {
  /// `repr(s)` as a new str.
  public func strRepr(_ str: PyRef) -> PyRef? {
    let view = StrObject.view(str)
    let quote = StrObject.reprQuote(view)
    // Pass 1: the output's length and largest code point.
    var length = 2
    var maxChar: UInt32 = 0x7F
    for index in 0..<view.count {
      let value = view[index]
      let width = StrObject.reprWidth(value, quote: quote)
      if width == 1 { maxChar = max(maxChar, value) }
      length += width
    }
    guard let result = StrObject.allocate(self, length: length, maxChar: maxChar) else { return nil }
    // Pass 2: write it.
    var target = 0
    func put(_ value: UInt32) {
      StrObject.write(result, target, value)
      target += 1
    }
    func putHex(_ value: UInt32, digits: Int) {
      for shift in stride(from: (digits - 1) * 4, through: 0, by: -4) {
        let digit = (value >> UInt32(shift)) & 0xF
        put(digit < 10 ? 0x30 + digit : 0x57 + digit)
      }
    }
    put(quote)
    for index in 0..<view.count {
      let value = view[index]
      switch StrObject.reprWidth(value, quote: quote) {
      case 1: put(value)
      case 2:
        put(0x5C)
        put(value == 0x09 ? 0x74 : value == 0x0A ? 0x6E : value == 0x0D ? 0x72 : value)
      case 4: put(0x5C); put(0x78); putHex(value, digits: 2)
      case 6: put(0x5C); put(0x75); putHex(value, digits: 4)
      default: put(0x5C); put(0x55); putHex(value, digits: 8)
      }
    }
    put(quote)
    return result
  }

  /// `repr(s)` as Swift text.
  public func strReprString(_ str: PyRef) -> String? {
    guard let repr = strRepr(str) else { return nil }
    defer { decref(repr) }
    return StrObject.string(repr)
  }
}

extension StrObject {
  /// `'`, or `"` when the text has a `'` and no `"`.
  static func reprQuote(_ view: StrView) -> UInt32 {
    var single = false, double = false
    for index in 0..<view.count {
      switch view[index] {
      case 0x27: single = true
      case 0x22: double = true
      default: break
      }
    }
    return single && !double ? 0x22 : 0x27
  }

  /// How many characters `repr` writes for `value`: 1 (itself), 2 (`\n`, `\\`, `\'`),
  /// 4 (`\xhh`), 6 (`\uhhhh`) or 10 (`\Uhhhhhhhh`).
  @inline(__always)
  static func reprWidth(_ value: UInt32, quote: UInt32) -> Int {
    if value == quote || value == 0x5C || value == 0x09 || value == 0x0A || value == 0x0D { return 2 }
    if value < 0x20 || value == 0x7F { return 4 }
    if value < 0x7F || TextUnicode.isPrintable(value) { return 1 }
    return value <= 0xFF ? 4 : value <= 0xFFFF ? 6 : 10
  }
}
