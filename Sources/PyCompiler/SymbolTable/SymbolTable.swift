import PySyntax

/// The symbol tables of one module: a tree of ``Scope``s, and a way for the code generator
/// to find the scope of a `def`, `class`, `lambda` or comprehension node.
///
/// Nodes are identified by their kind and source span (a value-type AST has no identity);
/// two distinct nodes of the same kind never share a span. A node the code generator
/// compiles twice (the test of a `while` loop, a `finally` body) maps to the one scope.
///
/// CPython: Python/symtable.c, `struct symtable`, `_PySymtable_Build()`, `_PySymtable_Lookup()`.
final class SymbolTable {
  /// What kind of node defines a scope, for ``ScopeKey``.
  enum NodeKind: UInt8 {
    case function, `class`, lambda, listComp, setComp, dictComp, generatorExp
  }

  struct ScopeKey: Hashable {
    var span: SourceSpan
    var kind: NodeKind
  }

  let top: Scope
  private(set) var scopes: [ScopeKey: Scope] = [:]

  init(top: Scope) { self.top = top }

  func register(_ scope: Scope, for key: ScopeKey) { scopes[key] = scope }

  /// The scope of the node of `kind` at `span`.
  func scope(for kind: NodeKind, at span: SourceSpan) -> Scope {
    guard let scope = scopes[ScopeKey(span: span, kind: kind)] else {
      preconditionFailure("symbol table: no \(kind) scope at \(span)")
    }
    return scope
  }

  /// Builds and analyses the symbol tables of `module`.
  static func build(
    _ module: Module, filename: String, futureAnnotations: Bool
  ) throws(PySyntaxError) -> SymbolTable {
    var builder = SymbolTableBuilder(filename: filename, futureAnnotations: futureAnnotations)
    let table = try builder.build(module)
    try SymbolTableAnalysis(errors: CompileErrorFactory(filename: filename)).analyze(table.top)
    return table
  }
}
