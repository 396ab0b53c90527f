import PySyntax

/// PyCompiler turns an AST into symbol tables and bytecode ``CodeObject``s: plain values,
/// no heap objects.
public enum PyCompiler {
  /// The Python grammar version the compiler accepts, which is the parser's.
  public static var grammarVersion: String { PySyntax.grammarVersion }
}

/// Compiles a parsed module. Errors the parser cannot see (`'return' outside function`,
/// `nonlocal` at module level, …) come back as `SyntaxError`s with CPython's messages and
/// positions.
///
/// The passes: `__future__` imports (``FutureFeatures``), the symbol tables
/// (``SymbolTable``), code generation with constant folding (``CodeGenerator``,
/// ``ConstantFolder``), assembly (``Assembler``). In debug builds every code object
/// produced is checked by ``CodeObject/verify()`` (a failure is a compiler bug and traps).
///
/// Error positions follow CPython's compiler, not its parser: `column` and `endColumn` are
/// the node's UTF-8 byte offsets plus one, and `text` is nil (CPython reads it back from
/// the file, when there is one).
///
/// Not supported: top-level `await` (`PyCF_ALLOW_TOP_LEVEL_AWAIT`), optimization levels
/// above 0 (asserts and docstrings are always kept), and compile-time warnings
/// (`SyntaxWarning: "is" with a literal`, …), which are not reported.
public func compile(_ module: Module, filename: String) -> Result<CodeObject, PySyntaxError> {
  do throws(PySyntaxError) {
    let code = try compileWithoutVerifying(module, filename: filename)
    assert(verifiedInDebugBuilds(code))
    return .success(code)
  } catch {
    return .failure(error)
  }
}

/// ``compile(_:filename:)`` without the debug-build verification (for tests that look at
/// what the verifier says).
func compileWithoutVerifying(_ module: Module, filename: String) throws(PySyntaxError) -> CodeObject {
  let future = try FutureFeatures(module, errors: CompileErrorFactory(filename: filename))
  let table = try SymbolTable.build(module, filename: filename, futureAnnotations: future.annotations)
  return try CodeGenerator(filename: filename, table: table, future: future).compileModule(module)
}

/// Runs the verifier; traps with its message on failure (debug builds only call this).
private func verifiedInDebugBuilds(_ code: CodeObject) -> Bool {
  do throws(BytecodeVerificationError) {
    try code.verify()
  } catch {
    preconditionFailure("compiler produced invalid bytecode: \(error)")
  }
  return true
}
