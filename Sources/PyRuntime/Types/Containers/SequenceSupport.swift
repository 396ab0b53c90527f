import PyCompiler

/// What list and tuple share: direct access to the items of either (`PySequence_Fast`),
/// the lexicographic comparison, and the repeat count of `*`.
/// CPython: Objects/abstract.c (`PySequence_Fast`), Objects/listobject.c and
/// Objects/tupleobject.c (`list_richcompare`, `tuplerichcompare`).
extension RuntimeRef {
  /// `PySequence_Fast`: `object` itself when it is an exact list or tuple, else a new list
  /// of its items. A new reference; TypeError `message` when it is not iterable.
  func sequenceFast(_ object: PyRef, _ message: String) -> PyRef? {
    if object.type == state.pointee.types.list || object.type == state.pointee.types.tuple {
      object.incref()
      return object
    }
    guard let iterator = iter(object) else {
      if exceptionMatches("TypeError") { raise("TypeError", message) }
      return nil
    }
    defer { decref(iterator) }
    guard let list = newList() else { return nil }
    guard listExtend(list, iterator) else {
      decref(list)
      return nil
    }
    return list
  }

  /// Copies `count` item pointers, taking a new reference to each.
  @inline(__always)
  static func copyItems(_ source: UnsafeMutablePointer<UnsafeMutableRawPointer?>,
                        to target: UnsafeMutablePointer<UnsafeMutableRawPointer?>, count: Int) {
    for index in 0..<count {
      let item = source[index]
      PyRef(item.unsafelyUnwrapped).incref()
      target[index] = item
    }
  }

  /// A new 2-tuple of `a` and `b` (new references taken): `(key, value)`, `(index, item)`,
  /// without going through an array.
  @inline(__always)
  func newPair(_ a: PyRef, _ b: PyRef) -> PyRef? {
    guard let pair = allocateExactTuple(2) else { return nil }
    a.incref()
    b.incref()
    TupleObject.items(pair)[0] = a.raw
    TupleObject.items(pair)[1] = b.raw
    track(pair)
    return pair
  }

  /// `callable(argument)` without building an argument array.
  @inline(__always)
  func callOne(_ callable: PyRef, _ argument: PyRef) -> PyRef? {
    var slot: UnsafeMutableRawPointer? = argument.raw
    return withUnsafePointer(to: &slot) { call(callable, $0, count: 1) }
  }

  /// The items and count of a list or tuple (from ``sequenceFast(_:_:)``), borrowed.
  @inline(__always)
  func fastItems(_ sequence: PyRef) -> (items: UnsafeMutablePointer<UnsafeMutableRawPointer?>?, count: Int) {
    if sequence.type.record.pointee.kind == .tuple { return (TupleObject.items(sequence), sequence.size) }
    return (ListObject.items(sequence), sequence.size)
  }

  /// Lexicographic comparison of two item arrays that may change under the comparisons
  /// (`items` is re-read each step). `sizeShortcut`: lists answer `==`/`!=` from the sizes
  /// alone when they differ; tuples compare items first.
  @inline(__always)
  func compareSequences(_ a: PyRef, _ b: PyRef, _ op: ComparisonOperator, sizeShortcut: Bool,
                        _ items: (PyRef) -> UnsafeMutablePointer<UnsafeMutableRawPointer?>?) -> PyRef? {
    if sizeShortcut, a.size != b.size, op == .equal || op == .notEqual {
      return newBool(op == .notEqual)
    }
    // Nested containers compare recursively (CPython guards `PyObject_RichCompare`).
    guard enterRecursiveCall(" in comparison") else { return nil }
    defer { leaveRecursiveCall() }
    var index = 0
    while index < a.size && index < b.size {
      let x = PyRef(items(a).unsafelyUnwrapped[index].unsafelyUnwrapped)
      let y = PyRef(items(b).unsafelyUnwrapped[index].unsafelyUnwrapped)
      if x == y {
        // Identity implies equality (`PyObject_RichCompareBool`), NaN included.
      } else if let same = fastCompare(x, y, .equal) {
        // Ints, floats, strs: no Python code runs, so no references need holding.
        if !same { break }
      } else {
        x.incref()
        y.incref()
        let same = richCompareBool(x, y, .equal)
        decref(x)
        decref(y)
        if same < 0 { return nil }
        if same == 0 { break }
      }
      index += 1
    }
    if index >= a.size || index >= b.size {
      let order = a.size < b.size ? -1 : (a.size == b.size ? 0 : 1)
      return newBool(op.holds(order))
    }
    if op == .equal { return newBool(false) }
    if op == .notEqual { return newBool(true) }
    let x = PyRef(items(a).unsafelyUnwrapped[index].unsafelyUnwrapped)
    let y = PyRef(items(b).unsafelyUnwrapped[index].unsafelyUnwrapped)
    if let truth = fastCompare(x, y, op) { return newBool(truth) }
    x.incref()
    y.incref()
    defer { decref(x); decref(y) }
    return richCompare(x, y, op)
  }

  /// The operands of `seq * n` or `n * seq` for a sequence of `kind`: the sequence and the
  /// count, or nil when this is not a repeat the sequence handles (NotImplemented). An error
  /// from `__index__` or an overflowing count sets an exception and returns `.failure`.
  func repeatOperands(_ a: PyRef, _ b: PyRef, isSequence: (PyRef) -> Bool) -> RepeatOperands {
    let sequence: PyRef, count: PyRef
    if isSequence(a) {
      sequence = a
      count = b
    } else if isSequence(b) {
      sequence = b
      count = a
    } else {
      return .notImplemented
    }
    guard supportsIndex(count) else { return .notImplemented }
    guard let n = indexInteger(count, overflow: "OverflowError") else { return .failure }
    return .repeat(sequence, max(n, 0))
  }
}

enum RepeatOperands {
  case notImplemented
  case failure
  case `repeat`(PyRef, Int)
}
