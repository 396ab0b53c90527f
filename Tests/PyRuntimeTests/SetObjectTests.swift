import Testing
@testable import PyRuntime

/// `set` and `frozenset`: CPython's table, so iteration order, `pop()` order, hashes and
/// sizes are CPython's; the algebra; the messages.
@Suite struct SetObjectTests {
  @Test func reprOrderAndSizes() {
    let runtime = Runtime(hashSeed: 0)
    let py = Py(rt: runtime.ref)
    #expect(py.show(py.make("set", [py.list([3, 1, 2])])) == "{1, 2, 3}")
    #expect(py.show(py.make("set", [py.list([100, 8, 16, 1])])) == "{8, 16, 100, 1}")
    #expect(py.show(py.make("set", [])) == "set()")
    #expect(py.show(py.make("frozenset", [])) == "frozenset()")
    #expect(py.show(py.make("frozenset", [py.list([1])])) == "frozenset({1})")
    func size(_ set: PyRef) -> Int { IntObject.value(py.method(set, "__sizeof__")!) + 16 }
    #expect(size(py.make("set", [])!) == 216)
    #expect(size(py.make("set", [py.make("range", [py.int(5)])!])!) == 728)
    #expect(size(py.make("set", [py.make("range", [py.int(100)])!])!) == 8408)
  }

  @Test func frozensetHashMatchesCPython() {
    let runtime = Runtime(hashSeed: 0)
    let py = Py(rt: runtime.ref)
    let rt = runtime.ref
    // hash(frozenset()), hash(frozenset({1, 2, 3})), hash(frozenset(range(100))) in CPython 3.11.
    #expect(rt.hash(py.make("frozenset", [])!) == 133146708735736)
    #expect(rt.hash(py.make("frozenset", [py.list([1, 2, 3])])!) == -272375401224217160)
    #expect(rt.hash(py.make("frozenset", [py.make("range", [py.int(100)])!])!) == 4411996150312757951)
  }

  @Test func methodsAndMessages() {
    let runtime = Runtime(hashSeed: 0)
    let py = Py(rt: runtime.ref)
    let rt = runtime.ref
    let set = py.make("set", [py.list([1, 2, 3])])!
    #expect(py.show(py.method(set, "remove", [py.int(9)])) == "KeyError: 9")
    #expect(py.show(py.method(set, "discard", [py.int(9)])) == "None")
    #expect(py.show(py.method(set, "add", [py.list([1])])) == "TypeError: unhashable type: 'list'")
    #expect(py.show(py.method(py.make("set", [])!, "pop")) == "KeyError: 'pop from an empty set'")
    #expect(py.show(py.method(set, "add")) == "TypeError: set.add() takes exactly one argument (0 given)")
    #expect(py.show(py.make("set", [py.int(1), py.int(2)])) == "TypeError: set expected at most 1 argument, got 2")
    #expect(py.show(py.make("set", [], [("x", py.int(1))])) == "TypeError: set() takes no keyword arguments")
    #expect(py.show(py.make("frozenset", [], [("x", py.int(1))])) == "TypeError: frozenset() takes no keyword arguments")
    #expect(rt.getAttribute(py.make("frozenset", [])!, "add") == nil)
    #expect(py.show(nil) == "AttributeError: 'frozenset' object has no attribute 'add'")
    // A set as a key is looked up as the equal frozenset.
    let nested = py.make("set", [py.list([py.make("frozenset", [py.list([1])])!])])!
    #expect(rt.contains(nested, py.make("set", [py.list([1])])!) == 1)
    #expect(py.show(rt.richCompare(py.make("set", [py.list([1])])!, py.make("frozenset", [py.list([1, 2])])!, .lessThan)) == "True")
    #expect(py.show(rt.richCompare(set, py.make("frozenset", [py.list([3, 2, 1])])!, .equal)) == "True")
    #expect(py.show(rt.binaryOp(set, py.list([1]), 7)) == "TypeError: unsupported operand type(s) for |: 'set' and 'list'")
    #expect(py.show(py.method(set, "union", [py.list([7]), py.tuple([8])])) == "{1, 2, 3, 7, 8}")
    #expect(py.show(py.method(set, "issubset", [py.make("range", [py.int(5)])!])) == "True")
    // frozenset(f) is f; f.copy() is f.
    let frozen = py.make("frozenset", [py.list([1])])!
    #expect(py.make("frozenset", [frozen]) == frozen)
    #expect(py.method(frozen, "copy") == frozen)
  }

  @Test func iterationDetectsChanges() {
    let runtime = Runtime()
    let py = Py(rt: runtime.ref)
    let rt = runtime.ref
    let set = py.make("set", [py.list([1, 2])])!
    let iterator = rt.iter(set)!
    _ = rt.next(iterator)
    #expect(rt.setAdd(set, py.int(5)))
    #expect(rt.next(iterator) == nil)
    #expect(py.show(nil) == "RuntimeError: Set changed size during iteration")
  }

  @Test func trackedLikeCPython() {
    let runtime = Runtime()
    let py = Py(rt: runtime.ref)
    #expect(runtime.ref.isTracked(py.make("set", [])!))
    #expect(runtime.ref.isTracked(py.make("frozenset", [])!))
  }

