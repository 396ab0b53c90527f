/// `map(function, *iterables)`: the function applied to one item of each iterable, until
/// the shortest runs out.
///
/// ```
///   -16 GC header | 0 refcount | 8 type | 16 iterators (tuple) | 24 function
/// ```
/// `sys.getsizeof(map(len, []))` is 48, as in CPython.
/// CPython: Python/bltinmodule.c, `mapobject`.
enum MapObject {
  static let iteratorsOffset = 16
  static let functionOffset = 24
  static let basicSize = 32

  static func makeType(_ rt: RuntimeRef) {
    rt.makeIteratorType("map", basicSize: basicSize, dealloc: dealloc, traverse: traverse, clear: clear, next: next,
                        new: new)
  }

  static let dealloc: Slot.Dealloc = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let map = PyRef(raw)
    rt.untrack(map)
    IteratorSupport.release(map, fields: 2, rt)
    rt.freeObject(map)
  }

  static let traverse: Slot.Traverse = { raw, visit, arg in IteratorSupport.visit(PyRef(raw), fields: 2, visit, arg) }

  static let clear: Slot.Clear = { raw, runtime in
    IteratorSupport.release(PyRef(raw), fields: 2, RuntimeRef(raw: runtime))
  }

  static let new: Slot.VectorCall = { typeRaw, argv, count, names, runtime in
    let args = Arguments(runtime, argv, count, names)
    let rt = args.rt
    guard args.noKeywords("map") else { return nil }
    guard count >= 2 else {
      rt.raise("TypeError", "map() must have at least two arguments.")
      return nil
    }
    guard let iterators = rt.allocateTuple(count - 1) else { return nil }
    for index in 1..<count {
      guard let iterator = rt.iter(args[index]) else {
        _ = rt.finishTuple(iterators)
        rt.decref(iterators)
        return nil
      }
      TupleObject.items(iterators)[index - 1] = iterator.raw
    }
    _ = rt.finishTuple(iterators)
    guard let map = rt.allocateIterator(PyType(typeRaw)) else { rt.decref(iterators); return nil }
    map.storeRef(iterators, at: iteratorsOffset)
    IteratorSupport.store(map, args[0], at: functionOffset)
    return rt.finishIterator(map).raw
  }

  /// One item from each iterator (stopping at the shortest), passed to the function.
  static let next: Slot.IterNext = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let map = PyRef(raw)
    guard let iterators = map.loadRef(at: iteratorsOffset), let function = map.loadRef(at: functionOffset) else { return nil }
    let count = iterators.size
    return withUnsafeTemporaryAllocation(of: UnsafeMutableRawPointer?.self, capacity: max(count, 1)) { buffer in
      var taken = 0
      defer { for index in 0..<taken { rt.decref(PyRef(buffer[index].unsafelyUnwrapped)) } }
      for index in 0..<count {
        guard let item = rt.next(PyRef(TupleObject.items(iterators)[index].unsafelyUnwrapped)) else { return nil }
        buffer[index] = item.raw
        taken += 1
      }
      return rt.call(function, UnsafePointer(buffer.baseAddress!), count: count)?.raw
    }
  }
}
