import PyCompiler
import PySyntax

/// `import`: built-in modules, then `name.py` or `name/__init__.py` in the search paths (the
/// script's directory first), cached in `sys.modules`. CPython: Python/import.c
/// (`PyImport_ImportModuleLevelObject`), Lib/importlib/_bootstrap.py (the semantics).
extension RuntimeRef {
  /// `IMPORT_NAME`: the module to bind (the top package unless a from-list is given).
  func importName(_ name: PyRef, globals: PyRef, fromList: PyRef, level: PyRef) -> PyRef? {
    var fullName = StrObject.string(name)
    let levelValue = IntObject.exactValue(level) ?? 0
    if levelValue > 0 {
      guard let package = currentPackage(globals) else {
        raise("ImportError", "attempted relative import with no known parent package")
        return nil
      }
      var parts = package.split(separator: ".").map(String.init)
      if levelValue - 1 > parts.count || (parts.isEmpty) {
        raise("ImportError", "attempted relative import beyond top-level package")
        return nil
      }
      parts.removeLast(levelValue - 1)
      let base = parts.joined(separator: ".")
      fullName = fullName.isEmpty ? base : base + "." + fullName
    }
    guard let module = importModule(fullName) else { return nil }
    let hasFromList = fromList != state.pointee.none && (length(fromList) > 0)
    clearErrorIfLengthFailed()
    if hasFromList || levelValue > 0 && StrObject.string(name).isEmpty {
      return module
    }
    // `import a.b.c` binds `a`.
    let top = String(fullName.split(separator: ".").first ?? Substring(fullName))
    if top == fullName || levelValue > 0 { return module }
    decref(module)
    return importModule(top)
  }

  private func clearErrorIfLengthFailed() { if hasError { clearError() } }

  /// The package a module's relative imports start from.
  private func currentPackage(_ globals: PyRef) -> String? {
    if let package = dictGetItem(globals, named: "__package__"), isInstance(package, state.pointee.types.str) {
      return StrObject.string(package)
    }
    guard let name = dictGetItem(globals, named: "__name__"), isInstance(name, state.pointee.types.str) else { return nil }
    let text = StrObject.string(name)
    if dictGetItem(globals, named: "__path__") != nil { return text }
    guard let dot = text.lastIndex(of: ".") else { return nil }
    return String(text[..<dot])
  }

  /// Imports `name` (dotted), its parents first: a new reference to the leaf module.
  public func importModule(_ name: String) -> PyRef? {
    let modules = PyRef(state.pointee.interpreter.modules!)
    guard let key = newStr(name) else { return nil }
    defer { decref(key) }
    if let cached = dictGetItem(modules, key) {
      cached.incref()
      return cached
    }
    var parent: PyRef?
    var searchPaths = state.pointee.interpreter.searchPaths
    if let dot = name.lastIndex(of: ".") {
      guard let parentModule = importModule(String(name[..<dot])) else { return nil }
      parent = parentModule
      guard let path = getOptionalAttribute(parentModule, "__path__") else {
        decref(parentModule)
        if !hasError { raise("ModuleNotFoundError", "No module named '\(name)'; '\(name[..<dot])' is not a package") }
        return nil
      }
      searchPaths = (collectItems(path) ?? []).map { item in defer { decref(item) }; return StrObject.string(item) }
      decref(path)
    }
    defer { decref(parent) }
    if let cached = dictGetItem(modules, key) {   // the parent's import may have made it
      cached.incref()
      return cached
    }
    let module: PyRef?
    if parent == nil, let factory = state.pointee.interpreter.builtinModules[name] {
      module = factory(self)
      if let module { dictSetItem(modules, key, module) }
    } else if parent == nil, let source = ModuleTable.frozenSource(name) {
      module = executeModule(name, source: source, path: "<frozen \(name)>", packagePath: nil)
    } else {
      module = loadSourceModule(name, searchPaths: searchPaths)
    }
    guard let module else { return nil }
    if let parent {
      let leaf = String(name[name.index(after: name.lastIndex(of: ".")!)...])
      setAttribute(parent, leaf, module)
    }
    return module
  }

  /// Finds `name.py` or `name/__init__.py`, runs it in a new module registered in
  /// `sys.modules` first (so circular imports see the partial module).
  private func loadSourceModule(_ name: String, searchPaths: [String]) -> PyRef? {
    let leaf = String(name.split(separator: ".").last ?? Substring(name))
    for directory in searchPaths {
      let file = directory + "/" + leaf + ".py"
      let packageInit = directory + "/" + leaf + "/__init__.py"
      if FileSystem.isFile(file) { return executeModule(name, path: file, packagePath: nil) }
      if FileSystem.isFile(packageInit) { return executeModule(name, path: packageInit, packagePath: directory + "/" + leaf) }
    }
    raise("ModuleNotFoundError", "No module named '\(name)'")
    if let error = currentException, let dict = instanceDict(error) { setString(dict, "name", name) }
    return nil
  }

  private func executeModule(_ name: String, path: String, packagePath: String?) -> PyRef? {
    guard let source = FileSystem.read(path) else {
      raise("ImportError", "cannot read \(path)")
      return nil
    }
    return executeModule(name, source: source, path: path, packagePath: packagePath)
  }

