import PyCompiler

/// The number protocol functions the interpreter's builtins and opcodes call:
/// `operator.index`, the `Py_ssize_t` conversions, `round()`, `abs()`, `divmod()`,
/// three-argument `pow()`, `hex()`/`oct()`/`bin()`, and big int constants.
/// CPython: Objects/abstract.c (`PyNumber_Index`, `PyNumber_AsSsize_t`, `PyNumber_Divmod`,
/// `PyNumber_Power`, `ternary_op`), Python/bltinmodule.c (`builtin_round`, `builtin_hex`).
extension RuntimeRef {
  /// `operator.index(x)` (`PyNumber_Index`): a plain int — `x` itself when it is one, a
  /// copy of a bool or an int subclass instance, or `x.__index__()`. TypeError "'float'
  /// object cannot be interpreted as an integer", "__index__ returned non-int (type str)".
  public func index(_ x: PyRef) -> PyRef? {
    if isInt(x) { return exactInt(x) }
    let (found, result) = callSpecial(x, "__index__")
    guard found else {
      raise("TypeError", "'\(x.type.name)' object cannot be interpreted as an integer")
      return nil
    }
    return exactIntResult(result, "__index__")
  }

  /// `x` as a Swift `Int` through `__index__`, as argument clinic's `Py_ssize_t` converter
  /// reads it: OverflowError "Python int too large to convert to C ssize_t" when it does
  /// not fit.
  public func asIndex(_ x: PyRef) -> Int? {
    if isInt(x), let value = IntObject.exactValue(x) { return value }
    guard let integer = index(x) else { return nil }
    defer { decref(integer) }
    guard let value = IntObject.exactValue(integer) else {
      raise("OverflowError", "Python int too large to convert to C ssize_t")
      return nil
    }
    return value
  }

  /// `PyNumber_AsSsize_t(x, error)`: as ``asIndex(_:)``, but a value that does not fit
  /// raises `errorType` (IndexError for subscripts, OverflowError for repeat counts) with
  /// "cannot fit 'int' into an index-sized integer".
  public func asIndex(_ x: PyRef, orRaise errorType: String) -> Int? {
    if isInt(x), let value = IntObject.exactValue(x) { return value }
    guard let integer = index(x) else { return nil }
    defer { decref(integer) }
    guard let value = IntObject.exactValue(integer) else {
      raise(errorType, "cannot fit '\(x.type.name)' into an index-sized integer")
      return nil
    }
    return value
  }

  /// `PyNumber_AsSsize_t(x, NULL)`: a value that does not fit is clamped to `Int.min` or
  /// `Int.max` (slice bounds, `round()`'s digit count).
  public func asIndexClamped(_ x: PyRef) -> Int? {
    if isInt(x), let value = IntObject.exactValue(x) { return value }
    guard let integer = index(x) else { return nil }
    defer { decref(integer) }
    return IntObject.exactValue(integer) ?? (IntObject.isNegative(integer) ? Int.min : Int.max)
  }

  /// `round(number)` / `round(number, ndigits)` (nil or None: no digits): calls
  /// `type(number).__round__`. TypeError "type str doesn't define __round__ method".
  public func round(_ number: PyRef, ndigits: PyRef?) -> PyRef? {
    let digits = ndigits == state.pointee.none ? nil : ndigits
    let types = state.pointee.types
    if number.type == types.float {
      guard let digits else { return floatRoundToInt(FloatObject.value(number)) }
      guard let count = asIndexClamped(digits) else { return nil }
      return floatRound(FloatObject.value(number), ndigits: count)
    }
    if number.type == types.int || number.type == types.bool, digits == nil { return exactInt(number) }
    guard let method = lookup(number.type, "__round__") else {
      raise("TypeError", "type \(number.type.name) doesn't define __round__ method")
      return nil
    }
    return callMethodLike(method, boundTo: number, digits.map { [$0] } ?? [])
  }

  /// `abs(x)`.
  public func absolute(_ x: PyRef) -> PyRef? { unaryOp(x, 3) }

  /// `divmod(a, b)`: the numbers' own rule, or `a.__divmod__(b)` then `b.__rdivmod__(a)`
  /// (the right operand first when its type is a subclass of the left's that overrides
  /// it). TypeError "unsupported operand type(s) for divmod(): 'str' and 'int'".
  public func divmod(_ a: PyRef, _ b: PyRef) -> PyRef? {
    if isBuiltinNumber(a) && isBuiltinNumber(b) { return numberBinary(.divmod, a, b) }
    return reflectedBinary(a, b, "__divmod__", "__rdivmod__", symbol: "divmod()")
  }

