import PyCompiler

/// The caches of the attribute and global-name instructions: CPython 3.11's inline caches
/// (the `CACHE` entries after `LOAD_ATTR`, `STORE_ATTR`, `LOAD_METHOD` and `LOAD_GLOBAL`,
/// and the specialized instructions that read them), kept in an array beside the code.
///
/// When a code object is loaded, each of those instructions gets an entry, and its
/// argument becomes the entry's index (the name moves into the entry). The first run of
/// the instruction takes the generic path and records what it found; later runs check
/// that the record still holds and take the shortcut:
///
/// | instruction | kind | holds while | shortcut |
/// |---|---|---|---|
/// | `LOAD_ATTR`, `STORE_ATTR` | ``Kind/instanceValue`` | the type's version tag | slot `index` of the instance's inline values, while it has no dict (`LOAD_ATTR_INSTANCE_VALUE`) |
/// | `LOAD_ATTR`, `STORE_ATTR` | ``Kind/dictHint`` | the type's version tag | the instance dict's entry `index`, if its key is still the name (`LOAD_ATTR_WITH_HINT`) |
/// | `LOAD_ATTR`, `STORE_ATTR` | ``Kind/slot`` | the type's version tag | the `__slots__` field at offset `index` (`LOAD_ATTR_SLOT`) |
/// | `LOAD_METHOD` | ``Kind/method`` | the type's version tag | the method `object`, unless the instance's attributes shadow it (`LOAD_METHOD_WITH_VALUES`) |
/// | `LOAD_GLOBAL` | ``Kind/global``, ``Kind/builtin`` | the keys versions of globals (and builtins) | entry `index` of the dict (`LOAD_GLOBAL_MODULE`, `LOAD_GLOBAL_BUILTIN`) |
///
/// A type's version tag covers its getattr/setattr slots and what its MRO defines under
/// the name (``TypeCache``); a dict's keys version covers where each key sits
/// (`DictObject.Table.keysVersion`). A class's shared keys only grow, so a name's slot in
/// its instances' inline values is fixed for the class, and the tag covers it too.
/// Values are always read from the object, never from
/// the cache, except the method of ``Kind/method``, which the tag keeps alive.
/// CPython: Python/specialize.c, Include/internal/pycore_code.h.
public struct InlineCache {
  enum Kind: UInt32 {
    case empty, instanceValue, dictHint, slot, method, global, builtin
  }

  /// The instruction's name (a str of `co_names`, which the code object keeps alive).
  var name: UnsafeMutableRawPointer
  /// Attribute sites: the type's version tag. Global sites: the globals' keys version.
  var tag: UInt32
  /// Global sites: the builtins' keys version.
  var tag2: UInt32
  var kind: Kind
  /// An inline-values slot, a dict entry index, or a field offset.
  var index: Int
  /// The cached method (borrowed; valid while `tag` matches).
  var object: UnsafeMutableRawPointer?

  /// What ``prepare(_:count:names:_:)`` made: the caches, or nil when no instruction
  /// needs one.
  struct Prepared {
    let pointer: UnsafeMutablePointer<InlineCache>?
  }

  /// Gives every attribute and global-name instruction of `words` a cache entry and puts
  /// the entry's index in its argument. Nil with `MemoryError` set.
  static func prepare(_ words: UnsafeMutablePointer<UInt32>, count: Int, names: PyRef, _ rt: RuntimeRef) -> Prepared? {
    let loadAttr = UInt32(Opcode.loadAttr.rawValue), storeAttr = UInt32(Opcode.storeAttr.rawValue)
    let loadMethod = UInt32(Opcode.loadMethod.rawValue), loadGlobal = UInt32(Opcode.loadGlobal.rawValue)
    var sites = 0
    for index in 0..<count {
      let opcode = words[index] & 0xFF
      if opcode == loadAttr || opcode == storeAttr || opcode == loadMethod || opcode == loadGlobal { sites += 1 }
    }
    guard sites > 0 else { return Prepared(pointer: nil) }
    guard sites < 1 << 22, let block = rt.allocateMemory(sites * MemoryLayout<InlineCache>.stride) else {
      if !rt.hasError { rt.raise("MemoryError") }
      return nil
    }
    let caches = block.bindMemory(to: InlineCache.self, capacity: sites)
    var next = 0
    for index in 0..<count {
      let word = words[index]
      let opcode = word & 0xFF
      guard opcode == loadAttr || opcode == storeAttr || opcode == loadMethod || opcode == loadGlobal else { continue }
      let argument = word >> 8
      let nameIndex = Int(opcode == loadGlobal ? argument >> 1 : argument)
      let name = TupleObject.item(names, nameIndex).unsafelyUnwrapped
      (caches + next).initialize(to: InlineCache(name: name.raw, tag: 0, tag2: 0, kind: .empty, index: 0, object: nil))
      let newArgument = opcode == loadGlobal ? UInt32(next) << 1 | (argument & 1) : UInt32(next)
      words[index] = opcode | newArgument << 8
      next += 1
    }
    return Prepared(pointer: caches)
  }
}

