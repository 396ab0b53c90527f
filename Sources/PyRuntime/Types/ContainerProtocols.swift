/// Wires the containers and their iterators into the runtime: the protocol slots, the
/// dunder wrappers (pruned to the ones CPython's types have), the methods and attributes,
/// and the new types (set, frozenset, range, slice, the iterators, the dict views,
/// mappingproxy).
/// CPython: Objects/listobject.c, Objects/tupleobject.c, Objects/dictobject.c,
/// Objects/setobject.c, Objects/rangeobject.c, Objects/sliceobject.c, Objects/enumobject.c,
/// Objects/iterobject.c, Objects/descrobject.c, Python/bltinmodule.c.
extension RuntimeRef {
  func bootstrapContainerProtocols() {
    let types = state.pointee.types
    // The types made here.
    let (set, frozenset) = SetObject.makeTypes(self)
    state.pointee.types.set = set
    state.pointee.types.frozenset = frozenset
    state.pointee.types.range = RangeObject.makeType(self)
    state.pointee.types.slice = SliceObject.makeType(self)
    state.pointee.types.mappingProxy = MappingProxy.makeType(self)

    ListIterator.makeTypes(self)
    DictIterator.makeTypes(self)
    SetIterator.makeType(self)
    RangeIterator.makeType(self)
    SequenceIterator.makeTypes(self)
    EnumerateObject.makeType(self)
    ZipObject.makeType(self)
    MapObject.makeType(self)
    FilterObject.makeType(self)
    ReversedObject.makeType(self)

    bootstrapList(types.list)
    bootstrapTuple(types.tuple)
    bootstrapDict(types.dict)
    bootstrapSets(set, frozenset)
    bootstrapRangeAndSlice()
    DictView.makeTypes(self)
    for name in ["dict_keys", "dict_items"] {
      keepBinaryWrappers(state.pointee.types.byName[name]!, ["__and__", "__rand__", "__or__", "__ror__", "__sub__",
                                                             "__rsub__", "__xor__", "__rxor__"], unhashable: true)
    }
    let proxy = state.pointee.types.mappingProxy!
    readyBuiltinType(proxy, base: nil, kind: .other)
    addSlotWrappers(proxy)
    addMethods(proxy, MappingProxy.methods)
    keepBinaryWrappers(proxy, ["__or__", "__ror__"], unhashable: true)
    state.pointee.containers.types = ContainerTypes(state.pointee.types.byName)
  }

  private func bootstrapList(_ list: PyType) {
    let record = list.record
    record.pointee.repr = ListObject.repr
    record.pointee.hash = RuntimeRef.unhashable
    record.pointee.richCompare = ListObject.richCompare
    record.pointee.length = ListObject.length
    record.pointee.isTrue = ListObject.isTrue
    record.pointee.getItem = ListObject.getItem
    record.pointee.setItem = ListObject.setItem
    record.pointee.contains = ListObject.contains
    record.pointee.iter = ListObject.iter
    record.pointee.binary = ListObject.binary
    record.pointee.new = ListObject.new
    record.pointee.initialize = ListObject.initialize
    addSlotWrappers(list)
    addMethods(list, ListObject.methods)
    keepBinaryWrappers(list, ["__add__", "__mul__", "__rmul__", "__iadd__", "__imul__"], unhashable: true)
  }

  private func bootstrapTuple(_ tuple: PyType) {
    let record = tuple.record
    record.pointee.repr = TupleObject.repr
    record.pointee.hash = TupleObject.hash
    record.pointee.richCompare = TupleObject.richCompare
    record.pointee.length = TupleObject.length
    record.pointee.getItem = TupleObject.getItem
    record.pointee.contains = TupleObject.contains
    record.pointee.iter = TupleObject.iter
    record.pointee.binary = TupleObject.binary
    record.pointee.new = TupleObject.new
    addSlotWrappers(tuple)
    addMethods(tuple, TupleObject.methods)
    keepBinaryWrappers(tuple, ["__add__", "__mul__", "__rmul__"], unhashable: false)
  }

