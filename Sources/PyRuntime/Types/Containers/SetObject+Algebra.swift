/// The set algebra, following CPython's loops exactly (which set is iterated, which is
/// probed, which table a result is built from), so results iterate in CPython's order.
/// CPython: Objects/setobject.c, `set_intersection()`, `set_difference()`,
/// `set_symmetric_difference_update()`, `set_issubset()`, …
extension RuntimeRef {
  /// `set_copy`: a new set (or frozenset, after the built-in base of `set`'s type) with
  /// the same keys.
  func setCopy(_ set: PyRef) -> PyRef? { makeNewSetOfBaseType(set.type, set) }

  /// `set & other` / `set.intersection(other)`.
  func setIntersection(_ set: PyRef, _ other: PyRef) -> PyRef? {
    if set == other { return setCopy(set) }
    guard let result = makeNewSetOfBaseType(set.type, nil) else { return nil }
    if isAnySet(other) {
      var probed = set, iterated = other
      if SetObject.count(other) > SetObject.count(set) { swap(&probed, &iterated) }
      var position = 0
      while let (key, hash) = SetObject.next(iterated, &position) {
        key.incref()
        defer { decref(key) }
        let found = setContainsEntry(probed, key, hash: hash)
        if found < 0 { decref(result); return nil }
        if found > 0, !setAddEntry(result, key, hash: hash) { decref(result); return nil }
      }
      return result
    }
    guard let iterator = iter(other) else { decref(result); return nil }
    defer { decref(iterator) }
    while let key = next(iterator) {
      defer { decref(key) }
      let hash = self.hash(key)
      if hash == -1 && hasError { decref(result); return nil }
      let found = setContainsEntry(set, key, hash: hash)
      if found < 0 { decref(result); return nil }
      if found > 0, !setAddEntry(result, key, hash: hash) { decref(result); return nil }
    }
    if hasError { decref(result); return nil }
    return result
  }

  /// `set.intersection(*others)`: successive intersections; a copy without arguments.
  func setIntersectionMulti(_ set: PyRef, _ others: [PyRef]) -> PyRef? {
    if others.isEmpty { return setCopy(set) }
    var result = set
    result.incref()
    for other in others {
      guard let next = setIntersection(result, other) else { decref(result); return nil }
      decref(result)
      result = next
    }
    return result
  }

  /// `set_swap_bodies`: exchanges the tables (and the hashes, between frozensets) of two
  /// sets, small tables included.
  func setSwapBodies(_ a: PyRef, _ b: PyRef) {
    let fillA = SetObject.fill(a), usedA = SetObject.count(a), maskA = SetObject.mask(a)
    let tableA = SetObject.table(a), smallA = tableA == SetObject.smallTable(a)
    let fillB = SetObject.fill(b), usedB = SetObject.count(b), maskB = SetObject.mask(b)
    let tableB = SetObject.table(b), smallB = tableB == SetObject.smallTable(b)
    let byteCount = SetObject.minimumSize * SetObject.entrySize
    let scratch = UnsafeMutableRawPointer.allocate(byteCount: byteCount, alignment: 8)
    defer { scratch.deallocate() }
    scratch.copyMemory(from: SetObject.smallTable(a), byteCount: byteCount)
    SetObject.smallTable(a).copyMemory(from: SetObject.smallTable(b), byteCount: byteCount)
    SetObject.smallTable(b).copyMemory(from: scratch, byteCount: byteCount)
    SetObject.setFill(a, fillB)
    SetObject.setCount(a, usedB)
    SetObject.setTable(a, smallB ? SetObject.smallTable(a) : tableB, mask: maskB)
    SetObject.setFill(b, fillA)
    SetObject.setCount(b, usedA)
    SetObject.setTable(b, smallA ? SetObject.smallTable(b) : tableA, mask: maskA)
    let frozenset = state.pointee.types.frozenset!
    if isSubtype(a.type, frozenset) && isSubtype(b.type, frozenset) {
      let hashA = SetObject.cachedHash(a)
      SetObject.setCachedHash(a, SetObject.cachedHash(b))
      SetObject.setCachedHash(b, hashA)
    } else {
      SetObject.setCachedHash(a, -1)
      SetObject.setCachedHash(b, -1)
    }
  }

