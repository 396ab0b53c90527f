/// `set` and `frozenset`: CPython's open-addressing hash table, entry for entry, so the
/// iteration order (what `print({3, 1, 2})` shows) is CPython's for the same hashes.
///
/// ```
///   -16 GC header | 0 refcount | 8 type | 16 fill | 24 used | 32 mask | 40 table →
///   | 48 hash (frozenset) | 56 finger | 64 small table: 8 × (key, hash) | 192 weaklist
/// ```
/// Entries are (key, hash) pairs: unused (nil, 0), dummy (a marker, -1) after a deletion,
/// or active. Lookups probe 9 neighbouring slots before jumping (`LINEAR_PROBES`), then
/// perturb the index with the hash's high bits; the table grows to four times the live
/// keys (twice past 50,000) once it is 60% full. Tables of 8 live inside the object, bigger
/// ones in the mem domain. `sys.getsizeof(set())` is 216, as in CPython 3.11.
/// CPython: Include/cpython/setobject.h, Objects/setobject.c.
public enum SetObject {
  static let fillOffset = 16
  static let usedOffset = 24
  static let maskOffset = 32
  static let tableOffset = 40
  static let hashOffset = 48
  static let fingerOffset = 56
  static let smallTableOffset = 64
  static let weakListOffset = 192
  static let basicSize = 200
  /// `PySet_MINSIZE`.
  static let minimumSize = 8
  static let entrySize = 16
  static let linearProbes = 9
  static let perturbShift = 5
  /// The key of a dummy entry (CPython's `dummy` object; never a real object here, and
  /// never dereferenced: a dummy's hash is -1, which no live key has).
  @inline(__always) static var dummy: UnsafeMutableRawPointer { UnsafeMutableRawPointer(bitPattern: 0x5E7D).unsafelyUnwrapped }

  @inline(__always) static func fill(_ set: PyRef) -> Int { set.raw.load(fromByteOffset: fillOffset, as: Int.self) }
  @inline(__always) static func setFill(_ set: PyRef, _ value: Int) { set.raw.storeBytes(of: value, toByteOffset: fillOffset, as: Int.self) }
  /// `len(set)`.
  @inline(__always) public static func count(_ set: PyRef) -> Int { set.raw.load(fromByteOffset: usedOffset, as: Int.self) }
  @inline(__always) static func setCount(_ set: PyRef, _ value: Int) { set.raw.storeBytes(of: value, toByteOffset: usedOffset, as: Int.self) }
  @inline(__always) static func mask(_ set: PyRef) -> Int { set.raw.load(fromByteOffset: maskOffset, as: Int.self) }
  @inline(__always) static func table(_ set: PyRef) -> UnsafeMutableRawPointer {
    set.raw.load(fromByteOffset: tableOffset, as: UnsafeMutableRawPointer.self)
  }
  @inline(__always) static func smallTable(_ set: PyRef) -> UnsafeMutableRawPointer { set.raw + smallTableOffset }
  @inline(__always) static func setTable(_ set: PyRef, _ table: UnsafeMutableRawPointer, mask: Int) {
    set.raw.storeBytes(of: table, toByteOffset: tableOffset, as: UnsafeMutableRawPointer.self)
    set.raw.storeBytes(of: mask, toByteOffset: maskOffset, as: Int.self)
  }
  @inline(__always) static func cachedHash(_ set: PyRef) -> Int { set.raw.load(fromByteOffset: hashOffset, as: Int.self) }
  @inline(__always) static func setCachedHash(_ set: PyRef, _ value: Int) {
    set.raw.storeBytes(of: value, toByteOffset: hashOffset, as: Int.self)
  }
  @inline(__always) static func finger(_ set: PyRef) -> Int { set.raw.load(fromByteOffset: fingerOffset, as: Int.self) }
  @inline(__always) static func setFinger(_ set: PyRef, _ value: Int) {
    set.raw.storeBytes(of: value, toByteOffset: fingerOffset, as: Int.self)
  }

