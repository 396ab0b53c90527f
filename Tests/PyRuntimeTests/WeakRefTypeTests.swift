import Testing
@testable import PyRuntime

/// The weak-reference types as Python sees them (`weakref.ref` subclasses, proxies'
/// forwarding, reprs), checked against CPython 3.11's behaviour (CPYTHON-MEMORY.md §6).
@Suite struct WeakRefTypeTests {
  /// The list keeps the shared callback-less ref first and the shared proxy second, then the
  /// rest newest first; instances of `ref` subclasses are never shared.
  @Test func listOrderAndSharing() throws {
    let f = Fixture()
    let rt = f.rt
    let X = rt.newClass(name: "X", attributeCount: 0)
    let x = rt.newInstance(X)!
    let callback = f.loggingCallback(tag: 1)
    let withCallback = rt.newWeakRef(x, callback: callback)!
    let proxy = rt.newProxy(x)!
    let plain = rt.newWeakRef(x)!
    #expect(rt.weakRefs(x) == [plain, proxy, withCallback])
    #expect(rt.newProxy(x)! == proxy)
    rt.decref(proxy)
    let sub = try subclassOfRef(rt)
    let a = rt.newWeak(sub, x, callback: nil)!, b = rt.newWeak(sub, x, callback: nil)!
    #expect(a != b && a.type == sub && b.type == sub)
    #expect(rt.weakRefs(x) == [plain, proxy, b, a, withCallback], "subclass instances go after the basic ones, newest first")
    #expect(rt.weakRefGet(a) == x)
    rt.decref(x)
    rt.decref(x)
    #expect(f.events == ["callback 1"])
    #expect(WeakRefObject.liveReferent(a) == nil && WeakRefObject.liveReferent(b) == nil)
    for object in [a, b, plain, proxy, withCallback, callback] { rt.decref(object) }
  }

  /// `<weakref at 0x…; to 'X' at 0x…>`, `(name)` when the referent has a `__name__`, and
  /// `<weakref at 0x…; dead>`; proxies say `<weakproxy at 0x… to X at 0x…>`.
  @Test func reprs() {
    let f = Fixture()
    let rt = f.rt
    let X = rt.newClass(name: "X", attributeCount: 0)
    let x = rt.newInstance(X)!
    let ref = rt.newWeakRef(x)!, proxy = rt.newProxy(x)!
    #expect(rt.reprString(ref) == "<weakref at \(rt.addressText(ref)); to 'X' at \(rt.addressText(x))>")
    #expect(rt.reprString(proxy) == "<weakproxy at \(rt.addressText(proxy)) to X at \(rt.addressText(x))>")
    let typeRef = rt.newWeakRef(X.object)!
    #expect(rt.reprString(typeRef)?.hasSuffix("(X)>") == true)
    rt.decref(x)
    #expect(rt.reprString(ref) == "<weakref at \(rt.addressText(ref)); dead>")
    #expect(rt.reprString(proxy)?.contains(" to NoneType at ") == true)
    for object in [ref, proxy, typeRef] { rt.decref(object) }
  }

  /// A proxy forwards the container protocols and raises `ReferenceError` once dead; it is
  /// unhashable.
  @Test func proxyForwardsAndFails() {
    let f = Fixture()
    let rt = f.rt
    let one = rt.newInt(1)!, two = rt.newInt(2)!
    let set = rt.newSet(nil)!
    _ = rt.setAdd(set, one)
    let proxy = rt.newProxy(set)!
    #expect(rt.length(proxy) == 1)
    #expect(rt.contains(proxy, one) == 1 && rt.contains(proxy, two) == 0)
    #expect(rt.hash(proxy) == -1)
    #expect(rt.takeError() == PyError("TypeError", "unhashable type: 'weakref.ProxyType'"))
    rt.decref(set)
    #expect(rt.length(proxy) == -1)
    #expect(rt.takeError() == PyError("ReferenceError", "weakly-referenced object no longer exists"))
    for object in [proxy, one, two] { rt.decref(object) }
  }

  /// Weak references to type objects; method descriptors refuse them, as in CPython.
  @Test func typesAcceptWeakReferences() {
    let f = Fixture()
    let rt = f.rt
    let intType = rt.state.pointee.types.int!.object
    let ref = rt.newWeakRef(intType)!
    #expect(rt.weakRefGet(ref) == intType)
    rt.decref(intType)
    #expect(rt.weakRefs(intType) == [ref])
    rt.decref(ref)
    #expect(rt.weakRefCount(intType) == 0)
    let append = rt.lookup(rt.state.pointee.types.list, "append")!
    #expect(rt.newWeakRef(append) == nil)
    #expect(rt.takeError() == PyError("TypeError", "cannot create weak reference to 'method_descriptor' object"))
  }

  /// `class R(weakref.ref): pass`, made the way a class statement makes it.
  private func subclassOfRef(_ rt: RuntimeRef) throws -> PyType {
    let name = rt.newStr("R")!
    let base = rt.state.pointee.types.weakref!.object
    base.incref()
    let bases = rt.newTuple([base])!
    let namespace = rt.newDict()!
    defer { rt.decref(name); rt.decref(bases); rt.decref(namespace) }
    let type = try #require(rt.newClass(name: name, bases: bases, namespace: namespace, metaclass: rt.state.pointee.types.type))
    return PyType(type.raw)
  }
}
