import PySyntax

extension CodeGenerator {
  /// `STACK_USE_GUIDELINE`: above this many items, displays and calls are built
  /// incrementally instead of from the stack.
  static let stackUseGuideline = 30

  /// The constant `expr` folds to (see ``ConstantFolder``), remembering failures so that
  /// long operator chains stay linear.
  func fold(_ expr: Expr) -> Constant? {
    switch expr.kind {
    case .constant(let value, _):
      return Constant(value)
    case .binOp(let left, _, let right):
      guard Self.mayBeConstant(left), Self.mayBeConstant(right) else { return nil }
      return foldRemembering(expr)
    case .unaryOp(_, let operand):
      guard Self.mayBeConstant(operand) else { return nil }
      return foldRemembering(expr)
    case .subscript(let value, let slice, .load):
      guard Self.mayBeConstant(value), Self.mayBeConstant(slice) else { return nil }
      return foldRemembering(expr)
    case .tuple(let elts, .load):
      guard elts.allSatisfy(Self.mayBeConstant) else { return nil }
      return foldRemembering(expr)
    case .name("__debug__", .load):
      return .bool(true)
    default:
      return nil
    }
  }

  /// Whether `expr` is of a kind that can fold to a constant (a cheap test that spares most
  /// expressions the fold and the memo).
  private static func mayBeConstant(_ expr: Expr) -> Bool {
    switch expr.kind {
    case .constant, .binOp, .unaryOp, .tuple(_, .load), .subscript(_, _, .load): return true
    case .name(let id, .load): return id == "__debug__"
    default: return false
    }
  }

  private func foldRemembering(_ expr: Expr) -> Constant? {
    if unfoldable.contains(expr.span) { return nil }
    let result = ConstantFolder.fold(expr)
    if result == nil { unfoldable.insert(expr.span) }
    return result
  }


  /// `compiler_visit_expr()`: compiles `expr` at its own location.
  func visit(_ expr: Expr) throws(PySyntaxError) {
    let saved = unit.position
    unit.position = SourcePosition(expr.span)
    try visitExpression(expr)
    unit.position = saved
  }

