/// Weak references and proxies.
///
/// Each object whose type allows weak references has a list head at
/// `TypeRecord.weakListOffset`; the weak references to it are linked through their own
/// `prev`/`next` fields:
///
/// ```
///   referent.weaklist ─► [basic ref] ⇄ [basic proxy] ⇄ [newest ref with callback] ⇄ … ⇄ [oldest]
///
///   weakref object:
///   -16 GC header | 0 refcount | 8 type | 16 referent (not owned) | 24 callback (owned)
///                 | 32 hash (-1 until computed) | 40 prev | 48 next          (72 bytes with GC)
/// ```
///
/// A reference or proxy without a callback is shared: asking again returns the same object
/// (it sits at the front of the list). References with callbacks, and instances of
/// subclasses of `ref`, go right after those, so the list runs newest first and so do the
/// callbacks.
///
/// Three built-in types share this layout: `weakref.ReferenceType` (`weakref.ref`, which
/// classes may extend: `WeakMethod`, `KeyedRef`), `weakref.ProxyType` and
/// `weakref.CallableProxyType`. All three have the kind ``TypeKind/weakref``, and so do the
/// subclasses of `ref`. The Python-facing slots of `ref` are in `WeakRefObject+Reference`,
/// those of the proxies in `WeakProxy`.
/// CPython: Objects/weakrefobject.c, Include/cpython/weakrefobject.h.
public enum WeakRefObject {
  static let referentOffset = 16
  static let callbackOffset = 24
  static let hashOffset = 32
  static let prevOffset = 40
  static let nextOffset = 48
  static let basicSize = 56

  static func referent(_ ref: PyRef) -> PyRef? { ref.loadRef(at: referentOffset) }
  static func callback(_ ref: PyRef) -> PyRef? { ref.loadRef(at: callbackOffset) }
  static func next(_ ref: PyRef) -> PyRef? { ref.loadRef(at: nextOffset) }
  static func prev(_ ref: PyRef) -> PyRef? { ref.loadRef(at: prevOffset) }

  /// The referent while it is alive (borrowed); nil once the reference is dead.
  /// CPython: `PyWeakref_GET_OBJECT` (which gives None for a dead one).
  static func liveReferent(_ ref: PyRef) -> PyRef? {
    guard let referent = referent(ref), referent.refcount > 0 else { return nil }
    return referent
  }

  /// Whether `object` is a weak reference or proxy of any kind, including instances of
  /// subclasses of `ref` (CPython: `PyWeakref_Check`).
  @inline(__always)
  static func isWeakReference(_ object: PyRef) -> Bool { object.type.record.pointee.kind == .weakref }

  static func listHead(_ object: PyRef) -> UnsafeMutableRawPointer {
    object.raw + object.type.record.pointee.weakListOffset
  }

  static func first(_ object: PyRef) -> PyRef? {
    PyRef(listHead(object).load(as: UnsafeMutableRawPointer?.self))
  }

  static func makeTypes(_ rt: RuntimeRef) -> (PyType, PyType, PyType) {
    let ref = rt.makeType(name: "weakref.ReferenceType", basicSize: basicSize, flags: [.haveGC],
                          dealloc: dealloc, traverse: traverse, clear: clear, hash: hash, equal: equal)
    let proxy = rt.makeType(name: "weakref.ProxyType", basicSize: basicSize, flags: [.haveGC],
                            dealloc: dealloc, traverse: traverse, clear: clear)
    let callableProxy = rt.makeType(name: "weakref.CallableProxyType", basicSize: basicSize, flags: [.haveGC],
                                    dealloc: dealloc, traverse: traverse, clear: clear)
    configureReference(ref)
    WeakProxy.configure(proxy, callable: false)
    WeakProxy.configure(callableProxy, callable: true)
    return (ref, proxy, callableProxy)
  }

  /// Unlinks `ref` from its referent's list and forgets the referent. The callback stays.
  /// CPython: `clear_weakref()` (minus dropping the callback).
  static func detach(_ ref: PyRef) {
    guard let referent = referent(ref) else { return }
    let prev = prev(ref), next = next(ref)
    if let prev { prev.storeRef(next, at: nextOffset) } else {
      listHead(referent).storeBytes(of: next?.raw, as: UnsafeMutableRawPointer?.self)
    }
    next?.storeRef(prev, at: prevOffset)
    ref.storeRef(nil, at: referentOffset)
    ref.storeRef(nil, at: prevOffset)
    ref.storeRef(nil, at: nextOffset)
  }

  /// Frees a reference or proxy, or the built-in part of a `ref` subclass instance (the
  /// class's dealloc has released its own fields first).
  static let dealloc: Slot.Dealloc = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let ref = PyRef(raw)
    rt.untrack(ref)
    detach(ref)
    rt.decref(callback(ref))
    ref.storeRef(nil, at: callbackOffset)
    rt.freeObject(ref)
  }

  static let traverse: Slot.Traverse = { raw, visit, arg in
    guard let callback = callback(PyRef(raw)) else { return 0 }
    return visit(callback.raw, arg)
  }

  /// `tp_clear`: the reference goes dead and drops its callback.
  static let clear: Slot.Clear = { raw, runtime in
    let ref = PyRef(raw)
    detach(ref)
    RuntimeRef(raw: runtime).replaceRef(in: ref, at: callbackOffset, with: nil)
  }
}

extension RuntimeRef {
  /// The Python-facing methods of the three weak-reference types: slot wrappers,
  /// `ref.__callback__`, the proxies' forwarding methods. Runs after the core types are
  /// ready (bootstrap).
  func bootstrapWeakRefTypes() {
    let types = state.pointee.types
    addGetSets(types.weakref, WeakRefObject.getSets)
    addSlotWrappers(types.weakref)
    WeakProxy.finish(self, types.weakProxy)
    WeakProxy.finish(self, types.weakCallableProxy)
  }
}