  // Entries.
  @inline(__always) static func entry(_ table: UnsafeMutableRawPointer, _ index: Int) -> UnsafeMutableRawPointer {
    table + index &* entrySize
  }
  @inline(__always) static func key(_ entry: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer? {
    entry.load(as: UnsafeMutableRawPointer?.self)
  }
  @inline(__always) static func hash(_ entry: UnsafeMutableRawPointer) -> Int { entry.load(fromByteOffset: 8, as: Int.self) }
  @inline(__always) static func setEntry(_ entry: UnsafeMutableRawPointer, _ key: UnsafeMutableRawPointer?, _ hash: Int) {
    entry.storeBytes(of: key, as: UnsafeMutableRawPointer?.self)
    entry.storeBytes(of: hash, toByteOffset: 8, as: Int.self)
  }
  /// An entry holding a live key (not unused, not dummy).
  @inline(__always) static func isActive(_ entry: UnsafeMutableRawPointer) -> Bool {
    guard let key = key(entry) else { return false }
    return key != dummy
  }

  /// Initializes the fields of a freshly allocated set: empty, small table.
  static func initializeEmpty(_ set: PyRef) {
    setFill(set, 0)
    setCount(set, 0)
    smallTable(set).initializeMemory(as: UInt8.self, repeating: 0, count: minimumSize * entrySize)
    setTable(set, smallTable(set), mask: minimumSize - 1)
    setCachedHash(set, -1)
    setFinger(set, 0)
    set.storeRef(nil, at: weakListOffset)
  }

  /// `set_next`: the active entry at or after `position` (a borrowed key and its hash),
  /// advancing `position` past it; nil at the end.
  static func next(_ set: PyRef, _ position: inout Int) -> (key: PyRef, hash: Int)? {
    let table = SetObject.table(set), mask = SetObject.mask(set)
    while position <= mask {
      let entry = SetObject.entry(table, position)
      position += 1
      if isActive(entry) { return (PyRef(key(entry).unsafelyUnwrapped), hash(entry)) }
    }
    return nil
  }

  static func makeTypes(_ rt: RuntimeRef) -> (set: PyType, frozenset: PyType) {
    let set = rt.makeType(name: "set", basicSize: basicSize, flags: [.haveGC], weakListOffset: weakListOffset,
                          dealloc: dealloc, traverse: traverse, clear: clear, hash: RuntimeRef.unhashable)
    let frozenset = rt.makeType(name: "frozenset", basicSize: basicSize, flags: [.haveGC], weakListOffset: weakListOffset,
                                dealloc: dealloc, traverse: traverse, clear: clear, hash: frozensetHash)
    return (set, frozenset)
  }

  /// Keys are released in table order, then the table, then the set.
  static let dealloc: Slot.Dealloc = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let set = PyRef(raw)
    rt.untrack(set)
    if set.loadRef(at: weakListOffset) != nil { rt.clearWeakReferences(set) }
    let table = SetObject.table(set)
    var remaining = fill(set)
    var index = 0
    while remaining > 0 {
      let entry = SetObject.entry(table, index)
      if let key = key(entry) {
        remaining -= 1
        if key != dummy { rt.decref(PyRef(key)) }
      }
      index += 1
    }
    if table != smallTable(set) { rt.freeMemory(table) }
    rt.freeObject(set)
  }

  static let traverse: Slot.Traverse = { raw, visit, arg in
    let set = PyRef(raw)
    var position = 0
    while let (key, _) = next(set, &position) {
      let result = visit(key.raw, arg)
      if result != 0 { return result }
    }
    return 0
  }

  static let clear: Slot.Clear = { raw, runtime in
    RuntimeRef(raw: runtime).setClearInternal(PyRef(raw))
  }

