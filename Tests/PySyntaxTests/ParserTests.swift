import PySyntax
import Testing

/// Exact expectations for the parser and the dump, without Python: the public API, node
/// locations, nesting limits, linear time and robustness on random input.
@Suite struct ParserTests {
  func module(_ text: String, line: Int = #line) -> Module? {
    switch parse(Array(text.utf8), filename: "t.py") {
    case .success(let module): return module
    case .failure(let error):
      Issue.record("line \(line): unexpected error \(error.formatted())")
      return nil
    }
  }

  func error(_ text: String) -> PySyntaxError? {
    if case .failure(let error) = parse(Array(text.utf8), filename: "t.py") { return error }
    Issue.record("accepted: \(String(text.prefix(80)))")
    return nil
  }

  @Test func dumpOfASmallProgram() throws {
    let tree = try #require(module("x = f(1, *a, k=2)\n"))
    #expect(try tree.dump() == "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Call(func=Name(id='f', ctx=Load()), args=[Constant(value=1), Starred(value=Name(id='a', ctx=Load()), ctx=Load())], keywords=[keyword(arg='k', value=Constant(value=2))]))], type_ignores=[])")
    #expect(try #require(module("")).dump() == "Module(body=[], type_ignores=[])")
  }

  /// Columns are UTF-8 byte offsets; compound statements end with their last real token.
  @Test func locationsCountBytes() throws {
    let tree = try #require(module("é = 'ü' + x\nif y:\n    pass\n\n"))
    guard case .assign(let targets, let value, _) = tree.body[0].kind else {
      Issue.record("not an assignment")
      return
    }
    #expect(targets[0].span == SourceSpan(lineno: 1, colOffset: 0, endLineno: 1, endColOffset: 2))
    #expect(value.span == SourceSpan(lineno: 1, colOffset: 5, endLineno: 1, endColOffset: 13))
    #expect(tree.body[1].span == SourceSpan(lineno: 2, colOffset: 0, endLineno: 3, endColOffset: 8))
  }

