/// Filling a dict from another mapping or from key/value pairs: `dict(x)`, `d.update(x)`,
/// `d |= x`, `{**a}`, `dict.copy()`, `dict.fromkeys()`.
/// CPython: Objects/dictobject.c, `dict_merge()`, `PyDict_MergeFromSeq2()`,
/// `dict_update_arg()`, `PyDict_Copy()`, `dict_fromkeys()`.
extension RuntimeRef {
  /// Whether `object` is a dict whose iteration is the dict's own (not overridden by a
  /// subclass), so its table can be read directly.
  func isPlainIterableDict(_ object: PyRef) -> Bool {
    object.type.record.pointee.kind == .dict && sameFunction(object.type.record.pointee.iter, DictObject.iter)
  }

  /// `dict_merge(a, b, override)`: copies `b`'s items into `a`. `override` 1 replaces
  /// existing keys, 0 keeps them, 2 raises `KeyError(key)` on a duplicate (`**kwargs`
  /// merging). `b` is a dict (read directly) or any object with `keys()` and `[]`.
  public func dictMerge(_ a: PyRef, _ b: PyRef, override: Int) -> Bool {
    guard isPlainIterableDict(b) else { return dictMergeFromMapping(a, b, override: override) }
    let otherCount = DictObject.count(b)
    if b == a || otherCount == 0 { return true }
    var override = override
    if DictObject.count(a) == 0, let otherTable = DictObject.table(b) {
      override = 1
      // A clean, compact, combined source table is copied whole.
      if DictObject.sharedKeys(b) == nil && otherCount == otherTable.entryCount
          && (otherTable.capacity == DictObject.minimumCapacity
              || DictObject.usableFraction(otherTable.capacity / 2) < otherCount) {
        let old = DictObject.table(a)
        DictObject.willChange(a, self)
        DictObject.setTable(a, nil)
        if let old { freeMemory(old.raw) }
        guard cloneDictTable(b, into: a) else { return false }
        if b.gc.isTracked && !a.gc.isTracked { track(a) }
        return true
      }
    }
    // One big resize first: expect few overlapping keys.
    let currentCapacity = DictObject.table(a)?.capacity ?? 1
    if DictObject.usableFraction(currentCapacity) < otherCount {
      let unicode = DictObject.table(b)?.isUnicode ?? false
      let capacity = DictObject.capacity(forEntries: DictObject.count(a) + otherCount)
      guard resizeDict(a, capacity: capacity, unicode: unicode) else { return false }
    }
    let originalEntries = DictObject.table(b)?.entryCount ?? 0
    var position = 0
    while let (key, value, hash) = dictNext(b, &position) {
      key.incref()
      value.incref()
      defer { decref(key); decref(value) }
      if override == 1 {
        guard dictInsert(a, key, hash: hash, value) else { return false }
      } else {
        switch DictObject.lookup(a, key, hash: hash, self) {
        case .failure: return false
        case .absent: guard dictInsert(a, key, hash: hash, value) else { return false }
        case .found:
          if override != 0 {
            raiseKeyError(key)
            return false
          }
        }
      }
      if (DictObject.table(b)?.entryCount ?? 0) != originalEntries {
        raise("RuntimeError", "dict mutated during update")
        return false
      }
    }
    return true
  }

  /// The generic form of ``dictMerge(_:_:override:)``: `for k in b.keys(): a[k] = b[k]`.
  private func dictMergeFromMapping(_ a: PyRef, _ b: PyRef, override: Int) -> Bool {
    guard let keys = callMethod(b, "keys") else { return false }
    defer { decref(keys) }
    guard let iterator = iter(keys) else { return false }
    defer { decref(iterator) }
    while let key = next(iterator) {
      defer { decref(key) }
      if override != 1 {
        let present = dictContains(a, key)
        if present < 0 { return false }
        if present > 0 {
          if override == 0 { continue }
          raiseKeyError(key)
          return false
        }
      }
      guard let value = getItem(b, key) else { return false }
      let ok = dictSetItem(a, key, value)
      decref(value)
      guard ok else { return false }
    }
    return !hasError
  }

  /// `PyDict_MergeFromSeq2`: `a[k] = v` for each pair `(k, v)` of `pairs`, with CPython's
  /// messages for elements that are not pairs. `override` false keeps existing keys.
  public func dictMergeFromPairs(_ a: PyRef, _ pairs: PyRef, override: Bool = true) -> Bool {
    guard let iterator = iter(pairs) else { return false }
    defer { decref(iterator) }
    var index = 0
    while let item = next(iterator) {
      defer { decref(item) }
      guard let fast = sequenceFast(item, "") else {
        if exceptionMatches("TypeError") {
          raise("TypeError", "cannot convert dictionary update sequence element #\(index) to a sequence")
        }
        return false
      }
      defer { decref(fast) }
      let (items, count) = fastItems(fast)
      guard count == 2 else {
        raise("ValueError", "dictionary update sequence element #\(index) has length \(count); 2 is required")
        return false
      }
      let key = PyRef(items.unsafelyUnwrapped[0].unsafelyUnwrapped)
      let value = PyRef(items.unsafelyUnwrapped[1].unsafelyUnwrapped)
      key.incref()
      value.incref()
      defer { decref(key); decref(value) }
      if override {
        guard dictSetItem(a, key, value) else { return false }
      } else {
        let present = dictContains(a, key)
        if present < 0 { return false }
        if present == 0 { guard dictSetItem(a, key, value) else { return false } }
      }
      index += 1
    }
    return !hasError
  }

  /// `dict_update_arg`: a dict or anything with `keys` merges as a mapping; anything else
  /// must be an iterable of pairs.
  public func dictUpdate(_ dict: PyRef, with argument: PyRef) -> Bool {
    if argument.type == state.pointee.types.dict { return dictMerge(dict, argument, override: 1) }
    if let keys = getAttribute(argument, "keys") {
      decref(keys)
      return dictMerge(dict, argument, override: 1)
    }
    guard exceptionMatches("AttributeError") else { return false }
    clearError()
    return dictMergeFromPairs(dict, argument)
  }

  /// `dict_update_common`: the positional argument (at most one) then the keywords, for
  /// `dict(...)` and `d.update(...)`.
  func dictUpdateFromArguments(_ dict: PyRef, _ args: Arguments, positional: Range<Int>, name: String) -> Bool {
    guard Arguments.checkPositional(args.rt, name, positional.count, 0, 1) else { return false }
    if positional.count == 1 {
      guard dictUpdate(dict, with: args[positional.lowerBound]) else { return false }
    }
    for index in 0..<args.keywordCount {
      let (name, value) = args.keyword(index)
      guard dictSetItem(dict, name, value) else { return false }
    }
    return true
  }

  /// `PyDict_Copy`: always an exact dict. A compact table is copied whole.
  public func dictCopy(_ dict: PyRef) -> PyRef? {
    guard let copy = newDict() else { return nil }
    // A split dict's copy shares the same names (CPython copies its values array).
    if let keys = DictObject.sharedKeys(dict) { DictObject.setSharedKeys(copy, keys) }
    guard DictObject.count(dict) > 0 else { return copy }
    if isPlainIterableDict(dict), let table = DictObject.table(dict),
       DictObject.count(dict) >= table.entryCount * 2 / 3 {
      guard cloneDictTable(dict, into: copy) else { decref(copy); return nil }
      if dict.gc.isTracked { track(copy) }
      return copy
    }
    guard dictMerge(copy, dict, override: 1) else {
      decref(copy)
      return nil
    }
    return copy
  }
}
