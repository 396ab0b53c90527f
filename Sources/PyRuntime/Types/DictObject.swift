/// The mapping: CPython's compact, insertion-ordered hash table.
///
/// ```
///   dict object: -16 GC header | 0 refcount | 8 type | 16 used | 24 table → | 32 (reserved)
///
///   table (mem domain):
///   +----------+-----------+--------------------------+----------------------------------+
///   | capacity | entries n | indices: capacity × Int  | entries: (hash, key, value) × 2/3 |
///   +----------+-----------+--------------------------+----------------------------------+
///     indices hold -1 (empty), -2 (deleted) or an entry number; entries keep insertion
///     order, a deleted entry has a nil key.
/// ```
///
/// Like CPython, a new dict is untracked, becomes tracked when a GC object is stored in it,
/// and is untracked again only by a full collection that finds it holds none.
/// `sys.getsizeof({})` is 64 in CPython (48 + the GC header), as here.
/// CPython: Objects/dictobject.c.
public enum DictObject {
  static let usedOffset = 16
  static let tableOffset = 24
  static let basicSize = 48
  static let emptySlot = -1
  static let deletedSlot = -2
  static let entryStride = 24

  struct Table {
    let raw: UnsafeMutableRawPointer
    var capacity: Int { raw.load(as: Int.self) }
    var entryCount: Int {
      get { raw.load(fromByteOffset: 8, as: Int.self) }
      nonmutating set { raw.storeBytes(of: newValue, toByteOffset: 8, as: Int.self) }
    }
    var usable: Int { capacity * 2 / 3 }
    var indices: UnsafeMutablePointer<Int> { (raw + 16).assumingMemoryBound(to: Int.self) }
    func entry(_ index: Int) -> UnsafeMutableRawPointer { raw + 16 + capacity * 8 + index * DictObject.entryStride }
    func hash(_ index: Int) -> Int { entry(index).load(as: Int.self) }
    func key(_ index: Int) -> PyRef? { PyRef(entry(index).load(fromByteOffset: 8, as: UnsafeMutableRawPointer?.self)) }
    func value(_ index: Int) -> PyRef? { PyRef(entry(index).load(fromByteOffset: 16, as: UnsafeMutableRawPointer?.self)) }
    func setEntry(_ index: Int, hash: Int, key: PyRef?, value: PyRef?) {
      entry(index).storeBytes(of: hash, as: Int.self)
      entry(index).storeBytes(of: key?.raw, toByteOffset: 8, as: UnsafeMutableRawPointer?.self)
      entry(index).storeBytes(of: value?.raw, toByteOffset: 16, as: UnsafeMutableRawPointer?.self)
    }
    static func byteCount(capacity: Int) -> Int { 16 + capacity * 8 + (capacity * 2 / 3) * DictObject.entryStride }
  }

  static func table(_ dict: PyRef) -> Table? {
    dict.raw.load(fromByteOffset: tableOffset, as: UnsafeMutableRawPointer?.self).map(Table.init)
  }

  public static func count(_ dict: PyRef) -> Int { dict.raw.load(fromByteOffset: usedOffset, as: Int.self) }

  static func setCount(_ dict: PyRef, _ count: Int) {
    dict.raw.storeBytes(of: count, toByteOffset: usedOffset, as: Int.self)
  }

  static func makeType(_ rt: RuntimeRef) -> PyType {
    rt.makeType(name: "dict", basicSize: basicSize, flags: [.haveGC], dealloc: dealloc, traverse: traverse, clear: clear)
  }

