import PySyntax

/// The state of one pattern being compiled (`pattern_context`).
struct PatternContext {
  /// Names captured so far, in the order their values sit on the stack.
  var stores: [String] = []
  /// Whether an irrefutable pattern is allowed here.
  var allowIrrefutable = false
  /// `failPop[i]` pops `i` items and goes on to the next case; each falls into the next.
  var failPop: [Int32] = []
  /// Items on top of the stack that must stay on top (captures go beneath them).
  var onTop = 0
}

extension CodeGenerator {
  private static func isWildcard(_ pattern: Pattern) -> Bool {
    if case .matchAs(nil, nil) = pattern.kind { return true }
    if case .matchAs(_, nil) = pattern.kind { return true }
    return false
  }

  private static func isStarWildcard(_ pattern: Pattern) -> Bool {
    if case .matchStar(nil) = pattern.kind { return true }
    return false
  }

  /// `compiler_match()`: the subject stays on the stack while the cases are tried (copied
  /// for each but the last); a trailing `case _:` is compiled without a test.
  func compileMatch(subject: Expr, cases: [MatchCase]) throws(PySyntaxError) {
    try visit(subject)
    let end = newBlock()
    let hasDefault = cases.count > 1 && Self.isWildcard(cases.last!.pattern)
    var context = PatternContext()
    for (i, matchCase) in cases.dropLast(hasDefault ? 1 : 0).enumerated() {
      setLocation(matchCase.pattern.span)
      let isLastTested = i == cases.count - (hasDefault ? 1 : 0) - 1
      if !isLastTested { emit(.copy, 1) }
      context = PatternContext()
      context.allowIrrefutable = matchCase.guard != nil || i == cases.count - 1
      try compilePattern(matchCase.pattern, &context)
      for name in context.stores { try nameOp(name, .store) }
      if let guardExpr = matchCase.guard {
        ensureFailPop(&context, 0)
        try jumpIf(guardExpr, to: context.failPop[0], when: false)
      }
      if !isLastTested { emit(.popTop) }
      try visit(matchCase.body)
      emitJump(to: end)
      setLocation(matchCase.pattern.span)
      emitAndResetFailPop(&context)
    }
    if hasDefault {
      let matchCase = cases.last!
      setLocation(matchCase.pattern.span)
      if cases.count == 1 {
        emit(.popTop)
      } else {
        emit(.nop)
      }
      if let guardExpr = matchCase.guard { try jumpIf(guardExpr, to: end, when: false) }
      try visit(matchCase.body)
    }
    useNextBlock(end)
  }

  // MARK: Failure paths

  private func ensureFailPop(_ context: inout PatternContext, _ n: Int) {
    while context.failPop.count < n + 1 { context.failPop.append(newBlock()) }
  }

  /// `jump_to_fail_pop()`: on failure, pop what is on top and the captures so far.
  private func jumpToFailPop(_ context: inout PatternContext, _ opcode: Opcode?) {
    let pops = context.onTop + context.stores.count
    ensureFailPop(&context, pops)
    if let opcode {
      emitJump(opcode, to: context.failPop[pops])
    } else {
      emitJump(to: context.failPop[pops])
    }
  }

  /// `emit_and_reset_fail_pop()`.
  private func emitAndResetFailPop(_ context: inout PatternContext) {
    guard !context.failPop.isEmpty else { return }
    for i in stride(from: context.failPop.count - 1, to: 0, by: -1) {
      useNextBlock(context.failPop[i])
      emit(.popTop)
    }
    useNextBlock(context.failPop[0])
    context.failPop = []
  }

  // MARK: Patterns

  /// `compiler_pattern()`: the subject is on top; on success it has been consumed (and the
  /// captures pushed beneath `onTop` items); on failure control goes to a fail-pop block.
  private func compilePattern(_ pattern: Pattern, _ context: inout PatternContext) throws(PySyntaxError) {
    setLocation(pattern.span)
    switch pattern.kind {
    case .matchValue(let value):
      switch value.kind {
      case .constant, .attribute: break
      default:
        if fold(value) == nil { throw error("patterns may only match literals and attribute lookups") }
      }
      try visit(value)
      emitCompare(.eq)
      jumpToFailPop(&context, .popJumpIfFalse)
    case .matchSingleton(let value):
      emitConstant(Constant(value))
      emitCompare(.is)
      jumpToFailPop(&context, .popJumpIfFalse)
    case .matchSequence(let patterns):
      try compileSequencePattern(patterns, &context)
    case .matchMapping(let keys, let patterns, let rest):
      try compileMappingPattern(pattern, keys: keys, patterns: patterns, rest: rest, &context)
    case .matchClass(let cls, let patterns, let kwdAttrs, let kwdPatterns):
      try compileClassPattern(pattern, cls: cls, patterns: patterns, kwdAttrs: kwdAttrs, kwdPatterns: kwdPatterns, &context)
    case .matchStar(let name):
      try storeCapture(name, &context)
    case .matchAs(let sub, let name):
      guard let sub else {
        if !context.allowIrrefutable {
          if let name { throw error("name capture '\(name)' makes remaining patterns unreachable") }
          throw error("wildcard makes remaining patterns unreachable")
        }
        try storeCapture(name, &context)
        return
      }
      context.onTop += 1
      emit(.copy, 1)
      try compilePattern(sub, &context)
      context.onTop -= 1
      try storeCapture(name, &context)
    case .matchOr(let patterns):
      try compileOrPattern(pattern, patterns, &context)
    }
  }

