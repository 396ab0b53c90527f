/// The iterators over a dict's keys, values and items, forwards and reversed
/// (`dict_keyiterator`, …, `dict_reverseitemiterator`). Each remembers the dict's size when
/// it started: a dict that changed size raises RuntimeError "dictionary changed size during
/// iteration" (and stays failed); one whose keys were replaced by as many others raises
/// "dictionary keys changed during iteration".
///
/// ```
///   -16 GC header | 0 refcount | 8 type | 16 dict or nil | 24 used at start | 32 position
///   | 40 (result, unused) | 48 items left
/// ```
/// `sys.getsizeof(iter({}))` is 72, as in CPython.
/// CPython: Objects/dictobject.c, `dictiterobject`.
enum DictIterator {
  enum Kind: Int { case keys, values, items }

  static let dictOffset = 16
  static let usedOffset = 24
  static let positionOffset = 32
  static let resultOffset = 40
  static let lengthOffset = 48
  static let basicSize = 56

  static let names: [(Kind, Bool, String)] = [
    (.keys, false, "dict_keyiterator"), (.values, false, "dict_valueiterator"), (.items, false, "dict_itemiterator"),
    (.keys, true, "dict_reversekeyiterator"), (.values, true, "dict_reversevalueiterator"),
    (.items, true, "dict_reverseitemiterator"),
  ]

  static func typeName(_ kind: Kind, reversed: Bool) -> String {
    names.first { $0.0 == kind && $0.1 == reversed }!.2
  }

  static func makeTypes(_ rt: RuntimeRef) {
    let nexts: [Slot.IterNext] = [nextKey, nextValue, nextItem, nextKeyReversed, nextValueReversed, nextItemReversed]
    for (index, (_, _, name)) in names.enumerated() {
      rt.makeIteratorType(name, basicSize: basicSize, dealloc: dealloc, traverse: traverse, clear: clear,
                          next: nexts[index], methods: [MethodDefinition("__length_hint__", lengthHint)])
    }
  }

