import Testing
@testable import PyRuntime

/// The iterator types: enumerate, zip (strict), map, filter, reversed, the sequence
/// iterator, the callable iterator; their messages; a million-deep chain freed without
/// native recursion.
@Suite struct IteratorObjectTests {
  @Test func enumerateZipMapFilter() {
    let runtime = Runtime()
    let py = Py(rt: runtime.ref)
    let rt = runtime.ref
    #expect(py.items(py.make("enumerate", [py.list([7, 8]), py.int(5)])!) == "[(5, 7), (6, 8)]")
    #expect(py.items(py.make("enumerate", [py.list([7])], [("start", py.int(-1))])!) == "[(-1, 7)]")
    #expect(py.items(py.make("enumerate", [], [("start", py.int(2)), ("iterable", py.list([1]))])!) == "[(2, 1)]")
    let big = rt.binaryOp(py.int(1 << 62), py.int(4), 5)!
    #expect(py.items(py.make("enumerate", [py.list([1, 2]), big])!) == "[(18446744073709551616, 1), (18446744073709551617, 2)]")
    #expect(py.items(py.make("enumerate", [py.list([1, 2]), py.int(Int.max - 1)])!) == "[(9223372036854775806, 1), (9223372036854775807, 2)]")
    #expect(py.show(py.make("enumerate", [])) == "TypeError: enumerate() missing required argument 'iterable'")
    #expect(py.show(py.make("enumerate", [py.int(1), py.int(2), py.int(3)])) == "TypeError: enumerate() takes at most 2 arguments (3 given)")
    #expect(py.show(py.make("enumerate", [], [("x", py.list([1]))])) == "TypeError: 'x' is an invalid keyword argument for enumerate()")
    #expect(py.show(py.make("enumerate", [py.list([1]), py.float(1.5)])) == "TypeError: 'float' object cannot be interpreted as an integer")
    #expect(py.show(py.make("enumerate", [py.int(1)])) == "TypeError: 'int' object is not iterable")

    #expect(py.items(py.make("zip", [py.list([1, 2]), py.list([3])])!) == "[(1, 3)]")
    #expect(py.items(py.make("zip", [])!) == "[]")
    #expect(py.items(py.make("zip", [py.list([1, 2]), py.list([3])], [("strict", py.bool(true))])!) == "ValueError: zip() argument 2 is shorter than argument 1")
    #expect(py.items(py.make("zip", [py.list([1]), py.list([3, 4])], [("strict", py.bool(true))])!) == "ValueError: zip() argument 2 is longer than argument 1")
    #expect(py.items(py.make("zip", [py.list([1]), py.list([3]), py.list([4, 5])], [("strict", py.bool(true))])!) == "ValueError: zip() argument 3 is longer than arguments 1-2")
    #expect(py.items(py.make("zip", [py.list([1, 2]), py.list([3, 4]), py.list([5])], [("strict", py.bool(true))])!) == "ValueError: zip() argument 3 is shorter than arguments 1-2")
    #expect(py.show(py.make("zip", [], [("x", py.int(1))])) == "TypeError: 'x' is an invalid keyword argument for zip()")
    #expect(py.show(py.make("zip", [py.list([1]), py.int(2)])) == "TypeError: 'int' object is not iterable")

    #expect(py.items(py.make("map", [py.type("slice"), py.list([1, 2]), py.list([3])])!) == "[slice(1, 3, None)]")
    #expect(py.show(py.make("map", [py.type("slice")])) == "TypeError: map() must have at least two arguments.")
    #expect(py.items(py.make("filter", [py.none, py.list([py.int(0), py.int(1), py.str(""), py.int(2)])])!) == "[1, 2]")
    #expect(py.items(py.make("filter", [py.type("bool"), py.list([0, 3])])!) == "[3]")
    #expect(py.show(py.make("filter", [py.none])) == "TypeError: filter expected 2 arguments, got 1")
  }

