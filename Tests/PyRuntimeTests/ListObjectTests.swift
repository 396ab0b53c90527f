import Testing
@testable import PyRuntime

/// `list`: repr, comparisons, subscripts, slice assignment, methods, sort, sizes — the
/// expected values are what python3 prints.
@Suite struct ListObjectTests {
  @Test func reprAndRecursion() {
    let runtime = Runtime()
    let py = Py(rt: runtime.ref)
    let list = py.list([1, 2, 3])
    #expect(py.show(list) == "[1, 2, 3]")
    #expect(py.show(py.list([Int]())) == "[]")
    runtime.ref.listAppend(list, list)
    #expect(py.show(list) == "[1, 2, 3, [...]]")
    #expect(py.show(py.list([py.str("a"), py.tuple([1])])) == "['a', (1,)]")
  }

  @Test func subscriptsAndSlices() {
    let runtime = Runtime()
    let py = Py(rt: runtime.ref)
    let rt = runtime.ref
    let list = py.list(Array(0..<10))
    #expect(py.show(rt.getItem(list, py.int(-1))) == "9")
    #expect(py.show(rt.getItem(list, py.int(10))) == "IndexError: list index out of range")
    #expect(py.show(rt.getItem(list, py.str("a"))) == "TypeError: list indices must be integers or slices, not str")
    #expect(py.show(rt.getItem(list, rt.newSlice(py.int(2), py.int(8), py.int(3))!)) == "[2, 5]")
    #expect(py.show(rt.getItem(list, rt.newSlice(nil, nil, py.int(-1))!)) == "[9, 8, 7, 6, 5, 4, 3, 2, 1, 0]")
    #expect(py.show(rt.getItem(list, rt.newSlice(nil, nil, py.int(0))!)) == "ValueError: slice step cannot be zero")
    #expect(rt.setItem(list, rt.newSlice(py.int(1), py.int(3), nil)!, py.list([7, 7, 7, 7])))
    #expect(py.show(list) == "[0, 7, 7, 7, 7, 3, 4, 5, 6, 7, 8, 9]")
    #expect(rt.setItem(list, rt.newSlice(nil, nil, py.int(2))!, nil))
    #expect(py.show(list) == "[7, 7, 3, 5, 7, 9]")
    #expect(!rt.setItem(list, rt.newSlice(nil, nil, py.int(2))!, py.list([1])))
    #expect(py.show(nil) == "ValueError: attempt to assign sequence of size 1 to extended slice of size 3")
    #expect(rt.setItem(list, rt.newSlice(nil, nil, py.int(-2))!, py.list([1, 2, 3])))
    #expect(py.show(list) == "[7, 3, 3, 2, 7, 1]")
    #expect(!rt.setItem(list, rt.newSlice(nil, py.int(1), nil)!, py.int(5)))
    #expect(py.show(nil) == "TypeError: can only assign an iterable")
    #expect(rt.setItem(list, rt.newSlice(nil, nil, nil)!, list))
    #expect(py.show(list) == "[7, 3, 3, 2, 7, 1]")
    #expect(!rt.setItem(list, py.int(6), py.int(0)))
    #expect(py.show(nil) == "IndexError: list assignment index out of range")
  }

  @Test func operators() {
    let runtime = Runtime()
    let py = Py(rt: runtime.ref)
    let rt = runtime.ref
    let a = py.list([1, 2]), b = py.list([3])
    #expect(py.show(rt.binaryOp(a, b, 0)) == "[1, 2, 3]")
    #expect(py.show(rt.binaryOp(a, py.tuple([3]), 0)) == "TypeError: can only concatenate list (not \"tuple\") to list")
    #expect(py.show(rt.binaryOp(a, py.int(3), 5)) == "[1, 2, 1, 2, 1, 2]")
    #expect(py.show(rt.binaryOp(py.int(2), a, 5)) == "[1, 2, 1, 2]")
    #expect(py.show(rt.binaryOp(a, py.float(2), 5)) == "TypeError: can't multiply sequence by non-int of type 'float'")
    #expect(py.show(rt.binaryOp(a, py.tuple([9]), 13)) == "[1, 2, 9]")
    #expect(py.show(a) == "[1, 2, 9]")
    #expect(py.show(rt.binaryOp(a, py.int(1), 13)) == "TypeError: 'int' object is not iterable")
    #expect(py.show(rt.richCompare(py.list([1, 2]), py.list([1, 3]), .lessThan)) == "True")
    #expect(py.show(rt.richCompare(py.list([1, 2]), py.list([1]), .greaterThan)) == "True")
    #expect(py.show(rt.richCompare(py.list([1, 2]), py.list([1, 2]), .equal)) == "True")
    #expect(py.show(rt.richCompare(py.list([1]), py.tuple([1]), .equal)) == "False")
  }

