import Testing
@testable import PyRuntime

/// `slice`: construction, repr, comparison, `indices`, unhashability, and the index
/// arithmetic the sequences use (`adjustedSliceIndices`).
@Suite struct SliceObjectTests {
  @Test func basics() {
    let runtime = Runtime()
    let py = Py(rt: runtime.ref)
    let rt = runtime.ref
    let slice = py.make("slice", [py.int(1), py.int(2)])!
    #expect(py.show(slice) == "slice(1, 2, None)")
    #expect(py.show(py.make("slice", [py.int(5)])) == "slice(None, 5, None)")
    #expect(py.show(py.method(py.make("slice", [py.none, py.int(5), py.int(-1)])!, "indices", [py.int(10)])) == "(9, 5, -1)")
    #expect(py.show(py.method(slice, "indices", [py.int(-1)])) == "ValueError: length should not be negative")
    #expect(py.show(rt.richCompare(slice, py.make("slice", [py.int(1), py.int(3)])!, .lessThan)) == "True")
    #expect(py.show(rt.richCompare(slice, py.make("slice", [py.int(1), py.int(2)])!, .equal)) == "True")
    #expect(rt.hash(slice) == -1)
    #expect(py.show(nil) == "TypeError: unhashable type: 'slice'")
    #expect(py.show(py.make("slice", [])) == "TypeError: slice expected at least 1 argument, got 0")
    #expect(py.show(rt.getAttribute(slice, "stop")) == "2")
    #expect(rt.isTracked(slice))
  }

  @Test func adjustedIndices() {
    let runtime = Runtime()
    let py = Py(rt: runtime.ref)
    let rt = runtime.ref
    func indices(_ start: PyRef?, _ stop: PyRef?, _ step: PyRef?, _ length: Int) -> String {
      guard let result = rt.adjustedSliceIndices(rt.newSlice(start, stop, step)!, length: length) else { return py.show(nil) }
      return "\(result.start) \(result.stop) \(result.step) \(result.count)"
    }
    #expect(indices(nil, nil, nil, 5) == "0 5 1 5")
    #expect(indices(nil, nil, py.int(-1), 5) == "4 -1 -1 5")
    #expect(indices(py.int(-100), py.int(100), py.int(3), 10) == "0 10 3 4")
    #expect(indices(py.int(8), py.int(2), nil, 10) == "8 2 1 0")
    #expect(indices(py.int(1) , rt.binaryOp(py.int(1 << 62), py.int(1 << 62), 5)!, nil, 10) == "1 10 1 9")
    #expect(indices(py.str("a"), nil, nil, 3) == "TypeError: slice indices must be integers or None or have an __index__ method")
    #expect(indices(nil, nil, py.int(0), 3) == "ValueError: slice step cannot be zero")
  }
}
