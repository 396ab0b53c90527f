import PySyntax
import Testing

@testable import PyCompiler

/// The verifier accepts what the compiler makes and rejects hand-made bad code.
@Suite struct BytecodeVerifierTests {
  static func code(
    _ instructions: [Instruction], constants: [Constant] = [.none], names: [String] = [],
    locals: [String] = [], stackSize: Int = 2, exceptionTable: [ExceptionTableEntry] = [],
    flags: CodeFlags = [.optimized, .newLocals]
  ) -> CodeObject {
    CodeObject(
      name: "bad", qualifiedName: "bad", filename: "t.py", firstLineNumber: 1, argumentCount: 0,
      positionalOnlyCount: 0, keywordOnlyCount: 0, flags: flags, instructions: instructions,
      constants: constants, names: names, localsPlusNames: locals,
      localsPlusKinds: locals.map { _ in .local }, stackSize: stackSize,
      lineTable: LineTable(positions: []), exceptionTable: exceptionTable)
  }

  static func failure(_ code: CodeObject) -> String? {
    do throws(BytecodeVerificationError) {
      try code.verify()
      return nil
    } catch {
      return error.message
    }
  }

  @Test func acceptsMinimalCode() {
    let ok = Self.code([Instruction(.loadConst, 0), Instruction(.returnValue)])
    #expect(Self.failure(ok) == nil)
  }

  @Test func rejectsJumpOutOfRange() {
    let bad = Self.code([Instruction(.jumpForward, 9), Instruction(.loadConst, 0), Instruction(.returnValue)])
    #expect(Self.failure(bad)?.contains("jump target 9 out of range") == true)
  }

  @Test func rejectsStackUnderflow() {
    let bad = Self.code([Instruction(.popTop), Instruction(.loadConst, 0), Instruction(.returnValue)])
    #expect(Self.failure(bad)?.contains("stack underflow") == true)
  }

  @Test func rejectsBadConstantIndex() {
    let bad = Self.code([Instruction(.loadConst, 3), Instruction(.returnValue)])
    #expect(Self.failure(bad)?.contains("constant index 3 out of range") == true)
  }

  @Test func rejectsBadNameAndLocalIndexes() {
    let name = Self.code([Instruction(.loadGlobal, 1 << 1), Instruction(.returnValue)], names: ["x"])
    #expect(Self.failure(name)?.contains("name index 1 out of range") == true)
    let local = Self.code([Instruction(.loadFast, 1), Instruction(.returnValue)], locals: ["a"])
    #expect(Self.failure(local)?.contains("not a local") == true)
    let deref = Self.code([Instruction(.loadDeref, 0), Instruction(.returnValue)], locals: ["a"])
    #expect(Self.failure(deref)?.contains("not a cell or free variable") == true)
  }

  @Test func rejectsFallingOffTheEnd() {
    let bad = Self.code([Instruction(.loadConst, 0), Instruction(.popTop)])
    #expect(Self.failure(bad)?.contains("runs off the end") == true)
  }

  @Test func rejectsDepthMismatchAtMergePoint() {
    // 0: LOAD_CONST; 1: POP_JUMP_IF_FALSE 4; 2: LOAD_CONST; 3: LOAD_CONST (falls into 4 with 2
    // items); 4: reached with 0 items from the jump.
    let bad = Self.code([
      Instruction(.loadConst, 0), Instruction(.popJumpIfFalse, 4), Instruction(.loadConst, 0),
      Instruction(.loadConst, 0), Instruction(.loadConst, 0), Instruction(.returnValue),
    ], stackSize: 3)
    #expect(Self.failure(bad)?.contains("on another path") == true)
  }

  @Test func rejectsExceedingTheStackSize() {
    let bad = Self.code([Instruction(.loadConst, 0), Instruction(.loadConst, 0), Instruction(.popTop), Instruction(.returnValue)], stackSize: 1)
    #expect(Self.failure(bad)?.contains("exceeds the stack size") == true)
  }

  @Test func rejectsBackwardConditionalJumps() {
    let bad = Self.code([
      Instruction(.loadConst, 0), Instruction(.popJumpIfFalse, 0), Instruction(.loadConst, 0), Instruction(.returnValue),
    ])
    #expect(Self.failure(bad)?.contains("jumps backward") == true)
    let forward = Self.code([Instruction(.jumpBackward, 1), Instruction(.loadConst, 0), Instruction(.returnValue)])
    #expect(Self.failure(forward)?.contains("JUMP_BACKWARD to a later instruction") == true)
  }

