import PyRuntime

/// The PyHeap side of the gc suite: builds each shape of ``GCCase`` with the public
/// `PyRuntime` API (what CPython's script does from Python, done from Swift), times the one
/// operation the case measures, and tears the shape down (untimed).
///
/// The builders are `@inline(never)` so that each is easy to find in a profile; the timed
/// part is only the `collect` or `decref` call, bracketed by the thread CPU clock.
enum GCLoops {
  /// The class every instance belongs to: two attribute slots, like CPython's
  /// `class C: __slots__ = ('a', 'b')`.
  static func makeClass(_ rt: RuntimeRef) -> PyType {
    rt.newClass(name: "C", attributeCount: 2)
  }

  /// One run of `testCase`: build, time, check, tear down. Stops the benchmark if the timed
  /// operation did not do what the case says (a wrong count means a broken heap or shape,
  /// and a meaningless time).
  static func run(_ testCase: GCCase, _ rt: RuntimeRef, _ type: PyType) -> Sample {
    switch testCase.shape {
    case .liveGraph, .halfGarbage:
      let root = buildGraph(rt, type, live: testCase.live, garbagePairs: testCase.garbagePairs)
      let sample = timedCollection(testCase, rt)
      rt.decref(root)
      tearDown(rt, expecting: testCase.live)
      return sample
    case .linkedList:
      let root = buildLinkedList(rt, type, nodes: testCase.objects)
      let sample = timedCollection(testCase, rt)
      // The list is acyclic: releasing the root frees it by reference counting.
      rt.decref(root)
      tearDown(rt, expecting: 0)
      return sample
    case .nestedChain:
      let head = buildNestedChain(rt, lists: testCase.objects)
      let before = trackedCount(rt)
      let sample = timedRelease(testCase, rt, head)
      let freed = before - trackedCount(rt)
      check(freed == testCase.expectedCollected,
            "\(testCase.name): releasing the head freed \(freed) lists, expected \(testCase.expectedCollected)")
      tearDown(rt, expecting: 0)
      return sample
    }
  }

  /// `rt.decref(head)` of the last reference, in thread CPU time.
  @inline(never)
  static func timedRelease(_ testCase: GCCase, _ rt: RuntimeRef, _ head: PyRef) -> Sample {
    let start = ThreadCPUClock.now()
    rt.decref(head)
    let end = ThreadCPUClock.now()
    return Sample(nanoseconds: end &- start, ops: testCase.objects, checksum: UInt64(UInt(bitPattern: head.raw)))
  }

  /// `rt.collect(generation: 2)` in thread CPU time, checked against the case's count.
  @inline(never)
  static func timedCollection(_ testCase: GCCase, _ rt: RuntimeRef) -> Sample {
    let start = ThreadCPUClock.now()
    let collected = rt.collect(generation: 2)
    let end = ThreadCPUClock.now()
    check(collected == testCase.expectedCollected,
          "\(testCase.name): collect returned \(collected), expected \(testCase.expectedCollected)")
    return Sample(nanoseconds: end &- start, ops: testCase.objects, checksum: UInt64(collected))
  }

  /// Untimed: collects what the run left (the live graph is cyclic, so releasing its root
  /// leaves it to the collector) and checks that nothing is tracked any more.
  static func tearDown(_ rt: RuntimeRef, expecting expected: Int) {
    let collected = rt.collect(generation: 2)
    check(collected == expected, "tear-down collected \(collected), expected \(expected)")
    let left = trackedCount(rt)
    check(left == bootstrapTracked, "\(left - bootstrapTracked) objects still tracked after tear-down")
  }

  /// ``GCCase/Shape/liveGraph`` and ``GCCase/Shape/halfGarbage``: returns the root list (a
  /// new reference; the only outside reference into the graph).
  @inline(never)
  static func buildGraph(_ rt: RuntimeRef, _ type: PyType, live: Int, garbagePairs: Int) -> PyRef {
    let root = rt.newList().unsafelyUnwrapped
    func appendNew() {
      let instance = newInstance(rt, type)
      rt.listAppend(root, instance)
      rt.decref(instance)
    }
    for _ in 0..<garbagePairs {
      appendNew()
      appendNew()
      let x = newInstance(rt, type)
      let y = newInstance(rt, type)
      rt.setAttribute(x, 0, y)
      rt.setAttribute(x, 1, y)
      rt.setAttribute(y, 0, x)
      rt.setAttribute(y, 1, x)
      rt.decref(x)
      rt.decref(y)
    }
    for _ in 0..<(live - 2 * garbagePairs) { appendNew() }
    for i in 0..<live {
      let instance = ListObject.item(root, i)
      rt.setAttribute(instance, 0, ListObject.item(root, (i + 1) % live))
      rt.setAttribute(instance, 1, ListObject.item(root, (7 * i + 3) % live))
    }
    return root
  }

  /// ``GCCase/Shape/linkedList``: returns a root list holding the head.
  @inline(never)
  static func buildLinkedList(_ rt: RuntimeRef, _ type: PyType, nodes: Int) -> PyRef {
    var head: PyRef?
    for _ in 0..<nodes {
      let node = newInstance(rt, type)
      if let head {
        rt.setAttribute(node, 0, head)
        rt.decref(head)
      }
      head = node
    }
    let root = rt.newList().unsafelyUnwrapped
    if let head {
      rt.listAppend(root, head)
      rt.decref(head)
    }
    return root
  }

  /// ``GCCase/Shape/nestedChain``: returns the outermost list.
  @inline(never)
  static func buildNestedChain(_ rt: RuntimeRef, lists: Int) -> PyRef {
    var inner = rt.newList().unsafelyUnwrapped
    for _ in 1..<max(lists, 1) {
      let outer = rt.newList().unsafelyUnwrapped
      rt.listAppend(outer, inner)
      rt.decref(inner)
      inner = outer
    }
    return inner
  }

  /// The objects a fresh runtime still tracks after a full collection (the dicts of the
  /// built-in types, their method descriptors, `builtins`): all that tear-down may leave.
  static let bootstrapTracked: Int = {
    let runtime = Runtime()
    _ = runtime.ref.collect(generation: 2)
    return trackedCount(runtime.ref)
  }()

  /// Objects in generations 0–2 (`len(gc.get_objects())`); walks the lists, so untimed only.
  static func trackedCount(_ rt: RuntimeRef) -> Int {
    (0..<3).map { rt.gcGenerationSize($0) }.reduce(0, +)
  }

  @inline(__always)
  static func newInstance(_ rt: RuntimeRef, _ type: PyType) -> PyRef {
    guard let instance = rt.newInstance(type) else { fatalError("pyheap-bench: newInstance failed") }
    return instance
  }

  static func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("pyheap-bench gc: \(message())") }
  }
}
