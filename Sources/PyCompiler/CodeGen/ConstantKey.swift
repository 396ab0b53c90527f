/// Identity of a constant for merging duplicates in `co_consts`: two constants merge only
/// when they are the same type and value, down to the bits of a float (`0.0` and `-0.0`
/// stay apart, a NaN merges with the same NaN), and code objects by identity.
///
/// CPython: Python/compile.c, `merge_consts_recursive()`, `_PyCode_ConstantKey()`.
struct ConstantKey: Hashable {
  let value: Constant

  static func == (lhs: ConstantKey, rhs: ConstantKey) -> Bool { identical(lhs.value, rhs.value) }

  func hash(into hasher: inout Hasher) { ConstantKey.hash(value, into: &hasher) }

  static func identical(_ a: Constant, _ b: Constant) -> Bool {
    switch (a, b) {
    case (.none, .none), (.ellipsis, .ellipsis): return true
    case (.bool(let x), .bool(let y)): return x == y
    case (.int(let x), .int(let y)): return x == y
    case (.bigInt(let x), .bigInt(let y)): return x == y
    case (.float(let x), .float(let y)): return x.bitPattern == y.bitPattern
    case (.complex(let xr, let xi), .complex(let yr, let yi)):
      return xr.bitPattern == yr.bitPattern && xi.bitPattern == yi.bitPattern
    case (.str(let x), .str(let y)), (.bytes(let x), .bytes(let y)): return x == y
    case (.tuple(let x), .tuple(let y)), (.frozenset(let x), .frozenset(let y)):
      return x.count == y.count && zip(x, y).allSatisfy { identical($0, $1) }
    case (.code(let x), .code(let y)): return x === y
    default: return false
    }
  }

  static func hash(_ value: Constant, into hasher: inout Hasher) {
    switch value {
    case .none: hasher.combine(0)
    case .ellipsis: hasher.combine(1)
    case .bool(let x): hasher.combine(2); hasher.combine(x)
    case .int(let x): hasher.combine(3); hasher.combine(x)
    case .bigInt(let x): hasher.combine(4); hasher.combine(x)
    case .float(let x): hasher.combine(5); hasher.combine(x.bitPattern)
    case .complex(let r, let i): hasher.combine(6); hasher.combine(r.bitPattern); hasher.combine(i.bitPattern)
    case .str(let x):
      hasher.combine(7)
      hasher.combine(x.count)
      x.withUnsafeBytes { hasher.combine(bytes: $0) }
    case .bytes(let x):
      hasher.combine(8)
      hasher.combine(x.count)
      x.withUnsafeBytes { hasher.combine(bytes: $0) }
    case .tuple(let items):
      hasher.combine(9)
      hasher.combine(items.count)
      for item in items { hash(item, into: &hasher) }
    case .frozenset(let items):
      hasher.combine(10)
      hasher.combine(items.count)
      for item in items { hash(item, into: &hasher) }
    case .code(let code): hasher.combine(11); hasher.combine(ObjectIdentifier(code))
    }
  }
}