  /// Entries are released in insertion order, key then value (measured on CPython).
  static let dealloc: Slot.Dealloc = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let dict = PyRef(raw)
    rt.untrack(dict)
    releaseTable(dict, rt)
    rt.freeObject(dict)
  }

  static let clear: Slot.Clear = { raw, runtime in
    releaseTable(PyRef(raw), RuntimeRef(raw: runtime))
  }

  private static func releaseTable(_ dict: PyRef, _ rt: RuntimeRef) {
    guard let table = table(dict) else { return }
    dict.raw.storeBytes(of: nil, toByteOffset: tableOffset, as: UnsafeMutableRawPointer?.self)
    setCount(dict, 0)
    for index in 0..<table.entryCount {
      rt.decref(table.key(index))
      rt.decref(table.value(index))
    }
    rt.freeMemory(table.raw)
  }

  static let traverse: Slot.Traverse = { raw, visit, arg in
    guard let table = table(PyRef(raw)) else { return 0 }
    for index in 0..<table.entryCount {
      guard let key = table.key(index) else { continue }
      var result = visit(key.raw, arg)
      if result != 0 { return result }
      if let value = table.value(index) {
        result = visit(value.raw, arg)
        if result != 0 { return result }
      }
    }
    return 0
  }

  /// No key or value is a GC object that is (or may become) tracked.
  /// CPython: `_PyDict_MaybeUntrack()`.
  static func mayUntrack(_ dict: PyRef, tupleType: PyType) -> Bool {
    guard let table = table(dict) else { return true }
    for index in 0..<table.entryCount {
      if let key = table.key(index), TupleObject.mayBeTracked(key, tupleType: tupleType) { return false }
      if let value = table.value(index), TupleObject.mayBeTracked(value, tupleType: tupleType) { return false }
    }
    return true
  }

  /// The entry index of `key`, or nil; -1 in `.failure` when hashing or comparing raised.
  static func lookup(_ table: Table, _ key: PyRef, hash: Int, _ rt: RuntimeRef) -> (slot: Int, entry: Int?)? {
    let mask = table.capacity - 1
    var slot = hash & mask
    var perturb = UInt(bitPattern: hash)
    var firstDeleted: Int?
    while true {
      let index = table.indices[slot]
      if index == emptySlot { return (firstDeleted ?? slot, nil) }
      if index == deletedSlot {
        if firstDeleted == nil { firstDeleted = slot }
      } else if table.hash(index) == hash, let candidate = table.key(index) {
        let same = rt.equal(candidate, key)
        if same < 0 { return nil }
        if same == 1 { return (slot, index) }
      }
      perturb >>= 5
      slot = (slot &* 5 &+ 1 &+ Int(bitPattern: perturb)) & mask
    }
  }
}

extension RuntimeRef {
  /// A new empty dict (untracked, as in CPython).
  public func newDict() -> PyRef? {
    guard let dict = allocateObject(state.pointee.types.dict) else { return nil }
    DictObject.setCount(dict, 0)
    dict.raw.storeBytes(of: nil, toByteOffset: DictObject.tableOffset, as: UnsafeMutableRawPointer?.self)
    dict.raw.storeBytes(of: 0, toByteOffset: 32, as: Int.self)
    return dict
  }

  /// The hash of `object` through its type's slot; objects without one hash by identity.
  /// -1 with an error set on failure.
  public func hash(_ object: PyRef) -> Int {
    if let hash = object.type.record.pointee.hash { return hash(object.raw, raw) }
    let address = Int(bitPattern: UInt(bitPattern: object.raw) >> 4)
    return address == -1 ? -2 : address
  }

  /// `dict[key] = value`: new references to both are taken. False with an error set on
  /// failure (unhashable key, `MemoryError`).
  @discardableResult
  public func dictSetItem(_ dict: PyRef, _ key: PyRef, _ value: PyRef) -> Bool {
    let hash = self.hash(key)
    if hash == -1 && hasError { return false }
    if DictObject.table(dict) == nil { guard resizeDict(dict, minimumUsed: 1) else { return false } }
    var table = DictObject.table(dict).unsafelyUnwrapped
    guard let found = DictObject.lookup(table, key, hash: hash, self) else { return false }
    if let entry = found.entry {
      let old = table.value(entry)
      value.incref()
      table.entry(entry).storeBytes(of: value.raw, toByteOffset: 16, as: UnsafeMutableRawPointer?.self)
      maybeTrack(dict, value)
      decref(old)
      return true
    }
    if table.entryCount == table.usable {
      guard resizeDict(dict, minimumUsed: DictObject.count(dict) + 1) else { return false }
      table = DictObject.table(dict).unsafelyUnwrapped
      return dictSetItem(dict, key, value)
    }
    let entry = table.entryCount
    key.incref()
    value.incref()
    table.setEntry(entry, hash: hash, key: key, value: value)
    table.indices[found.slot] = entry
    table.entryCount = entry + 1
    DictObject.setCount(dict, DictObject.count(dict) + 1)
    maybeTrack(dict, key)
    maybeTrack(dict, value)
    return true
  }

