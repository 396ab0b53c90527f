/// The methods of str, as built-in method descriptors: each checks its arguments with
/// CPython's messages (``MethodArguments``) and calls the runtime function that does the
/// work (`strFind`, `strSplit`, …).
/// CPython: Objects/unicodeobject.c (`unicode_methods`), Objects/clinic/unicodeobject.c.h.
enum StrMethods {
  static var definitions: [MethodDefinition] {
    [
      MethodDefinition("encode", encode), MethodDefinition("replace", replace), MethodDefinition("split", split),
      MethodDefinition("rsplit", rsplit), MethodDefinition("join", join), MethodDefinition("capitalize", capitalize),
      MethodDefinition("casefold", casefold), MethodDefinition("title", title), MethodDefinition("center", center),
      MethodDefinition("count", count), MethodDefinition("expandtabs", expandtabs), MethodDefinition("find", find),
      MethodDefinition("partition", partition), MethodDefinition("index", index), MethodDefinition("ljust", ljust),
      MethodDefinition("lower", lower), MethodDefinition("lstrip", lstrip), MethodDefinition("rfind", rfind),
      MethodDefinition("rindex", rindex), MethodDefinition("rjust", rjust), MethodDefinition("rstrip", rstrip),
      MethodDefinition("rpartition", rpartition), MethodDefinition("splitlines", splitlines),
      MethodDefinition("strip", strip), MethodDefinition("swapcase", swapcase), MethodDefinition("translate", translate),
      MethodDefinition("upper", upper), MethodDefinition("startswith", startswith),
      MethodDefinition("endswith", endswith), MethodDefinition("removeprefix", removeprefix),
      MethodDefinition("removesuffix", removesuffix), MethodDefinition("isascii", isascii),
      MethodDefinition("islower", islower), MethodDefinition("isupper", isupper), MethodDefinition("istitle", istitle),
      MethodDefinition("isspace", isspace), MethodDefinition("isdecimal", isdecimal),
      MethodDefinition("isdigit", isdigit), MethodDefinition("isnumeric", isnumeric),
      MethodDefinition("isalpha", isalpha), MethodDefinition("isalnum", isalnum),
      MethodDefinition("isidentifier", isidentifier), MethodDefinition("isprintable", isprintable),
      MethodDefinition("zfill", zfill), MethodDefinition("format", StrFormatMethod.format),
      MethodDefinition("format_map", StrFormatMethod.formatMap), MethodDefinition("__format__", FormatMethods.strFormat),
      MethodDefinition("maketrans", maketrans, flags: .staticMethod), MethodDefinition("__sizeof__", sizeof),
      MethodDefinition("__getnewargs__", getnewargs),
    ]
  }

  // MARK: - No arguments