  /// `set &= other`, `set.intersection_update(*others)`.
  func setIntersectionUpdate(_ set: PyRef, _ others: [PyRef]) -> Bool {
    guard let result = setIntersectionMulti(set, others) else { return false }
    setSwapBodies(set, result)
    decref(result)
    return true
  }

  /// `set_difference_update_internal`: removes the items of `other`; sheds the dummies
  /// when more than a quarter of the table is dummies.
  func setDifferenceUpdate(_ set: PyRef, _ other: PyRef) -> Bool {
    if set == other {
      setClearInternal(set)
      return true
    }
    if isAnySet(other) {
      var position = 0
      while let (key, hash) = SetObject.next(other, &position) {
        key.incref()
        let removed = setDiscardEntry(set, key, hash: hash)
        decref(key)
        if removed < 0 { return false }
      }
    } else if other.type == state.pointee.types.dict {
      var position = 0
      while let (key, _, hash) = dictNext(other, &position) {
        key.incref()
        let removed = setDiscardEntry(set, key, hash: hash)
        decref(key)
        if removed < 0 { return false }
      }
    } else {
      guard let iterator = iter(other) else { return false }
      defer { decref(iterator) }
      while let key = next(iterator) {
        let removed = setDiscardKey(set, key)
        decref(key)
        if removed < 0 { return false }
      }
      if hasError { return false }
    }
    if SetObject.fill(set) - SetObject.count(set) <= SetObject.mask(set) / 4 { return true }
    let used = SetObject.count(set)
    return setTableResize(set, used > 50000 ? used * 2 : used * 4)
  }

  /// `set - other` / `set.difference(other)`: iterates `set` and probes `other` when
  /// `other` is a set or dict not much smaller; otherwise copies and removes.
  func setDifference(_ set: PyRef, _ other: PyRef) -> PyRef? {
    let otherSize: Int
    if isAnySet(other) {
      otherSize = SetObject.count(other)
    } else if other.type == state.pointee.types.dict {
      otherSize = DictObject.count(other)
    } else {
      return setCopyAndDifference(set, other)
    }
    if SetObject.count(set) >> 2 > otherSize { return setCopyAndDifference(set, other) }
    guard let result = makeNewSetOfBaseType(set.type, nil) else { return nil }
    let otherIsDict = other.type == state.pointee.types.dict
    var position = 0
    while let (key, hash) = SetObject.next(set, &position) {
      key.incref()
      defer { decref(key) }
      let found: Int32
      if otherIsDict {
        switch DictObject.lookup(other, key, hash: hash, self) {
        case .failure: found = -1
        case .absent: found = 0
        case .found: found = 1
        }
      } else {
        found = setContainsEntry(other, key, hash: hash)
      }
      if found < 0 { decref(result); return nil }
      if found == 0, !setAddEntry(result, key, hash: hash) { decref(result); return nil }
    }
    return result
  }

  private func setCopyAndDifference(_ set: PyRef, _ other: PyRef) -> PyRef? {
    guard let result = setCopy(set) else { return nil }
    guard setDifferenceUpdate(result, other) else { decref(result); return nil }
    return result
  }

  /// `set.difference(*others)`.
  func setDifferenceMulti(_ set: PyRef, _ others: [PyRef]) -> PyRef? {
    guard let first = others.first else { return setCopy(set) }
    guard let result = setDifference(set, first) else { return nil }
    for other in others.dropFirst() {
      guard setDifferenceUpdate(result, other) else { decref(result); return nil }
    }
    return result
  }

