/// `enumerate(iterable, start=0)`: pairs `(index, item)`. The index is a machine integer
/// until it reaches `Int.max`, then an int object (`en_longindex`).
///
/// ```
///   -16 GC header | 0 refcount | 8 type | 16 iterator | 24 long index or nil | 32 index
///   | 40, 48 (unused: CPython's result tuple and cached 1, kept for its size)
/// ```
/// `sys.getsizeof(enumerate([]))` is 72, as in CPython.
/// CPython: Objects/enumobject.c, `enumobject`, `enum_vectorcall()`.
enum EnumerateObject {
  static let iteratorOffset = 16
  static let longIndexOffset = 24
  static let indexOffset = 32
  static let basicSize = 56

  static func makeType(_ rt: RuntimeRef) {
    rt.makeIteratorType("enumerate", basicSize: basicSize, dealloc: dealloc, traverse: traverse, clear: clear,
                        next: next, new: new)
  }

  static let dealloc: Slot.Dealloc = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let enumerate = PyRef(raw)
    rt.untrack(enumerate)
    IteratorSupport.release(enumerate, fields: 2, rt)
    rt.freeObject(enumerate)
  }

  static let traverse: Slot.Traverse = { raw, visit, arg in IteratorSupport.visit(PyRef(raw), fields: 2, visit, arg) }

  static let clear: Slot.Clear = { raw, runtime in
    IteratorSupport.release(PyRef(raw), fields: 2, RuntimeRef(raw: runtime))
  }

  /// `enumerate(iterable, start=0)`, with 3.11's hand-written argument handling.
  static let new: Slot.VectorCall = { typeRaw, argv, count, names, runtime in
    let rt = RuntimeRef(raw: runtime)
    let args = Arguments(rt, argv, count, PyRef(names))
    let keywords = args.keywordCount
    func keyword(_ index: Int, is name: String) -> Bool {
      let text = StrObject.string(args.keyword(index).name)
      guard text == name else {
        rt.raise("TypeError", "'\(text)' is an invalid keyword argument for enumerate()")
        return false
      }
      return true
    }
    var iterable: PyRef, start: PyRef?
    switch count + keywords {
    case 2:
      if keywords == 1 {
        guard keyword(0, is: "start") else { return nil }
        iterable = PyRef(argv[0]!)
        start = PyRef(argv[1]!)
      } else if keywords == 2 {
        if StrObject.string(args.keyword(0).name) == "start" {
          guard keyword(1, is: "iterable") else { return nil }
          iterable = PyRef(argv[1]!)
          start = PyRef(argv[0]!)
        } else {
          guard keyword(0, is: "iterable"), keyword(1, is: "start") else { return nil }
          iterable = PyRef(argv[0]!)
          start = PyRef(argv[1]!)
        }
      } else {
        iterable = PyRef(argv[0]!)
        start = PyRef(argv[1]!)
      }
    case 1:
      if keywords == 1 { guard keyword(0, is: "iterable") else { return nil } }
      iterable = PyRef(argv[0]!)
      start = nil
    default:
      if count == 0 {
        rt.raise("TypeError", "enumerate() missing required argument 'iterable'")
      } else {
        rt.raise("TypeError", "enumerate() takes at most 2 arguments (\(count + keywords) given)")
      }
      return nil
    }
    var index = 0
    var longIndex: PyRef?
    if let start {
      guard let value = rt.indexOperand(start) else { return nil }
      if let exact = IntObject.exactValue(value) {
        index = exact
        rt.decref(value)
      } else {
        index = Int.max
        longIndex = value
      }
    }
    guard let iterator = rt.iter(iterable) else { rt.decref(longIndex); return nil }
    guard let enumerate = rt.allocateIterator(PyType(typeRaw)) else {
      rt.decref(iterator)
      rt.decref(longIndex)
      return nil
    }
    enumerate.storeRef(iterator, at: iteratorOffset)
    enumerate.storeRef(longIndex, at: longIndexOffset)
    IteratorSupport.setWord(enumerate, indexOffset, index)
    return rt.finishIterator(enumerate).raw
  }

  static let next: Slot.IterNext = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let enumerate = PyRef(raw)
    guard let iterator = enumerate.loadRef(at: iteratorOffset) else { return nil }
    guard let item = rt.next(iterator) else { return nil }
    let index = IteratorSupport.word(enumerate, indexOffset)
    let number: PyRef
    if index == Int.max {
      // Past the machine integers: count with int objects.
      if enumerate.loadRef(at: longIndexOffset) == nil {
        guard let start = rt.newInt(Int.max) else { rt.decref(item); return nil }
        enumerate.storeRef(start, at: longIndexOffset)
      }
      let current = enumerate.loadRef(at: longIndexOffset)!
      guard let one = rt.newInt(1), let stepped = rt.binaryOp(current, one, 0) else { rt.decref(item); return nil }
      rt.decref(one)
      enumerate.storeRef(stepped, at: longIndexOffset)
      number = current
    } else {
      guard let made = rt.newInt(index) else { rt.decref(item); return nil }
      number = made
      IteratorSupport.setWord(enumerate, indexOffset, index + 1)
    }
    defer { rt.decref(number); rt.decref(item) }
    return rt.newPair(number, item)?.raw
  }
}