extension RuntimeRef {
  // MARK: - LOAD_ATTR

  /// `LOAD_ATTR`'s shortcut: the attribute, or nil when the cache does not hold (then
  /// ``loadAttributeAndCache(_:_:)`` runs). A new reference.
  @inline(__always)
  func loadAttributeCached(_ object: PyRef, _ cache: UnsafeMutablePointer<InlineCache>) -> PyRef? {
    let type = object.type
    let tag = cache.pointee.tag
    guard tag != 0, type.record.pointee.versionTag == tag else { return nil }
    if cache.pointee.kind == .instanceValue {
      guard object.loadRef(at: type.record.pointee.dictOffset) == nil,
            let value = InstanceValues(object, type.record).value(cache.pointee.index) else { return nil }
      value.incref()
      return value
    }
    if cache.pointee.kind == .dictHint {
      guard let dict = object.loadRef(at: type.record.pointee.dictOffset), let table = DictObject.table(dict) else { return nil }
      let index = cache.pointee.index
      guard index < table.entryCount else { return nil }
      let entry = table.entry(index)
      guard entry.load(fromByteOffset: 8, as: UnsafeMutableRawPointer?.self) == cache.pointee.name,
            let value = PyRef(entry.load(fromByteOffset: 16, as: UnsafeMutableRawPointer?.self)) else { return nil }
      value.incref()
      return value
    }
    if cache.pointee.kind == .slot {
      guard let value = object.loadRef(at: cache.pointee.index) else { return nil }
      value.incref()
      return value
    }
    return nil
  }

  /// `LOAD_ATTR` when the cache does not hold. For a type with the generic getattr this
  /// is `object.__getattribute__` done here, with the cache's entry index as the first
  /// place to look in the instance dict; what it finds becomes the site's cache, so a site
  /// that sees several classes (a polymorphic `task.link`) keeps finding attributes
  /// where the previous class had them. Other types take ``getAttribute(_:_:)``.
  @inline(never)
  func loadAttributeAndCache(_ object: PyRef, _ cache: UnsafeMutablePointer<InlineCache>) -> PyRef? {
    let name = PyRef(cache.pointee.name)
    let type = object.type
    let record = type.record
    guard sameFunction(record.pointee.getAttribute, RuntimeRef.genericGetAttribute) else {
      cache.pointee.tag = 0
      return getAttribute(object, name)
    }
    let descriptor = lookup(type, name)
    let shortcuts = sameFunction(record.pointee.setAttribute, RuntimeRef.genericSetAttribute)
    if let descriptor, let get = descriptor.type.record.pointee.descriptorGet,
       descriptor.type.record.pointee.descriptorSet != nil {
      // A data descriptor wins; a `__slots__` field becomes the site's cache.
      if shortcuts, let offset = slotOffset(descriptor, of: type), let value = object.loadRef(at: offset) {
        cache.pointee.kind = .slot
        cache.pointee.index = offset
        cache.pointee.tag = record.pointee.versionTag
        value.incref()
        return value
      }
      cache.pointee.tag = 0
      return PyRef(get(descriptor.raw, object.raw, type.raw, raw))
    }
    let dictOffset = record.pointee.dictOffset
    if dictOffset != 0, object.loadRef(at: dictOffset) == nil, record.pointee.flags.contains(.managedDict),
       name.type == state.pointee.types.str {
      if let keys = record.pointee.sharedKeys.map(SharedKeys.init),
         let index = keys.index(of: name, hash: strHash(name)),
         let value = InstanceValues(object, record).value(index) {
        if shortcuts {
          cache.pointee.kind = .instanceValue
          cache.pointee.index = index
          cache.pointee.tag = record.pointee.versionTag
        }
        value.incref()
        return value
      }
    } else if dictOffset != 0, let dict = object.loadRef(at: dictOffset) {
      if let index = instanceEntry(dict, name, hint: cache.pointee.index),
         let value = DictObject.table(dict).unsafelyUnwrapped.value(index) {
        if shortcuts {
          cache.pointee.kind = .dictHint
          cache.pointee.index = index
          cache.pointee.tag = record.pointee.versionTag
        }
        value.incref()
        return value
      }
      if hasError { return nil }
    }
    cache.pointee.tag = 0
    if let descriptor { return bindDescriptor(descriptor, object, type) }
    raiseNoAttribute(object, name)
    return nil
  }

