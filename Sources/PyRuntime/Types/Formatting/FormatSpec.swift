/// The format-spec mini-language: `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
///
/// Parsed the way CPython parses it before knowing what is formatted: a fill character
/// only before an alignment token, `0` before the width meaning zero padding (fill `0` and,
/// where the default alignment is right, `=` alignment), then the checks that need only
/// the spec (grouping allowed with which types).
/// CPython: Python/formatter_unicode.c, `parse_internal_render_format_spec`.
struct FormatSpec {
  var fill: UInt32 = 0x20
  /// `<`, `>`, `^` or `=`.
  var align: UInt32
  /// `+`, `-` or space; nil when not given.
  var sign: UInt32?
  /// `z`: no negative zero.
  var noNegativeZero = false
  /// `#`.
  var alternate = false
  /// nil when not given.
  var width: Int?
  /// `,` or `_`: the separator, and the group size (3, or 4 for `_` with b, o, x, X).
  var thousands: (separator: UInt32, group: Int)?
  var precision: Int?
  /// The presentation type; nil when not given.
  var type: UInt32?

  /// Parses `spec` (a str) for an object of type `typeName` with the default presentation
  /// type and alignment.
  /// nil with ValueError set when the spec is malformed.
  static func parse(_ rt: RuntimeRef, _ spec: PyRef, typeName: String, defaultType: UInt32?,
                    defaultAlign: UInt32) -> FormatSpec? {
    let view = StrObject.view(spec)
    let end = view.count
    var position = 0
    var result = FormatSpec(align: defaultAlign, type: defaultType)
    var fillGiven = false, alignGiven = false
    func isAlign(_ value: UInt32) -> Bool { value == 0x3C || value == 0x3E || value == 0x3D || value == 0x5E }

    if end - position >= 2 && isAlign(view[position + 1]) {
      result.align = view[position + 1]
      result.fill = view[position]
      fillGiven = true
      alignGiven = true
      position += 2
    } else if end - position >= 1 && isAlign(view[position]) {
      result.align = view[position]
      alignGiven = true
      position += 1
    }
    if position < end, view[position] == 0x2B || view[position] == 0x2D || view[position] == 0x20 {
      result.sign = view[position]
      position += 1
    }
    if position < end && view[position] == 0x7A {
      result.noNegativeZero = true
      position += 1
    }
    if position < end && view[position] == 0x23 {
      result.alternate = true
      position += 1
    }
    if !fillGiven && position < end && view[position] == 0x30 {
      result.fill = 0x30
      if !alignGiven && defaultAlign == 0x3E { result.align = 0x3D }
      position += 1
    }
    guard let width = parseInteger(rt, view, &position) else { return nil }
    result.width = width
    var separator: UInt32?
    if position < end && view[position] == 0x2C {
      separator = 0x2C
      position += 1
    }
    if position < end && view[position] == 0x5F {
      guard separator == nil else {
        rt.raise("ValueError", "Cannot specify both ',' and '_'.")
        return nil
      }
      separator = 0x5F
      position += 1
    }
    if position < end && view[position] == 0x2C && separator == 0x5F {
      rt.raise("ValueError", "Cannot specify both ',' and '_'.")
      return nil
    }
    if position < end && view[position] == 0x2E {
      position += 1
      guard let precision = parseInteger(rt, view, &position) else { return nil }
      guard let precision else {
        rt.raise("ValueError", "Format specifier missing precision")
        return nil
      }
      result.precision = precision
    }
    if end - position > 1 {
      let text = StrObject.string(spec)
      rt.raise("ValueError", "Invalid format specifier '\(text)' for object of type '\(typeName)'")
      return nil
    }
    if end - position == 1 { result.type = view[position] }
    if let separator {
      switch result.type {
      case nil, 0x64, 0x65, 0x66, 0x67, 0x45, 0x47, 0x25, 0x46:   // d e f g E G % F
        result.thousands = (separator, 3)
      case 0x62, 0x6F, 0x78, 0x58:                              // b o x X: `_` only, every 4
        guard separator == 0x5F else { fallthrough }
        result.thousands = (separator, 4)
      default:
        let type = result.type!
        let shown = type > 32 && type < 128 ? String(UnicodeScalar(UInt8(type))) : "\\x\(String(type, radix: 16))"
        rt.raise("ValueError", "Cannot specify '\(separator == 0x2C ? "," : "_")' with '\(shown)'.")
        return nil
      }
    }
    return result
  }

  /// Decimal digits (any Unicode decimal digit) at `position`: nil with ValueError "Too many
  /// decimal digits in format string" on overflow; `.some(nil)` when there are none.
  private static func parseInteger(_ rt: RuntimeRef, _ view: StrView, _ position: inout Int) -> Int?? {
    var value = 0
    var seen = false
    while position < view.count, let digit = TextUnicode.decimalValue(view[position]) {
      let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
      let (sum, overflow2) = times.addingReportingOverflow(digit)
      guard !overflow1, !overflow2 else {
        rt.raise("ValueError", "Too many decimal digits in format string")
        return nil
      }
      value = sum
      seen = true
      position += 1
    }
    return .some(seen ? value : nil)
  }

  /// The presentation type as Swift text, for the messages.
  var typeCharacter: String { type.map { String(UnicodeScalar($0)!) } ?? "" }
}

extension RuntimeRef {
  /// ValueError "Unknown format code 'd' for object of type 'str'".
  func raiseUnknownFormatCode(_ type: UInt32, _ typeName: String) {
    if type > 32 && type < 128 {
      raise("ValueError", "Unknown format code '\(String(UnicodeScalar(UInt8(type))))' for object of type '\(typeName)'")
    } else {
      raise("ValueError", "Unknown format code '\\x\(String(type, radix: 16))' for object of type '\(typeName)'")
    }
  }
}
