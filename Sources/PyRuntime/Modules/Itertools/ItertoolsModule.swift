/// The `itertools` module: its iterators written in Swift, each a small GC object.
/// CPython: Modules/itertoolsmodule.c.
///
/// Every itertools iterator shares one layout, so one dealloc, traverse and clear serve
/// them all:
/// ```
///   -16 GC header | 0 refcount | 8 type | 16 six object fields (nil or strong)
///   | 64 four words | 96 an owned block of Ints (indices, cycles) or nil
/// ```
/// The files of this folder hold the iterators by family: `Itertools+Infinite.swift`
/// (count, cycle, repeat), `Itertools+Filtering.swift` (accumulate, chain, compress,
/// dropwhile, takewhile, filterfalse, islice, pairwise, starmap, zip_longest),
/// `Itertools+GroupBy.swift`, `Itertools+Tee.swift`, `Itertools+Combinatorics.swift`
/// (product, permutations, combinations, combinations_with_replacement).
enum Itertools {
  static let fieldCount = 6
  static let wordsOffset = 16 + 8 * fieldCount
  static let blockOffset = wordsOffset + 8 * 4
  static let basicSize = blockOffset + 8

  @inline(__always)
  static func field(_ object: PyRef, _ index: Int) -> PyRef? { object.loadRef(at: 16 + 8 * index) }

  /// Stores `value` (a reference the caller gives up) in field `index`, releasing the old.
  @inline(__always)
  static func setField(_ rt: RuntimeRef, _ object: PyRef, _ index: Int, _ value: PyRef?) {
    let old = object.loadRef(at: 16 + 8 * index)
    object.storeRef(value, at: 16 + 8 * index)
    rt.decref(old)
  }

  @inline(__always)
  static func word(_ object: PyRef, _ index: Int) -> Int {
    object.raw.load(fromByteOffset: wordsOffset + 8 * index, as: Int.self)
  }

  @inline(__always)
  static func setWord(_ object: PyRef, _ index: Int, _ value: Int) {
    object.raw.storeBytes(of: value, toByteOffset: wordsOffset + 8 * index, as: Int.self)
  }

  /// The owned block of Ints (nil until ``allocateBlock(_:_:count:)``).
  @inline(__always)
  static func block(_ object: PyRef) -> UnsafeMutablePointer<Int>? {
    object.raw.load(fromByteOffset: blockOffset, as: UnsafeMutablePointer<Int>?.self)
  }

  static func allocateBlock(_ rt: RuntimeRef, _ object: PyRef, count: Int) -> UnsafeMutablePointer<Int>? {
    guard let memory = rt.allocateMemory(max(count, 1) * 8) else { return nil }
    let block = memory.bindMemory(to: Int.self, capacity: max(count, 1))
    object.raw.storeBytes(of: block, toByteOffset: blockOffset, as: UnsafeMutablePointer<Int>?.self)
    return block
  }

