/// `complex`: a pair of doubles. Never tracked, holds no references.
///
/// ```
///    0 +--------------------+
///      | refcount           |
///    8 | type               |
///   16 | real: Double       |
///   24 | imag: Double       |
///   32 +--------------------+   sys.getsizeof(1j) == 32
/// ```
/// The repr writes each part as `repr(float)` does but without a trailing `.0`, the
/// imaginary part always signed, in parentheses unless the real part is +0: `1j`,
/// `(1+2j)`, `(-0-1j)`, `(1+nanj)`, `1e+16j`. The hash combines the parts' hashes as
/// `hash(real) + 1000003 · hash(imag)`, so `hash(1+0j) == hash(1)`.
/// CPython: Objects/complexobject.c (`complex_repr`, `complex_hash`, `complex_richcompare`).
public enum ComplexObject {
  static let realOffset = 16
  static let imagOffset = 24
  static let basicSize = 32
  /// `_PyHASH_IMAG`.
  static let imagHashMultiplier = 1_000_003

  @inlinable @inline(__always)
  public static func real(_ object: PyRef) -> Double { object.raw.load(fromByteOffset: 16, as: Double.self) }
  @inlinable @inline(__always)
  public static func imag(_ object: PyRef) -> Double { object.raw.load(fromByteOffset: 24, as: Double.self) }

  static func value(_ object: PyRef) -> Complex { Complex(real(object), imag(object)) }

  static func store(_ object: PyRef, _ value: Complex) {
    object.raw.storeBytes(of: value.real, toByteOffset: realOffset, as: Double.self)
    object.raw.storeBytes(of: value.imag, toByteOffset: imagOffset, as: Double.self)
  }

  /// `repr(z)`.
  public static func repr(_ real: Double, _ imag: Double) -> String {
    if real == 0 && real.sign == .plus { return part(imag) + "j" }
    let imagText = part(imag)
    let signed = imagText.hasPrefix("-") ? imagText : "+" + imagText
    return "(" + part(real) + signed + "j)"
  }

  /// A part as the 'r' format without `Py_DTSF_ADD_DOT_0`: `1`, `1.5`, `1e+16`, `nan`.
  static func part(_ x: Double) -> String {
    let text = FloatObject.repr(x)
    return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
  }

  static let hashSlot: Slot.Hash = { raw, _ in
    let object = PyRef(raw)
    let realHash = FloatObject.hash(real(object), object: object)
    let imagHash = FloatObject.hash(imag(object), object: object)
    let combined = realHash &+ imagHashMultiplier &* imagHash
    return combined == -1 ? -2 : combined
  }
}

/// A complex value in Swift, with CPython's arithmetic (`_Py_c_sum`, `_Py_c_prod`, …),
/// operation for operation, so NaNs, infinities and signed zeros come out as CPython's.
/// CPython: Objects/complexobject.c.
struct Complex: Equatable {
  var real: Double
  var imag: Double

  init(_ real: Double, _ imag: Double) {
    self.real = real
    self.imag = imag
  }

  static func + (a: Complex, b: Complex) -> Complex { Complex(a.real + b.real, a.imag + b.imag) }
  static func - (a: Complex, b: Complex) -> Complex { Complex(a.real - b.real, a.imag - b.imag) }
  static func * (a: Complex, b: Complex) -> Complex {
    Complex(a.real * b.real - a.imag * b.imag, a.real * b.imag + a.imag * b.real)
  }

  /// `_Py_c_quot`: Smith's method; nil for a zero divisor (EDOM).
  static func quotient(_ a: Complex, _ b: Complex) -> Complex? {
    let absReal = abs(b.real), absImag = abs(b.imag)
    if absReal >= absImag {
      if absReal == 0 { return nil }
      let ratio = b.imag / b.real
      let denominator = b.real + b.imag * ratio
      return Complex((a.real + a.imag * ratio) / denominator, (a.imag - a.real * ratio) / denominator)
    }
    if absImag >= absReal {
      let ratio = b.real / b.imag
      let denominator = b.real * ratio + b.imag
      return Complex((a.real * ratio + a.imag) / denominator, (a.imag * ratio - a.real) / denominator)
    }
    return Complex(.nan, .nan)      // a NaN in the divisor
  }

