/// The mapping: CPython's compact, insertion-ordered hash table.
///
/// ```
///   dict object: -16 GC header | 0 refcount | 8 type | 16 used | 24 table → | 32 shared keys? | 40 owner type?
///
///   table (mem domain):
///   +----------+-----------+--------+------+---------+--------------------------+-------------------------------------+
///   | capacity | entries n | usable | kind | version | indices: capacity × 1–8 B | entries: (hash, key, value) × 2/3 cap |
///   +----------+-----------+--------+------+---------+--------------------------+-------------------------------------+
///     indices hold -1 (empty), -2 (deleted) or an entry number; entries keep insertion
///     order, a deleted entry has nil key and value. `usable` counts the entries still free
///     (deletions do not give any back); `kind` (4 bytes) is 1 while every key is an exact
///     str; `version` (4 bytes) is the keys version (``Table/keysVersion``).
/// ```
///
/// The table grows as CPython's does (to the power of two at least three times the live
/// entries, `GROWTH_RATE`), and `dict.__sizeof__` reports what CPython's layout would take
/// (1-byte indices up to 128 slots, 16-byte entries for str-only tables), so
/// `sys.getsizeof` of a dict agrees with CPython's.
///
/// Like CPython, a new dict is untracked, becomes tracked when a GC object is stored in it,
/// and is untracked again only by a full collection that finds it holds none.
/// `sys.getsizeof({})` is 64 in CPython (48 + the GC header), as here.
/// CPython: Objects/dictobject.c.
public enum DictObject {
  static let usedOffset = 16
  static let tableOffset = 24
  /// For a type's `__dict__`: the type (not a counted reference), so that changing the
  /// dict invalidates the type's attribute cache entries (see ``TypeCache``); 0 otherwise.
  static let ownerTypeOffset = 40
  static let basicSize = 48
  static let emptySlot = -1
  static let deletedSlot = -2
  static let entryStride = 24
  static let tableHeaderSize = 32
  /// `PyDict_MINSIZE`.
  static let minimumCapacity = 8