  /// `compiler_pattern_subpattern()`: irrefutable subpatterns are fine.
  private func compileSubpattern(_ pattern: Pattern, _ context: inout PatternContext) throws(PySyntaxError) {
    let allow = context.allowIrrefutable
    context.allowIrrefutable = true
    try compilePattern(pattern, &context)
    context.allowIrrefutable = allow
  }

  /// `pattern_helper_store_name()`: the value on top goes beneath the items to keep and the
  /// earlier captures; the wildcard pops it.
  private func storeCapture(_ name: String?, _ context: inout PatternContext) throws(PySyntaxError) {
    guard let name else {
      emit(.popTop)
      return
    }
    try checkForbidden(name, .store)
    if context.stores.contains(name) { throw error("multiple assignments to name '\(name)' in pattern") }
    emitRotate(context.onTop + context.stores.count + 1)
    context.stores.append(name)
  }

  /// `compiler_pattern_sequence()`.
  private func compileSequencePattern(_ patterns: [Pattern], _ context: inout PatternContext) throws(PySyntaxError) {
    var star = -1
    var onlyWildcard = true
    var starWildcard = false
    for (i, pattern) in patterns.enumerated() {
      if case .matchStar = pattern.kind {
        if star >= 0 { throw error("multiple starred names in sequence pattern") }
        starWildcard = Self.isStarWildcard(pattern)
        onlyWildcard = onlyWildcard && starWildcard
        star = i
        continue
      }
      onlyWildcard = onlyWildcard && Self.isWildcard(pattern)
    }
    context.onTop += 1
    emit(.matchSequence)
    jumpToFailPop(&context, .popJumpIfFalse)
    if star < 0 {
      emit(.getLen)
      emitConstant(.int(patterns.count))
      emitCompare(.eq)
      jumpToFailPop(&context, .popJumpIfFalse)
    } else if patterns.count - 1 > 0 {
      emit(.getLen)
      emitConstant(.int(patterns.count - 1))
      emitCompare(.gtE)
      jumpToFailPop(&context, .popJumpIfFalse)
    }
    context.onTop -= 1
    if onlyWildcard {
      emit(.popTop)
    } else if starWildcard {
      try compileSequenceSubscripts(patterns, star: star, &context)
    } else {
      try emitUnpack(patterns, isStarred: { if case .matchStar = $0.kind { return true } else { return false } },
        tooMany: "too many expressions in star-unpacking sequence pattern",
        multiple: "multiple starred expressions in sequence pattern")
      context.onTop += patterns.count
      for pattern in patterns {
        context.onTop -= 1
        try compileSubpattern(pattern, &context)
      }
    }
  }

  /// `pattern_helper_sequence_subscr()`: with a `*_` wildcard, take the items by index
  /// instead of unpacking them all.
  private func compileSequenceSubscripts(_ patterns: [Pattern], star: Int, _ context: inout PatternContext) throws(PySyntaxError) {
    context.onTop += 1
    for (i, pattern) in patterns.enumerated() {
      if Self.isWildcard(pattern) || i == star { continue }
      emit(.copy, 1)
      if i < star {
        emitConstant(.int(i))
      } else {
        emit(.getLen)
        emitConstant(.int(patterns.count - i))
        emitBinary(.sub)
      }
      emit(.binarySubscr)
      try compileSubpattern(pattern, &context)
    }
    context.onTop -= 1
    emit(.popTop)
  }

