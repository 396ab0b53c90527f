import PyCompiler

/// The protocol slots of `int`, `bool` and `float`, and the bootstrap that installs them
/// with the types' constructors, methods and attributes.
///
/// Each type answers only for its own kind, as CPython's number slots do: int's `binary`
/// slot returns `NotImplemented` unless both operands are ints (or bools, or instances of
/// int subclasses), so `1 + 2.0` is computed by float's slot, reached as the right
/// operand's; `(1).__add__(2.0)` is `NotImplemented`, exactly as in CPython. Subclass
/// instances are accepted everywhere (their type's ``TypeKind`` is `.int` or `.float`) and
/// the results are plain ints and floats. In-place operators are not defined (`x += 1`
/// falls back to `+`), nor is `@`, whose dunders `int` and `float` do not have.
/// CPython: Objects/longobject.c (`long_as_number`, `long_richcompare`),
/// Objects/floatobject.c (`float_as_number`, `float_richcompare`), Objects/boolobject.c.
extension RuntimeRef {
  func bootstrapNumberProtocols() {
    let types = state.pointee.types
    let int = types.int!, bool = types.bool!, float = types.float!
    for type in [int, bool] {
      type.record.pointee.binary = NumberProtocols.intBinary
      type.record.pointee.richCompare = NumberProtocols.intCompare
    }
    float.record.pointee.binary = NumberProtocols.floatBinary
    float.record.pointee.richCompare = NumberProtocols.floatCompare
    for type in [int, bool, float] {
      type.record.pointee.unaryNumber = NumberProtocols.unary
      type.record.pointee.repr = NumberProtocols.repr
      type.record.pointee.isTrue = NumberProtocols.isTrue
    }
    int.record.pointee.new = IntConstruction.new
    bool.record.pointee.new = BoolObject.new
    float.record.pointee.new = FloatConstruction.new

    // The methods first: the slot wrappers skip the names already defined, so the
    // hand-written `__pow__` (which takes a modulus) and `__divmod__` stay.
    addMethods(int, IntMethods.methods)
    addGetSets(int, IntMethods.getSets)
    addMethods(float, FloatMethods.methods)
    addGetSets(float, FloatMethods.getSets)
    for type in [int, bool, float] { addSlotWrappers(type) }
    let matrix = ["__matmul__", "__rmatmul__"]
    removeDunders(int, matrix)
    removeDunders(float, matrix + ["lshift", "rshift", "and", "or", "xor"].flatMap { ["__\($0)__", "__r\($0)__"] })
    bootstrapComplex()
  }

  /// The generic slot wrappers give a type with a `binary` slot the whole family of binary
  /// dunders; `int` has no `__matmul__` (`hasattr(1, '__matmul__')` is False) and `float`
  /// no bitwise ones either.
  func removeDunders(_ type: PyType, _ names: [String]) {
    let dict = typeDict(type)
    for name in names {
      guard let key = internedString(name) else { continue }
      if dictGetItem(dict, key) != nil { _ = dictDelItem(dict, key) }
      decref(key)
    }
  }
}

enum NumberProtocols {
  /// The ``NumberOperator`` of a plain ``BinaryOperator`` raw value; nil for `@` and the
  /// in-place forms (a switch, not a table: these run on every operator).
  @inline(__always)
  static func operation(_ op: UInt32) -> NumberOperator? {
    switch op {
    case 0: return .add
    case 1: return .and
    case 2: return .floorDivide
    case 3: return .leftShift
    case 5: return .multiply
    case 6: return .modulo
    case 7: return .or
    case 8: return .power
    case 9: return .rightShift
    case 10: return .subtract
    case 11: return .trueDivide
    case 12: return .xor
    default: return nil
    }
  }

  /// The ``NumberComparison`` of a ``ComparisonOperator`` raw value.
  @inline(__always)
  static func comparison(_ op: Int32) -> NumberComparison {
    switch op {
    case 0: return .less
    case 1: return .lessOrEqual
    case 2: return .equal
    case 3: return .notEqual
    case 4: return .greater
    default: return .greaterOrEqual
    }
  }

  /// int's (and bool's) `nb_*`: both operands ints, else `NotImplemented`.
  static let intBinary: Slot.Binary = { a, b, op, runtime in
    let rt = RuntimeRef(raw: runtime)
    guard let operation = operation(op), rt.numberKind(PyRef(a)) == .int, rt.numberKind(PyRef(b)) == .int else {
      return rt.newNotImplemented().raw
    }
    return rt.numberBinary(operation, PyRef(a), PyRef(b))?.raw
  }

