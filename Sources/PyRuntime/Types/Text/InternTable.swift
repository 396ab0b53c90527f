/// The interned strings: an open-addressing hash set of str objects in the heap's mem domain.
///
/// ```
///   slots (capacity a power of two, at least 64):  [ str | nil | tombstone | str | … ]
///   a str sits at the first free slot probing linearly from hash & (capacity − 1);
///   nil ends a probe, a tombstone (a removed entry) does not.
/// ```
///
/// The table's pointer to a string is not a counted reference. CPython 3.11 stores an
/// interned string in a dict and subtracts the dict's two references from its count
/// (`SSTATE_INTERNED_MORTAL`); the effect is the same: the string dies when the program
/// lets go of it, and its dealloc takes it out of the table (``RuntimeRef/internTableRemove(_:)``).
/// Immortal strings (the empty string, the Latin-1 characters) are marked
/// `SSTATE_INTERNED_IMMORTAL` and never leave. Every string in the table has its hash cached,
/// so probing and growing never hash again.
/// CPython: Objects/unicodeobject.c, `PyUnicode_InternInPlace`, `unicode_dealloc`.
struct InternTable {
  var slots: UnsafeMutablePointer<UnsafeMutableRawPointer?>?
  /// A power of two, or 0 before the first insertion.
  var capacity = 0
  /// Live strings.
  var count = 0
  /// Live strings plus tombstones: what limits probe lengths.
  var filled = 0

  static let minimumCapacity = 64
  /// Marks a removed entry. No object lives at address 8.
  @inline(__always)
  static var tombstone: UnsafeMutableRawPointer { UnsafeMutableRawPointer(bitPattern: 8).unsafelyUnwrapped }

  /// The slot holding a string equal to `str`, or nil.
  func find(_ str: PyRef, hash: Int) -> PyRef? {
    guard let slots else { return nil }
    let mask = capacity - 1
    var index = hash & mask
    while let entry = slots[index] {
      if entry != InternTable.tombstone {
        let candidate = PyRef(entry)
        let candidateHash = candidate.raw.load(fromByteOffset: StrObject.hashOffset, as: Int.self)
        if candidateHash == hash && StrObject.equals(candidate, str) { return candidate }
      }
      index = (index &+ 1) & mask   // Safe: mask < capacity.
    }
    return nil
  }

  /// Puts `str` (not present) in the first free or removed slot of its probe; there must be
  /// room. Returns whether that slot held a tombstone.
  func place(_ str: PyRef, hash: Int) -> Bool {
    let slots = slots.unsafelyUnwrapped
    let mask = capacity - 1
    var index = hash & mask
    while let entry = slots[index], entry != InternTable.tombstone { index = (index &+ 1) & mask }
    let reusesTombstone = slots[index] != nil
    slots[index] = str.raw
    return reusesTombstone
  }
}

extension RuntimeRef {
  /// `sys.intern(s)`: the canonical string equal to `str`, as a new reference. `str` is
  /// borrowed; when no equal string is interned yet, `str` itself becomes the canonical one.
  /// If the table cannot grow (heap limit), `str` is returned uninterned, as in CPython.
  /// - Precondition: `str` is a str.
  public func intern(_ str: PyRef) -> PyRef {
    precondition(isStr(str), "intern: not a str")
    if StrObject.internedState(str) != 0 {
      str.incref()
      return str
    }
    let hash = strHash(str)
    if let canonical = state.pointee.text.interned.find(str, hash: hash) {
      canonical.incref()
      return canonical
    }
    str.incref()
    guard reserveInternSlot() else { return str }
    let reusedTombstone = state.pointee.text.interned.place(str, hash: hash)
    if !reusedTombstone { state.pointee.text.interned.filled += 1 }
    state.pointee.text.interned.count += 1
    let immortal = str.refcount >= ObjectLayout.immortalRefcount / 2
    StrObject.setInternedState(str, immortal ? StrObject.internedImmortal : StrObject.internedMortal)
    return str
  }

  /// `PyUnicode_InternInPlace`: replaces the owned reference in `str` by one to the
  /// canonical string.
  public func internInPlace(_ str: inout PyRef) {
    let canonical = intern(str)
    decref(str)
    str = canonical
  }

  /// The interned str for an identifier or other constant text, as a new reference
  /// (`PyUnicode_InternFromString`). nil with an error on MemoryError.
  public func internedString(_ string: String) -> PyRef? {
    guard var str = newStr(string) else { return nil }
    internInPlace(&str)
    return str
  }

  /// Whether `str` is in the intern table.
  public func isInterned(_ str: PyRef) -> Bool { isStr(str) && StrObject.internedState(str) != 0 }

  /// The interned string equal to `string`, borrowed, or nil when there is none.
  public func lookupInterned(_ string: String) -> PyRef? {
    guard let probe = newStr(string) else { return nil }
    defer { decref(probe) }
    return state.pointee.text.interned.find(probe, hash: strHash(probe))
  }

  /// How many strings are interned.
  public var internedCount: Int { state.pointee.text.interned.count }

  /// Takes a dying interned string out of the table (from its dealloc).
  func internTableRemove(_ str: PyRef) {
    // The attribute cache compares names by address: a new str could be born at this one's.
    if StrObject.state(str) & TypeCache.keyBit != 0 { clearTypeCache() }
    let table = state.pointee.text.interned
    guard let slots = table.slots else { return }
    let mask = table.capacity - 1
    var index = str.raw.load(fromByteOffset: StrObject.hashOffset, as: Int.self) & mask
    while let entry = slots[index] {
      if entry == str.raw {
        slots[index] = InternTable.tombstone
        state.pointee.text.interned.count -= 1
        return
      }
      index = (index &+ 1) & mask
    }
    _gcInvariant(false, "an interned str is missing from the intern table")
  }

  /// Makes room for one more entry: grows (or rebuilds without tombstones) at two thirds
  /// full. False when the heap limit is reached; the error indicator is left as it was.
  private func reserveInternSlot() -> Bool {
    let table = state.pointee.text.interned
    if (table.filled + 1) * 3 < table.capacity * 2 { return true }
    var capacity = InternTable.minimumCapacity
    while (table.count + 1) * 3 >= capacity {   // at most one third full after the rebuild
      capacity *= 2
    }
    let saved = fetchException()
    guard let block = allocateMemory(capacity * MemoryLayout<UnsafeMutableRawPointer?>.stride) else {
      decref(fetchException())
      restoreException(saved)
      return false
    }
    restoreException(saved)
    let slots = block.bindMemory(to: UnsafeMutableRawPointer?.self, capacity: capacity)
    slots.initialize(repeating: nil, count: capacity)
    let rebuilt = InternTable(slots: slots, capacity: capacity, count: table.count, filled: table.count)
    if let old = table.slots {
      for index in 0..<table.capacity {
        guard let entry = old[index], entry != InternTable.tombstone else { continue }
        let str = PyRef(entry)
        _ = rebuilt.place(str, hash: str.raw.load(fromByteOffset: StrObject.hashOffset, as: Int.self))
      }
      freeMemory(UnsafeMutableRawPointer(old))
    }
    state.pointee.text.interned = rebuilt
    return true
  }
}
