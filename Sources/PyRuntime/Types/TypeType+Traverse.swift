/// What the collector sees of a class. CPython: Objects/typeobject.c, `type_traverse()`.
///
/// Classes made by `class` statements are tracked, as in CPython, so `gc.is_tracked(C)`,
/// `gc.get_objects()` and `gc.get_referents(C)` see them. PyHeap's classes are still
/// immortal (an instance holds no counted reference to its class), so a class is never
/// found unreachable: tracking it only lets the collector and the `gc` module walk through
/// it. Built-in types are not tracked (their headers stay zero).
extension TypeType {
  static let traverse: Slot.Traverse = { raw, visit, arg in
    let record = PyType(raw).record
    guard record.pointee.flags.contains(.heapType) else { return 0 }
    // Field by field: an array of the three would be built on every visit.
    if let dict = record.pointee.dict, case let result = visit(dict, arg), result != 0 { return result }
    if let mro = record.pointee.mro, case let result = visit(mro, arg), result != 0 { return result }
    if let bases = record.pointee.bases { return visit(bases, arg) }
    return 0
  }
}
