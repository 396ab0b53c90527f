import PySyntax

extension CodeGenerator {
  private static func isStarred(_ expr: Expr) -> Bool {
    if case .starred = expr.kind { return true }
    return false
  }

  /// `compiler_call()`: `obj.meth(args)` through `LOAD_METHOD`, anything else as
  /// `<callable>; PUSH_NULL; <args>; CALL n` (the `PUSH_NULL` folds into a preceding
  /// `LOAD_GLOBAL`).
  func compileCall(_ expr: Expr, function: Expr, args: [Expr], keywords: [Keyword]) throws(PySyntaxError) {
    if try compileMethodCall(expr, function: function, args: args, keywords: keywords) { return }
    try visit(function)
    if var last = unit.lastInstruction, last.opcode == .loadGlobal, last.pseudo == .none, last.argument & 1 == 0 {
      last.argument |= 1
      unit.replaceLastInstruction(last)
    } else {
      let saved = unit.position
      setLocation(function.span)
      emit(.pushNull)
      unit.position = saved
    }
    try compileCallHelper(pushed: 0, args: args, keywords: keywords)
  }

  /// `maybe_optimize_method_call()`: an attribute call without `*`/`**` arguments, on
  /// something that is not an imported module name, uses `LOAD_METHOD`.
  private func compileMethodCall(_ expr: Expr, function: Expr, args: [Expr], keywords: [Keyword]) throws(PySyntaxError) -> Bool {
    guard case .attribute(let object, let attr, .load) = function.kind else { return false }
    // is_import_originated(): only the module's own imports count, whatever the scope.
    if case .name(let id, _) = object.kind, table.top.flags(of: id).contains(.import) {
      return false
    }
    if args.count + keywords.count + (keywords.isEmpty ? 0 : 1) >= Self.stackUseGuideline { return false }
    if args.contains(where: Self.isStarred) || keywords.contains(where: { $0.arg == nil }) { return false }
    try validateKeywords(keywords)
    try visit(object)
    let saved = unit.position
    // LOAD_METHOD at the attribute, CALL at the call; both start at the attribute's name
    // when it is on a later line than the object.
    setLocation(function.span)
    moveLocationToAttribute(function, attr: attr)
    emitName(.loadMethod, attr)
    for arg in args { try visit(arg) }
    for keyword in keywords { try visit(keyword.value) }
    if !keywords.isEmpty { emitKeywordNames(keywords) }
    setLocation(expr.span)
    moveLocationToAttribute(function, attr: attr)
    emit(.call, args.count + keywords.count)
    unit.position = saved
    return true
  }

  /// `validate_keywords()`: `__debug__` and repeated names. The error is at the first name
  /// (in order) that has a later duplicate, located at that duplicate.
  func validateKeywords(_ keywords: [Keyword]) throws(PySyntaxError) {
    var first: [String: Int] = [:]
    var firstDuplicate: [Int: Int] = [:]
    for (j, keyword) in keywords.enumerated() {
      guard let name = keyword.arg else { continue }
      if let i = first[name] {
        if firstDuplicate[i] == nil { firstDuplicate[i] = j }
      } else {
        first[name] = j
      }
    }
    for (i, keyword) in keywords.enumerated() {
      guard let name = keyword.arg else { continue }
      try checkForbidden(name, .store)
      if let j = firstDuplicate[i] {
        throw error("keyword argument repeated: \(name)", at: keywords[j].span)
      }
    }
  }

  /// `compiler_call_simple_kw_helper()`: `KW_NAMES` with the names' tuple.
  private func emitKeywordNames(_ keywords: [Keyword]) {
    emit(.kwNames, unit.addConstant(.tuple(keywords.map { .str(Array($0.arg!.utf8)) })))
  }

  /// `compiler_call_helper()`: the arguments and the call, after `pushed` arguments already
  /// on the stack. `*` and `**` (or too many arguments) go through `CALL_FUNCTION_EX` with
  /// a tuple and a dict.
  func compileCallHelper(pushed: Int, args: [Expr], keywords: [Keyword]) throws(PySyntaxError) {
    try validateKeywords(keywords)
    let useEx = args.count + keywords.count * 2 > Self.stackUseGuideline
      || args.contains(where: Self.isStarred) || keywords.contains(where: { $0.arg == nil })
    if !useEx {
      for arg in args { try visit(arg) }
      if !keywords.isEmpty {
        for keyword in keywords { try visit(keyword.value) }
        emitKeywordNames(keywords)
      }
      emit(.call, pushed + args.count + keywords.count)
      return
    }
    // Positional arguments: a lone `*iterable` is passed as it is (CALL_FUNCTION_EX turns
    // it into a tuple, as 3.11 does); otherwise a list built and turned into a tuple.
    if pushed == 0, args.count == 1, case .starred(let value, _) = args[0].kind {
      try visit(value)
    } else {
      try starUnpack(args, pushed: pushed, build: .buildList, add: .listAppend, extend: .listExtend, tuple: true)
    }
    if !keywords.isEmpty {
      var haveDict = false
      var seen = 0
      for (i, keyword) in keywords.enumerated() {
        if keyword.arg == nil {
          if seen > 0 {
            try compileSubKeywords(keywords, begin: i - seen, end: i)
            if haveDict { emit(.dictMerge, 1) }
            haveDict = true
            seen = 0
          }
          if !haveDict {
            emit(.buildMap, 0)
            haveDict = true
          }
          try visit(keyword.value)
          emit(.dictMerge, 1)
        } else {
          seen += 1
        }
      }
      if seen > 0 {
        try compileSubKeywords(keywords, begin: keywords.count - seen, end: keywords.count)
        if haveDict { emit(.dictMerge, 1) }
      }
    }
    emit(.callFunctionEx, keywords.isEmpty ? 0 : 1)
  }

  /// `compiler_subkwargs()`: a run of `name=value` arguments as a dict.
  private func compileSubKeywords(_ keywords: [Keyword], begin: Int, end: Int) throws(PySyntaxError) {
    let n = end - begin
    let big = n * 2 > Self.stackUseGuideline
    if n > 1 && !big {
      for i in begin..<end { try visit(keywords[i].value) }
      emitConstant(.tuple(keywords[begin..<end].map { .str(Array($0.arg!.utf8)) }))
      emit(.buildConstKeyMap, n)
      return
    }
    if big { emit(.buildMap, 0) }
    for i in begin..<end {
      emitConstant(.str(Array(keywords[i].arg!.utf8)))
      try visit(keywords[i].value)
      if big { emit(.mapAdd, 1) }
    }
    if !big { emit(.buildMap, n) }
  }
}