  /// float's `nb_*`: floats and ints (converted, OverflowError when too large), else
  /// `NotImplemented`; no bitwise operators.
  static let floatBinary: Slot.Binary = { a, b, op, runtime in
    let rt = RuntimeRef(raw: runtime)
    guard let operation = operation(op), rt.isNumber(PyRef(a)), rt.isNumber(PyRef(b)) else {
      return rt.newNotImplemented().raw
    }
    switch operation {
    case .leftShift, .rightShift, .and, .or, .xor: return rt.newNotImplemented().raw
    default: return rt.numberBinary(operation, PyRef(a), PyRef(b))?.raw
    }
  }

  static let intCompare: Slot.RichCompare = { a, b, op, runtime in
    let rt = RuntimeRef(raw: runtime)
    guard rt.numberKind(PyRef(a)) == .int, rt.numberKind(PyRef(b)) == .int else { return rt.newNotImplemented().raw }
    return rt.newBool(comparison(op).holds(IntObject.compare(PyRef(a), PyRef(b)))).raw
  }

  /// Exact across int and float (CPython: `float_richcompare`).
  static let floatCompare: Slot.RichCompare = { a, b, op, runtime in
    let rt = RuntimeRef(raw: runtime)
    guard rt.isNumber(PyRef(a)), rt.isNumber(PyRef(b)) else { return rt.newNotImplemented().raw }
    return rt.newBool(comparison(op).holds(rt.numberOrder(PyRef(a), PyRef(b)))).raw
  }

  static let unary: Slot.UnaryNumber = { a, op, runtime in
    let operation: NumberUnaryOperator = op == 0 ? .negative : op == 1 ? .positive : op == 2 ? .invert : .absolute
    return RuntimeRef(raw: runtime).numberUnary(operation, PyRef(a))?.raw
  }

  static let repr: Slot.Unary = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    // A number's text is always a new object, even one character long: `str(7) is str(7)`
    // is False in CPython (its digits are written into a fresh string, not looked up).
    return rt.numberRepr(PyRef(raw)).flatMap { rt.newStr($0, cachingCharacters: false) }?.raw
  }

  static let isTrue: Slot.Predicate = { raw, runtime in RuntimeRef(raw: runtime).numberIsTrue(PyRef(raw)) ? 1 : 0 }
}

/// Argument checks with the messages of CPython's built-in number methods. `argv[0]` is
/// `self`, so the counts reported leave it out.
extension Arguments {
  /// `METH_NOARGS`: "int.bit_length() takes no arguments (1 given)".
  func noArguments(_ qualifiedName: String) -> Bool {
    guard keywordCount == 0 else {
      rt.raise("TypeError", "\(qualifiedName)() takes no keyword arguments")
      return false
    }
    guard count == 1 else {
      rt.raise("TypeError", "\(qualifiedName)() takes no arguments (\(count - 1) given)")
      return false
    }
    return true
  }

  /// A slot wrapper's check (`wrap_unaryfunc`, `wrap_binaryfunc`): "expected 1 argument,
  /// got 2".
  func slotArguments(_ name: String, _ expected: Int) -> Bool {
    guard keywordCount == 0 else {
      rt.raise("TypeError", "wrapper \(name)() takes no keyword arguments")
      return false
    }
    guard count - 1 == expected else {
      rt.raise("TypeError", "expected \(expected) argument\(expected == 1 ? "" : "s"), got \(count - 1)")
      return false
    }
    return true
  }

  /// `PyArg_UnpackTuple`-style bounds on the arguments after `self`: "__round__ expected at
  /// most 1 argument, got 2".
  func unpack(_ name: String, atLeast minimum: Int, atMost maximum: Int) -> Bool {
    guard keywordCount == 0 else {
      rt.raise("TypeError", "\(name)() takes no keyword arguments")
      return false
    }
    let given = count - 1
    if given < minimum {
      rt.raise("TypeError", "\(name) expected at least \(minimum) argument\(minimum == 1 ? "" : "s"), got \(given)")
      return false
    }
    if given > maximum {
      rt.raise("TypeError", "\(name) expected at most \(maximum) argument\(maximum == 1 ? "" : "s"), got \(given)")
      return false
    }
    return true
  }
}
