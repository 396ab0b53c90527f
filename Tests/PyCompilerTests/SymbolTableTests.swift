import PySyntax
import Testing

@testable import PyCompiler

/// Symbol classification against what CPython 3.11's `symtable` module reports.
@Suite struct SymbolTableTests {
  static func table(_ source: String, futureAnnotations: Bool = false) throws -> SymbolTable {
    let module = try parse(Array(source.utf8), filename: "t.py").get()
    return try SymbolTable.build(module, filename: "t.py", futureAnnotations: futureAnnotations)
  }

  /// The scope reached by following child names from the module.
  static func scope(_ table: SymbolTable, _ path: String...) -> Scope {
    var scope = table.top
    for name in path {
      guard let child = scope.children.first(where: { $0.name == name }) else {
        Issue.record("no child scope \(name) in \(scope.name)")
        return scope
      }
      scope = child
    }
    return scope
  }

  @Test func moduleNamesAreLocalOrImplicitGlobal() throws {
    let t = try Self.table("x = 1\nprint(x)\nimport os.path\n")
    #expect(t.top.scope(of: "x") == .local)
    #expect(t.top.scope(of: "print") == .globalImplicit)
    #expect(t.top.scope(of: "os") == .local)
    #expect(t.top.flags(of: "os").contains(.import))
  }

  @Test func functionLocalsParametersAndGlobals() throws {
    let t = try Self.table("""
      g = 0
      def f(a, /, b, *args, c, **kw):
          global g
          g = a
          d = len(b)
          return d
      """)
    let f = Self.scope(t, "f")
    #expect(f.parameters == ["a", "b", "c", "args", "kw"])
    #expect(f.scope(of: "a") == .local)
    #expect(f.scope(of: "d") == .local)
    #expect(f.scope(of: "g") == .globalExplicit)
    #expect(f.scope(of: "len") == .globalImplicit)
    #expect(f.hasVarargs && f.hasVarKeywords)
    // `global g` in a function marks the module's symbol too (st_global).
    #expect(t.top.scope(of: "g") == .globalExplicit)
  }

  @Test func cellsAndFreeVariables() throws {
    let t = try Self.table("""
      def outer():
          x = 1
          y = 2
          def inner():
              nonlocal y
              y = x
          return inner
      """)
    let outer = Self.scope(t, "outer")
    let inner = Self.scope(t, "outer", "inner")
    #expect(outer.scope(of: "x") == .cell)
    #expect(outer.scope(of: "y") == .cell)
    #expect(inner.scope(of: "x") == .free)
    #expect(inner.scope(of: "y") == .free)
    #expect(inner.isNested && !outer.isNested)
    #expect(outer.hasChildFree)
  }

  @Test func classScopeIsNotVisibleToMethods() throws {
    let t = try Self.table("""
      def f():
          x = 1
          class C:
              x = 2
              y = x
              def m(self):
                  return x
      """)
    let c = Self.scope(t, "f", "C")
    let m = Self.scope(t, "f", "C", "m")
    #expect(m.scope(of: "x") == .free)
    #expect(c.scope(of: "x") == .local)
    #expect(c.flags(of: "x").contains(.freeClass))
    #expect(Self.scope(t, "f").scope(of: "x") == .cell)
  }

  @Test func freeNameInClassBodyFromEnclosingFunction() throws {
    let t = try Self.table("""
      def f():
          v = 1
          class C:
              w = v
      """)
    #expect(Self.scope(t, "f", "C").scope(of: "v") == .free)
    #expect(Self.scope(t, "f").scope(of: "v") == .cell)
  }

  @Test func superCreatesClassCell() throws {
    let t = try Self.table("""
      class C:
          def m(self):
              return super().m()
      class D:
          def m(self):
              return 1
      """)
    #expect(Self.scope(t, "C").needsClassClosure)
    #expect(Self.scope(t, "C", "m").scope(of: "__class__") == .free)
    #expect(!Self.scope(t, "D").needsClassClosure)
  }

  @Test func comprehensionsAreFunctions() throws {
    let t = try Self.table("def f(xs):\n    return [x * y for x in xs for y in range(x)]\n")
    let comp = Self.scope(t, "f", "<listcomp>")
    #expect(comp.kind == .function)
    #expect(comp.parameters == [".0"])
    #expect(comp.scope(of: "x") == .local)
    #expect(comp.scope(of: "range") == .globalImplicit)
    // The outermost iterable is evaluated in f.
    #expect(Self.scope(t, "f").flags(of: "xs").contains(.use))
    #expect(comp.flags(of: "xs").isEmpty)
  }

  @Test func walrusInComprehensionBindsInEnclosingFunction() throws {
    let t = try Self.table("def f(xs):\n    [last := x for x in xs]\n    return last\n")
    let f = Self.scope(t, "f")
    let comp = Self.scope(t, "f", "<listcomp>")
    #expect(f.scope(of: "last") == .cell)
    #expect(comp.scope(of: "last") == .free)
    let m = try Self.table("[last := x for x in xs]\n")
    #expect(m.top.scope(of: "last") == .globalExplicit)
    #expect(Self.scope(m, "<listcomp>").scope(of: "last") == .globalExplicit)
  }

  @Test func generatorsAndCoroutines() throws {
    let t = try Self.table("""
      def g():
          yield 1
      async def c():
          await x
      async def ag():
          yield 1
      def h():
          return (i for i in range(3))
      """)
    #expect(Self.scope(t, "g").isGenerator)
    #expect(Self.scope(t, "c").isCoroutine && !Self.scope(t, "c").isGenerator)
    #expect(Self.scope(t, "ag").isCoroutine && Self.scope(t, "ag").isGenerator)
    #expect(!Self.scope(t, "h").isGenerator)
    #expect(Self.scope(t, "h", "<genexpr>").isGenerator)
  }

  @Test func privateNamesAreMangled() throws {
    let t = try Self.table("""
      class _Spam:
          __x = 1
          __init__ = None
          def m(self, __y):
              return __y
      """)
    let c = Self.scope(t, "_Spam")
    #expect(c.scope(of: "_Spam__x") == .local)
    #expect(c.scope(of: "__init__") == .local)
    #expect(Self.scope(t, "_Spam", "m").parameters == ["self", "_Spam__y"])
    #expect(mangle("___", "__x") == "__x")
    #expect(mangle("C", "__a.b") == "__a.b")
    #expect(mangle("C", "__") == "__")
    #expect(mangle(nil, "__x") == "__x")
  }

  @Test func futureAnnotationsDoNotBindNames() throws {
    let source = "def f():\n    T = int\n    def g(a: T) -> T: pass\n"
    let plain = try Self.table(source)
    #expect(Self.scope(plain, "f").flags(of: "T").contains(.use))
    let future = try Self.table(source, futureAnnotations: true)
    #expect(!Self.scope(future, "f").flags(of: "T").contains(.use))
    #expect(Self.scope(future, "f").scope(of: "T") == .local)
  }
}
