import PySyntax

extension CodeGenerator {
  /// `compiler_import()`: `IMPORT_NAME` with `[0, None]` pushed; `import a.b` stores `a`,
  /// `import a.b.c as d` walks down with `IMPORT_FROM` and stores the last module as `d`.
  func compileImport(_ names: [Alias]) throws(PySyntaxError) {
    for alias in names {
      emitConstant(.int(0))
      emitConstant(.none)
      emitName(.importName, alias.name)
      let components = alias.name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
      if let asname = alias.asname {
        if components.count > 1 {
          for (i, component) in components.dropFirst().enumerated() {
            emitUnmangledName(.importFrom, component)
            if i < components.count - 2 {
              emit(.swap, 2)
              emit(.popTop)
            }
          }
          try nameOp(asname, .store)
          emit(.popTop)
        } else {
          try nameOp(asname, .store)
        }
      } else {
        try nameOp(components[0], .store)
      }
    }
  }

  /// `compiler_from_import()`: `IMPORT_NAME` with `[level, names]` pushed, then
  /// `IMPORT_FROM` and a store per name (or `IMPORT_STAR`).
  func compileImportFrom(_ statement: Stmt, module: String?, names: [Alias], level: Int) throws(PySyntaxError) {
    emitConstant(.int(level))
    if module == "__future__" && future.isAfterFutureImports(statement.span) {
      throw error("from __future__ imports must occur at the beginning of the file")
    }
    emitConstant(.tuple(names.map { .str(Array($0.name.utf8)) }))
    emitName(.importName, module ?? "")
    for (i, alias) in names.enumerated() {
      if i == 0 && alias.name.hasPrefix("*") {
        emit(.importStar)
        return
      }
      emitName(.importFrom, alias.name)
      try nameOp(alias.asname ?? alias.name, .store)
    }
    emit(.popTop)
  }
}
