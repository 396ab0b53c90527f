/// The numeric operators across int, bool and float, as the interpreter's `BINARY_OP`,
/// `COMPARE_OP` and unary opcodes will call them.
///
/// Rules (Python 3.11): two ints (bools count as ints) give an int, except `/`, which gives
/// a float, `**` with a negative exponent, which gives a float, and `&`, `|`, `^` of two
/// bools, which give a bool. An int with a float is converted to float first (OverflowError
/// "int too large to convert to float" when it cannot be), except in comparisons, which
/// are exact. Any other operand is a TypeError with CPython's message.
/// CPython: Objects/abstract.c (`binary_op1`, `PyNumber_*`), Objects/longobject.c,
/// Objects/floatobject.c, Objects/boolobject.c.
public enum NumberOperator: CaseIterable, Sendable {
  case add, subtract, multiply, trueDivide, floorDivide, modulo, power, divmod
  case leftShift, rightShift, and, or, xor

  /// The symbol CPython's TypeError messages use.
  public var symbol: String {
    switch self {
    case .add: return "+"
    case .subtract: return "-"
    case .multiply: return "*"
    case .trueDivide: return "/"
    case .floorDivide: return "//"
    case .modulo: return "%"
    case .power: return "** or pow()"
    case .divmod: return "divmod()"
    case .leftShift: return "<<"
    case .rightShift: return ">>"
    case .and: return "&"
    case .or: return "|"
    case .xor: return "^"
    }
  }
}

/// The unary numeric operators.
public enum NumberUnaryOperator: Sendable {
  case negative, positive, absolute, invert

  /// The operand description CPython's TypeError messages use ("bad operand type for …").
  public var symbol: String {
    switch self {
    case .negative: return "unary -"
    case .positive: return "unary +"
    case .absolute: return "abs()"
    case .invert: return "unary ~"
    }
  }
}

/// The six rich comparisons.
public enum NumberComparison: Sendable {
  case less, lessOrEqual, equal, notEqual, greater, greaterOrEqual

  public var symbol: String {
    switch self {
    case .less: return "<"
    case .lessOrEqual: return "<="
    case .equal: return "=="
    case .notEqual: return "!="
    case .greater: return ">"
    case .greaterOrEqual: return ">="
    }
  }

  /// The outcome for an ordering result (nil: unordered, as with a NaN).
  @inline(__always)
  func holds(_ order: Int?) -> Bool {
    guard let order else { return self == .notEqual }
    switch self {
    case .less: return order < 0
    case .lessOrEqual: return order <= 0
    case .equal: return order == 0
    case .notEqual: return order != 0
    case .greater: return order > 0
    case .greaterOrEqual: return order >= 0
    }
  }
}

/// How an operand takes part in numeric operations.
enum NumberKind {
  case int, float, other
}

extension RuntimeRef {
  /// How `object` takes part in arithmetic: by the layout of its type (``TypeKind``), so an
  /// instance of `class MyInt(int)` counts as an int and `class F(float)` as a float (the
  /// results are always plain ints and floats, as CPython's `long_add` and `float_add` give).
  @inline(__always)
  func numberKind(_ object: PyRef) -> NumberKind {
    switch object.type.record.pointee.kind {
    case .int, .bool: return .int
    case .float: return .float
    default: return .other
    }
  }

  /// Whether `object` is an int, bool or float (or an instance of a subclass).
  public func isNumber(_ object: PyRef) -> Bool { numberKind(object) != .other }

  /// `a <op> b` as a new reference (`divmod` gives a 2-tuple), or nil with an error set.
  public func numberBinary(_ operation: NumberOperator, _ a: PyRef, _ b: PyRef) -> PyRef? {
    switch (numberKind(a), numberKind(b)) {
    case (.int, .int):
      return intBinary(operation, a, b)
    case (.float, .float), (.float, .int), (.int, .float):
      switch operation {
      case .leftShift, .rightShift, .and, .or, .xor:
        return raiseUnsupported(operation, a, b)
      default:
        guard let x = numberAsDouble(a), let y = numberAsDouble(b) else { return nil }
        return floatBinary(operation, x, y)
      }
    default:
      return raiseUnsupported(operation, a, b)
    }
  }

  /// `pow(a, b, modulus)`: all three must be ints. TypeError "pow() 3rd argument not
  /// allowed unless all arguments are integers".
  public func numberPower(_ a: PyRef, _ b: PyRef, modulus: PyRef?) -> PyRef? {
    guard let modulus else { return numberBinary(.power, a, b) }
    let kinds = (numberKind(a), numberKind(b), numberKind(modulus))
    if kinds == (.int, .int, .int) { return intPower(a, b, modulus: modulus) }
    if kinds.0 == .other || kinds.1 == .other || kinds.2 == .other {
      raise("TypeError", "unsupported operand type(s) for ** or pow(): '\(a.type.name)', '\(b.type.name)', "
        + "'\(modulus.type.name)'")
      return nil
    }
    raise("TypeError", "pow() 3rd argument not allowed unless all arguments are integers")
    return nil
  }

