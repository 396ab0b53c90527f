/// Serializes Python values to JSON text, with every option of `json.dumps`: `indent`,
/// `separators`, `sort_keys`, `skipkeys`, `ensure_ascii`, `allow_nan`, `check_circular`
/// and `default`. One pass, straight into a UTF-8 buffer; CPython's C encoder and its
/// Python one (used for `indent`) give the same text, and so does this.
///
/// What is written for what: None, True, False as `null`, `true`, `false`; a str (or str
/// subclass) quoted and escaped; an int (or subclass) by `int.__repr__`, never the
/// subclass's; a float by `float.__repr__`, with `NaN`, `Infinity`, `-Infinity`; lists and
/// tuples as arrays; dicts as objects (a subclass through its `items()`); anything else is
/// passed to `default` and its result written instead.
/// CPython: Modules/_json.c (`encoder_listencode_obj`, `encoder_listencode_dict`,
/// `encoder_listencode_list`, `escape_unicode`, `ascii_escape_unicode`),
/// Lib/json/encoder.py (`_make_iterencode`, the indent layout).
struct JSONEncoderContext {
  let rt: RuntimeRef
  var out = JSONOutput()
  var skipKeys = false
  var ensureASCII = true
  var checkCircular = true
  var allowNaN = true
  var sortKeys = false
  /// The indent unit (a str), or nil for everything on one line.
  var indent: PyRef?
  var keySeparator: PyRef
  var itemSeparator: PyRef
  var defaultFunction: PyRef?
  /// The containers being written (by address), for "Circular reference detected".
  var markers = Set<UnsafeMutableRawPointer>()
  var level = 0

  init(_ rt: RuntimeRef, keySeparator: PyRef, itemSeparator: PyRef) {
    self.rt = rt
    self.keySeparator = keySeparator
    self.itemSeparator = itemSeparator
  }

  // MARK: - Values

  mutating func encode(_ object: PyRef) -> Bool {
    let state = rt.state
    if object == state.pointee.none { out.append("null"); return true }
    if object == state.pointee.trueObject { out.append("true"); return true }
    if object == state.pointee.falseObject { out.append("false"); return true }
    switch object.type.record.pointee.kind {
    case .str:
      encodeString(object)
      return true
    case .int:
      return encodeInt(object)
    case .float:
      return encodeFloat(object)
    case .list, .tuple:
      return encodeArray(object)
    case .dict:
      return encodeObject(object)
    default:
      return encodeWithDefault(object)
    }
  }

  /// `int.__repr__(value)`: small values written directly.
  mutating func encodeInt(_ value: PyRef) -> Bool {
    if let small = IntObject.exactValue(value) {
      writeDecimal(small)
      return true
    }
    guard let text = PyRef(rt.state.pointee.types.int.record.pointee.repr!(value.raw, rt.raw)) else { return false }
    out.append(str: text)
    rt.decref(text)
    return true
  }