  /// `_Py_c_abs`: an infinite part wins over a NaN one.
  var magnitude: Double {
    if !real.isFinite || !imag.isFinite {
      if real.isInfinite { return abs(real) }
      if imag.isInfinite { return abs(imag) }
      return .nan
    }
    return NumberMath.hypotenuse(real, imag)
  }

  /// `_Py_c_pow`; nil when C's `errno` would end up EDOM: zero to a negative or complex
  /// power, or an infinite phase (`cos(inf)` is a domain error), which CPython reports
  /// with the same ZeroDivisionError.
  static func power(_ a: Complex, _ b: Complex) -> Complex? {
    if b.real == 0 && b.imag == 0 { return Complex(1, 0) }
    if a.real == 0 && a.imag == 0 {
      if b.imag != 0 || b.real < 0 { return nil }
      return Complex(0, 0)
    }
    let length = NumberMath.hypotenuse(a.real, a.imag)
    var result = NumberMath.power(length, b.real)
    let angle = NumberMath.arcTangent(a.imag, a.real)
    var phase = angle * b.real
    if b.imag != 0 {
      result /= NumberMath.exponential(angle * b.imag)
      phase += b.imag * NumberMath.logarithm(length)
    }
    if phase.isInfinite { return nil }
    return Complex(result * NumberMath.cosine(phase), result * NumberMath.sine(phase))
  }

  /// `c_powu`: binary exponentiation by a positive integer.
  static func power(_ x: Complex, unsigned n: Int) -> Complex {
    var result = Complex(1, 0), square = x
    var mask = 1
    while mask > 0 && n >= mask {
      if n & mask != 0 { result = result * square }
      mask <<= 1
      square = square * square
    }
    return result
  }

  /// `c_powi`; nil when the negative power divides by zero.
  static func power(_ x: Complex, integer n: Int) -> Complex? {
    if n > 0 { return power(x, unsigned: n) }
    return quotient(Complex(1, 0), power(x, unsigned: -n))
  }
}

extension RuntimeRef {
  /// A new complex `real + imag·j` (the compiler's `Constant.complex`).
  public func newComplex(real: Double, imag: Double) -> PyRef? {
    guard let object = allocateObject(state.pointee.types.complex) else { return nil }
    ComplexObject.store(object, Complex(real, imag))
    return object
  }

  func newComplex(_ value: Complex) -> PyRef? { newComplex(real: value.real, imag: value.imag) }

  /// Whether `object` is a complex or an instance of a subclass of complex.
  @inlinable
  public func isComplex(_ object: PyRef) -> Bool { object.type.record.pointee.kind == .complex }

  /// An int, float or complex operand as a complex value (`to_complex`): nil with
  /// OverflowError for an int too large, or nil without an error for another type.
  func complexOperand(_ x: PyRef) -> (value: Complex?, supported: Bool) {
    switch x.type.record.pointee.kind {
    case .complex: return (ComplexObject.value(x), true)
    case .float: return (Complex(FloatObject.value(x), 0), true)
    case .int, .bool:
      guard let real = intToDouble(x) else { return (nil, true) }
      return (Complex(real, 0), true)
    default: return (nil, false)
    }
  }

  /// `complex ** complex` (`complex_pow` without a modulus). ZeroDivisionError "0.0 to a
  /// negative or complex power"; OverflowError "complex exponentiation" when a part comes
  /// out infinite.
  func complexPower(_ a: Complex, _ b: Complex) -> PyRef? {
    let result: Complex?
    if b.imag == 0 && b.real == b.real.rounded(.down) && abs(b.real) <= 100 {
      result = Complex.power(a, integer: Int(b.real))
    } else {
      result = Complex.power(a, b)
    }
    guard let result else {
      raise("ZeroDivisionError", "0.0 to a negative or complex power")
      return nil
    }
    if result.real.isInfinite || result.imag.isInfinite {
      raise("OverflowError", "complex exponentiation")
      return nil
    }
    return newComplex(result)
  }
}
