import PyCompiler

/// The iterators that consume other iterators one item at a time: `accumulate`, `chain`,
/// `compress`, `dropwhile`, `takewhile`, `filterfalse`, `islice`, `pairwise`, `starmap`,
/// `zip_longest`. CPython: Modules/itertoolsmodule.c.
extension Itertools {
  /// A new iterator of `type` whose field 0 is `iter(iterable)` and whose other fields are
  /// `extra` (new references taken over).
  static func wrapping(_ rt: RuntimeRef, _ type: PyType, _ iterable: PyRef, _ extra: [PyRef?] = []) -> UnsafeMutableRawPointer? {
    guard let iterator = rt.iter(iterable) else {
      for value in extra { rt.decref(value) }
      return nil
    }
    guard let object = allocate(rt, type) else {
      rt.decref(iterator)
      for value in extra { rt.decref(value) }
      return nil
    }
    setField(rt, object, 0, iterator)
    for (index, value) in extra.enumerated() { setField(rt, object, index + 1, value) }
    return finish(rt, object)
  }

  /// A new reference to `object`.
  @inline(__always)
  static func retained(_ object: PyRef) -> PyRef {
    object.incref()
    return object
  }

  // accumulate: 0 iterator, 1 function or nil, 2 running total or nil, 3 initial or nil.

  static let accumulateNew: Slot.VectorCall = { typeRaw, argv, count, names, runtime in
    let rt = RuntimeRef(raw: runtime)
    let args = Arguments(runtime, argv, count, names)
    guard count <= 2 else {
      rt.raise("TypeError", "accumulate() takes at most 2 positional arguments (\(count) given)")
      return nil
    }
    guard let bound = args.bindClinic("accumulate", ["iterable", "func", "initial"], required: 1) else { return nil }
    let none = rt.state.pointee.none
    let function = bound[1].flatMap { $0 == none ? nil : retained($0) }
    let initial = bound[2].flatMap { $0 == none ? nil : retained($0) }
    return wrapping(rt, PyType(typeRaw), bound[0]!, [function, nil, initial])
  }