  /// The offset of the field a `__slots__` descriptor of `type`'s layout reads, or nil
  /// when `descriptor` is not one.
  @inline(__always)
  private func slotOffset(_ descriptor: PyRef, of type: PyType) -> Int? {
    guard descriptor.type == state.pointee.types.memberDescriptor,
          let owner = descriptor.loadRef(at: MemberDescriptor.ownerOffset), isSubtype(type, PyType(owner.raw)) else { return nil }
    return descriptor.raw.load(fromByteOffset: MemberDescriptor.slotOffset, as: Int.self)
  }

  /// The entry of `name` in an instance dict: entry `hint` when its key is `name` itself,
  /// otherwise found by a lookup. Nil when absent (or the lookup raised).
  @inline(__always)
  private func instanceEntry(_ dict: PyRef, _ name: PyRef, hint: Int) -> Int? {
    guard let table = DictObject.table(dict) else { return nil }
    if hint < table.entryCount, table.entry(hint).load(fromByteOffset: 8, as: UnsafeMutableRawPointer?.self) == name.raw {
      return hint
    }
    let hash = name.raw.load(fromByteOffset: StrObject.hashOffset, as: Int.self)
    guard name.type == state.pointee.types.str, hash != -1 else { return nil }
    if StrObject.internedState(name) != 0 {
      let found = DictObject.findInterned(table, name, hash: hash, strType: state.pointee.types.str)
      if found != -2 { return found >= 0 ? found : nil }
    }
    guard case .found(let entry, _) = DictObject.lookup(dict, name, hash: hash, self) else { return nil }
    return entry
  }

  // MARK: - STORE_ATTR

  /// `STORE_ATTR`'s shortcut: stores `value` (the reference moves in) and returns true, or
  /// returns false when the cache does not hold (nothing done).
  @inline(__always)
  func storeAttributeCached(_ object: PyRef, _ value: PyRef, _ cache: UnsafeMutablePointer<InlineCache>) -> Bool {
    let type = object.type
    let tag = cache.pointee.tag
    guard tag != 0, type.record.pointee.versionTag == tag else { return false }
    if cache.pointee.kind == .instanceValue {
      guard object.loadRef(at: type.record.pointee.dictOffset) == nil else { return false }
      let values = InstanceValues(object, type.record)
      let index = cache.pointee.index
      guard index < values.capacity else { return false }
      decref(values.store(index, value))
      return true
    }
    if cache.pointee.kind == .dictHint {
      guard let dict = object.loadRef(at: type.record.pointee.dictOffset), let table = DictObject.table(dict) else { return false }
      let index = cache.pointee.index
      guard index < table.entryCount, dict.gc.isTracked else { return false }
      let entry = table.entry(index)
      guard entry.load(fromByteOffset: 8, as: UnsafeMutableRawPointer?.self) == cache.pointee.name,
            let old = PyRef(entry.load(fromByteOffset: 16, as: UnsafeMutableRawPointer?.self)) else { return false }
      entry.storeBytes(of: value.raw, toByteOffset: 16, as: UnsafeMutableRawPointer?.self)
      decref(old)
      return true
    }
    if cache.pointee.kind == .slot {
      let offset = cache.pointee.index
      let old = object.loadRef(at: offset)
      object.storeRef(value, at: offset)
      decref(old)
      return true
    }
    return false
  }

