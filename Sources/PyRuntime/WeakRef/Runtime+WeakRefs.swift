/// Creating, reading and clearing weak references.
/// CPython: Objects/weakrefobject.c, `weakref___new__`, `PyObject_ClearWeakRefs()`;
/// Modules/_weakref.c, `getweakrefcount`, `getweakrefs`.
extension RuntimeRef {
  /// `weakref.ref(object, callback)`. Without a callback (nil or None) the existing basic
  /// reference is returned if there is one.
  public func newWeakRef(_ object: PyRef, callback: PyRef? = nil) -> PyRef? {
    newWeak(state.pointee.types.weakref, object, callback: callback)
  }

  /// `weakref.proxy(object, callback)`: a callable proxy when `object` is callable.
  public func newProxy(_ object: PyRef, callback: PyRef? = nil) -> PyRef? {
    let types = state.pointee.types
    let record = object.type.record
    let callable = record.pointee.vectorCall != nil || record.pointee.call != nil
    return newWeak(callable ? types.weakCallableProxy! : types.weakProxy!, object, callback: callback)
  }

  /// A new weak reference of `type` (`ref`, a subclass of it, or a proxy type) to `object`.
  /// Without a callback (nil or None), a plain `ref` or proxy reuses the existing one.
  /// CPython: `weakref___new__()`, `PyWeakref_NewProxy()`, `get_basic_refs()`.
  func newWeak(_ type: PyType, _ object: PyRef, callback: PyRef?) -> PyRef? {
    guard object.type.allowsWeakReferences else {
      raise("TypeError", "cannot create weak reference to '\(object.type.name)' object")
      return nil
    }
    let types = state.pointee.types
    let callback = callback == state.pointee.none ? nil : callback
    let isBasicRef = type == types.weakref, isProxy = type == types.weakProxy || type == types.weakCallableProxy
    let (basicRef, basicProxy) = basicReferences(object)
    if callback == nil && (isBasicRef || isProxy) {
      if let existing = isBasicRef ? basicRef : basicProxy {
        existing.incref()
        return existing
      }
    }
    guard let ref = allocateObject(type) else { return nil }
    ref.storeRef(object, at: WeakRefObject.referentOffset)
    callback?.incref()
    ref.storeRef(callback, at: WeakRefObject.callbackOffset)
    ref.raw.storeBytes(of: -1, toByteOffset: WeakRefObject.hashOffset, as: Int.self)
    ref.storeRef(nil, at: WeakRefObject.prevOffset)
    ref.storeRef(nil, at: WeakRefObject.nextOffset)
    initializeInstanceSlots(ref)
    // Basic reference at the head; basic proxy after it; the rest after both (newest first).
    // (Allocation runs no code here: collections wait for a safe point.)
    let after: PyRef? = callback == nil && isBasicRef ? nil : basicProxy ?? basicRef
    link(ref, into: object, after: after)
    track(ref)
    return ref
  }

  /// The shared callback-less `ref` and proxy at the front of `object`'s list, if any
  /// (exact types only: subclass instances are never shared). CPython: `get_basic_refs()`.
  private func basicReferences(_ object: PyRef) -> (ref: PyRef?, proxy: PyRef?) {
    let types = state.pointee.types
    var cursor = WeakRefObject.first(object)
    var basicRef: PyRef?
    if let head = cursor, WeakRefObject.callback(head) == nil, head.type == types.weakref {
      basicRef = head
      cursor = WeakRefObject.next(head)
    }
    if let candidate = cursor, WeakRefObject.callback(candidate) == nil,
       candidate.type == types.weakProxy || candidate.type == types.weakCallableProxy {
      return (basicRef, candidate)
    }
    return (basicRef, nil)
  }

  /// Links `ref` into `object`'s list after `after` (at the head when nil).
  private func link(_ ref: PyRef, into object: PyRef, after: PyRef?) {
    let head = WeakRefObject.listHead(object)
    let next: PyRef? = after.map { WeakRefObject.next($0) } ?? PyRef(head.load(as: UnsafeMutableRawPointer?.self))
    ref.storeRef(after, at: WeakRefObject.prevOffset)
    ref.storeRef(next, at: WeakRefObject.nextOffset)
    next?.storeRef(ref, at: WeakRefObject.prevOffset)
    if let after { after.storeRef(ref, at: WeakRefObject.nextOffset) } else {
      head.storeBytes(of: ref.raw, as: UnsafeMutableRawPointer?.self)
    }
  }

  /// Calls a weak reference: the referent (new reference) or None.
  public func weakRefGet(_ ref: PyRef) -> PyRef {
    let referent = WeakRefObject.liveReferent(ref) ?? state.pointee.none
    referent.incref()
    return referent
  }

  /// The live referent of a proxy (borrowed), or nil with `ReferenceError` set.
  public func proxyReferent(_ proxy: PyRef) -> PyRef? {
    WeakProxy.referent(proxy, self)
  }

  /// `weakref.getweakrefcount(object)`.
  public func weakRefCount(_ object: PyRef) -> Int {
    weakRefs(object).count
  }

  /// `weakref.getweakrefs(object)`: borrowed references, in list order.
  public func weakRefs(_ object: PyRef) -> [PyRef] {
    guard object.type.allowsWeakReferences else { return [] }
    var refs: [PyRef] = []
    var cursor = WeakRefObject.first(object)
    while let ref = cursor {
      refs.append(ref)
      cursor = WeakRefObject.next(ref)
    }
    return refs
  }

  /// The refcount path's weak-reference clearing: every reference to `object` goes dead,
  /// then the callbacks of those still alive run, in list order (newest first), each with
  /// its reference. Errors are reported as unraisable and the next callback runs.
  /// CPython: Objects/weakrefobject.c, `PyObject_ClearWeakRefs()`.
  public func clearWeakReferences(_ object: PyRef) {
    guard object.type.allowsWeakReferences, WeakRefObject.first(object) != nil else { return }
    let saved = fetchException()
    var pending: [(ref: PyRef, callback: PyRef)] = []
    while let ref = WeakRefObject.first(object) {
      WeakRefObject.detach(ref)
      if let callback = WeakRefObject.callback(ref), ref.refcount > 0 {
        ref.storeRef(nil, at: WeakRefObject.callbackOffset)   // the pair below owns it now
        ref.incref()
        pending.append((ref, callback))
      }
    }
    for (ref, callback) in pending {
      handleWeakRefCallback(ref, callback)
      decref(callback)
      decref(ref)
    }
    restoreException(saved)
  }

  /// Calls `callback(ref)`, reporting an error as unraisable.
  func handleWeakRefCallback(_ ref: PyRef, _ callback: PyRef) {
    if let result = call(callback, ref) {
      decref(result)
    } else {
      writeUnraisable(object: callback)
    }
  }

}
