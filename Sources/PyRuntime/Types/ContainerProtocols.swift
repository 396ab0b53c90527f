/// The protocol slots and methods of the containers and their iterators: wires the types of
/// Types/Containers into the runtime.
/// CPython: Objects/listobject.c, Objects/tupleobject.c, Objects/dictobject.c,
/// Objects/setobject.c, Objects/rangeobject.c, Objects/sliceobject.c, Objects/enumobject.c,
/// Objects/iterobject.c, Python/bltinmodule.c (`zip`, `map`, `filter`).
extension RuntimeRef {
  func bootstrapContainerProtocols() {
    ListIterator.makeTypes(self)
    bootstrapList()
    bootstrapTuple()
    let dict = state.pointee.types.dict!
    dict.record.pointee.length = { raw, _ in DictObject.count(PyRef(raw)) }
    dict.record.pointee.hash = RuntimeRef.unhashable
    addSlotWrappers(dict)
  }

  private func bootstrapList() {
    let list = state.pointee.types.list!
    let record = list.record
    record.pointee.repr = ListObject.repr
    record.pointee.hash = RuntimeRef.unhashable
    record.pointee.richCompare = ListObject.richCompare
    record.pointee.length = ListObject.length
    record.pointee.isTrue = ListObject.isTrue
    record.pointee.getItem = ListObject.getItem
    record.pointee.setItem = ListObject.setItem
    record.pointee.contains = ListObject.contains
    record.pointee.iter = { raw, runtime in ListIterator.newForward(PyRef(raw), RuntimeRef(raw: runtime))?.raw }
    record.pointee.binary = ListObject.binary
    record.pointee.new = ListObject.new
    record.pointee.initialize = ListObject.initialize
    addSlotWrappers(list)
    addMethods(list, ListObject.methods)
  }

  private func bootstrapTuple() {
    let tuple = state.pointee.types.tuple!
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
  }

  /// An iterator over `sequence[0]`, `sequence[1]`, … until `IndexError`.
  func newSequenceIterator(_ sequence: PyRef) -> PyRef? {
    raise("TypeError", "'\(sequence.type.name)' object is not iterable")
    return nil
  }

  /// `type.__dict__`: for now the dict itself.
  func newMappingProxy(_ dict: PyRef) -> PyRef? {
    dict.incref()
    return dict
  }
}