  /// `compiler_visit_expr1()`.
  private func visitExpression(_ expr: Expr) throws(PySyntaxError) {
    if let constant = fold(expr) {
      emitConstant(constant)
      return
    }
    switch expr.kind {
    case .boolOp(let op, let values):
      try compileBoolOperands(op, values)
    case .namedExpr(let target, let value):
      try visit(value)
      emit(.copy, 1)
      try visit(target)
    case .binOp(let left, let op, let right):
      if op == .mod, let format = percentFormatAsJoinedStr(expr, left: left, right: right) {
        try visit(format)
        return
      }
      try visit(left)
      try visit(right)
      emitBinary(op)
    case .unaryOp(let op, let operand):
      if op == .not, let inverted = invertedComparison(operand) {
        try visit(inverted)
        return
      }
      try visit(operand)
      switch op {
      case .invert: emit(.unaryInvert)
      case .not: emit(.unaryNot)
      case .uAdd: emit(.unaryPositive)
      case .uSub: emit(.unaryNegative)
      }
    case .lambda(let args, let body):
      try compileLambda(expr, args: args, body: body)
    case .ifExp(let test, let body, let orelse):
      let end = newBlock()
      let next = newBlock()
      try jumpIf(test, to: next, when: false)
      try visit(body)
      unit.emitJumpNoLocation(to: end)
      useNextBlock(next)
      try visit(orelse)
      useNextBlock(end)
    case .dict(let keys, let values):
      try compileDict(keys: keys, values: values)
    case .set(let elts):
      try starUnpack(elts, pushed: 0, build: .buildSet, add: .setAdd, extend: .setUpdate, tuple: false)
    case .listComp(let elt, let generators):
      try compileComprehension(expr, kind: .list, generators: generators, elt: elt, value: nil)
    case .setComp(let elt, let generators):
      try compileComprehension(expr, kind: .set, generators: generators, elt: elt, value: nil)
    case .dictComp(let key, let value, let generators):
      try compileComprehension(expr, kind: .dict, generators: generators, elt: key, value: value)
    case .generatorExp(let elt, let generators):
      try compileComprehension(expr, kind: .generator, generators: generators, elt: elt, value: nil)
    case .await(let value):
      if unit.scope.kind != .function { throw error("'await' outside function") }
      if unit.kind != .asyncFunction && unit.kind != .comprehension {
        throw error("'await' outside async function")
      }
      try visit(value)
      emit(.getAwaitable, 0)
      emitConstant(.none)
      emitYieldFrom()
    case .yield(let value):
      if unit.scope.kind != .function { throw error("'yield' outside function") }
      if let value { try visit(value) } else { emitConstant(.none) }
      emitYield()
    case .yieldFrom(let value):
      if unit.scope.kind != .function { throw error("'yield' outside function") }
      if unit.kind == .asyncFunction { throw error("'yield from' inside async function") }
      try visit(value)
      emit(.getYieldFromIter)
      emitConstant(.none)
      emitYieldFrom()
    case .compare(let left, let ops, let comparators):
      try compileCompare(left: left, ops: ops, comparators: comparators)
    case .call(let function, let args, let keywords):
      try compileCall(expr, function: function, args: args, keywords: keywords)
    case .formattedValue(let value, let conversion, let formatSpec):
      try visit(value)
      var flags: Int
      switch conversion {
      case 115: flags = 1  // !s
      case 114: flags = 2  // !r
      case 97: flags = 3  // !a
      default: flags = 0
      }
      if let formatSpec {
        try visit(formatSpec)
        flags |= 4
      }
      emit(.formatValue, flags)
    case .joinedStr(let values):
      try compileJoinedStr(values)
    case .constant(let value, _):
      emitConstant(Constant(value))
    case .attribute(let value, let attr, let ctx):
      try visit(value)
      let saved = unit.position
      moveLocationToAttribute(expr, attr: attr)
      switch ctx {
      case .load: emitName(.loadAttr, attr)
      case .store:
        try checkForbidden(attr, .store)
        emitName(.storeAttr, attr)
      case .del: emitName(.deleteAttr, attr)
      }
      unit.position = saved
    case .subscript(let value, let slice, let ctx):
      try visit(value)
      try visit(slice)
      switch ctx {
      case .load: emit(.binarySubscr)
      case .store: emit(.storeSubscr)
      case .del: emit(.deleteSubscr)
      }
    case .starred(_, let ctx):
      if ctx == .store { throw error("starred assignment target must be in a list or tuple") }
      throw error("can't use starred expression here")
    case .name(let id, let ctx):
      try nameOp(id, ctx)
    case .list(let elts, let ctx):
      switch ctx {
      case .store: try assignUnpacking(elts)
      case .load: try starUnpack(elts, pushed: 0, build: .buildList, add: .listAppend, extend: .listExtend, tuple: false)
      case .del: for elt in elts { try visit(elt) }
      }
    case .tuple(let elts, let ctx):
      switch ctx {
      case .store: try assignUnpacking(elts)
      case .load: try starUnpack(elts, pushed: 0, build: .buildList, add: .listAppend, extend: .listExtend, tuple: true)
      case .del: for elt in elts { try visit(elt) }
      }
    case .slice(let lower, let upper, let step):
      if let lower { try visit(lower) } else { emitConstant(.none) }
      if let upper { try visit(upper) } else { emitConstant(.none) }
      if let step {
        try visit(step)
        emit(.buildSlice, 3)
      } else {
        emit(.buildSlice, 2)
      }
    }
  }

