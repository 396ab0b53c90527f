/// `format()`, f-strings' `FORMAT_VALUE`, `ascii()`, and the `__format__` methods of str,
/// int and float.
/// CPython: Objects/abstract.c (`PyObject_Format`), Python/ceval.c (`FORMAT_VALUE`),
/// Objects/object.c (`PyObject_ASCII`), Python/bltinmodule.c (`builtin_format_impl`).
extension RuntimeRef {
  /// `format(value, spec)`: `type(value).__format__(value, spec)` (spec nil is `''`), which
  /// must return a str. A new str, or nil with an exception set.
  public func format(_ value: PyRef, _ spec: PyRef? = nil) -> PyRef? {
    if spec == nil || StrObject.length(spec!) == 0 {
      if isExactStr(value) {
        value.incref()
        return value
      }
      // int and float: `__format__('')` is `str()`.
      if value.type == state.pointee.types.int || value.type == state.pointee.types.float { return str(value) }
    }
    let specObject = spec ?? emptyString()
    defer { if spec == nil { decref(specObject) } }
    // The exact built-in types' `__format__` cannot be replaced: call it directly, as
    // CPython's `str.format` does (`render_field`).
    let types = state.pointee.types
    if value.type == types.int { return formatInt(value, specObject) }
    if value.type == types.float { return formatFloat(value, specObject) }
    if value.type == types.str { return formatStr(value, specObject) }
    guard let method = lookup(value.type, textNames.format) else {
      if !hasError { raise("TypeError", "Type \(value.type.name) doesn't define __format__") }
      return nil
    }
    guard let result = callMethodLike(method, boundTo: value, [specObject]) else { return nil }
    guard isStr(result) else {
      raise("TypeError", "__format__ must return a str, not \(result.type.name)")
      decref(result)
      return nil
    }
    return result
  }

  /// f-strings' `FORMAT_VALUE`: the conversion (0 none, 1 `!s`, 2 `!r`, 3 `!a`), then
  /// ``format(_:_:)`` with the spec (nil when the f-string has none).
  public func formatValue(_ value: PyRef, conversion: Int, spec: PyRef?) -> PyRef? {
    let converted: PyRef?
    switch conversion {
    case 1: converted = str(value)
    case 2: converted = repr(value)
    case 3: converted = ascii(value)
    default:
      value.incref()
      converted = value
    }
    guard let converted else { return nil }
    defer { decref(converted) }
    if spec == nil && isExactStr(converted) {
      converted.incref()
      return converted
    }
    return format(converted, spec)
  }

  /// `ascii(object)`: `repr(object)` with every non-ASCII character escaped as `\xhh`,
  /// `\uhhhh` or `\Uhhhhhhhh`.
  public func ascii(_ object: PyRef) -> PyRef? {
    guard let text = repr(object) else { return nil }
    if StrObject.isASCII(text) { return text }
    defer { decref(text) }
    return asciiEscaped(text)
  }

  /// A str's non-ASCII characters as backslash escapes (`backslashreplace` to ASCII).
  func asciiEscaped(_ text: PyRef) -> PyRef? {
    let view = StrObject.view(text)
    var builder = StrBuilder(capacity: view.count + 8)
    for index in 0..<view.count {
      let value = view[index]
      if value < 0x80 {
        builder.append(value)
      } else {
        builder.append(TextCodecs.escapedCharacter(value))
      }
    }
    return builder.finish(self)
  }
}

/// The method and function objects' code.
public enum FormatMethods {
  /// Checks `__format__(spec)`'s argument: exactly one, a str.
  static func specArgument(_ args: MethodArguments, _ owner: String) -> PyRef? {
    guard args.one("\(owner).__format__") else { return nil }
    guard args.rt.isStr(args[0]) else {
      args.rt.raise("TypeError", "__format__() argument must be str, not \(args[0].type.name)")
      return nil
    }
    return args[0]
  }

  static let strFormat: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard let spec = specArgument(args, "str") else { return nil }
    return args.rt.formatStr(args.this, spec)?.raw
  }

  static let intFormat: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard let spec = specArgument(args, "int") else { return nil }
    return args.rt.formatInt(args.this, spec)?.raw
  }

  static let floatFormat: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard let spec = specArgument(args, "float") else { return nil }
    return args.rt.formatFloat(args.this, spec)?.raw
  }

  /// The `format(value, format_spec='')` built-in function, for the interpreter to
  /// register in `builtins`.
  public static let builtinFormat: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = Arguments(runtime, argv, count, names)
    let rt = args.rt
    guard args.expect("format", atLeast: 1, atMost: 2) else { return nil }
    let value = args[0]
    let spec: PyRef? = args.count > 1 ? args[1] : nil
    if let spec, !rt.isStr(spec) {
      rt.raise("TypeError", "format() argument 2 must be str, not \(spec.type.name)")
      return nil
    }
    return rt.format(value, spec)?.raw
  }

  /// The `ascii(obj)` built-in function.
  public static let builtinASCII: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = Arguments(runtime, argv, count, names)
    guard args.noKeywords("ascii") else { return nil }
    guard args.count == 1 else {
      args.rt.raise("TypeError", "ascii() takes exactly one argument (\(args.count) given)")
      return nil
    }
    return args.rt.ascii(args[0])?.raw
  }
}
