/// printf-style formatting: `format % values`.
///
/// `values` is a tuple of arguments, a mapping (for `%(key)s`; any object with `__getitem__`
/// that is not a tuple or a str counts), or a single argument. Each conversion is `%`,
/// an optional `(key)`, flags `-+ #0`, a width and a precision (either may be `*`, taken
/// from the arguments), an ignored `h`, `l` or `L`, and the conversion character.
/// CPython: Objects/unicodeobject.c (`PyUnicode_Format`, `unicode_format_arg_parse`,
/// `unicode_format_arg_format`, `unicode_format_arg_output`, `mainformatlong`,
/// `_PyUnicode_FormatLong`, `formatfloat`, `formatchar`).
extension RuntimeRef {
  /// `format % values` for a str `format`. A new str, or nil with an exception set.
  public func percentFormat(_ format: PyRef, _ values: PyRef) -> PyRef? {
    var formatter = PercentFormatter(rt: self, format: format, values: values)
    return formatter.run()
  }
}

struct PercentFormatter {
  let rt: RuntimeRef
  let text: [UInt32]
  /// The argument tuple, or the single argument.
  var arguments: PyRef
  var ownsArguments = false
  /// The mapping for `%(key)s`, when the values are one.
  let mapping: PyRef?
  /// CPython's `arglen`/`argidx`: -1/-2 for a single (non-tuple) argument.
  var argumentCount: Int
  var argumentIndex: Int
  var position = 0
  var builder: StrBuilder

  struct Flags: OptionSet {
    let rawValue: Int
    static let leftJustify = Flags(rawValue: 1)
    static let sign = Flags(rawValue: 2)
    static let blank = Flags(rawValue: 4)
    static let alternate = Flags(rawValue: 8)
    static let zero = Flags(rawValue: 16)
  }

  init(rt: RuntimeRef, format: PyRef, values: PyRef) {
    self.rt = rt
    text = StrObject.codePoints(format)
    arguments = values
    let kind = values.type.record.pointee.kind
    if kind == .tuple {
      argumentCount = TupleObject.count(values)
      argumentIndex = 0
    } else {
      argumentCount = -1
      argumentIndex = -2
    }
    // `PyMapping_Check`: anything subscriptable (lists too) but tuples and strings.
    let subscriptable = values.type.record.pointee.getItem != nil || kind == .dict || kind == .list
    mapping = kind != .tuple && kind != .str && subscriptable ? values : nil
    builder = StrBuilder(capacity: text.count + 16)
  }

  mutating func run() -> PyRef? {
    defer { if ownsArguments { rt.decref(arguments) } }
    while position < text.count {
      let value = text[position]
      if value != 0x25 {
        builder.append(value)
        position += 1
        continue
      }
      position += 1
      guard conversion() else { return nil }
    }
    if argumentIndex < argumentCount && mapping == nil {
      rt.raise("TypeError", "not all arguments converted during string formatting")
      return nil
    }
    return builder.finish(rt)
  }

  private func fail(_ type: String, _ message: String) -> Bool {
    rt.raise(type, message)
    return false
  }

  /// The next argument (borrowed).
  private mutating func nextArgument() -> PyRef? {
    guard argumentIndex < argumentCount else {
      rt.raise("TypeError", "not enough arguments for format string")
      return nil
    }
    let index = argumentIndex
    argumentIndex += 1
    if argumentCount < 0 { return arguments }
    return TupleObject.item(arguments, index)
  }

  /// The character at `position`, advancing; nil at the end.
  private mutating func read() -> UInt32? {
    guard position < text.count else { return nil }
    defer { position += 1 }
    return text[position]
  }