  static let dealloc: Slot.Dealloc = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let object = PyRef(raw)
    rt.untrack(object)
    IteratorSupport.release(object, fields: fieldCount, rt)
    if let block = block(object) { rt.freeMemory(UnsafeMutableRawPointer(block)) }
    rt.freeObject(object)
  }

  static let traverse: Slot.Traverse = { raw, visit, arg in IteratorSupport.visit(PyRef(raw), fields: fieldCount, visit, arg) }

  static let clear: Slot.Clear = { raw, runtime in
    IteratorSupport.release(PyRef(raw), fields: fieldCount, RuntimeRef(raw: runtime))
  }

  /// A new iterator of `type` (an itertools type or a subclass), all fields empty; the
  /// caller fills it and then calls ``finish(_:_:)``.
  static func allocate(_ rt: RuntimeRef, _ type: PyType) -> PyRef? {
    guard let object = rt.allocateIterator(type) else { return nil }
    (object.raw + 16).initializeMemory(as: UInt8.self, repeating: 0, count: basicSize - 16)
    return object
  }

  static func finish(_ rt: RuntimeRef, _ object: PyRef) -> UnsafeMutableRawPointer {
    rt.finishIterator(object).raw
  }

  /// The type `itertools.NAME`, made once per runtime.
  static func type(_ rt: RuntimeRef, _ name: String) -> PyType {
    if let existing = rt.state.pointee.types.byName["itertools." + name] { return existing }
    rt.makeItertoolsTypes()
    return rt.state.pointee.types.byName["itertools." + name]!
  }

  struct Definition {
    let name: String
    let next: Slot.IterNext
    let new: Slot.VectorCall?
    var repr: Slot.Unary? = nil
    var methods: [MethodDefinition] = []
    var basicSize = Itertools.basicSize
    var dealloc: Slot.Dealloc = Itertools.dealloc
    var traverse: Slot.Traverse = Itertools.traverse
    var clear: Slot.Clear = Itertools.clear
  }

  static var definitions: [Definition] {
    [
      Definition(name: "count", next: countNext, new: countNew, repr: countRepr),
      Definition(name: "cycle", next: cycleNext, new: cycleNew),
      Definition(name: "repeat", next: repeatNext, new: repeatNew, repr: repeatRepr, methods: repeatMethods),
      Definition(name: "accumulate", next: accumulateNext, new: accumulateNew),
      Definition(name: "chain", next: chainNext, new: chainNew, methods: chainMethods),
      Definition(name: "compress", next: compressNext, new: compressNew),
      Definition(name: "dropwhile", next: dropWhileNext, new: dropWhileNew),
      Definition(name: "takewhile", next: takeWhileNext, new: takeWhileNew),
      Definition(name: "filterfalse", next: filterFalseNext, new: filterFalseNew),
      Definition(name: "islice", next: isliceNext, new: isliceNew),
      Definition(name: "pairwise", next: pairwiseNext, new: pairwiseNew),
      Definition(name: "starmap", next: starmapNext, new: starmapNew),
      Definition(name: "zip_longest", next: zipLongestNext, new: zipLongestNew),
      Definition(name: "groupby", next: groupByNext, new: groupByNew),
      Definition(name: "_grouper", next: grouperNext, new: nil),
      Definition(name: "_tee", next: teeNext, new: teeObjectNew, methods: teeMethods),
      Definition(name: "_tee_dataobject", next: { _, _ in nil }, new: nil, basicSize: TeeData.basicSize,
                 dealloc: TeeData.dealloc, traverse: TeeData.traverse, clear: TeeData.clear),
      Definition(name: "product", next: productNext, new: productNew),
      Definition(name: "permutations", next: permutationsNext, new: permutationsNew),
      Definition(name: "combinations", next: combinationsNext, new: combinationsNew),
      Definition(name: "combinations_with_replacement", next: replacementsNext, new: replacementsNew),
    ]
  }

  /// The module's public names (the private `_grouper`, `_tee`, `_tee_dataobject` are
  /// attributes too, as in CPython).
  static let exported = ["count", "cycle", "repeat", "accumulate", "chain", "compress", "dropwhile", "takewhile",
                         "filterfalse", "islice", "pairwise", "starmap", "zip_longest", "groupby", "_grouper", "_tee",
                         "_tee_dataobject", "product", "permutations", "combinations", "combinations_with_replacement"]

  // Argument helpers with argument clinic's and getargs' wording.

  /// Rejects keywords for an exact itertools type: "cycle() takes no keyword arguments".
  static func noKeywords(_ rt: RuntimeRef, _ type: PyType, _ args: Arguments, _ name: String) -> Bool {
    guard args.keywordCount > 0, type == Itertools.type(rt, name) else { return true }
    rt.raise("TypeError", "\(name)() takes no keyword arguments")
    return false
  }

  /// Exactly `count` positional arguments: "dropwhile expected 2 arguments, got 1".
  static func positional(_ rt: RuntimeRef, _ args: Arguments, _ name: String, exactly count: Int) -> Bool {
    guard args.count != count else { return true }
    rt.raise("TypeError", "\(name) expected \(count) argument\(count == 1 ? "" : "s"), got \(args.count)")
    return false
  }
}

extension RuntimeRef {
  /// Makes and readies every itertools type (once per runtime).
  func makeItertoolsTypes() {
    for definition in Itertools.definitions {
      let type = makeType(name: "itertools." + definition.name, basicSize: definition.basicSize,
                          flags: [.haveGC, .baseType], dealloc: definition.dealloc, traverse: definition.traverse,
                          clear: definition.clear)
      type.record.pointee.iter = IteratorSupport.iterSelf
      type.record.pointee.iterNext = definition.next
      type.record.pointee.new = definition.new
      type.record.pointee.repr = definition.repr
      readyBuiltinType(type, base: nil, kind: .iterator)
      if definition.new == nil {
        type.record.pointee.new = nil
        type.record.pointee.flags.remove(.baseType)
      }
      addSlotWrappers(type)
      addMethods(type, definition.methods)
      state.pointee.types.byName["itertools." + definition.name] = type
    }
  }

  func makeItertoolsModule() -> PyRef? {
    let tee = BuiltinFunction("tee") { _, argv, count, names, runtime in
      Itertools.tee(ModuleArguments(runtime, argv, count, names))?.raw
    }
    guard let module = newNativeModule("itertools", functions: [tee]) else { return nil }
    let dict = ModuleType.dict(module)
    for name in Itertools.exported {
      guard setItem(dict, name, Itertools.type(self, name).object) else {
        decref(module)
        return nil
      }
    }
    return module
  }
}
