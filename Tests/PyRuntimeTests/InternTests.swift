import Testing
@testable import PyRuntime

/// `sys.intern`: identity, mortality (3.11's SSTATE_INTERNED_MORTAL), growth.
@Suite struct InternTests {
  @Test func internReturnsTheCanonicalObject() {
    let runtime = textRuntime()
    let rt = runtime.ref
    let first = rt.newStr("hello world")!, second = rt.newStr("hello world")!
    #expect(first != second)
    let a = rt.intern(first), b = rt.intern(second)
    #expect(a == first && b == first, "the first string interned becomes canonical")
    #expect(rt.isInterned(first) && !rt.isInterned(second))
    #expect(first.refcount == 3, "the table's pointer is not counted")
    [a, b, second].forEach(rt.decref)
    #expect(first.refcount == 1)
    rt.decref(first)
  }

  @Test func internedStringsAreMortal() {
    let runtime = textRuntime()
    let rt = runtime.ref
    let baselineCount = rt.internedCount, baselineBlocks = rt.state.pointee.heap.allocatedBlocks
    var str = rt.newStr("a rather unusual string ✓")!
    rt.internInPlace(&str)
    #expect(rt.internedCount == baselineCount + 1)
    #expect(rt.lookupInterned("a rather unusual string ✓") == str)
    rt.decref(str)   // the last counted reference: the string dies and leaves the table
    #expect(rt.internedCount == baselineCount)
    #expect(rt.lookupInterned("a rather unusual string ✓") == nil)
    // A new string with the same text is interned afresh.
    let again = rt.internedString("a rather unusual string ✓")!
    #expect(rt.isInterned(again) && rt.internedCount == baselineCount + 1)
    rt.decref(again)
    #expect(rt.internedCount == baselineCount)
    // Only the table's storage remains (it is kept for reuse).
    #expect(rt.state.pointee.heap.allocatedBlocks <= baselineBlocks + 1)
  }

  @Test func cachedCharactersInternAsImmortal() {
    let runtime = textRuntime()
    let rt = runtime.ref
    let a = rt.newCharacter(0x61)!
    let canonical = rt.intern(a)
    #expect(canonical == a && StrObject.internedState(a) == StrObject.internedImmortal)
    let identifier = rt.internedString("a")!
    #expect(identifier == a)
    [a, canonical, identifier].forEach(rt.decref)
    #expect(rt.lookupInterned("a") == a)
    let empty = rt.internedString("")!
    #expect(empty == rt.state.pointee.text.emptyString)
    rt.decref(empty)
  }

  /// Many identifiers: the table grows, every lookup finds its own string, and after
  /// releasing half of them the survivors are all still found (tombstones keep probes
  /// intact).
  @Test func tableGrowsAndSurvivesRemovals() {
    let runtime = textRuntime()
    let rt = runtime.ref
    let baseline = rt.internedCount
    var strings: [PyRef] = []
    for index in 0..<5000 { strings.append(rt.internedString("name_\(index)")!) }
    #expect(rt.internedCount == baseline + 5000)
    for index in 0..<5000 where index % 2 == 0 { rt.decref(strings[index]) }
    #expect(rt.internedCount == baseline + 2500)
    for index in 0..<5000 {
      let found = rt.lookupInterned("name_\(index)")
      if index % 2 == 0 { #expect(found == nil) } else { #expect(found == strings[index]) }
    }
    // Interning after removals reuses tombstones and rebuilds without losing anything.
    for index in 0..<5000 where index % 2 == 0 { strings[index] = rt.internedString("name_\(index)")! }
    for index in stride(from: 0, to: 5000, by: 97) { #expect(rt.lookupInterned("name_\(index)") == strings[index]) }
    strings.forEach(rt.decref)
    #expect(rt.internedCount == baseline)
  }

  @Test func internedStringsWorkAsDictKeys() {
    let runtime = textRuntime()
    let rt = runtime.ref
    let dict = rt.newDict()!
    let key = rt.internedString("attribute")!
    let value = rt.newInt(7)!
    rt.dictSetItem(dict, key, value)
    let probe = rt.newStr("attribute")!
    #expect(rt.dictGetItem(dict, probe) == value)
    [key, value, probe].forEach(rt.decref)
    #expect(rt.lookupInterned("attribute") != nil, "the dict still holds the key")
    rt.decref(dict)
    #expect(rt.lookupInterned("attribute") == nil)
  }
}
