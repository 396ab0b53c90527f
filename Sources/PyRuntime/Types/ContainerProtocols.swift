/// The protocol slots and methods of the containers and their iterators.
/// (Minimal first version; the container work replaces it with the full set.)
extension RuntimeRef {
  func bootstrapContainerProtocols() {
    let list = state.pointee.types.list!
    list.record.pointee.length = { raw, _ in ListObject.count(PyRef(raw)) }
    list.record.pointee.hash = RuntimeRef.unhashable
    list.record.pointee.repr = { raw, runtime in
      let rt = RuntimeRef(raw: runtime)
      let list = PyRef(raw)
      var parts: [String] = []
      for index in 0..<ListObject.count(list) {
        guard let text = rt.reprString(ListObject.item(list, index)) else { return nil }
        parts.append(text)
      }
      return rt.newStr("[" + parts.joined(separator: ", ") + "]")?.raw
    }
    addSlotWrappers(list)
    let tuple = state.pointee.types.tuple!
    tuple.record.pointee.length = { raw, _ in TupleObject.count(PyRef(raw)) }
    tuple.record.pointee.repr = { raw, runtime in
      let rt = RuntimeRef(raw: runtime)
      let tuple = PyRef(raw)
      var parts: [String] = []
      for index in 0..<TupleObject.count(tuple) {
        guard let text = rt.reprString(TupleObject.item(tuple, index)!) else { return nil }
        parts.append(text)
      }
      return rt.newStr("(" + parts.joined(separator: ", ") + (parts.count == 1 ? ",)" : ")"))?.raw
    }
    addSlotWrappers(tuple)
    let dict = state.pointee.types.dict!
    dict.record.pointee.length = { raw, _ in DictObject.count(PyRef(raw)) }
    dict.record.pointee.hash = RuntimeRef.unhashable
    addSlotWrappers(dict)
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