  /// `frozenset_hash`: order-independent (a xor of shuffled entry hashes, over the whole
  /// table, corrected for unused and dummy entries), cached.
  static let frozensetHash: Slot.Hash = { raw, _ in
    let set = PyRef(raw)
    let cached = cachedHash(set)
    if cached != -1 { return cached }
    func shuffle(_ h: UInt) -> UInt { ((h ^ 89869747) ^ (h << 16)) &* 3644798167 }
    var hash: UInt = 0
    let table = SetObject.table(set), mask = SetObject.mask(set)
    for index in 0...mask { hash ^= shuffle(UInt(bitPattern: SetObject.hash(SetObject.entry(table, index)))) }
    // Unused entries hash 0 and dummies -1: take out an odd number of either.
    if (mask + 1 - fill(set)) & 1 != 0 { hash ^= shuffle(0) }
    if (fill(set) - count(set)) & 1 != 0 { hash ^= shuffle(UInt.max) }
    hash ^= (UInt(count(set)) &+ 1) &* 1927868237
    hash ^= (hash >> 11) ^ (hash >> 25)
    hash = hash &* 69069 &+ 907133923
    if hash == UInt.max { hash = 590923713 }
    let result = Int(bitPattern: hash)
    setCachedHash(set, result)
    return result
  }
}

extension RuntimeRef {
  /// A set or frozenset, or an instance of a subclass (`PyAnySet_Check`).
  @inlinable
  public func isAnySet(_ object: PyRef) -> Bool {
    let kind = object.type.record.pointee.kind
    return kind == .set || kind == .frozenset
  }

  /// `make_new_set`: a new set of `type` (tracked) holding the items of `iterable`.
  func makeNewSet(_ type: PyType, _ iterable: PyRef?) -> PyRef? {
    guard let set = allocateObject(type) else { return nil }
    SetObject.initializeEmpty(set)
    initializeInstanceSlots(set)
    track(set)
    if let iterable, !setUpdateInternal(set, iterable) {
      decref(set)
      return nil
    }
    return set
  }

  /// `make_new_set_basetype`: like ``makeNewSet(_:_:)`` with the built-in base of `type`.
  func makeNewSetOfBaseType(_ type: PyType, _ iterable: PyRef?) -> PyRef? {
    let setType = state.pointee.types.set!
    let base = type == setType || isSubtype(type, setType) ? setType : state.pointee.types.frozenset!
    return makeNewSet(base, iterable)
  }

  /// `set(iterable)` (or `set()` for nil): a new set.
  public func newSet(_ iterable: PyRef?) -> PyRef? { makeNewSet(state.pointee.types.set, iterable) }

  /// `frozenset(iterable)`: a new frozenset.
  public func newFrozenSet(_ iterable: PyRef?) -> PyRef? { makeNewSet(state.pointee.types.frozenset, iterable) }

  /// What a set lookup found.
  enum SetLookup {
    case found(UnsafeMutableRawPointer)
    case absent
    case failure
  }

  /// `set_lookkey`: the active entry holding a key equal to `key`. A comparison that
  /// changes the table (or the entry) starts the lookup over.
  func setLookup(_ set: PyRef, _ key: PyRef, hash: Int) -> SetLookup {
    restart: while true {
      let table = SetObject.table(set)
      var mask = SetObject.mask(set)
      var index = hash & mask
      var perturb = UInt(bitPattern: hash)
      while true {
        var entry = SetObject.entry(table, index)
        var probes = index + SetObject.linearProbes <= mask ? SetObject.linearProbes : 0
        while true {
          let entryHash = SetObject.hash(entry)
          if entryHash == 0 && SetObject.key(entry) == nil { return .absent }
          if entryHash == hash {
            let startKey = SetObject.key(entry).unsafelyUnwrapped
            if startKey == key.raw { return .found(entry) }
            let candidate = PyRef(startKey)
            if candidate.type == state.pointee.types.str && key.type == state.pointee.types.str {
              if StrObject.equals(candidate, key) { return .found(entry) }
            } else {
              candidate.incref()
              let same = richCompareBool(candidate, key, .equal)
              decref(candidate)
              if same < 0 { return .failure }
              if SetObject.table(set) != table || SetObject.key(entry) != startKey { continue restart }
              if same > 0 { return .found(entry) }
              mask = SetObject.mask(set)
            }
          }
          if probes == 0 { break }
          probes -= 1
          entry += SetObject.entrySize
        }
        perturb >>= UInt(SetObject.perturbShift)
        index = (index &* 5 &+ 1 &+ Int(bitPattern: perturb)) & mask
      }
    }
  }