  mutating func writeDecimal(_ value: Int) {
    if value >= 0 && value < 10 {
      out.append(UInt8(48 + value))
      return
    }
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)   // 24 bytes: room for 20 digits and a sign
    withUnsafeMutableBytes(of: &digits) { buffer in
      let base = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
      var position = 24
      var magnitude = value.magnitude
      repeat {
        position -= 1
        base[position] = UInt8(48 + magnitude % 10)
        magnitude /= 10
      } while magnitude > 0
      if value < 0 {
        position -= 1
        base[position] = UInt8(ascii: "-")
      }
      out.append(ascii: base + position, count: 24 - position)
    }
  }

  /// `float.__repr__(value)`, or the JavaScript names of the non-finite values.
  mutating func encodeFloat(_ value: PyRef) -> Bool {
    let x = FloatObject.value(value)
    if !x.isFinite {
      guard allowNaN else {
        rt.raise("ValueError", "Out of range float values are not JSON compliant")
        return false
      }
      if x.isNaN { out.append("NaN") } else if x > 0 { out.append("Infinity") } else { out.append("-Infinity") }
      return true
    }
    out.append(asciiText: FloatObject.repr(x))
    return true
  }

  /// A quoted, escaped string. With `ensure_ascii` everything outside ' '...'~' is escaped
  /// (`\u00e9`, and a surrogate pair above U+FFFF); without, only the quote, the backslash
  /// and the control characters.
  mutating func encodeString(_ str: PyRef) {
    let n = StrObject.length(str)
    out.reserve(n + 2)
    out.append(UInt8(ascii: "\""))
    if StrObject.isASCII(str) {
      let data = StrObject.data(str).assumingMemoryBound(to: UInt8.self)
      var runStart = 0
      for index in 0..<n {
        let byte = data[index]
        if byte >= 0x20 && byte != 0x22 && byte != 0x5C && (byte != 0x7F || !ensureASCII) { continue }
        if index > runStart { out.append(ascii: data + runStart, count: index - runStart) }
        writeEscape(UInt32(byte))
        runStart = index + 1
      }
      if n > runStart { out.append(ascii: data + runStart, count: n - runStart) }
    } else {
      let view = StrObject.view(str)
      for index in 0..<n {
        let value = view[index]
        if value >= 0x20 && value != 0x22 && value != 0x5C && (value < 0x7F || (!ensureASCII)) {
          out.append(codePoint: value)
        } else {
          writeEscape(value)
        }
      }
    }
    out.append(UInt8(ascii: "\""))
  }

  private static let hexDigits: StaticString = "0123456789abcdef"

  mutating func writeEscape(_ value: UInt32) {
    switch value {
    case 0x22: out.append("\\\"")
    case 0x5C: out.append("\\\\")
    case 0x0A: out.append("\\n")
    case 0x0D: out.append("\\r")
    case 0x09: out.append("\\t")
    case 0x08: out.append("\\b")
    case 0x0C: out.append("\\f")
    default:
      if value > 0xFFFF {
        let offset = value - 0x10000
        writeUnicodeEscape(0xD800 | (offset >> 10))
        writeUnicodeEscape(0xDC00 | (offset & 0x3FF))
      } else {
        writeUnicodeEscape(value)
      }
    }
  }

  mutating func writeUnicodeEscape(_ value: UInt32) {
    let hex = JSONEncoderContext.hexDigits.utf8Start
    out.append("\\u")
    out.append(hex[Int((value >> 12) & 0xF)])
    out.append(hex[Int((value >> 8) & 0xF)])
    out.append(hex[Int((value >> 4) & 0xF)])
    out.append(hex[Int(value & 0xF)])
  }

  // MARK: - Containers

  /// Enters a container: the circular check and the recursion limit.
  mutating func enter(_ container: PyRef) -> Bool {
    if checkCircular {
      guard markers.insert(container.raw).inserted else {
        rt.raise("ValueError", "Circular reference detected")
        return false
      }
    }
    guard rt.enterRecursiveCall(" while encoding a JSON object") else {
      if checkCircular { markers.remove(container.raw) }
      return false
    }
    return true
  }

  mutating func leave(_ container: PyRef) {
    rt.leaveRecursiveCall()
    if checkCircular { markers.remove(container.raw) }
  }

  /// A newline and the indent for the current level (nothing without `indent`).
  mutating func newlineIndent() {
    guard let indent else { return }
    out.append(UInt8(ascii: "\n"))
    for _ in 0..<level { out.append(str: indent) }
  }

  mutating func encodeArray(_ sequence: PyRef) -> Bool {
    let isList = sequence.type.record.pointee.kind == .list
    let count = isList ? sequence.size : TupleObject.count(sequence)
    if count == 0 {
      out.append("[]")
      return true
    }
    guard enter(sequence) else { return false }
    out.append(UInt8(ascii: "["))
    level += 1
    newlineIndent()
    var index = 0
    // A list may change under `default`: re-read its size each time.
    while index < (isList ? sequence.size : count) {
      if index > 0 {
        out.append(str: itemSeparator)
        newlineIndent()
      }
      let item = isList ? ListObject.item(sequence, index) : TupleObject.item(sequence, index)!
      item.incref()
      let ok = encode(item)
      rt.decref(item)
      guard ok else {
        leave(sequence)
        return false
      }
      index += 1
    }
    level -= 1
    newlineIndent()
    out.append(UInt8(ascii: "]"))
    leave(sequence)
    return true
  }

  /// The key/value pairs to write, as owned references: a snapshot (encoding a value may
  /// run code that changes the dict), in key order with `sort_keys`.
  mutating func objectItems(_ dict: PyRef) -> [(PyRef, PyRef)]? {
    var pairs: [(PyRef, PyRef)] = []
    if dict.type == rt.state.pointee.types.dict && !sortKeys {
      pairs.reserveCapacity(DictObject.count(dict))
      var position = 0
      while let (key, value, _) = rt.dictNext(dict, &position) {
        key.incref()
        value.incref()
        pairs.append((key, value))
      }
      return pairs
    }
    guard let view = rt.callMethod(dict, "items") else { return nil }
    defer { rt.decref(view) }
    guard let items = rt.listFrom(view) else { return nil }
    defer { rt.decref(items) }
    if sortKeys {
      guard let sorted = rt.callMethod(items, "sort") else { return nil }
      rt.decref(sorted)
    }
    for index in 0..<items.size {
      let item = ListObject.item(items, index)
      guard item.type.record.pointee.kind == .tuple, TupleObject.count(item) == 2 else {
        for (key, value) in pairs { rt.decref(key); rt.decref(value) }
        rt.raise("ValueError", "items must return 2-tuples")
        return nil
      }
      let key = TupleObject.item(item, 0)!, value = TupleObject.item(item, 1)!
      key.incref()
      value.incref()
      pairs.append((key, value))
    }
    return pairs
  }

  /// A dict key as the str written for it, or nil to skip it (`skipkeys`); false on error.
  mutating func keyText(_ key: PyRef) -> (text: PyRef?, ok: Bool) {
    let state = rt.state
    switch key.type.record.pointee.kind {
    case .str:
      key.incref()
      return (key, true)
    case .float:
      let x = FloatObject.value(key)
      if !x.isFinite {
        guard allowNaN else {
          rt.raise("ValueError", "Out of range float values are not JSON compliant")
          return (nil, false)
        }
        return (rt.newStr(x.isNaN ? "NaN" : x > 0 ? "Infinity" : "-Infinity"), true)
      }
      return (rt.newStr(FloatObject.repr(x)), true)
    default:
      break
    }
    if key == state.pointee.trueObject { return (rt.newStr("true"), true) }
    if key == state.pointee.falseObject { return (rt.newStr("false"), true) }
    if key == state.pointee.none { return (rt.newStr("null"), true) }
    if key.type.record.pointee.kind == .int {
      return (PyRef(state.pointee.types.int.record.pointee.repr!(key.raw, rt.raw)), true)
    }
    if skipKeys { return (nil, true) }
    rt.raise("TypeError", "keys must be str, int, float, bool or None, not \(key.type.name)")
    return (nil, false)
  }

  mutating func encodeObject(_ dict: PyRef) -> Bool {
    if DictObject.count(dict) == 0 {
      out.append("{}")
      return true
    }
    guard enter(dict) else { return false }
    guard let pairs = objectItems(dict) else {
      leave(dict)
      return false
    }
    var ok = true
    out.append(UInt8(ascii: "{"))
    level += 1
    newlineIndent()
    var written = 0
    for (key, value) in pairs {
      defer { rt.decref(key); rt.decref(value) }
      guard ok else { continue }
      let (text, keyOK) = keyText(key)
      guard keyOK else { ok = false; continue }
      guard let text else { continue }
      if written > 0 {
        out.append(str: itemSeparator)
        newlineIndent()
      }
      encodeString(text)
      rt.decref(text)
      out.append(str: keySeparator)
      if !encode(value) { ok = false }
      written += 1
    }
    guard ok else {
      leave(dict)
      return false
    }
    level -= 1
    newlineIndent()
    out.append(UInt8(ascii: "}"))
    leave(dict)
    return true
  }

  /// Anything else: `default(object)` is written in its place.
  mutating func encodeWithDefault(_ object: PyRef) -> Bool {
    guard let function = defaultFunction else {
      rt.raise("TypeError", "Object of type \(rt.shortTypeName(object.type)) is not JSON serializable")
      return false
    }
    guard enter(object) else { return false }
    defer { leave(object) }
    guard let replacement = rt.call(function, [object]) else { return false }
    defer { rt.decref(replacement) }
    return encode(replacement)
  }
}
