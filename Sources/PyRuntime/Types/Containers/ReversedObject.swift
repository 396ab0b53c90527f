/// `reversed(sequence)`: calls `sequence.__reversed__()` when the type has it (None there
/// means "not reversible"), else walks `sequence[len-1]` … `sequence[0]`.
///
/// ```
///   -16 GC header | 0 refcount | 8 type | 16 sequence or nil | 24 index
/// ```
/// CPython: Objects/enumobject.c, `reversedobject`, `reversed_new_impl()`.
enum ReversedObject {
  static let sequenceOffset = 16
  static let indexOffset = 24
  static let basicSize = 32

  static func makeType(_ rt: RuntimeRef) {
    rt.makeIteratorType("reversed", basicSize: basicSize, dealloc: ListIterator.dealloc,
                        traverse: ListIterator.traverse, clear: ListIterator.clear, next: next, new: new,
                        methods: [MethodDefinition("__length_hint__", lengthHint)])
  }

  static let new: Slot.VectorCall = { typeRaw, argv, count, names, runtime in
    let args = Arguments(runtime, argv, count, names)
    let rt = args.rt
    guard args.noKeywords("reversed"), Arguments.checkPositional(rt, "reversed", count, 1, 1) else { return nil }
    return rt.reversed(args[0], type: PyType(typeRaw))?.raw
  }

  static let next: Slot.IterNext = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let reversed = PyRef(raw)
    let index = IteratorSupport.word(reversed, indexOffset)
    if index >= 0, let sequence = reversed.loadRef(at: sequenceOffset) {
      guard let position = rt.newInt(index) else { return nil }
      let item = rt.getItem(sequence, position)
      rt.decref(position)
      if let item {
        IteratorSupport.setWord(reversed, indexOffset, index - 1)
        return item.raw
      }
      guard rt.exceptionMatches("IndexError") || rt.exceptionMatches("StopIteration") else { return nil }
      rt.clearError()
    }
    IteratorSupport.setWord(reversed, indexOffset, -1)
    rt.replaceRef(in: reversed, at: sequenceOffset, with: nil)
    return nil
  }

  static let lengthHint: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = Arguments(runtime, argv, count, names)
    guard args.takesNoArguments("__length_hint__") else { return nil }
    let rt = args.rt, reversed = args[0]
    guard let sequence = reversed.loadRef(at: sequenceOffset) else { return rt.newInt(0)?.raw }
    let size = rt.length(sequence)
    if size < 0 { return nil }
    let position = IteratorSupport.word(reversed, indexOffset) + 1
    return rt.newInt(size < position ? 0 : position)?.raw
  }
}

extension RuntimeRef {
  /// `reversed(sequence)` (of `type`, `reversed` or a subclass).
  public func reversed(_ sequence: PyRef, type: PyType? = nil) -> PyRef? {
    if let method = lookup(sequence.type, "__reversed__") {
      if method == state.pointee.none {
        raise("TypeError", "'\(sequence.type.name)' object is not reversible")
        return nil
      }
      return callMethodLike(method, boundTo: sequence, [])
    }
    if hasError { return nil }
    guard sequence.type.record.pointee.getItem != nil, sequence.type.record.pointee.kind != .dict else {
      raise("TypeError", "'\(sequence.type.name)' object is not reversible")
      return nil
    }
    let count = length(sequence)
    if count < 0 { return nil }
    guard let reversed = allocateIterator(type ?? state.pointee.containers.types.reversed) else { return nil }
    IteratorSupport.store(reversed, sequence, at: ReversedObject.sequenceOffset)
    IteratorSupport.setWord(reversed, ReversedObject.indexOffset, count - 1)
    return finishIterator(reversed)
  }
}