  /// One conversion, `position` just after its `%`.
  private mutating func conversion() -> Bool {
    if position < text.count && text[position] == 0x25 {
      position += 1
      builder.append(0x25)
      return true
    }
    if position < text.count && text[position] == 0x28 {
      guard let mapping else { return fail("TypeError", "format requires a mapping") }
      position += 1
      let keyStart = position
      var depth = 1
      while depth > 0, let value = read() {
        if value == 0x29 { depth -= 1 } else if value == 0x28 { depth += 1 }
      }
      guard depth == 0, position < text.count else { return fail("ValueError", "incomplete format key") }
      guard let key = rt.newStr(codePoints: Array(text[keyStart..<position - 1])) else { return false }
      let value = rt.textGetItem(mapping, key)
      rt.decref(key)
      guard let value else { return false }
      if ownsArguments { rt.decref(arguments) }
      arguments = value
      ownsArguments = true
      argumentCount = -1
      argumentIndex = -2
    }
    var flags: Flags = []
    var character: UInt32? = nil
    while let value = read() {
      character = value
      switch value {
      case 0x2D: flags.insert(.leftJustify); continue
      case 0x2B: flags.insert(.sign); continue
      case 0x20: flags.insert(.blank); continue
      case 0x23: flags.insert(.alternate); continue
      case 0x30: flags.insert(.zero); continue
      default: break
      }
      break
    }
    var ended = character == nil || (position >= text.count && isFlag(character!))
    var width = -1
    if character == 0x2A {
      guard let value = nextArgument() else { return false }
      guard rt.isInt(value) || value.type.record.pointee.kind == .int else { return fail("TypeError", "* wants int") }
      guard let number = IntObject.exactValue(value) else {
        return fail("OverflowError", "Python int too large to convert to C ssize_t")
      }
      width = number
      if width < 0 {
        flags.insert(.leftJustify)
        width = -width
      }
      character = read()
      ended = character == nil
    } else if let digit = character, digit >= 0x30 && digit <= 0x39 {
      width = Int(digit - 0x30)
      ended = true
      while let value = read() {
        character = value
        guard value >= 0x30 && value <= 0x39 else { ended = false; break }
        guard width <= (Int.max - Int(value - 0x30)) / 10 else { return fail("ValueError", "width too big") }
        width = width * 10 + Int(value - 0x30)
      }
    }
    var precision = -1
    if !ended && character == 0x2E {
      precision = 0
      character = read()
      ended = character == nil
      if character == 0x2A {
        guard let value = nextArgument() else { return false }
        guard rt.isInt(value) || value.type.record.pointee.kind == .int else { return fail("TypeError", "* wants int") }
        guard let number = IntObject.exactValue(value), number >= Int(Int32.min), number <= Int(Int32.max) else {
          return fail("OverflowError", "Python int too large to convert to C int")
        }
        precision = max(number, 0)
        character = read()
        ended = character == nil
      } else if let digit = character, digit >= 0x30 && digit <= 0x39 {
        precision = Int(digit - 0x30)
        ended = true
        while let value = read() {
          character = value
          guard value >= 0x30 && value <= 0x39 else { ended = false; break }
          guard precision <= (Int(Int32.max) - Int(value - 0x30)) / 10 else {
            return fail("ValueError", "precision too big")
          }
          precision = precision * 10 + Int(value - 0x30)
        }
      }
    }
    if !ended, let value = character, value == 0x68 || value == 0x6C || value == 0x4C {
      character = read()
      ended = character == nil
    }
    guard !ended, let type = character else { return fail("ValueError", "incomplete format") }
    return format(type, flags: flags, width: width, precision: precision)
  }

  private func isFlag(_ value: UInt32) -> Bool {
    value == 0x2D || value == 0x2B || value == 0x20 || value == 0x23 || value == 0x30
  }