  /// `STORE_ATTR` when the cache does not hold (borrowed arguments): for a type with the
  /// generic setattr, `object.__setattr__` done here, like ``loadAttributeAndCache(_:_:)``.
  /// False with an exception set.
  @inline(never)
  func storeAttributeAndCache(_ object: PyRef, _ value: PyRef, _ cache: UnsafeMutablePointer<InlineCache>) -> Bool {
    let name = PyRef(cache.pointee.name)
    let type = object.type
    let record = type.record
    cache.pointee.tag = 0
    guard sameFunction(record.pointee.setAttribute, RuntimeRef.genericSetAttribute),
          sameFunction(record.pointee.getAttribute, RuntimeRef.genericGetAttribute) else {
      return setAttribute(object, name, value)
    }
    let descriptor = lookup(type, name)
    if let descriptor, descriptor.type.record.pointee.descriptorSet != nil {
      guard let offset = slotOffset(descriptor, of: type) else { return setAttribute(object, name, value) }
      value.incref()
      replaceRef(in: object, at: offset, with: value)
      cache.pointee.kind = .slot
      cache.pointee.index = offset
      cache.pointee.tag = record.pointee.versionTag
      return true
    }
    let dictOffset = record.pointee.dictOffset
    guard dictOffset != 0 else { return setAttribute(object, name, value) }
    if record.pointee.flags.contains(.managedDict), object.loadRef(at: dictOffset) == nil {
      guard storeInlineAttribute(object, name, value) == 0 else { return false }
      if object.loadRef(at: dictOffset) == nil, let keys = record.pointee.sharedKeys.map(SharedKeys.init),
         let index = keys.indexByIdentity(name) {
        cache.pointee.kind = .instanceValue
        cache.pointee.index = index
        cache.pointee.tag = record.pointee.versionTag
      }
      return true
    }
    guard let dict = instanceDict(object) else { return setAttribute(object, name, value) }
    var stored: Int?
    if let index = instanceEntry(dict, name, hint: cache.pointee.index), dict.gc.isTracked {
      let table = DictObject.table(dict).unsafelyUnwrapped
      let old = table.value(index)
      value.incref()
      table.setValue(index, value)
      decref(old)
      stored = index
    } else {
      if hasError { return false }
      guard dictSetItem(dict, name, value) else { return false }
      // An insertion appends: the entry is the last one.
      if let table = DictObject.table(dict), table.entryCount > 0,
         table.entry(table.entryCount - 1).load(fromByteOffset: 8, as: UnsafeMutableRawPointer?.self) == name.raw {
        stored = table.entryCount - 1
      }
    }
    if let stored {
      cache.pointee.kind = .dictHint
      cache.pointee.index = stored
      cache.pointee.tag = record.pointee.versionTag
    }
    return true
  }

  // MARK: - LOAD_METHOD

  /// `LOAD_METHOD`'s shortcut: the method found on the type (a new reference), to be
  /// called with `object` as self, or nil when the cache does not hold.
  @inline(__always)
  func loadMethodCached(_ object: PyRef, _ cache: UnsafeMutablePointer<InlineCache>) -> PyRef? {
    let type = object.type
    let tag = cache.pointee.tag
    guard tag != 0, type.record.pointee.versionTag == tag, cache.pointee.kind == .method else { return nil }
    let dictOffset = type.record.pointee.dictOffset
    if dictOffset != 0 {
      // An instance attribute of the same name would shadow the method. Code names are
      // interned strs: found by identity, absent, or (rarely) the generic path decides.
      let name = PyRef(cache.pointee.name)
      let hash = name.raw.load(fromByteOffset: StrObject.hashOffset, as: Int.self)
      if let dict = object.loadRef(at: dictOffset) {
        if DictObject.count(dict) != 0, let table = DictObject.table(dict),
           DictObject.findInterned(table, name, hash: hash, strType: state.pointee.types.str) != -1 { return nil }
      } else if let keys = type.record.pointee.sharedKeys.map(SharedKeys.init) {
        let index = keys.findInterned(name, hash: hash)
        if index == -2 || (index >= 0 && InstanceValues(object, type.record).value(index) != nil) { return nil }
      }
    }
    let method = PyRef(cache.pointee.object.unsafelyUnwrapped)
    method.incref()
    return method
  }

