/// Instances of class-like types: attributes in an inline values array (CPython 3.11 keeps
/// a plain instance's attributes in such an array, not in a dict object, which is why a
/// two-instance cycle collects as 2), a weak-reference list, and an optional `__del__`.
///
/// ```
///   -16 GC header | 0 refcount | 8 type | 16 values → [attr 0, attr 1, …] | 24 weaklist
/// ```
/// `sys.getsizeof` of an instance is 48, as in CPython 3.11.
/// CPython: Objects/typeobject.c `subtype_dealloc`, `subtype_traverse`, `subtype_clear`;
/// Objects/object.c `PyObject_CallFinalizerFromDealloc`.
public enum InstanceObject {
  static let valuesOffset = 16
  static let weakListOffset = 24
  static let basicSize = 32

  static func values(_ instance: PyRef) -> UnsafeMutablePointer<UnsafeMutableRawPointer?>? {
    instance.raw.load(fromByteOffset: valuesOffset, as: UnsafeMutablePointer<UnsafeMutableRawPointer?>?.self)
  }

  static func attributeCount(_ instance: PyRef) -> Int { instance.type.record.pointee.attributeCount }

  static let traverse: Slot.Traverse = { raw, visit, arg in
    let instance = PyRef(raw)
    guard let values = InstanceObject.values(instance) else { return 0 }
    for index in 0..<attributeCount(instance) {
      if let value = values[index] {
        let result = visit(value, arg)
        if result != 0 { return result }
      }
    }
    return 0
  }

  /// Calls `body` with each attribute that is set, in ``traverse``'s order: the collector's
  /// inlined form of ``traverse`` (``TraverseKind/instance``).
  @inline(__always)
  static func forEachReference(_ instance: PyRef, _ record: UnsafeMutablePointer<TypeRecord>,
                               _ body: (UnsafeMutableRawPointer) -> Void) {
    guard let values = values(instance) else { return }
    let count = record.pointee.attributeCount
    var index = 0
    while index < count {
      if let value = values[index] { body(value) }
      index &+= 1
    }
  }

  /// Drops every attribute, in order (`subtype_clear`).
  static let clear: Slot.Clear = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let instance = PyRef(raw)
    guard let values = InstanceObject.values(instance) else { return }
    for index in 0..<attributeCount(instance) {
      let old = values[index]
      values[index] = nil
      rt.decref(PyRef(old))
    }
  }

  /// CPython's `subtype_dealloc` order: finalizer (may resurrect), then weak references
  /// cleared and their callbacks run, then the legacy `tp_del` (may resurrect), then the
  /// attributes in insertion order, then the memory.
  static let dealloc: Slot.Dealloc = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let instance = PyRef(raw)
    let record = instance.type.record
    rt.untrack(instance)
    if record.pointee.finalize != nil {
      rt.track(instance)
      guard rt.callFinalizerFromDealloc(instance) else { return }   // resurrected
      rt.untrack(instance)
    }
    rt.clearWeakReferences(instance)
    if let legacyDel = record.pointee.legacyDel {
      rt.track(instance)
      instance.refcount = 1
      legacyDel(instance.raw, runtime)
      rt.writeUnraisable(object: rt.lookup(instance.type, "__del__") ?? instance)
      instance.refcount -= 1
      guard instance.refcount == 0 else { return }                   // resurrected
      rt.untrack(instance)
    }
    clear(raw, runtime)
    rt.freeMemory(values(instance).map(UnsafeMutableRawPointer.init))
    rt.freeObject(instance)
  }

  /// The finalize slot of classes with `__del__`: calls the class's del callable with the
  /// instance. Errors stay on the runtime for the caller to report.
  static let finalize: Slot.Finalize = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let instance = PyRef(raw)
    guard let body = PyRef(instance.type.record.pointee.delCallable) else { return }
    if let result = rt.call(body, instance) { rt.decref(result) }
  }
}

/// How a class-like type finalizes its instances.
public enum ClassFinalizer {
  /// No finalizer.
  case none
  /// `__del__` (PEP 442 `tp_finalize`): runs once per object, before weak-reference
  /// callbacks on the refcount path, after them in a collection; garbage cycles with it are
  /// collected.
  case del(PyRef)
  /// A legacy `tp_del`: cycles holding such an object are uncollectable and go to
  /// `gc.garbage`.
  case legacyDel(PyRef)
}