  /// `update_start_location_to_match_attr()`: an attribute on a later line than its
  /// expression starts is located at the attribute name.
  func moveLocationToAttribute(_ expr: Expr, attr: String) {
    guard unit.position.line != Int32(expr.span.endLineno) else { return }
    // (`expr` is the attribute node; the current location may be a larger node's.)
    unit.position.line = Int32(expr.span.endLineno)
    let length = attr.unicodeScalars.count  // CPython's PyUnicode_GET_LENGTH, against a byte column
    if length <= expr.span.endColOffset {
      unit.position.column = Int32(expr.span.endColOffset - length)
    } else {
      unit.position.column = -1
      unit.position.endColumn = -1
    }
    unit.position.endLine = max(unit.position.line, unit.position.endLine)
    if unit.position.line == unit.position.endLine {
      unit.position.endColumn = max(unit.position.column, unit.position.endColumn)
    }
  }

  // MARK: Boolean operators and comparisons

  /// `compiler_boolop()`: `JUMP_IF_FALSE_OR_POP` (and) or `JUMP_IF_TRUE_OR_POP` (or) after
  /// each operand but the last.
  private func compileBoolOperands(_ op: BoolOperator, _ values: [Expr]) throws(PySyntaxError) {
    let jump: Opcode = op == .and ? .jumpIfFalseOrPop : .jumpIfTrueOrPop
    let end = newBlock()
    for value in values.dropLast() {
      if let constant = fold(value) {
        // What CPython's CFG optimizer leaves of LOAD_CONST + JUMP_IF_*_OR_POP: the
        // constant is the result (a jump to the end), or nothing.
        if constant.isTruthy == (op == .or) {
          try visit(value)
          emitJump(to: end)
        }
        continue
      }
      try visit(value)
      emitJump(jump, to: end)
    }
    try visit(values.last!)
    useNextBlock(end)
  }

  /// `not (a in b)` → `a not in b`, and likewise for `is` (CPython's `fold_unaryop()`);
  /// the result takes the comparison's location.
  func invertedComparison(_ operand: Expr) -> Expr? {
    guard case .compare(let left, let ops, let comparators) = operand.kind, ops.count == 1 else { return nil }
    let inverted: CmpOperator
    switch ops[0] {
    case .is: inverted = .isNot
    case .isNot: inverted = .is
    case .in: inverted = .notIn
    case .notIn: inverted = .in
    default: return nil
    }
    return Expr(.compare(left: left, ops: [inverted], comparators: comparators), operand.span)
  }

  /// `compiler_compare()`: a chain keeps the middle operand with `SWAP`/`COPY` and exits
  /// through `JUMP_IF_FALSE_OR_POP`.
  private func compileCompare(left: Expr, ops: [CmpOperator], comparators: [Expr]) throws(PySyntaxError) {
    try visit(left)
    if ops.count == 1 {
      try visitComparand(comparators[0], isLast: true, op: ops[0])
      emitCompare(ops[0])
      return
    }
    let cleanup = newBlock()
    for i in 0..<(ops.count - 1) {
      try visit(comparators[i])
      emit(.swap, 2)
      emit(.copy, 2)
      emitCompare(ops[i])
      emitJump(.jumpIfFalseOrPop, to: cleanup)
    }
    try visitComparand(comparators.last!, isLast: true, op: ops.last!)
    emitCompare(ops.last!)
    let end = newBlock()
    unit.emitJumpNoLocation(to: end)
    useNextBlock(cleanup)
    emit(.swap, 2)
    emit(.popTop)
    useNextBlock(end)
  }

  /// The right operand of a comparison; for the last `in`/`not in`, a list or set display
  /// is compiled as a tuple or frozenset (`fold_compare()`).
  func visitComparand(_ expr: Expr, isLast: Bool, op: CmpOperator) throws(PySyntaxError) {
    if isLast && (op == .in || op == .notIn) {
      try visitIterable(expr)
    } else {
      try visit(expr)
    }
  }