  struct Table: Equatable {
    let raw: UnsafeMutableRawPointer
    var capacity: Int { raw.load(as: Int.self) }
    var mask: Int { capacity &- 1 }
    /// `dk_nentries`: entries used so far, deleted ones included.
    var entryCount: Int {
      get { raw.load(fromByteOffset: 8, as: Int.self) }
      nonmutating set { raw.storeBytes(of: newValue, toByteOffset: 8, as: Int.self) }
    }
    /// `dk_usable`: entries that can still be added before a resize.
    var usableLeft: Int {
      get { raw.load(fromByteOffset: 16, as: Int.self) }
      nonmutating set { raw.storeBytes(of: newValue, toByteOffset: 16, as: Int.self) }
    }
    /// `DK_IS_UNICODE`: every key is an exact str.
    var isUnicode: Bool {
      get { raw.load(fromByteOffset: 24, as: UInt32.self) != 0 }
      nonmutating set { raw.storeBytes(of: newValue ? 1 : 0, toByteOffset: 24, as: UInt32.self) }
    }
    /// `dk_version`: nonzero while the keys sit in the entries where they sat when the
    /// version was given (``RuntimeRef/dictKeysVersion(_:)``); any key added or removed
    /// resets it to 0. The interpreter's global-name caches check it instead of looking
    /// the name up. Values may change under the same version; a copy of the table (same
    /// keys at the same entries) keeps it.
    var keysVersion: UInt32 {
      @inline(__always) get { raw.load(fromByteOffset: 28, as: UInt32.self) }
      nonmutating set { raw.storeBytes(of: newValue, toByteOffset: 28, as: UInt32.self) }
    }
    /// The entry array's length (`USABLE_FRACTION`).
    var usable: Int { DictObject.usableFraction(capacity) }
    /// Bytes per index slot (`DK_IXSIZE`): 1 up to 128 slots, 2 up to 2¹⁵, 4 up to 2³¹,
    /// else 8. The index array is the part of a small table that scales with its
    /// capacity, so narrow slots are what keep an 8-slot table (every small dict, every
    /// instance's attributes) at 160 bytes rather than 216.
    @inline(__always)
    static func indexWidth(capacity: Int) -> Int {
      capacity <= 0x80 ? 1 : capacity <= 0x8000 ? 2 : capacity <= 0x8000_0000 ? 4 : 8
    }
    @inline(__always) var indexWidth: Int { Table.indexWidth(capacity: capacity) }
    /// The entry number in index slot `slot`, or ``DictObject/emptySlot`` or
    /// ``DictObject/deletedSlot``.
    @inline(__always)
    func index(at slot: Int) -> Int {
      let base = raw + DictObject.tableHeaderSize
      switch indexWidth {
      case 1: return Int(base.load(fromByteOffset: slot, as: Int8.self))
      case 2: return Int(base.load(fromByteOffset: slot &* 2, as: Int16.self))
      case 4: return Int(base.load(fromByteOffset: slot &* 4, as: Int32.self))
      default: return base.load(fromByteOffset: slot &* 8, as: Int.self)
      }
    }
    @inline(__always)
    func setIndex(_ slot: Int, _ value: Int) {
      let base = raw + DictObject.tableHeaderSize
      switch indexWidth {
      case 1: base.storeBytes(of: Int8(truncatingIfNeeded: value), toByteOffset: slot, as: Int8.self)
      case 2: base.storeBytes(of: Int16(truncatingIfNeeded: value), toByteOffset: slot &* 2, as: Int16.self)
      case 4: base.storeBytes(of: Int32(truncatingIfNeeded: value), toByteOffset: slot &* 4, as: Int32.self)
      default: base.storeBytes(of: value, toByteOffset: slot &* 8, as: Int.self)
      }
    }
    /// Marks every index slot empty (-1 is all ones at every width).
    func clearIndices() {
      (raw + DictObject.tableHeaderSize).initializeMemory(as: UInt8.self, repeating: 0xFF, count: capacity &* indexWidth)
    }
    @inline(__always)
    func entry(_ index: Int) -> UnsafeMutableRawPointer {
      let capacity = self.capacity
      return raw + DictObject.tableHeaderSize + capacity &* Table.indexWidth(capacity: capacity) + index &* DictObject.entryStride
    }
    func hash(_ index: Int) -> Int { entry(index).load(as: Int.self) }
    func key(_ index: Int) -> PyRef? { PyRef(entry(index).load(fromByteOffset: 8, as: UnsafeMutableRawPointer?.self)) }
    func value(_ index: Int) -> PyRef? { PyRef(entry(index).load(fromByteOffset: 16, as: UnsafeMutableRawPointer?.self)) }
    func setEntry(_ index: Int, hash: Int, key: PyRef?, value: PyRef?) {
      entry(index).storeBytes(of: hash, as: Int.self)
      entry(index).storeBytes(of: key?.raw, toByteOffset: 8, as: UnsafeMutableRawPointer?.self)
      entry(index).storeBytes(of: value?.raw, toByteOffset: 16, as: UnsafeMutableRawPointer?.self)
    }
    func setValue(_ index: Int, _ value: PyRef?) {
      entry(index).storeBytes(of: value?.raw, toByteOffset: 16, as: UnsafeMutableRawPointer?.self)
    }
    static func byteCount(capacity: Int) -> Int {
      DictObject.tableHeaderSize + capacity * indexWidth(capacity: capacity)
        + DictObject.usableFraction(capacity) * DictObject.entryStride
    }

    /// `find_empty_slot`: the first empty or deleted index slot on `hash`'s probe sequence.
    func emptySlot(for hash: Int) -> Int {
      let mask = self.mask
      var slot = hash & mask
      var perturb = UInt(bitPattern: hash)
      while index(at: slot) >= 0 {
        perturb >>= 5
        slot = (slot &* 5 &+ Int(bitPattern: perturb) &+ 1) & mask
      }
      return slot
    }
  }

  /// `USABLE_FRACTION`: how many entries a table of `capacity` slots holds.
  @inline(__always)
  static func usableFraction(_ capacity: Int) -> Int { (capacity << 1) / 3 }

  /// `calculate_log2_keysize` as a size. CPython 3.11 computes it with a bit trick,
  /// `bit_length(((minimum | 8) - 1) | 7)`, which is the smallest power of two ≥ `minimum`
  /// (at least 8) except that it doubles for exact powers of two from 16 up and gives 16
  /// for 1…7: what `sys.getsizeof` of copies and converted dicts shows, so it is kept.
  static func capacity(forMinimum minimum: Int) -> Int {
    let bits = ((minimum | minimumCapacity) - 1) | (minimumCapacity - 1)
    return 1 << (Int.bitWidth - bits.leadingZeroBitCount)
  }

