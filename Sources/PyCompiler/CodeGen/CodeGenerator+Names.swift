import PySyntax

extension CodeGenerator {
  /// `forbidden_name()`: `__debug__` cannot be assigned or deleted.
  func checkForbidden(_ name: String, _ context: ExprContext) throws(PySyntaxError) {
    guard name == "__debug__" else { return }
    switch context {
    case .store: throw error("cannot assign to __debug__")
    case .del: throw error("cannot delete __debug__")
    case .load: return
    }
  }

  /// Loads, stores or deletes a name with the instruction its scope calls for
  /// (`compiler_nameop()`): `*_FAST` for locals of functions, `*_DEREF` for cells and free
  /// variables (`LOAD_CLASSDEREF` in a class body), `*_GLOBAL` for declared globals and for
  /// implicit globals of functions, `*_NAME` otherwise.
  func nameOp(_ name: String, _ context: ExprContext) throws(PySyntaxError) {
    try checkForbidden(name, context)
    let mangled = mangle(unit.privateName, name)
    let isFunction = unit.scope.kind == .function
    switch unit.scope.scope(of: mangled) {
    case .free:
      guard let index = unit.derefIndex(free: mangled) else { preconditionFailure("free variable \(mangled) not in freevars") }
      emitDeref(index, context)
    case .cell:
      guard let index = unit.derefIndex(cell: mangled) else { preconditionFailure("cell \(mangled) not in cellvars") }
      emitDeref(index, context)
    case .local where isFunction:
      let slot = unit.addVarname(mangled)
      switch context {
      case .load: emit(.loadFast, slot)
      case .store: emit(.storeFast, slot)
      case .del: emit(.deleteFast, slot)
      }
    // Explicit globals always use *_GLOBAL; implicit ones only in functions.
    case .globalExplicit,
      .globalImplicit where isFunction:
      let index = unit.addName(mangled)
      switch context {
      case .load: emit(.loadGlobal, index << 1)
      case .store: emit(.storeGlobal, index)
      case .del: emit(.deleteGlobal, index)
      }
    default:
      let index = unit.addName(mangled)
      switch context {
      case .load: emit(.loadName, index)
      case .store: emit(.storeName, index)
      case .del: emit(.deleteName, index)
      }
    }
  }

  private func emitDeref(_ index: Int, _ context: ExprContext) {
    switch context {
    case .load: emit(unit.scope.kind == .class ? .loadClassDeref : .loadDeref, index)
    case .store: emit(.storeDeref, index)
    case .del: emit(.deleteDeref, index)
    }
  }
}
