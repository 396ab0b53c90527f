/// The iterators of str and bytes: `iter('abc')` is a `str_ascii_iterator` (a `str_iterator`
/// for other strings) yielding one-character strings, from the Latin-1 cache when it can;
/// `iter(b'ab')` is a `bytes_iterator` yielding ints.
///
/// ```
///   -16 GC header | 0 refcount | 8 type | 16 index | 24 sequence (nil once exhausted)
/// ```
/// The sequence is dropped as soon as the iterator is exhausted, as CPython does.
/// CPython: Objects/unicodeobject.c (`unicodeiter_next`, `unicode_ascii_iter_next`),
/// Objects/bytesobject.c (`striter_next`).
enum TextIterator {
  static let indexOffset = 16
  static let sequenceOffset = 24
  static let basicSize = 32

  static func makeType(_ rt: RuntimeRef, name: String, next: @escaping Slot.IterNext) -> PyType {
    let type = rt.makeType(name: name, basicSize: basicSize, flags: [.haveGC], dealloc: dealloc, traverse: traverse,
                           clear: clear)
    type.record.pointee.iter = { raw, _ in
      PyRef(raw).incref()
      return raw
    }
    type.record.pointee.iterNext = next
    rt.readyBuiltinType(type, base: nil, kind: .iterator)
    rt.addSlotWrappers(type)
    rt.addMethods(type, [MethodDefinition("__length_hint__", lengthHint)])
    return type
  }

  static func index(_ iterator: PyRef) -> Int { iterator.raw.load(fromByteOffset: indexOffset, as: Int.self) }
  static func setIndex(_ iterator: PyRef, _ value: Int) {
    iterator.raw.storeBytes(of: value, toByteOffset: indexOffset, as: Int.self)
  }

  static let dealloc: Slot.Dealloc = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let iterator = PyRef(raw)
    rt.untrack(iterator)
    rt.decref(iterator.loadRef(at: sequenceOffset))
    rt.freeObject(iterator)
  }

  static let traverse: Slot.Traverse = { raw, visit, arg in
    guard let sequence = PyRef(raw).loadRef(at: sequenceOffset) else { return 0 }
    return visit(sequence.raw, arg)
  }

  static let clear: Slot.Clear = { raw, runtime in
    RuntimeRef(raw: runtime).replaceRef(in: PyRef(raw), at: sequenceOffset, with: nil)
  }

  /// `str_iterator.__next__`.
  static let strNext: Slot.IterNext = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let iterator = PyRef(raw)
    guard let str = iterator.loadRef(at: sequenceOffset) else { return nil }
    let position = index(iterator)
    if position < StrObject.length(str) {
      setIndex(iterator, position + 1)
      return rt.newCharacter(StrObject.codePoint(str, position))?.raw
    }
    rt.replaceRef(in: iterator, at: sequenceOffset, with: nil)
    return nil
  }

  /// `bytes_iterator.__next__`.
  static let bytesNext: Slot.IterNext = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let iterator = PyRef(raw)
    guard let bytes = iterator.loadRef(at: sequenceOffset) else { return nil }
    let position = index(iterator)
    if position < BytesObject.count(bytes) {
      setIndex(iterator, position + 1)
      return rt.newInt(Int(BytesObject.data(bytes)[position]))?.raw
    }
    rt.replaceRef(in: iterator, at: sequenceOffset, with: nil)
    return nil
  }

  /// `__length_hint__`: the items left.
  static let lengthHint: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard args.none("__length_hint__") else { return nil }
    guard let sequence = args.this.loadRef(at: sequenceOffset) else { return args.rt.newInt(0)?.raw }
    let length = sequence.type.record.pointee.kind == .str ? StrObject.length(sequence) : BytesObject.count(sequence)
    return args.rt.newInt(max(length - index(args.this), 0))?.raw
  }
}

extension RuntimeRef {
  /// `iter(sequence)` for a str or bytes object, with the iterator type `name`.
  func newTextIterator(_ sequence: PyRef, typeName: String) -> PyRef? {
    guard let type = state.pointee.types.byName[typeName], let iterator = allocateObject(type) else { return nil }
    sequence.incref()
    iterator.storeRef(sequence, at: TextIterator.sequenceOffset)
    TextIterator.setIndex(iterator, 0)
    track(iterator)
    return iterator
  }
}