  /// Runs `source` as the module `name`, registered in `sys.modules` first.
  private func executeModule(_ name: String, source: [UInt8], path: String, packagePath: String?) -> PyRef? {
    guard let code = compileSource(source, filename: path) else { return nil }
    defer { decref(code) }
    guard let module = newModule(name) else { return nil }
    let dict = ModuleType.dict(module)
    setString(dict, "__file__", path)
    setItem(dict, "__builtins__", PyRef(state.pointee.interpreter.builtinsModule!))
    if let packagePath {
      let paths = newList()!
      let entry = newStr(packagePath)!
      listAppend(paths, entry)
      decref(entry)
      setItem(dict, "__path__", paths)
      decref(paths)
      setString(dict, "__package__", name)
    } else {
      setString(dict, "__package__", name.contains(".") ? String(name[..<name.lastIndex(of: ".")!]) : "")
    }
    let modules = PyRef(state.pointee.interpreter.modules!)
    let key = newStr(name)!
    defer { decref(key) }
    dictSetItem(modules, key, module)
    guard let result = runModuleCode(code, globals: dict) else {
      dictDelItemKeepingError(modules, key)
      decref(module)
      return nil
    }
    decref(result)
    return module
  }

  /// `dict[key] = text` with Swift strings.
  @discardableResult
  func setString(_ dict: PyRef, _ key: String, _ text: String) -> Bool {
    guard let value = newStr(text) else { return false }
    defer { decref(value) }
    return setItem(dict, key, value)
  }

  private func dictDelItemKeepingError(_ dict: PyRef, _ key: PyRef) {
    let saved = fetchException()
    if dictGetItem(dict, key) != nil { dictDelItem(dict, key) }
    restoreException(saved)
  }

  /// Parses and compiles `source`, then loads it: a code object, or nil with `SyntaxError`
  /// set.
  public func compileSource(_ source: [UInt8], filename: String) -> PyRef? {
    let parsed = parse(source, filename: filename)
    let module: Module
    switch parsed {
    case .success(let value): module = value
    case .failure(let error):
      raiseSyntaxError(error)
      return nil
    }
    switch compile(module, filename: filename) {
    case .success(let code): return loadCode(code)
    case .failure(var error):
      // The compiler's errors carry no source text; CPython shows the line with carets.
      if error.text == nil, error.line > 0 {
        let lines = String(decoding: source, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        if error.line <= lines.count { error.text = String(lines[error.line - 1]) + "\n" }
      }
      raiseSyntaxError(error)
      return nil
    }
  }

  /// Raises a `SyntaxError` (or `IndentationError`, `TabError`) with CPython's attributes.
  func raiseSyntaxError(_ error: PySyntaxError) {
    guard let message = newStr(error.message) else { return }
    defer { decref(message) }
    let details: PyRef? = {
      let filename = newStr(error.filename)!
      let line = newInt(error.line)!
      let offset = newInt(error.column)!
      let text = error.text.flatMap { newStr($0) } ?? newNone()
      let endLine = newInt(error.endLine)!
      let endOffset = newInt(error.endColumn)!
      return newTuple([filename, line, offset, text, endLine, endOffset])
    }()
    guard let details else { return }
    defer { decref(details) }
    guard let exception = call(exceptionType(error.kind.rawValue).object, [message, details]) else { return }
    setException(exception)
  }

  /// `IMPORT_FROM`: `module.name`, or the submodule `module.name`.
  func importFrom(_ module: PyRef, _ name: PyRef) -> PyRef? {
    if let value = getAttribute(module, name) { return value }
    guard exceptionMatches("AttributeError") else { return nil }
    clearError()
    let text = StrObject.string(name)
    if let moduleName = moduleNameString(module) {
      let modules = PyRef(state.pointee.interpreter.modules!)
      if let key = newStr(moduleName + "." + text) {
        defer { decref(key) }
        if let submodule = dictGetItem(modules, key) {
          submodule.incref()
          return submodule
        }
      }
      if getOptionalAttribute(module, "__path__").map({ decref($0); return true }) ?? false,
         let submodule = importModule(moduleName + "." + text) {
        return submodule
      }
      if hasError, !exceptionMatches("ModuleNotFoundError") { return nil }
      clearError()
      let file = getOptionalAttribute(module, "__file__").flatMap { value in defer { decref(value) }; return strString(value) }
      raise("ImportError", "cannot import name '\(text)' from '\(moduleName)' (\(file ?? "unknown location"))")
      return nil
    }
    raise("ImportError", "cannot import name '\(text)'")
    return nil
  }

  /// `from module import *`.
  func importStar(_ module: PyRef, into frame: UnsafeMutablePointer<Frame>) -> Bool {
    guard let dict = module.loadRef(at: module.type.record.pointee.dictOffset) else { return true }
    var names: [PyRef] = []
    if let all = getOptionalAttribute(module, "__all__") {
      defer { decref(all) }
      guard let items = collectItems(all) else { return false }
      names = items
    } else {
      if hasError { return false }
      for (key, _) in dictItems(dict) where !StrObject.string(key).hasPrefix("_") {
        key.incref()
        names.append(key)
      }
    }
    defer { for name in names { decref(name) } }
    for name in names {
      guard let value = getAttribute(module, name) else { return false }
      defer { decref(value) }
      guard storeName(frame, name, value) else { return false }
    }
    return true
  }
}
