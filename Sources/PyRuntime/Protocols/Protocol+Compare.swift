import PyCompiler

/// Comparisons and hashing. CPython: Objects/object.c, `PyObject_RichCompare()`,
/// `do_richcompare()`, `PyObject_Hash()`.
extension RuntimeRef {
  /// `a op b`: a new reference, or nil with an exception set.
  public func richCompare(_ a: PyRef, _ b: PyRef, _ op: ComparisonOperator) -> PyRef? {
    if let truth = fastCompare(a, b, op) { return newBool(truth) }
    let notImplemented = state.pointee.notImplemented
    let opCode = Int32(op.rawValue)
    var checkedReflected = false
    if a.type != b.type, isSubtype(b.type, a.type), let reflected = b.type.record.pointee.richCompare {
      checkedReflected = true
      guard let result = PyRef(reflected(b.raw, a.raw, Int32(op.swapped.rawValue), raw)) else { return nil }
      if result != notImplemented { return result }
      decref(result)
    }
    if let compare = a.type.record.pointee.richCompare {
      guard let result = PyRef(compare(a.raw, b.raw, opCode, raw)) else { return nil }
      if result != notImplemented { return result }
      decref(result)
    }
    if !checkedReflected, let reflected = b.type.record.pointee.richCompare {
      guard let result = PyRef(reflected(b.raw, a.raw, Int32(op.swapped.rawValue), raw)) else { return nil }
      if result != notImplemented { return result }
      decref(result)
    }
    switch op {
    case .equal: return newBool(a == b)
    case .notEqual: return newBool(a != b)
    default:
      raise("TypeError", "'\(op.symbol)' not supported between instances of '\(a.type.name)' and '\(b.type.name)'")
      return nil
    }
  }

  /// `a op b` as a truth value: 1, 0, or -1 with an exception set. Identity implies
  /// equality, as in CPython's `PyObject_RichCompareBool`.
  public func richCompareBool(_ a: PyRef, _ b: PyRef, _ op: ComparisonOperator) -> Int32 {
    if a == b {
      if op == .equal { return 1 }
      if op == .notEqual { return 0 }
    }
    if let truth = fastCompare(a, b, op) { return truth ? 1 : 0 }
    guard let result = richCompare(a, b, op) else { return -1 }
    defer { decref(result) }
    if result == state.pointee.trueObject { return 1 }
    if result == state.pointee.falseObject { return 0 }
    return isTrue(result)
  }

  /// Equality for dict and set lookups: the types' fast `equal` slots when both have one,
  /// otherwise `==`. 1, 0, or -1 with an exception set.
  public func equal(_ a: PyRef, _ b: PyRef) -> Int32 {
    if a == b { return 1 }
    if let equal = a.type.record.pointee.equal, b.type.record.pointee.equal != nil {
      return equal(a.raw, b.raw, raw)
    }
    return richCompareBool(a, b, .equal)
  }

  /// The answer of `a op b` for two exact ints of one digit, two exact floats, or (for
  /// `==` and `!=`) two exact strs, which their slots would give; nil for anything else.
  @inline(__always)
  func fastCompare(_ a: PyRef, _ b: PyRef, _ op: ComparisonOperator) -> Bool? {
    let type = a.type
    guard type == b.type else { return nil }
    if type == state.pointee.types.int {
      guard IntObject.isCompact(a), IntObject.isCompact(b) else { return nil }
      let x = IntObject.compactValue(a), y = IntObject.compactValue(b)
      return op.holds(x < y ? -1 : (x == y ? 0 : 1))
    }
    if type == state.pointee.types.float {
      let x = FloatObject.value(a), y = FloatObject.value(b)
      switch op {
      case .lessThan: return x < y
      case .lessOrEqual: return x <= y
      case .equal: return x == y
      case .notEqual: return x != y
      case .greaterThan: return x > y
      case .greaterOrEqual: return x >= y
      }
    }
    if type == state.pointee.types.str, op == .equal || op == .notEqual {
      return StrObject.equals(a, b) == (op == .equal)
    }
    return nil
  }

  /// `NotImplemented`, as a new reference.
  public func newNotImplemented() -> PyRef {
    let value = state.pointee.notImplemented
    value.incref()
    return value
  }

  /// The hash slot for types whose instances are unhashable (`list`, `dict`, `set`, and
  /// classes that define `__eq__` without `__hash__`).
  public static let unhashable: Slot.Hash = { raw, runtime in
    RuntimeRef(raw: runtime).raise("TypeError", "unhashable type: '\(PyRef(raw).type.name)'")
    return -1
  }
}

extension ComparisonOperator {
  /// The operator of a comparison slot's or instruction's `op` argument (always 0…5: the
  /// compiler's verifier and the slot callers guarantee it), without the failable
  /// `init(rawValue:)`, which is a call into PyCompiler.
  @inline(__always)
  static func fromRaw<T: BinaryInteger>(_ op: T) -> ComparisonOperator {
    unsafeBitCast(UInt8(truncatingIfNeeded: op), to: ComparisonOperator.self)
  }

  /// The operator with its operands swapped (`<` becomes `>`).
  public var swapped: ComparisonOperator {
    switch self {
    case .lessThan: .greaterThan
    case .lessOrEqual: .greaterOrEqual
    case .equal: .equal
    case .notEqual: .notEqual
    case .greaterThan: .lessThan
    case .greaterOrEqual: .lessOrEqual
    }
  }

  /// Whether `order` (negative, zero, positive: a three-way comparison) satisfies the operator.
  public func holds(_ order: Int) -> Bool {
    switch self {
    case .lessThan: order < 0
    case .lessOrEqual: order <= 0
    case .equal: order == 0
    case .notEqual: order != 0
    case .greaterThan: order > 0
    case .greaterOrEqual: order >= 0
    }
  }
}