  @Test func methods() {
    let runtime = Runtime()
    let py = Py(rt: runtime.ref)
    let list = py.list([3, 1, 2])
    #expect(py.show(py.method(list, "append", [py.int(4)])) == "None")
    #expect(py.show(py.method(list, "insert", [py.int(-100), py.int(0)])) == "None")
    #expect(py.show(list) == "[0, 3, 1, 2, 4]")
    #expect(py.show(py.method(list, "pop")) == "4")
    #expect(py.show(py.method(list, "pop", [py.int(0)])) == "0")
    #expect(py.show(py.method(list, "pop", [py.int(10)])) == "IndexError: pop index out of range")
    #expect(py.show(py.method(py.list([Int]()), "pop")) == "IndexError: pop from empty list")
    #expect(py.show(py.method(list, "index", [py.int(2)])) == "2")
    #expect(py.show(py.method(list, "index", [py.int(7)])) == "ValueError: 7 is not in list")
    #expect(py.show(py.method(list, "index", [py.int(3), py.int(1)])) == "ValueError: 3 is not in list")
    #expect(py.show(py.method(list, "remove", [py.int(7)])) == "ValueError: list.remove(x): x not in list")
    #expect(py.show(py.method(list, "count", [py.int(1)])) == "1")
    #expect(py.show(py.method(list, "append")) == "TypeError: list.append() takes exactly one argument (0 given)")
    #expect(py.show(py.method(list, "clear", [py.int(1)])) == "TypeError: list.clear() takes no arguments (1 given)")
    #expect(py.show(py.method(list, "pop", [py.int(1), py.int(2)])) == "TypeError: pop expected at most 1 argument, got 2")
    #expect(py.show(py.method(list, "sort", [py.int(1)])) == "TypeError: sort() takes no positional arguments")
    #expect(py.show(py.method(list, "sort", [], [("reverse", py.bool(true))])) == "None")
    #expect(py.show(list) == "[3, 2, 1]")
    #expect(py.show(py.method(list, "reverse")) == "None")
    #expect(py.show(list) == "[1, 2, 3]")
    #expect(py.show(py.method(list, "copy")) == "[1, 2, 3]")
    #expect(py.show(py.make("list", [py.tuple([1, 2])])) == "[1, 2]")
    #expect(py.show(py.make("list", [py.int(1), py.int(2)])) == "TypeError: list expected at most 1 argument, got 2")
    #expect(py.show(py.make("list", [], [("x", py.int(1))])) == "TypeError: list() takes no keyword arguments")
  }

  @Test func sortIsStableWithKeys() {
    let runtime = Runtime()
    let py = Py(rt: runtime.ref)
    let rt = runtime.ref
    let pairs = (0..<200).map { py.tuple([($0 * 7919) % 13, $0]) }
    let list = py.list(pairs)
    let key = rt.getAttribute(py.type("tuple"), "__getitem__")!
    _ = key
    #expect(rt.listSort(list, key: nil, reverse: false))
    var previous: (Int, Int) = (-1, -1)
    for index in 0..<ListObject.count(list) {
      let item = ListObject.item(list, index)
      let pair = (IntObject.value(TupleObject.item(item, 0)!), IntObject.value(TupleObject.item(item, 1)!))
      #expect(pair.0 > previous.0 || (pair.0 == previous.0 && pair.1 > previous.1))
      previous = pair
    }
  }

  @Test func sizesFollowCPython() throws {
    let runtime = Runtime()
    let py = Py(rt: runtime.ref)
    let rt = runtime.ref
    func size(_ list: PyRef) -> Int { IntObject.value(py.method(list, "__sizeof__")!) + 16 }
    let list = py.list([Int]())
    var sizes: [Int] = []
    for value in 0..<20 {
      rt.listAppend(list, py.int(value))
      sizes.append(size(list))
    }
    #expect(sizes == [88, 88, 88, 88, 120, 120, 120, 120, 184, 184, 184, 184, 184, 184, 184, 184, 248, 248, 248, 248])
    #expect(size(py.make("list", [py.tuple([1, 2, 3])])!) == 88)
    #expect(size(py.make("list", [py.make("range", [py.int(5)])!])!) == 104)
    #expect(size(rt.getItem(py.list([1, 2, 3, 4, 5]), rt.newSlice(nil, nil, py.int(2))!)!) == 80)
    #expect(size(rt.binaryOp(py.list([1, 2, 3]), py.int(2), 5)!) == 104)
    let popped = py.make("list", [py.make("range", [py.int(10)])!])!
    for _ in 0..<8 { _ = py.method(popped, "pop") }
    #expect(size(popped) == 120)
  }

  @Test func listModifiedDuringSortAndKeyErrors() {
    let runtime = Runtime()
    let py = Py(rt: runtime.ref)
    let list = py.list([3, 1, 2])
    // A key function that fails leaves the list as it was.
    #expect(py.show(py.method(list, "sort", [], [("key", py.int(1))])) == "TypeError: 'int' object is not callable")
    #expect(py.show(list) == "[3, 1, 2]")
    let mixed = py.list([py.int(1), py.str("a"), py.int(0)])
    #expect(py.show(py.method(mixed, "sort")) == "TypeError: '<' not supported between instances of 'str' and 'int'")
    #expect(ListObject.count(mixed) == 3)
  }
}
