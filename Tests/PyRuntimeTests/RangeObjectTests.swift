import Testing
@testable import PyRuntime

/// `range`: construction, length, items, slices, membership, equality, hash, repr.
@Suite struct RangeObjectTests {
  @Test func basics() {
    let runtime = Runtime()
    let py = Py(rt: runtime.ref)
    let rt = runtime.ref
    func range(_ values: Int...) -> PyRef { py.make("range", values.map(py.int))! }
    #expect(py.show(range(5)) == "range(0, 5)")
    #expect(py.show(range(0, 10, 2)) == "range(0, 10, 2)")
    #expect(py.items(range(10, 0, -3)) == "[10, 7, 4, 1]")
    #expect(py.show(rt.getItem(range(10), rt.newSlice(nil, nil, py.int(-1))!)) == "range(9, -1, -1)")
    #expect(py.show(rt.getItem(range(0, 10, 2), rt.newSlice(nil, nil, py.int(-1))!)) == "range(8, -2, -2)")
    #expect(py.show(rt.getItem(range(10), rt.newSlice(py.int(2), py.int(8), py.int(3))!)) == "range(2, 8, 3)")
    #expect(py.show(rt.getItem(range(-5, 5), py.int(-3))) == "2")
    #expect(py.show(rt.getItem(range(3), py.int(5))) == "IndexError: range object index out of range")
    #expect(py.show(rt.getItem(range(3), py.str("a"))) == "TypeError: range indices must be integers or slices, not str")
    #expect(py.items(py.make("reversed", [range(1, 10, 4)])!) == "[9, 5, 1]")
    #expect(rt.contains(range(0, 10, 3), py.int(9)) == 1)
    #expect(rt.contains(range(0, 10, 3), py.int(8)) == 0)
    #expect(rt.contains(range(0, 10, 3), py.float(9)) == 1)
    #expect(py.show(py.method(range(10), "index", [py.int(3)])) == "3")
    #expect(py.show(py.method(range(3), "index", [py.int(7)])) == "ValueError: 7 is not in range")
    #expect(py.show(py.method(range(0, 10, 3), "count", [py.int(6)])) == "1")
    #expect(py.show(rt.richCompare(range(5), range(0, 5, 1), .equal)) == "True")
    #expect(py.show(rt.richCompare(range(0), range(3, 1), .equal)) == "True")
    #expect(py.show(rt.richCompare(range(0), range(3, 1), .lessThan)) == "TypeError: '<' not supported between instances of 'range' and 'range'")
    // hash(range(5)), hash(range(0, 10, 2)) in CPython 3.11 (ranges of 0 or 1 items hash
    // None, whose hash is its address in 3.11); equal ranges hash alike.
    #expect(rt.hash(range(5)) == 5795932985296280846)
    #expect(rt.hash(range(0, 10, 2)) == -6143170332311272345)
    #expect(rt.hash(range(0)) == rt.hash(range(5, 2)))
    #expect(rt.hash(range(3, 4)) == rt.hash(range(3, 2, -7)))
    #expect(py.show(rt.getAttribute(range(1, 7, 2), "stop")) == "7")
    #expect(IntObject.value(py.method(range(5), "__sizeof__")!) == 48)
  }

  @Test func errors() {
    let runtime = Runtime()
    let py = Py(rt: runtime.ref)
    #expect(py.show(py.make("range", [py.int(1), py.int(2), py.int(0)])) == "ValueError: range() arg 3 must not be zero")
    #expect(py.show(py.make("range", [py.float(1.5)])) == "TypeError: 'float' object cannot be interpreted as an integer")
    #expect(py.show(py.make("range", [])) == "TypeError: range expected at least 1 argument, got 0")
    #expect(py.show(py.make("range", [py.int(1)], [("x", py.int(1))])) == "TypeError: range() takes no keyword arguments")
    let huge = py.make("range", [py.int(Int.min), py.int(Int.max)])!
    #expect(runtime.ref.length(huge) == -1)
    #expect(py.show(nil) == "OverflowError: Python int too large to convert to C ssize_t")
  }
}