  static let accumulateNext: Slot.IterNext = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let object = PyRef(raw)
    if let initial = field(object, 3) {
      // The initial value becomes the total: its reference moves from field 3 to field 2.
      object.storeRef(nil, at: 16 + 8 * 3)
      setField(rt, object, 2, initial)
      initial.incref()
      return initial.raw
    }
    guard let iterator = field(object, 0), let value = rt.next(iterator) else { return nil }
    guard let total = field(object, 2) else {
      value.incref()
      setField(rt, object, 2, value)
      return value.raw
    }
    let newTotal: PyRef?
    if let function = field(object, 1) {
      newTotal = rt.call(function, [total, value])
    } else {
      newTotal = rt.binaryOp(total, value, UInt32(BinaryOperator.add.rawValue))
    }
    rt.decref(value)
    guard let newTotal else { return nil }
    newTotal.incref()
    setField(rt, object, 2, newTotal)
    return newTotal.raw
  }

  // chain: 0 the iterator over the iterables, 1 the active iterator.

  static let chainNew: Slot.VectorCall = { typeRaw, argv, count, names, runtime in
    let rt = RuntimeRef(raw: runtime)
    let args = Arguments(runtime, argv, count, names)
    let type = PyType(typeRaw)
    guard noKeywords(rt, type, args, "chain") else { return nil }
    guard let sources = rt.newTuple(copying: UnsafeMutablePointer(mutating: argv), count: count) else { return nil }
    defer { rt.decref(sources) }
    return wrapping(rt, type, sources)
  }

  static let chainMethods: [MethodDefinition] = [
    MethodDefinition("from_iterable", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.noKeywords("chain.from_iterable") else { return nil }
      guard count == 2 else {
        args.rt.raise("TypeError", "chain.from_iterable() takes exactly one argument (\(count - 1) given)")
        return nil
      }
      return wrapping(args.rt, PyType(args[0].raw), args[1])
    }, flags: .classMethod),
  ]

  static let chainNext: Slot.IterNext = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let object = PyRef(raw)
    while let sources = field(object, 0) {
      if field(object, 1) == nil {
        guard let iterable = rt.next(sources) else {
          setField(rt, object, 0, nil)
          return nil
        }
        let active = rt.iter(iterable)
        rt.decref(iterable)
        guard let active else {
          setField(rt, object, 0, nil)
          return nil
        }
        setField(rt, object, 1, active)
      }
      if let item = rt.next(field(object, 1)!) { return item.raw }
      if rt.hasError { return nil }
      setField(rt, object, 1, nil)
    }
    return nil
  }

  // compress: 0 the data, 1 the selectors.

  static let compressNew: Slot.VectorCall = { typeRaw, argv, count, names, runtime in
    let rt = RuntimeRef(raw: runtime)
    let args = Arguments(runtime, argv, count, names)
    guard let bound = args.bindClinic("compress", ["data", "selectors"], required: 2) else { return nil }
    guard let data = rt.iter(bound[0]!) else { return nil }
    defer { rt.decref(data) }
    guard let selectors = rt.iter(bound[1]!) else { return nil }
    return wrapping(rt, PyType(typeRaw), data, [selectors])
  }

  static let compressNext: Slot.IterNext = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let object = PyRef(raw)
    while true {
      guard let datum = rt.next(field(object, 0)!) else { return nil }
      guard let selector = rt.next(field(object, 1)!) else {
        rt.decref(datum)
        return nil
      }
      let truth = rt.isTrue(selector)
      rt.decref(selector)
      if truth < 0 {
        rt.decref(datum)
        return nil
      }
      if truth == 1 { return datum.raw }
      rt.decref(datum)
    }
  }

  // dropwhile, takewhile, filterfalse: 0 the iterator, 1 the predicate; word 0 the state.

  static func predicateNew(_ runtime: RawRuntime, _ typeRaw: UnsafeMutableRawPointer,
                           _ argv: UnsafePointer<UnsafeMutableRawPointer?>, _ count: Int,
                           _ names: UnsafeMutableRawPointer?, _ name: String) -> UnsafeMutableRawPointer? {
    let rt = RuntimeRef(raw: runtime)
    let args = Arguments(runtime, argv, count, names)
    let type = PyType(typeRaw)
    guard noKeywords(rt, type, args, name), positional(rt, args, name, exactly: 2) else { return nil }
    return wrapping(rt, type, args[1], [retained(args[0])])
  }

  /// The predicate's verdict on `item`: 1, 0, or -1 with an exception set.
  /// `filterfalse` alone takes None (or `bool`) to mean the item's own truth.
  static func verdict(_ rt: RuntimeRef, _ predicate: PyRef, _ item: PyRef, noneIsTruth: Bool = false) -> Int32 {
    if noneIsTruth && (predicate == rt.state.pointee.none || predicate == rt.state.pointee.types.bool.object) {
      return rt.isTrue(item)
    }
    guard let result = rt.call(predicate, [item]) else { return -1 }
    defer { rt.decref(result) }
    return rt.isTrue(result)
  }

  static let dropWhileNew: Slot.VectorCall = { predicateNew($4, $0, $1, $2, $3, "dropwhile") }

  static let dropWhileNext: Slot.IterNext = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let object = PyRef(raw)
    while true {
      guard let item = rt.next(field(object, 0)!) else { return nil }
      if word(object, 0) == 1 { return item.raw }
      let truth = verdict(rt, field(object, 1)!, item)
      if truth < 0 {
        rt.decref(item)
        return nil
      }
      if truth == 0 {
        setWord(object, 0, 1)
        return item.raw
      }
      rt.decref(item)
    }
  }

  static let takeWhileNew: Slot.VectorCall = { predicateNew($4, $0, $1, $2, $3, "takewhile") }

  static let takeWhileNext: Slot.IterNext = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let object = PyRef(raw)
    if word(object, 0) == 1 { return nil }
    guard let item = rt.next(field(object, 0)!) else { return nil }
    let truth = verdict(rt, field(object, 1)!, item)
    if truth == 1 { return item.raw }
    rt.decref(item)
    if truth == 0 { setWord(object, 0, 1) }
    return nil
  }

  static let filterFalseNew: Slot.VectorCall = { predicateNew($4, $0, $1, $2, $3, "filterfalse") }

  static let filterFalseNext: Slot.IterNext = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let object = PyRef(raw)
    while true {
      guard let item = rt.next(field(object, 0)!) else { return nil }
      let truth = verdict(rt, field(object, 1)!, item, noneIsTruth: true)
      if truth == 0 { return item.raw }
      rt.decref(item)
      if truth < 0 { return nil }
    }
  }

  // islice: 0 the iterator (nil once done); words: 0 next index, 1 stop (-1: none),
  // 2 step, 3 items consumed.

  static let isliceNew: Slot.VectorCall = { typeRaw, argv, count, names, runtime in
    let rt = RuntimeRef(raw: runtime)
    let args = Arguments(runtime, argv, count, names)
    let type = PyType(typeRaw)
    guard noKeywords(rt, type, args, "islice") else { return nil }
    guard count >= 2 && count <= 4 else {
      let bound = count < 2 ? "at least 2 arguments" : "at most 4 arguments"
      rt.raise("TypeError", "islice expected \(bound), got \(count)")
      return nil
    }
    let none = rt.state.pointee.none
    let stopMessage = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize."
    /// `PyNumber_AsSsize_t(x, OverflowError)` with any error turned into -1.
    func size(_ value: PyRef) -> Int {
      guard let number = rt.asIndex(value, orRaise: "OverflowError") else {
        rt.clearError()
        return -1
      }
      return number
    }
    var start = 0, stop = -1, step = 1
    if count == 2 {
      if args[1] != none {
        stop = size(args[1])
        if stop == -1 {
          rt.raise("ValueError", stopMessage)
          return nil
        }
      }
    } else {
      if args[1] != none { start = size(args[1]) }
      if args[2] != none {
        stop = size(args[2])
        if stop == -1 {
          rt.raise("ValueError", stopMessage)
          return nil
        }
      }
    }
    if start < 0 || stop < -1 {
      rt.raise("ValueError", "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
      return nil
    }
    if count == 4 && args[3] != none { step = size(args[3]) }
    if step < 1 {
      rt.raise("ValueError", "Step for islice() must be a positive integer or None.")
      return nil
    }
    guard let result = wrapping(rt, type, args[0]) else { return nil }
    let object = PyRef(result)
    setWord(object, 0, start)
    setWord(object, 1, stop)
    setWord(object, 2, step)
    setWord(object, 3, 0)
    return result
  }

  static let isliceNext: Slot.IterNext = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let object = PyRef(raw)
    guard let iterator = field(object, 0) else { return nil }
    let stop = word(object, 1)
    var consumed = word(object, 3)
    while consumed < word(object, 0) {
      guard let item = rt.next(iterator) else {
        setField(rt, object, 0, nil)
        return nil
      }
      rt.decref(item)
      consumed += 1
      setWord(object, 3, consumed)
    }
    if stop != -1 && consumed >= stop {
      setField(rt, object, 0, nil)
      return nil
    }
    guard let item = rt.next(iterator) else {
      setField(rt, object, 0, nil)
      return nil
    }
    setWord(object, 3, consumed + 1)
    let previous = word(object, 0)
    var next = previous &+ word(object, 2)
    if next < previous || (stop != -1 && next > stop) { next = stop }
    setWord(object, 0, next)
    return item.raw
  }

  // pairwise: 0 the iterator, 1 the previous item.

  static let pairwiseNew: Slot.VectorCall = { typeRaw, argv, count, names, runtime in
    let rt = RuntimeRef(raw: runtime)
    let args = Arguments(runtime, argv, count, names)
    let type = PyType(typeRaw)
    guard noKeywords(rt, type, args, "pairwise"), positional(rt, args, "pairwise", exactly: 1) else { return nil }
    return wrapping(rt, type, args[0])
  }

  static let pairwiseNext: Slot.IterNext = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let object = PyRef(raw)
    guard let iterator = field(object, 0) else { return nil }
    var old = field(object, 1)
    if old == nil {
      guard let first = rt.next(iterator) else {
        setField(rt, object, 0, nil)
        return nil
      }
      setField(rt, object, 1, first)
      old = first
    }
    guard let new = rt.next(iterator) else {
      setField(rt, object, 0, nil)
      setField(rt, object, 1, nil)
      return nil
    }
    old!.incref()
    new.incref()
    let pair = rt.newTuple([old!, new])
    setField(rt, object, 1, new)
    return pair?.raw
  }

  // starmap: 0 the iterator, 1 the function.

  static let starmapNew: Slot.VectorCall = { typeRaw, argv, count, names, runtime in
    let rt = RuntimeRef(raw: runtime)
    let args = Arguments(runtime, argv, count, names)
    let type = PyType(typeRaw)
    guard noKeywords(rt, type, args, "starmap"), positional(rt, args, "starmap", exactly: 2) else { return nil }
    return wrapping(rt, type, args[1], [retained(args[0])])
  }

  static let starmapNext: Slot.IterNext = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let object = PyRef(raw)
    guard let item = rt.next(field(object, 0)!) else { return nil }
    defer { rt.decref(item) }
    guard let arguments = rt.tupleFrom(item) else { return nil }
    defer { rt.decref(arguments) }
    return rt.call(field(object, 1)!, TupleObject.items(arguments), count: arguments.size)?.raw
  }

  // zip_longest: 0 a tuple of the iterators (nil where exhausted), 1 the fill value;
  // words: 0 the number of iterators, 1 the number still active.

  static let zipLongestNew: Slot.VectorCall = { typeRaw, argv, count, names, runtime in
    let rt = RuntimeRef(raw: runtime)
    let args = Arguments(runtime, argv, count, names)
    var fill = rt.state.pointee.none
    if args.keywordCount > 0 {
      guard args.keywordCount == 1, let value = args.keyword(named: "fillvalue") else {
        rt.raise("TypeError", "zip_longest() got an unexpected keyword argument")
        return nil
      }
      fill = value
    }
    guard let iterators = rt.allocateTuple(count) else { return nil }
    for index in 0..<count {
      guard let iterator = rt.iter(args[index]) else {
        rt.decref(rt.finishTuple(iterators))
        return nil
      }
      TupleObject.items(iterators)[index] = iterator.raw
    }
    guard let object = allocate(rt, PyType(typeRaw)) else {
      rt.decref(rt.finishTuple(iterators))
      return nil
    }
    setField(rt, object, 0, rt.finishTuple(iterators))
    setField(rt, object, 1, retained(fill))
    setWord(object, 0, count)
    setWord(object, 1, count)
    return finish(rt, object)
  }

  static let zipLongestNext: Slot.IterNext = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let object = PyRef(raw)
    let size = word(object, 0)
    if size == 0 || word(object, 1) == 0 { return nil }
    let iterators = TupleObject.items(field(object, 0)!)
    let fill = field(object, 1)!
    guard let result = rt.allocateTuple(size) else { return nil }
    let items = TupleObject.items(result)
    for index in 0..<size {
      var item: PyRef
      if let iterator = PyRef(iterators[index]) {
        if let next = rt.next(iterator) {
          item = next
        } else {
          let active = word(object, 1) - 1
          setWord(object, 1, active)
          if active == 0 || rt.hasError {
            setWord(object, 1, 0)
            for rest in index..<size { items[rest] = rt.newNone().raw }
            rt.decref(rt.finishTuple(result))
            return nil
          }
          iterators[index] = nil
          rt.decref(iterator)
          item = retained(fill)
        }
      } else {
        item = retained(fill)
      }
      items[index] = item.raw
    }
    return rt.finishTuple(result).raw
  }
}