  /// `set_add_entry`: adds `key` (a new reference is taken) unless an equal key is there.
  /// Reuses the last dummy seen on the probe sequence; grows the table when 60% full.
  func setAddEntry(_ set: PyRef, _ key: PyRef, hash: Int) -> Bool {
    key.incref()
    restart: while true {
      let table = SetObject.table(set)
      var mask = SetObject.mask(set)
      var index = hash & mask
      var perturb = UInt(bitPattern: hash)
      var freeSlot: UnsafeMutableRawPointer?
      while true {
        var entry = SetObject.entry(table, index)
        var probes = index + SetObject.linearProbes <= mask ? SetObject.linearProbes : 0
        while true {
          let entryHash = SetObject.hash(entry)
          if entryHash == 0 && SetObject.key(entry) == nil {
            if let freeSlot {
              SetObject.setEntry(freeSlot, key.raw, hash)
              SetObject.setCount(set, SetObject.count(set) + 1)
              return true
            }
            SetObject.setEntry(entry, key.raw, hash)
            SetObject.setFill(set, SetObject.fill(set) + 1)
            SetObject.setCount(set, SetObject.count(set) + 1)
            if SetObject.fill(set) * 5 < mask * 3 { return true }
            let used = SetObject.count(set)
            return setTableResize(set, used > 50000 ? used * 2 : used * 4)
          }
          if entryHash == hash {
            let startKey = SetObject.key(entry).unsafelyUnwrapped
            if startKey == key.raw { decref(key); return true }
            let candidate = PyRef(startKey)
            if candidate.type == state.pointee.types.str && key.type == state.pointee.types.str {
              if StrObject.equals(candidate, key) { decref(key); return true }
            } else {
              candidate.incref()
              let same = richCompareBool(candidate, key, .equal)
              decref(candidate)
              if same > 0 { decref(key); return true }
              if same < 0 { decref(key); return false }
              if SetObject.table(set) != table || SetObject.key(entry) != startKey { continue restart }
              mask = SetObject.mask(set)
            }
          } else if entryHash == -1 {
            freeSlot = entry
          }
          if probes == 0 { break }
          probes -= 1
          entry += SetObject.entrySize
        }
        perturb >>= UInt(SetObject.perturbShift)
        index = (index &* 5 &+ 1 &+ Int(bitPattern: perturb)) & mask
      }
    }
  }

  /// `set_add_key`: hashes `key` and adds it.
  @discardableResult
  public func setAdd(_ set: PyRef, _ key: PyRef) -> Bool {
    let hash = self.hash(key)
    if hash == -1 && hasError { return false }
    return setAddEntry(set, key, hash: hash)
  }

  /// `set_insert_clean`: puts a key known to be absent into a table without dummies.
  static func setInsertClean(_ table: UnsafeMutableRawPointer, mask: Int, _ key: UnsafeMutableRawPointer, hash: Int) {
    var index = hash & mask
    var perturb = UInt(bitPattern: hash)
    while true {
      var entry = SetObject.entry(table, index)
      if SetObject.key(entry) == nil {
        SetObject.setEntry(entry, key, hash)
        return
      }
      if index + SetObject.linearProbes <= mask {
        for _ in 0..<SetObject.linearProbes {
          entry += SetObject.entrySize
          if SetObject.key(entry) == nil {
            SetObject.setEntry(entry, key, hash)
            return
          }
        }
      }
      perturb >>= UInt(SetObject.perturbShift)
      index = (index &* 5 &+ 1 &+ Int(bitPattern: perturb)) & mask
    }
  }

