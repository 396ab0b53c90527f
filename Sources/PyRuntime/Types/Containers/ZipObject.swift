/// `zip(*iterables, strict=False)`: tuples of the next item of each iterator. With
/// `strict=True`, iterables of different lengths raise ValueError ("zip() argument 2 is
/// shorter than argument 1").
///
/// ```
///   -16 GC header | 0 refcount | 8 type | 16 iterators (tuple) | 24 (result, unused)
///   | 32 count | 40 strict
/// ```
/// `sys.getsizeof(zip())` is 64, as in CPython.
/// CPython: Python/bltinmodule.c, `zipobject`, `zip_new()`, `zip_next()`.
enum ZipObject {
  static let iteratorsOffset = 16
  static let resultOffset = 24
  static let countOffset = 32
  static let strictOffset = 40
  static let basicSize = 48

  static func makeType(_ rt: RuntimeRef) {
    rt.makeIteratorType("zip", basicSize: basicSize, dealloc: dealloc, traverse: traverse, clear: clear, next: next,
                        new: new)
  }

  static let dealloc: Slot.Dealloc = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let zip = PyRef(raw)
    rt.untrack(zip)
    IteratorSupport.release(zip, fields: 2, rt)
    rt.freeObject(zip)
  }

  static let traverse: Slot.Traverse = { raw, visit, arg in IteratorSupport.visit(PyRef(raw), fields: 2, visit, arg) }

  static let clear: Slot.Clear = { raw, runtime in
    IteratorSupport.release(PyRef(raw), fields: 2, RuntimeRef(raw: runtime))
  }

  static let new: Slot.VectorCall = { typeRaw, argv, count, names, runtime in
    let rt = RuntimeRef(raw: runtime)
    let args = Arguments(rt, argv, count, PyRef(names))
    var strict = false
    if args.keywordCount > 1 {
      rt.raise("TypeError", "zip() takes at most 1 keyword argument (\(args.keywordCount) given)")
      return nil
    }
    if args.keywordCount == 1 {
      let (name, value) = args.keyword(0)
      guard StrObject.string(name) == "strict" else {
        rt.raise("TypeError", "'\(StrObject.string(name))' is an invalid keyword argument for zip()")
        return nil
      }
      let truth = rt.isTrue(value)
      if truth < 0 { return nil }
      strict = truth == 1
    }
    guard let iterators = rt.allocateTuple(count) else { return nil }
    for index in 0..<count {
      guard let iterator = rt.iter(args[index]) else {
        _ = rt.finishTuple(iterators)
        rt.decref(iterators)
        return nil
      }
      TupleObject.items(iterators)[index] = iterator.raw
    }
    _ = rt.finishTuple(iterators)
    guard let zip = rt.allocateIterator(PyType(typeRaw)) else { rt.decref(iterators); return nil }
    zip.storeRef(iterators, at: iteratorsOffset)
    zip.storeRef(nil, at: resultOffset)
    IteratorSupport.setWord(zip, countOffset, count)
    IteratorSupport.setWord(zip, strictOffset, strict ? 1 : 0)
    return rt.finishIterator(zip).raw
  }

  static func pluralArguments(_ index: Int) -> String { index == 1 ? " 1" : "s 1-\(index)" }

  static let next: Slot.IterNext = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let zip = PyRef(raw)
    let count = IteratorSupport.word(zip, countOffset)
    guard count > 0, let iterators = zip.loadRef(at: iteratorsOffset) else { return nil }
    guard let result = rt.allocateTuple(count) else { return nil }
    let items = TupleObject.items(result)
    for index in 0..<count {
      let iterator = PyRef(TupleObject.items(iterators)[index].unsafelyUnwrapped)
      guard let item = rt.next(iterator) else {
        _ = rt.finishTuple(result)
        rt.decref(result)
        guard IteratorSupport.word(zip, strictOffset) != 0, !rt.hasError else { return nil }
        return strictCheck(iterators, count: count, exhausted: index, rt)
      }
      items[index] = item.raw
    }
    return rt.finishTuple(result).raw
  }

  /// `strict=True`: argument `exhausted` ran out first; the earlier ones must not have,
  /// nor may any later one have items left.
  static func strictCheck(_ iterators: PyRef, count: Int, exhausted: Int, _ rt: RuntimeRef) -> UnsafeMutableRawPointer? {
    if exhausted > 0 {
      rt.raise("ValueError", "zip() argument \(exhausted + 1) is shorter than argument\(pluralArguments(exhausted))")
      return nil
    }
    for index in 1..<max(count, 1) {
      let iterator = PyRef(TupleObject.items(iterators)[index].unsafelyUnwrapped)
      if let item = rt.next(iterator) {
        rt.decref(item)
        rt.raise("ValueError", "zip() argument \(index + 1) is longer than argument\(pluralArguments(index))")
        return nil
      }
      if rt.hasError { return nil }
    }
    return nil
  }
}
