import Testing
@testable import PyRuntime

/// Random operation sequences on lists and dicts, and sorts with NaNs (whose result depends
/// on exactly which comparisons the sort makes), replayed by python3: every repr and every
/// `__sizeof__` (so the allocation rules) must match.
@Suite(.enabled(if: ContainerOracle.isAvailable, ContainerOracle.unavailable))
struct ContainerDifferentialTests {
  static let prelude = """
    import sys
    def N(t): return None if t == '_' else int(t)
    def L(t): return [int(v) for v in t.split(',') if v]
    def K(t): return t[1:] if t[0] == 'x' else int(t)


    """

  @Test func listOperations() throws {
    var random = NumberRandom(seed: 0x715)
    func bound() -> String { random.chance(25) ? "_" : "\(random.below(24) - 12)" }
    func step() -> String { ["_", "1", "2", "-1", "-2", "3", "-3"][random.below(7)] }
    func values() -> String { (0..<random.below(9)).map { _ in "\(random.below(50))" }.joined(separator: ",") }
    var lines: [String] = []
    for _ in 0..<250 {
      var ops = ["n:" + values()]
      for _ in 0..<random.below(20) {
        switch random.below(14) {
        case 0: ops.append("s:\(bound()):\(bound()):\(step()):" + values())
        case 1: ops.append("x:\(bound()):\(bound()):\(step())")
        case 2: ops.append("g:\(bound()):\(bound()):\(step())")
        case 3: ops.append("i:\(random.below(30) - 15):\(random.below(50))")
        case 4: ops.append("p:\(random.below(20) - 10)")
        case 5: ops.append("P")
        case 6: ops.append("r:\(random.below(50))")
        case 7: ops.append("e:" + values())
        case 8: ops.append("*:\(random.below(4) - 1)")
        case 9: ops.append("S")
        case 10: ops.append("R")
        case 11: ops.append("a:\(random.below(50))")
        case 12: ops.append("+:" + values())
        default: ops.append("c")
        }
      }
      lines.append(ops.joined(separator: " "))
    }
    let script = ContainerDifferentialTests.prelude + """
      for line in sys.stdin.read().splitlines():
          out = []
          for op in line.split(' '):
              f = op.split(':')
              try:
                  if f[0] == 'n': l = L(f[1])
                  elif f[0] == 's': l[N(f[1]):N(f[2]):N(f[3])] = L(f[4])
                  elif f[0] == 'x': del l[N(f[1]):N(f[2]):N(f[3])]
                  elif f[0] == 'g': out.append(repr(l[N(f[1]):N(f[2]):N(f[3])]))
                  elif f[0] == 'i': l.insert(int(f[1]), int(f[2]))
                  elif f[0] == 'p': out.append(repr(l.pop(int(f[1]))))
                  elif f[0] == 'P': out.append(repr(l.pop()))
                  elif f[0] == 'r': l.remove(int(f[1]))
                  elif f[0] == 'e': l.extend(L(f[1]))
                  elif f[0] == '*': l *= int(f[1])
                  elif f[0] == 'S': l.sort()
                  elif f[0] == 'R': l.reverse()
                  elif f[0] == 'a': l.append(int(f[1]))
                  elif f[0] == '+': l = l + L(f[1])
                  elif f[0] == 'c': l = l.copy()
              except Exception as e:
                  out.append(type(e).__name__ + ': ' + str(e))
              out.append(repr(l) + ' ' + str(l.__sizeof__()))
          print(' | '.join(out))
      """
    let expected = try NumberOracle.run(script: script, lines: lines)
    let runtime = Runtime()
    let py = Py(rt: runtime.ref)
    let rt = runtime.ref
    func n(_ text: Substring) -> PyRef? { text == "_" ? nil : py.int(Int(text)!) }
    func l(_ text: Substring) -> PyRef { py.list(text.split(separator: ",").map { Int($0)! }) }
    for (index, line) in lines.enumerated() {
      var out: [String] = []
      var list = py.list([Int]())
      for op in line.split(separator: " ") {
        let f = op.split(separator: ":", omittingEmptySubsequences: false)
        var failed = false
        func check(_ ok: Bool) { if !ok { failed = true } }
        func record(_ result: PyRef?) { if let result { out.append(py.show(result)) } else { failed = true } }
        func slice() -> PyRef { rt.newSlice(n(f[1]), n(f[2]), n(f[3]))! }
        switch f[0] {
        case "n": list = l(f[1])
        case "s": check(rt.setItem(list, slice(), l(f[4])))
        case "x": check(rt.setItem(list, slice(), nil))
        case "g": record(rt.getItem(list, slice()))
        case "i": check(py.method(list, "insert", [py.int(Int(f[1])!), py.int(Int(f[2])!)]) != nil)
        case "p": record(py.method(list, "pop", [py.int(Int(f[1])!)]))
        case "P": record(py.method(list, "pop"))
        case "r": check(py.method(list, "remove", [py.int(Int(f[1])!)]) != nil)
        case "e": check(py.method(list, "extend", [l(f[1])]) != nil)
        case "*": check(rt.binaryOp(list, py.int(Int(f[1])!), 18) != nil)
        case "S": check(py.method(list, "sort") != nil)
        case "R": check(py.method(list, "reverse") != nil)
        case "a": check(py.method(list, "append", [py.int(Int(f[1])!)]) != nil)
        case "+": if let sum = rt.binaryOp(list, l(f[1]), 0) { list = sum } else { failed = true }
        default: if let copy = py.method(list, "copy") { list = copy } else { failed = true }
        }
        if failed { out.append(py.show(nil)) }
        out.append(py.show(list) + " " + py.show(py.method(list, "__sizeof__")))
      }
      #expect(out.joined(separator: " | ") == expected[index], "case \(index): \(line)")
    }
  }

