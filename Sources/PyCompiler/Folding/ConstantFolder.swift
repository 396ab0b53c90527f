import PySyntax

/// Constant folding as CPython 3.11's AST optimizer does it, evaluated on demand: the value
/// an expression folds to, or nil.
///
/// Folded: literals; `__debug__` (True: optimization level 0); unary `-`, `+`, `~`, `not`
/// and binary operators on constants; tuples of constants; subscripts of constants
/// (`"abc"[1]`). Never folded: anything that would raise (`1/0`, `"a" - 1`), and results
/// CPython refuses to build at compile time: strings and bytes over 4,096 items, tuples
/// over 256 items (or 1,024 nested items), ints over 128 bits from `*`, `**` and `<<`;
/// `str % …` and `bytes % …` (formatting is left to run time).
///
/// Also not folded here, though CPython folds them, because the result would need a
/// correctly rounded libm call: `**` with a float or complex operand or a negative int
/// exponent, int-by-int true division when an operand exceeds 2**53, mixed int/float
/// arithmetic when the int exceeds 2**53, complex division. They are computed at run time
/// instead, with the same result.
///
/// The structural rewrites of the optimizer (`not a in b` → `a not in b`, list and set
/// displays in `in` and `for` → tuple and frozenset, `"%s" % (x,)` → f-string) are done by
/// the code generator where those nodes are compiled.
///
/// CPython: Python/ast_opt.c, `fold_unaryop()`, `fold_binop()`, `safe_multiply()`,
/// `safe_power()`, `safe_lshift()`, `safe_mod()`, `fold_tuple()`, `fold_subscr()`.
enum ConstantFolder {
  static let maxIntBits = 128
  static let maxCollectionSize = 256
  static let maxStringSize = 4096
  static let maxTotalItems = 1024

  /// The constant `expr` folds to, or nil.
  static func fold(_ expr: Expr) -> Constant? {
    switch expr.kind {
    case .constant(let value, _):
      return Constant(value)
    case .name(let id, .load) where id == "__debug__":
      return .bool(true)
    case .unaryOp(let op, let operand):
      guard let value = fold(operand) else { return nil }
      return unary(op, value)
    case .binOp(let left, let op, let right):
      guard let a = fold(left), let b = fold(right) else { return nil }
      return binary(op, a, b)
    case .tuple(let elts, .load):
      var items: [Constant] = []
      items.reserveCapacity(elts.count)
      for elt in elts {
        guard let item = fold(elt) else { return nil }
        items.append(item)
      }
      return .tuple(items)
    case .subscript(let value, let slice, .load):
      guard let container = fold(value), let index = fold(slice) else { return nil }
      return item(of: container, at: index)
    default:
      return nil
    }
  }

  // MARK: Unary

  static func unary(_ op: UnaryOperator, _ value: Constant) -> Constant? {
    switch op {
    case .not:
      return .bool(!value.isTruthy)
    case .invert:
      guard let integer = value.integerValue else { return nil }
      return .integer(~integer)
    case .uAdd:
      switch value.numericValue {
      case .integer(let v)?: return .integer(v)
      case .float(let v)?: return .float(v)
      case .complex(let re, let im)?: return .complex(real: re, imag: im)
      case nil: return nil
      }
    case .uSub:
      if case .int(let v) = value, v != .min { return .int(-v) }
      switch value.numericValue {
      case .integer(let v)?: return .integer(-v)
      case .float(let v)?: return .float(-v)
      case .complex(let re, let im)?: return .complex(real: -re, imag: -im)
      case nil: return nil
      }
    }
  }

  // MARK: Binary

  static func binary(_ op: Operator, _ a: Constant, _ b: Constant) -> Constant? {
    switch op {
    case .add:
      switch (a, b) {
      case (.str(let x), .str(let y)): return .str(x + y)
      case (.bytes(let x), .bytes(let y)): return .bytes(x + y)
      case (.tuple(let x), .tuple(let y)): return .tuple(x + y)
      default: return arithmetic(op, a, b)
      }
    case .mult:
      return multiply(a, b)
    case .mod:
      switch a {
      case .str, .bytes: return nil  // safe_mod(): formatting is not folded
      default: return arithmetic(op, a, b)
      }
    case .matMult:
      return nil
    default:
      return arithmetic(op, a, b)
    }
  }

