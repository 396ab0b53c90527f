import Testing
@testable import PyRuntime

@Suite struct SmokeTests {
  @Test func twoListCycleCollectsAsTwo() {
    let f = Fixture()
    let rt = f.rt
    rt.gcEnabled = false
    let a = rt.newList()!, b = rt.newList()!
    rt.listAppend(a, b)
    rt.listAppend(b, a)
    rt.decref(a)
    rt.decref(b)
    #expect(rt.collect() == 2)
    #expect(rt.collect() == 0)
    #expect(rt.state.pointee.heap.allocatedBlocks > 0)
    #expect(rt.verifyObjects().isEmpty)
  }

  @Test func deepChainFreesWithoutRecursion() {
    let f = Fixture()
    let rt = f.rt
    var head = rt.newList()!
    for _ in 0..<1_000_000 {
      let outer = rt.newList()!
      rt.listAppend(outer, head)
      rt.decref(head)
      head = outer
    }
    let before = rt.state.pointee.heap.allocatedBlocks
    rt.decref(head)
    #expect(before - rt.state.pointee.heap.allocatedBlocks >= 1_000_000)
  }
}