  /// `set_table_resize`: a table of the smallest power of two above `minimumUsed` (at least
  /// 8), the live keys reinserted in table order, the dummies dropped.
  func setTableResize(_ set: PyRef, _ minimumUsed: Int) -> Bool {
    var newSize = SetObject.minimumSize
    while newSize <= minimumUsed { newSize <<= 1 }
    var oldTable = SetObject.table(set)
    let oldMask = SetObject.mask(set)
    let oldIsMalloced = oldTable != SetObject.smallTable(set)
    let newTable: UnsafeMutableRawPointer
    var smallCopy: UnsafeMutableRawPointer?
    if newSize == SetObject.minimumSize {
      newTable = SetObject.smallTable(set)
      if newTable == oldTable {
        if SetObject.fill(set) == SetObject.count(set) { return true }
        // Rebuild the small table in place, from a copy.
        let copy = UnsafeMutableRawPointer.allocate(byteCount: SetObject.minimumSize * SetObject.entrySize, alignment: 8)
        copy.copyMemory(from: oldTable, byteCount: SetObject.minimumSize * SetObject.entrySize)
        smallCopy = copy
        oldTable = copy
      }
    } else {
      guard newSize <= Int.max / SetObject.entrySize, let block = allocateMemory(newSize * SetObject.entrySize) else {
        if !hasError { raise("MemoryError") }
        return false
      }
      newTable = block
    }
    defer { smallCopy?.deallocate() }
    newTable.initializeMemory(as: UInt8.self, repeating: 0, count: newSize * SetObject.entrySize)
    SetObject.setTable(set, newTable, mask: newSize - 1)
    let dropDummies = SetObject.fill(set) != SetObject.count(set)
    if dropDummies { SetObject.setFill(set, SetObject.count(set)) }
    for index in 0...oldMask {
      let entry = SetObject.entry(oldTable, index)
      guard let key = SetObject.key(entry), key != SetObject.dummy else { continue }
      RuntimeRef.setInsertClean(newTable, mask: newSize - 1, key, hash: SetObject.hash(entry))
    }
    if oldIsMalloced { freeMemory(oldTable) }
    return true
  }

  /// `set_discard_entry`: 1 when removed, 0 when absent, -1 on error.
  func setDiscardEntry(_ set: PyRef, _ key: PyRef, hash: Int) -> Int32 {
    switch setLookup(set, key, hash: hash) {
    case .failure: return -1
    case .absent: return 0
    case .found(let entry):
      let old = PyRef(SetObject.key(entry).unsafelyUnwrapped)
      SetObject.setEntry(entry, SetObject.dummy, -1)
      SetObject.setCount(set, SetObject.count(set) - 1)
      decref(old)
      return 1
    }
  }

  /// `set_discard_key`.
  func setDiscardKey(_ set: PyRef, _ key: PyRef) -> Int32 {
    let hash = self.hash(key)
    if hash == -1 && hasError { return -1 }
    return setDiscardEntry(set, key, hash: hash)
  }

  /// `set_contains_entry`: 1, 0, or -1.
  func setContainsEntry(_ set: PyRef, _ key: PyRef, hash: Int) -> Int32 {
    switch setLookup(set, key, hash: hash) {
    case .failure: return -1
    case .absent: return 0
    case .found: return 1
    }
  }

  /// `set_contains_key`: 1, 0, or -1.
  public func setContainsKey(_ set: PyRef, _ key: PyRef) -> Int32 {
    let hash = self.hash(key)
    if hash == -1 && hasError { return -1 }
    return setContainsEntry(set, key, hash: hash)
  }

