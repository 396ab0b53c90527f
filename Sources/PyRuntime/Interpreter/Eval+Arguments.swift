import PyCompiler

/// Binding call arguments to parameters, with CPython 3.11's error messages.
/// CPython: Python/ceval.c, `initialize_locals()`, `missing_arguments()`,
/// `too_many_positional()`, `positional_only_passed_as_keyword()`.
extension RuntimeRef {
  /// Fills `locals` (the frame's first slots) from the arguments; new references are taken.
  func bindArguments(_ function: PyRef, _ codeObject: PyRef, _ locals: UnsafeMutablePointer<UnsafeMutableRawPointer?>,
                     _ argv: UnsafePointer<UnsafeMutableRawPointer?>, positional: Int, keywordNames: PyRef?) -> Bool {
    let shape = CodeType.shape(codeObject)
    let parameterCount = shape.argumentCount
    // The common case: exactly the positional parameters, nothing else.
    if keywordNames == nil, positional == parameterCount, shape.hasSimpleParameters {
      for index in 0..<positional {
        PyRef(argv[index].unsafelyUnwrapped).incref()
        locals[index] = argv[index]
      }
      return true
    }
    let hasVarArgs = shape.flags.contains(.varArgs)
    let hasVarKeywords = shape.flags.contains(.varKeywords)
    let code = CodeType.code(codeObject)
    let totalNamed = parameterCount + code.keywordOnlyCount
    var keywordsDict: PyRef?
    if hasVarKeywords {
      guard let dict = newDict() else { return false }
      keywordsDict = dict
      locals[totalNamed + (hasVarArgs ? 1 : 0)] = dict.raw
    }
    let bound = min(positional, parameterCount)
    for index in 0..<bound {
      PyRef(argv[index].unsafelyUnwrapped).incref()
      locals[index] = argv[index]
    }
    if hasVarArgs {
      var extra: [PyRef] = []
      if positional > parameterCount {
        for index in parameterCount..<positional {
          let value = PyRef(argv[index].unsafelyUnwrapped)
          value.incref()
          extra.append(value)
        }
      }
      guard let tuple = newTuple(extra) else { return false }
      locals[totalNamed] = tuple.raw
    }
    // Keyword arguments.
    if let keywordNames {
      let names = code.localsPlusNames
      for index in 0..<TupleObject.count(keywordNames) {
        let key = TupleObject.item(keywordNames, index)!
        let value = PyRef(argv[positional + index].unsafelyUnwrapped)
        let text = StrObject.string(key)
        var slot: Int?
        for candidate in code.positionalOnlyCount..<totalNamed where names[candidate] == text {
          slot = candidate
          break
        }
        guard let slot else {
          if let keywordsDict {
            guard dictSetItem(keywordsDict, key, value) else { return false }
            continue
          }
          if (0..<code.positionalOnlyCount).contains(where: { names[$0] == text }) {
            // CPython names every positional-only parameter passed by keyword at once.
            let passed = (0..<TupleObject.count(keywordNames)).map { StrObject.string(TupleObject.item(keywordNames, $0)!) }
            let offending = names[0..<code.positionalOnlyCount].filter { passed.contains($0) }
            raise("TypeError", "\(functionName(function))() got some positional-only arguments passed as keyword arguments: '\(offending.joined(separator: ", "))'")
          } else {
            raise("TypeError", "\(functionName(function))() got an unexpected keyword argument '\(text)'")
          }
          return false
        }
        if locals[slot] != nil {
          raise("TypeError", "\(functionName(function))() got multiple values for argument '\(text)'")
          return false
        }
        value.incref()
        locals[slot] = value.raw
      }
    }
    if !hasVarArgs, positional > parameterCount {
      // Checked after the keywords, so the message can count the keyword-only ones given.
      raiseTooManyPositional(function, code, given: positional, locals)
      return false
    }
    // Defaults for the positional parameters that are still missing.
    if positional < parameterCount {
      let defaults = FunctionType.defaults(function)
      let defaultCount = defaults.map(TupleObject.count) ?? 0
      let firstDefault = parameterCount - defaultCount
      var missing: [String] = []
      for index in positional..<parameterCount where locals[index] == nil {
        if index >= firstDefault {
          let value = TupleObject.item(defaults!, index - firstDefault)!
          value.incref()
          locals[index] = value.raw
        } else {
          missing.append(code.localsPlusNames[index])
        }
      }
      if !missing.isEmpty {
        raiseMissing(function, missing, kind: "positional")
        return false
      }
    }
    if code.keywordOnlyCount > 0 {
      let keywordDefaults = FunctionType.keywordDefaults(function)
      var missing: [String] = []
      for index in parameterCount..<totalNamed where locals[index] == nil {
        let name = code.localsPlusNames[index]
        if let keywordDefaults, let key = internedString(name) {
          defer { decref(key) }
          if let value = dictGetItem(keywordDefaults, key) {
            value.incref()
            locals[index] = value.raw
            continue
          }
        }
        missing.append(name)
      }
      if !missing.isEmpty {
        raiseMissing(function, missing, kind: "keyword-only")
        return false
      }
    }
    return true
  }

