/// The attribute cache of type lookups: CPython's method cache (`struct type_cache`).
///
/// Every attribute read walks the MRO of the object's type (`_PyType_Lookup`): one dict
/// lookup per class until the name is found, and for an instance attribute (which no class
/// defines) one per class for nothing. The cache remembers the answer, found or not, by
/// (type version tag, name):
///
/// ```
///   entries[(tag ^ hash(name)) & 4095] = (tag, name, value or nil)    value: borrowed
/// ```
/// - A type gets a version tag on its first cached lookup, and so does every class on its
///   MRO (so a tagged type's bases are all tagged).
/// - A change to a type's dict (its dict carries an owner mark, ``DictObject``'s
///   `ownerTypeOffset`, so every insertion or deletion is seen) takes the tag away from the
///   type and from every tagged type whose MRO holds it: their entries stop matching.
///   Tags are never reused.
/// - Only interned exact strs are keys, compared by address: the entry keeps no reference
///   to its name, so a str used as a key is marked, and when a marked interned str dies
///   the cache is emptied (another str could be born at its address).
/// CPython: Objects/typeobject.c (`_PyType_Lookup`, `assign_version_tag`, `PyType_Modified`).
struct TypeCache {
  struct Entry {
    var tag: UInt32
    var name: UnsafeMutableRawPointer?
    var value: UnsafeMutableRawPointer?
  }

  /// `MCACHE_SIZE_EXP`.
  static let sizeExponent = 12
  static let size = 1 << sizeExponent
  static let mask = size - 1

  var entries: UnsafeMutablePointer<Entry>?
  /// The next tag to give; tags run out at `UInt32.max` (then types stay uncached).
  var nextTag: UInt32 = 1
  /// The next dict keys version to give (see `DictObject.Table.keysVersion`).
  var nextKeysVersion: UInt32 = 1
  /// The built-ins the loop calls without their generic calling convention (CPython
  /// 3.11's `PRECALL_NO_KW_LIST_APPEND`, `PRECALL_NO_KW_LEN`, `PRECALL_NO_KW_ISINSTANCE`):
  /// `list.append` (the method descriptor) and the `len` and `isinstance` functions of
  /// `builtins`, compared by identity; set once the interpreter exists. Owned (a reference
  /// each, see `findSpecializedCallTargets`): the mark-alive pass counts them as roots.
  var listAppend: UnsafeMutableRawPointer?
  var builtinLen: UnsafeMutableRawPointer?
  var builtinIsInstance: UnsafeMutableRawPointer?
  /// Whether any entry was filled since the last emptying.
  var filled = false

  /// The str state bit marking a name used as a cache key (above CPython's bitfield).
  static let keyBit: UInt32 = 1 << 8
}

extension RuntimeRef {
  /// `_PyType_Lookup`: the first definition of `name` (a str) along the MRO. Borrowed.
  public func lookup(_ type: PyType, _ name: PyRef) -> PyRef? {
    let tag = type.record.pointee.versionTag
    let cacheable = name.type == state.pointee.types.str && StrObject.internedState(name) != 0
    if _fastPath(tag != 0 && cacheable), let entries = state.pointee.typeCache.entries {
      let hash = name.raw.load(fromByteOffset: StrObject.hashOffset, as: Int.self)
      let entry = entries + ((Int(tag) ^ hash) & TypeCache.mask)
      if entry.pointee.tag == tag && entry.pointee.name == name.raw { return PyRef(entry.pointee.value) }
    }
    return lookupAndCache(type, name, cacheable: cacheable)
  }

  /// The MRO walk, remembered in the cache when `cacheable`.
  @inline(never)
  private func lookupAndCache(_ type: PyType, _ name: PyRef, cacheable: Bool) -> PyRef? {
    guard let mroRaw = type.record.pointee.mro else {
      return type.record.pointee.dict.flatMap { dictGetItem(PyRef($0), name) }
    }
    let mro = PyRef(mroRaw)
    var found: PyRef?
    for index in 0..<TupleObject.count(mro) {
      let klass = PyType(TupleObject.item(mro, index).unsafelyUnwrapped.raw)
      if let dict = klass.record.pointee.dict, let value = dictGetItem(PyRef(dict), name) {
        found = value
        break
      }
    }
    if cacheable && !hasError && assignVersionTag(type) {
      if state.pointee.typeCache.entries == nil {
        let entries = UnsafeMutablePointer<TypeCache.Entry>.allocate(capacity: TypeCache.size)
        entries.initialize(repeating: TypeCache.Entry(tag: 0, name: nil, value: nil), count: TypeCache.size)
        state.pointee.typeCache.entries = entries
      }
      let tag = type.record.pointee.versionTag
      let hash = name.raw.load(fromByteOffset: StrObject.hashOffset, as: Int.self)
      let entry = state.pointee.typeCache.entries.unsafelyUnwrapped + ((Int(tag) ^ hash) & TypeCache.mask)
      entry.pointee = TypeCache.Entry(tag: tag, name: name.raw, value: found?.raw)
      state.pointee.typeCache.filled = true
      StrObject.setState(name, StrObject.state(name) | TypeCache.keyBit)
    }
    return found
  }

  /// `assign_version_tag`: gives `type` and every class on its MRO a tag. False when tags
  /// ran out or the type is not ready (no MRO).
  private func assignVersionTag(_ type: PyType) -> Bool {
    if type.record.pointee.versionTag != 0 { return true }
    guard let mroRaw = type.record.pointee.mro else { return false }
    let mro = PyRef(mroRaw)
    let count = TupleObject.count(mro)
    guard state.pointee.typeCache.nextTag < UInt32.max - UInt32(count) - 1 else { return false }
    // Bases first, then the type itself (the MRO starts with it).
    var index = count - 1
    while index >= 0 {
      let klass = PyType(TupleObject.item(mro, index).unsafelyUnwrapped.raw)
      if klass.record.pointee.versionTag == 0 {
        guard klass.record.pointee.mro != nil else { return false }
        klass.record.pointee.versionTag = state.pointee.typeCache.nextTag
        state.pointee.typeCache.nextTag += 1
      }
      index -= 1
    }
    return true
  }

  /// `PyType_Modified`: `type`'s attributes changed, so its tag and its subclasses' go.
  @inline(never)
  func typeModified(_ type: PyType) {
    guard type.record.pointee.versionTag != 0 else { return }   // nor has any subclass
    type.record.pointee.versionTag = 0
    let all = state.pointee.types.all
    for candidate in all where candidate.record.pointee.versionTag != 0 {
      guard let mro = candidate.record.pointee.mro.map(PyRef.init) else { continue }
      for index in 1..<max(TupleObject.count(mro), 1) where TupleObject.item(mro, index).unsafelyUnwrapped.raw == type.raw {
        candidate.record.pointee.versionTag = 0
        break
      }
    }
  }

  /// Empties the cache (a str used as a key died).
  func clearTypeCache() {
    guard state.pointee.typeCache.filled, let entries = state.pointee.typeCache.entries else { return }
    entries.update(repeating: TypeCache.Entry(tag: 0, name: nil, value: nil), count: TypeCache.size)
    state.pointee.typeCache.filled = false
  }

  /// Frees the cache's memory (the runtime's teardown).
  func releaseTypeCache() {
    state.pointee.typeCache.entries?.deallocate()
    state.pointee.typeCache.entries = nil
    state.pointee.identifiers?.deallocate()
    state.pointee.identifiers = nil
  }
}