  /// Formats the next argument by conversion `type` and writes it padded.
  private mutating func format(_ type: UInt32, flags: Flags, width: Int, precision: Int) -> Bool {
    guard let value = nextArgument() else { return false }
    var numeric = false
    let string: PyRef
    switch type {
    case 0x73, 0x72, 0x61:   // s r a
      let converted = type == 0x73 ? rt.str(value) : type == 0x72 ? rt.repr(value) : rt.ascii(value)
      guard let converted else { return false }
      string = converted
    case 0x69, 0x64, 0x75, 0x6F, 0x78, 0x58:   // i d u o x X
      guard let converted = formatInteger(value, type, flags: flags, precision: precision) else { return false }
      string = converted
      numeric = true
    case 0x65, 0x45, 0x66, 0x46, 0x67, 0x47:   // e E f F g G
      guard let x = realValue(value) else { return false }
      let bytes = FloatToString.format(x, code: UInt8(type), precision: precision < 0 ? 6 : precision,
                                       flags: flags.contains(.alternate) ? .alternate : [])
      guard let converted = rt.newStr(utf8: bytes) else { return false }
      string = converted
      numeric = true
    case 0x63:   // c
      guard let character = characterValue(value), let converted = rt.newCharacter(character) else { return false }
      string = converted
    default:
      let shown = type >= 31 && type <= 126 ? String(UnicodeScalar(UInt8(type))) : "?"
      return fail("ValueError", "unsupported format character '\(shown)' (0x\(String(type, radix: 16))) at index \(position - 1)")
    }
    defer { rt.decref(string) }
    output(string, type, flags: flags, width: width, precision: precision, numeric: numeric)
    if mapping != nil && argumentIndex < argumentCount {
      return fail("TypeError", "not all arguments converted during string formatting")
    }
    return true
  }

  /// `mainformatlong` + `_PyUnicode_FormatLong`: the digits with any sign, the `0x`/`0o`
  /// prefix in the alternate form, zero-extended to the precision.
  private func formatInteger(_ value: PyRef, _ type: UInt32, flags: Flags, precision: Int) -> PyRef? {
    let hexOrOctal = type == 0x6F || type == 0x78 || type == 0x58
    func wrongType() -> PyRef? {
      let name = String(UnicodeScalar(UInt8(type)))
      rt.raise("TypeError", "%\(name) format: \(hexOrOctal ? "an integer" : "a real number") is required, not \(value.type.name)")
      return nil
    }
    let kind = value.type.record.pointee.kind
    let integer: PyRef
    if kind == .int || kind == .bool {
      value.incref()
      integer = value
    } else if hexOrOctal {
      guard rt.textSupportsIndex(value) else { return wrongType() }
      guard let index = rt.textIndexObject(value) else { return nil }
      integer = index
    } else if kind == .float {
      guard let truncated = rt.newInt(truncating: FloatObject.value(value)) else { return nil }
      integer = truncated
    } else if rt.lookup(value.type, "__int__") != nil || rt.lookup(value.type, "__index__") != nil {
      let (_, result) = rt.lookup(value.type, "__int__") != nil ? rt.callSpecial(value, "__int__")
                                                                 : rt.callSpecial(value, "__index__")
      guard let result else { return nil }
      guard result.type.record.pointee.kind == .int || result.type.record.pointee.kind == .bool else {
        rt.raise("TypeError", "__int__ returned non-int (type \(result.type.name))")
        rt.decref(result)
        return nil
      }
      integer = result
    } else {
      return wrongType()
    }
    defer { rt.decref(integer) }
    let base = type == 0x6F ? 8 : hexOrOctal ? 16 : 10
    guard let text = rt.intToString(integer, base: base) else { return nil }
    var scalars = Array(text.unicodeScalars.map(\.value))
    let negative = scalars.first == 0x2D
    if negative { scalars.removeFirst() }
    var prefix: [UInt32] = []
    if base != 10 {
      if flags.contains(.alternate) { prefix = Array(scalars[0..<2]) }
      scalars.removeFirst(2)
    }
    if precision > scalars.count { scalars.insert(contentsOf: repeatElement(0x30, count: precision - scalars.count), at: 0) }
    var result = (negative ? [0x2D] : []) + prefix + scalars
    if type == 0x58 { result = result.map(FormatSpec.upperASCII) }
    return rt.newStr(codePoints: result)
  }

