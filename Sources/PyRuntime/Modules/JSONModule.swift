/// `_json`: the JSON encoder and scanner in Swift, under `Lib/json.py` (which holds the
/// `json` API: `dumps`, `loads`, `JSONEncoder`, `JSONDecoder`, `JSONDecodeError`), as
/// CPython puts its speedups in `_json` under `Lib/json/`.
///
/// - `encode(obj, skipkeys, ensure_ascii, check_circular, allow_nan, sort_keys, indent,
///   key_separator, item_separator, default)`: the whole document as one str (`indent` is
///   None or the indent str).
/// - `decode(s, strict, object_hook, object_pairs_hook, parse_float, parse_int,
///   parse_constant, error_class)`: a whole document (whitespace around it allowed, "Extra
///   data" after it not). Hooks left None use the built-in conversions.
/// - `raw_decode(s, idx, ...same...)`: `(value, end)` for the value at `idx`.
/// - `scanstring(s, end, strict, error_class)`: `(str, end)` for the string whose opening
///   quote is at `end - 1`.
/// - `encode_basestring_ascii(s)`, `encode_basestring(s)`: a quoted JSON string.
/// CPython: Modules/_json.c.
extension RuntimeRef {
  func makeJSONModule() -> PyRef? {
    newNativeModule("_json", functions: JSONFunctions.all)
  }
}

enum JSONFunctions {
  static let all: [BuiltinFunction] = [
    BuiltinFunction("encode") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("encode", exactly: 10) else { return nil }
      let rt = a.rt
      func flag(_ index: Int) -> Bool? {
        let truth = rt.isTrue(a[index])
        return truth < 0 ? nil : truth == 1
      }
      guard let skipKeys = flag(1), let ensureASCII = flag(2), let checkCircular = flag(3), let allowNaN = flag(4),
            let sortKeys = flag(5) else { return nil }
      let none = rt.state.pointee.none
      let str = rt.state.pointee.types.str!
      for index in [7, 8] where !rt.isInstance(a[index], str) {
        rt.raise("TypeError", "make_encoder() argument \(index) must be str, not \(a[index].type.name)")
        return nil
      }
      if a[6] != none && !rt.isInstance(a[6], str) {
        rt.raise("TypeError", "indent must be None or a str, not \(a[6].type.name)")
        return nil
      }
      var encoder = JSONEncoderContext(rt, keySeparator: a[7], itemSeparator: a[8])
      defer { encoder.out.release() }
      encoder.skipKeys = skipKeys
      encoder.ensureASCII = ensureASCII
      encoder.checkCircular = checkCircular
      encoder.allowNaN = allowNaN
      encoder.sortKeys = sortKeys
      encoder.indent = a[6] == none ? nil : a[6]
      encoder.defaultFunction = a[9] == none ? nil : a[9]
      guard encoder.encode(a[0]) else { return nil }
      return encoder.out.finish(rt)?.raw
    },
    BuiltinFunction("encode_basestring_ascii") { _, argv, count, names, runtime in
      encodeBasestring(argv, count, names, runtime, ascii: true)
    },
    BuiltinFunction("encode_basestring") { _, argv, count, names, runtime in
      encodeBasestring(argv, count, names, runtime, ascii: false)
    },
    BuiltinFunction("decode") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("decode", exactly: 8) else { return nil }
      let rt = a.rt
      guard var scanner = makeScanner(rt, a, document: 0, options: 1) else { return nil }
      defer { scanner.release() }
      let start = scanner.skipWhitespace(0)
      guard let (value, end) = scanner.rawDecode(start) else { return nil }
      let after = scanner.skipWhitespace(end)
      guard after == scanner.count else {
        rt.decref(value)
        _ = scanner.fail("Extra data", after)
        return nil
      }
      return value.raw
    },
    BuiltinFunction("raw_decode") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("raw_decode", exactly: 9) else { return nil }
      let rt = a.rt
      guard let index = rt.indexInteger(a[1]) else { return nil }
      guard var scanner = makeScanner(rt, a, document: 0, options: 2) else { return nil }
      defer { scanner.release() }
      guard index >= 0 else {
        rt.raise("ValueError", "idx cannot be negative")
        return nil
      }
      guard let (value, end) = scanner.rawDecode(index) else { return nil }
      guard let endObject = rt.newInt(end) else { rt.decref(value); return nil }
      return rt.newTuple([value, endObject])?.raw
    },
    BuiltinFunction("scanstring") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("scanstring", exactly: 4) else { return nil }
      let rt = a.rt
      guard rt.isInstance(a[0], rt.state.pointee.types.str) else {
        rt.raise("TypeError", "first argument must be a string, not \(a[0].type.name)")
        return nil
      }
      guard let end = rt.indexInteger(a[1]) else { return nil }
      guard var scanner = JSONScanner(rt, document: a[0], errorClass: a[3]) else { return nil }
      defer { scanner.release() }
      let strict = rt.isTrue(a[2])
      guard strict >= 0 else { return nil }
      scanner.strict = strict == 1
      guard end >= 0 && end <= scanner.count else {
        rt.raise("ValueError", "end is out of bounds")
        return nil
      }
      do {
        let (text, after) = try scanner.scanStringText(end)
        guard let afterObject = rt.newInt(after) else { rt.decref(text); return nil }
        return rt.newTuple([text, afterObject])?.raw
      } catch {
        return nil
      }
    },
  ]

  /// A scanner over argument `document` (a str), with the options that follow
  /// `options`: strict, object_hook, object_pairs_hook, parse_float, parse_int,
  /// parse_constant, error class.
  static func makeScanner(_ rt: RuntimeRef, _ a: ModuleArguments, document: Int, options: Int) -> JSONScanner? {
    guard rt.isInstance(a[document], rt.state.pointee.types.str) else {
      rt.raise("TypeError", "first argument must be a string, not \(a[document].type.name)")
      return nil
    }
    guard var scanner = JSONScanner(rt, document: a[document], errorClass: a[options + 6]) else { return nil }
    let strict = rt.isTrue(a[options])
    guard strict >= 0 else {
      scanner.release()
      return nil
    }
    scanner.strict = strict == 1
    let none = rt.state.pointee.none
    func hook(_ index: Int) -> PyRef? { a[options + index] == none ? nil : a[options + index] }
    scanner.objectHook = hook(1)
    scanner.objectPairsHook = hook(2)
    scanner.parseFloat = hook(3)
    scanner.parseInt = hook(4)
    scanner.parseConstant = hook(5)
    return scanner
  }

  static func encodeBasestring(_ argv: UnsafePointer<UnsafeMutableRawPointer?>, _ count: Int,
                               _ names: UnsafeMutableRawPointer?, _ runtime: RawRuntime, ascii: Bool) -> UnsafeMutableRawPointer? {
    let a = ModuleArguments(runtime, argv, count, names)
    guard a.args.expect(ascii ? "encode_basestring_ascii" : "encode_basestring", exactly: 1) else { return nil }
    let rt = a.rt
    guard rt.isInstance(a[0], rt.state.pointee.types.str) else {
      rt.raise("TypeError", "first argument must be a string, not \(a[0].type.name)")
      return nil
    }
    var encoder = JSONEncoderContext(rt, keySeparator: a[0], itemSeparator: a[0])
    defer { encoder.out.release() }
    encoder.ensureASCII = ascii
    encoder.encodeString(a[0])
    return encoder.out.finish(rt)?.raw
  }
}