  /// The function's qualified name, as the argument errors print it.
  func functionName(_ function: PyRef) -> String {
    StrObject.string(FunctionType.qualifiedName(function))
  }

  private func raiseMissing(_ function: PyRef, _ names: [String], kind: String) {
    let quoted = names.map { "'\($0)'" }
    let list: String
    switch quoted.count {
    case 1: list = quoted[0]
    case 2: list = "\(quoted[0]) and \(quoted[1])"
    default: list = quoted.dropLast().joined(separator: ", ") + ", and " + quoted.last!
    }
    raise("TypeError", "\(functionName(function))() missing \(names.count) required \(kind) argument\(names.count == 1 ? "" : "s"): \(list)")
  }

  private func raiseTooManyPositional(_ function: PyRef, _ code: CodeObject, given: Int,
                                      _ locals: UnsafeMutablePointer<UnsafeMutableRawPointer?>) {
    let defaults = FunctionType.defaults(function).map(TupleObject.count) ?? 0
    let required = code.argumentCount - defaults
    var keywordOnlyGiven = 0
    for index in code.argumentCount..<(code.argumentCount + code.keywordOnlyCount) where locals[index] != nil {
      keywordOnlyGiven += 1
    }
    let expected: String
    if defaults > 0 {
      expected = "from \(required) to \(code.argumentCount) positional arguments"
    } else {
      expected = "\(code.argumentCount) positional argument\(code.argumentCount == 1 ? "" : "s")"
    }
    var givenText = "\(given)"
    if keywordOnlyGiven > 0 {
      givenText = "\(given) positional argument\(given == 1 ? "" : "s") (and \(keywordOnlyGiven) keyword-only argument\(keywordOnlyGiven == 1 ? "" : "s"))"
    }
    let verb = given == 1 && keywordOnlyGiven == 0 ? "was" : "were"
    raise("TypeError", "\(functionName(function))() takes \(expected) but \(givenText) \(verb) given")
  }

  /// `f(*args, **kwargs)` (`CALL_FUNCTION_EX`): all borrowed.
  func callWithUnpacked(_ callable: PyRef, _ selfOrNull: PyRef?, _ positional: PyRef, _ keywords: PyRef?) -> PyRef? {
    var keywordsDict = keywords
    var ownedDict: PyRef?
    defer { decref(ownedDict) }
    if let keywords, keywords.type.record.pointee.kind != .dict {
      guard let dict = newDict() else { return nil }
      ownedDict = dict
      guard dictMerge(dict, keywords, callable: callable) else { return nil }
      keywordsDict = dict
    }
    var items: [PyRef] = []
    defer { for item in items { decref(item) } }
    if let selfOrNull { items.append(selfOrNull); selfOrNull.incref() }
    guard positional.type.record.pointee.iter != nil || positional.type.record.pointee.getItem != nil else {
      raise("TypeError", "\(calleeName(callable)) argument after * must be an iterable, not \(positional.type.name)")
      return nil
    }
    guard let values = collectItems(positional) else { return nil }
    items += values
    var names: [PyRef] = []
    if let keywordsDict {
      for (key, value) in dictItems(keywordsDict) {
        guard isInstance(key, state.pointee.types.str) else {
          for name in names { decref(name) }
          raise("TypeError", "keywords must be strings")
          return nil
        }
        key.incref()
        names.append(key)
        value.incref()
        items.append(value)
      }
    }
    let namesTuple = names.isEmpty ? nil : newTuple(names)
    defer { decref(namesTuple) }
    return call(callable, items, keywordNames: namesTuple)
  }

  /// How call errors name a callable: `f()`, `C.m()`, or the type name.
  func calleeName(_ callable: PyRef) -> String {
    switch callable.type.record.pointee.kind {
    case .function: return functionName(callable) + "()"
    case .method: return calleeName(MethodType.function(callable))
    case .builtinFunction, .methodDescriptor: return StrObject.string(BuiltinFunctionObject.name(callable)) + "()"
    default: return "\(callable.type.name) object"
    }
  }
}
