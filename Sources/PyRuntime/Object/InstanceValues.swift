/// A plain instance's attributes, kept in the instance itself: CPython 3.11's inline
/// values array (`PyDictValues`), for classes with ``TypeFlags/managedDict``.
///
/// The values sit in the same block as the instance, after the fields its class lays out
/// (`basicSize`), one slot per name of the class's ``SharedKeys``:
///
/// ```
///   -16 GC header | 0 refcount | 8 type | … | dict (nil) | weaklist | basicSize:
///     capacity (1 B) | count (1 B) | order: capacity × 1 B | pad to 8 | values: capacity × 8 B
/// ```
///
/// The capacity byte's top bit records that a slot has ever held an object of a GC type
/// (``mayHoldGCObjects``); it is never cleared. The collector only cares about GC objects,
/// so for an instance whose attributes have only been ints, floats, strs or None it reads
/// no value at all, and none of the objects they point to: in a heap of a million such
/// instances, that is a million ints whose headers each collection no longer loads.
/// `gc.get_referents` still reports every value.
///
/// `order` lists the positions of the attributes that are set, in the order they were set,
/// so that `__dict__` iterates the way this instance's attributes were assigned, not the
/// way the class first met the names (`_PyDictValues_AddToInsertionOrder`). A class whose
/// instances set two attributes gives each instance three slots (see ``SharedKeys``): 32
/// bytes after a 32-byte body, 80 bytes with the GC header, in one block. CPython 3.11
/// spends 56 bytes on the instance and 32 on a separate values array.
///
/// The instance's dict field stays nil while the values are in use. When a dict object is
/// needed (`__dict__` is read, an attribute does not fit, the class is reassigned) the
/// values move into a new dict, the dict field takes it, and the values region is left
/// with count 0 for good (``RuntimeRef/materializeInstanceDict(_:)``). So one test, the
/// dict field, tells which of the two holds the attributes.
/// CPython: Objects/dictobject.c `init_inline_values`, `make_dict_from_instance`,
/// `_PyObject_StoreInstanceAttribute`, `_PyObject_GetInstanceAttribute`.
struct InstanceValues {
  /// The start of the values region (the instance's `basicSize` offset).
  let raw: UnsafeMutableRawPointer

  /// The values region of `object`, whose class has ``TypeFlags/managedDict``.
  @inline(__always)
  init(_ object: PyRef, _ record: UnsafeMutablePointer<TypeRecord>) {
    raw = object.raw + record.pointee.basicSize
  }

  /// Bytes the region takes for `capacity` slots.
  @inline(__always)
  static func byteCount(capacity: Int) -> Int { valuesOffset(capacity: capacity) + capacity &* 8 }

  @inline(__always)
  static func valuesOffset(capacity: Int) -> Int { (2 &+ capacity &+ 7) & ~7 }

  /// The largest capacity a region can record (its count and positions are bytes).
  static let maximumCapacity = SharedKeys.maximumCount

  /// The capacity byte's flag: a slot has held an object whose type is GC (sticky).
  static let mayHoldGCBit: UInt8 = 0x80

  /// Writes an empty region of `capacity` slots.
  @inline(__always)
  static func initialize(at raw: UnsafeMutableRawPointer, capacity: Int) {
    raw.initializeMemory(as: UInt8.self, repeating: 0, count: byteCount(capacity: capacity))
    raw.storeBytes(of: UInt8(truncatingIfNeeded: capacity), as: UInt8.self)
  }

  /// Value slots in this instance.
  var capacity: Int { @inline(__always) get { Int(raw.load(as: UInt8.self) & ~InstanceValues.mayHoldGCBit) } }

  /// Some slot has held an object of a GC type since the instance was made. While false,
  /// every value is an object the collector ignores.
  var mayHoldGCObjects: Bool {
    @inline(__always) get { raw.load(as: UInt8.self) & InstanceValues.mayHoldGCBit != 0 }
  }

  /// Every store of a value goes through here: a GC object sets the flag.
  @inline(__always)
  private func noteStored(_ value: PyRef) {
    if value.type.isGC { raw.storeBytes(of: raw.load(as: UInt8.self) | InstanceValues.mayHoldGCBit, as: UInt8.self) }
  }
  /// Attributes set.
  var count: Int {
    @inline(__always) get { Int(raw.load(fromByteOffset: 1, as: UInt8.self)) }
    nonmutating set { raw.storeBytes(of: UInt8(truncatingIfNeeded: newValue), toByteOffset: 1, as: UInt8.self) }
  }

  /// The position of the `n`th attribute set (`n < count`).
  @inline(__always)
  func position(_ n: Int) -> Int { Int(raw.load(fromByteOffset: 2 &+ n, as: UInt8.self)) }

  @inline(__always)
  var slots: UnsafeMutablePointer<UnsafeMutableRawPointer?> {
    (raw + InstanceValues.valuesOffset(capacity: capacity)).assumingMemoryBound(to: UnsafeMutableRawPointer?.self)
  }

  /// The value at `index` (borrowed), nil when unset or beyond this instance's slots.
  @inline(__always)
  func value(_ index: Int) -> PyRef? {
    guard index < capacity else { return nil }
    return PyRef(slots[index])
  }

  /// Puts `value` (a reference that moves in) in the empty slot `index`, last in the order.
  @inline(__always)
  func add(_ index: Int, _ value: PyRef) {
    let count = self.count
    raw.storeBytes(of: UInt8(truncatingIfNeeded: index), toByteOffset: 2 &+ count, as: UInt8.self)
    self.count = count &+ 1
    noteStored(value)
    slots[index] = value.raw
  }

  /// Puts `value` (a reference that moves in) in slot `index`, last in the order if the
  /// slot was empty; returns the value it replaces (the reference moves out), or nil.
  @inline(__always)
  func store(_ index: Int, _ value: PyRef) -> PyRef? {
    guard let old = slots[index] else {
      add(index, value)
      return nil
    }
    noteStored(value)
    slots[index] = value.raw
    return PyRef(old)
  }

  /// Empties slot `index` and takes it out of the order; returns the value it held (the
  /// reference moves out).
  func remove(_ index: Int) -> PyRef? {
    guard let old = value(index) else { return nil }
    slots[index] = nil
    let count = self.count
    var n = 0
    while n < count && position(n) != index { n += 1 }
    if n < count {
      let order = raw + 2
      for later in n ..< count - 1 { order.storeBytes(of: order.load(fromByteOffset: later + 1, as: UInt8.self), toByteOffset: later, as: UInt8.self) }
      self.count = count - 1
    }
    return old
  }

  /// Calls `body` with each value set, by position (the order CPython's traverse and
  /// dealloc use), stopping at the first nonzero result. With `gcOnly` (the collector's
  /// walks), an instance that never held a GC object calls it for none.
  @inline(__always)
  func forEachValue(gcOnly: Bool = false, _ body: (UnsafeMutableRawPointer) -> Int32) -> Int32 {
    guard count != 0, !gcOnly || mayHoldGCObjects else { return 0 }
    let slots = self.slots
    for index in 0 ..< capacity {
      if let value = slots[index] {
        let result = body(value)
        if result != 0 { return result }
      }
    }
    return 0
  }
}
