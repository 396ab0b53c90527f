import PyCompiler
import PySyntax

/// Running a program: the `__main__` module, uncaught exceptions printed as CPython prints
/// them, `SystemExit`, and the exit status. CPython: Modules/main.c, Python/pythonrun.c
/// (`PyRun_SimpleFileExFlags`, `handle_system_exit`).
extension RuntimeRef {
  /// Readies the interpreter for running programs: `sys` with `argv`, and where `import`
  /// looks for `.py` files.
  public func startInterpreter(arguments: [String], searchPaths: [String]) {
    state.pointee.interpreter.searchPaths = searchPaths
    if state.pointee.interpreter.sysModule == nil {
      registerBuiltinModules()
      makeSysModule(arguments: arguments)
      fillFreeListsAsCPythonStartUpDoes()
    }
  }

  /// Runs `source` as the `__main__` module. Returns the process exit status: 0, 1 after an
  /// uncaught exception (printed to stderr), or the `SystemExit` code. Output is flushed.
  public func runMain(source: [UInt8], filename: String) -> Int32 {
    defer { flushOutput() }
    guard let module = newModule("__main__") else { return reportUncaught() }
    defer { decref(module) }
    let dict = ModuleType.dict(module)
    setItem(PyRef(state.pointee.interpreter.modules!), "__main__", module)
    setItem(dict, "__builtins__", PyRef(state.pointee.interpreter.builtinsModule!))
    if filename != "<string>" { setString(dict, "__file__", filename) }
    guard let code = compileSource(source, filename: filename) else { return reportUncaught() }
    defer { decref(code) }
    guard let result = runModuleCode(code, globals: dict) else { return reportUncaught() }
    decref(result)
    return 0
  }

  /// Prints the pending exception like CPython's top level and returns the exit status.
  public func reportUncaught() -> Int32 {
    guard let exception = fetchException() else { return 1 }
    defer { decref(exception) }
    state.pointee.interpreter.standardOutput.flush()
    if isInstance(exception, exceptionType("SystemExit")) { return systemExitStatus(exception) }
    state.pointee.interpreter.standardError.write(formatException(exception))
    state.pointee.interpreter.standardError.flush()
    return 1
  }

  /// `SystemExit(code)`: None → 0, an int → itself, anything else is printed → 1.
  private func systemExitStatus(_ exception: PyRef) -> Int32 {
    let args = ExceptionObject.arguments(exception)
    guard TupleObject.count(args) > 0 else { return 0 }
    let code = TupleObject.count(args) == 1 ? TupleObject.item(args, 0)! : args
    if code == state.pointee.none { return 0 }
    if isInstance(code, state.pointee.types.int) {
      return Int32(truncatingIfNeeded: IntObject.exactValue(code) ?? 1)
    }
    let text = strString(code) ?? ""
    clearError()
    state.pointee.interpreter.standardError.write(text + "\n")
    state.pointee.interpreter.standardError.flush()
    return 1
  }

  /// The built-in modules `import` can load besides `builtins` and `sys`.
}
