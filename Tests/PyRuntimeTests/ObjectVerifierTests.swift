import Testing
@testable import PyRuntime

/// The object verifier (``RuntimeRef/verifyObjects()``, which `-X verifyheap` runs after
/// collections). It counts in the objects' GC headers, so besides finding problems it must
/// give every header back exactly as it found it.
@Suite struct ObjectVerifierTests {
  /// A count lower than the references tracked objects hold is reported with both numbers;
  /// a sound heap reports nothing, before and after.
  @Test func aCountBelowItsIncomingReferencesIsReported() {
    let f = Fixture()
    let rt = f.rt
    rt.gcEnabled = false
    let first = rt.newList()!, second = rt.newList()!, item = rt.newList()!
    rt.listAppend(first, item)
    rt.listAppend(second, item)
    #expect(rt.verifyObjects().isEmpty)
    let sound = item.refcount
    item.refcount = 1
    let problems = rt.verifyObjects()
    #expect(problems.count == 1)
    #expect(problems.first?.hasSuffix("has count 1 but 2 references from tracked objects") == true, "\(problems)")
    item.refcount = sound
    #expect(rt.verifyObjects().isEmpty)
    for object in [first, second, item] { rt.decref(object) }
    #expect(rt.collect() == 0)
  }

  /// The prev links, FINALIZED and the mark-alive epoch come back as they were; COLLECTING
  /// is clear again; the lists are still walked by a collection, which finds the cycle.
  @Test func theCheckLeavesEveryHeaderAsItFoundIt() {
    let f = Fixture()
    let rt = f.rt
    rt.gcEnabled = false
    let cycle = rt.newList()!
    rt.listAppend(cycle, cycle)
    let marked = rt.newList()!
    marked.gc.aliveMark = 0b1000
    marked.gc.isFinalized = true
    let before = [cycle, marked].map { ($0.gc.prevWord, $0.gc.nextWord) }
    #expect(rt.verifyObjects().isEmpty)
    let after = [cycle, marked].map { ($0.gc.prevWord, $0.gc.nextWord) }
    #expect(before.map(\.0) == after.map(\.0) && before.map(\.1) == after.map(\.1))
    #expect(!marked.gc.isCollecting && marked.gc.aliveMark == 0b1000 && marked.gc.isFinalized)
    rt.decref(cycle)
    #expect(rt.collect() == 1)
    rt.decref(marked)
  }
}