  @Test func sortsWithNaNsAndRuns() throws {
    var random = NumberRandom(seed: 0x50F7)
    var lines: [String] = []
    for _ in 0..<120 {
      let count = [5, 20, 64, 65, 100, 300, 1000][random.below(7)]
      var values: [String] = []
      let style = random.below(4)
      for index in 0..<count {
        switch style {
        case 0: values.append(random.chance(10) ? "nan" : "\(random.below(40))")
        case 1: values.append(random.chance(3) ? "nan" : "\(index / 7 * (random.chance(50) ? 1 : -1) + random.below(3))")
        case 2: values.append(random.chance(20) ? "\(random.below(1000))" : "\(index % 97)")
        default: values.append("\(random.below(8))")
        }
      }
      lines.append((random.chance(30) ? "r " : "f ") + values.joined(separator: ","))
    }
    let script = """
      import sys
      for line in sys.stdin.read().splitlines():
          kind, data = line.split(' ')
          values = [float(v) for v in data.split(',')]
          values.sort(reverse=(kind == 'r'))
          print(repr(values))
      """
    let expected = try NumberOracle.run(script: script, lines: lines)
    let runtime = Runtime()
    let py = Py(rt: runtime.ref)
    for (index, line) in lines.enumerated() {
      let parts = line.split(separator: " ")
      let list = py.list(parts[1].split(separator: ",").map { py.float(Double(String($0))!) })
      #expect(runtime.ref.listSort(list, key: nil, reverse: parts[0] == "r"))
      #expect(py.show(list) == expected[index], "case \(index)")
    }
  }

  @Test func sortWithKeyIsStable() throws {
    var random = NumberRandom(seed: 0x4E7)
    var lines: [String] = []
    for _ in 0..<60 {
      lines.append((0..<random.below(200)).map { _ in "\(random.below(5)).\(random.below(100))" }.joined(separator: ","))
    }
    let script = """
      import sys
      for line in sys.stdin.read().splitlines():
          values = [tuple(range(int(a))) + (int(b),) for a, b in (v.split('.') for v in line.split(',') if v)]
          values.sort(key=tuple.__len__, reverse=len(values) % 2 == 1)
          print(repr(values))
      """
    let expected = try NumberOracle.run(script: script, lines: lines)
    let runtime = Runtime()
    let py = Py(rt: runtime.ref)
    let rt = runtime.ref
    let key = rt.getAttribute(py.type("tuple"), "__len__")!
    for (index, line) in lines.enumerated() {
      let items = line.split(separator: ",").map { item -> PyRef in
        let parts = item.split(separator: ".").map { Int($0)! }
        return py.tuple(Array(0..<parts[0]) + [parts[1]])
      }
      let list = py.list(items)
      #expect(rt.listSort(list, key: key, reverse: items.count % 2 == 1))
      #expect(py.show(list) == expected[index], "case \(index)")
    }
  }

