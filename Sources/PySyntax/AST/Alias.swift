/// One imported name: CPython's `ast.alias`.
///
/// `import a.b.c as d` gives `alias(name='a.b.c', asname='d')`, spanning `a.b.c as d`;
/// `from m import *` gives `alias(name='*')` on the star.
///
/// CPython: Parser/Python.asdl, `alias`.
public struct Alias: Hashable, Sendable {
  /// The dotted name, with the dots, as one string.
  public var name: String
  public var asname: String?
  public var span: SourceSpan

  public init(name: String, asname: String?, span: SourceSpan) {
    self.name = name
    self.asname = asname
    self.span = span
  }
}
