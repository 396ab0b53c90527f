import Testing
@testable import PyRuntime

/// `collections.deque` (the `_collections` module): block boundaries at both ends, the
/// collector's view of its items, mutation checks, sizes. Behaviour against CPython is
/// covered by the programs in Tests/ProgramTests/Programs/modules/collections.
@Suite struct DequeObjectTests {
  /// A runtime with `_collections` made, and a new empty deque.
  static func makeDeque(_ rt: RuntimeRef, maxLength: Int = -1) -> Deque {
    let module = rt.makeCollectionsModule()!
    rt.decref(module)
    return rt.newDeque(maxLength: maxLength)!
  }

  @Test func bothEndsAcrossManyBlocks() {
    let runtime = Runtime()
    let rt = runtime.ref
    let py = Py(rt: rt)
    let deque = Self.makeDeque(rt)
    var model: [Int] = []
    for value in 0..<500 {
      if value % 3 == 0 {
        #expect(deque.appendLeft(py.int(value), rt))
        model.insert(value, at: 0)
      } else {
        #expect(deque.append(py.int(value), rt))
        model.append(value)
      }
    }
    #expect(deque.count == model.count)
    for index in [0, 1, 63, 64, 65, 200, model.count - 1] {
      #expect(IntObject.exactValue(PyRef(deque.slot(index).pointee!)) == model[index])
    }
    #expect(deque.rotate(77, rt))
    let k = 77 % model.count
    model = Array(model[(model.count - k)...] + model[..<(model.count - k)])
    #expect(py.show(rt.dequeToList(deque)) == py.show(py.list(model)))
    while let item = deque.popLeft(rt) {
      #expect(IntObject.exactValue(item) == model.removeFirst())
      rt.decref(item)
    }
    #expect(deque.count == 0 && deque.leftIndex == DequeObject.center + 1 && deque.rightIndex == DequeObject.center)
    rt.decref(deque.object)
  }

  @Test func boundedDequeTrimsTheOtherEnd() {
    let runtime = Runtime()
    let rt = runtime.ref
    let py = Py(rt: rt)
    let deque = Self.makeDeque(rt, maxLength: 3)
    for value in 0..<10 { #expect(deque.append(py.int(value), rt)) }
    #expect(py.show(deque.object) == "deque([7, 8, 9], maxlen=3)")
    #expect(deque.appendLeft(py.int(-1), rt))
    #expect(py.show(deque.object) == "deque([-1, 7, 8], maxlen=3)")
    rt.decref(deque.object)
  }

  @Test func traversalVisitsEveryItemOnce() {
    let runtime = Runtime()
    let rt = runtime.ref
    let py = Py(rt: rt)
    let deque = Self.makeDeque(rt)
    for value in 0..<200 { #expect(deque.append(py.str("item\(value)"), rt)) }
    var visits = 0
    let result = withUnsafeMutablePointer(to: &visits) { counter in
      DequeObject.traverse(deque.object.raw, { _, arg in
        arg!.assumingMemoryBound(to: Int.self).pointee += 1
        return 0
      }, UnsafeMutableRawPointer(counter))
    }
    #expect(result == 0)
    #expect(visits == 200)
    rt.decref(deque.object)
  }

  @Test func aDequeHoldingItselfIsCollected() {
    let runtime = Runtime()
    let rt = runtime.ref
    let deque = Self.makeDeque(rt)
    _ = rt.collect()
    #expect(deque.append(deque.object, rt))
    #expect(deque.append(rt.newList()!, rt))
    rt.decref(deque.object)
    #expect(rt.collect() >= 1)
  }

  @Test func iteratorsRaiseAfterAMutation() {
    let runtime = Runtime()
    let rt = runtime.ref
    let py = Py(rt: rt)
    let deque = Self.makeDeque(rt)
    for value in 0..<3 { #expect(deque.append(py.int(value), rt)) }
    let iterator = rt.iter(deque.object)!
    let first = rt.next(iterator)
    #expect(first.flatMap(IntObject.exactValue) == 0)
    #expect(deque.append(py.int(3), rt))
    #expect(py.show(rt.next(iterator)) == "RuntimeError: deque mutated during iteration")
    rt.decref(iterator)
    rt.decref(deque.object)
  }

  @Test func sizeFollowsTheBlocksInUse() {
    let runtime = Runtime()
    let rt = runtime.ref
    let py = Py(rt: rt)
    let deque = Self.makeDeque(rt)
    #expect(py.show(rt.callMethod(deque.object, "__sizeof__")) == "744")
    for value in 0..<100 { #expect(deque.append(py.int(value), rt)) }
    #expect(py.show(rt.callMethod(deque.object, "__sizeof__")) == "1800")
    // extend() into an empty deque starts at the block's left end: one block fewer.
    let filled = rt.newDeque(maxLength: -1)!
    #expect(rt.dequeExtend(filled, rt.dequeToList(deque)!))
    #expect(py.show(rt.callMethod(filled.object, "__sizeof__")) == "1272")
    rt.decref(filled.object)
    rt.decref(deque.object)
  }
}