  /// `estimate_log2_keysize`: a capacity whose usable part holds `count` entries.
  static func capacity(forEntries count: Int) -> Int { capacity(forMinimum: (count * 3 + 1) / 2) }

  /// The table, or nil for an empty dict that never had one (CPython's `Py_EMPTY_KEYS`).
  static func table(_ dict: PyRef) -> Table? {
    dict.raw.load(fromByteOffset: tableOffset, as: UnsafeMutableRawPointer?.self).map(Table.init)
  }

  static func setTable(_ dict: PyRef, _ table: Table?) {
    dict.raw.storeBytes(of: table?.raw, toByteOffset: tableOffset, as: UnsafeMutableRawPointer?.self)
  }

  public static func count(_ dict: PyRef) -> Int { dict.raw.load(fromByteOffset: usedOffset, as: Int.self) }

  static func setCount(_ dict: PyRef, _ count: Int) {
    dict.raw.storeBytes(of: count, toByteOffset: usedOffset, as: Int.self)
  }

  /// What `sys.getsizeof` reports without the GC header: the object, and the keys table as
  /// CPython 3.11 lays it out. CPython: `_PyDict_SizeOf`, `_PyDict_KeysSize`.
  /// A split dict (``sharedKeys(_:)``) counts its values array instead of a table.
  static func sizeOf(_ dict: PyRef, basicSize: Int) -> Int {
    if let keys = sharedKeys(dict) { return basicSize + splitValuesSize(keys) }
    guard let table = table(dict) else { return basicSize }
    let capacity = table.capacity
    let indexBytes = capacity <= 128 ? 1 : capacity <= 1 << 15 ? 2 : capacity <= 1 << 31 ? 4 : 8
    return basicSize + 32 + capacity * indexBytes + table.usable * (table.isUnicode ? 16 : 24)
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
    if dict.type == rt.state.pointee.types.dict, rt.state.pointee.freeLists.dicts.count < FreeLists.dictCapacity {
      rt.state.pointee.freeLists.dicts.push(dict)
      return
    }
    rt.freeObject(dict)
  }

  static let clear: Slot.Clear = { raw, runtime in
    releaseTable(PyRef(raw), RuntimeRef(raw: runtime))
  }

  /// Detaches the table (the dict is empty from here on), then releases the entries.
  static func releaseTable(_ dict: PyRef, _ rt: RuntimeRef) {
    setSharedKeys(dict, nil)
    guard let table = table(dict) else { return }
    willChange(dict, rt)
    setTable(dict, nil)
    setCount(dict, 0)
    for index in 0..<table.entryCount {
      rt.decref(table.key(index))
      rt.decref(table.value(index))
    }
    rt.freeMemory(table.raw)
  }

  /// Each entry's value, then its key; a table of str keys visits only the values (str
  /// objects hold no references), as `gc.get_referents` shows. CPython: `dict_traverse()`.
  static let traverse: Slot.Traverse = { raw, visit, arg in
    guard let table = table(PyRef(raw)) else { return 0 }
    let visitKeys = !table.isUnicode
    for index in 0..<table.entryCount {
      guard let key = table.key(index), let value = table.value(index) else { continue }
      var result = visit(value.raw, arg)
      if result != 0 { return result }
      if visitKeys {
        result = visit(key.raw, arg)
        if result != 0 { return result }
      }
    }
    return 0
  }

  /// `_PyDictKeys_GetVersionForCurrentState`: the keys version of `dict`'s table, given
  /// now if it has none; 0 when the dict has no table or versions ran out.
  static func keysVersion(_ dict: PyRef, _ rt: RuntimeRef) -> UInt32 {
    guard let table = table(dict) else { return 0 }
    if table.keysVersion == 0 {
      guard rt.state.pointee.typeCache.nextKeysVersion < UInt32.max else { return 0 }
      table.keysVersion = rt.state.pointee.typeCache.nextKeysVersion
      rt.state.pointee.typeCache.nextKeysVersion += 1
    }
    return table.keysVersion
  }

  /// Marks `dict` as the namespace of `type` (see ``ownerTypeOffset``).
  static func setOwnerType(_ dict: PyRef, _ type: PyType) {
    dict.raw.storeBytes(of: type.raw, toByteOffset: ownerTypeOffset, as: UnsafeMutableRawPointer?.self)
  }

