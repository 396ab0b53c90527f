import Foundation
import PySyntax
import Testing

@testable import PyCompiler

/// Errors the compiler (not the parser) raises, with CPython 3.11's messages and positions.
///
/// Positions are CPython's compiler's: 1-based columns counting UTF-8 bytes
/// (`col_offset + 1`), and no `text`.
@Suite struct CompileErrorTests {
  struct Case: CustomTestStringConvertible {
    var source: String
    var message: String
    var line: Int
    var column: Int
    var endLine: Int
    var endColumn: Int
    var testDescription: String { source }
  }

  /// Recorded from `compile(source, 'f', 'exec')` under CPython 3.11.7; `endColumn` 0 is
  /// CPython's None.
  static let cases: [Case] = [
    Case(source: "def f(a, a): pass", message: "duplicate argument 'a' in function definition", line: 1, column: 10, endLine: 1, endColumn: 11),
    Case(source: "def f(a, *, b, **a): pass", message: "duplicate argument 'a' in function definition", line: 1, column: 18, endLine: 1, endColumn: 19),
    Case(source: "lambda a, a: 1", message: "duplicate argument 'a' in function definition", line: 1, column: 11, endLine: 1, endColumn: 12),
    Case(source: "__debug__ = 1", message: "cannot assign to __debug__", line: 1, column: 1, endLine: 1, endColumn: 10),
    Case(source: "del __debug__", message: "cannot delete __debug__", line: 1, column: 5, endLine: 1, endColumn: 14),
    Case(source: "def f(__debug__): pass", message: "cannot assign to __debug__", line: 1, column: 1, endLine: 1, endColumn: 23),
    Case(source: "f(a=1, a=2)", message: "keyword argument repeated: a", line: 1, column: 8, endLine: 1, endColumn: 11),
    Case(source: "o.m(a=1, a=2)", message: "keyword argument repeated: a", line: 1, column: 10, endLine: 1, endColumn: 13),
    Case(source: "f(a=1, b=2, b=3, a=4)", message: "keyword argument repeated: a", line: 1, column: 18, endLine: 1, endColumn: 21),
    Case(source: "try:\n pass\nexcept:\n pass\nexcept ValueError:\n pass", message: "default 'except:' must be last", line: 3, column: 1, endLine: 4, endColumn: 6),
    Case(source: "break", message: "'break' outside loop", line: 1, column: 1, endLine: 1, endColumn: 6),
    Case(source: "continue", message: "'continue' not properly in loop", line: 1, column: 1, endLine: 1, endColumn: 9),
    Case(source: "try:\n break\nfinally:\n pass", message: "'break' outside loop", line: 2, column: 2, endLine: 2, endColumn: 7),
    Case(source: "return 1", message: "'return' outside function", line: 1, column: 1, endLine: 1, endColumn: 9),
    Case(source: "yield 1", message: "'yield' outside function", line: 1, column: 1, endLine: 1, endColumn: 8),
    Case(source: "class C:\n  yield 1", message: "'yield' outside function", line: 2, column: 3, endLine: 2, endColumn: 10),
    Case(source: "await x", message: "'await' outside function", line: 1, column: 1, endLine: 1, endColumn: 8),
    Case(source: "def f():\n  await x", message: "'await' outside async function", line: 2, column: 3, endLine: 2, endColumn: 10),
    Case(source: "x = 1\ndef f():\n  global x\n  x = 2\n  global x", message: "name 'x' is assigned to before global declaration", line: 5, column: 3, endLine: 5, endColumn: 11),
    Case(source: "def f():\n  print(x)\n  global x", message: "name 'x' is used prior to global declaration", line: 3, column: 3, endLine: 3, endColumn: 11),
    Case(source: "def f(x):\n  global x", message: "name 'x' is parameter and global", line: 2, column: 3, endLine: 2, endColumn: 11),
    Case(source: "def f():\n  x: int\n  global x", message: "annotated name 'x' can't be global", line: 3, column: 3, endLine: 3, endColumn: 11),
    Case(source: "def f(x):\n  nonlocal x", message: "name 'x' is parameter and nonlocal", line: 2, column: 3, endLine: 2, endColumn: 13),
    Case(source: "nonlocal x", message: "nonlocal declaration not allowed at module level", line: 1, column: 1, endLine: 1, endColumn: 11),
    Case(source: "def f():\n  nonlocal x", message: "no binding for nonlocal 'x' found", line: 2, column: 3, endLine: 2, endColumn: 13),
    Case(source: "class C:\n  nonlocal x", message: "no binding for nonlocal 'x' found", line: 2, column: 3, endLine: 2, endColumn: 13),
    Case(source: "def f():\n  x = 1\n  def g():\n    global x\n    nonlocal x", message: "name 'x' is nonlocal and global", line: 4, column: 5, endLine: 4, endColumn: 13),
    Case(source: "def f():\n  from m import *", message: "import * only allowed at module level", line: 2, column: 17, endLine: 2, endColumn: 18),
    Case(source: "[(yield) for x in y]", message: "'yield' inside list comprehension", line: 1, column: 3, endLine: 1, endColumn: 8),
    Case(source: "def f(): {(yield) for x in y}", message: "'yield' inside set comprehension", line: 1, column: 12, endLine: 1, endColumn: 17),
    Case(source: "def f(): ((yield) for x in y)", message: "'yield' inside generator expression", line: 1, column: 12, endLine: 1, endColumn: 17),
    Case(source: "def f(): {x: (yield) for x in y}", message: "'yield' inside dict comprehension", line: 1, column: 15, endLine: 1, endColumn: 20),
    Case(source: "[x := 1 for x in y]", message: "assignment expression cannot rebind comprehension iteration variable 'x'", line: 1, column: 2, endLine: 1, endColumn: 3),
    Case(source: "[i for i in (x := y)]", message: "assignment expression cannot be used in a comprehension iterable expression", line: 1, column: 14, endLine: 1, endColumn: 20),
    Case(source: "class C:\n  [(x := 1) for i in y]", message: "assignment expression within a comprehension cannot be used in a class body", line: 2, column: 5, endLine: 2, endColumn: 6),
    Case(source: "[[(j := 0) for i in y] for j in z]", message: "assignment expression cannot rebind comprehension iteration variable 'j'", line: 1, column: 4, endLine: 1, endColumn: 5),
    Case(source: "[x for i in y if (j := 1) for j in z]", message: "comprehension inner loop cannot rebind assignment expression target 'j'", line: 1, column: 31, endLine: 1, endColumn: 32),
    Case(source: "def f(): [x async for x in y]", message: "asynchronous comprehension outside of an asynchronous function", line: 1, column: 10, endLine: 1, endColumn: 30),
    Case(source: "def f():\n  async with x: pass", message: "'async with' outside async function", line: 2, column: 3, endLine: 2, endColumn: 21),
    Case(source: "def f():\n  async for x in y: pass", message: "'async for' outside async function", line: 2, column: 3, endLine: 2, endColumn: 25),
    Case(source: "async def f():\n  yield from x", message: "'yield from' inside async function", line: 2, column: 3, endLine: 2, endColumn: 15),
    Case(source: "async def f():\n  yield 1\n  return 2", message: "'return' with value in async generator", line: 3, column: 3, endLine: 3, endColumn: 11),
    Case(source: "from __future__ import braces", message: "not a chance", line: 1, column: 1, endLine: 1, endColumn: 0),
    Case(source: "from __future__ import nope", message: "future feature nope is not defined", line: 1, column: 1, endLine: 1, endColumn: 0),
    Case(source: "import os\nfrom __future__ import annotations", message: "from __future__ imports must occur at the beginning of the file", line: 2, column: 1, endLine: 2, endColumn: 35),
    Case(source: "def f():\n  from __future__ import annotations", message: "from __future__ imports must occur at the beginning of the file", line: 2, column: 3, endLine: 2, endColumn: 37),
    Case(source: "import a; from __future__ import annotations", message: "from __future__ imports must occur at the beginning of the file", line: 1, column: 10, endLine: 1, endColumn: 0),
    Case(source: "match x:\n  case a:\n    pass\n  case b:\n    pass", message: "name capture 'a' makes remaining patterns unreachable", line: 2, column: 8, endLine: 2, endColumn: 9),
    Case(source: "match x:\n  case _:\n    pass\n  case b:\n    pass", message: "wildcard makes remaining patterns unreachable", line: 2, column: 8, endLine: 2, endColumn: 9),
    Case(source: "match x:\n  case [a, a]:\n    pass", message: "multiple assignments to name 'a' in pattern", line: 2, column: 12, endLine: 2, endColumn: 13),
    Case(source: "match x:\n  case a | b:\n    pass", message: "name capture 'a' makes remaining patterns unreachable", line: 2, column: 8, endLine: 2, endColumn: 9),
    Case(source: "match x:\n  case [a] | [b]:\n    pass", message: "alternative patterns bind different names", line: 2, column: 15, endLine: 2, endColumn: 16),
    Case(source: "match x:\n  case {1: a, 1: b}:\n    pass", message: "mapping pattern checks duplicate key (1)", line: 2, column: 8, endLine: 2, endColumn: 20),
    Case(source: "match x:\n  case {1: a, True: b}:\n    pass", message: "mapping pattern checks duplicate key (True)", line: 2, column: 8, endLine: 2, endColumn: 23),
    Case(source: "match x:\n  case C(a=1, a=2):\n    pass", message: "attribute name repeated in class pattern: a", line: 2, column: 17, endLine: 2, endColumn: 18),
    Case(source: "match x:\n  case [*a, *b]:\n    pass", message: "multiple starred names in sequence pattern", line: 2, column: 8, endLine: 2, endColumn: 16),
    Case(source: "*a = 1", message: "starred assignment target must be in a list or tuple", line: 1, column: 1, endLine: 1, endColumn: 3),
    Case(source: "print(*a)\n*a", message: "can't use starred expression here", line: 2, column: 1, endLine: 2, endColumn: 3),
    Case(source: "a, *b, *c = d", message: "multiple starred expressions in assignment", line: 1, column: 1, endLine: 1, endColumn: 10),
    Case(source: "x = 'é'; é = 1; del é\ndef g():\n  é = 2\n  global é", message: "name 'é' is assigned to before global declaration", line: 4, column: 3, endLine: 4, endColumn: 12),
    Case(source: "def f():\n  class C:\n    x = 1\n    def g(self):\n      nonlocal x", message: "no binding for nonlocal 'x' found", line: 5, column: 7, endLine: 5, endColumn: 17),
    Case(source: "del x, __debug__", message: "cannot delete __debug__", line: 1, column: 8, endLine: 1, endColumn: 17),
    Case(source: "f(__debug__=1)", message: "cannot assign to __debug__", line: 1, column: 1, endLine: 1, endColumn: 15),
    Case(source: "for __debug__ in x: pass", message: "cannot assign to __debug__", line: 1, column: 5, endLine: 1, endColumn: 14),
    Case(source: "import a as __debug__", message: "cannot assign to __debug__", line: 1, column: 1, endLine: 1, endColumn: 22),
    Case(source: "with x as __debug__: pass", message: "cannot assign to __debug__", line: 1, column: 11, endLine: 1, endColumn: 20),
    Case(source: "x.__debug__ = 1", message: "cannot assign to __debug__", line: 1, column: 1, endLine: 1, endColumn: 12),
    Case(source: "try:\n  pass\nexcept* E:\n  break", message: "'break', 'continue' and 'return' cannot appear in an except* block", line: 4, column: 3, endLine: 4, endColumn: 8),
    Case(source: "def f():\n  try:\n    pass\n  except* E:\n    return", message: "'break', 'continue' and 'return' cannot appear in an except* block", line: 5, column: 5, endLine: 5, endColumn: 11),
    Case(source: "def f():\n  x: int = 1\n  nonlocal x", message: "annotated name 'x' can't be nonlocal", line: 3, column: 3, endLine: 3, endColumn: 13),
    Case(source: "class C:\n  def f(self):\n    (a := 1)\n  [y := 2 for q in r]", message: "assignment expression within a comprehension cannot be used in a class body", line: 4, column: 4, endLine: 4, endColumn: 5),
    Case(source: "def f():\n  lambda: (yield)\n  class C:\n    yield", message: "'yield' outside function", line: 4, column: 5, endLine: 4, endColumn: 10),
    Case(source: "while 1:\n  def f():\n    continue", message: "'continue' not properly in loop", line: 3, column: 5, endLine: 3, endColumn: 13),
    Case(source: "if 0:\n  return", message: "'return' outside function", line: 2, column: 3, endLine: 2, endColumn: 9),
  ]

  @Test(arguments: cases)
  func compileErrorMatchesCPython(_ c: Case) throws {
    let error = try #require(compileError(c.source), "no error for \(c.source)")
    #expect(error.kind == .syntax)
    #expect(error.message == c.message)
    #expect(error.line == c.line)
    #expect(error.column == c.column)
    #expect(error.endLine == c.endLine)
    #expect(error.endColumn == c.endColumn)
    #expect(error.filename == "f")
  }

  /// The recorded expectations are still CPython's.
  @Test(.enabled(if: Python.isAvailable, Python.unavailable))
  func expectationsAreCPythons() throws {
    let script = """
      import sys
      for source in sys.stdin.read().split('\\0'):
          try:
              compile(source, 'f', 'exec')
              print('OK')
          except SyntaxError as e:
              print('%s\\t%s\\t%s\\t%s\\t%s' % (e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset or 0))
      """
    let output = try Python.run(["-c", script], input: Self.cases.map(\.source).joined(separator: "\0"))
    let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for (i, c) in Self.cases.enumerated() {
      let expected = "\(c.message)\t\(c.line)\t\(c.column)\t\(c.endLine)\t\(c.endColumn)"
      #expect(i < lines.count && lines[i] == expected, "\(c.source)")
    }
  }
}