  /// An iterable in `for … in`, a comprehension or `in` (`fold_iter()`): a list display
  /// without `*` becomes a tuple (a constant when its items are), a set display of
  /// constants a frozenset constant.
  func visitIterable(_ expr: Expr) throws(PySyntaxError) {
    switch expr.kind {
    case .list(let elts, .load) where !elts.contains(where: { if case .starred = $0.kind { return true } else { return false } }):
      try visit(Expr(.tuple(elts: elts, ctx: .load), expr.span))
    case .set(let elts):
      var items: [Constant] = []
      for elt in elts {
        guard let item = fold(elt) else {
          try visit(expr)
          return
        }
        items.append(item)
      }
      let saved = unit.position
      setLocation(expr.span)
      emitConstant(.frozenset(Constant.uniqueForSet(items)))
      unit.position = saved
    default:
      try visit(expr)
    }
  }

  /// Compiles a jump to `target` taken when `expr` is true (`when` true) or false
  /// (`compiler_jump_if()`), without building the intermediate booleans of `not`, `and`,
  /// `or`, conditional expressions and chained comparisons. A constant condition becomes
  /// an unconditional jump or nothing.
  func jumpIf(_ expr: Expr, to target: Int32, when condition: Bool) throws(PySyntaxError) {
    switch expr.kind {
    case .unaryOp(.not, let operand) where fold(expr) == nil:
      try jumpIf(operand, to: target, when: !condition)
      return
    case .boolOp(let op, let values):
      let isOr = op == .or
      let next2 = isOr != condition ? newBlock() : target
      for value in values.dropLast() {
        try jumpIf(value, to: next2, when: isOr)
      }
      try jumpIf(values.last!, to: target, when: condition)
      if next2 != target { useNextBlock(next2) }
      return
    case .ifExp(let test, let body, let orelse):
      let end = newBlock()
      let next2 = newBlock()
      try jumpIf(test, to: next2, when: false)
      try jumpIf(body, to: target, when: condition)
      unit.emitJumpNoLocation(to: end)
      useNextBlock(next2)
      try jumpIf(orelse, to: target, when: condition)
      useNextBlock(end)
      return
    case .compare(let left, let ops, let comparators) where ops.count > 1:
      // CPython sets the location to the comparison here and leaves it so (the jumps, and
      // what the caller emits next, are at the comparison).
      setLocation(expr.span)
      let cleanup = newBlock()
      try visit(left)
      for i in 0..<(ops.count - 1) {
        try visit(comparators[i])
        emit(.swap, 2)
        emit(.copy, 2)
        emitCompare(ops[i])
        emitJump(.popJumpIfFalse, to: cleanup)
      }
      try visitComparand(comparators.last!, isLast: true, op: ops.last!)
      emitCompare(ops.last!)
      emitJump(condition ? .popJumpIfTrue : .popJumpIfFalse, to: target)
      let end = newBlock()
      unit.emitJumpNoLocation(to: end)
      useNextBlock(cleanup)
      emit(.popTop)
      if !condition { unit.emitJumpNoLocation(to: target) }
      useNextBlock(end)
      return
    case .compare:
      setLocation(expr.span)  // as above, for a single comparison too
    default:
      break
    }
    if let constant = fold(expr) {
      // What CPython's CFG optimizer leaves of LOAD_CONST + POP_JUMP_IF: a NOP at the
      // condition, then a jump (at the statement) or nothing.
      let saved = unit.position
      setLocation(expr.span)
      emit(.nop)
      unit.position = saved
      if constant.isTruthy == condition { emitJump(to: target) }
      return
    }
    try visit(expr)
    emitJump(condition ? .popJumpIfTrue : .popJumpIfFalse, to: target)
  }

  // MARK: Displays

