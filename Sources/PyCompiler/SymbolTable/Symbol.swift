/// What the symbol-table pass records about one name in one scope: how the scope uses it
/// (``SymbolFlags``, collected while walking the AST) and, after analysis, where the name
/// lives at run time (``SymbolScope``).
///
/// CPython: Include/internal/pycore_symtable.h (`DEF_*`, `LOCAL` … `CELL`).
struct Symbol {
  var name: String
  var flags: SymbolFlags
  var scope: SymbolScope = .unresolved
}

/// How a scope uses a name; CPython's `DEF_*` bits, same values.
struct SymbolFlags: OptionSet, Hashable {
  let rawValue: UInt16
  init(rawValue: UInt16) { self.rawValue = rawValue }

  /// `global name` in this scope.
  static let global = SymbolFlags(rawValue: 1 << 0)
  /// Assigned (or deleted) in this scope.
  static let local = SymbolFlags(rawValue: 1 << 1)
  /// A parameter.
  static let parameter = SymbolFlags(rawValue: 1 << 2)
  /// `nonlocal name` in this scope.
  static let nonlocal = SymbolFlags(rawValue: 1 << 3)
  /// Read in this scope.
  static let use = SymbolFlags(rawValue: 1 << 4)
  /// A free variable (used, not bound here).
  static let free = SymbolFlags(rawValue: 1 << 5)
  /// A class-scope name that is also free in a method: the class passes the enclosing
  /// function's cell through.
  static let freeClass = SymbolFlags(rawValue: 1 << 6)
  /// Bound by an `import`.
  static let `import` = SymbolFlags(rawValue: 1 << 7)
  /// The target of an annotated assignment.
  static let annotated = SymbolFlags(rawValue: 1 << 8)
  /// An iteration variable of a comprehension.
  static let comprehensionIteration = SymbolFlags(rawValue: 1 << 9)

  /// `DEF_BOUND`: the name gets a binding in this scope.
  static let bound: SymbolFlags = [.local, .parameter, .import]
}

/// Where a name lives at run time, decided by the analysis; CPython's `LOCAL`,
/// `GLOBAL_EXPLICIT`, `GLOBAL_IMPLICIT`, `FREE`, `CELL` (0 is "not a symbol of this scope").
enum SymbolScope: UInt8 {
  case unresolved = 0
  case local = 1
  case globalExplicit = 2
  case globalImplicit = 3
  case free = 4
  case cell = 5
}
