/// What the containers keep per runtime: the objects whose repr is being computed, so a
/// container that contains itself prints `[...]` instead of recursing forever.
/// CPython: Objects/object.c, `Py_ReprEnter()` / `Py_ReprLeave()` (a per-thread list kept in
/// the thread state dict under `Py_Repr`).
struct ContainerState {
  /// The containers whose repr is in progress, innermost last. Short: its length is the
  /// nesting depth of the reprs, never the size of a container.
  var reprStack: [UnsafeMutableRawPointer] = []
  /// The iterator and view types the hot paths make (`iter(list)`, `d.items()`), so they
  /// are not looked up by name each time.
  var types = ContainerTypes()
}

/// The container helper types, set once at bootstrap (also in ``BuiltinTypes/byName``).
struct ContainerTypes {
  var listIterator: PyType!
  var listReverseIterator: PyType!
  var tupleIterator: PyType!
  var setIterator: PyType!
  var rangeIterator: PyType!
  var sequenceIterator: PyType!
  var callableIterator: PyType!
  var reversed: PyType!
  /// keys, values, items; then the reversed ones.
  var dictIterators: [PyType] = []
  /// dict_keys, dict_values, dict_items.
  var dictViews: [PyType] = []

  init() {}

  init(_ byName: [String: PyType]) {
    listIterator = byName["list_iterator"]
    listReverseIterator = byName["list_reverseiterator"]
    tupleIterator = byName["tuple_iterator"]
    setIterator = byName["set_iterator"]
    rangeIterator = byName["range_iterator"]
    sequenceIterator = byName["iterator"]
    callableIterator = byName["callable_iterator"]
    reversed = byName["reversed"]
    dictIterators = ["dict_keyiterator", "dict_valueiterator", "dict_itemiterator", "dict_reversekeyiterator",
                     "dict_reversevalueiterator", "dict_reverseitemiterator"].map { byName[$0]! }
    dictViews = ["dict_keys", "dict_values", "dict_items"].map { byName[$0]! }
  }
}

extension RuntimeRef {
  /// `Py_ReprEnter`: false when `object`'s repr is already in progress (the caller prints
  /// its `...` form and must not call ``reprLeave(_:)``); true after recording it.
  @inline(__always)
  func reprEnter(_ object: PyRef) -> Bool {
    if state.pointee.containers.reprStack.contains(object.raw) { return false }
    state.pointee.containers.reprStack.append(object.raw)
    return true
  }

  /// `Py_ReprLeave`: forgets the innermost record of `object`.
  @inline(__always)
  func reprLeave(_ object: PyRef) {
    if let index = state.pointee.containers.reprStack.lastIndex(of: object.raw) {
      state.pointee.containers.reprStack.remove(at: index)
    }
  }
}