  /// Random sequences of set operations on small ints, strings and tuples, replayed by
  /// python3: every repr (the iteration order) must match.
  @Test(.enabled(if: ContainerOracle.isAvailable, ContainerOracle.unavailable))
  func orderMatchesCPython() throws {
    var random = NumberRandom(seed: 0x5E7)
    var lines: [String] = []
    func item() -> String {
      switch random.below(10) {
      case 0..<6: return "\(random.below(64) - 8)"
      case 6: return "\(random.below(1000) * 37)"
      case 7, 8: return "x" + String((0..<(1 + random.below(3))).map { _ in "abcdefgh".randomElement(using: &random)! })
      default: return "t\(random.below(5)).\(random.below(5))"
      }
    }
    func items() -> String { (0..<random.below(12)).map { _ in item() }.joined(separator: ",") }
    for _ in 0..<300 {
      var ops = ["n:" + items()]
      for _ in 0..<random.below(25) {
        switch random.below(16) {
        case 0..<4: ops.append("a:" + item())
        case 4, 5: ops.append("d:" + item())
        case 6: ops.append("p")
        case 7: ops.append("u:" + items())
        case 8: ops.append("|:" + items())
        case 9: ops.append("&:" + items())
        case 10: ops.append("-:" + items())
        case 11: ops.append("^:" + items())
        case 12: ops.append(["&=:", "-=:", "^=:", "|=:"][random.below(4)] + items())
        case 13: ops.append("c")
        case 14: ops.append("f")
        default: ops.append("l:" + items())
        }
        ops.append("r")
      }
      lines.append(ops.joined(separator: " "))
    }
    let script = """
      import sys
      def item(t):
          if t[0] == 'x': return t[1:]
          if t[0] == 't': return tuple(int(v) for v in t[1:].split('.'))
          return int(t)
      def items(t): return [item(v) for v in t.split(',') if v]
      for line in sys.stdin.read().splitlines():
          out = []
          s = None
          for op in line.split(' '):
              name, _, arg = op.partition(':')
              try:
                  if name == 'n': s = set(items(arg))
                  elif name == 'a': s.add(item(arg))
                  elif name == 'd': s.discard(item(arg))
                  elif name == 'p': out.append(repr(s.pop()))
                  elif name == 'u': s.update(items(arg))
                  elif name == '|': s = s | set(items(arg))
                  elif name == '&': s = s & set(items(arg))
                  elif name == '-': s = s - set(items(arg))
                  elif name == '^': s = s ^ set(items(arg))
                  elif name == '&=': s &= set(items(arg))
                  elif name == '-=': s -= set(items(arg))
                  elif name == '^=': s ^= set(items(arg))
                  elif name == '|=': s |= set(items(arg))
                  elif name == 'c': s = s.copy()
                  elif name == 'f': s = set(frozenset(s))
                  elif name == 'l': s = s.difference(items(arg)).union(items(arg)[::2])
                  elif name == 'r': out.append(repr(s))
              except Exception as e:
                  out.append(type(e).__name__)
          print(' | '.join(out))
      """
    let expected = try NumberOracle.run(script: script, lines: lines)
    let runtime = Runtime(hashSeed: 0)
    let py = Py(rt: runtime.ref)
    let rt = runtime.ref
    func item(_ token: Substring) -> PyRef {
      if token.first == "x" { return py.str(String(token.dropFirst())) }
      if token.first == "t" { return py.tuple(token.dropFirst().split(separator: ".").map { Int($0)! }) }
      return py.int(Int(token)!)
    }
    func items(_ text: Substring) -> PyRef { py.list(text.split(separator: ",").map(item)) }
    for (index, line) in lines.enumerated() {
      var out: [String] = []
      var set = py.make("set", [])!
      func record(_ result: PyRef?) {
        if let result { set = result } else { out.append(rt.takeError()?.typeName ?? "?") }
      }
      for op in line.split(separator: " ") {
        let parts = op.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let name = parts[0], arg = parts.count > 1 ? parts[1] : ""
        switch name {
        case "n": record(py.make("set", [items(arg)]))
        case "a": _ = py.method(set, "add", [item(arg)])
        case "d": _ = py.method(set, "discard", [item(arg)])
        case "p":
          if let popped = py.method(set, "pop") { out.append(py.show(popped)) } else { out.append(rt.takeError()!.typeName) }
        case "u": _ = py.method(set, "update", [items(arg)])
        case "|": record(rt.binaryOp(set, py.make("set", [items(arg)])!, 7))
        case "&": record(rt.binaryOp(set, py.make("set", [items(arg)])!, 1))
        case "-": record(rt.binaryOp(set, py.make("set", [items(arg)])!, 10))
        case "^": record(rt.binaryOp(set, py.make("set", [items(arg)])!, 12))
        case "&=": record(rt.binaryOp(set, py.make("set", [items(arg)])!, 14))
        case "-=": record(rt.binaryOp(set, py.make("set", [items(arg)])!, 23))
        case "^=": record(rt.binaryOp(set, py.make("set", [items(arg)])!, 25))
        case "|=": record(rt.binaryOp(set, py.make("set", [items(arg)])!, 20))
        case "c": record(py.method(set, "copy"))
        case "f": record(py.make("set", [py.make("frozenset", [set])!]))
        case "l":
          let list = items(arg)
          let everyOther = rt.getItem(list, rt.newSlice(nil, nil, py.int(2))!)!
          record(py.method(py.method(set, "difference", [list])!, "union", [everyOther]))
        default: out.append(py.show(set))
        }
      }
      #expect(out.joined(separator: " | ") == expected[index], "case \(index): \(line)")
    }
  }
}
