/// Interpreter exit, as CPython's `Py_FinalizeEx` does it for a program:
///
/// ```
///  atexit callbacks (newest first)          weakref.finalize's exit hook among them
///  output flushed
///  sys.modules emptied                      modules nothing else holds are freed
///  full collection                          cycles through module globals: their __del__ run
///  gc.garbage report
///  modules still alive are wiped            _names first, then the rest (not builtins, sys)
///  full collection
/// ```
///
/// The collections at exit run even when automatic collection is disabled and call no
/// `gc.callbacks`. The order in which module globals are finalized follows the collector's
/// lists, so with several finalizable globals it can differ from CPython's (whose lists
/// depend on its own allocation history).
/// CPython: Python/pylifecycle.c (`Py_FinalizeEx`, `finalize_modules`,
/// `finalize_remove_modules`, `finalize_modules_clear_weaklist`), Objects/moduleobject.c
/// (`_PyModule_ClearDict`), Modules/gcmodule.c (`_PyGC_CollectNoFail`,
/// `_PyGC_DumpShutdownStats`).
extension RuntimeRef {
  /// Runs the exit sequence. The runtime's memory is not torn down: the process is
  /// expected to exit right after.
  public func finalizeInterpreter() {
    if hasError { clearError() }
    runAtExitCallbacks()
    flushOutput()
    let survivors = removeModules()
    collectNoFail()
    dumpShutdownGCStats()
    wipeModules(survivors)
    for ref in survivors { decref(ref) }
    collectNoFail()
    if hasError { clearError() }
    flushOutput()
  }

  /// Empties `sys.modules`, keeping a weak reference to each module (in import order) so
  /// the ones something else keeps alive can be wiped later.
  /// CPython: `finalize_remove_modules()`, `finalize_clear_modules_dict()`.
  private func removeModules() -> [PyRef] {
    guard let modulesRaw = state.pointee.interpreter.modules else { return [] }
    let modules = PyRef(modulesRaw)
    var refs: [PyRef] = []
    for (_, value) in dictItems(modules) where value.type.record.pointee.kind == .module {
      if let ref = newWeakRef(value) { refs.append(ref) } else { clearError() }
    }
    // Entries go to None first (as CPython does), then the dict is emptied: modules die
    // one by one, in import order, if nothing else holds them.
    for (key, value) in dictItems(modules) where value != state.pointee.none {
      if !dictSetItem(modules, key, state.pointee.none) { clearError() }
    }
    guard let clear = modules.type.record.pointee.clear else { return refs }
    modules.incref()
    clear(modules.raw, raw)
    decref(modules)
    if hasError { clearError() }
    return refs
  }

  /// Wipes the globals of the modules still alive, the last imported first, except
  /// `builtins` and `sys`. CPython: `finalize_modules_clear_weaklist()`.
  private func wipeModules(_ refs: [PyRef]) {
    let builtins = state.pointee.interpreter.builtinsModule, sys = state.pointee.interpreter.sysModule
    for ref in refs.reversed() {
      guard let module = WeakRefObject.liveReferent(ref), module.raw != builtins, module.raw != sys,
            let dict = module.loadRef(at: ModuleType.dictOffset) else { continue }
      module.incref()
      dict.incref()
      wipeModuleDict(dict)
      decref(dict)
      decref(module)
    }
  }

  /// Sets every global to None: first the names with one leading underscore, then all
  /// others but `__builtins__`. Each store may free the old value (its `__del__` runs).
  /// CPython: `_PyModule_ClearDict()`.
  func wipeModuleDict(_ dict: PyRef) {
    let none = state.pointee.none
    for pass in 0..<2 {
      var position = 0
      while let (key, value, _) = dictNext(dict, &position) {
        guard value != none, key.type == state.pointee.types.str else { continue }
        let name = StrObject.string(key)
        let singleUnderscore = name.hasPrefix("_") && !name.hasPrefix("__")
        if pass == 0 ? !singleUnderscore : name == "__builtins__" { continue }
        key.incref()
        if !dictSetItem(dict, key, none) { writeUnraisable(context: "module cleanup") }
        decref(key)
      }
    }
  }

  /// What CPython reports when `gc.garbage` is not empty at exit (and `DEBUG_SAVEALL` is
  /// off): a `ResourceWarning` "gc: N uncollectable objects at shutdown", which the
  /// default warning filters ignore, so nothing is printed for it; with
  /// `DEBUG_UNCOLLECTABLE` the list's repr follows on stderr, indented six spaces, and
  /// that line is always printed.
  func dumpShutdownGCStats() {
    let flags = state.pointee.gc.debugFlags
    let garbage = gcGarbageList
    guard !flags.contains(.saveAll), ListObject.count(garbage) > 0, flags.contains(.uncollectable) else { return }
    guard let text = reprString(garbage) else {
      writeUnraisable(object: garbage)
      return
    }
    state.pointee.interpreter.standardError.write("      \(text)\n")
    state.pointee.interpreter.standardError.flush()
  }
}