  /// `set_clear_internal`: empties the set first (back to the small table), then releases
  /// the keys, so code run by the releases sees an empty set.
  func setClearInternal(_ set: PyRef) {
    let table = SetObject.table(set)
    let isMalloced = table != SetObject.smallTable(set)
    var fill = SetObject.fill(set)
    var source = table
    var smallCopy: UnsafeMutableRawPointer?
    if !isMalloced {
      guard fill > 0 else { return }
      let copy = UnsafeMutableRawPointer.allocate(byteCount: SetObject.minimumSize * SetObject.entrySize, alignment: 8)
      copy.copyMemory(from: table, byteCount: SetObject.minimumSize * SetObject.entrySize)
      smallCopy = copy
      source = copy
    }
    defer { smallCopy?.deallocate() }
    SetObject.smallTable(set).initializeMemory(as: UInt8.self, repeating: 0, count: SetObject.minimumSize * SetObject.entrySize)
    SetObject.setFill(set, 0)
    SetObject.setCount(set, 0)
    SetObject.setTable(set, SetObject.smallTable(set), mask: SetObject.minimumSize - 1)
    SetObject.setCachedHash(set, -1)
    var index = 0
    while fill > 0 {
      let entry = SetObject.entry(source, index)
      if let key = SetObject.key(entry) {
        fill -= 1
        if key != SetObject.dummy { decref(PyRef(key)) }
      }
      index += 1
    }
    if isMalloced { freeMemory(table) }
  }

  /// `set_merge`: adds the keys of another set or frozenset, sizing the table once first
  /// and copying entries directly when the target is empty.
  func setMerge(_ set: PyRef, _ other: PyRef) -> Bool {
    let otherUsed = SetObject.count(other)
    if set == other || otherUsed == 0 { return true }
    if (SetObject.fill(set) + otherUsed) * 5 >= SetObject.mask(set) * 3 {
      guard setTableResize(set, (SetObject.count(set) + otherUsed) * 2) else { return false }
    }
    let otherTable = SetObject.table(other), otherMask = SetObject.mask(other)
    if SetObject.fill(set) == 0 {
      let table = SetObject.table(set), mask = SetObject.mask(set)
      if mask == otherMask && SetObject.fill(other) == otherUsed {
        // Same size, no dummies: copy the entries where they are.
        for index in 0...otherMask {
          let source = SetObject.entry(otherTable, index)
          guard let key = SetObject.key(source) else { continue }
          PyRef(key).incref()
          SetObject.setEntry(SetObject.entry(table, index), key, SetObject.hash(source))
        }
      } else {
        for index in 0...otherMask {
          let source = SetObject.entry(otherTable, index)
          guard let key = SetObject.key(source), key != SetObject.dummy else { continue }
          PyRef(key).incref()
          RuntimeRef.setInsertClean(table, mask: mask, key, hash: SetObject.hash(source))
        }
      }
      SetObject.setFill(set, otherUsed)
      SetObject.setCount(set, otherUsed)
      return true
    }
    var index = 0
    while index <= SetObject.mask(other) {
      let source = SetObject.entry(SetObject.table(other), index)
      index += 1
      guard let key = SetObject.key(source), key != SetObject.dummy else { continue }
      guard setAddEntry(set, PyRef(key), hash: SetObject.hash(source)) else { return false }
    }
    return true
  }

  /// `set_update_internal`: adds the items of a set, a dict (its keys, hashes reused) or
  /// any iterable.
  func setUpdateInternal(_ set: PyRef, _ other: PyRef) -> Bool {
    if isAnySet(other) { return setMerge(set, other) }
    if other.type == state.pointee.types.dict {
      let size = DictObject.count(other)
      if (SetObject.fill(set) + size) * 5 >= SetObject.mask(set) * 3 {
        guard setTableResize(set, (SetObject.count(set) + size) * 2) else { return false }
      }
      var position = 0
      while let (key, _, hash) = dictNext(other, &position) {
        guard setAddEntry(set, key, hash: hash) else { return false }
      }
      return true
    }
    guard let iterator = iter(other) else { return false }
    defer { decref(iterator) }
    while let key = next(iterator) {
      let ok = setAdd(set, key)
      decref(key)
      guard ok else { return false }
    }
    return !hasError
  }
}
