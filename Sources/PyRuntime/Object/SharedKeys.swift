/// The attribute names a class shares among its instances: CPython 3.11's cached keys
/// (`ht_cached_keys`, a `DICT_KEYS_SPLIT` table), for classes with
/// ``TypeFlags/managedDict``.
///
/// A plain instance does not own a dict: it keeps one value slot per name in this list
/// (``InstanceValues``), so `self.x` is found by the position of `"x"` here, the same for
/// every instance of the class. The list only grows, and a name keeps its position for the
/// class's lifetime, which is what lets an inline cache keep a position under the class's
/// version tag alone.
///
/// ```
///   0 count (Int32) | 4 usable (Int32) | 8 entries: (hash: Int, name: str) × 30
/// ```
///
/// `usable` plays CPython's double role. It is how many names may still be added, and
/// `count + usable` is how many value slots a new instance gets
/// (`shared_keys_usable_size`). It starts at 30 and every new instance takes one off,
/// down to 1 (`init_inline_values`): the first instances of a class get room for any
/// attributes `__init__` sets, and once the class's shape is known each instance gets
/// just the slots its names need, plus one. An attribute that finds the list full, or
/// beyond its instance's slots, turns that instance's values into a real dict.
///
/// The memory comes from the mem domain and lives as long as the class (classes are never
/// freed). The names are counted references; they are exact strs, so the collector never
/// needs to see them. Positions are found by a linear scan, by identity first (attribute
/// names in code are interned) then by hash and value: with at most 30 names this is as
/// quick as probing a hash table, and it needs no index array.
/// CPython: Objects/dictobject.c `_PyDict_NewKeysForClass`, `insert_into_dictkeys`.
struct SharedKeys {
  let raw: UnsafeMutableRawPointer

  /// `SHARED_KEYS_MAX_SIZE`.
  static let maximumCount = 30
  static let entriesOffset = 8
  static let entryStride = 16
  static let byteCount = entriesOffset + maximumCount * entryStride

  /// Names in the list.
  var count: Int {
    @inline(__always) get { Int(raw.load(as: Int32.self)) }
    nonmutating set { raw.storeBytes(of: Int32(newValue), as: Int32.self) }
  }
  /// Names that may still be added; also what sizes new instances (see the type's doc).
  var usable: Int {
    @inline(__always) get { Int(raw.load(fromByteOffset: 4, as: Int32.self)) }
    nonmutating set { raw.storeBytes(of: Int32(newValue), toByteOffset: 4, as: Int32.self) }
  }

  @inline(__always)
  private func entry(_ index: Int) -> UnsafeMutableRawPointer {
    raw + SharedKeys.entriesOffset + index &* SharedKeys.entryStride
  }

  /// The name at `index` (borrowed; `index < count`).
  @inline(__always)
  func name(at index: Int) -> PyRef { PyRef(entry(index).load(fromByteOffset: 8, as: UnsafeMutableRawPointer.self)) }

  /// An empty list with all 30 names usable. Nil with `MemoryError` set.
  static func make(_ rt: RuntimeRef) -> SharedKeys? {
    guard let raw = rt.allocateMemory(byteCount) else { return nil }
    let keys = SharedKeys(raw: raw)
    keys.count = 0
    keys.usable = maximumCount
    return keys
  }

  /// The position of the interned or identical `name`, by identity alone; nil when it is
  /// not in the list under that identity. The inline caches use this: code names are
  /// interned, so identity decides for them.
  @inline(__always)
  func indexByIdentity(_ name: PyRef) -> Int? {
    let count = self.count
    var index = 0
    while index < count {
      if entry(index).load(fromByteOffset: 8, as: UnsafeMutableRawPointer.self) == name.raw { return index }
      index &+= 1
    }
    return nil
  }

  /// The position of the interned `name` whose hash is `hash`: the position, -1 when
  /// absent, or -2 when a name with the same hash but another identity leaves it
  /// undecided (the generic path then decides).
  @inline(__always)
  func findInterned(_ name: PyRef, hash: Int) -> Int {
    let count = self.count
    var index = 0
    var result = -1
    while index < count {
      let entry = entry(index)
      if entry.load(fromByteOffset: 8, as: UnsafeMutableRawPointer.self) == name.raw { return index }
      if entry.load(as: Int.self) == hash { result = -2 }
      index &+= 1
    }
    return result
  }

  /// The position of `name` (an exact str with its hash computed), or nil when absent.
  @inline(__always)
  func index(of name: PyRef, hash: Int) -> Int? {
    if let index = indexByIdentity(name) { return index }
    let count = self.count
    var index = 0
    while index < count {
      let entry = entry(index)
      if entry.load(as: Int.self) == hash,
         StrObject.equals(PyRef(entry.load(fromByteOffset: 8, as: UnsafeMutableRawPointer.self)), name) {
        return index
      }
      index &+= 1
    }
    return nil
  }

  /// `insert_into_dictkeys`: the position of `name` (an exact str with its hash computed),
  /// appended if absent; nil when it is absent and the list has no usable room left.
  func insert(_ name: PyRef, hash: Int) -> Int? {
    if let index = index(of: name, hash: hash) { return index }
    guard usable > 0 else { return nil }
    let index = count
    name.incref()
    entry(index).storeBytes(of: hash, as: Int.self)
    entry(index).storeBytes(of: name.raw, toByteOffset: 8, as: UnsafeMutableRawPointer.self)
    count = index + 1
    usable -= 1
    return index
  }

  /// How many value slots a new instance gets, after taking one off `usable` (down to 1),
  /// as CPython's `init_inline_values` does.
  @inline(__always)
  func capacityForNewInstance() -> Int {
    if usable > 1 { usable -= 1 }
    return count + usable
  }
}
