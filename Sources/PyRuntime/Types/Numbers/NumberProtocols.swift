import PyCompiler

/// The protocol slots of `int`, `bool` and `float`: operators, comparisons, repr, truth.
/// (Minimal first version; the number work replaces it with the full set of methods.)
extension RuntimeRef {
  func bootstrapNumberProtocols() {
    for type in [state.pointee.types.int!, state.pointee.types.bool!, state.pointee.types.float!] {
      type.record.pointee.binary = NumberProtocols.binary
      type.record.pointee.richCompare = NumberProtocols.compare
      type.record.pointee.unaryNumber = NumberProtocols.unary
      type.record.pointee.repr = { raw, runtime in
        let rt = RuntimeRef(raw: runtime)
        return rt.numberRepr(PyRef(raw)).flatMap { rt.newStr($0) }?.raw
      }
      type.record.pointee.isTrue = { raw, runtime in RuntimeRef(raw: runtime).numberIsTrue(PyRef(raw)) ? 1 : 0 }
      addSlotWrappers(type)
    }
  }
}

enum NumberProtocols {
  static let operators: [NumberOperator] = [
    .add, .and, .floorDivide, .leftShift, .multiply, .multiply, .modulo, .or, .power, .rightShift, .subtract,
    .trueDivide, .xor,
  ]

  static let binary: Slot.Binary = { a, b, op, runtime in
    let rt = RuntimeRef(raw: runtime)
    let plain = op >= BinaryOperator.inplaceOffset ? op - BinaryOperator.inplaceOffset : op
    guard rt.isNumber(PyRef(a)), rt.isNumber(PyRef(b)), plain != UInt32(BinaryOperator.matrixMultiply.rawValue) else {
      return rt.newNotImplemented().raw
    }
    if op >= BinaryOperator.inplaceOffset { return rt.newNotImplemented().raw }
    return rt.numberBinary(operators[Int(plain)], PyRef(a), PyRef(b))?.raw
  }

  static let compare: Slot.RichCompare = { a, b, op, runtime in
    let rt = RuntimeRef(raw: runtime)
    guard rt.isNumber(PyRef(a)), rt.isNumber(PyRef(b)) else { return rt.newNotImplemented().raw }
    let comparisons: [NumberComparison] = [.less, .lessOrEqual, .equal, .notEqual, .greater, .greaterOrEqual]
    guard let result = rt.numberCompare(comparisons[Int(op)], PyRef(a), PyRef(b)) else { return nil }
    return rt.newBool(result).raw
  }

  static let unary: Slot.UnaryNumber = { a, op, runtime in
    let operations: [NumberUnaryOperator] = [.negative, .positive, .invert, .absolute]
    return RuntimeRef(raw: runtime).numberUnary(operations[Int(op)], PyRef(a))?.raw
  }
}
