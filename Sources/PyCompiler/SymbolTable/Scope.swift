import PySyntax

/// One block of the symbol table: the module, a class body, a function, a lambda, a
/// comprehension, or (with `from __future__ import annotations`) an annotation.
///
/// The builder fills ``symbols`` and the flags while it walks the AST; the analysis then
/// sets each symbol's ``Symbol/scope`` and the free/cell bookkeeping.
///
/// CPython: Include/internal/pycore_symtable.h, `PySTEntryObject`.
final class Scope {
  enum Kind {
    case module
    case `class`
    /// A `def`, `async def`, `lambda` or comprehension: CPython's `FunctionBlock`.
    case function
    /// An annotation under `from __future__ import annotations`: its names are recorded and
    /// dropped (the annotation is compiled to a string); never a child of another scope.
    case annotation
  }

  /// What kind of comprehension a function scope is, if it is one.
  enum ComprehensionKind {
    case list, set, dict, generator

    /// The noun CPython's `'yield' inside …` message uses.
    var description: String {
      switch self {
      case .list: "list comprehension"
      case .set: "set comprehension"
      case .dict: "dict comprehension"
      case .generator: "generator expression"
      }
    }
  }

  let name: String
  let kind: Kind
  /// The defining node's position (a `def`/`class` statement or a lambda/comprehension
  /// expression); the module's is all zeros.
  let span: SourceSpan

  /// Every name the scope mentions, with its flags and (after analysis) its scope, in
  /// first-mention order (CPython's dict order).
  private(set) var symbols: [Symbol] = []
  /// Where each name is in ``symbols``.
  private var index: [String: Int] = [:]
  /// Parameter names in order: positional-only, positional, keyword-only, `*args`,
  /// `**kwargs` (`ste_varnames`).
  var parameters: [String] = []
  /// Nested scopes in the order they were entered.
  var children: [Scope] = []
  /// `global`/`nonlocal` declarations (and the implicit ones of walrus targets in
  /// comprehensions), mangled, with their statement's position, in order.
  var directives: [(name: String, span: SourceSpan)] = []

  /// A function nested in a function (directly or through classes): `CO_NESTED`.
  var isNested = false
  var isGenerator = false
  var isCoroutine = false
  var hasVarargs = false
  var hasVarKeywords = false
  /// Some name is free in this scope.
  var hasFreeVariables = false
  /// Some nested scope has free variables.
  var hasChildFree = false
  /// A class whose methods use `__class__` or `super`: the body creates a `__class__` cell.
  var needsClassClosure = false
  var comprehension: ComprehensionKind?
  /// Visiting the target of a comprehension's `for`.
  var isVisitingComprehensionTarget = false
  /// Depth of comprehension iterable expressions being visited (walrus is forbidden there).
  var comprehensionIterableDepth = 0

  init(name: String, kind: Kind, span: SourceSpan) {
    self.name = name
    self.kind = kind
    self.span = span
  }

  /// The flags of `name` (already mangled), empty when the scope does not mention it.
  func flags(of name: String) -> SymbolFlags { index[name].map { symbols[$0].flags } ?? [] }

  /// The analysed scope of `name` (already mangled); `.unresolved` when the scope does not
  /// mention it (`_PyST_GetScope`).
  func scope(of name: String) -> SymbolScope { index[name].map { symbols[$0].scope } ?? .unresolved }

  /// The position of `name` in ``symbols``, if the scope mentions it.
  func position(of name: String) -> Int? { index[name] }

  /// Names in first-mention order.
  var symbolOrder: [String] { symbols.map(\.name) }

  /// The position of `name` in ``symbols``, adding it (with no flags) if needed.
  func positionAdding(_ name: String) -> Int {
    if let i = index[name] { return i }
    symbols.append(Symbol(name: name, flags: []))
    index[name] = symbols.count - 1
    return symbols.count - 1
  }

  /// Adds `flags` to `name`'s, creating the symbol if needed; returns the new flags.
  @discardableResult
  func addFlags(_ flags: SymbolFlags, to name: String) -> SymbolFlags {
    let i = positionAdding(name)
    symbols[i].flags.formUnion(flags)
    return symbols[i].flags
  }

  func setFlags(_ flags: SymbolFlags, at position: Int) { symbols[position].flags = flags }

  func setScope(_ scope: SymbolScope, at position: Int) { symbols[position].scope = scope }

  /// Whether the scope is a function, lambda or comprehension.
  var isFunction: Bool { kind == .function }
}
