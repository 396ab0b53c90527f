/// The iterator of objects that have `__getitem__` but no `__iter__` (type name
/// `iterator`): `sequence[0]`, `sequence[1]`, … until IndexError or StopIteration; and
/// `iter(callable, sentinel)` (`callable_iterator`): `callable()` until it returns a value
/// equal to the sentinel (or raises StopIteration).
///
/// ```
///   iterator:          -16 GC header | 0 refcount | 8 type | 16 sequence or nil | 24 index
///   callable_iterator: -16 GC header | 0 refcount | 8 type | 16 callable | 24 sentinel
/// ```
/// CPython: Objects/iterobject.c, `seqiterobject`, `calliterobject`.
enum SequenceIterator {
  static let sequenceOffset = 16
  static let indexOffset = 24
  static let basicSize = 32

  static func makeTypes(_ rt: RuntimeRef) {
    rt.makeIteratorType("iterator", basicSize: basicSize, dealloc: ListIterator.dealloc, traverse: ListIterator.traverse,
                        clear: ListIterator.clear, next: next, methods: [MethodDefinition("__length_hint__", lengthHint)])
    rt.makeIteratorType("callable_iterator", basicSize: basicSize, dealloc: MapObject.dealloc,
                        traverse: MapObject.traverse, clear: MapObject.clear, next: nextCall)
  }

  static let next: Slot.IterNext = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let iterator = PyRef(raw)
    guard let sequence = iterator.loadRef(at: sequenceOffset) else { return nil }
    let index = IteratorSupport.word(iterator, indexOffset)
    guard let position = rt.newInt(index) else { return nil }
    let item = rt.getItem(sequence, position)
    rt.decref(position)
    if let item {
      IteratorSupport.setWord(iterator, indexOffset, index + 1)
      return item.raw
    }
    if rt.exceptionMatches("IndexError") || rt.exceptionMatches("StopIteration") {
      rt.clearError()
      rt.replaceRef(in: iterator, at: sequenceOffset, with: nil)
    }
    return nil
  }

  /// `__length_hint__`: `len(sequence) - index` when the sequence has a length.
  static let lengthHint: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = Arguments(runtime, argv, count, names)
    guard args.takesNoArguments("__length_hint__") else { return nil }
    let rt = args.rt, iterator = args[0]
    guard let sequence = iterator.loadRef(at: sequenceOffset) else { return rt.newInt(0)?.raw }
    guard sequence.type.record.pointee.length != nil else { return rt.newNotImplemented().raw }
    let size = rt.length(sequence)
    if size < 0 { return nil }
    return rt.newInt(max(size - IteratorSupport.word(iterator, indexOffset), 0))?.raw
  }

  static let nextCall: Slot.IterNext = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let iterator = PyRef(raw)
    guard let callable = iterator.loadRef(at: sequenceOffset), let sentinel = iterator.loadRef(at: indexOffset) else {
      return nil
    }
    guard let result = rt.call(callable, []) else {
      if rt.exceptionMatches("StopIteration") {
        rt.clearError()
        IteratorSupport.release(iterator, fields: 2, rt)
      }
      return nil
    }
    let same = rt.richCompareBool(sentinel, result, .equal)
    if same == 0 { return result.raw }
    if same > 0 { IteratorSupport.release(iterator, fields: 2, rt) }
    rt.decref(result)
    return nil
  }
}

extension RuntimeRef {
  /// An iterator over `sequence[0]`, `sequence[1]`, … until `IndexError` (`PySeqIter_New`).
  public func newSequenceIterator(_ sequence: PyRef) -> PyRef? {
    guard let iterator = allocateObject(state.pointee.containers.types.sequenceIterator) else { return nil }
    IteratorSupport.store(iterator, sequence, at: SequenceIterator.sequenceOffset)
    IteratorSupport.setWord(iterator, SequenceIterator.indexOffset, 0)
    track(iterator)
    return iterator
  }

  /// `iter(callable, sentinel)` (`PyCallIter_New`): arguments borrowed.
  public func newCallableIterator(_ callable: PyRef, _ sentinel: PyRef) -> PyRef? {
    guard let iterator = allocateObject(state.pointee.containers.types.callableIterator) else { return nil }
    IteratorSupport.store(iterator, callable, at: SequenceIterator.sequenceOffset)
    IteratorSupport.store(iterator, sentinel, at: SequenceIterator.indexOffset)
    track(iterator)
    return iterator
  }
}
