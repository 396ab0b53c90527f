/// `int(x=0, /)` and `int(x, /, base=10)`: the type's `new` slot, and `PyNumber_Long`
/// (``RuntimeRef/toInt(_:)``), which it shares with the interpreter.
///
/// Without a base, `int(x)` asks, in CPython's order: an int is copied (a plain int is
/// itself); then `x.__int__()` (float truncates toward zero), `x.__index__()`,
/// `x.__trunc__()`; then text (str, bytes, bytearray) is parsed in base 10; anything else
/// is a TypeError. With a base, `x` must be text.
///
/// `int` can be subclassed: called with a subclass, `new` builds the plain int and copies
/// its digits into an instance of the subclass (CPython's `long_subtype_new`).
/// CPython: Objects/longobject.c (`long_new_impl`, `long_subtype_new`), Objects/abstract.c
/// (`PyNumber_Long`).
enum IntConstruction {
  static let new: Slot.VectorCall = { typeRaw, argv, count, names, runtime in
    let args = Arguments(runtime, argv, count, names)
    let rt = args.rt
    let total = count + args.keywordCount
    guard total <= 2 else {
      rt.raise("TypeError", "int() takes at most 2 arguments (\(total) given)")
      return nil
    }
    let x: PyRef? = count > 0 ? args[0] : nil
    var base: PyRef? = count > 1 ? args[1] : nil
    for index in 0..<args.keywordCount {
      let (name, value) = args.keyword(index)
      let text = StrObject.string(name)
      guard text == "base" else {
        rt.raise("TypeError", "'\(text)' is an invalid keyword argument for int()")
        return nil
      }
      base = value
    }
    guard let value = rt.newInt(constructing: x, base: base) else { return nil }
    return rt.intInstance(of: PyType(typeRaw), from: value)?.raw
  }
}

extension RuntimeRef {
  /// `int()`, `int(x)`, `int(x, base)` (either may be nil): a plain int.
  func newInt(constructing x: PyRef?, base: PyRef?) -> PyRef? {
    guard let x else {
      if base != nil {
        raise("TypeError", "int() missing string argument")
        return nil
      }
      return smallInt(0)
    }
    guard let base else { return toInt(x) }
    guard let radix = asIndexClamped(base) else { return nil }
    guard radix == 0 || (2...36).contains(radix) else {
      raise("ValueError", "int() base must be >= 2 and <= 36, or 0")
      return nil
    }
    switch x.type.record.pointee.kind {
    case .str, .bytes, .bytearray: return newInt(text: x, base: radix)
    default:
      raise("TypeError", "int() can't convert non-string with explicit base")
      return nil
    }
  }

  /// `int(x)` (`PyNumber_Long`): a new plain int, or nil with TypeError "int() argument
  /// must be a string, a bytes-like object or a real number, not 'list'", "__int__
  /// returned non-int (type str)", ValueError "invalid literal for int() with base 10:
  /// 'x'", ValueError/OverflowError for a NaN or infinite float.
  public func toInt(_ x: PyRef) -> PyRef? {
    let types = state.pointee.types
    let type = x.type
    if type == types.int {
      x.incref()
      return x
    }
    if type == types.bool { return copyInt(x, negative: false) }
    if type == types.float { return newInt(truncating: FloatObject.value(x)) }
    if type == types.str { return newInt(text: x, base: 10) }
    let (hasInt, viaInt) = callSpecial(x, "__int__")
    if hasInt { return exactIntResult(viaInt, "__int__") }
    let (hasIndex, viaIndex) = callSpecial(x, "__index__")
    if hasIndex { return exactIntResult(viaIndex, "__index__") }
    let (hasTrunc, viaTrunc) = callSpecial(x, "__trunc__")
    if hasTrunc {
      guard let truncated = viaTrunc else { return nil }
      defer { decref(truncated) }
      if isInt(truncated) { return exactInt(truncated) }
      guard lookup(truncated.type, "__index__") != nil else {
        raise("TypeError", "__trunc__ returned non-Integral (type \(truncated.type.name))")
        return nil
      }
      return index(truncated)
    }
    switch type.record.pointee.kind {
    case .str, .bytes, .bytearray: return newInt(text: x, base: 10)
    default:
      raise("TypeError", "int() argument must be a string, a bytes-like object or a real number, not '\(type.name)'")
      return nil
    }
  }