  @Test func constantsPrintAsRepr() {
    let samples: [(ConstantValue, String)] = [
      (.none, "None"), (.bool(true), "True"), (.ellipsis, "Ellipsis"), (.float(1e16), "1e+16"),
      (.float(1e15), "1000000000000000.0"), (.float(1e-5), "1e-05"), (.float(0.0001), "0.0001"),
      (.float(.infinity), "inf"), (.complex(imag: 1), "1j"), (.complex(imag: 1.5), "1.5j"),
      (.complex(imag: 1e16), "1e+16j"), (.string("it's"), "\"it's\""), (.string("a\u{0}\n"), "'a\\x00\\n'"),
      (.string("\u{200B}é"), "'\\u200bé'"), (.bytes([0x27, 0xFF]), "b\"'\\xff\""),
      (.int(BigUInt(digits: [1] + Array(repeating: 0, count: 20), radix: 16)), "1208925819614629174706176"),
    ]
    for (value, expected) in samples { #expect(value.pythonRepr == expected) }
  }

  /// Parser errors are located as CPython locates them, and print with carets.
  @Test func errorsCarryCPythonPositions() throws {
    let generic = try #require(error("x = 1 +* 2\n"))
    #expect(generic.message == "invalid syntax" && generic.line == 1 && generic.column == 8 && generic.endColumn == 9)
    #expect(generic.formatted() == "  File \"t.py\", line 1\n    x = 1 +* 2\n           ^\nSyntaxError: invalid syntax\n")
    let call = try #require(error("f() = 1\n"))
    #expect(call.message == "cannot assign to function call here. Maybe you meant '==' instead of '='?")
    #expect(call.column == 1 && call.endColumn == 4)
    let colon = try #require(error("if x\n    pass\n"))
    #expect(colon.message == "expected ':'")
    let indent = try #require(error("x = 1\n  y = 2\n"))
    #expect(indent.kind == .indentation && indent.message == "unexpected indent")
    let unclosed = try #require(error("x = (1,\ny = 2\nz = 3 +\n"))
    #expect(unclosed.message == "'(' was never closed" && unclosed.line == 1)
  }

  @Test func nestingWithinTheLimitsParses() throws {
    let parens = String(repeating: "(", count: 199) + "x" + String(repeating: ")", count: 199)
    #expect(module(parens + "\n") != nil)
    let unary = String(repeating: "-", count: 2_900) + "x\n"
    let tree = try #require(module(unary))
    #expect(try tree.dump().count > 2_900 * 20)
    #expect(module(String(repeating: "lambda: ", count: 2_900) + "x\n") != nil)
    #expect(module("a " + String(repeating: "if b else a ", count: 2_900) + "\n") != nil)
    #expect(module("x" + String(repeating: " ** x", count: 2_900) + "\n") != nil)
  }

  @Test func nestingBeyondTheLimitsIsAnError() throws {
    let tooManyParens = try #require(error(String(repeating: "(", count: 100_000)))
    #expect(tooManyParens.message == "too many nested parentheses")
    let tooDeep = try #require(error(String(repeating: "not ", count: 3_100) + "x\n"))
    #expect(tooDeep.message.contains("too complex"))
    let source = SourceFile(bytes: Array((String(repeating: "[", count: 150) + String(repeating: "]", count: 150)).utf8),
                            filename: "t.py", mode: .string)
    guard case .failure(let small) = Parser.parseModule(source, stackLimit: 32 << 10) else {
      Issue.record("150 brackets parsed within 32 KiB of stack")
      return
    }
    #expect(small.message.contains("too complex"))
  }

  @Test func warningsAreCollected() {
    let parser = Parser(SourceFile(bytes: Array("x = '\\d'\ny = 1if z else 2\n".utf8), filename: "t.py", mode: .string))
    guard case .success = parser.parseModule() else {
      Issue.record("rejected")
      return
    }
    #expect(parser.warnings.map(\.message).sorted() == ["invalid decimal literal", "invalid escape sequence '\\d'"])
  }

  /// Inputs built to provoke backtracking or deep recursion: the best of three runs on 4×
  /// the input may take at most 8× as long (quadratic time would take 16×), in thread CPU
  /// time. Units ending in a mistake exercise the second pass over everything before it.
  @Test(arguments: [
    "x = (a + b) * c[d] if e else f(g, *h, i=j)\n", "a + ", "not ", "- ", "lambda: ", "x if y else ",
    "[", "f(", "a.", "'s' ", "f'{x}' ", "if x:\n pass\n", "def f(a, b=1, /, *c, d, **e) -> g: pass\n",
    "[x for x in y if z]\n", "match x:\n case [1, *r] | {'k': v} | C(a=b): pass\n", "x = = 1\n",
    "print 'x'\n", "a b ", "(a b ", "f(**a, *b) ", "{a: b, c} ", "x = (1,\n",
  ])
  func pathologicalInputIsLinear(unit: String) {
    func measure(_ count: Int) -> Duration {
      var source = String(repeating: unit, count: count)
      if !unit.hasSuffix("\n") { source += "\n" }
      let bytes = Array(source.utf8)
      var best = Duration.seconds(1_000)
      for _ in 0..<3 {
        best = min(best, ThreadCPUTime.measure { _ = parse(bytes, filename: "t.py") })
      }
      return best
    }
    let small = measure(250)
    let large = measure(1_000)
    #expect(large < small * 8 + .milliseconds(50), "\(String(reflecting: unit)): \(small) for 250, \(large) for 1,000")
  }

  /// Fragments that reach the parser's interesting paths, joined at random.
  static let fragments: [String] = [
    "x", "y", "1", "1.5", "2j", "'s'", "f'{x}'", "f'{x!r:>{y}}'", "b'b'", "None", "True", "...", "(", ")",
    "[", "]", "{", "}", ",", ":", ";", ".", "=", "==", ":=", "+", "-", "*", "**", "/", "//", "%", "@",
    "|", "&", "^", "~", "<", ">", "<=", "!=", "->", "+=", "if", "else", "elif", "for", "in", "not",
    "is", "and", "or", "lambda", "yield", "await", "async", "def", "class", "return", "del", "pass",
    "import", "from", "as", "with", "try", "except", "finally", "raise", "while", "global", "match",
    "case", "_", "print", "\n", "\n    ", "\n  ", "\n\t", " ", "  ", "\\\n", "#c\n",
  ]

  /// The random input for `seed`.
  static func input(seed: UInt64) -> [UInt8] {
    var rng = SeededRandom(seed: seed)
    var text = ""
    for _ in 0..<Int(rng.next() % 60) {
      text += fragments[Int(rng.next() % UInt64(fragments.count))]
      if rng.next() % 3 == 0 { text += " " }
    }
    return Array(text.utf8)
  }

  /// The parser never crashes or hangs on random fragments; its results can be printed.
  /// The seed of a failing input is in the message.
  @Test func randomInputsParseSafely() throws {
    let started = ContinuousClock.now
    for seed in UInt64(1)...1_000 {
      let bytes = ParserTests.input(seed: seed)
      switch parse(bytes, filename: "fuzz.py") {
      case .success(let module):
        #expect((try? module.dump()) != nil, "seed \(seed)")
      case .failure(let error):
        #expect(!error.message.isEmpty, "seed \(seed)")
        _ = error.formatted()
      }
    }
    let elapsed = ContinuousClock.now - started
    #expect(elapsed < .seconds(60), "1,000 random inputs took \(elapsed)")
  }
}