extension RuntimeRef {
  /// A new class-like type whose instances have `attributeCount` attribute slots and accept
  /// weak references. The finalizer's callable is kept alive by the type.
  public func newClass(name: String, attributeCount: Int, finalizer: ClassFinalizer = .none) -> PyType {
    var finalize: Slot.Finalize?
    var legacyDel: Slot.Finalize?
    var body: PyRef?
    switch finalizer {
    case .none: break
    case .del(let callable): finalize = InstanceObject.finalize; body = callable
    case .legacyDel(let callable): legacyDel = InstanceObject.finalize; body = callable
    }
    let type = makeType(
      name: name, basicSize: InstanceObject.basicSize, flags: [.haveGC], weakListOffset: InstanceObject.weakListOffset,
      dealloc: InstanceObject.dealloc, traverse: InstanceObject.traverse, clear: InstanceObject.clear,
      finalize: finalize, legacyDel: legacyDel, attributeCount: attributeCount)
    type.record.pointee.traverseKind = .instance
    body?.incref()
    type.record.pointee.delCallable = body?.raw
    return type
  }

  /// A new instance of `type` (made by ``newClass(name:attributeCount:finalizer:)``), tracked,
  /// with every attribute unset.
  public func newInstance(_ type: PyType) -> PyRef? {
    let count = type.record.pointee.attributeCount
    var values: UnsafeMutableRawPointer?
    if count > 0 {
      guard let block = allocateMemory(count * 8) else { return nil }
      block.initializeMemory(as: UnsafeMutableRawPointer?.self, repeating: nil, count: count)
      values = block
    }
    guard let instance = allocateObject(type) else {
      freeMemory(values)
      return nil
    }
    instance.raw.storeBytes(of: values, toByteOffset: InstanceObject.valuesOffset, as: UnsafeMutableRawPointer?.self)
    instance.raw.storeBytes(of: nil, toByteOffset: InstanceObject.weakListOffset, as: UnsafeMutableRawPointer?.self)
    track(instance)
    return instance
  }

  /// `instance.attr = value` for attribute slot `index` (a new reference is taken; the old
  /// value is released after the store, so its finalizer sees the new value).
  public func setAttribute(_ instance: PyRef, _ index: Int, _ value: PyRef?) {
    precondition(index >= 0 && index < InstanceObject.attributeCount(instance),
                 "setAttribute: \(instance.type.name) has no attribute slot \(index)")
    let values = InstanceObject.values(instance).unsafelyUnwrapped
    let old = values[index]
    value?.incref()
    values[index] = value?.raw
    decref(PyRef(old))
  }

  /// A borrowed reference to attribute slot `index`, or nil when unset.
  public func attribute(_ instance: PyRef, _ index: Int) -> PyRef? {
    precondition(index >= 0 && index < InstanceObject.attributeCount(instance),
                 "attribute: \(instance.type.name) has no attribute slot \(index)")
    return PyRef(InstanceObject.values(instance).unsafelyUnwrapped[index])
  }

  /// Runs `object`'s finalizer from its deallocation (count 0): resurrects it to 1 for the
  /// call, runs the finalizer once (PEP 442), reports errors as unraisable.
  /// - Returns: false when the finalizer resurrected the object (deallocation must stop).
  /// CPython: Objects/object.c, `PyObject_CallFinalizerFromDealloc()`.
  func callFinalizerFromDealloc(_ object: PyRef) -> Bool {
    _gcInvariant(object.refcount == 0, "finalizer from dealloc on a live object")
    object.refcount = 1
    callFinalizer(object)
    object.refcount -= 1
    return object.refcount == 0
  }

  /// `PyObject_CallFinalizer`: runs `tp_finalize` unless it already ran, then sets the bit.
  func callFinalizer(_ object: PyRef) {
    guard let finalize = object.type.record.pointee.finalize else { return }
    if object.type.isGC && object.gc.isFinalized { return }
    // The finalizer may run while an exception propagates (a frame's locals released
    // during unwinding): it must neither see nor lose it (`slot_tp_finalize` saves it).
    let saved = fetchException()
    finalize(object.raw, raw)
    if object.type.isGC { object.gc.isFinalized = true }
    if hasError { writeUnraisable(object: lookup(object.type, "__del__") ?? object) }
    restoreException(saved)
  }
}
