import Testing
@testable import PyRuntime

/// `tuple`: repr, CPython's hash, comparisons, subscripts, operators, construction, methods.
@Suite struct TupleObjectTests {
  @Test func reprAndHash() {
    let runtime = Runtime()
    let py = Py(rt: runtime.ref)
    let rt = runtime.ref
    #expect(py.show(py.tuple([1])) == "(1,)")
    #expect(py.show(py.tuple([Int]())) == "()")
    #expect(py.show(py.tuple([1, 2])) == "(1, 2)")
    // hash(()), hash((1,)), hash((1, 2)), hash((1, (2, 3))) in CPython 3.11.
    #expect(rt.hash(py.tuple([Int]())) == 5740354900026072187)
    #expect(rt.hash(py.tuple([1])) == -6644214454873602895)
    #expect(rt.hash(py.tuple([1, 2])) == -3550055125485641917)
    #expect(rt.hash(py.tuple([py.int(1), py.tuple([2, 3])])) == 7267574591690527098)
    #expect(rt.hash(py.tuple([py.list([1])])) == -1)
    #expect(py.show(nil) == "TypeError: unhashable type: 'list'")
  }

  @Test func subscriptsAndOperators() {
    let runtime = Runtime()
    let py = Py(rt: runtime.ref)
    let rt = runtime.ref
    let tuple = py.tuple([0, 1, 2, 3, 4])
    #expect(py.show(rt.getItem(tuple, py.int(-2))) == "3")
    #expect(py.show(rt.getItem(tuple, py.int(5))) == "IndexError: tuple index out of range")
    #expect(py.show(rt.getItem(tuple, rt.newSlice(nil, nil, py.int(-2))!)) == "(4, 2, 0)")
    #expect(rt.getItem(tuple, rt.newSlice(nil, nil, nil)!) == tuple)
    #expect(py.show(rt.getItem(tuple, py.float(1))) == "TypeError: tuple indices must be integers or slices, not float")
    #expect(py.show(rt.binaryOp(tuple, py.tuple([5]), 0)) == "(0, 1, 2, 3, 4, 5)")
    #expect(py.show(rt.binaryOp(tuple, py.list([5]), 0)) == "TypeError: can only concatenate tuple (not \"list\") to tuple")
    #expect(py.show(rt.binaryOp(py.tuple([1]), py.int(3), 5)) == "(1, 1, 1)")
    #expect(rt.binaryOp(tuple, py.int(1), 5) == tuple)
    #expect(py.show(rt.richCompare(py.tuple([1, 2]), py.tuple([1, 2, 0]), .lessThan)) == "True")
    #expect(rt.contains(tuple, py.int(3)) == 1)
  }

  @Test func constructionAndMethods() {
    let runtime = Runtime()
    let py = Py(rt: runtime.ref)
    let tuple = py.tuple([1, 2, 1])
    #expect(py.make("tuple", [tuple]) == tuple)
    #expect(py.show(py.make("tuple", [py.list([1, 2])])) == "(1, 2)")
    #expect(py.show(py.make("tuple", [py.int(1)])) == "TypeError: 'int' object is not iterable")
    #expect(py.show(py.make("tuple", [], [("x", py.int(1))])) == "TypeError: tuple() takes no keyword arguments")
    #expect(py.show(py.method(tuple, "count", [py.int(1)])) == "2")
    #expect(py.show(py.method(tuple, "index", [py.int(1), py.int(1)])) == "2")
    #expect(py.show(py.method(tuple, "index", [py.int(5)])) == "ValueError: tuple.index(x): x not in tuple")
    #expect(py.show(py.method(tuple, "count")) == "TypeError: tuple.count() takes exactly one argument (0 given)")
    #expect(py.show(py.make("list", [tuple])) == "[1, 2, 1]")
  }

  /// Tuple hashes of random nested tuples of small ints against python3.
  @Test(.enabled(if: ContainerOracle.isAvailable, ContainerOracle.unavailable))
  func hashesMatchCPython() throws {
    var random = NumberRandom(seed: 0x7E)
    let runtime = Runtime()
    let py = Py(rt: runtime.ref)
    var expressions: [String] = [], objects: [PyRef] = []
    func make(_ depth: Int) -> (String, PyRef) {
      let count = random.below(4)
      var texts: [String] = [], items: [PyRef] = []
      for _ in 0..<count {
        if depth < 2 && random.chance(30) {
          let (text, item) = make(depth + 1)
          texts.append(text)
          items.append(item)
        } else {
          let value = random.below(2000) - 1000
          texts.append("\(value)")
          items.append(py.int(value))
        }
      }
      return ("(" + texts.joined(separator: ", ") + (count == 1 ? ",)" : ")"), py.tuple(items))
    }
    for _ in 0..<200 {
      let (text, object) = make(0)
      expressions.append("hash(\(text))")
      objects.append(object)
    }
    let expected = try Py.oracle(expressions)
    for (index, object) in objects.enumerated() {
      #expect("\(runtime.ref.hash(object))" == expected[index], "\(expressions[index])")
    }
  }
}