  /// `set ^= other`, `set.symmetric_difference_update(other)`: each key of `other` is
  /// removed if present, added if not.
  func setSymmetricDifferenceUpdate(_ set: PyRef, _ other: PyRef) -> Bool {
    if set == other {
      setClearInternal(set)
      return true
    }
    if other.type == state.pointee.types.dict {
      var position = 0
      while let (key, _, hash) = dictNext(other, &position) {
        key.incref()
        defer { decref(key) }
        let removed = setDiscardEntry(set, key, hash: hash)
        if removed < 0 { return false }
        if removed == 0, !setAddEntry(set, key, hash: hash) { return false }
      }
      return true
    }
    let otherSet: PyRef
    if isAnySet(other) {
      other.incref()
      otherSet = other
    } else {
      guard let made = makeNewSetOfBaseType(set.type, other) else { return false }
      otherSet = made
    }
    defer { decref(otherSet) }
    var position = 0
    while let (key, hash) = SetObject.next(otherSet, &position) {
      key.incref()
      defer { decref(key) }
      let removed = setDiscardEntry(set, key, hash: hash)
      if removed < 0 { return false }
      if removed == 0, !setAddEntry(set, key, hash: hash) { return false }
    }
    return true
  }

  /// `set ^ other`: built from `other`'s keys, then updated with `set`'s.
  func setSymmetricDifference(_ set: PyRef, _ other: PyRef) -> PyRef? {
    guard let result = makeNewSetOfBaseType(set.type, other) else { return nil }
    guard setSymmetricDifferenceUpdate(result, set) else { decref(result); return nil }
    return result
  }

  /// `set | other` / `set.union(*others)`.
  func setUnion(_ set: PyRef, _ others: [PyRef]) -> PyRef? {
    guard let result = setCopy(set) else { return nil }
    for other in others where other != set {
      guard setUpdateInternal(result, other) else { decref(result); return nil }
    }
    return result
  }

  /// `set.update(*others)`, `set |= other`.
  public func setUpdate(_ set: PyRef, _ other: PyRef) -> Bool { setUpdateInternal(set, other) }

  /// `set <= other` / `set.issubset(other)`: 1, 0, or -1.
  func setIsSubset(_ set: PyRef, _ other: PyRef) -> Int32 {
    if !isAnySet(other) {
      guard let temporary = newSet(other) else { return -1 }
      defer { decref(temporary) }
      return setIsSubset(set, temporary)
    }
    if SetObject.count(set) > SetObject.count(other) { return 0 }
    var position = 0
    while let (key, hash) = SetObject.next(set, &position) {
      key.incref()
      let found = setContainsEntry(other, key, hash: hash)
      decref(key)
      if found <= 0 { return found }
    }
    return 1
  }

  /// `set >= other` / `set.issuperset(other)`: 1, 0, or -1.
  func setIsSuperset(_ set: PyRef, _ other: PyRef) -> Int32 {
    if isAnySet(other) { return setIsSubset(other, set) }
    guard let iterator = iter(other) else { return -1 }
    defer { decref(iterator) }
    while let key = next(iterator) {
      let found = setContainsKey(set, key)
      decref(key)
      if found <= 0 { return found }
    }
    return hasError ? -1 : 1
  }

  /// `set.isdisjoint(other)`: 1, 0, or -1.
  func setIsDisjoint(_ set: PyRef, _ other: PyRef) -> Int32 {
    if set == other { return SetObject.count(set) == 0 ? 1 : 0 }
    if other.type == state.pointee.types.set || other.type == state.pointee.types.frozenset {
      var probed = set, iterated = other
      if SetObject.count(other) > SetObject.count(set) { swap(&probed, &iterated) }
      var position = 0
      while let (key, hash) = SetObject.next(iterated, &position) {
        key.incref()
        let found = setContainsEntry(probed, key, hash: hash)
        decref(key)
        if found != 0 { return found < 0 ? -1 : 0 }
      }
      return 1
    }
    guard let iterator = iter(other) else { return -1 }
    defer { decref(iterator) }
    while let key = next(iterator) {
      let found = setContainsKey(set, key)
      decref(key)
      if found != 0 { return found < 0 ? -1 : 0 }
    }
    return hasError ? -1 : 1
  }

  /// `key in set`, `set.remove(key)`, `set.discard(key)` accept a set as the key by looking
  /// up the equal frozenset (`set_contains`'s retry).
  func withHashableSetKey(_ key: PyRef, _ body: (PyRef) -> Int32) -> Int32 {
    let result = body(key)
    guard result < 0, key.type.record.pointee.kind == .set, exceptionMatches("TypeError") else { return result }
    clearError()
    guard let frozen = newFrozenSet(key) else { return -1 }
    defer { decref(frozen) }
    return body(frozen)
  }
}
