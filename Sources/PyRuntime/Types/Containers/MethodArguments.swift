/// Argument checks for methods of built-in types, whose `argv[0]` is `self`: the counts in
/// the messages leave `self` out, as CPython's do.
/// CPython: Objects/methodobject.c (`METH_NOARGS`, `METH_O` checks), Python/getargs.c
/// (`_PyArg_CheckPositional`).
extension Arguments {
  /// The positional arguments after `self`.
  var methodArgumentCount: Int { count - 1 }

  /// `METH_NOARGS`: "list.clear() takes no arguments (1 given)".
  func takesNoArguments(_ qualifiedName: String) -> Bool {
    guard noKeywords(qualifiedName) else { return false }
    guard count == 1 else {
      rt.raise("TypeError", "\(qualifiedName)() takes no arguments (\(count - 1) given)")
      return false
    }
    return true
  }

  /// `METH_O`: "list.append() takes exactly one argument (0 given)".
  func takesOneArgument(_ qualifiedName: String) -> Bool {
    guard noKeywords(qualifiedName) else { return false }
    guard count == 2 else {
      rt.raise("TypeError", "\(qualifiedName)() takes exactly one argument (\(count - 1) given)")
      return false
    }
    return true
  }

  /// Argument Clinic's positional-only methods: "pop expected at most 1 argument, got 2",
  /// "insert expected 2 arguments, got 1"; keywords: "list.pop() takes no keyword arguments".
  func takesPositional(_ qualifiedName: String, _ name: String, _ minimum: Int, _ maximum: Int) -> Bool {
    guard noKeywords(qualifiedName) else { return false }
    return Arguments.checkPositional(rt, name, count - 1, minimum, maximum)
  }

  /// `_PyArg_CheckPositional` for `given` arguments.
  static func checkPositional(_ rt: RuntimeRef, _ name: String, _ given: Int, _ minimum: Int, _ maximum: Int) -> Bool {
    if given < minimum {
      rt.raise("TypeError", "\(name) expected \(minimum == maximum ? "" : "at least ")\(minimum) argument\(minimum == 1 ? "" : "s"), got \(given)")
      return false
    }
    if given > maximum {
      rt.raise("TypeError", "\(name) expected \(minimum == maximum ? "" : "at most ")\(maximum) argument\(maximum == 1 ? "" : "s"), got \(given)")
      return false
    }
    return true
  }

  /// Binds Argument Clinic-style parameters: the first `positionalOnly` by position only,
  /// the rest by position or keyword (up to `positionalMaximum` positionally), the first
  /// `required` required. CPython 3.11's messages: "'x' is an invalid keyword argument for
  /// enumerate()", "enumerate() missing required argument 'iterable'", "enumerate() takes
  /// at most 2 arguments (3 given)". `skip` leading arguments (`self`) are not counted.
  /// With `getargsWording`, an unknown keyword is "f() got an unexpected keyword argument
  /// 'x'", as `PyArg_ParseTupleAndKeywords` words it (``bind(_:_:required:positionalOnly:)``).
  func bindClinic(_ function: String, _ parameters: [String], required: Int, positionalOnly: Int = 0,
                  positionalMaximum: Int? = nil, skip: Int = 0, getargsWording: Bool = false) -> [PyRef?]? {
    let given = count - skip
    let maximum = positionalMaximum ?? parameters.count
    if given + keywordCount > parameters.count || given > maximum {
      let total = given + keywordCount
      if keywordCount == 0 || given > maximum {
        rt.raise("TypeError", "\(function)() takes at most \(maximum) argument\(maximum == 1 ? "" : "s") (\(given) given)")
      } else {
        rt.raise("TypeError", "\(function)() takes at most \(parameters.count) argument\(parameters.count == 1 ? "" : "s") (\(total) given)")
      }
      return nil
    }
    var bound = [PyRef?](repeating: nil, count: parameters.count)
    for index in 0..<given { bound[index] = self[skip + index] }
    // As getargs and argument clinic do, a missing required argument is reported before an
    // unknown keyword.
    var unknown: String? = nil
    for index in 0..<keywordCount {
      let (name, value) = keyword(index)
      let text = StrObject.string(name)
      guard let position = parameters.firstIndex(of: text), position >= positionalOnly else {
        if unknown == nil { unknown = text }
        continue
      }
      if bound[position] != nil {
        rt.raise("TypeError", "argument for \(function)() given by name ('\(text)') and position (\(position + 1))")
        return nil
      }
      bound[position] = value
    }
    for index in 0..<required where bound[index] == nil {
      rt.raise("TypeError", "\(function)() missing required argument '\(parameters[index])' (pos \(index + 1))")
      return nil
    }
    if let text = unknown {
      rt.raise("TypeError", getargsWording ? "\(function)() got an unexpected keyword argument '\(text)'"
                                           : "'\(text)' is an invalid keyword argument for \(function)()")
      return nil
    }
    return bound
  }
}