  /// `safe_multiply()`.
  private static func multiply(_ a: Constant, _ b: Constant) -> Constant? {
    if let count = a.integerValue, let repeated = repeatable(b) {
      return repeatSequence(repeated, count)
    }
    if let count = b.integerValue, let repeated = repeatable(a) {
      return repeatSequence(repeated, count)
    }
    if let x = a.integerValue, let y = b.integerValue, !x.isZero, !y.isZero {
      if x.bitWidth + y.bitWidth > maxIntBits { return nil }
    }
    return arithmetic(.mult, a, b)
  }

  private static func repeatable(_ value: Constant) -> Constant? {
    switch value {
    case .str, .bytes, .tuple, .frozenset: return value
    default: return nil
    }
  }

  private static func repeatSequence(_ sequence: Constant, _ count: BigInt) -> Constant? {
    let size: Int
    switch sequence {
    case .str(let bytes): size = Constant.codePointCount(bytes)
    case .bytes(let bytes): size = bytes.count
    case .tuple(let items): size = items.count
    case .frozenset: return nil  // TypeError
    default: return nil
    }
    guard let n = count.intValue else { return nil }
    if size != 0 {
      let limit: Int
      switch sequence {
      case .tuple: limit = maxCollectionSize
      default: limit = maxStringSize
      }
      if n < 0 || n > limit / size { return nil }
      if case .tuple = sequence, n != 0, complexity(sequence, limit: maxTotalItems / n) < 0 { return nil }
    }
    let times = max(n, 0)
    switch sequence {
    case .str(let bytes): return .str(Array([[UInt8]](repeating: bytes, count: times).joined()))
    case .bytes(let bytes): return .bytes(Array([[UInt8]](repeating: bytes, count: times).joined()))
    case .tuple(let items): return .tuple(Array([[Constant]](repeating: items, count: times).joined()))
    default: return nil
    }
  }

  /// `check_complexity()`: the limit minus the number of items, nested tuples included.
  private static func complexity(_ value: Constant, limit: Int) -> Int {
    var limit = limit
    switch value {
    case .tuple(let items), .frozenset(let items):
      limit -= items.count
      for item in items where limit >= 0 { limit = complexity(item, limit: limit) }
    default:
      break
    }
    return limit
  }

  /// Numeric operators, following the numeric tower: int op int stays int (except `/`),
  /// anything with a float is float, anything with a complex is complex.
  private static func arithmetic(_ op: Operator, _ a: Constant, _ b: Constant) -> Constant? {
    // Bitwise operators on two bools give a bool.
    if case .bool(let x) = a, case .bool(let y) = b {
      switch op {
      case .bitAnd: return .bool(x && y)
      case .bitOr: return .bool(x || y)
      case .bitXor: return .bool(x != y)
      default: break
      }
    }
    guard let x = a.numericValue, let y = b.numericValue else { return nil }
    switch (x, y) {
    case (.integer(let v), .integer(let w)):
      return integerArithmetic(op, v, w)
    case (.complex, _), (_, .complex):
      guard let (xr, xi) = complexParts(x), let (yr, yi) = complexParts(y) else { return nil }
      switch op {
      case .add: return .complex(real: xr + yr, imag: xi + yi)
      case .sub: return .complex(real: xr - yr, imag: xi - yi)
      case .mult: return .complex(real: xr * yr - xi * yi, imag: xr * yi + xi * yr)
      default: return nil
      }
    default:
      guard let v = floatValue(x), let w = floatValue(y) else { return nil }
      return floatArithmetic(op, v, w)
    }
  }

  private static func floatValue(_ value: NumericConstant) -> Double? {
    switch value {
    case .integer(let v): return v.exactDouble
    case .float(let v): return v
    case .complex: return nil
    }
  }

