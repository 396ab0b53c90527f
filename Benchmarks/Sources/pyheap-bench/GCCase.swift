/// One case of the gc suite: a heap shape, its size, and what is timed.
///
/// Every shape is built identically by PyHeap (``GCLoops``) and by CPython (the script in
/// ``CPythonGC``): the same objects, created (and so tracked) in the same order, with the
/// same references. The objects are instances of a class with two attribute slots; the
/// CPython class is `class C: __slots__ = ('a', 'b')` (see ``CPythonGC/script`` for why).
struct GCCase {
  enum Shape: String {
    /// A root list holding `objects` instances; instance `i` refers to `i + 1` and `7i + 3`
    /// (mod `objects`), so every instance receives exactly two references from the others
    /// (7 is invertible mod the sizes used) and the collector traverses 2 edges per object.
    /// Timed: one full collection, which finds nothing (returns 0).
    case liveGraph
    /// `objects / 2` instances as in ``liveGraph`` plus `objects / 4` unreachable two-object
    /// cycles (`x.a = x.b = y`, `y.a = y.b = x`), created interleaved: two live instances,
    /// then one garbage pair, and so on, so the garbage is spread through the heap's pools
    /// as in a running program. Timed: one full collection, which frees the `objects / 2`
    /// garbage instances (returns `objects / 2`).
    case halfGarbage
    /// A singly linked list of `objects` instances built by prepending (`node.a = head;
    /// head = node`, the Python idiom), held from a root list through its head. Allocation
    /// order is tail first, so the collector's scan finds every node with no outside
    /// reference before it reaches the head: each node is parked as unreachable and moved
    /// back when the head's chain is followed (CPython's worst case for
    /// `move_unreachable`). Timed: one full collection, which finds nothing.
    case linkedList
    /// A chain of `objects` nested lists (`[[[…]]]`, each list holding the next one as its
    /// only item, built inside out with `y = []; y.append(x)`). Timed: releasing the
    /// outermost list (`rt.decref(head)` against `del head`), which frees the whole chain
    /// through the trashcan. Automatic collection is off and no collection runs.
    case nestedChain
  }

  let name: String
  let shape: Shape
  /// Objects in the shape (instances, or lists for ``Shape/nestedChain``); one op is one
  /// object. The root list is not counted.
  let objects: Int
  /// One line for `--list`.
  let summary: String

  /// What the timed operation must return: the collection's count, or for the chain the
  /// number of tracked objects that must be gone afterwards.
  var expectedCollected: Int {
    switch shape {
    case .liveGraph, .linkedList: 0
    case .halfGarbage: objects / 2
    case .nestedChain: objects
    }
  }

  /// Live instances and garbage pairs of the graph shapes.
  var live: Int { shape == .halfGarbage ? objects / 2 : objects }
  var garbagePairs: Int { shape == .halfGarbage ? objects / 4 : 0 }

  /// Every case, in output order. `quick` divides the sizes by ten; the names stay the same
  /// so that results can be compared by name (`ops` says how many objects were used).
  static func catalog(quick: Bool) -> [GCCase] {
    let small = quick ? 10_000 : 100_000
    let large = quick ? 100_000 : 1_000_000
    return [
      GCCase(
        name: "collect_live_100k", shape: .liveGraph, objects: small,
        summary: "full collection, \(small) live 2-slot instances rooted from one list, 2 edges each; "
          + "frees nothing; op = one object"),
      GCCase(
        name: "collect_live_1m", shape: .liveGraph, objects: large,
        summary: "the same with \(large) instances"),
      GCCase(
        name: "collect_half_garbage_100k", shape: .halfGarbage, objects: small,
        summary: "full collection, \(small / 2) live instances as above plus \(small / 4) unreachable "
          + "2-cycles (created interleaved); frees \(small / 2); op = one object (live or garbage)"),
      GCCase(
        name: "collect_half_garbage_1m", shape: .halfGarbage, objects: large,
        summary: "the same with \(large) instances, \(large / 2) of them garbage"),
      GCCase(
        name: "collect_linked_list_1m", shape: .linkedList, objects: large,
        summary: "full collection, a live \(large)-node linked list built by prepending (tail "
          + "allocated first: every node is parked as unreachable, then moved back); op = one node"),
      GCCase(
        name: "free_nested_chain_1m", shape: .nestedChain, objects: large,
        summary: "release the head of a \(large)-deep chain of nested lists (decref against `del head`; "
          + "the trashcan unwinds it); op = one list"),
    ]
  }
}