  /// Tells the attribute cache that `dict` is about to change, if it is a type's namespace.
  @inline(__always)
  static func willChange(_ dict: PyRef, _ rt: RuntimeRef) {
    if let owner = dict.raw.load(fromByteOffset: ownerTypeOffset, as: UnsafeMutableRawPointer?.self) {
      rt.typeModified(PyType(owner))
    }
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

  /// What a lookup found.
  enum Lookup {
    /// The key is at entry `entry`, whose index slot is `slot`.
    case found(entry: Int, slot: Int)
    case absent
    /// Hashing or comparing raised.
    case failure
  }

  /// The entry index of `name` (an interned exact str whose hash is `hash`) found by
  /// identity, inline: interned strs are unique, so a key with the same hash that is
  /// another interned exact str has other text. Returns the entry, -1 when absent, or -2
  /// when a key could be equal without being identical (then ``lookup(_:_:hash:_:)``
  /// must decide). CPython: `unicodekeys_lookup_unicode`, which compares pointers first.
  @inline(__always)
  static func findInterned(_ table: Table, _ name: PyRef, hash: Int, strType: PyType) -> Int {
    let mask = table.mask
    var slot = hash & mask
    var perturb = UInt(bitPattern: hash)
    while true {
      let index = table.index(at: slot)
      if index == emptySlot { return -1 }
      if index >= 0 {
        let entry = table.entry(index)
        if let key = entry.load(fromByteOffset: 8, as: UnsafeMutableRawPointer?.self) {
          if key == name.raw { return index }
          if entry.load(as: Int.self) == hash {
            let candidate = PyRef(key)
            guard candidate.type == strType, StrObject.internedState(candidate) != 0 else { return -2 }
          }
        }
      }
      perturb >>= 5
      slot = (slot &* 5 &+ Int(bitPattern: perturb) &+ 1) & mask
    }
  }

  /// Looks `key` up (`_Py_dict_lookup`). Comparisons run Python code, which may change the
  /// dict: a lookup whose table or entry changed under a comparison starts over.
  static func lookup(_ dict: PyRef, _ key: PyRef, hash: Int, _ rt: RuntimeRef) -> Lookup {
    while true {
      let result = lookupOnce(dict, key, hash: hash, rt)
      if let result { return result }
    }
  }

  /// One probe of ``lookup(_:_:hash:_:)``; nil when a comparison changed the table.
  private static func lookupOnce(_ dict: PyRef, _ key: PyRef, hash: Int, _ rt: RuntimeRef) -> Lookup? {
    guard let table = table(dict) else { return .absent }
    let mask = table.mask
    var slot = hash & mask
    var perturb = UInt(bitPattern: hash)
    while true {
      let index = table.index(at: slot)
      if index == emptySlot { return .absent }
      if index >= 0 {
        let entry = table.entry(index)
        let candidateRaw = entry.load(fromByteOffset: 8, as: UnsafeMutableRawPointer?.self)
        if candidateRaw == key.raw { return .found(entry: index, slot: slot) }
        if let candidateRaw, entry.load(as: Int.self) == hash {
          let candidate = PyRef(candidateRaw)
          candidate.incref()
          let same = rt.equal(candidate, key)
          rt.decref(candidate)
          if same < 0 { return .failure }
          if DictObject.table(dict) != table || entry.load(fromByteOffset: 8, as: UnsafeMutableRawPointer?.self) != candidateRaw {
            return nil
          }
          if same > 0 { return .found(entry: index, slot: slot) }
        }
      }
      perturb >>= 5
      slot = (slot &* 5 &+ Int(bitPattern: perturb) &+ 1) & mask
    }
  }
}

extension RuntimeRef {
  /// A new empty dict (untracked, as in CPython).
  public func newDict() -> PyRef? {
    let parked = state.pointee.freeLists.dicts.pop().map { revive($0, as: state.pointee.types.dict) }
    guard let dict = parked ?? allocateObject(state.pointee.types.dict) else { return nil }
    DictObject.setCount(dict, 0)
    DictObject.setTable(dict, nil)
    dict.raw.storeBytes(of: 0, toByteOffset: 32, as: Int.self)
    dict.raw.storeBytes(of: 0, toByteOffset: 40, as: Int.self)
    return dict
  }