  private static func complexParts(_ value: NumericConstant) -> (Double, Double)? {
    switch value {
    case .complex(let re, let im): return (re, im)
    default: return floatValue(value).map { ($0, 0) }
    }
  }

  private static func integerArithmetic(_ op: Operator, _ v: BigInt, _ w: BigInt) -> Constant? {
    switch op {
    case .add: return .integer(v + w)
    case .sub: return .integer(v - w)
    case .mult: return .integer(v * w)
    case .div:
      guard !w.isZero, let x = v.exactDouble, let y = w.exactDouble else { return nil }
      return .float(x / y)
    case .floorDiv: return v.floorDivMod(w).map { .integer($0.quotient) }
    case .mod: return v.floorDivMod(w).map { .integer($0.remainder) }
    case .pow:
      if w.negative { return nil }  // a float result
      if w.isZero { return .int(1) }
      if v.isZero { return .int(0) }
      if v == .one { return .int(1) }
      if v == -BigInt.one { return .int(w.limbs[0] & 1 == 0 ? 1 : -1) }
      guard let exponent = w.intValue, v.bitWidth <= maxIntBits / exponent else { return nil }
      return .integer(v.power(exponent))
    case .lShift:
      if w.negative { return nil }
      if v.isZero { return .int(0) }
      if w.isZero { return .integer(v) }
      guard let shift = w.intValue, shift <= maxIntBits, v.bitWidth <= maxIntBits - shift else { return nil }
      return .integer(v.shiftedLeft(shift))
    case .rShift:
      if w.negative { return nil }
      guard let shift = w.intValue else { return .int(v.negative ? -1 : 0) }
      return .integer(v.shiftedRight(shift))
    case .bitAnd: return .integer(v & w)
    case .bitOr: return .integer(v | w)
    case .bitXor: return .integer(v ^ w)
    case .matMult: return nil
    }
  }

  private static func floatArithmetic(_ op: Operator, _ v: Double, _ w: Double) -> Constant? {
    switch op {
    case .add: return .float(v + w)
    case .sub: return .float(v - w)
    case .mult: return .float(v * w)
    case .div: return w == 0 ? nil : .float(v / w)
    case .floorDiv, .mod:
      guard w != 0 else { return nil }
      let (div, mod) = floatDivMod(v, w)
      return .float(op == .mod ? mod : div)
    default:
      return nil  // `**` needs libm; bitwise operators raise TypeError
    }
  }

  /// `float_divmod()`: the floor quotient and the remainder with the divisor's sign.
  static func floatDivMod(_ vx: Double, _ wx: Double) -> (Double, Double) {
    var mod = vx.truncatingRemainder(dividingBy: wx)
    var div = (vx - mod) / wx
    if mod != 0 {
      if (wx < 0) != (mod < 0) {
        mod += wx
        div -= 1
      }
    } else {
      mod = Double(signOf: wx, magnitudeOf: 0)
    }
    var floorDiv: Double
    if div != 0 {
      floorDiv = div.rounded(.down)
      if div - floorDiv > 0.5 { floorDiv += 1 }
    } else {
      floorDiv = Double(signOf: vx / wx, magnitudeOf: 0)
    }
    return (floorDiv, mod)
  }

  // MARK: Subscript

  static func item(of container: Constant, at index: Constant) -> Constant? {
    guard let position = index.integerValue?.intValue else { return nil }
    func normalized(_ count: Int) -> Int? {
      let i = position < 0 ? position + count : position
      return i >= 0 && i < count ? i : nil
    }
    switch container {
    case .tuple(let items):
      return normalized(items.count).map { items[$0] }
    case .bytes(let bytes):
      return normalized(bytes.count).map { .int(Int(bytes[$0])) }
    case .str(let bytes):
      var starts: [Int] = []
      for (offset, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 { starts.append(offset) }
      guard let i = normalized(starts.count) else { return nil }
      let end = i + 1 < starts.count ? starts[i + 1] : bytes.count
      return .str(Array(bytes[starts[i]..<end]))
    default:
      return nil
    }
  }
}