  @Test func reversedAndSequenceIterators() {
    let runtime = Runtime()
    let py = Py(rt: runtime.ref)
    let rt = runtime.ref
    #expect(py.items(py.make("reversed", [py.list([1, 2, 3])])!) == "[3, 2, 1]")
    #expect(py.items(py.make("reversed", [py.tuple([1, 2, 3])])!) == "[3, 2, 1]")
    #expect(py.show(py.make("reversed", [py.int(3)])) == "TypeError: 'int' object is not reversible")
    #expect(py.show(py.make("reversed", [py.make("set", [])!])) == "TypeError: 'set' object is not reversible")
    #expect(py.show(py.make("reversed", [])) == "TypeError: reversed expected 1 argument, got 0")
    // A sequence iterator over a tuple, as `iter()` builds for __getitem__-only classes.
    let iterator = rt.newSequenceIterator(py.tuple([4, 5]))!
    #expect(py.show(iterator).hasPrefix("<iterator object at 0x"))
    #expect(py.items(iterator) == "[4, 5]")
    #expect(rt.next(iterator) == nil && !rt.hasError)
    // iter(list.pop, 0) over [1, 2, 0, 3, 4]: 4, 3, then the sentinel.
    let popper = rt.getAttribute(py.list([1, 2, 0, 3, 4]), "pop")!
    #expect(py.items(rt.newCallableIterator(popper, py.int(0))!) == "[4, 3]")
    #expect(py.show(rt.iter(py.make("enumerate", [py.list([1])])!).map { $0.type.object }) == "<class 'enumerate'>")
    #expect(py.show(rt.call(rt.state.pointee.types.byName["list_iterator"]!.object, [])) == "TypeError: cannot create 'list_iterator' instances")
  }

  @Test func lengthHints() {
    let runtime = Runtime()
    let py = Py(rt: runtime.ref)
    let rt = runtime.ref
    let iterator = rt.iter(py.list([1, 2, 3]))!
    _ = rt.next(iterator)
    #expect(rt.lengthHint(iterator, fallback: -5) == 2)
    #expect(rt.lengthHint(py.make("reversed", [py.list([1, 2])])!, fallback: -5) == 2)
    #expect(rt.lengthHint(rt.iter(py.make("range", [py.int(7)])!)!, fallback: -5) == 7)
    #expect(rt.lengthHint(py.make("zip", [])!, fallback: -5) == -5)
  }

  @Test func millionDeepEnumerateChainFreesWithoutRecursion() {
    let runtime = Runtime()
    let py = Py(rt: runtime.ref)
    let rt = runtime.ref
    let enumerate = py.type("enumerate")
    var head = py.list([1])
    for _ in 0..<1_000_000 {
      let outer = rt.call(enumerate, [head])!
      rt.decref(head)
      head = outer
    }
    let before = rt.state.pointee.heap.allocatedBlocks
    rt.decref(head)
    #expect(before - rt.state.pointee.heap.allocatedBlocks >= 1_000_000)
  }

  /// A deep chain through every kind of container and iterator: enumerate → zip → tuple of
  /// iterators → map → list iterator → list → (dict → list, set → frozenset → tuple) → …
  @Test func deepMixedChainFreesWithoutRecursion() {
    let runtime = Runtime()
    let py = Py(rt: runtime.ref)
    let rt = runtime.ref
    let types = rt.state.pointee.types
    var head = rt.newList()!
    for level in 0..<50_000 {
      let key = rt.newInt(level)!
      let dict = rt.newDict()!
      rt.dictSetItem(dict, key, head)
      rt.decref(head)
      let pair = rt.newTuple([key])!                      // takes `key`
      let frozen = rt.newFrozenSet(pair)!
      rt.decref(pair)
      let set = rt.newSet(nil)!
      rt.setAdd(set, frozen)
      rt.decref(frozen)
      let items = rt.newList()!
      rt.listAppend(items, dict)
      rt.listAppend(items, set)
      rt.decref(dict)
      rt.decref(set)
      let mapped = rt.call(types.byName["map"]!.object, [types.tuple.object, items])!
      rt.decref(items)
      let zip = rt.call(types.byName["zip"]!.object, [mapped])!
      rt.decref(mapped)
      head = rt.call(types.byName["enumerate"]!.object, [zip])!
      rt.decref(zip)
    }
    _ = py
    let before = rt.state.pointee.heap.allocatedBlocks
    rt.decref(head)
    #expect(before - rt.state.pointee.heap.allocatedBlocks >= 50_000 * 10)
  }
}
