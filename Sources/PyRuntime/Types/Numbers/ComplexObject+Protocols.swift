import PyCompiler

/// The slots and methods of `complex`: `+ - * / **` with ints, floats and complexes on
/// either side (no `//`, `%`, `divmod`, bitwise operators, nor ordering), `==`/`!=`
/// (exact against ints), `-z`, `+z`, `abs(z)`, truth, `conjugate()`, `__complex__`,
/// `real`, `imag`. Results are plain complexes for subclass instances too.
/// CPython: Objects/complexobject.c (`complex_as_number`, `complex_richcompare`,
/// `complex_methods`, `complex_members`).
extension RuntimeRef {
  func bootstrapComplex() {
    let complex = makeType(name: "complex", basicSize: ComplexObject.basicSize, dealloc: deallocPlain,
                           hash: ComplexObject.hashSlot)
    state.pointee.types.complex = complex
    readyBuiltinType(complex, base: nil, kind: .complex)
    let record = complex.record
    record.pointee.binary = ComplexSlots.binary
    record.pointee.richCompare = ComplexSlots.compare
    record.pointee.unaryNumber = ComplexSlots.unary
    record.pointee.isTrue = { raw, _ in
      ComplexObject.real(PyRef(raw)) != 0 || ComplexObject.imag(PyRef(raw)) != 0 ? 1 : 0
    }
    record.pointee.repr = { raw, runtime in
      RuntimeRef(raw: runtime).newStr(ComplexObject.repr(ComplexObject.real(PyRef(raw)), ComplexObject.imag(PyRef(raw))))?.raw
    }
    record.pointee.new = ComplexConstruction.new
    addMethods(complex, ComplexSlots.methods)
    addGetSets(complex, [
      GetSetDefinition("real", { raw, runtime in RuntimeRef(raw: runtime).newFloat(ComplexObject.real(PyRef(raw)))?.raw }),
      GetSetDefinition("imag", { raw, runtime in RuntimeRef(raw: runtime).newFloat(ComplexObject.imag(PyRef(raw)))?.raw }),
    ])
    addSlotWrappers(complex)
    removeDunders(complex, ["matmul", "floordiv", "mod", "lshift", "rshift", "and", "or", "xor"].flatMap {
      ["__\($0)__", "__r\($0)__"]
    })
  }

  /// `z.conjugate()`, `z.__complex__()` for any complex-layout object: a plain complex.
  func exactComplex(_ z: PyRef) -> PyRef? {
    if z.type == state.pointee.types.complex {
      z.incref()
      return z
    }
    return newComplex(ComplexObject.value(z))
  }
}

enum ComplexSlots {
  static let binary: Slot.Binary = { a, b, op, runtime in
    let rt = RuntimeRef(raw: runtime)
    let left = rt.complexOperand(PyRef(a)), right = rt.complexOperand(PyRef(b))
    guard op < BinaryOperator.inplaceOffset, left.supported, right.supported,
          let operation = BinaryOperator(rawValue: UInt8(op)),
          [.add, .subtract, .multiply, .trueDivide, .power].contains(operation) else {
      return rt.newNotImplemented().raw
    }
    guard let x = left.value, let y = right.value else { return nil }
    switch operation {
    case .add: return rt.newComplex(x + y)?.raw
    case .subtract: return rt.newComplex(x - y)?.raw
    case .multiply: return rt.newComplex(x * y)?.raw
    case .trueDivide:
      guard let quotient = Complex.quotient(x, y) else {
        rt.raise("ZeroDivisionError", "complex division by zero")
        return nil
      }
      return rt.newComplex(quotient)?.raw
    default:
      return rt.complexPower(x, y)?.raw
    }
  }

  static let compare: Slot.RichCompare = { a, b, op, runtime in
    let rt = RuntimeRef(raw: runtime)
    let comparison = ComparisonOperator(rawValue: UInt8(op))
    guard comparison == .equal || comparison == .notEqual, rt.isComplex(PyRef(a)) else {
      return rt.newNotImplemented().raw
    }
    let z = ComplexObject.value(PyRef(a)), other = PyRef(b)
    let equal: Bool
    switch other.type.record.pointee.kind {
    case .int, .bool:
      // Exact, as float == int is: the imaginary part must be zero.
      equal = z.imag == 0 && FloatObject.compare(z.real, other) == 0
    case .float: equal = z.real == FloatObject.value(other) && z.imag == 0
    case .complex: equal = z == ComplexObject.value(other)
    default: return rt.newNotImplemented().raw
    }
    return rt.newBool(equal == (comparison == .equal)).raw
  }

  static let unary: Slot.UnaryNumber = { raw, op, runtime in
    let rt = RuntimeRef(raw: runtime)
    let z = ComplexObject.value(PyRef(raw))
    switch op {
    case 0: return rt.newComplex(Complex(-z.real, -z.imag))?.raw
    case 1: return rt.exactComplex(PyRef(raw))?.raw
    case 3:
      let magnitude = z.magnitude
      if magnitude.isInfinite && z.real.isFinite && z.imag.isFinite {
        rt.raise("OverflowError", "absolute value too large")
        return nil
      }
      return rt.newFloat(magnitude)?.raw
    default: return rt.newNotImplemented().raw
    }
  }

  static let methods: [MethodDefinition] = [
    MethodDefinition("conjugate", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.noArguments("complex.conjugate") else { return nil }
      return args.rt.newComplex(real: ComplexObject.real(args[0]), imag: -ComplexObject.imag(args[0]))?.raw
    }),
    MethodDefinition("__complex__", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.noArguments("complex.__complex__") else { return nil }
      return args.rt.exactComplex(args[0])?.raw
    }),
    MethodDefinition("__getnewargs__", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.noArguments("complex.__getnewargs__") else { return nil }
      guard let real = args.rt.newFloat(ComplexObject.real(args[0])) else { return nil }
      guard let imag = args.rt.newFloat(ComplexObject.imag(args[0])) else { args.rt.decref(real); return nil }
      return args.rt.newTuple([real, imag])?.raw
    }),
    MethodDefinition("__pow__", power),
    MethodDefinition("__rpow__", power),
  ]

  /// `__pow__(self, value, mod=None)`: ValueError "complex modulo" with a modulus.
  static let power: Slot.VectorCall = { function, argv, count, names, runtime in
    let args = Arguments(runtime, argv, count, names)
    let rt = args.rt
    let flip = NumberMethods.reflected(function)
    guard args.keywordCount == 0, count == 2 || count == 3 else {
      rt.raise("TypeError", " expected at most 2 arguments, got \(count - 1)")
      return nil
    }
    if count == 3 && args[2] != rt.state.pointee.none {
      rt.raise("ValueError", "complex modulo")
      return nil
    }
    let (a, b) = flip ? (args[1], args[0]) : (args[0], args[1])
    return binary(a.raw, b.raw, UInt32(BinaryOperator.power.rawValue), runtime)
  }
}