  @Test func dictOperationsAndSizes() throws {
    var random = NumberRandom(seed: 0xD1C7)
    func key() -> String {
      random.chance(40) ? "x" + String((0..<(1 + random.below(2))).map { _ in "abcdef".randomElement(using: &random)! })
                        : "\(random.below(40) - 5)"
    }
    var lines: [String] = []
    for _ in 0..<250 {
      var ops: [String] = []
      for _ in 0..<random.below(40) {
        switch random.below(12) {
        case 0..<5: ops.append("s:\(key()):\(random.below(9))")
        case 5, 6: ops.append("d:\(key())")
        case 7: ops.append("p")
        case 8: ops.append("c")
        case 9: ops.append("u:\(key()),\(key()),\(key())")
        case 10: ops.append("f")
        default: ops.append(random.chance(10) ? "C" : "D:\(key())")
        }
      }
      lines.append(ops.joined(separator: " "))
    }
    let script = ContainerDifferentialTests.prelude + """
      for line in sys.stdin.read().splitlines():
          out = []
          d = {}
          for op in line.split(' '):
              if not op: continue
              f = op.split(':')
              try:
                  if f[0] == 's': d[K(f[1])] = int(f[2])
                  elif f[0] == 'd': del d[K(f[1])]
                  elif f[0] == 'p': out.append(repr(d.popitem()))
                  elif f[0] == 'c': d = d.copy()
                  elif f[0] == 'u': d.update(dict.fromkeys([K(k) for k in f[1].split(',')], 7))
                  elif f[0] == 'f': d = dict(d)
                  elif f[0] == 'C': d.clear()
                  elif f[0] == 'D': out.append(repr(d.setdefault(K(f[1]), 5)))
              except Exception as e:
                  out.append(type(e).__name__ + ': ' + str(e))
              out.append(repr(d) + ' ' + str(d.__sizeof__()))
          print(' | '.join(out))
      """
    let expected = try NumberOracle.run(script: script, lines: lines)
    let runtime = Runtime(hashSeed: 0)
    let py = Py(rt: runtime.ref)
    let rt = runtime.ref
    func k(_ text: Substring) -> PyRef { text.first == "x" ? py.str(String(text.dropFirst())) : py.int(Int(text)!) }
    for (index, line) in lines.enumerated() {
      var out: [String] = []
      var dict = py.dict([])
      for op in line.split(separator: " ") {
        let f = op.split(separator: ":", omittingEmptySubsequences: false)
        var failed = false
        switch f[0] {
        case "s": failed = !rt.dictSetItem(dict, k(f[1]), py.int(Int(f[2])!))
        case "d": failed = !rt.setItem(dict, k(f[1]), nil)
        case "p": if let item = py.method(dict, "popitem") { out.append(py.show(item)) } else { failed = true }
        case "c": if let copy = py.method(dict, "copy") { dict = copy } else { failed = true }
        case "u":
          let keys = py.list(f[1].split(separator: ",").map(k))
          let fresh = py.method(py.type("dict"), "fromkeys", [keys, py.int(7)])!
          failed = py.method(dict, "update", [fresh]) == nil
        case "f": if let copy = py.make("dict", [dict]) { dict = copy } else { failed = true }
        case "C": failed = py.method(dict, "clear") == nil
        default: if let value = py.method(dict, "setdefault", [k(f[1]), py.int(5)]) { out.append(py.show(value)) } else { failed = true }
        }
        if failed { out.append(py.show(nil)) }
        out.append(py.show(dict) + " " + py.show(py.method(dict, "__sizeof__")))
      }
      #expect(out.joined(separator: " | ") == expected[index], "case \(index): \(line)")
    }
  }
}