  private func bootstrapDict(_ dict: PyType) {
    let record = dict.record
    record.pointee.repr = DictObject.repr
    record.pointee.hash = RuntimeRef.unhashable
    record.pointee.richCompare = DictObject.richCompare
    record.pointee.length = DictObject.length
    record.pointee.getItem = DictObject.getItem
    record.pointee.setItem = DictObject.setItem
    record.pointee.contains = DictObject.contains
    record.pointee.iter = DictObject.iter
    record.pointee.binary = DictObject.binary
    record.pointee.new = DictObject.new
    record.pointee.initialize = DictObject.initialize
    addSlotWrappers(dict)
    addMethods(dict, DictObject.methods)
    keepBinaryWrappers(dict, ["__or__", "__ror__", "__ior__"], unhashable: true)
  }

  private func bootstrapSets(_ set: PyType, _ frozenset: PyType) {
    for (type, mutable) in [(set, true), (frozenset, false)] {
      let record = type.record
      record.pointee.repr = SetObject.repr
      record.pointee.richCompare = SetObject.richCompare
      record.pointee.length = SetObject.length
      record.pointee.contains = SetObject.contains
      record.pointee.iter = SetObject.iter
      record.pointee.binary = SetObject.binary
      if mutable {
        record.pointee.new = SetObject.newSet
        record.pointee.initialize = SetObject.initialize
      } else {
        record.pointee.new = SetObject.newFrozenSet
      }
      readyBuiltinType(type, base: nil, kind: mutable ? .set : .frozenset)
      addSlotWrappers(type)
      addMethods(type, SetObject.setMethods(mutable: mutable))
      var binary = ["__and__", "__rand__", "__or__", "__ror__", "__sub__", "__rsub__", "__xor__", "__rxor__"]
      if mutable { binary += ["__iand__", "__ior__", "__isub__", "__ixor__"] }
      keepBinaryWrappers(type, binary, unhashable: mutable)
    }
  }

  private func bootstrapRangeAndSlice() {
    let range = state.pointee.types.range!
    readyBuiltinType(range, base: nil, kind: .range)
    addSlotWrappers(range)
    addMethods(range, RangeObject.methods)
    addGetSets(range, RangeObject.getSets)
    let slice = state.pointee.types.slice!
    readyBuiltinType(slice, base: nil, kind: .slice)
    addSlotWrappers(slice)
    addMethods(slice, SliceObject.methods)
    addGetSets(slice, SliceObject.getSets)
    keepBinaryWrappers(slice, [], unhashable: true)
  }

  /// Leaves in `type`'s dict exactly the binary-operator dunders CPython's type has
  /// (``addSlotWrappers(_:)`` adds every one a `binary` slot could serve), and for
  /// unhashable types sets `__hash__` to None, as CPython's type dicts do.
  func keepBinaryWrappers(_ type: PyType, _ names: [String], unhashable: Bool) {
    let dict = typeDict(type)
    for name in SlotWrappers.binaryNames.keys where !names.contains(name) {
      guard let key = internedString(name) else { continue }
      if dictGetItem(dict, key) != nil { dictDelItem(dict, key) }
      decref(key)
    }
    var missing: [MethodDefinition] = []
    for name in names {
      guard let key = internedString(name) else { continue }
      if dictGetItem(dict, key) == nil { missing.append(MethodDefinition(name, SlotWrappers.binary)) }
      decref(key)
    }
    addMethods(type, missing)
    if unhashable, let key = internedString("__hash__") {
      dictSetItem(dict, key, state.pointee.none)
      decref(key)
    }
  }
}

extension ListObject {
  static let iter: Slot.Unary = { raw, runtime in ListIterator.newForward(PyRef(raw), RuntimeRef(raw: runtime))?.raw }
}
