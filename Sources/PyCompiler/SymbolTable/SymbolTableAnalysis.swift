import PySyntax

/// The second pass of the symbol table: decides, for every name of every scope, whether it
/// is local, global (explicit or implicit), free or a cell, walking the scope tree with the
/// sets of names bound and declared global in the enclosing scopes.
///
/// Class bodies do not make names visible to nested functions (except `__class__`, for
/// `super()`), so a class passes its parent's bound set to its children unchanged.
///
/// CPython: Python/symtable.c, `analyze_block()`, `analyze_name()`, `analyze_cells()`,
/// `drop_class_free()`, `update_symbols()`.
struct SymbolTableAnalysis {
  let errors: CompileErrorFactory

  func analyze(_ top: Scope) throws(PySyntaxError) {
    var free = Set<String>()
    var global = Set<String>()
    try analyzeBlock(top, bound: nil, free: &free, global: &global)
  }

  /// `analyze_block()`. `bound` is nil for the module.
  private func analyzeBlock(
    _ scope: Scope, bound: Set<String>?, free: inout Set<String>, global: inout Set<String>
  ) throws(PySyntaxError) {
    var local = Set<String>()
    var scopes: [String: SymbolScope] = [:]
    var newGlobal = Set<String>()
    var newFree = Set<String>()
    var newBound = Set<String>()
    var bound = bound

    // A class namespace is invisible to nested functions: pass the enclosing sets through
    // before this block's names are analysed.
    if scope.kind == .class {
      newGlobal = global
      if let bound { newBound = bound }
    }
    for name in scope.symbolOrder {
      let flags = scope.flags(of: name)
      scopes[name] = try analyzeName(
        scope, name: name, flags: flags, bound: &bound, local: &local, free: &free, global: &global)
    }
    if scope.kind != .class {
      if scope.kind == .function { newBound.formUnion(local) }
      if let bound { newBound.formUnion(bound) }
      newGlobal.formUnion(global)
    } else {
      newBound.insert("__class__")
    }

    var allFree = Set<String>()
    for child in scope.children {
      var childFree = newFree
      var childGlobal = newGlobal
      try analyzeBlock(child, bound: newBound, free: &childFree, global: &childGlobal)
      allFree.formUnion(childFree)
      if child.hasFreeVariables || child.hasChildFree { scope.hasChildFree = true }
    }
    newFree.formUnion(allFree)

    if scope.kind == .function {
      // analyze_cells(): a local that a nested scope uses becomes a cell.
      for name in scope.symbolOrder where scopes[name] == .local && newFree.contains(name) {
        scopes[name] = .cell
        newFree.remove(name)
      }
    } else if scope.kind == .class {
      if newFree.remove("__class__") != nil { scope.needsClassClosure = true }
    }
    updateSymbols(scope, scopes: scopes, bound: bound, free: newFree)
    free.formUnion(newFree)
  }

  /// `analyze_name()`.
  private func analyzeName(
    _ scope: Scope, name: String, flags: SymbolFlags, bound: inout Set<String>?,
    local: inout Set<String>, free: inout Set<String>, global: inout Set<String>
  ) throws(PySyntaxError) -> SymbolScope {
    if flags.contains(.global) {
      if flags.contains(.nonlocal) {
        throw errorAtDirective(scope, name, "name '\(name)' is nonlocal and global")
      }
      global.insert(name)
      bound?.remove(name)
      return .globalExplicit
    }
    if flags.contains(.nonlocal) {
      guard let bound else {
        throw errorAtDirective(scope, name, "nonlocal declaration not allowed at module level")
      }
      if !bound.contains(name) {
        throw errorAtDirective(scope, name, "no binding for nonlocal '\(name)' found")
      }
      scope.hasFreeVariables = true
      free.insert(name)
      return .free
    }
    if !flags.isDisjoint(with: .bound) {
      local.insert(name)
      global.remove(name)
      return .local
    }
    // A binding in an enclosing function makes the name free rather than global.
    if let bound, bound.contains(name) {
      scope.hasFreeVariables = true
      free.insert(name)
      return .free
    }
    if global.contains(name) { return .globalImplicit }
    if scope.isNested { scope.hasFreeVariables = true }
    return .globalImplicit
  }

  /// `update_symbols()`: stores the scopes, and records the free variables of nested scopes
  /// that pass through this one.
  private func updateSymbols(_ scope: Scope, scopes: [String: SymbolScope], bound: Set<String>?, free: Set<String>) {
    for name in scope.symbolOrder {
      scope.setScope(scopes[name] ?? .unresolved, of: name)
    }
    for name in free.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
      if let symbol = scope.symbols[name] {
        // A method's free variable with the same name as a class-level binding: the class
        // passes the enclosing function's cell through.
        if scope.kind == .class && !symbol.flags.isDisjoint(with: SymbolFlags.bound.union(.global)) {
          scope.setFlags(symbol.flags.union(.freeClass), of: name)
        }
        continue
      }
      if let bound, !bound.contains(name) { continue }  // a global
      scope.setFlags([], of: name)
      scope.setScope(.free, of: name)
    }
  }

  private func errorAtDirective(_ scope: Scope, _ name: String, _ message: String) -> PySyntaxError {
    guard let directive = scope.directives.first(where: { $0.name == name }) else {
      return errors.error(message, at: scope.span)
    }
    return errors.error(message, at: directive.span)
  }
}
