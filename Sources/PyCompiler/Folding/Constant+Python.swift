import PySyntax

/// Python-level facts about constants that the compiler needs: conversion from the parser's
/// literals, truth values (for constant conditions), integers of any size (for folding),
/// and `==` between constants (duplicate keys in mapping patterns).
extension Constant {
  /// The constant of a literal.
  init(_ literal: ConstantValue) {
    switch literal {
    case .none: self = .none
    case .bool(let value): self = .bool(value)
    case .ellipsis: self = .ellipsis
    case .int(let value):
      if let small = value.uint64Value, small <= UInt64(Int.max) {
        self = .int(Int(small))
      } else {
        self = .integer(BigInt(negative: false, limbs: value.limbs))
      }
    case .float(let value): self = .float(value)
    case .complex(let imag): self = .complex(real: 0, imag: imag)
    case .str(let bytes): self = .str(bytes)
    case .bytes(let bytes): self = .bytes(bytes)
    }
  }

  /// An `int` constant: `.int` when it fits in 64 bits, `.bigInt` otherwise.
  static func integer(_ value: BigInt) -> Constant {
    if let small = value.intValue { return .int(small) }
    return .bigInt(value.decimalString)
  }

  /// The value of an `int` or `bool` constant (a `bool` is an `int` in Python).
  var integerValue: BigInt? {
    switch self {
    case .bool(let value): return value ? .one : .zero
    case .int(let value): return BigInt(value)
    case .bigInt(let text): return BigInt(decimal: text)
    default: return nil
    }
  }

  /// `bool(constant)`.
  var isTruthy: Bool {
    switch self {
    case .none: return false
    case .ellipsis, .code: return true
    case .bool(let value): return value
    case .int(let value): return value != 0
    case .bigInt: return true  // never zero
    case .float(let value): return value != 0
    case .complex(let real, let imag): return real != 0 || imag != 0
    case .str(let bytes), .bytes(let bytes): return !bytes.isEmpty
    case .tuple(let items), .frozenset(let items): return !items.isEmpty
    }
  }

  /// Python's `==` between two constants, as a `set` of them would decide membership:
  /// numbers compare by value across `bool`, `int`, `float` and `complex`; `str`, `bytes`,
  /// tuples and frozensets by content.
  func pythonEquals(_ other: Constant) -> Bool {
    if let a = numericValue, let b = other.numericValue { return a.equals(b) }
    switch (self, other) {
    case (.none, .none), (.ellipsis, .ellipsis): return true
    case (.str(let a), .str(let b)), (.bytes(let a), .bytes(let b)): return a == b
    case (.tuple(let a), .tuple(let b)):
      return a.count == b.count && zip(a, b).allSatisfy { $0.pythonEquals($1) }
    case (.frozenset(let a), .frozenset(let b)):
      return a.allSatisfy { x in b.contains { x.pythonEquals($0) } } && b.allSatisfy { x in a.contains { x.pythonEquals($0) } }
    case (.code(let a), .code(let b)): return a === b
    default: return false
    }
  }

  /// `items` without the ones equal (in Python) to an earlier one, as `frozenset(items)`
  /// keeps them: `{1, 1.0, True}` is `frozenset({1})`.
  static func uniqueForSet(_ items: [Constant]) -> [Constant] {
    var strings = Set<[UInt8]>()
    var bytes = Set<[UInt8]>()
    var others: [Constant] = []
    var result: [Constant] = []
    result.reserveCapacity(items.count)
    for item in items {
      switch item {
      case .str(let value):
        if strings.insert(value).inserted { result.append(item) }
      case .bytes(let value):
        if bytes.insert(value).inserted { result.append(item) }
      default:
        if !others.contains(where: { $0.pythonEquals(item) }) {
          others.append(item)
          result.append(item)
        }
      }
    }
    return result
  }

  /// The number of code points of a `str` (WTF-8) constant.
  static func codePointCount(_ bytes: [UInt8]) -> Int {
    var count = 0
    for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
    return count
  }

  var numericValue: NumericConstant? {
    switch self {
    case .bool, .int, .bigInt: return integerValue.map { .integer($0) }
    case .float(let value): return .float(value)
    case .complex(let real, let imag): return .complex(real, imag)
    default: return nil
    }
  }
}

/// A number for folding: Python's numeric tower without `bool` (which folds as `int`).
enum NumericConstant {
  case integer(BigInt)
  case float(Double)
  case complex(Double, Double)

  /// Python's `==` across the tower. An int compares exactly with a float (no rounding).
  func equals(_ other: NumericConstant) -> Bool {
    switch (self, other) {
    case (.integer(let a), .integer(let b)): return a == b
    case (.float(let a), .float(let b)): return a == b
    case (.complex(let a, let b), .complex(let c, let d)): return a == c && b == d
    case (.integer(let a), .float(let b)), (.float(let b), .integer(let a)): return NumericConstant.intEqualsFloat(a, b)
    case (.integer(let a), .complex(let re, let im)), (.complex(let re, let im), .integer(let a)):
      return im == 0 && NumericConstant.intEqualsFloat(a, re)
    case (.float(let a), .complex(let re, let im)), (.complex(let re, let im), .float(let a)):
      return im == 0 && a == re
    }
  }

  private static func intEqualsFloat(_ a: BigInt, _ b: Double) -> Bool {
    guard b.isFinite, b == b.rounded(.towardZero) else { return false }
    if let exact = a.exactDouble { return exact == b }
    // |a| > 2**53: compare through b's exact integer value.
    guard let converted = BigInt(exactly: b) else { return false }
    return converted == a
  }
}

extension BigInt {
  /// The integer value of an integral, finite `Double`.
  init?(exactly value: Double) {
    guard value.isFinite, value == value.rounded(.towardZero) else { return nil }
    let magnitude = Swift.abs(value)
    if magnitude < 9_007_199_254_740_992 {
      self.init(Int(value))
      return
    }
    let exponent = Int(magnitude.exponent) - 52
    let significand = Int(magnitude.significandBitPattern | (1 << 52))
    let shifted = BigInt(significand).shiftedLeft(exponent)
    self = value < 0 ? -shifted : shifted
  }
}
