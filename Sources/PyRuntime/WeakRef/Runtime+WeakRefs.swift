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
    let type = object.type.record.pointee.call != nil ? types.weakCallableProxy! : types.weakProxy!
    return newWeak(type, object, callback: callback)
  }

  private func newWeak(_ type: PyType, _ object: PyRef, callback: PyRef?) -> PyRef? {
    guard object.type.allowsWeakReferences else {
      raise("TypeError", "cannot create weak reference to '\(object.type.name)' object")
      return nil
    }
    let callback = callback == state.pointee.none ? nil : callback
    // The basic (callback-less) references come first: reference, then proxy.
    var basicRef: PyRef?, basicProxy: PyRef?
    if let first = WeakRefObject.first(object), WeakRefObject.callback(first) == nil {
      if first.type == state.pointee.types.weakref {
        basicRef = first
        if let second = WeakRefObject.next(first), WeakRefObject.callback(second) == nil,
           second.type != state.pointee.types.weakref { basicProxy = second }
      } else {
        basicProxy = first
      }
    }
    if callback == nil {
      let existing = type == state.pointee.types.weakref ? basicRef : basicProxy
      if let existing {
        existing.incref()
        return existing
      }
    }
    guard let ref = allocateObject(type) else { return nil }
    ref.storeRef(object, at: WeakRefObject.referentOffset)
    callback?.incref()
    ref.storeRef(callback, at: WeakRefObject.callbackOffset)
    ref.raw.storeBytes(of: -1, toByteOffset: WeakRefObject.hashOffset, as: Int.self)
    // Basic reference at the head; basic proxy after it; the rest after both (newest first).
    let after: PyRef?
    if callback == nil && type == state.pointee.types.weakref { after = nil }
    else if callback == nil { after = basicRef }
    else { after = basicProxy ?? basicRef }
    link(ref, into: object, after: after)
    track(ref)
    return ref
  }

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
    PyRef(WeakRefObject.callRef(ref.raw, nil, raw)).unsafelyUnwrapped
  }

  /// The live referent of a proxy (borrowed), or nil with `ReferenceError` set.
  public func proxyReferent(_ proxy: PyRef) -> PyRef? {
    guard let referent = WeakRefObject.referent(proxy), referent.refcount > 0 else {
      raise("ReferenceError", "weakly-referenced object no longer exists")
      return nil
    }
    return referent
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
