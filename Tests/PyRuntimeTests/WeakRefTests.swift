import Testing
@testable import PyRuntime

/// Weak references against CPython 3.11's measured behaviour (CPYTHON-MEMORY.md §6, T17–T19).
@Suite struct WeakRefTests {
  /// T17: callbacks run newest first; a weak reference freed before its referent never fires.
  @Test func callbacksRunNewestFirstAndDeadRefsNeverFire() {
    let f = Fixture()
    let rt = f.rt
    let X = rt.newClass(name: "X", attributeCount: 0)
    let x = rt.newInstance(X)!
    let c1 = f.loggingCallback(tag: 1), c2 = f.loggingCallback(tag: 2)
    let r1 = rt.newWeakRef(x, callback: c1)!, r2 = rt.newWeakRef(x, callback: c2)!
    rt.decref(c1); rt.decref(c2)
    rt.decref(x)
    #expect(f.events == ["callback 2", "callback 1"])
    let y = rt.newInstance(X)!
    let c3 = f.loggingCallback(tag: 3)
    let r3 = rt.newWeakRef(y, callback: c3)!
    rt.decref(c3)
    rt.decref(r3)
    rt.decref(y)
    #expect(f.events == ["callback 2", "callback 1"], "r3 died first: no callback")
    rt.decref(r1); rt.decref(r2)
  }

  /// T18: types without a weak-reference list refuse, with CPython's message.
  @Test func typesWithoutWeakRefSupportRefuse() {
    let f = Fixture()
    let rt = f.rt
    let int = rt.newInt(1)!, list = rt.newList()!, dict = rt.newDict()!
    let tuple = rt.newTuple([rt.newInt(1)!])!
    var messages: [String] = []
    for object in [int, list, dict, tuple, rt.state.pointee.none, rt.state.pointee.emptyTuple] {
      #expect(rt.newWeakRef(object) == nil)
      messages.append(rt.takeError()!.description)
    }
    #expect(messages == [
      "TypeError: cannot create weak reference to 'int' object",
      "TypeError: cannot create weak reference to 'list' object",
      "TypeError: cannot create weak reference to 'dict' object",
      "TypeError: cannot create weak reference to 'tuple' object",
      "TypeError: cannot create weak reference to 'NoneType' object",
      "TypeError: cannot create weak reference to 'tuple' object",
    ])
    for object in [int, list, dict, tuple] { rt.decref(object) }
  }

  /// T19: callback-less references are shared; with a callback they are not; counting.
  @Test func identityAndCounting() {
    let f = Fixture()
    let rt = f.rt
    let X = rt.newClass(name: "X", attributeCount: 0)
    let x = rt.newInstance(X)!
    let a = rt.newWeakRef(x)!, b = rt.newWeakRef(x)!
    #expect(a == b && rt.weakRefCount(x) == 1)
    let callback = f.loggingCallback(tag: 0)
    let c = rt.newWeakRef(x, callback: callback)!
    rt.decref(callback)
    #expect(c != a && rt.weakRefCount(x) == 2 && rt.weakRefs(x).count == 2)
    let got = rt.weakRefGet(a)
    #expect(got == x)
    rt.decref(got)
    rt.decref(x)
    let none = rt.state.pointee.none
    let (ga, gc) = (rt.weakRefGet(a), rt.weakRefGet(c))
    #expect(ga == none && gc == none)
    for o in [ga, gc, a, b, c] { rt.decref(o) }
  }

  /// A proxy works while the referent lives and raises ReferenceError after; a proxy to a
  /// callable is callable.
  @Test func proxiesRaiseReferenceErrorAfterDeath() {
    let f = Fixture()
    let rt = f.rt
    let X = rt.newClass(name: "X", attributeCount: 0)
    let x = rt.newInstance(X)!
    let proxy = rt.newProxy(x)!
    #expect(proxy.type.name == "weakref.ProxyType")
    #expect(rt.proxyReferent(proxy) == x)
    #expect(rt.newProxy(x)! == proxy, "callback-less proxies are shared")
    rt.decref(proxy)
    rt.decref(x)
    #expect(rt.proxyReferent(proxy) == nil)
    #expect(rt.takeError()?.description == "ReferenceError: weakly-referenced object no longer exists")
    rt.decref(proxy)

    let function = rt.newFunction(logCallback, context: rt.newInt(5)!)!
    let callableProxy = rt.newProxy(function)!
    #expect(callableProxy.type.name == "weakref.CallableProxyType")
    let result = rt.call(callableProxy, nil)
    #expect(result == rt.state.pointee.none && f.events == ["callback 5"])
    rt.decref(result)
    rt.decref(function)
    #expect(rt.call(callableProxy, nil) == nil)
    #expect(rt.takeError()?.typeName == "ReferenceError")
    rt.decref(callableProxy)
  }

  /// A failing callback is reported as unraisable and the next one still runs.
  @Test func callbackErrorsAreUnraisableAndTheNextCallbackRuns() {
    let f = Fixture()
    let rt = f.rt
    let X = rt.newClass(name: "X", attributeCount: 0)
    let x = rt.newInstance(X)!
    let failing = rt.newFunction(raiseValueError)!
    let logging = f.loggingCallback(tag: 1)
    let r1 = rt.newWeakRef(x, callback: logging)!
    let r2 = rt.newWeakRef(x, callback: failing)!
    rt.decref(failing); rt.decref(logging)
    rt.decref(x)
    #expect(f.events == ["unraisable: ValueError: boom", "callback 1"])
    #expect(!rt.hasError)
    rt.decref(r1); rt.decref(r2)
  }

  /// A weak reference hashes like its referent, and keeps that hash after death; one that
  /// never hashed while alive raises.
  @Test func hashingFollowsTheReferent() {
    let f = Fixture()
    let rt = f.rt
    let X = rt.newClass(name: "X", attributeCount: 0)
    let x = rt.newInstance(X)!, y = rt.newInstance(X)!
    let rx = rt.newWeakRef(x)!, ry = rt.newWeakRef(y)!
    let hx = rt.hash(x)
    #expect(rt.hash(rx) == hx)
    rt.decref(x); rt.decref(y)
    #expect(rt.hash(rx) == hx)
    #expect(rt.hash(ry) == -1)
    #expect(rt.takeError()?.description == "TypeError: weak object has gone away")
    rt.decref(rx); rt.decref(ry)
  }
}