  static let dealloc: Slot.Dealloc = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let iterator = PyRef(raw)
    rt.untrack(iterator)
    IteratorSupport.release(iterator, from: dictOffset, fields: 1, rt)
    IteratorSupport.release(iterator, from: resultOffset, fields: 1, rt)
    rt.freeObject(iterator)
  }

  static let traverse: Slot.Traverse = { raw, visit, arg in
    let result = IteratorSupport.visit(PyRef(raw), from: dictOffset, fields: 1, visit, arg)
    if result != 0 { return result }
    return IteratorSupport.visit(PyRef(raw), from: resultOffset, fields: 1, visit, arg)
  }

  static let clear: Slot.Clear = { raw, runtime in
    IteratorSupport.release(PyRef(raw), from: dictOffset, fields: 1, RuntimeRef(raw: runtime))
  }

  /// A new iterator over `dict`.
  static func new(_ dict: PyRef, _ kind: Kind, reversed: Bool, _ rt: RuntimeRef) -> PyRef? {
    guard let iterator = rt.allocateObject(rt.state.pointee.containers.types.dictIterators[kind.rawValue + (reversed ? 3 : 0)]) else {
      return nil
    }
    IteratorSupport.store(iterator, dict, at: dictOffset)
    let used = DictObject.count(dict)
    IteratorSupport.setWord(iterator, usedOffset, used)
    let start = reversed ? (DictObject.table(dict)?.entryCount ?? 0) - 1 : 0
    IteratorSupport.setWord(iterator, positionOffset, start)
    iterator.storeRef(nil, at: resultOffset)
    IteratorSupport.setWord(iterator, lengthOffset, used)
    rt.track(iterator)
    return iterator
  }

  /// The next live entry, or nil (exhausted, or an error set).
  static func advance(_ iterator: PyRef, reversed: Bool, _ rt: RuntimeRef) -> (key: PyRef, value: PyRef)? {
    guard let dict = iterator.loadRef(at: dictOffset) else { return nil }
    guard IteratorSupport.word(iterator, usedOffset) == DictObject.count(dict) else {
      rt.raise("RuntimeError", "dictionary changed size during iteration")
      IteratorSupport.setWord(iterator, usedOffset, -1)
      return nil
    }
    var index = IteratorSupport.word(iterator, positionOffset)
    let table = DictObject.table(dict)
    let entryCount = table?.entryCount ?? 0
    if reversed {
      index = min(index, entryCount - 1)
      while index >= 0 && table.unsafelyUnwrapped.value(index) == nil { index -= 1 }
      guard index >= 0, let table else { return exhaust(iterator, rt) }
      IteratorSupport.setWord(iterator, positionOffset, index - 1)
      IteratorSupport.setWord(iterator, lengthOffset, IteratorSupport.word(iterator, lengthOffset) - 1)
      return (table.key(index)!, table.value(index)!)
    }
    while index < entryCount && table.unsafelyUnwrapped.value(index) == nil { index += 1 }
    guard index < entryCount, let table else { return exhaust(iterator, rt) }
    guard IteratorSupport.word(iterator, lengthOffset) > 0 else {
      rt.raise("RuntimeError", "dictionary keys changed during iteration")
      return exhaust(iterator, rt)
    }
    IteratorSupport.setWord(iterator, positionOffset, index + 1)
    IteratorSupport.setWord(iterator, lengthOffset, IteratorSupport.word(iterator, lengthOffset) - 1)
    return (table.key(index)!, table.value(index)!)
  }

  static func exhaust(_ iterator: PyRef, _ rt: RuntimeRef) -> (key: PyRef, value: PyRef)? {
    rt.replaceRef(in: iterator, at: dictOffset, with: nil)
    return nil
  }

  static func key(_ raw: UnsafeMutableRawPointer, _ runtime: RawRuntime, reversed: Bool) -> UnsafeMutableRawPointer? {
    guard let (key, _) = advance(PyRef(raw), reversed: reversed, RuntimeRef(raw: runtime)) else { return nil }
    key.incref()
    return key.raw
  }

  static func value(_ raw: UnsafeMutableRawPointer, _ runtime: RawRuntime, reversed: Bool) -> UnsafeMutableRawPointer? {
    guard let (_, value) = advance(PyRef(raw), reversed: reversed, RuntimeRef(raw: runtime)) else { return nil }
    value.incref()
    return value.raw
  }

  static func item(_ raw: UnsafeMutableRawPointer, _ runtime: RawRuntime, reversed: Bool) -> UnsafeMutableRawPointer? {
    let rt = RuntimeRef(raw: runtime)
    guard let (key, value) = advance(PyRef(raw), reversed: reversed, rt) else { return nil }
    return rt.newPair(key, value)?.raw
  }

  static let nextKey: Slot.IterNext = { raw, runtime in key(raw, runtime, reversed: false) }
  static let nextValue: Slot.IterNext = { raw, runtime in value(raw, runtime, reversed: false) }
  static let nextItem: Slot.IterNext = { raw, runtime in item(raw, runtime, reversed: false) }
  static let nextKeyReversed: Slot.IterNext = { raw, runtime in key(raw, runtime, reversed: true) }
  static let nextValueReversed: Slot.IterNext = { raw, runtime in value(raw, runtime, reversed: true) }
  static let nextItemReversed: Slot.IterNext = { raw, runtime in item(raw, runtime, reversed: true) }

  /// `__length_hint__`: the items left while the dict keeps its size, else 0.
  static let lengthHint: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = Arguments(runtime, argv, count, names)
    guard args.takesNoArguments("__length_hint__") else { return nil }
    let iterator = args[0]
    var length = 0
    if let dict = iterator.loadRef(at: dictOffset), IteratorSupport.word(iterator, usedOffset) == DictObject.count(dict) {
      length = IteratorSupport.word(iterator, lengthOffset)
    }
    return args.rt.newInt(length)?.raw
  }
}
