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
public func compile(_ module: Module, filename: String) -> Result<CodeObject, PySyntaxError> {
  fatalError("compile: the code generator is being written")
}

/// The disassembly of `code` and its nested code objects, as `dis.dis` prints it.
public func disassemble(_ code: CodeObject) -> String {
  fatalError("disassemble: the disassembler is being written")
}