  /// A new empty dict with room for `count` entries (`dict_new_presized`, what `{k: v, …}`
  /// displays use); `unicodeKeys` when every key will be an exact str.
  public func newDict(presized count: Int, unicodeKeys: Bool) -> PyRef? {
    guard let dict = newDict() else { return nil }
    guard count > DictObject.usableFraction(DictObject.minimumCapacity) else { return dict }
    let capacity = count > DictObject.usableFraction(1 << 17) ? 1 << 17 : DictObject.capacity(forEntries: count)
    guard resizeDict(dict, capacity: capacity, unicode: unicodeKeys) else {
      decref(dict)
      return nil
    }
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
    return dictInsert(dict, key, hash: hash, value)
  }

  /// `insertdict`: stores `value` under `key` (whose hash is `hash`), taking new references.
  @discardableResult
  func dictInsert(_ dict: PyRef, _ key: PyRef, hash: Int, _ value: PyRef) -> Bool {
    DictObject.willChange(dict, self)
    let isStr = key.type == state.pointee.types.str
    if !isStr, DictObject.sharedKeys(dict) != nil {
      // Shared keys are all exact strs: another key ends the sharing.
      guard unsplitDict(dict, unicode: false) else { return false }
    } else if let table = DictObject.table(dict), table.isUnicode, !isStr {
      // A non-str key turns the table general, through a resize as in CPython.
      guard insertionResize(dict, unicode: false) else { return false }
    }
    switch DictObject.lookup(dict, key, hash: hash, self) {
    case .failure:
      return false
    case .found(let entry, _):
      let table = DictObject.table(dict).unsafelyUnwrapped
      let old = table.value(entry)
      maybeTrack(dict, key, value)
      if old != value {
        value.incref()
        table.setValue(entry, value)
        decref(old)
      }
      return true
    case .absent:
      maybeTrack(dict, key, value)
      if let keys = DictObject.sharedKeys(dict), keys.insert(key, hash: hash) == nil {
        // The class's names are full: the dict stops sharing them.
        guard unsplitDict(dict, unicode: true) else { return false }
      }
      if DictObject.table(dict) == nil {
        guard resizeDict(dict, capacity: DictObject.minimumCapacity, unicode: isStr) else { return false }
      } else if DictObject.table(dict).unsafelyUnwrapped.usableLeft <= 0 {
        guard insertionResize(dict, unicode: true) else { return false }
      }
      let table = DictObject.table(dict).unsafelyUnwrapped
      let entry = table.entryCount
      table.keysVersion = 0
      key.incref()
      value.incref()
      table.setEntry(entry, hash: hash, key: key, value: value)
      table.setIndex(table.emptySlot(for: hash), entry)
      table.entryCount = entry + 1
      table.usableLeft -= 1
      DictObject.setCount(dict, DictObject.count(dict) + 1)
      return true
    }
  }

  /// A borrowed reference to `dict[key]`, or nil (with an error set only if lookup raised).
  public func dictGetItem(_ dict: PyRef, _ key: PyRef) -> PyRef? {
    guard DictObject.table(dict) != nil else { return nil }
    let hash = self.hash(key)
    if hash == -1 && hasError { return nil }
    return dictGetItem(dict, key, hash: hash)
  }

  /// ``dictGetItem(_:_:)`` with the key's hash known.
  func dictGetItem(_ dict: PyRef, _ key: PyRef, hash: Int) -> PyRef? {
    guard case .found(let entry, _) = DictObject.lookup(dict, key, hash: hash, self) else { return nil }
    return DictObject.table(dict).unsafelyUnwrapped.value(entry)
  }

  /// `key in dict`: 1, 0, or -1 with an error set.
  public func dictContains(_ dict: PyRef, _ key: PyRef) -> Int32 {
    let hash = self.hash(key)
    if hash == -1 && hasError { return -1 }
    switch DictObject.lookup(dict, key, hash: hash, self) {
    case .found: return 1
    case .absent: return 0
    case .failure: return -1
    }
  }

  /// `del dict[key]`. False when the key is absent (`KeyError(key)` set) or lookup raised.
  @discardableResult
  public func dictDelItem(_ dict: PyRef, _ key: PyRef) -> Bool {
    let hash = self.hash(key)
    if hash == -1 && hasError { return false }
    switch DictObject.lookup(dict, key, hash: hash, self) {
    case .failure:
      return false
    case .absent:
      raiseKeyError(key)
      return false
    case .found(let entry, let slot):
      dictDeleteEntry(dict, entry: entry, slot: slot)
      return true
    }
  }

  /// Removes entry `entry` (index slot `slot`) and releases its key and value.
  func dictDeleteEntry(_ dict: PyRef, entry: Int, slot: Int) {
    let (oldKey, oldValue) = dictDetachEntry(dict, entry: entry, slot: slot)
    decref(oldKey)
    decref(oldValue)
  }

