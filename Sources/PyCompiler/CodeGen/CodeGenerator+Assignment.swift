import PySyntax

extension CodeGenerator {
  /// `assignment_helper()`: `UNPACK_SEQUENCE n`, or `UNPACK_EX before | after << 8` with a
  /// starred target, then each target.
  func assignUnpacking(_ elts: [Expr]) throws(PySyntaxError) {
    try emitUnpack(elts, isStarred: { if case .starred = $0.kind { return true } else { return false } },
      tooMany: "too many expressions in star-unpacking assignment",
      multiple: "multiple starred expressions in assignment")
    for elt in elts {
      if case .starred(let value, _) = elt.kind {
        try visit(value)
      } else {
        try visit(elt)
      }
    }
  }

  /// `unpack_helper()` and `pattern_unpack_helper()`.
  func emitUnpack<T>(
    _ elts: [T], isStarred: (T) -> Bool, tooMany: String, multiple: String
  ) throws(PySyntaxError) {
    var seenStar = false
    for (i, elt) in elts.enumerated() where isStarred(elt) {
      if seenStar { throw error(multiple) }
      let after = elts.count - i - 1
      // UNPACK_EX's argument is 24 bits: 8 for the count before the star, 16 after.
      if i >= 1 << 8 || after >= 1 << 16 { throw error(tooMany) }
      emit(.unpackEx, i + (after << 8))
      seenStar = true
    }
    if !seenStar { emit(.unpackSequence, elts.count) }
  }

  /// `compiler_augassign()`: the target's container is evaluated once and kept with `COPY`.
  func compileAugmentedAssignment(_ statement: Stmt, target: Expr, op: Operator, value: Expr) throws(PySyntaxError) {
    let statementPosition = unit.position
    setLocation(target.span)
    switch target.kind {
    case .attribute(let object, let attr, _):
      try visit(object)
      emit(.copy, 1)
      moveLocationToAttribute(target, attr: attr)
      emitName(.loadAttr, attr)
    case .subscript(let object, let slice, _):
      try visit(object)
      try visit(slice)
      emit(.copy, 2)
      emit(.copy, 2)
      emit(.binarySubscr)
    case .name(let id, _):
      try nameOp(id, .load)
    default:
      preconditionFailure("invalid augmented assignment target")
    }
    unit.position = statementPosition
    try visit(value)
    emitBinary(op, inplace: true)
    setLocation(target.span)
    switch target.kind {
    case .attribute(_, let attr, _):
      moveLocationToAttribute(target, attr: attr)
      emit(.swap, 2)
      emitName(.storeAttr, attr)
    case .subscript:
      emit(.swap, 3)
      emit(.swap, 2)
      emit(.storeSubscr)
    case .name(let id, _):
      try nameOp(id, .store)
    default:
      break
    }
  }

  /// `compiler_annassign()`: the assignment first; then, for a simple name in a module or
  /// class body, `__annotations__[name] = annotation`. In a function the annotation of a
  /// simple name is not evaluated; other targets' annotations are evaluated (and dropped) in
  /// modules and classes only.
  func compileAnnotatedAssignment(target: Expr, annotation: Expr, value: Expr?, simple: Bool) throws(PySyntaxError) {
    if let value {
      try visit(value)
      try visit(target)
    }
    let isModuleOrClass = unit.kind == .module || unit.kind == .class
    switch target.kind {
    case .name(let id, _):
      try checkForbidden(id, .store)
      if simple && isModuleOrClass {
        try visitAnnotation(annotation)
        emitUnmangledName(.loadName, "__annotations__")
        emitConstant(.str(Array(mangle(unit.privateName, id).utf8)))
        emit(.storeSubscr)
      }
    case .attribute(let object, let attr, _):
      try checkForbidden(attr, .store)
      if value == nil { try evaluateAndDrop(object) }
    case .subscript(let object, let slice, _):
      if value == nil {
        try evaluateAndDrop(object)
        try evaluateSliceAndDrop(slice)
      }
    default:
      preconditionFailure("invalid annotated assignment target")
    }
    if !simple && !future.annotations && isModuleOrClass {
      try evaluateAndDrop(annotation)
    }
  }

  /// `check_ann_expr()`.
  private func evaluateAndDrop(_ expr: Expr) throws(PySyntaxError) {
    try visit(expr)
    emit(.popTop)
  }

  /// `check_ann_subscr()`.
  private func evaluateSliceAndDrop(_ slice: Expr) throws(PySyntaxError) {
    switch slice.kind {
    case .slice(let lower, let upper, let step):
      if let lower { try evaluateAndDrop(lower) }
      if let upper { try evaluateAndDrop(upper) }
      if let step { try evaluateAndDrop(step) }
    case .tuple(let elts, _):
      for elt in elts { try evaluateSliceAndDrop(elt) }
    default:
      try evaluateAndDrop(slice)
    }
  }

  /// An annotation's value: the expression, or under `from __future__ import annotations`
  /// its source text as a string constant (`compiler_visit_annexpr()`).
  func visitAnnotation(_ annotation: Expr) throws(PySyntaxError) {
    if future.annotations {
      let saved = unit.position
      setLocation(annotation.span)
      emitConstant(.str(Array(AnnotationUnparser.unparse(annotation).utf8)))
      unit.position = saved
    } else {
      try visit(annotation)
    }
  }
}