  /// `pow(a, b)` and `pow(a, b, modulus)` (nil or None: none). With a modulus, ints follow
  /// ``numberPower(_:_:modulus:)``; otherwise the operands' types are asked in order, each
  /// kind once, as CPython's `ternary_op` asks their `nb_power` slots: an int declines, a
  /// float raises TypeError "pow() 3rd argument not allowed unless all arguments are
  /// integers", a complex ValueError "complex modulo", and a class makes the call
  /// `a.__pow__(b, modulus)` when `a` is its instance (`slot_nb_power` never calls
  /// `__rpow__` with a modulus). TypeError "unsupported operand type(s) for ** or pow():
  /// 'int', 'int', 'str'" when none answers.
  public func power(_ a: PyRef, _ b: PyRef, _ modulus: PyRef?) -> PyRef? {
    guard let modulus, modulus != state.pointee.none else {
      return binaryOp(a, b, UInt32(BinaryOperator.power.rawValue))
    }
    if isNumber(a) && isNumber(b) && isNumber(modulus) { return numberPower(a, b, modulus: modulus) }
    var asked: [TernaryPowerSlot] = []
    for operand in [a, b, modulus] {
      let slot = ternaryPowerSlot(operand)
      if asked.contains(slot) { continue }
      asked.append(slot)
      switch slot {
      case .none, .int: continue
      case .float:
        raise("TypeError", "pow() 3rd argument not allowed unless all arguments are integers")
        return nil
      case .complex:
        raise("ValueError", "complex modulo")
        return nil
      case .pythonClass:
        guard ternaryPowerSlot(a) == .pythonClass, let method = lookup(a.type, "__pow__") else { continue }
        guard let result = callMethodLike(method, boundTo: a, [b, modulus]) else { return nil }
        if result != state.pointee.notImplemented { return result }
        decref(result)
      }
    }
    raise("TypeError", "unsupported operand type(s) for ** or pow(): '\(a.type.name)', '\(b.type.name)', "
      + "'\(modulus.type.name)'")
    return nil
  }

  /// Which `nb_power` a type has: a class's own `__pow__` (CPython's `slot_nb_power`, one
  /// function for every class), or the built-in one of its layout.
  private func ternaryPowerSlot(_ x: PyRef) -> TernaryPowerSlot {
    if x.type.flags.contains(.heapType), let method = lookup(x.type, "__pow__"),
       method.type.record.pointee.kind != .methodDescriptor {
      return .pythonClass
    }
    switch x.type.record.pointee.kind {
    case .int, .bool: return .int
    case .float: return .float
    case .complex: return .complex
    default: return .none
    }
  }

  /// `hex(x)`, `oct(x)`, `bin(x)` (radix 16, 8, 2), or `str(int(x))` for radix 10, through
  /// `__index__`: a new str, the prefix after the sign (`hex(-255)` is `'-0xff'`) unless
  /// `prefix` is false. TypeError "'float' object cannot be interpreted as an integer".
  /// - Precondition: `radix` is 2, 8, 10 or 16.
  public func intToString(_ value: PyRef, radix: Int, prefix: Bool) -> PyRef? {
    guard let integer = index(value) else { return nil }
    defer { decref(integer) }
    let text: String?
    switch radix {
    case 10: text = intToDecimalString(integer)
    case 2: text = IntObject.binaryString(integer, bitsPerDigit: 1, prefix: prefix ? "0b" : "")
    case 8: text = IntObject.binaryString(integer, bitsPerDigit: 3, prefix: prefix ? "0o" : "")
    case 16: text = IntObject.binaryString(integer, bitsPerDigit: 4, prefix: prefix ? "0x" : "")
    default: preconditionFailure("intToString: radix \(radix) is not 2, 8, 10 or 16")
    }
    return text.flatMap { newStr($0) }
  }

  /// The int of a decimal literal of any size, with an optional leading `-` (the compiler's
  /// big int constants). Not subject to the `int()` digit limit, as literals are checked
  /// by the compiler. ValueError for malformed text.
  public func newInt(bigDecimal text: String) -> PyRef? {
    newInt(asciiForm: Array(text.utf8), base: 10, limit: 0) { NumberText.truncatedRepr(text) }
  }

  /// Whether `x` is exactly an int, bool or float: the operands whose operators cannot have
  /// been overridden by a class.
  @inline(__always)
  func isBuiltinNumber(_ x: PyRef) -> Bool {
    let types = state.pointee.types
    let type = x.type
    return type == types.int || type == types.float || type == types.bool
  }

  /// CPython's `binary_op1` over special methods found by name: for operations without a
  /// slot of their own (`divmod`).
  func reflectedBinary(_ a: PyRef, _ b: PyRef, _ name: String, _ reflectedName: String, symbol: String) -> PyRef? {
    let notImplemented = state.pointee.notImplemented
    let forward = lookup(a.type, name)
    var reflected = b.type == a.type ? nil : lookup(b.type, reflectedName)
    // The same method on both sides (a subclass that does not override it) is tried once.
    if reflected != nil && reflected == lookup(a.type, reflectedName) { reflected = nil }
    if let method = reflected, isSubtype(b.type, a.type) {
      guard let result = callMethodLike(method, boundTo: b, [a]) else { return nil }
      if result != notImplemented { return result }
      decref(result)
      reflected = nil
    }
    if let method = forward {
      guard let result = callMethodLike(method, boundTo: a, [b]) else { return nil }
      if result != notImplemented { return result }
      decref(result)
    }
    if let method = reflected {
      guard let result = callMethodLike(method, boundTo: b, [a]) else { return nil }
      if result != notImplemented { return result }
      decref(result)
    }
    raise("TypeError", "unsupported operand type(s) for \(symbol): '\(a.type.name)' and '\(b.type.name)'")
    return nil
  }
}

/// The kinds of `nb_power` slot ``RuntimeRef/power(_:_:_:)`` tells apart.
enum TernaryPowerSlot {
  case none, int, float, complex, pythonClass
}
