/// `set_iterator`: the set (dropped once exhausted), its size at the start, the next table
/// position and the keys left. A set that changed size raises RuntimeError "Set changed
/// size during iteration".
/// CPython: Objects/setobject.c, `setiterobject`.
enum SetIterator {
  static let setOffset = 16
  static let usedOffset = 24
  static let positionOffset = 32
  static let lengthOffset = 40
  static let basicSize = 48

  static func makeType(_ rt: RuntimeRef) {
    rt.makeIteratorType("set_iterator", basicSize: basicSize, dealloc: dealloc, traverse: traverse, clear: clear,
                        next: next, methods: [MethodDefinition("__length_hint__", lengthHint)])
  }

  static let dealloc: Slot.Dealloc = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let iterator = PyRef(raw)
    rt.untrack(iterator)
    IteratorSupport.release(iterator, fields: 1, rt)
    rt.freeObject(iterator)
  }

  static let traverse: Slot.Traverse = { raw, visit, arg in IteratorSupport.visit(PyRef(raw), fields: 1, visit, arg) }

  static let clear: Slot.Clear = { raw, runtime in
    IteratorSupport.release(PyRef(raw), fields: 1, RuntimeRef(raw: runtime))
  }

  static func new(_ set: PyRef, _ rt: RuntimeRef) -> PyRef? {
    guard let iterator = rt.allocateObject(rt.state.pointee.containers.types.setIterator) else { return nil }
    IteratorSupport.store(iterator, set, at: setOffset)
    IteratorSupport.setWord(iterator, usedOffset, SetObject.count(set))
    IteratorSupport.setWord(iterator, positionOffset, 0)
    IteratorSupport.setWord(iterator, lengthOffset, SetObject.count(set))
    rt.track(iterator)
    return iterator
  }

  static let next: Slot.IterNext = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let iterator = PyRef(raw)
    guard let set = iterator.loadRef(at: setOffset) else { return nil }
    guard IteratorSupport.word(iterator, usedOffset) == SetObject.count(set) else {
      rt.raise("RuntimeError", "Set changed size during iteration")
      IteratorSupport.setWord(iterator, usedOffset, -1)
      return nil
    }
    var position = IteratorSupport.word(iterator, positionOffset)
    guard let (key, _) = SetObject.next(set, &position) else {
      IteratorSupport.setWord(iterator, positionOffset, SetObject.mask(set) + 2)
      rt.replaceRef(in: iterator, at: setOffset, with: nil)
      return nil
    }
    IteratorSupport.setWord(iterator, positionOffset, position)
    IteratorSupport.setWord(iterator, lengthOffset, IteratorSupport.word(iterator, lengthOffset) - 1)
    key.incref()
    return key.raw
  }

  static let lengthHint: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = Arguments(runtime, argv, count, names)
    guard args.takesNoArguments("__length_hint__") else { return nil }
    let iterator = args[0]
    var length = 0
    if let set = iterator.loadRef(at: setOffset), IteratorSupport.word(iterator, usedOffset) == SetObject.count(set) {
      length = IteratorSupport.word(iterator, lengthOffset)
    }
    return args.rt.newInt(length)?.raw
  }
}