  /// A borrowed reference to `dict[key]`, or nil (with an error set only if lookup raised).
  public func dictGetItem(_ dict: PyRef, _ key: PyRef) -> PyRef? {
    guard let table = DictObject.table(dict) else { return nil }
    let hash = self.hash(key)
    if hash == -1 && hasError { return nil }
    guard let found = DictObject.lookup(table, key, hash: hash, self), let entry = found.entry else { return nil }
    return table.value(entry)
  }

  /// `del dict[key]`. False when the key is absent (`KeyError` set) or lookup raised.
  @discardableResult
  public func dictDelItem(_ dict: PyRef, _ key: PyRef) -> Bool {
    let hash = self.hash(key)
    if hash == -1 && hasError { return false }
    guard let table = DictObject.table(dict), let found = DictObject.lookup(table, key, hash: hash, self),
          let entry = found.entry else {
      if !hasError { raise("KeyError") }
      return false
    }
    let oldKey = table.key(entry), oldValue = table.value(entry)
    table.indices[found.slot] = DictObject.deletedSlot
    table.setEntry(entry, hash: 0, key: nil, value: nil)
    DictObject.setCount(dict, DictObject.count(dict) - 1)
    decref(oldKey)
    decref(oldValue)
    return true
  }

  /// The live entries, in insertion order (borrowed references).
  public func dictItems(_ dict: PyRef) -> [(key: PyRef, value: PyRef)] {
    guard let table = DictObject.table(dict) else { return [] }
    return (0..<table.entryCount).compactMap { index in
      guard let key = table.key(index), let value = table.value(index) else { return nil }
      return (key, value)
    }
  }

  /// Storing an object that may be tracked makes the dict tracked (`MAINTAIN_TRACKING`).
  private func maybeTrack(_ dict: PyRef, _ object: PyRef) {
    if !dict.gc.isTracked && TupleObject.mayBeTracked(object, tupleType: state.pointee.types.tuple) {
      track(dict)
    }
  }

  /// Rebuilds the table with room for `minimumUsed` entries, dropping deleted ones.
  private func resizeDict(_ dict: PyRef, minimumUsed: Int) -> Bool {
    var capacity = 8
    while capacity * 2 / 3 < minimumUsed * 3 / 2 + 1 { capacity *= 2 }
    guard let block = allocateMemory(DictObject.Table.byteCount(capacity: capacity)) else { return false }
    block.storeBytes(of: capacity, as: Int.self)
    let table = DictObject.Table(raw: block)
    table.entryCount = 0
    table.indices.initialize(repeating: DictObject.emptySlot, count: capacity)
    if let old = DictObject.table(dict) {
      for index in 0..<old.entryCount {
        guard let key = old.key(index) else { continue }
        let entry = table.entryCount
        table.setEntry(entry, hash: old.hash(index), key: key, value: old.value(index))
        var slot = old.hash(index) & (capacity - 1)
        var perturb = UInt(bitPattern: old.hash(index))
        while table.indices[slot] != DictObject.emptySlot {
          perturb >>= 5
          slot = (slot &* 5 &+ 1 &+ Int(bitPattern: perturb)) & (capacity - 1)
        }
        table.indices[slot] = entry
        table.entryCount = entry + 1
      }
      freeMemory(old.raw)
    }
    dict.raw.storeBytes(of: block, toByteOffset: DictObject.tableOffset, as: UnsafeMutableRawPointer?.self)
    return true
  }
}
