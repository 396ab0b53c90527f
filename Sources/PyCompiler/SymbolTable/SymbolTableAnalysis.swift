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
    var scopes = [SymbolScope](repeating: .unresolved, count: scope.symbols.count)
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
    for (i, symbol) in scope.symbols.enumerated() {
      scopes[i] = try analyzeName(
        scope, name: symbol.name, flags: symbol.flags, bound: &bound, local: &local, free: &free, global: &global)
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
      for (i, symbol) in scope.symbols.enumerated() where scopes[i] == .local && newFree.contains(symbol.name) {
        scopes[i] = .cell
        newFree.remove(symbol.name)
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
  private func updateSymbols(_ scope: Scope, scopes: [SymbolScope], bound: Set<String>?, free: Set<String>) {
    for i in scopes.indices { scope.setScope(scopes[i], at: i) }
    for name in free.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
      if let position = scope.position(of: name) {
        // A method's free variable with the same name as a class-level binding: the class
        // passes the enclosing function's cell through.
        let flags = scope.symbols[position].flags
        if scope.kind == .class && !flags.isDisjoint(with: SymbolFlags.bound.union(.global)) {
          scope.setFlags(flags.union(.freeClass), at: position)
        }
        continue
      }
      if let bound, !bound.contains(name) { continue }  // a global
      let position = scope.positionAdding(name)
      scope.setScope(.free, at: position)
    }
  }

  private func errorAtDirective(_ scope: Scope, _ name: String, _ message: String) -> PySyntaxError {
    guard let directive = scope.directives.first(where: { $0.name == name }) else {
      return errors.error(message, at: scope.span)
    }
    return errors.error(message, at: directive.span)
  }
}
