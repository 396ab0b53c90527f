/// `tee(iterable, n=2)`: n independent iterators over one. The items read so far live in a
/// chain of blocks of 57 (`_tee_dataobject`); each `_tee` holds its block and its position
/// in it, so a block is freed once every tee has moved past it. The tee furthest ahead reads
/// from the source. CPython: Modules/itertoolsmodule.c (`teedataobject`, `tee_next`,
/// `tee_copy`, `tee_fromiterable`, `itertools_tee_impl`).
///
/// _tee fields: 0 the block; word 0 the position in it.
enum TeeData {
  static let cells = 57
  static let iteratorOffset = 16
  static let nextOffset = 24
  static let countOffset = 32
  static let runningOffset = 40
  static let valuesOffset = 48
  static let basicSize = valuesOffset + cells * 8

  static func values(_ block: PyRef) -> UnsafeMutablePointer<UnsafeMutableRawPointer?> {
    (block.raw + valuesOffset).assumingMemoryBound(to: UnsafeMutableRawPointer?.self)
  }

  static func count(_ block: PyRef) -> Int { IteratorSupport.word(block, countOffset) }

  static func make(_ rt: RuntimeRef, iterator: PyRef) -> PyRef? {
    guard let block = rt.allocateIterator(Itertools.type(rt, "_tee_dataobject")) else { return nil }
    (block.raw + 16).initializeMemory(as: UInt8.self, repeating: 0, count: basicSize - 16)
    IteratorSupport.store(block, iterator, at: iteratorOffset)
    return rt.finishIterator(block)
  }

  static func release(_ block: PyRef, _ rt: RuntimeRef) {
    let count = self.count(block)
    IteratorSupport.setWord(block, countOffset, 0)
    let values = self.values(block)
    for index in 0..<count {
      let value = values[index]
      values[index] = nil
      rt.decref(PyRef(value))
    }
    IteratorSupport.release(block, fields: 2, rt)
  }

  static let dealloc: Slot.Dealloc = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let block = PyRef(raw)
    rt.untrack(block)
    release(block, rt)
    rt.freeObject(block)
  }

  static let traverse: Slot.Traverse = { raw, visit, arg in
    let block = PyRef(raw)
    let result = IteratorSupport.visit(block, fields: 2, visit, arg)
    if result != 0 { return result }
    return ItemArray.visitBackwards(values(block), count: count(block), visit, arg)
  }

  static let clear: Slot.Clear = { raw, runtime in release(PyRef(raw), RuntimeRef(raw: runtime)) }

  /// Item `index` of the block, reading it from the source when this is the first tee to
  /// get there. A new reference, or nil (exhausted, or an error).
  static func item(_ rt: RuntimeRef, _ block: PyRef, _ index: Int) -> PyRef? {
    if index < count(block) {
      let value = PyRef(values(block)[index]!)
      value.incref()
      return value
    }
    if IteratorSupport.word(block, runningOffset) != 0 {
      rt.raise("RuntimeError", "cannot re-enter the tee iterator")
      return nil
    }
    IteratorSupport.setWord(block, runningOffset, 1)
    let value = block.loadRef(at: iteratorOffset).flatMap { rt.next($0) }
    IteratorSupport.setWord(block, runningOffset, 0)
    guard let value else { return nil }
    values(block)[index] = value.raw
    IteratorSupport.setWord(block, countOffset, index + 1)
    value.incref()
    return value
  }

  /// The block after `block`, made on first use (it reads from the same source).
  static func next(_ rt: RuntimeRef, _ block: PyRef) -> PyRef? {
    if let link = block.loadRef(at: nextOffset) {
      link.incref()
      return link
    }
    guard let link = make(rt, iterator: block.loadRef(at: iteratorOffset)!) else { return nil }
    block.storeRef(link, at: nextOffset)
    link.incref()
    return link
  }
}

extension Itertools {
  /// A new `_tee` of `type` at `index` of `block`.
  static func teeObject(_ rt: RuntimeRef, _ type: PyType, _ block: PyRef, _ index: Int) -> PyRef? {
    guard let tee = allocate(rt, type) else { return nil }
    setField(rt, tee, 0, retained(block))
    setWord(tee, 0, index)
    return rt.finishIterator(tee)
  }

  /// A tee over `iterable`: a copy when it is itself a tee.
  static func teeFromIterable(_ rt: RuntimeRef, _ iterable: PyRef) -> PyRef? {
    guard let iterator = rt.iter(iterable) else { return nil }
    defer { rt.decref(iterator) }
    let teeType = Itertools.type(rt, "_tee")
    if rt.isInstance(iterator, teeType) { return teeObject(rt, teeType, field(iterator, 0)!, word(iterator, 0)) }
    guard let block = TeeData.make(rt, iterator: iterator) else { return nil }
    defer { rt.decref(block) }
    return teeObject(rt, teeType, block, 0)
  }

  static let teeObjectNew: Slot.VectorCall = { typeRaw, argv, count, names, runtime in
    let rt = RuntimeRef(raw: runtime)
    let args = Arguments(runtime, argv, count, names)
    guard args.noKeywords("_tee"), positional(rt, args, "_tee", exactly: 1) else { return nil }
    return teeFromIterable(rt, args[0])?.raw
  }

  static let teeNext: Slot.IterNext = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let tee = PyRef(raw)
    var index = word(tee, 0)
    if index >= TeeData.cells {
      guard let link = TeeData.next(rt, field(tee, 0)!) else { return nil }
      setField(rt, tee, 0, link)
      index = 0
      setWord(tee, 0, 0)
    }
    guard let value = TeeData.item(rt, field(tee, 0)!, index) else { return nil }
    setWord(tee, 0, index + 1)
    return value.raw
  }

  static let teeMethods: [MethodDefinition] = [
    MethodDefinition("__copy__", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.expect("__copy__", exactly: 1) else { return nil }
      let tee = args[0]
      return teeObject(args.rt, tee.type, field(tee, 0)!, word(tee, 0))?.raw
    }),
  ]

  /// `tee(iterable, n=2, /)`.
  static func tee(_ a: ModuleArguments) -> PyRef? {
    let rt = a.rt
    guard a.args.noKeywords("itertools.tee") else { return nil }
    guard a.count >= 1 && a.count <= 2 else {
      let bound = a.count < 1 ? "at least 1 argument" : "at most 2 arguments"
      rt.raise("TypeError", "tee expected \(bound), got \(a.count)")
      return nil
    }
    var n = 2
    if a.count == 2 {
      guard let given = rt.asIndex(a[1]) else { return nil }
      n = given
    }
    guard n >= 0 else {
      rt.raise("ValueError", "n must be >= 0")
      return nil
    }
    if n == 0 { return rt.newTuple([]) }
    guard let iterator = rt.iter(a[0]) else { return nil }
    defer { rt.decref(iterator) }
    var first: PyRef
    let copies: PyRef
    if let method = rt.getAttribute(iterator, "__copy__") {
      first = retained(iterator)
      copies = method
    } else {
      guard rt.exceptionMatches("AttributeError") else { return nil }
      rt.clearError()
      guard let tee = teeFromIterable(rt, iterator) else { return nil }
      guard let method = rt.getAttribute(tee, "__copy__") else {
        rt.decref(tee)
        return nil
      }
      first = tee
      copies = method
    }
    defer { rt.decref(copies) }
    var items = [first]
    for _ in 1..<n {
      guard let copy = rt.call(copies, []) else {
        for item in items { rt.decref(item) }
        return nil
      }
      items.append(copy)
    }
    return rt.newTuple(items)
  }
}
