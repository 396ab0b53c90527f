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

  /// `tuple(iterable)`: the same object when it already is an exact tuple.
  public func tupleFrom(_ iterable: PyRef) -> PyRef? {
    if iterable.type == state.pointee.types.tuple {
      iterable.incref()
      return iterable
    }
    guard let items = collectItems(iterable) else { return nil }
    return newTuple(items)   // takes over the references
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
