import Testing
@testable import PyRuntime

/// Prompt reference counting and CPython's release orders (CPYTHON-MEMORY.md §4.2, T30).
@Suite struct RefCountTests {
  @Test func listAndTupleReleaseItemsLastToFirst() {
    let f = Fixture()
    let rt = f.rt
    let D = f.loggingClass("D")
    let list = rt.newList()!
    for tag in 1...3 { let d = f.instance(D, tag: tag); rt.listAppend(list, d); rt.decref(d) }
    rt.decref(list)
    #expect(f.events == ["del 3", "del 2", "del 1"])
    let tuple = rt.newTuple((1...3).map { f.instance(D, tag: 10 + $0) })!
    rt.decref(tuple)
    #expect(f.events.suffix(3) == ["del 13", "del 12", "del 11"])
  }

  @Test func dictAndInstanceReleaseInInsertionOrder() {
    let f = Fixture()
    let rt = f.rt
    let D = f.loggingClass("D")
    let dict = rt.newDict()!
    for tag in 1...3 {
      let key = rt.newInt(tag)!, value = f.instance(D, tag: tag)
      rt.dictSetItem(dict, key, value)
      rt.decref(key); rt.decref(value)
    }
    rt.decref(dict)
    #expect(f.events == ["del 1", "del 2", "del 3"])
    let Holder = rt.newClass(name: "Holder", attributeCount: 3)
    let holder = rt.newInstance(Holder)!
    for slot in 0..<3 { let d = f.instance(D, tag: 20 + slot); rt.setAttribute(holder, slot, d); rt.decref(d) }
    rt.decref(holder)
    #expect(f.events.suffix(3) == ["del 20", "del 21", "del 22"])
  }

  /// A container is finalized before its contents.
  @Test func containerIsFinalizedBeforeItsContents() {
    let f = Fixture()
    let rt = f.rt
    let D = f.loggingClass("D")
    let outer = f.instance(D, tag: 1)
    let child = f.instance(D, tag: 2)
    rt.setAttribute(outer, 1, child)
    rt.decref(child)
    rt.decref(outer)
    #expect(f.events == ["del 1", "del 2"])
  }

  /// Rebinding frees the old value during the store, after the new value is in place.
  @Test func rebindingFreesTheOldValueAtTheStore() {
    let f = Fixture()
    let rt = f.rt
    let D = f.loggingClass("D")
    let Holder = rt.newClass(name: "Holder", attributeCount: 1)
    let holder = rt.newInstance(Holder)!
    let x = f.instance(D, tag: 1)
    rt.setAttribute(holder, 0, x); rt.decref(x)
    #expect(f.events.isEmpty)
    let y = f.instance(D, tag: 2)
    rt.setAttribute(holder, 0, y); rt.decref(y)
    #expect(f.events == ["del 1"])
    rt.decref(holder)
    #expect(f.events == ["del 1", "del 2"])
  }

  /// On the refcount path `__del__` runs before the weak-reference callbacks (T15).
  @Test func finalizerRunsBeforeWeakRefCallbacksOnTheRefcountPath() {
    let f = Fixture()
    let rt = f.rt
    let K = f.loggingClass("K")
    let k = f.instance(K, tag: 1)
    let callback = f.loggingCallback(tag: 7)
    let ref = rt.newWeakRef(k, callback: callback)!
    rt.decref(callback)
    rt.decref(k)
    #expect(f.events == ["del 1", "callback 7"])
    let dead = rt.weakRefGet(ref)
    #expect(dead == rt.state.pointee.none)
    rt.decref(dead)
    rt.decref(ref)
  }

  /// A finalizer that resurrects its object: the object lives on, and its finalizer never
  /// runs again (PEP 442).
  @Test func resurrectionOnTheRefcountPathFinalizesOnce() {
    let f = Fixture()
    let rt = f.rt
    let saved = rt.newList()!
    let R = rt.newClass(name: "R", attributeCount: 1, finalizer: .del(rt.newFunction(resurrectIntoContext, context: saved)!))
    let r = rt.newInstance(R)!
    rt.decref(r)
    #expect(ListObject.count(saved) == 1, "resurrected into the list")
    #expect(rt.isFinalized(ListObject.item(saved, 0)))
    rt.listClear(saved)          // dies again: no second __del__
    #expect(ListObject.count(saved) == 0)
    rt.decref(saved)
    #expect(rt.verifyObjects().isEmpty)
  }

  @Test func immortalSingletonsSurviveAnyNumberOfDecrefs() {
    let f = Fixture()
    let rt = f.rt
    let none = rt.state.pointee.none
    let before = none.refcount
    for _ in 0..<10_000 { rt.decref(rt.newNone()) }
    #expect(none.refcount == before)
    let small = rt.newInt(42)!, again = rt.newInt(42)!
    #expect(small == again, "small ints are cached")
    let big = rt.newInt(257)!, big2 = rt.newInt(257)!
    #expect(big != big2, "257 is not cached")
    for object in [small, again, big, big2] { rt.decref(object) }
    #expect(rt.newTuple([])! == rt.state.pointee.emptyTuple)
  }

  /// Freeing a 1,000,000-deep chain of any container type never recurses on the native
  /// stack (CPython's trashcan covers only some types).
  @Test(arguments: ["list", "tuple", "dict", "instance", "function"])
  func millionDeepChainsFree(kind: String) {
    let f = Fixture()
    let rt = f.rt
    let Node = rt.newClass(name: "Node", attributeCount: 1)
    let key = rt.newInt(0)!
    let baseline = rt.blocksInUseWithoutFreeLists
    var head = rt.newList()!
    for _ in 0..<1_000_000 {
      let outer: PyRef
      switch kind {
      case "list": outer = rt.newList()!; rt.listAppend(outer, head); rt.decref(head)
      case "tuple": outer = rt.newTuple([head])!
      case "dict": outer = rt.newDict()!; rt.dictSetItem(outer, key, head); rt.decref(head)
      case "instance": outer = rt.newInstance(Node)!; rt.setAttribute(outer, 0, head); rt.decref(head)
      default: outer = rt.newFunction(logCallback, context: head)!; rt.decref(head)
      }
      head = outer
    }
    rt.decref(head)
    rt.decref(key)
    #expect(rt.blocksInUseWithoutFreeLists <= baseline)
    #expect(rt.verifyObjects().isEmpty)
  }

  /// Finalizer errors are reported as "Exception ignored in" and execution goes on.
  @Test func finalizerErrorsAreUnraisable() {
    let f = Fixture()
    let rt = f.rt
    let E = rt.newClass(name: "E", attributeCount: 1, finalizer: .del(rt.newFunction(raiseValueError)!))
    let e = rt.newInstance(E)!
    rt.decref(e)
    #expect(f.events == ["unraisable: ValueError: boom"])
    #expect(!rt.hasError)
  }
}

/// `__del__` that appends the instance to the list in its context (resurrection).
let resurrectIntoContext: FunctionObject.Body = { context, argument, runtime in
  let rt = RuntimeRef(raw: runtime)
  rt.listAppend(PyRef(context!), PyRef(argument!))
  return rt.newNone().raw
}

let raiseValueError: FunctionObject.Body = { _, _, runtime in
  RuntimeRef(raw: runtime).raise("ValueError", "boom")
  return nil
}
