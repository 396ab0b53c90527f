/// `_collections._deque_iterator` and `_deque_reverse_iterator`: a cursor into the deque's
/// blocks, the deque's `state` when iteration began, and the items left.
///
/// ```
///   -16 GC header | 0 refcount | 8 type | 16 block | 24 index | 32 deque | 40 state | 48 counter
/// ```
/// The cursor points into the deque's memory, so every step first checks that the deque
/// was not mutated (which could have freed that block): "deque mutated during iteration",
/// after which the iterator stays exhausted. The deque is kept after exhaustion, as in
/// CPython, so a later mutation still raises.
/// CPython: Modules/_collectionsmodule.c, `dequeiterobject`.
enum DequeIterator {
  static let blockOffset = 16
  static let indexOffset = 24
  static let dequeOffset = 32
  static let stateOffset = 40
  static let counterOffset = 48
  static let basicSize = 56

  static func makeTypes(_ rt: RuntimeRef) {
    let lengthHint = MethodDefinition("__length_hint__", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesNoArguments("__length_hint__") else { return nil }
      return args.rt.newInt(IteratorSupport.word(args[0], DequeIterator.counterOffset))?.raw
    })
    rt.makeIteratorType("_collections._deque_iterator", basicSize: basicSize, dealloc: dealloc, traverse: traverse,
                        clear: clear, next: nextForward, methods: [lengthHint])
    rt.makeIteratorType("_collections._deque_reverse_iterator", basicSize: basicSize, dealloc: dealloc,
                        traverse: traverse, clear: clear, next: nextReversed, methods: [lengthHint])
  }

  static let dealloc: Slot.Dealloc = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let iterator = PyRef(raw)
    rt.untrack(iterator)
    IteratorSupport.release(iterator, from: dequeOffset, fields: 1, rt)
    rt.freeObject(iterator)
  }

  static let traverse: Slot.Traverse = { raw, visit, arg in
    IteratorSupport.visit(PyRef(raw), from: dequeOffset, fields: 1, visit, arg)
  }

  static let clear: Slot.Clear = { raw, runtime in
    let iterator = PyRef(raw)
    IteratorSupport.setWord(iterator, counterOffset, 0)
    IteratorSupport.release(iterator, from: dequeOffset, fields: 1, RuntimeRef(raw: runtime))
  }

  /// A new iterator over `deque`, from the left end (or the right end when `reversed`).
  static func new(_ deque: Deque, reversed: Bool, _ rt: RuntimeRef) -> PyRef? {
    let name = reversed ? "_collections._deque_reverse_iterator" : "_collections._deque_iterator"
    guard let iterator = rt.allocateObject(rt.state.pointee.types.byName[name]!) else { return nil }
    let block = reversed ? deque.rightBlock : deque.leftBlock
    iterator.raw.storeBytes(of: block.raw, toByteOffset: blockOffset, as: UnsafeMutableRawPointer.self)
    IteratorSupport.setWord(iterator, indexOffset, reversed ? deque.rightIndex : deque.leftIndex)
    IteratorSupport.store(iterator, deque.object, at: dequeOffset)
    IteratorSupport.setWord(iterator, stateOffset, deque.state)
    IteratorSupport.setWord(iterator, counterOffset, deque.count)
    rt.track(iterator)
    return iterator
  }

  static func block(_ iterator: PyRef) -> DequeBlock {
    DequeBlock(raw: iterator.raw.load(fromByteOffset: blockOffset, as: UnsafeMutableRawPointer.self))
  }

  /// The deque, when it is unchanged and items are left; raises after a mutation.
  @inline(__always)
  static func checkedDeque(_ iterator: PyRef, _ rt: RuntimeRef) -> Deque? {
    guard let object = iterator.loadRef(at: dequeOffset) else { return nil }
    let deque = Deque(object)
    guard deque.state == IteratorSupport.word(iterator, stateOffset) else {
      IteratorSupport.setWord(iterator, counterOffset, 0)
      rt.raise("RuntimeError", "deque mutated during iteration")
      return nil
    }
    guard IteratorSupport.word(iterator, counterOffset) > 0 else { return nil }
    return deque
  }

  static let nextForward: Slot.IterNext = { raw, runtime in
    let iterator = PyRef(raw)
    guard checkedDeque(iterator, RuntimeRef(raw: runtime)) != nil else { return nil }
    let block = block(iterator)
    var index = IteratorSupport.word(iterator, indexOffset)
    let item = block.data[index].unsafelyUnwrapped
    let counter = IteratorSupport.word(iterator, counterOffset) - 1
    IteratorSupport.setWord(iterator, counterOffset, counter)
    index += 1
    if index == DequeObject.blockLength && counter > 0 {
      iterator.raw.storeBytes(of: block.rightLink.unsafelyUnwrapped.raw, toByteOffset: blockOffset,
                              as: UnsafeMutableRawPointer.self)
      index = 0
    }
    IteratorSupport.setWord(iterator, indexOffset, index)
    PyRef(item).incref()
    return item
  }

  static let nextReversed: Slot.IterNext = { raw, runtime in
    let iterator = PyRef(raw)
    guard checkedDeque(iterator, RuntimeRef(raw: runtime)) != nil else { return nil }
    let block = block(iterator)
    var index = IteratorSupport.word(iterator, indexOffset)
    let item = block.data[index].unsafelyUnwrapped
    let counter = IteratorSupport.word(iterator, counterOffset) - 1
    IteratorSupport.setWord(iterator, counterOffset, counter)
    index -= 1
    if index < 0 && counter > 0 {
      iterator.raw.storeBytes(of: block.leftLink.unsafelyUnwrapped.raw, toByteOffset: blockOffset,
                              as: UnsafeMutableRawPointer.self)
      index = DequeObject.blockLength - 1
    }
    IteratorSupport.setWord(iterator, indexOffset, index)
    PyRef(item).incref()
    return item
  }
}
