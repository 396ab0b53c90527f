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
/// (it sits at the front of the list). References with callbacks go right after those, so
/// the list runs newest first and so do the callbacks.
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

  static func listHead(_ object: PyRef) -> UnsafeMutableRawPointer {
    object.raw + object.type.record.pointee.weakListOffset
  }

  static func first(_ object: PyRef) -> PyRef? {
    PyRef(listHead(object).load(as: UnsafeMutableRawPointer?.self))
  }

  static func makeTypes(_ rt: RuntimeRef) -> (PyType, PyType, PyType) {
    let ref = rt.makeType(name: "weakref.ReferenceType", basicSize: basicSize, flags: [.haveGC],
                          dealloc: dealloc, traverse: traverse, clear: clear, call: callRef,
                          hash: hash, equal: equal)
    let proxy = rt.makeType(name: "weakref.ProxyType", basicSize: basicSize, flags: [.haveGC],
                            dealloc: dealloc, traverse: traverse, clear: clear)
    let callableProxy = rt.makeType(name: "weakref.CallableProxyType", basicSize: basicSize, flags: [.haveGC],
                                    dealloc: dealloc, traverse: traverse, clear: clear, call: callProxy)
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

  static let dealloc: Slot.Dealloc = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let ref = PyRef(raw)
    rt.untrack(ref)
    detach(ref)
    rt.decref(callback(ref))
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

  /// Calling a reference returns the referent, or None once it is dead (or dying).
  static let callRef: Slot.Call = { raw, _, runtime in
    let rt = RuntimeRef(raw: runtime)
    guard let referent = referent(PyRef(raw)), referent.refcount > 0 else { return rt.newNone().raw }
    referent.incref()
    return referent.raw
  }

  static let callProxy: Slot.Call = { raw, argument, runtime in
    let rt = RuntimeRef(raw: runtime)
    guard let referent = rt.proxyReferent(PyRef(raw)) else { return nil }
    return rt.call(referent, PyRef(argument))?.raw
  }

  /// The referent's hash, computed once; a dead reference that never hashed raises
  /// `TypeError: weak object has gone away`.
  static let hash: Slot.Hash = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let ref = PyRef(raw)
    let cached = ref.raw.load(fromByteOffset: hashOffset, as: Int.self)
    if cached != -1 { return cached }
    guard let referent = referent(ref), referent.refcount > 0 else {
      rt.raise("TypeError", "weak object has gone away")
      return -1
    }
    let value = rt.hash(referent)
    if value != -1 { ref.raw.storeBytes(of: value, toByteOffset: hashOffset, as: Int.self) }
    return value
  }

  /// Two live references compare their referents; otherwise identity.
  static let equal: Slot.Equal = { a, b, runtime in
    let rt = RuntimeRef(raw: runtime)
    let left = PyRef(a), right = PyRef(b)
    guard left.type == rt.state.pointee.types.weakref, right.type == rt.state.pointee.types.weakref,
          let x = referent(left), let y = referent(right) else { return a == b ? 1 : 0 }
    return rt.equal(x, y)
  }
}
