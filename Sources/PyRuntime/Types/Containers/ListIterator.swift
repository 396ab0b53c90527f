/// `list_iterator`, `list_reverseiterator` and `tuple_iterator`: the sequence (dropped once
/// exhausted) and the next index.
///
/// ```
///   -16 GC header | 0 refcount | 8 type | 16 sequence or nil | 24 index
/// ```
/// `sys.getsizeof(iter([]))` is 48, as in CPython.
/// CPython: Objects/listobject.c (`listiterobject`, `listreviterobject`),
/// Objects/tupleobject.c (`tupleiterobject`).
enum ListIterator {
  static let sequenceOffset = 16
  static let indexOffset = 24
  static let basicSize = 32

  static func makeTypes(_ rt: RuntimeRef) {
    rt.makeIteratorType("list_iterator", basicSize: basicSize, dealloc: dealloc, traverse: traverse, clear: clear,
                        next: nextForward, methods: [lengthHint(forward: true)])
    rt.makeIteratorType("list_reverseiterator", basicSize: basicSize, dealloc: dealloc, traverse: traverse,
                        clear: clear, next: nextReversed, methods: [lengthHint(forward: false)])
    rt.makeIteratorType("tuple_iterator", basicSize: basicSize, dealloc: dealloc, traverse: traverse, clear: clear,
                        next: nextTuple, methods: [lengthHint(forward: true)])
  }

  static let dealloc: Slot.Dealloc = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let iterator = PyRef(raw)
    rt.untrack(iterator)
    IteratorSupport.release(iterator, fields: 1, rt)
    rt.freeObject(iterator)
  }

  static let traverse: Slot.Traverse = { raw, visit, arg in
    IteratorSupport.visit(PyRef(raw), fields: 1, visit, arg)
  }

  static let clear: Slot.Clear = { raw, runtime in
    IteratorSupport.release(PyRef(raw), fields: 1, RuntimeRef(raw: runtime))
  }

  static func make(_ type: PyType, _ sequence: PyRef, index: Int, _ rt: RuntimeRef) -> PyRef? {
    guard let iterator = rt.allocateObject(type) else { return nil }
    IteratorSupport.store(iterator, sequence, at: sequenceOffset)
    IteratorSupport.setWord(iterator, indexOffset, index)
    rt.track(iterator)
    return iterator
  }

  static func newForward(_ list: PyRef, _ rt: RuntimeRef) -> PyRef? { make(rt.state.pointee.containers.types.listIterator, list, index: 0, rt) }
  static func newReversed(_ list: PyRef, _ rt: RuntimeRef) -> PyRef? {
    make(rt.state.pointee.containers.types.listReverseIterator, list, index: list.size - 1, rt)
  }
  static func newTuple(_ tuple: PyRef, _ rt: RuntimeRef) -> PyRef? { make(rt.state.pointee.containers.types.tupleIterator, tuple, index: 0, rt) }

  /// Drops the sequence: the iterator is exhausted for good.
  static func exhaust(_ iterator: PyRef, _ rt: RuntimeRef) -> UnsafeMutableRawPointer? {
    rt.replaceRef(in: iterator, at: sequenceOffset, with: nil)
    return nil
  }

  static let nextForward: Slot.IterNext = { raw, runtime in
    let iterator = PyRef(raw)
    guard let list = iterator.loadRef(at: sequenceOffset) else { return nil }
    let index = IteratorSupport.word(iterator, indexOffset)
    guard index < list.size else { return exhaust(iterator, RuntimeRef(raw: runtime)) }
    IteratorSupport.setWord(iterator, indexOffset, index + 1)
    let item = ListObject.storage(list)[index].unsafelyUnwrapped
    PyRef(item).incref()
    return item
  }

  static let nextReversed: Slot.IterNext = { raw, runtime in
    let iterator = PyRef(raw)
    guard let list = iterator.loadRef(at: sequenceOffset) else { return nil }
    let index = IteratorSupport.word(iterator, indexOffset)
    guard index >= 0 && index < list.size else {
      IteratorSupport.setWord(iterator, indexOffset, -1)
      return exhaust(iterator, RuntimeRef(raw: runtime))
    }
    IteratorSupport.setWord(iterator, indexOffset, index - 1)
    let item = ListObject.storage(list)[index].unsafelyUnwrapped
    PyRef(item).incref()
    return item
  }

  static let nextTuple: Slot.IterNext = { raw, runtime in
    let iterator = PyRef(raw)
    guard let tuple = iterator.loadRef(at: sequenceOffset) else { return nil }
    let index = IteratorSupport.word(iterator, indexOffset)
    guard index < tuple.size else { return exhaust(iterator, RuntimeRef(raw: runtime)) }
    IteratorSupport.setWord(iterator, indexOffset, index + 1)
    let item = TupleObject.items(tuple)[index].unsafelyUnwrapped
    PyRef(item).incref()
    return item
  }

  /// `__length_hint__`: the items left.
  static func lengthHint(forward: Bool) -> MethodDefinition {
    MethodDefinition("__length_hint__", forward ? forwardLengthHint : reversedLengthHint)
  }

  static let forwardLengthHint: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = Arguments(runtime, argv, count, names)
    guard args.takesNoArguments("__length_hint__") else { return nil }
    let iterator = args[0]
    guard let sequence = iterator.loadRef(at: sequenceOffset) else { return args.rt.newInt(0)?.raw }
    return args.rt.newInt(max(sequence.size - IteratorSupport.word(iterator, indexOffset), 0))?.raw
  }

  static let reversedLengthHint: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = Arguments(runtime, argv, count, names)
    guard args.takesNoArguments("__length_hint__") else { return nil }
    let iterator = args[0]
    var length = IteratorSupport.word(iterator, indexOffset) + 1
    if let sequence = iterator.loadRef(at: sequenceOffset) {
      if sequence.size < length { length = 0 }
    } else {
      length = 0
    }
    return args.rt.newInt(length)?.raw
  }
}