  /// `compiler_pattern_mapping()`.
  private func compileMappingPattern(
    _ pattern: Pattern, keys: [Expr], patterns: [Pattern], rest: String?, _ context: inout PatternContext
  ) throws(PySyntaxError) {
    let size = keys.count
    context.onTop += 1
    emit(.matchMapping)
    jumpToFailPop(&context, .popJumpIfFalse)
    if size == 0 && rest == nil {
      context.onTop -= 1
      emit(.popTop)
      return
    }
    if size > 0 {
      emit(.getLen)
      emitConstant(.int(size))
      emitCompare(.gtE)
      jumpToFailPop(&context, .popJumpIfFalse)
    }
    var seen: [Constant] = []
    for key in keys {
      if let constant = fold(key), !isAttribute(key) {
        if seen.contains(where: { $0.pythonEquals(constant) }) {
          throw error("mapping pattern checks duplicate key (\(Disassembler.repr(constant)))")
        }
        seen.append(constant)
      } else if !isAttribute(key) {
        throw error("mapping pattern keys may only match literals and attribute lookups")
      }
      try visit(key)
    }
    emit(.buildTuple, size)
    emit(.matchKeys)
    context.onTop += 2
    emit(.copy, 1)
    emitConstant(.none)
    emit(.isOp, 1)
    jumpToFailPop(&context, .popJumpIfFalse)
    emit(.unpackSequence, size)
    context.onTop += size - 1
    for sub in patterns {
      context.onTop -= 1
      try compileSubpattern(sub, &context)
    }
    context.onTop -= 2
    if let rest {
      // rest = dict(subject); del rest[k] for each key
      emit(.buildMap, 0)
      emit(.swap, 3)
      emit(.dictUpdate, 2)
      emit(.unpackSequence, size)
      var remaining = size
      while remaining > 0 {
        emit(.copy, 1 + remaining)
        remaining -= 1
        emit(.swap, 2)
        emit(.deleteSubscr)
      }
      try storeCapture(rest, &context)
    } else {
      emit(.popTop)
      emit(.popTop)
    }
  }

  private func isAttribute(_ expr: Expr) -> Bool {
    if case .attribute = expr.kind { return true }
    return false
  }

  /// `compiler_pattern_class()`. `MATCH_CLASS` leaves the subject under the attributes
  /// (this instruction set's form), so it is dropped with `SWAP`/`POP_TOP`.
  private func compileClassPattern(
    _ pattern: Pattern, cls: Expr, patterns: [Pattern], kwdAttrs: [String], kwdPatterns: [Pattern],
    _ context: inout PatternContext
  ) throws(PySyntaxError) {
    if !kwdAttrs.isEmpty {
      for (i, attr) in kwdAttrs.enumerated() {
        setLocation(kwdPatterns[i].span)
        try checkForbidden(attr, .store)
        if let j = kwdAttrs[(i + 1)...].firstIndex(of: attr) {
          setLocation(kwdPatterns[j].span)
          throw error("attribute name repeated in class pattern: \(attr)")
        }
      }
      setLocation(pattern.span)
    }
    try visit(cls)
    emitConstant(.tuple(kwdAttrs.map { .str(Array($0.utf8)) }))
    emit(.matchClass, patterns.count)
    emit(.swap, 2)
    emit(.popTop)
    emit(.copy, 1)
    emitConstant(.none)
    emit(.isOp, 1)
    context.onTop += 1
    jumpToFailPop(&context, .popJumpIfFalse)
    let all = patterns + kwdPatterns
    emit(.unpackSequence, all.count)
    context.onTop += all.count - 1
    for sub in all {
      context.onTop -= 1
      if Self.isWildcard(sub) {
        emit(.popTop)
        continue
      }
      try compileSubpattern(sub, &context)
    }
  }

  /// `compiler_pattern_or()`: each alternative is tried on a copy of the subject; the
  /// captures of the successful one are reordered to the first alternative's order and
  /// rotated into place.
  private func compileOrPattern(_ pattern: Pattern, _ alternatives: [Pattern], _ context: inout PatternContext) throws(PySyntaxError) {
    let end = newBlock()
    let old = context
    var control: [String]? = nil
    for (i, alternative) in alternatives.enumerated() {
      setLocation(alternative.span)
      context.stores = []
      context.allowIrrefutable = i == alternatives.count - 1 && old.allowIrrefutable
      context.failPop = []
      context.onTop = 0
      emit(.copy, 1)
      try compilePattern(alternative, &context)
      let count = context.stores.count
      if let control {
        if count != control.count { throw error("alternative patterns bind different names") }
        if count > 0 {
          for iControl in stride(from: count - 1, through: 0, by: -1) {
            let name = control[iControl]
            guard let iStores = context.stores.firstIndex(of: name) else {
              throw error("alternative patterns bind different names")
            }
            if iControl != iStores {
              // Move stores[0...iStores] to sit just before index iControl, on the stack too.
              let rotations = iStores + 1
              let rotated = Array(context.stores[0..<rotations])
              context.stores.removeSubrange(0..<rotations)
              context.stores.insert(contentsOf: rotated, at: iControl - iStores)
              for _ in 0..<rotations { emitRotate(iControl + 1) }
            }
          }
        }
      } else {
        control = context.stores
      }
      emitJump(to: end)
      emitAndResetFailPop(&context)
    }
    context = old
    // No alternative matched: pop the subject copy and fail.
    setLocation(pattern.span)
    emit(.popTop)
    jumpToFailPop(&context, nil)
    useNextBlock(end)
    let captured = control ?? []
    let rotations = captured.count + 1 + context.onTop + context.stores.count
    for name in captured {
      emitRotate(rotations)
      if context.stores.contains(name) { throw error("multiple assignments to name '\(name)' in pattern") }
      context.stores.append(name)
    }
    emit(.popTop)
  }
}