  /// `LOAD_METHOD`'s generic path (``loadMethod(_:_:)``), which records a method found on
  /// the type for the next run.
  @inline(never)
  func loadMethodAndCache(_ object: PyRef, _ cache: UnsafeMutablePointer<InlineCache>) -> (PyRef, PyRef?)? {
    let name = PyRef(cache.pointee.name)
    guard let result = loadMethod(object, name) else { return nil }
    cache.pointee.tag = 0
    if result.1 != nil, name.type == state.pointee.types.str, StrObject.internedState(name) != 0 {
      // loadMethod found a plain method on the type (it only binds those), and the type's
      // getattr is the generic one; the lookup it did gave the type its tag.
      let tag = object.type.record.pointee.versionTag
      if tag != 0 {
        cache.pointee.kind = .method
        cache.pointee.object = result.0.raw
        cache.pointee.tag = tag
      }
    }
    return result
  }

  // MARK: - LOAD_GLOBAL

  /// `LOAD_GLOBAL`'s shortcut: the value (a new reference), or nil when the keys of the
  /// globals (or builtins) moved since the cache was filled.
  @inline(__always)
  func loadGlobalCached(_ frame: UnsafeMutablePointer<Frame>, _ cache: UnsafeMutablePointer<InlineCache>) -> PyRef? {
    let tag = cache.pointee.tag
    guard tag != 0, let globals = DictObject.table(frame.pointee.globals), globals.keysVersion == tag else { return nil }
    let table: DictObject.Table
    if cache.pointee.kind == .global {
      table = globals
    } else {
      guard let builtins = DictObject.table(frame.pointee.builtins), builtins.keysVersion == cache.pointee.tag2 else { return nil }
      table = builtins
    }
    let value = PyRef(table.entry(cache.pointee.index).load(fromByteOffset: 16, as: UnsafeMutableRawPointer?.self).unsafelyUnwrapped)
    value.incref()
    return value
  }

  /// `LOAD_GLOBAL`'s generic path, which records where the name was found.
  @inline(never)
  func loadGlobalAndCache(_ frame: UnsafeMutablePointer<Frame>, _ cache: UnsafeMutablePointer<InlineCache>) -> PyRef? {
    let name = PyRef(cache.pointee.name)
    guard let value = loadGlobal(frame, name) else { return nil }
    cache.pointee.tag = 0
    let globals = frame.pointee.globals, builtins = frame.pointee.builtins
    guard globals.type == state.pointee.types.dict, builtins.type == state.pointee.types.dict else { return value }
    if let index = entryIndex(globals, name) {
      let version = DictObject.keysVersion(globals, self)
      guard version != 0 else { return value }
      cache.pointee.kind = .global
      cache.pointee.index = index
      cache.pointee.tag = version
    } else if let index = entryIndex(builtins, name) {
      let globalsVersion = DictObject.keysVersion(globals, self), builtinsVersion = DictObject.keysVersion(builtins, self)
      guard globalsVersion != 0, builtinsVersion != 0 else { return value }
      cache.pointee.kind = .builtin
      cache.pointee.index = index
      cache.pointee.tag2 = builtinsVersion
      cache.pointee.tag = globalsVersion
    }
    return value
  }

  /// The entry index of `key` in `dict` (looked up by hash, as dict lookups do), or nil.
  private func entryIndex(_ dict: PyRef, _ key: PyRef) -> Int? {
    let hash = self.hash(key)
    if hash == -1 && hasError { clearError(); return nil }
    guard case .found(let entry, _) = DictObject.lookup(dict, key, hash: hash, self) else {
      if hasError { clearError() }
      return nil
    }
    return entry
  }
}
