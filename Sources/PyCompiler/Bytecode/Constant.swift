import PySyntax

/// A constant of a code object, as a plain value. The runtime turns each one into a heap
/// object once, when it loads the code object.
public indirect enum Constant: Hashable, Sendable {
  case none
  case ellipsis
  case bool(Bool)
  /// An `int` that fits in 64 bits.
  case int(Int)
  /// A larger `int`, in decimal, with a leading `-` when negative.
  case bigInt(String)
  case float(Double)
  case complex(real: Double, imag: Double)
  /// A `str` as generalized UTF-8 (see ``PySyntax/ConstantValue/str(_:)``).
  case str([UInt8])
  case bytes([UInt8])
  case tuple([Constant])
  /// A `frozenset` (from folding `x in {1, 2}`).
  case frozenset([Constant])
  case code(CodeObject)
}