  @Test func rejectsBadExceptionTables() {
    let deep = Self.code(
      [Instruction(.loadConst, 0), Instruction(.returnValue)],
      exceptionTable: [ExceptionTableEntry(start: 0, end: 1, target: 1, depth: 5, pushLasti: false)])
    #expect(Self.failure(deep)?.contains("exceeds the stack size") == true)
    let range = Self.code(
      [Instruction(.loadConst, 0), Instruction(.returnValue)],
      exceptionTable: [ExceptionTableEntry(start: 1, end: 4, target: 0, depth: 0, pushLasti: false)])
    #expect(Self.failure(range)?.contains("bad range") == true)
  }

  @Test func rejectsReturnWithItemsLeft() {
    let bad = Self.code([Instruction(.loadConst, 0), Instruction(.loadConst, 0), Instruction(.returnValue)])
    #expect(Self.failure(bad)?.contains("RETURN_VALUE leaves 1 items") == true)
  }

  @Test func rejectsStrayKeywordNamesAndMakeFunction() {
    let kw = Self.code([Instruction(.kwNames, 0), Instruction(.loadConst, 0), Instruction(.returnValue)], constants: [.tuple([.str([0x61])])])
    #expect(Self.failure(kw)?.contains("KW_NAMES") == true)
    let make = Self.code([Instruction(.loadConst, 0), Instruction(.makeFunction, 0), Instruction(.returnValue)])
    #expect(Self.failure(make)?.contains("MAKE_FUNCTION") == true)
  }

  @Test func rejectsYieldOutsideGenerators() {
    let bad = Self.code([Instruction(.loadConst, 0), Instruction(.yieldValue, 0), Instruction(.returnValue)])
    #expect(Self.failure(bad)?.contains("YIELD_VALUE") == true)
    let ok = Self.code([Instruction(.loadConst, 0), Instruction(.yieldValue, 0), Instruction(.returnValue)], flags: [.optimized, .generator])
    #expect(Self.failure(ok) == nil)
  }

  @Test func rejectsInvalidOpcode() {
    var word = Instruction(.nop)
    word.word = 0xFF
    let bad = Self.code([word, Instruction(.loadConst, 0), Instruction(.returnValue)])
    #expect(Self.failure(bad)?.contains("invalid opcode") == true)
  }

  /// Nested code objects are checked too.
  @Test func checksNestedCode() throws {
    let inner = Self.code([Instruction(.popTop), Instruction(.returnValue)])
    let outer = Self.code([Instruction(.loadConst, 0), Instruction(.returnValue)], constants: [.code(inner)])
    #expect(throws: BytecodeVerificationError.self) { try outer.verify() }
  }

  /// A sample of constructs whose stack discipline is easy to get wrong.
  @Test func acceptsCompiledTrickyCode() throws {
    let source = """
      import a.b.c as d
      from . import x
      def f(a, /, b=1, *c, d, e=2, **g) -> int:
          global q
          try:
              for i in a:
                  with open(i) as h, open(b):
                      if i: break
                      try:
                          return h.read()
                      finally:
                          continue
          except* ValueError as ex:
              pass
          except* TypeError:
              q = [y for y in z] if 0 else {k: v for k, v in g.items()}
          else:
              match a:
                  case [1, *rest] if rest: return rest
                  case {"k": v, **kw}: return kw
                  case Point(x=0, y=yy) | Point(yy, 0): return yy
                  case str() | bytes() as s: return s
                  case _: pass
          return (yield from b)
      async def h():
          async with a as b, c:
              async for x in b:
                  await x
          return [await y for y in z]
      class C(B, metaclass=M):
          x: int = 1
          def m(self): return super().m(), __class__
      """
    let code = try compileSource(source)
    try code.verify()
  }
}

extension BytecodeVerifierTests {
  @Test func rejectsOverlappingHandlersAndMissingCells() {
    let overlapping = Self.code(
      [Instruction(.loadConst, 0), Instruction(.loadConst, 0), Instruction(.popTop), Instruction(.returnValue)],
      exceptionTable: [
        ExceptionTableEntry(start: 0, end: 2, target: 3, depth: 0, pushLasti: false),
        ExceptionTableEntry(start: 1, end: 2, target: 3, depth: 0, pushLasti: false),
      ])
    #expect(Self.failure(overlapping)?.contains("overlapping") == true)
    let cells = CodeObject(
      name: "bad", qualifiedName: "bad", filename: "t.py", firstLineNumber: 1, argumentCount: 0,
      positionalOnlyCount: 0, keywordOnlyCount: 0, flags: [.optimized], instructions: [
        Instruction(.loadDeref, 0), Instruction(.returnValue),
      ], constants: [.none], names: [], localsPlusNames: ["c"], localsPlusKinds: [.cell], stackSize: 1,
      lineTable: LineTable(positions: []), exceptionTable: [])
    #expect(Self.failure(cells)?.contains("make exactly the cells") == true)
  }
}
