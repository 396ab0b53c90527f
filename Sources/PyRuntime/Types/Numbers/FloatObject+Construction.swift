/// `float(x=0.0, /)`: the type's `new` slot, and `PyNumber_Float`
/// (``RuntimeRef/toFloat(_:)``), which it shares with the interpreter.
///
/// `float(x)` asks, in CPython's order: a float is itself (a subclass instance is copied);
/// then `x.__float__()` (ints convert, OverflowError "int too large to convert to float"),
/// `x.__index__()`; then text (str, bytes, bytearray) is parsed (``FloatText``); anything
/// else is TypeError "float() argument must be a string or a real number, not 'list'".
///
/// Called with a subclass of float, `new` makes the plain float and copies its value into
/// an instance of the subclass (CPython's `float_subtype_new`). Keywords are refused only
/// when the class keeps float's `__init__` (a subclass with its own `__init__` may take
/// them, as in CPython).
/// CPython: Objects/floatobject.c (`float_new_impl`, `float_subtype_new`,
/// `PyFloat_FromString`), Objects/abstract.c (`PyNumber_Float`).
enum FloatConstruction {
  static let new: Slot.VectorCall = { typeRaw, argv, count, names, runtime in
    let args = Arguments(runtime, argv, count, names)
    let rt = args.rt
    let type = PyType(typeRaw)
    let float = rt.state.pointee.types.float!
    if args.keywordCount > 0,
       type == float || sameFunction(type.record.pointee.initialize, float.record.pointee.initialize) {
      rt.raise("TypeError", "float() takes no keyword arguments")
      return nil
    }
    guard count <= 1 else {
      rt.raise("TypeError", "float expected at most 1 argument, got \(count)")
      return nil
    }
    guard let value = count == 0 ? rt.newFloat(0) : rt.toFloat(args[0]) else { return nil }
    return rt.floatInstance(of: type, from: value)?.raw
  }
}

extension RuntimeRef {
  /// `float(x)` (`PyNumber_Float`): a new plain float, or nil with an exception set.
  public func toFloat(_ x: PyRef) -> PyRef? {
    let types = state.pointee.types
    let type = x.type
    if type == types.float {
      x.incref()
      return x
    }
    if type == types.int || type == types.bool {
      guard let value = intToDouble(x) else { return nil }
      return newFloat(value)
    }
    if type == types.str { return newFloat(text: x) }
    let (hasFloat, viaFloat) = callSpecial(x, "__float__")
    if hasFloat {
      guard let result = viaFloat else { return nil }
      if isExactFloat(result) { return result }
      defer { decref(result) }
      guard isFloat(result) else {
        raise("TypeError", "\(type.name).__float__ returned non-float (type \(result.type.name))")
        return nil
      }
      return newFloat(FloatObject.value(result))
    }
    let (hasIndex, viaIndex) = callSpecial(x, "__index__")
    if hasIndex {
      guard let integer = exactIntResult(viaIndex, "__index__") else { return nil }
      defer { decref(integer) }
      guard let value = intToDouble(integer) else { return nil }
      return newFloat(value)
    }
    if isFloat(x) { return newFloat(FloatObject.value(x)) }
    switch type.record.pointee.kind {
    case .str, .bytes, .bytearray: return newFloat(text: x)
    default:
      raise("TypeError", "float() argument must be a string or a real number, not '\(type.name)'")
      return nil
    }
  }

  /// `float(text)` for a str, bytes or bytearray. ValueError "could not convert string to
  /// float: 'x'" (the argument's repr).
  func newFloat(text: PyRef) -> PyRef? {
    let bytes: [UInt8]
    if text.type.record.pointee.kind == .str {
      if StrObject.isASCII(text) {
        bytes = [UInt8](UnsafeBufferPointer(start: StrObject.data(text).assumingMemoryBound(to: UInt8.self),
                                            count: StrObject.length(text)))
      } else {
        bytes = IntLiteral.asciiForm(StrObject.string(text))
      }
    } else {
      guard let contents = bytesLikeContents(text) else { return nil }
      bytes = contents
    }
    if let value = FloatText.parse(bytes) { return newFloat(value) }
    let description: String
    if text.type.record.pointee.kind == .str {
      description = reprString(text) ?? NumberText.repr(StrObject.string(text))
    } else {
      description = bytesReprForMessage(bytes)
    }
    clearError()
    raise("ValueError", "could not convert string to float: " + description)
    return nil
  }

  /// An instance of `type` (float or a subclass of float) with the value of the plain
  /// float `value` (consumed).
  func floatInstance(of type: PyType, from value: PyRef) -> PyRef? {
    if type == state.pointee.types.float { return value }
    defer { decref(value) }
    guard let object = allocateObject(type) else { return nil }
    initializeInstanceSlots(object)
    object.raw.storeBytes(of: FloatObject.value(value), toByteOffset: FloatObject.valueOffset, as: Double.self)
    if type.isGC { track(object) }
    return object
  }

  /// A float as `Double`: the value of a float, or an int converted (`PyFloat_AsDouble`):
  /// other objects through `__float__` / `__index__`. Nil with an exception set.
  public func asDouble(_ x: PyRef) -> Double? {
    if isFloat(x) { return FloatObject.value(x) }
    if isInt(x) { return intToDouble(x) }
    let (hasFloat, viaFloat) = callSpecial(x, "__float__")
    if hasFloat {
      guard let result = viaFloat else { return nil }
      defer { decref(result) }
      guard isFloat(result) else {
        raise("TypeError", "\(x.type.name).__float__ returned non-float (type \(result.type.name))")
        return nil
      }
      return FloatObject.value(result)
    }
    let (hasIndex, viaIndex) = callSpecial(x, "__index__")
    if hasIndex {
      guard let integer = exactIntResult(viaIndex, "__index__") else { return nil }
      defer { decref(integer) }
      return intToDouble(integer)
    }
    raise("TypeError", "must be real number, not \(x.type.name)")
    return nil
  }
}
