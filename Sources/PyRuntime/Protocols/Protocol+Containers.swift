/// Truth, length, items, membership and iteration. CPython: Objects/abstract.c,
/// Objects/object.c (`PyObject_IsTrue`), Objects/iterobject.c.
extension RuntimeRef {
  /// `bool(object)`: 1, 0, or -1 with an exception set.
  public func isTrue(_ object: PyRef) -> Int32 {
    if object == state.pointee.trueObject { return 1 }
    if object == state.pointee.falseObject || object == state.pointee.none { return 0 }
    let record = object.type.record
    if let slot = record.pointee.isTrue { return slot(object.raw, raw) }
    if let length = record.pointee.length {
      let count = length(object.raw, raw)
      return count < 0 ? -1 : (count > 0 ? 1 : 0)
    }
    return 1
  }

  /// `len(object)`: -1 with an exception set on failure.
  public func length(_ object: PyRef) -> Int {
    guard let slot = object.type.record.pointee.length else {
      raise("TypeError", "object of type '\(object.type.name)' has no len()")
      return -1
    }
    return slot(object.raw, raw)
  }

  /// `container[key]`.
  public func getItem(_ container: PyRef, _ key: PyRef) -> PyRef? {
    guard let slot = container.type.record.pointee.getItem else {
      if container.type.record.pointee.kind == .type {
        if let classGetItem = lookupClassGetItem(container, key) { return classGetItem }
        if hasError { return nil }
        raise("TypeError", "type '\(PyType(container.raw).name)' is not subscriptable")
      } else {
        raise("TypeError", "'\(container.type.name)' object is not subscriptable")
      }
      return nil
    }
    return PyRef(slot(container.raw, key.raw, raw))
  }

  /// `type[key]` through `__class_getitem__`, when the class defines it.
  private func lookupClassGetItem(_ type: PyRef, _ key: PyRef) -> PyRef? {
    guard let method = lookup(PyType(type.raw), "__class_getitem__") else { return nil }
    return callMethodLike(method, boundTo: type, [key])
  }

  /// `container[key] = value` (nil deletes): false with an exception set.
  @discardableResult
  public func setItem(_ container: PyRef, _ key: PyRef, _ value: PyRef?) -> Bool {
    guard let slot = container.type.record.pointee.setItem else {
      if value == nil {
        raise("TypeError", "'\(container.type.name)' object doesn't support item deletion")
      } else {
        raise("TypeError", "'\(container.type.name)' object does not support item assignment")
      }
      return false
    }
    return slot(container.raw, key.raw, value?.raw, raw) == 0
  }

  /// `item in container`: 1, 0, or -1 with an exception set.
  public func contains(_ container: PyRef, _ item: PyRef) -> Int32 {
    if let slot = container.type.record.pointee.contains { return slot(container.raw, item.raw, raw) }
    guard container.type.record.pointee.iter != nil || container.type.record.pointee.getItem != nil else {
      raise("TypeError", "argument of type '\(container.type.name)' is not iterable")
      return -1
    }
    guard let iterator = iter(container) else { return -1 }
    defer { decref(iterator) }
    while let next = next(iterator) {
      let same = richCompareBool(next, item, .equal)
      decref(next)
      if same != 0 { return same }
    }
    return hasError ? -1 : 0
  }

  /// `iter(object)`: a new iterator, or nil with `TypeError` set.
  public func iter(_ object: PyRef) -> PyRef? {
    if let slot = object.type.record.pointee.iter {
      guard let iterator = PyRef(slot(object.raw, raw)) else { return nil }
      if iterator.type.record.pointee.iterNext == nil {
        raise("TypeError", "iter() returned non-iterator of type '\(iterator.type.name)'")
        decref(iterator)
        return nil
      }
      return iterator
    }
    if object.type.record.pointee.getItem != nil, object.type.record.pointee.kind != .dict {
      return newSequenceIterator(object)
    }
    raise("TypeError", "'\(object.type.name)' object is not iterable")
    return nil
  }

  /// `next(iterator)`: the next item (new reference), or nil. Nil without an exception
  /// means exhausted; a `StopIteration` raised by Python code is cleared into that.
  @inlinable
  public func next(_ iterator: PyRef) -> PyRef? {
    guard let slot = iterator.type.record.pointee.iterNext else {
      raise("TypeError", "'\(iterator.type.name)' object is not an iterator")
      return nil
    }
    if let item = slot(iterator.raw, raw) { return PyRef(item) }
    if hasError, exceptionMatches("StopIteration") { clearError() }
    return nil
  }