  static let upper: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard args.none("str.upper") else { return nil }
    return args.rt.strUpper(args.this)?.raw
  }
  static let lower: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard args.none("str.lower") else { return nil }
    return args.rt.strLower(args.this)?.raw
  }
  static let capitalize: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard args.none("str.capitalize") else { return nil }
    return args.rt.strCapitalize(args.this)?.raw
  }
  static let title: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard args.none("str.title") else { return nil }
    return args.rt.strTitle(args.this)?.raw
  }
  static let swapcase: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard args.none("str.swapcase") else { return nil }
    return args.rt.strSwapCase(args.this)?.raw
  }
  static let casefold: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard args.none("str.casefold") else { return nil }
    return args.rt.strCaseFold(args.this)?.raw
  }
  static let isascii: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard args.none("str.isascii") else { return nil }
    return args.rt.newBool(args.rt.strIsASCII(args.this)).raw
  }
  static let islower: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard args.none("str.islower") else { return nil }
    return args.rt.newBool(args.rt.strIsLower(args.this)).raw
  }
  static let isupper: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard args.none("str.isupper") else { return nil }
    return args.rt.newBool(args.rt.strIsUpper(args.this)).raw
  }
  static let istitle: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard args.none("str.istitle") else { return nil }
    return args.rt.newBool(args.rt.strIsTitle(args.this)).raw
  }
  static let isspace: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard args.none("str.isspace") else { return nil }
    return args.rt.newBool(args.rt.strIsSpace(args.this)).raw
  }
  static let isdecimal: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard args.none("str.isdecimal") else { return nil }
    return args.rt.newBool(args.rt.strIsDecimal(args.this)).raw
  }
  static let isdigit: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard args.none("str.isdigit") else { return nil }
    return args.rt.newBool(args.rt.strIsDigit(args.this)).raw
  }
  static let isnumeric: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard args.none("str.isnumeric") else { return nil }
    return args.rt.newBool(args.rt.strIsNumeric(args.this)).raw
  }
  static let isalpha: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard args.none("str.isalpha") else { return nil }
    return args.rt.newBool(args.rt.strIsAlpha(args.this)).raw
  }
  static let isalnum: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard args.none("str.isalnum") else { return nil }
    return args.rt.newBool(args.rt.strIsAlnum(args.this)).raw
  }
  static let isidentifier: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard args.none("str.isidentifier") else { return nil }
    return args.rt.newBool(args.rt.strIsIdentifier(args.this)).raw
  }
  static let isprintable: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard args.none("str.isprintable") else { return nil }
    return args.rt.newBool(args.rt.strIsPrintable(args.this)).raw
  }
  static let sizeof: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard args.none("str.__sizeof__") else { return nil }
    return args.rt.newInt(StrObject.sizeOf(args.this))?.raw
  }
  static let getnewargs: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard args.none("str.__getnewargs__"), let copy = args.rt.strExact(args.this) else { return nil }
    return args.rt.newTuple([copy])?.raw
  }

  // MARK: - Search

  /// find, rfind, index, rindex, count: `(sub[, start[, end]])`.
  static func searchArguments(_ args: MethodArguments, _ name: String) -> (sub: PyRef, start: Int?, end: Int?)? {
    guard args.parseTuple(name, qualifiedName: "str.\(name)", 1, 3),
          let start = args.rt.textSliceBound(args.optional(1)),
          let end = args.rt.textSliceBound(args.optional(2)) else { return nil }
    return (args[0], start, end)
  }

  static func intResult(_ rt: RuntimeRef, _ value: Int?) -> UnsafeMutableRawPointer? {
    guard let value else { return nil }
    return rt.newInt(value)?.raw
  }

  static let find: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard let (sub, start, end) = searchArguments(args, "find") else { return nil }
    return intResult(args.rt, args.rt.strFind(args.this, sub, start: start, end: end))
  }
  static let rfind: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard let (sub, start, end) = searchArguments(args, "rfind") else { return nil }
    return intResult(args.rt, args.rt.strRFind(args.this, sub, start: start, end: end))
  }
  static let index: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard let (sub, start, end) = searchArguments(args, "index") else { return nil }
    return intResult(args.rt, args.rt.strIndex(args.this, sub, start: start, end: end))
  }
  static let rindex: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard let (sub, start, end) = searchArguments(args, "rindex") else { return nil }
    return intResult(args.rt, args.rt.strRIndex(args.this, sub, start: start, end: end))
  }
  static let count: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard let (sub, start, end) = searchArguments(args, "count") else { return nil }
    return intResult(args.rt, args.rt.strCount(args.this, sub, start: start, end: end))
  }
  static let startswith: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard let (affix, start, end) = searchArguments(args, "startswith"),
          let result = args.rt.strStartsWith(args.this, affix, start: start, end: end) else { return nil }
    return args.rt.newBool(result).raw
  }
  static let endswith: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard let (affix, start, end) = searchArguments(args, "endswith"),
          let result = args.rt.strEndsWith(args.this, affix, start: start, end: end) else { return nil }
    return args.rt.newBool(result).raw
  }
  static let replace: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard args.positional("replace", qualifiedName: "str.replace", 2, 3) else { return nil }
    var limit = -1
    if let countObject = args.optional(2) {
      guard let value = args.rt.textIndexValue(countObject) else { return nil }
      limit = value
    }
    return args.rt.strReplace(args.this, args[0], args[1], count: limit)?.raw
  }
  static let partition: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard args.one("str.partition") else { return nil }
    return args.rt.strPartition(args.this, args[0], reverse: false)?.raw
  }
  static let rpartition: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard args.one("str.rpartition") else { return nil }
    return args.rt.strPartition(args.this, args[0], reverse: true)?.raw
  }
  static let removeprefix: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard args.one("str.removeprefix") else { return nil }
    return args.rt.strRemoveAffix(args.this, args[0], suffix: false)?.raw
  }
  static let removesuffix: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard args.one("str.removesuffix") else { return nil }
    return args.rt.strRemoveAffix(args.this, args[0], suffix: true)?.raw
  }

  // MARK: - Splitting, joining, stripping

  static func splitArguments(_ args: MethodArguments, _ name: String) -> (separator: PyRef?, maxSplit: Int)? {
    guard let bound = args.bind(name, ["sep", "maxsplit"]) else { return nil }
    var maxSplit = -1
    if let limit = bound[1] {
      guard let value = args.rt.textIndexValue(limit) else { return nil }
      maxSplit = value
    }
    return (bound[0], maxSplit)
  }

  static let split: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard let (separator, maxSplit) = splitArguments(args, "split") else { return nil }
    return args.rt.strSplit(args.this, separator, maxSplit: maxSplit)?.raw
  }
  static let rsplit: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard let (separator, maxSplit) = splitArguments(args, "rsplit") else { return nil }
    return args.rt.strRSplit(args.this, separator, maxSplit: maxSplit)?.raw
  }
  static let splitlines: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard let bound = args.bind("splitlines", ["keepends"]) else { return nil }
    var keepEnds = false
    if let flag = bound[0] {
      guard let value = args.rt.textIndexValue(flag) else { return nil }
      keepEnds = value != 0
    }
    return args.rt.strSplitLines(args.this, keepEnds: keepEnds)?.raw
  }
  static let join: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard args.one("str.join"), let items = args.rt.joinItems(args[0]) else { return nil }
    defer { items.forEach(args.rt.decref) }
    return args.rt.strJoin(args.this, items)?.raw
  }
  static let strip: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard args.positional("strip", qualifiedName: "str.strip", 0, 1) else { return nil }
    return args.rt.strStrip(args.this, args.optional(0))?.raw
  }
  static let lstrip: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard args.positional("lstrip", qualifiedName: "str.lstrip", 0, 1) else { return nil }
    return args.rt.strLStrip(args.this, args.optional(0))?.raw
  }
  static let rstrip: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard args.positional("rstrip", qualifiedName: "str.rstrip", 0, 1) else { return nil }
    return args.rt.strRStrip(args.this, args.optional(0))?.raw
  }

  // MARK: - Layout

  /// center, ljust, rjust: `(width[, fillchar])`.
  static func padArguments(_ args: MethodArguments, _ name: String) -> (width: Int, fill: UInt32)? {
    guard args.positional(name, qualifiedName: "str.\(name)", 1, 2),
          let width = args.rt.textIndexValue(args[0]) else { return nil }
    guard let fill = args.optional(1) else { return (width, 0x20) }
    guard args.rt.isStr(fill) else {
      args.rt.raise("TypeError", "The fill character must be a unicode character, not \(fill.type.name)")
      return nil
    }
    guard StrObject.length(fill) == 1 else {
      args.rt.raise("TypeError", "The fill character must be exactly one character long")
      return nil
    }
    return (width, StrObject.codePoint(fill, 0))
  }

  static let center: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard let (width, fill) = padArguments(args, "center") else { return nil }
    return args.rt.strCenter(args.this, width: width, fill: fill)?.raw
  }
  static let ljust: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard let (width, fill) = padArguments(args, "ljust") else { return nil }
    return args.rt.strLJust(args.this, width: width, fill: fill)?.raw
  }
  static let rjust: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard let (width, fill) = padArguments(args, "rjust") else { return nil }
    return args.rt.strRJust(args.this, width: width, fill: fill)?.raw
  }
  static let zfill: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard args.one("str.zfill"), let width = args.rt.textIndexValue(args[0]) else { return nil }
    return args.rt.strZFill(args.this, width: width)?.raw
  }
  static let expandtabs: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard let bound = args.bind("expandtabs", ["tabsize"]) else { return nil }
    var tabSize = 8
    if let size = bound[0] {
      guard let value = args.rt.textIndexValue(size) else { return nil }
      tabSize = value
    }
    return args.rt.strExpandTabs(args.this, tabSize: tabSize)?.raw
  }

  // MARK: - Codecs and tables

  static let encode: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    let rt = args.rt
    guard let bound = args.bind("encode", ["encoding", "errors"]) else { return nil }
    for (index, name) in ["encoding", "errors"].enumerated() {
      if let value = bound[index], !rt.isStr(value) {
        rt.raise("TypeError", "encode() argument '\(name)' must be str, not \(value.type.name)")
        return nil
      }
    }
    guard let encoding = rt.codecEncoding(bound[0]) else { return nil }
    return rt.strEncode(args.this, encoding, errors: bound[1].map(StrObject.string) ?? "strict")?.raw
  }
  static let maketrans: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = Arguments(runtime, argv, count, names)
    guard args.noKeywords("str.maketrans") else { return nil }
    guard args.count >= 1 else {
      args.rt.raise("TypeError", "maketrans expected at least 1 argument, got \(args.count)")
      return nil
    }
    guard args.count <= 3 else {
      args.rt.raise("TypeError", "maketrans expected at most 3 arguments, got \(args.count)")
      return nil
    }
    return args.rt.strMakeTrans(args[0], args.count > 1 ? args[1] : nil, args.count > 2 ? args[2] : nil)?.raw
  }
  static let translate: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard args.one("str.translate") else { return nil }
    return args.rt.strTranslate(args.this, args[0])?.raw
  }
}

extension RuntimeRef {
  /// The items `str.join` and `bytes.join` take: TypeError "can only join an iterable" for
  /// an object that cannot be iterated (`PySequence_Fast`).
  func joinItems(_ iterable: PyRef) -> [PyRef]? {
    let record = iterable.type.record
    let kind = record.pointee.kind
    if record.pointee.iter == nil && record.pointee.getItem == nil && kind != .list && kind != .tuple {
      raise("TypeError", "can only join an iterable")
      return nil
    }
    return collectItems(iterable)
  }
}