  /// `-a`, `+a`, `abs(a)`, `~a`.
  public func numberUnary(_ operation: NumberUnaryOperator, _ a: PyRef) -> PyRef? {
    switch (numberKind(a), operation) {
    case (.int, .negative): return intNegate(a)
    case (.int, .positive): return intPositive(a)
    case (.int, .absolute): return intAbsolute(a)
    case (.int, .invert): return intInvert(a)
    case (.float, .negative): return newFloat(-FloatObject.value(a))
    case (.float, .positive):
      if a.type == state.pointee.types.float {
        a.incref()
        return a
      }
      return newFloat(FloatObject.value(a))
    case (.float, .absolute): return newFloat(abs(FloatObject.value(a)))
    default:
      raise("TypeError", "bad operand type for \(operation.symbol): '\(a.type.name)'")
      return nil
    }
  }

  /// `a <op> b` for numbers, exact across int and float. `==` and `!=` with a non-number
  /// compare identities; the orderings raise TypeError "'<' not supported between instances
  /// of 'int' and 'str'". Nil only with an error set.
  public func numberCompare(_ comparison: NumberComparison, _ a: PyRef, _ b: PyRef) -> Bool? {
    let kinds = (numberKind(a), numberKind(b))
    if kinds.0 == .other || kinds.1 == .other {
      switch comparison {
      case .equal: return a == b
      case .notEqual: return a != b
      default:
        raise("TypeError", "'\(comparison.symbol)' not supported between instances of '\(a.type.name)' and "
          + "'\(b.type.name)'")
        return nil
      }
    }
    return comparison.holds(numberOrder(a, b))
  }

  /// `bool(a)` for a number.
  public func numberIsTrue(_ a: PyRef) -> Bool {
    numberKind(a) == .float ? FloatObject.value(a) != 0 : a.size != 0
  }

  /// `repr(a)` for a number: ints in decimal (nil with ValueError past the digit limit),
  /// `True`/`False`, floats as ``FloatObject/repr(_:)``.
  public func numberRepr(_ a: PyRef) -> String? {
    if isBool(a) { return BoolObject.repr(a) }
    if isFloat(a) { return FloatObject.repr(FloatObject.value(a)) }
    precondition(isInt(a), "numberRepr: not a number")
    return intToDecimalString(a)
  }

  /// A number as `Double`: a float's value, or an int converted (OverflowError when it is
  /// too large).
  public func numberAsDouble(_ a: PyRef) -> Double? {
    isFloat(a) ? FloatObject.value(a) : intToDouble(a)
  }

  /// −1, 0, 1, or nil when unordered (a NaN). Both operands are numbers.
  func numberOrder(_ a: PyRef, _ b: PyRef) -> Int? {
    switch (numberKind(a), numberKind(b)) {
    case (.int, .int): return IntObject.compare(a, b)
    case (.float, .float): return FloatObject.compare(FloatObject.value(a), FloatObject.value(b))
    case (.float, .int): return FloatObject.compare(FloatObject.value(a), b)
    case (.int, .float): return FloatObject.compare(FloatObject.value(b), a).map { -$0 }
    default: return nil
    }
  }

  private func intBinary(_ operation: NumberOperator, _ a: PyRef, _ b: PyRef) -> PyRef? {
    switch operation {
    case .add: return intAdd(a, b)
    case .subtract: return intSubtract(a, b)
    case .multiply: return intMultiply(a, b)
    case .trueDivide: return intTrueDivide(a, b)
    case .floorDivide: return intFloorDivide(a, b)
    case .modulo: return intModulo(a, b)
    case .power: return intPower(a, b)
    case .divmod:
      guard let (quotient, remainder) = intDivmod(a, b) else { return nil }
      return newTuple([quotient, remainder])
    case .leftShift: return intLeftShift(a, b)
    case .rightShift: return intRightShift(a, b)
    case .and, .or, .xor:
      if isBool(a) && isBool(b) {
        let x = a.size != 0, y = b.size != 0
        return newBool(operation == .and ? x && y : operation == .or ? x || y : x != y)
      }
      return operation == .and ? intAnd(a, b) : operation == .or ? intOr(a, b) : intXor(a, b)
    }
  }

  private func floatBinary(_ operation: NumberOperator, _ x: Double, _ y: Double) -> PyRef? {
    switch operation {
    case .add: return newFloat(x + y)
    case .subtract: return newFloat(x - y)
    case .multiply: return newFloat(x * y)
    case .trueDivide: return floatTrueDivide(x, y)
    case .floorDivide: return floatFloorDivide(x, y)
    case .modulo: return floatModulo(x, y)
    case .power: return floatPower(x, y)
    case .divmod:
      guard let (quotient, remainder) = floatDivmod(x, y) else { return nil }
      return newTuple([quotient, remainder])
    case .leftShift, .rightShift, .and, .or, .xor:
      preconditionFailure("floatBinary: \(operation.symbol) is not a float operation")
    }
  }

  private func raiseUnsupported(_ operation: NumberOperator, _ a: PyRef, _ b: PyRef) -> PyRef? {
    raise("TypeError", "unsupported operand type(s) for \(operation.symbol): '\(a.type.name)' and '\(b.type.name)'")
    return nil
  }
}

/// Equality for dict lookups among ints, bools and floats: `1`, `1.0` and `True` are the
/// same key, as their hashes agree.
enum NumberEquality {
  static let equalSlot: Slot.Equal = { a, b, runtime in
    let rt = RuntimeRef(raw: runtime)
    let left = PyRef(a), right = PyRef(b)
    guard rt.numberKind(left) != .other, rt.numberKind(right) != .other else { return a == b ? 1 : 0 }
    return rt.numberOrder(left, right) == 0 ? 1 : 0
  }
}