  /// `starunpack_helper()`: a list, set or tuple display, or the positional arguments of a
  /// call with `*` (`pushed` items are already on the stack and belong at the front).
  func starUnpack(
    _ elts: [Expr], pushed: Int, build: Opcode, add: Opcode, extend: Opcode, tuple: Bool
  ) throws(PySyntaxError) {
    let n = elts.count
    if n > 2 {
      var folded: [Constant] = []
      folded.reserveCapacity(n)
      for elt in elts {
        guard let constant = fold(elt) else { break }
        folded.append(constant)
      }
      if folded.count == n {
        if tuple && pushed == 0 {
          emitConstant(.tuple(folded))
        } else {
          emit(build, pushed)
          emitConstant(add == .setAdd ? .frozenset(Constant.uniqueForSet(folded)) : .tuple(folded))
          emit(extend, 1)
          if tuple { emit(.listToTuple) }
        }
        return
      }
    }
    let big = n + pushed > Self.stackUseGuideline
    let hasStar = elts.contains { if case .starred = $0.kind { return true } else { return false } }
    if !hasStar && !big {
      for elt in elts { try visit(elt) }
      emit(tuple ? .buildTuple : build, n + pushed)
      return
    }
    var built = false
    if big {
      emit(build, pushed)
      built = true
    }
    for (i, elt) in elts.enumerated() {
      if case .starred(let value, _) = elt.kind {
        if !built {
          emit(build, i + pushed)
          built = true
        }
        try visit(value)
        emit(extend, 1)
      } else {
        try visit(elt)
        if built { emit(add, 1) }
      }
    }
    if tuple { emit(.listToTuple) }
  }

  /// `compiler_dict()`: runs of `key: value` pairs become maps (`BUILD_CONST_KEY_MAP` when
  /// the keys are constants), merged with `DICT_UPDATE`, as are `**mapping` entries.
  private func compileDict(keys: [Expr?], values: [Expr]) throws(PySyntaxError) {
    let n = values.count
    var haveDict = false
    var elements = 0
    for i in 0..<n {
      if keys[i] == nil {
        if elements > 0 {
          try compileSubDict(keys: keys, values: values, begin: i - elements, end: i)
          if haveDict { emit(.dictUpdate, 1) }
          haveDict = true
          elements = 0
        }
        if !haveDict {
          emit(.buildMap, 0)
          haveDict = true
        }
        try visit(values[i])
        emit(.dictUpdate, 1)
      } else if elements * 2 > Self.stackUseGuideline {
        try compileSubDict(keys: keys, values: values, begin: i - elements, end: i + 1)
        if haveDict { emit(.dictUpdate, 1) }
        haveDict = true
        elements = 0
      } else {
        elements += 1
      }
    }
    if elements > 0 {
      try compileSubDict(keys: keys, values: values, begin: n - elements, end: n)
      if haveDict { emit(.dictUpdate, 1) }
      haveDict = true
    }
    if !haveDict { emit(.buildMap, 0) }
  }

  /// `compiler_subdict()`.
  private func compileSubDict(keys: [Expr?], values: [Expr], begin: Int, end: Int) throws(PySyntaxError) {
    let n = end - begin
    let big = n * 2 > Self.stackUseGuideline
    if n > 1 && !big {
      var constantKeys: [Constant] = []
      for i in begin..<end {
        guard let key = keys[i], let constant = fold(key) else { break }
        constantKeys.append(constant)
      }
      if constantKeys.count == n {
        for i in begin..<end { try visit(values[i]) }
        emitConstant(.tuple(constantKeys))
        emit(.buildConstKeyMap, n)
        return
      }
    }
    if big { emit(.buildMap, 0) }
    for i in begin..<end {
      try visit(keys[i]!)
      try visit(values[i])
      if big { emit(.mapAdd, 1) }
    }
    if !big { emit(.buildMap, n) }
  }

  // MARK: Strings

  /// `compiler_joined_str()`: `BUILD_STRING`, or `''.join([...])` for many parts.
  private func compileJoinedStr(_ values: [Expr]) throws(PySyntaxError) {
    if values.count > Self.stackUseGuideline {
      emitConstant(.str([]))
      emitUnmangledName(.loadMethod, "join")
      emit(.buildList, 0)
      for value in values {
        try visit(value)
        emit(.listAppend, 1)
      }
      emit(.call, 1)
    } else {
      for value in values { try visit(value) }
      if values.count != 1 { emit(.buildString, values.count) }
    }
  }

