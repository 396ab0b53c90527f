/// `filter(function or None, iterable)`: the items for which the function is true.
///
/// ```
///   -16 GC header | 0 refcount | 8 type | 16 function | 24 iterator
/// ```
/// `sys.getsizeof(filter(None, []))` is 48, as in CPython.
/// CPython: Python/bltinmodule.c, `filterobject`.
enum FilterObject {
  static let functionOffset = 16
  static let iteratorOffset = 24
  static let basicSize = 32

  static func makeType(_ rt: RuntimeRef) {
    rt.makeIteratorType("filter", basicSize: basicSize, dealloc: MapObject.dealloc, traverse: MapObject.traverse,
                        clear: MapObject.clear, next: next, new: new)
  }

  static let new: Slot.VectorCall = { typeRaw, argv, count, names, runtime in
    let args = Arguments(runtime, argv, count, names)
    let rt = args.rt
    let type = PyType(typeRaw)
    if type == rt.state.pointee.types.byName["filter"] { guard args.noKeywords("filter") else { return nil } }
    guard Arguments.checkPositional(rt, "filter", count, 2, 2) else { return nil }
    guard let iterator = rt.iter(args[1]) else { return nil }
    guard let filter = rt.allocateIterator(type) else { rt.decref(iterator); return nil }
    IteratorSupport.store(filter, args[0], at: functionOffset)
    filter.storeRef(iterator, at: iteratorOffset)
    return rt.finishIterator(filter).raw
  }

  /// The next item for which the function (truth itself for None or `bool`) is true.
  static let next: Slot.IterNext = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let filter = PyRef(raw)
    guard let function = filter.loadRef(at: functionOffset), let iterator = filter.loadRef(at: iteratorOffset) else {
      return nil
    }
    let checkTruth = function == rt.state.pointee.none || function == rt.state.pointee.types.bool.object
    while let item = rt.next(iterator) {
      let truth: Int32
      if checkTruth {
        truth = rt.isTrue(item)
      } else {
        guard let verdict = rt.callOne(function, item) else { rt.decref(item); return nil }
        truth = rt.isTrue(verdict)
        rt.decref(verdict)
      }
      if truth > 0 { return item.raw }
      rt.decref(item)
      if truth < 0 { return nil }
    }
    return nil
  }
}

