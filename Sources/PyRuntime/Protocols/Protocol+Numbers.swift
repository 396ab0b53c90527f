import PyCompiler

/// The number protocol. CPython: Objects/abstract.c, `binary_op1()`, `binary_iop1()`,
/// `PyNumber_Negative()`, …
extension RuntimeRef {
  /// `a op b` (`op` is a ``BinaryOperator`` raw value, plus 13 for `a op= b`). A new
  /// reference, or nil with an exception set.
  public func binaryOp(_ a: PyRef, _ b: PyRef, _ op: UInt32) -> PyRef? {
    let notImplemented = state.pointee.notImplemented
    if op >= BinaryOperator.inplaceOffset, let slot = a.type.record.pointee.binary {
      guard let result = PyRef(slot(a.raw, b.raw, op, raw)) else { return nil }
      if result != notImplemented { return result }
      decref(result)
    }
    let plain = op >= BinaryOperator.inplaceOffset ? op - BinaryOperator.inplaceOffset : op
    let slotA = a.type.record.pointee.binary
    var slotB = b.type == a.type ? nil : b.type.record.pointee.binary
    if let slotB0 = slotB, isSubtype(b.type, a.type) {
      guard let result = PyRef(slotB0(a.raw, b.raw, plain, raw)) else { return nil }
      if result != notImplemented { return result }
      decref(result)
      slotB = nil
    }
    if let slotA {
      guard let result = PyRef(slotA(a.raw, b.raw, plain, raw)) else { return nil }
      if result != notImplemented { return result }
      decref(result)
    }
    if let slotB {
      guard let result = PyRef(slotB(a.raw, b.raw, plain, raw)) else { return nil }
      if result != notImplemented { return result }
      decref(result)
    }
    raiseBinaryTypeError(a, b, op)
    return nil
  }

  /// The `TypeError` of an unsupported operation, with CPython's wording for sequences.
  private func raiseBinaryTypeError(_ a: PyRef, _ b: PyRef, _ op: UInt32) {
    let inplace = op >= BinaryOperator.inplaceOffset
    let plain = BinaryOperator(rawValue: UInt8(inplace ? op - BinaryOperator.inplaceOffset : op))!
    let kind = a.type.record.pointee.kind
    if plain == .add, kind == .bytes {
      // bytes' sq_concat words it differently (Objects/bytesobject.c, `bytes_concat`).
      raise("TypeError", "can't concat \(b.type.name) to \(a.type.name)")
      return
    }
    if plain == .add, [.str, .list, .tuple, .bytes].contains(kind) {
      let name = a.type == state.pointee.types.str || kind != .str ? kind.concatenationName : "str"
      raise("TypeError", "can only concatenate \(name) (not \"\(b.type.name)\") to \(name)")
      return
    }
    if plain == .multiply, [.str, .list, .tuple, .bytes].contains(kind) || [.str, .list, .tuple, .bytes].contains(b.type.record.pointee.kind) {
      let other = [.str, .list, .tuple, .bytes].contains(kind) ? b : a
      raise("TypeError", "can't multiply sequence by non-int of type '\(other.type.name)'")
      return
    }
    if plain == .power {
      raise("TypeError", "unsupported operand type(s) for \(inplace ? "**=" : "** or pow()"): '\(a.type.name)' and '\(b.type.name)'")
      return
    }
    raise("TypeError", "unsupported operand type(s) for \(plain.symbol)\(inplace ? "=" : ""): '\(a.type.name)' and '\(b.type.name)'")
  }

  /// `-a` (0), `+a` (1), `~a` (2), `abs(a)` (3).
  public func unaryOp(_ a: PyRef, _ op: UInt32) -> PyRef? {
    if let slot = a.type.record.pointee.unaryNumber {
      guard let result = PyRef(slot(a.raw, op, raw)) else { return nil }
      if result != state.pointee.notImplemented { return result }
      decref(result)
    }
    if op == 3 {
      raise("TypeError", "bad operand type for abs(): '\(a.type.name)'")
    } else {
      raise("TypeError", "bad operand type for unary \(["-", "+", "~"][Int(op)]): '\(a.type.name)'")
    }
    return nil
  }
}

extension TypeKind {
  /// The name in "can only concatenate list (not "int") to list".
  var concatenationName: String {
    switch self {
    case .list: "list"
    case .tuple: "tuple"
    case .bytes: "bytes"
    default: "str"
    }
  }
}
