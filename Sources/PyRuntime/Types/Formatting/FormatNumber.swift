/// Laying out a formatted number: padding, sign, prefix, zero padding, grouped digits,
/// decimal point and the rest, in CPython's order:
///
/// ```
///   <lpadding> <sign> <prefix> <spadding> <grouped digits> <decimal point> <remainder> <rpadding>
/// ```
/// Only one of the three paddings is used, by alignment (`<` right, `>` left, `^` both, `=`
/// between sign and digits). Zero padding (`0` before the width, so fill `0` and `=`) is
/// done inside the digit grouping, so `format(1234, '010,')` is `00,001,234`.
/// CPython: Python/formatter_unicode.c (`calc_number_widths`, `fill_number`),
/// Objects/unicodeobject.c (`_PyUnicode_InsertThousandsGrouping`).
struct NumberParts {
  /// `-` when the number is negative.
  var negative = false
  /// `0x`, `0o`, `0b` for the alternate form.
  var prefix: [UInt32] = []
  /// The integer digits (none for `c`, `inf`, `nan`).
  var digits: [UInt32] = []
  /// Whether a decimal point follows the digits.
  var hasDecimal = false
  /// What follows: fraction digits, exponent, `%`, or everything for `c`/`inf`/`nan`.
  var remainder: [UInt32] = []
}

extension FormatSpec {
  /// Appends `parts` laid out by this spec; `upper` upper-cases the prefix and digits
  /// (`X`). `locale` false for types that ignore the grouping option ('n' in the C locale).
  func renderNumber(_ parts: NumberParts, upper: Bool = false, into builder: inout StrBuilder) {
    var signCharacter: UInt32?
    switch sign {
    case 0x2B: signCharacter = parts.negative ? 0x2D : 0x2B
    case 0x20: signCharacter = parts.negative ? 0x2D : 0x20
    default: signCharacter = parts.negative ? 0x2D : nil
    }
    let nonDigits = (signCharacter == nil ? 0 : 1) + parts.prefix.count + (parts.hasDecimal ? 1 : 0) + parts.remainder.count
    let minWidth = fill == 0x30 && align == 0x3D ? (width ?? -1) - nonDigits : 0
    let grouped = parts.digits.isEmpty ? [] : FormatSpec.group(parts.digits, minWidth: minWidth,
                                                               separator: thousands?.separator, size: thousands?.group)
    let padding = (width ?? -1) - (nonDigits + grouped.count)
    var left = 0, middle = 0, right = 0
    if padding > 0 {
      switch align {
      case 0x3C: right = padding
      case 0x5E:
        left = padding / 2
        right = padding - left
      case 0x3D: middle = padding
      default: left = padding
      }
    }
    builder.append(repeating: fill, count: left)
    if let signCharacter { builder.append(signCharacter) }
    for value in parts.prefix { builder.append(upper ? FormatSpec.upperASCII(value) : value) }
    builder.append(repeating: fill, count: middle)
    for value in grouped { builder.append(upper ? FormatSpec.upperASCII(value) : value) }
    if parts.hasDecimal { builder.append(0x2E) }
    for value in parts.remainder { builder.append(value) }
    builder.append(repeating: fill, count: right)
  }

  static func upperASCII(_ value: UInt32) -> UInt32 { value >= 0x61 && value <= 0x7A ? value - 0x20 : value }

  /// The digits with separators every `size` digits from the right, zero-padded on the left
  /// (separators included) to at least `minWidth` characters.
  static func group(_ digits: [UInt32], minWidth: Int, separator: UInt32?, size: Int?) -> [UInt32] {
    var reversed: [UInt32] = []
    reversed.reserveCapacity(digits.count + digits.count / 3 + max(minWidth, 0))
    var remaining = digits.count
    var minWidth = minWidth
    var useSeparator = false
    var source = digits.count
    func emit(chars: Int, zeros: Int) {
      if useSeparator, let separator { reversed.append(separator) }
      for _ in 0..<chars {
        source -= 1
        reversed.append(digits[source])
      }
      reversed.append(contentsOf: repeatElement(0x30, count: zeros))
    }
    var finished = false
    if let size, separator != nil {
      while true {
        let length = min(size, max(max(remaining, minWidth), 1))
        let zeros = max(0, length - remaining)
        let chars = max(0, min(remaining, length))
        emit(chars: chars, zeros: zeros)
        useSeparator = true
        remaining -= chars
        minWidth -= size
        if remaining <= 0 && minWidth <= 0 {
          finished = true
          break
        }
        minWidth -= 1
      }
    }
    if !finished {
      let length = max(max(remaining, minWidth), 1)
      emit(chars: max(0, min(remaining, length)), zeros: max(0, length - remaining))
    }
    return reversed.reversed()
  }

  /// Lays out `string` (a str) left-aligned by default, truncated to the precision.
  func renderText(_ string: PyRef, into builder: inout StrBuilder) {
    var length = StrObject.length(string)
    if let precision, length > precision { length = precision }
    let total = max(width ?? -1, length)
    let left: Int
    switch align {
    case 0x3E: left = total - length
    case 0x5E: left = (total - length) / 2
    default: left = 0
    }
    builder.append(repeating: fill, count: left)
    builder.append(str: string, from: 0, to: length)
    builder.append(repeating: fill, count: total - length - left)
  }
}