  /// The int a special method returned, as a plain int: an int subclass is copied (CPython
  /// also warns, DeprecationWarning); anything else is TypeError "__int__ returned non-int
  /// (type str)". Consumes `result`.
  func exactIntResult(_ result: PyRef?, _ method: String) -> PyRef? {
    guard let result else { return nil }
    if isExactInt(result) { return result }
    defer { decref(result) }
    guard isInt(result) else {
      raise("TypeError", "\(method) returned non-int (type \(result.type.name))")
      return nil
    }
    return copyInt(result, negative: IntObject.isNegative(result))
  }

  /// `int(a)` for an int-like `a` (`long_long`): `a` itself when it is a plain int, else a
  /// plain copy (a bool or a subclass instance).
  public func exactInt(_ a: PyRef) -> PyRef? {
    if isExactInt(a) {
      a.incref()
      return a
    }
    return copyInt(a, negative: IntObject.isNegative(a))
  }

  /// Parses a str, bytes or bytearray as an int in `base`.
  func newInt(text: PyRef, base: Int) -> PyRef? {
    let limit = state.pointee.numbers.intMaxStrDigits
    if text.type.record.pointee.kind == .str {
      if StrObject.isASCII(text) {
        let bytes = [UInt8](UnsafeBufferPointer(start: StrObject.data(text).assumingMemoryBound(to: UInt8.self),
                                                count: StrObject.length(text)))
        return newInt(asciiForm: bytes, base: base, limit: limit) {
          NumberText.truncatedRepr(StrObject.string(text))
        }
      }
      let string = StrObject.string(text)
      return newInt(asciiForm: IntLiteral.asciiForm(string), base: base, limit: limit) {
        NumberText.truncatedRepr(string)
      }
    }
    guard let bytes = bytesLikeContents(text) else { return nil }
    return newInt(asciiForm: bytes, base: base, limit: limit) { bytesReprForMessage(bytes) }
  }

  /// The bytes of a bytes or bytearray object (or an instance of a subclass).
  func bytesLikeContents(_ object: PyRef) -> [UInt8]? {
    if object.type.record.pointee.kind == .bytes { return BytesObject.array(object) }
    var bytes: [UInt8] = []
    let ok = forEach(object) { item in
      guard let value = asIndex(item) else { return false }
      guard (0...255).contains(value) else {
        raise("ValueError", "bytes must be in range(0, 256)")
        return false
      }
      bytes.append(UInt8(value))
      return true
    }
    return ok ? bytes : nil
  }

  /// `repr(bytes(contents))` cut to 200 characters (`%.200R`), for error messages.
  func bytesReprForMessage(_ contents: [UInt8]) -> String {
    guard let bytes = newBytes(contents) else { return "" }
    defer { decref(bytes) }
    guard let text = bytesReprString(bytes) else {
      clearError()
      return ""
    }
    return String(String.UnicodeScalarView(text.unicodeScalars.prefix(200)))
  }

  /// An instance of `type` (int or a subclass of int) with the value of the plain int
  /// `value` (consumed). The digits are written after ``initializeInstanceSlots(_:)`` has
  /// cleared the fields the class adds, so a layout that put them after the int's header
  /// could not overwrite them.
  func intInstance(of type: PyType, from value: PyRef) -> PyRef? {
    if type == state.pointee.types.int { return value }
    defer { decref(value) }
    let count = IntObject.digitCount(value)
    guard let object = allocateObject(type, itemCount: max(count, 1)) else { return nil }
    initializeInstanceSlots(object)
    IntObject.digits(object).update(from: IntObject.digits(value), count: max(count, 1))
    object.size = value.size
    if type.isGC { track(object) }
    return object
  }
}
