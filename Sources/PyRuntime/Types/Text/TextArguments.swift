/// Argument checking for the methods of str and bytes, with the messages CPython 3.11's
/// three argument parsers print (the method's `self` is `argv[0]` and is not counted):
///
/// - `METH_NOARGS` / `METH_O`: "str.upper() takes no arguments (1 given)", "str.join() takes
///   exactly one argument (0 given)".
/// - Argument Clinic, positional only: "replace expected at least 2 arguments, got 1",
///   "str.center() takes no keyword arguments".
/// - `PyArg_ParseTuple` (find, count, startswith, …): "find() takes at least 1 argument
///   (0 given)", "find() takes at most 3 arguments (4 given)".
/// - Argument Clinic with keywords (split, encode, …): "'x' is an invalid keyword argument
///   for split()", "argument for split() given by name ('sep') and position (1)".
/// CPython: Python/getargs.c, `_PyArg_CheckPositional`, `_PyArg_UnpackKeywords`,
/// `vgetargs1_impl`; Objects/methodobject.c (`METH_NOARGS`, `METH_O`).
struct MethodArguments {
  let args: Arguments
  var rt: RuntimeRef { args.rt }

  init(_ runtime: RawRuntime, _ argv: UnsafePointer<UnsafeMutableRawPointer?>, _ count: Int,
       _ names: UnsafeMutableRawPointer?) {
    args = Arguments(runtime, argv, count, names)
  }

  /// The object the method was called on.
  var this: PyRef { args[0] }
  /// The positional arguments after `self`.
  var count: Int { args.count - 1 }
  /// Positional argument `index` after `self` (borrowed).
  subscript(index: Int) -> PyRef { args[index + 1] }
  /// Positional argument `index`, or nil when not given.
  func optional(_ index: Int) -> PyRef? { index < count ? args[index + 1] : nil }

  private func noKeywords(_ qualifiedName: String) -> Bool {
    guard args.keywordCount == 0 else {
      rt.raise("TypeError", "\(qualifiedName)() takes no keyword arguments")
      return false
    }
    return true
  }

  /// `METH_NOARGS`.
  func none(_ qualifiedName: String) -> Bool {
    guard noKeywords(qualifiedName) else { return false }
    guard count == 0 else {
      rt.raise("TypeError", "\(qualifiedName)() takes no arguments (\(count) given)")
      return false
    }
    return true
  }

  /// `METH_O`.
  func one(_ qualifiedName: String) -> Bool {
    guard noKeywords(qualifiedName) else { return false }
    guard count == 1 else {
      rt.raise("TypeError", "\(qualifiedName)() takes exactly one argument (\(count) given)")
      return false
    }
    return true
  }

  /// Argument Clinic, positional-only parameters.
  func positional(_ name: String, qualifiedName: String, _ minimum: Int, _ maximum: Int) -> Bool {
    guard noKeywords(qualifiedName) else { return false }
    if count < minimum {
      rt.raise("TypeError", "\(name) expected at least \(minimum) argument\(minimum == 1 ? "" : "s"), got \(count)")
      return false
    }
    if count > maximum {
      rt.raise("TypeError", "\(name) expected at most \(maximum) argument\(maximum == 1 ? "" : "s"), got \(count)")
      return false
    }
    return true
  }

  /// `PyArg_ParseTuple` with `minimum...maximum` arguments.
  func parseTuple(_ name: String, qualifiedName: String, _ minimum: Int, _ maximum: Int) -> Bool {
    guard noKeywords(qualifiedName) else { return false }
    if count < minimum {
      rt.raise("TypeError", "\(name)() takes at least \(minimum) argument\(minimum == 1 ? "" : "s") (\(count) given)")
      return false
    }
    if count > maximum {
      rt.raise("TypeError", "\(name)() takes at most \(maximum) argument\(maximum == 1 ? "" : "s") (\(count) given)")
      return false
    }
    return true
  }

  /// Argument Clinic with keyword parameters: binds to `parameters` (borrowed values, nil
  /// when absent), the first `required` of which must be given.
  func bind(_ name: String, _ parameters: [String], required: Int = 0) -> [PyRef?]? {
    MethodArguments.bind(args, skipping: 1, name, parameters, required: required)
  }

  /// ``bind(_:_:required:)`` for any call, skipping the first `skipping` positional
  /// arguments (1 for `self`, 0 for a constructor).
  static func bind(_ args: Arguments, skipping: Int, _ name: String, _ parameters: [String],
                   required: Int) -> [PyRef?]? {
    let rt = args.rt
    let count = args.count - skipping
    if count > parameters.count {
      rt.raise("TypeError", "\(name)() takes at most \(parameters.count) argument\(parameters.count == 1 ? "" : "s") (\(count) given)")
      return nil
    }
    var bound = [PyRef?](repeating: nil, count: parameters.count)
    for index in 0..<count { bound[index] = args[index + skipping] }
    for index in 0..<args.keywordCount {
      let (key, value) = args.keyword(index)
      let text = StrObject.string(key)
      guard let position = parameters.firstIndex(of: text) else {
        rt.raise("TypeError", "'\(text)' is an invalid keyword argument for \(name)()")
        return nil
      }
      if bound[position] != nil {
        rt.raise("TypeError", "argument for \(name)() given by name ('\(text)') and position (\(position + 1))")
        return nil
      }
      bound[position] = value
    }
    for index in 0..<required where bound[index] == nil {
      if index < count { continue }
      rt.raise("TypeError", "\(name)() missing required argument '\(parameters[index])' (pos \(index + 1))")
      return nil
    }
    return bound
  }
}
