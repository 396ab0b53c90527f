/// A parsed source file: CPython's `ast.Module`, the result of `ast.parse(source)`.
///
/// `type_ignores` is always empty: `# type: ignore` comments are read only with
/// `type_comments=True`, which this parser does not offer.
///
/// CPython: Parser/Python.asdl, `mod`.
public struct Module: Hashable, Sendable {
  public var body: [Stmt]
  /// Always empty; kept so that the dump shows `type_ignores=[]` as CPython's does.
  public var typeIgnores: [TypeIgnore]

  public init(body: [Stmt], typeIgnores: [TypeIgnore] = []) {
    self.body = body
    self.typeIgnores = typeIgnores
  }
}

/// A `# type: ignore` comment: CPython's `ast.TypeIgnore`. Never produced (see ``Module``).
public struct TypeIgnore: Hashable, Sendable {
  public var lineno: Int
  public var tag: String

  public init(lineno: Int, tag: String) {
    self.lineno = lineno
    self.tag = tag
  }
}