  /// Calls `body` with each item of `iterable` (borrowed for the call). Stops early when
  /// `body` returns false. False with an exception set when iteration failed.
  public func forEach(_ iterable: PyRef, _ body: (PyRef) -> Bool) -> Bool {
    guard let iterator = iter(iterable) else { return false }
    defer { decref(iterator) }
    while let item = next(iterator) {
      let goOn = body(item)
      decref(item)
      if !goOn { return !hasError }
    }
    return !hasError
  }

  /// The items of `iterable` as owned references, or nil with an exception set.
  public func collectItems(_ iterable: PyRef) -> [PyRef]? {
    let kind = iterable.type.record.pointee.kind
    if kind == .tuple, iterable.type == state.pointee.types.tuple {
      return (0..<TupleObject.count(iterable)).map { let item = TupleObject.item(iterable, $0)!; item.incref(); return item }
    }
    if kind == .list, iterable.type == state.pointee.types.list {
      return (0..<ListObject.count(iterable)).map { let item = ListObject.item(iterable, $0); item.incref(); return item }
    }
    var items: [PyRef] = []
    let ok = forEach(iterable) { item in
      item.incref()
      items.append(item)
      return true
    }
    if !ok {
      for item in items { decref(item) }
      return nil
    }
    return items
  }

  /// `tuple(iterable)`: the same object when it already is an exact tuple, a copy of an
  /// exact list's items, and otherwise a tuple made *before* the iteration and filled by it:
  /// sized by the length hint (10 without one), grown by CPython's steps (n + 10, then a
  /// quarter more) and cut to the items at the end. Each growth and the cut give a new
  /// tuple, tracked after everything made so far, as `_PyTuple_Resize` re-tracks it; so the
  /// tuple's place among the objects made while it fills (which `gc.get_objects()` shows,
  /// and which decides what a collection moves) is CPython's.
  /// CPython: Objects/abstract.c, `PySequence_Tuple()`; Objects/tupleobject.c,
  /// `_PyTuple_Resize()`.
  public func tupleFrom(_ iterable: PyRef) -> PyRef? {
    if iterable.type == state.pointee.types.tuple {
      iterable.incref()
      return iterable
    }
    if iterable.type == state.pointee.types.list {
      guard let items = ListObject.items(iterable), iterable.size > 0 else { return allocateTuple(0) }
      return newTuple(copying: items, count: iterable.size)
    }
    guard let iterator = iter(iterable) else { return nil }
    defer { decref(iterator) }
    var capacity = lengthHint(iterable, fallback: 10)
    guard capacity >= 0, var result = allocateTuple(capacity).map(finishTuple) else { return nil }
    var count = 0
    while let item = next(iterator) {
      if count == capacity {
        capacity += 10
        capacity += capacity >> 2
        guard let grown = resizedTuple(result, filled: count, to: capacity) else {
          decref(item)
          return nil
        }
        result = grown
      }
      TupleObject.items(result)[count] = item.raw
      count += 1
    }
    if hasError {
      decref(result)
      return nil
    }
    return count < capacity ? resizedTuple(result, filled: count, to: count) : result
  }

  /// `_PyTuple_Resize` for ``tupleFrom(_:)``: a new tuple of `newCount` slots (tracked,
  /// or the empty tuple) takes over the `filled` items of `tuple`, which is released (an
  /// empty shell). Nil with `MemoryError` set; `tuple` is released then too.
  private func resizedTuple(_ tuple: PyRef, filled: Int, to newCount: Int) -> PyRef? {
    guard let resized = allocateTuple(newCount) else {
      decref(tuple)
      return nil
    }
    let source = TupleObject.items(tuple)
    if filled > 0 {
      TupleObject.items(resized).moveInitialize(from: source, count: filled)
      source.initialize(repeating: nil, count: filled)
    }
    decref(tuple)
    return finishTuple(resized)
  }

  /// `list(iterable)`.
  public func listFrom(_ iterable: PyRef) -> PyRef? {
    guard let items = collectItems(iterable) else { return nil }
    defer { for item in items { decref(item) } }
    guard let list = newList() else { return nil }
    for item in items where !listAppend(list, item) {
      decref(list)
      return nil
    }
    return list
  }
}