  /// `PyFloat_AsDouble` for `%e %f %g`.
  private func realValue(_ value: PyRef) -> Double? {
    let kind = value.type.record.pointee.kind
    if kind == .float { return FloatObject.value(value) }
    if kind == .int || kind == .bool { return rt.intToDouble(value) }
    if rt.lookup(value.type, "__float__") != nil {
      let (_, result) = rt.callSpecial(value, "__float__")
      guard let result else { return nil }
      defer { rt.decref(result) }
      guard result.type.record.pointee.kind == .float else {
        rt.raise("TypeError", "\(value.type.name).__float__ returned non-float (type \(result.type.name))")
        return nil
      }
      return FloatObject.value(result)
    }
    if rt.lookup(value.type, "__index__") != nil {
      guard let index = rt.textIndexObject(value) else { return nil }
      defer { rt.decref(index) }
      return rt.intToDouble(index)
    }
    rt.raise("TypeError", "must be real number, not \(value.type.name)")
    return nil
  }

  /// `formatchar`: a one-character str, or an index in range(0x110000).
  private func characterValue(_ value: PyRef) -> UInt32? {
    if rt.isStr(value) {
      if StrObject.length(value) == 1 { return StrObject.codePoint(value, 0) }
      rt.raise("TypeError", "%c requires int or char")
      return nil
    }
    guard rt.textSupportsIndex(value) else {
      rt.raise("TypeError", "%c requires int or char")
      return nil
    }
    guard let number = rt.textIndexValue(value, overflow: .clamp) else { return nil }
    guard number >= 0 && number <= Int(StrObject.maxCodePoint) else {
      rt.raise("OverflowError", "%c arg not in range(0x110000)")
      return nil
    }
    return UInt32(number)
  }

  /// `unicode_format_arg_output`: sign, prefix, padding.
  private mutating func output(_ string: PyRef, _ type: UInt32, flags: Flags, width: Int, precision: Int, numeric: Bool) {
    var sign = numeric
    let fill: UInt32 = sign && flags.contains(.zero) ? 0x30 : 0x20
    var length = StrObject.length(string)
    if (width == -1 || width <= length) && (precision == -1 || precision >= length)
      && !flags.contains(.sign) && !flags.contains(.blank) {
      builder.append(str: string)
      return
    }
    if type == 0x73 || type == 0x72 || type == 0x61, precision >= 0, length >= precision { length = precision }
    let view = StrObject.view(string)
    var index = 0
    var signCharacter: UInt32 = 0
    if sign {
      let first = view[0]
      if first == 0x2D || first == 0x2B {
        signCharacter = first
        length -= 1
        index += 1
      } else if flags.contains(.sign) {
        signCharacter = 0x2B
      } else if flags.contains(.blank) {
        signCharacter = 0x20
      } else {
        sign = false
      }
    }
    var width = max(width, length)
    if sign {
      if fill != 0x20 { builder.append(signCharacter) }
      if width > length { width -= 1 }
    }
    let prefixed = flags.contains(.alternate) && (type == 0x78 || type == 0x58 || type == 0x6F)
    if prefixed {
      if fill != 0x20 {
        builder.append(0x30)
        builder.append(type)
        index += 2
      }
      width = max(width - 2, 0)
      length -= 2
    }
    if width > length && !flags.contains(.leftJustify) {
      builder.append(repeating: fill, count: width - length)
      width = length
    }
    if fill == 0x20 {
      if sign { builder.append(signCharacter) }
      if prefixed {
        builder.append(0x30)
        builder.append(type)
        index += 2
      }
    }
    if length > 0 { builder.append(str: string, from: index, to: index + length) }
    if width > length { builder.append(repeating: 0x20, count: width - length) }
  }
}