  /// `optimize_format()`: `"…%s…%r…" % (a, b)` with only `%s`, `%r`, `%a` (with optional
  /// width and precision) as an f-string. Nil when the format does not qualify.
  func percentFormatAsJoinedStr(_ expr: Expr, left: Expr, right: Expr) -> Expr? {
    guard case .tuple(let elts, .load) = right.kind, fold(right) == nil,
      !elts.contains(where: { if case .starred = $0.kind { return true } else { return false } }),
      case .str(let bytes)? = fold(left)
    else { return nil }
    let text = String(decoding: bytes, as: UTF8.self)
    guard text.utf8.elementsEqual(bytes) else { return nil }  // a lone surrogate: left to run time
    let format = Array(text.unicodeScalars)
    var parts: [Expr] = []
    var position = 0
    var used = 0
    let noSpan = SourceSpan(lineno: -1, colOffset: -1, endLineno: -1, endColOffset: -1)
    while true {
      // Literal text up to the next lone '%'.
      var literal = String.UnicodeScalarView()
      while position < format.count {
        let c = format[position]
        if c == "%" {
          if position + 1 < format.count && format[position + 1] == "%" {
            literal.append("%")
            position += 2
            continue
          }
          break
        }
        literal.append(c)
        position += 1
      }
      if !literal.isEmpty {
        parts.append(Expr(.constant(value: .string(String(literal)), kind: nil), noSpan))
      }
      if position >= format.count { break }
      if used >= elts.count { return nil }  // more format units than items
      position += 1  // '%'
      guard let (spec, flags, width, precision) = Self.parseSimpleFormat(format, &position) else { return nil }
      guard spec == "s" || spec == "r" || spec == "a" else { return nil }
      var specText = ""
      if flags & 1 == 0 && width > 0 { specText += ">" }
      if width >= 0 { specText += String(width) }
      if precision >= 0 { specText += "." + String(precision) }
      let arg = elts[used]
      used += 1
      let formatSpec = specText.isEmpty ? nil : Expr(.constant(value: .string(specText), kind: nil), noSpan)
      parts.append(Expr(.formattedValue(value: arg, conversion: Int(spec.value), formatSpec: formatSpec), arg.span))
    }
    if used < elts.count { return nil }  // more items than format units
    return Expr(.joinedStr(values: parts), expr.span)
  }

  /// `simple_format_arg_parse()`: flags, width and precision of one `%` unit, then its
  /// conversion character. Flags: bit 0 is `-`.
  private static func parseSimpleFormat(
    _ format: [Unicode.Scalar], _ position: inout Int
  ) -> (Unicode.Scalar, Int, Int, Int)? {
    var pos = position
    func next() -> Unicode.Scalar? {
      guard pos < format.count else { return nil }
      defer { pos += 1 }
      return format[pos]
    }
    var flags = 0
    var width = -1
    var precision = -1
    guard var c = next() else { return nil }
    while "-+ #0".unicodeScalars.contains(c) {
      if c == "-" { flags |= 1 }
      guard let n = next() else { return nil }
      c = n
    }
    // At most two digits of width and of precision (CPython's MAXDIGITS is 3).
    if ("0"..."9").contains(c) {
      width = 0
      var digits = 0
      while ("0"..."9").contains(c) {
        width = width * 10 + Int(c.value - 48)
        guard let n = next() else { return nil }
        c = n
        digits += 1
        if digits >= 3 { return nil }
      }
    }
    if c == "." {
      guard let n = next() else { return nil }
      c = n
      precision = 0
      var digits = 0
      while ("0"..."9").contains(c) {
        precision = precision * 10 + Int(c.value - 48)
        guard let n = next() else { return nil }
        c = n
        digits += 1
        if digits >= 3 { return nil }
      }
    }
    position = pos
    return (c, flags, width, precision)
  }
}
