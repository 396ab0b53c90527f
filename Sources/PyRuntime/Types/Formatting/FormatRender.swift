/// `__format__` for str, int (and bool) and float: the mini-language applied.
/// CPython: Python/formatter_unicode.c (`_PyUnicode_FormatAdvancedWriter`,
/// `_PyLong_FormatAdvancedWriter`, `_PyFloat_FormatAdvancedWriter`, `format_string_internal`,
/// `format_long_internal`, `format_float_internal`).
extension RuntimeRef {
  /// `format(s, spec)` for a str.
  public func formatStr(_ str: PyRef, _ spec: PyRef) -> PyRef? {
    if StrObject.length(spec) == 0 {
      return isExactStr(str) ? strExact(str) : self.str(str)
    }
    let typeName = str.type.name
    guard let format = FormatSpec.parse(self, spec, typeName: typeName, defaultType: 0x73, defaultAlign: 0x3C) else {
      return nil
    }
    guard format.type == 0x73 else {
      raiseUnknownFormatCode(format.type!, typeName)
      return nil
    }
    if let sign = format.sign {
      raise("ValueError", sign == 0x20 ? "Space not allowed in string format specifier"
                                       : "Sign not allowed in string format specifier")
      return nil
    }
    if format.noNegativeZero {
      raise("ValueError", "Negative zero coercion (z) not allowed in string format specifier")
      return nil
    }
    if format.alternate {
      raise("ValueError", "Alternate form (#) not allowed in string format specifier")
      return nil
    }
    if format.align == 0x3D {
      raise("ValueError", "'=' alignment not allowed in string format specifier")
      return nil
    }
    let length = StrObject.length(str)
    if (format.width ?? -1) <= length && (format.precision ?? Int.max) >= length { return strExact(str) }
    var builder = StrBuilder(capacity: max(format.width ?? 0, length))
    format.renderText(str, into: &builder)
    return builder.finish(self)
  }

  /// `format(n, spec)` for an int or a bool.
  public func formatInt(_ int: PyRef, _ spec: PyRef) -> PyRef? {
    if StrObject.length(spec) == 0 {
      if int.type == state.pointee.types.int, let text = intToDecimalString(int) { return newStr(text) }
      if hasError { return nil }
      return str(int)
    }
    let typeName = int.type.name
    guard let format = FormatSpec.parse(self, spec, typeName: typeName, defaultType: 0x64, defaultAlign: 0x3E) else {
      return nil
    }
    switch format.type! {
    case 0x62, 0x63, 0x64, 0x6F, 0x78, 0x58, 0x6E:   // b c d o x X n
      return formatIntInternal(int, format)
    case 0x65, 0x45, 0x66, 0x46, 0x67, 0x47, 0x25:   // e E f F g G %
      guard let value = intToDouble(int) else { return nil }
      return formatFloatInternal(value, format)
    default:
      raiseUnknownFormatCode(format.type!, typeName)
      return nil
    }
  }

  /// `format(x, spec)` for a float (`object` is the float, for `str()` and the messages).
  public func formatFloat(_ object: PyRef, _ spec: PyRef) -> PyRef? {
    if StrObject.length(spec) == 0 { return str(object) }
    let typeName = object.type.name
    guard let format = FormatSpec.parse(self, spec, typeName: typeName, defaultType: nil, defaultAlign: 0x3E) else {
      return nil
    }
    switch format.type {
    case nil, 0x65, 0x45, 0x66, 0x46, 0x67, 0x47, 0x6E, 0x25:   // none e E f F g G n %
      return formatFloatInternal(FloatObject.value(object), format)
    default:
      raiseUnknownFormatCode(format.type!, typeName)
      return nil
    }
  }

  private func formatIntInternal(_ int: PyRef, _ format: FormatSpec) -> PyRef? {
    if format.precision != nil {
      raise("ValueError", "Precision not allowed in integer format specifier")
      return nil
    }
    if format.noNegativeZero {
      raise("ValueError", "Negative zero coercion (z) not allowed in integer format specifier")
      return nil
    }
    var parts = NumberParts()
    let type = format.type!
    if type == 0x63 {
      if format.sign != nil {
        raise("ValueError", "Sign not allowed with integer format specifier 'c'")
        return nil
      }
      if format.alternate {
        raise("ValueError", "Alternate form (#) not allowed with integer format specifier 'c'")
        return nil
      }
      guard let value = intAsInt(int) else { return nil }
      guard value >= 0 && value <= Int(StrObject.maxCodePoint) else {
        raise("OverflowError", "%c arg not in range(0x110000)")
        return nil
      }
      parts.remainder = [UInt32(value)]
    } else {
      let base = switch type {
      case 0x62: 2
      case 0x6F: 8
      case 0x78, 0x58: 16
      default: 10
      }
      guard let text = intToString(int, base: base) else { return nil }
      var scalars = Array(text.unicodeScalars.map(\.value))
      if scalars.first == 0x2D {
        parts.negative = true
        scalars.removeFirst()
      }
      if base != 10 {
        if format.alternate { parts.prefix = Array(scalars[0..<2]) }
        scalars.removeFirst(2)
      }
      parts.digits = scalars
    }
    var format = format
    if type == 0x6E { format.thousands = nil }
    var builder = StrBuilder(capacity: max(format.width ?? 0, parts.digits.count + 4))
    format.renderNumber(parts, upper: type == 0x58, into: &builder)
    return builder.finish(self)
  }

  /// Formats a double by an already parsed spec (float `__format__`, and int with a float
  /// presentation type).
  func formatFloatInternal(_ value: Double, _ format: FormatSpec) -> PyRef? {
    var format = format
    var value = value
    var flags: FloatToString.Flags = []
    if format.alternate { flags.insert(.alternate) }
    if format.noNegativeZero { flags.insert(.noNegativeZero) }
    var code = format.type ?? 0
    var defaultPrecision = 6
    if code == 0 {
      flags.insert(.addDot0)
      code = 0x72   // r
      defaultPrecision = 0
    }
    if code == 0x6E { code = 0x67 }   // n is g in the C locale
    var percent = false
    if code == 0x25 {
      code = 0x66
      value *= 100
      percent = true
    }
    var precision = defaultPrecision
    if let given = format.precision {
      guard given <= Int(Int32.max) else {
        raise("ValueError", "precision too big")
        return nil
      }
      precision = given
      if code == 0x72 { code = 0x67 }
    }
    var bytes = FloatToString.format(value, code: UInt8(code), precision: precision, flags: flags)
    if percent { bytes.append(UInt8(ascii: "%")) }
    var parts = NumberParts()
    var index = 0
    if bytes.first == UInt8(ascii: "-") {
      parts.negative = true
      index = 1
    }
    while index < bytes.count && bytes[index] >= 0x30 && bytes[index] <= 0x39 {
      parts.digits.append(UInt32(bytes[index]))
      index += 1
    }
    if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
      parts.hasDecimal = true
      index += 1
    }
    parts.remainder = bytes[index...].map(UInt32.init)
    if format.type == 0x6E { format.thousands = nil }
    var builder = StrBuilder(capacity: max(format.width ?? 0, bytes.count + 2))
    format.renderNumber(parts, into: &builder)
    return builder.finish(self)
  }
}
