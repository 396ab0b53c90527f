import PySyntax
import Testing

@testable import PyCompiler

/// Code object properties (names, counts, flags, variables) and instruction positions,
/// against CPython 3.11's.
@Suite(.enabled(if: Python.isAvailable, Python.unavailable))
struct CodeObjectTests {
  static let source = """
    import os.path as p
    @decorator
    @other(1)
    def f(a, b=1, /, c=2, *args, d, e=3, **kw) -> int:
        '''Docstring.'''
        x = [a + i for i in args]
        def g():
            nonlocal x
            x = lambda y=1, *, z: y + z + a
            return x
        return g
    class Outer:
        class Inner:
            def method(self):
                return super().method() + __class__.value
        def gen(self):
            yield from (i for i in self)
        async def coro(self):
            await self
        async def agen(self):
            yield self
        def uses_global():
            global helper
            def helper(): pass
            return [helper for _ in range(2)]
    def closure_of_class():
        v = 1
        class K:
            v = 2
            def m(self):
                return v
        return K
    """

  /// One line per code object, depth first: qualname, first line, counts, flags,
  /// varnames, cellvars, freevars, names.
  static let cpythonScript = """
    import sys, types
    def walk(co):
        cells = [c for c in co.co_cellvars]
        print('|'.join([co.co_qualname, str(co.co_firstlineno), str(co.co_argcount), str(co.co_posonlyargcount),
            str(co.co_kwonlyargcount), str(co.co_flags & 0x3ff), ' '.join(co.co_varnames), ' '.join(cells),
            ' '.join(co.co_freevars), ' '.join(co.co_names)]))
        for c in co.co_consts:
            if isinstance(c, types.CodeType): walk(c)
    walk(compile(sys.stdin.read(), 'f', 'exec'))
    """

  static func ours(_ code: CodeObject, into lines: inout [String]) {
    var varnames: [String] = []
    var cells: [String] = []
    var frees: [String] = []
    for (name, kind) in zip(code.localsPlusNames, code.localsPlusKinds) {
      if kind.contains(.local) { varnames.append(name) }
      if kind.contains(.cell) { cells.append(name) }
      if kind.contains(.free) { frees.append(name) }
    }
    lines.append([
      code.qualifiedName, String(code.firstLineNumber), String(code.argumentCount), String(code.positionalOnlyCount),
      String(code.keywordOnlyCount), String(code.flags.rawValue), varnames.joined(separator: " "),
      cells.sorted().joined(separator: " "), frees.joined(separator: " "), code.names.joined(separator: " "),
    ].joined(separator: "|"))
    for constant in code.constants {
      if case .code(let nested) = constant { ours(nested, into: &lines) }
    }
  }

  @Test func propertiesMatchCPython() throws {
    let expected = try Python.run(["-c", Self.cpythonScript], input: Self.source)
      .split(separator: "\n").map(String.init)
    var lines: [String] = []
    Self.ours(try compileSource(Self.source, filename: "f"), into: &lines)
    #expect(lines.count == expected.count)
    for (ours, theirs) in zip(lines, expected) {
      #expect(ours == theirs)
    }
  }

  @Test func docstringIsFirstConstant() throws {
    let module = try compileSource(Self.source)
    #expect(nestedCode(module, "f")?.constants.first == .str(Array("Docstring.".utf8)))
    #expect(nestedCode(module, "g")?.constants.first == Constant.none)
    #expect(nestedCode(module, "<lambda>")?.constants.first == Constant.none)
  }

  /// Positions of every instruction of straight-line code, as `co_positions()` gives them.
  @Test func positionsMatchCPython() throws {
    let source = """
      def f(a, b):
          x = a.attr[b] + g(a,
                            b)
          y = (a
               .method(x))
          return x if y else -x
      """
    let script = """
      import sys, dis
      co = compile(sys.stdin.read(), 'f', 'exec').co_consts[0]
      for ins in dis.get_instructions(co):
          if ins.opname in ('RESUME', 'PRECALL', 'CACHE', 'PUSH_NULL'): continue
          p = ins.positions
          print(ins.opname, p.lineno, p.end_lineno, p.col_offset, p.end_col_offset)
      """
    let expected = try Python.run(["-c", script], input: source).split(separator: "\n").map(String.init)
    let f = try #require(nestedCode(try compileSource(source), "f"))
    var lines: [String] = []
    for (i, instruction) in f.instructions.enumerated() where instruction.opcode != .pushNull {
      let p = try #require(f.lineTable.position(at: i))
      lines.append("\(instruction.opcode.name.replacingAll("JUMP_FORWARD", with: "JUMP_FORWARD")) \(p.line) \(p.endLine) \(p.column) \(p.endColumn)")
    }
    let normalized = expected.map { $0.replacingAll("POP_JUMP_FORWARD_IF_FALSE", with: "POP_JUMP_IF_FALSE") }
    #expect(lines == normalized)
  }
}
