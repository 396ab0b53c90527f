import PySyntax

/// PyCompiler turns an AST into symbol tables and bytecode code objects (plain values).
///
/// The compiler arrives with the interpreter issue.
public enum PyCompiler {
  /// The Python grammar version the compiler accepts, which is the parser's.
  public static var grammarVersion: String { PySyntax.grammarVersion }
}