  /// Removes entry `entry` (index slot `slot`) and hands over its key and value.
  func dictDetachEntry(_ dict: PyRef, entry: Int, slot: Int) -> (key: PyRef, value: PyRef) {
    DictObject.willChange(dict, self)
    let table = DictObject.table(dict).unsafelyUnwrapped
    let oldKey = table.key(entry).unsafelyUnwrapped, oldValue = table.value(entry).unsafelyUnwrapped
    table.keysVersion = 0
    table.setIndex(slot, DictObject.deletedSlot)
    table.setEntry(entry, hash: 0, key: nil, value: nil)
    DictObject.setCount(dict, DictObject.count(dict) - 1)
    return (oldKey, oldValue)
  }

  /// The live entries, in insertion order (borrowed references).
  public func dictItems(_ dict: PyRef) -> [(key: PyRef, value: PyRef)] {
    guard let table = DictObject.table(dict) else { return [] }
    return (0..<table.entryCount).compactMap { index in
      guard let key = table.key(index), let value = table.value(index) else { return nil }
      return (key, value)
    }
  }

  /// `_PyDict_Next`: the live entry at or after `position` (borrowed key and value, and the
  /// key's hash), advancing `position` past it; nil at the end.
  func dictNext(_ dict: PyRef, _ position: inout Int) -> (key: PyRef, value: PyRef, hash: Int)? {
    guard let table = DictObject.table(dict) else { return nil }
    while position < table.entryCount {
      let index = position
      position += 1
      if let key = table.key(index), let value = table.value(index) { return (key, value, table.hash(index)) }
    }
    return nil
  }

  /// Storing an object that may be tracked makes the dict tracked (`MAINTAIN_TRACKING`).
  private func maybeTrack(_ dict: PyRef, _ key: PyRef, _ value: PyRef) {
    guard !dict.gc.isTracked else { return }
    let tupleType = state.pointee.types.tuple!
    if TupleObject.mayBeTracked(key, tupleType: tupleType) || TupleObject.mayBeTracked(value, tupleType: tupleType) {
      track(dict)
    }
  }

  /// `insertion_resize`: grows (or cleans) the table to hold three times the live entries;
  /// `unicode` false makes it general (any keys).
  func insertionResize(_ dict: PyRef, unicode: Bool) -> Bool {
    resizeDict(dict, capacity: DictObject.capacity(forMinimum: DictObject.count(dict) * 3), unicode: unicode)
  }

  /// `dictresize`: a new table of `capacity` slots holding the live entries, in order.
  /// `unicode` is kept only if the old table was str-only too.
  func resizeDict(_ dict: PyRef, capacity: Int, unicode: Bool) -> Bool {
    guard let block = allocateMemory(DictObject.Table.byteCount(capacity: capacity)) else { return false }
    block.storeBytes(of: capacity, as: Int.self)
    let table = DictObject.Table(raw: block)
    table.entryCount = 0
    table.clearIndices()
    let old = DictObject.table(dict)
    table.isUnicode = unicode && (old?.isUnicode ?? true)
    table.keysVersion = 0
    if let old {
      var entry = 0
      for index in 0..<old.entryCount {
        guard let key = old.key(index) else { continue }
        let hash = old.hash(index)
        table.setEntry(entry, hash: hash, key: key, value: old.value(index))
        table.setIndex(table.emptySlot(for: hash), entry)
        entry += 1
      }
      table.entryCount = entry
      freeMemory(old.raw)
    }
    table.usableLeft = table.usable - table.entryCount
    DictObject.setTable(dict, table)
    return true
  }

  /// `clone_combined_dict_keys`: a copy of `source`'s table, deleted entries and all, with
  /// new references to its keys and values.
  func cloneDictTable(_ source: PyRef, into target: PyRef) -> Bool {
    guard let table = DictObject.table(source) else { return true }
    let byteCount = DictObject.Table.byteCount(capacity: table.capacity)
    guard let block = allocateMemory(byteCount) else { return false }
    block.copyMemory(from: table.raw, byteCount: byteCount)
    let copy = DictObject.Table(raw: block)
    for index in 0..<copy.entryCount {
      copy.key(index)?.incref()
      copy.value(index)?.incref()
    }
    DictObject.setTable(target, copy)
    DictObject.setCount(target, DictObject.count(source))
    return true
  }
}
