/// The oracle of the randomized graph tests: a model of the objects a test made, computed
/// from the test's own record of every reference it created (never by asking the runtime), and
/// of what CPython 3.11's rules say reference counting and the collector must do to them.
///
/// What the model knows about each object: its references (attributes, items, dict values, a
/// weak reference's callback, a function's context), who holds it (Swift roots, `gc.garbage`,
/// other objects), whether it is tracked and in which generation, whether its `__del__` ran.
/// Reference counting is simulated as a cascade of deaths; a collection as CPython's phases
/// (section 5.3 of CPYTHON-MEMORY.md) at the level of sets.
///
/// Where CPython's outcome depends on the order of its internal lists, the model does not guess
/// an order; it accepts every outcome some order could produce:
/// - a weak reference with a callback that dies in the same refcount cascade as its referent
///   may or may not call back (`fireMin` 0, `fireMax` 1), whichever the model freed first;
/// - a tuple whose only trackable items are tuples untracked in the same collection may or may
///   not be untracked (`untrack_tuples` visits the generation in list order);
/// - an object that a finalizer run by the collector resurrects, and whose last other reference
///   another finalizer dropped, is in generation 0 (it died by refcount and its `__del__` ran
///   from its deallocation, which re-tracks) or in the older generation (its `__del__` ran from
///   the collector first).
/// The driver adopts the runtime's choice in those cases, after checking it is one of them.
enum GCFuzzKind: UInt8, CustomStringConvertible {
  case plain, fin, legacy, list, dict, tuple, weakref, proxy, function

  var isInstance: Bool { self == .plain || self == .fin || self == .legacy }
  var isWeak: Bool { self == .weakref || self == .proxy }
  /// Accepts weak references (class instances and functions).
  var isWeakrefable: Bool { isInstance || self == .function }
  var description: String {
    switch self {
    case .plain: "Plain"
    case .fin: "Fin"
    case .legacy: "Legacy"
    case .list: "list"
    case .dict: "dict"
    case .tuple: "tuple"
    case .weakref: "weakref"
    case .proxy: "proxy"
    case .function: "function"
    }
  }
}

/// A reference held in an attribute, item, dict value, callback or context field.
enum GCFuzzRef: Equatable, CustomStringConvertible {
  case none
  /// A small (cached, immortal) int.
  case int(Int)
  case node(Int)

  var node: Int? {
    if case .node(let id) = self { return id }
    return nil
  }
  var description: String {
    switch self {
    case .none: "None"
    case .int(let value): "\(value)"
    case .node(let id): "#\(id)"
    }
  }
}

struct GCFuzzNode {
  var kind: GCFuzzKind
  var address: UnsafeMutableRawPointer
  /// Attributes (instances), items (lists, tuples), values (dicts, with `keys`), the callback
  /// (weak references), the context (functions).
  var refs: [GCFuzzRef]
  var keys: [Int] = []
  var alive = true
  var tracked = true
  var gen = 0
  /// Strong references held by the Swift side of the test.
  var roots = 1
  /// Entries in `gc.garbage`.
  var garbage = 0
  /// References from live objects (`refs` of live nodes).
  var incoming = 0
  /// Weak references: the referent while the reference is live.
  var weakTarget: Int?
  /// Instances and functions: the weak references made to them (some may have been cleared since).
  var weakrefsTo: [Int] = []
  /// Weak references: the callback field is set (`refs[0]`).
  var hasCallback = false
  var isProbe = false
  var isResurrectionList = false
  /// Made for one purpose (a clearing callback and its list): never picked at random.
  var isPrivate = false
  /// Lists: the callback whose context this is clears it when called.
  var clearedByCallback = false
  /// PEP 442's once-only bit.
  var finalized = false
  /// `__del__` behaviour (class `Fin`): resurrect into the resurrection list; drop one of
  /// its own attributes first.
  var resurrects = false
  var dropSlot: Int?

  var total: Int { roots + garbage + incoming }
}

/// How often the interesting paths were taken, to show the generator reaches them.
struct GCFuzzCoverage {
  var collections = [0, 0, 0]
  var trash = 0
  var gcCallbacks = 0
  var freedByCallbacks = 0
  var gcFinalizers = 0
  var gcResurrected = 0
  var resurrectedByRefcountInGC = 0
  var uncollectable = 0
  var refcountFinalizers = 0
  var refcountResurrections = 0
  var refcountCallbacks = 0
  var openCallbacks = 0
  var tuplesUntracked = 0
  var dictsUntracked = 0
  var openTracking = 0
  var openGenerations = 0

  mutating func add(_ other: GCFuzzCoverage) {
    for g in 0..<3 { collections[g] += other.collections[g] }
    trash += other.trash
    gcCallbacks += other.gcCallbacks
    freedByCallbacks += other.freedByCallbacks
    gcFinalizers += other.gcFinalizers
    gcResurrected += other.gcResurrected
    resurrectedByRefcountInGC += other.resurrectedByRefcountInGC
    uncollectable += other.uncollectable
    refcountFinalizers += other.refcountFinalizers
    refcountResurrections += other.refcountResurrections
    refcountCallbacks += other.refcountCallbacks
    openCallbacks += other.openCallbacks
    tuplesUntracked += other.tuplesUntracked
    dictsUntracked += other.dictsUntracked
    openTracking += other.openTracking
    openGenerations += other.openGenerations
  }

  var summary: String {
    "collections \(collections), trash \(trash), uncollectable \(uncollectable); "
      + "GC: \(gcFinalizers) finalizers, \(gcResurrected) resurrected, \(resurrectedByRefcountInGC) resurrected by "
      + "refcount, \(gcCallbacks) callbacks (\(freedByCallbacks) freed their reference); refcount: \(refcountFinalizers) finalizers, \(refcountResurrections) "
      + "resurrections, \(refcountCallbacks) callbacks (\(openCallbacks) order-dependent); untracked \(tuplesUntracked) "
      + "tuples (\(openTracking) order-dependent), \(dictsUntracked) dicts; \(openGenerations) open generations"
  }
}

final class GCFuzzOracle {
  var coverage = GCFuzzCoverage()
  var nodes: [GCFuzzNode] = []
  /// The kind of each live node, nil once dead (a compact copy for the driver's random picks).
  private(set) var liveKinds: [GCFuzzKind?] = []
  /// `gc.garbage`, as node ids (a multiset).
  var garbage: [Int] = []
  var expectedDel: [Int] = []
  var expectedLegacyDel: [Int] = []
  /// How many times each weak reference's callback must (min) and may (max) have run.
  var fireMin: [Int] = []
  var fireMax: [Int] = []
  var resurrectionList = -1

  /// After ``collect(generation:runtimeIsTracked:)``: objects whose generation the rules leave
  /// open, with the generations allowed.
  var openGenerations: [Int: [Int]] = [:]
  /// After a collection: tuples whose tracking was left open (and resolved from the runtime).
  var openTracking: [Int] = []

  private var pending: [Int] = []
  private var firedInCascade: [Int] = []
  private var diedAttachedInCascade: [(ref: Int, referent: Int)] = []
  private var inCollection = false
  private var resurrectedByRefcount: Set<Int> = []

  @discardableResult
  func add(_ node: GCFuzzNode) -> Int {
    let id = nodes.count
    nodes.append(node)
    liveKinds.append(node.isPrivate ? nil : node.kind)
    expectedDel.append(0)
    expectedLegacyDel.append(0)
    fireMin.append(0)
    fireMax.append(0)
    for ref in node.refs { retain(ref) }
    if let target = node.weakTarget { nodes[target].weakrefsTo.append(id) }
    return id
  }

  func targets(_ id: Int) -> [Int] {
    var result: [Int] = []
    for ref in nodes[id].refs {
      if case .node(let target) = ref { result.append(target) }
    }
    return result
  }

  // MARK: - References

  func retain(_ ref: GCFuzzRef) {
    if let id = ref.node { nodes[id].incoming += 1 }
  }

  private func release(_ ref: GCFuzzRef) {
    guard let id = ref.node else { return }
    nodes[id].incoming -= 1
    precondition(nodes[id].incoming >= 0, "oracle: negative incoming count for #\(id)")
    if nodes[id].total == 0 { pending.append(id) }
  }

  // MARK: - The operations the driver performs, mirrored

  func addRoot(_ id: Int) { nodes[id].roots += 1 }

  func dropRoot(_ id: Int) {
    nodes[id].roots -= 1
    if nodes[id].total == 0 { pending.append(id) }
    settle()
  }

  func setAttribute(_ id: Int, _ slot: Int, _ value: GCFuzzRef) {
    retain(value)
    let old = nodes[id].refs[slot]
    nodes[id].refs[slot] = value
    release(old)
    settle()
  }

  func listAppend(_ id: Int, _ value: GCFuzzRef) {
    retain(value)
    nodes[id].refs.append(value)
  }

  func listSetItem(_ id: Int, _ index: Int, _ value: GCFuzzRef) {
    retain(value)
    let old = nodes[id].refs[index]
    nodes[id].refs[index] = value
    release(old)
    settle()
  }

  /// `list.clear()`: items go last to first (the order does not matter to the model).
  func listClear(_ id: Int) {
    let old = nodes[id].refs
    nodes[id].refs = []
    for ref in old.reversed() { release(ref) }
    settle()
  }

  func dictSetItem(_ id: Int, key: Int, _ value: GCFuzzRef) {
    retain(value)
    if let index = nodes[id].keys.firstIndex(of: key) {
      let old = nodes[id].refs[index]
      nodes[id].refs[index] = value
      maintainDictTracking(id, value)
      release(old)
      settle()
    } else {
      nodes[id].keys.append(key)
      nodes[id].refs.append(value)
      maintainDictTracking(id, value)
    }
  }

  func dictDelItem(_ id: Int, key: Int) {
    guard let index = nodes[id].keys.firstIndex(of: key) else { return }
    nodes[id].keys.remove(at: index)
    let old = nodes[id].refs.remove(at: index)
    release(old)
    settle()
  }

  /// `clearGCGarbage()`.
  func clearGarbage() {
    let entries = garbage
    garbage = []
    for id in entries {
      nodes[id].garbage -= 1
      if nodes[id].total == 0 { pending.append(id) }
    }
    settle()
  }

  /// CPython's `MAINTAIN_TRACKING`: an untracked dict becomes tracked (in generation 0) when
  /// it receives a value that may be tracked (`_PyObject_GC_MAY_BE_TRACKED`: a GC object
  /// that is not a tuple, or a tracked tuple). Keys here are ints.
  private func maintainDictTracking(_ id: Int, _ value: GCFuzzRef) {
    guard !nodes[id].tracked, let value = value.node, mayBeTracked(value) else { return }
    nodes[id].tracked = true
    nodes[id].gen = 0
  }

  /// `_PyObject_GC_MAY_BE_TRACKED`: every kind here is a GC object.
  func mayBeTracked(_ id: Int) -> Bool {
    nodes[id].kind != .tuple || nodes[id].tracked
  }

  // MARK: - Reference counting

  /// Runs the deaths that the last operation started, to the end (a refcount cascade).
  func settle() {
    while let id = pending.popLast() {
      if nodes[id].alive && nodes[id].total == 0 { die(id) }
    }
    // A reference that called back and lives on was alive all along: it must have called.
    // One that died in the same cascade may have died before its referent did.
    for ref in firedInCascade {
      if nodes[ref].alive { fireMin[ref] += 1 } else { coverage.openCallbacks += 1 }
      fireMax[ref] += 1
      coverage.refcountCallbacks += 1
    }
    firedInCascade = []
    // A reference with a callback that died attached to a referent that died in the same
    // cascade: the runtime may have freed the referent first.
    for (ref, referent) in diedAttachedInCascade where !nodes[referent].alive {
      fireMax[ref] += 1
      coverage.openCallbacks += 1
    }
    diedAttachedInCascade = []
  }

  /// The count of `id` reached zero: its deallocation (`subtype_dealloc` for instances).
  private func die(_ id: Int) {
    let kind = nodes[id].kind
    if kind == .fin && !nodes[id].finalized {
      // `__del__` from the deallocation; it may drop an attribute and resurrect.
      nodes[id].finalized = true
      expectedDel[id] += 1
      coverage.refcountFinalizers += 1
      runDelBody(id)
      if nodes[id].resurrects {
        coverage.refcountResurrections += 1
        if inCollection { coverage.resurrectedByRefcountInGC += 1 }
        // Re-tracked by the deallocation (generation 0), and kept by the resurrection list.
        nodes[id].tracked = true
        nodes[id].gen = 0
        if inCollection { resurrectedByRefcount.insert(id) }
        return
      }
    }
    if kind.isWeakrefable { clearWeakrefsOnDealloc(id) }
    if kind == .legacy { expectedLegacyDel[id] += 1 }
    nodes[id].alive = false
    liveKinds[id] = nil
    nodes[id].tracked = false
    if kind.isWeak, let referent = nodes[id].weakTarget {
      if nodes[id].hasCallback { diedAttachedInCascade.append((id, referent)) }
      nodes[id].weakTarget = nil
    }
    let refs = nodes[id].refs
    nodes[id].refs = []
    nodes[id].keys = []
    for ref in refs { release(ref) }
  }

  /// What the test's `__del__` body does: drop `dropSlot`, append self to the resurrection list.
  private func runDelBody(_ id: Int) {
    if let slot = nodes[id].dropSlot {
      let old = nodes[id].refs[slot]
      nodes[id].refs[slot] = .none
      release(old)
    }
    if nodes[id].resurrects {
      nodes[resurrectionList].refs.append(.node(id))
      nodes[id].incoming += 1
    }
  }

  /// `PyObject_ClearWeakRefs`: each live reference goes dead; those with callbacks call back,
  /// dropping their callback.
  private func clearWeakrefsOnDealloc(_ id: Int) {
    for ref in nodes[id].weakrefsTo where nodes[ref].alive && nodes[ref].weakTarget == id {
      nodes[ref].weakTarget = nil
      guard nodes[ref].hasCallback else { continue }
      if nodes[ref].total == 0 {
        // The reference dies in this cascade too: before or after the referent.
        fireMax[ref] += 1
      } else {
        firedInCascade.append(ref)
        runCallbackBody(ref)
        nodes[ref].hasCallback = false
        let callback = nodes[ref].refs[0]
        nodes[ref].refs = []
        release(callback)
      }
    }
    nodes[id].weakrefsTo = []
  }

  /// What the test's callback body does: clear its context when that is a list made to be
  /// cleared (the weak-value-dictionary pattern: the list usually holds the reference).
  /// Such a list is held only by its function, and the function only by its reference, so a
  /// callback that may or may not have run (its reference dying in the same cascade) leaves
  /// the same objects alive either way.
  private func runCallbackBody(_ ref: Int) {
    guard let function = nodes[ref].refs[0].node, let context = nodes[function].refs.first?.node,
          nodes[context].clearedByCallback else { return }
    let items = nodes[context].refs
    nodes[context].refs = []
    for item in items.reversed() { release(item) }
  }

  // MARK: - The collector

  /// `gc.collect(generation)` on the model. Returns what `collect` may return: objects in
  /// the final trash plus uncollectables, plus up to the number of called weak references
  /// that died during the callbacks. `runtimeIsTracked` resolves order-dependent tuple
  /// untracking (nil when the runtime freed the object, which the checks report).
  func collect(generation: Int, runtimeIsTracked: (Int) -> Bool?) -> ClosedRange<Int> {
    openGenerations = [:]
    openTracking = []
    resurrectedByRefcount = []
    inCollection = true
    defer { inCollection = false }
    let count = nodes.count
    let old = min(generation + 1, 2)

    // update_refs / subtract_refs / move_unreachable.
    var inYoung = [Bool](repeating: false, count: count)
    var young: [Int] = []
    for id in 0..<count where nodes[id].alive && nodes[id].tracked && nodes[id].gen <= generation {
      inYoung[id] = true
      young.append(id)
    }
    let reachable = closure(of: young, inSet: inYoung)
    var isReachable = [Bool](repeating: false, count: count)
    for id in reachable { isReachable[id] = true }
    let unreachable = young.filter { !isReachable[$0] }
    var inUnreachable = [Bool](repeating: false, count: count)
    for id in unreachable { inUnreachable[id] = true }

    // Survivors: tuples untracked, the rest to the older generation; dicts untracked after a
    // full collection.
    untrackTuples(reachable, runtimeIsTracked: runtimeIsTracked)
    for id in reachable where nodes[id].tracked { nodes[id].gen = old }
    if generation == 2 { untrackDicts(reachable) }

    // Legacy finalizers and all they reach are uncollectable.
    var inLegacy = [Bool](repeating: false, count: count)
    var stack = unreachable.filter { nodes[$0].kind == .legacy }
    for id in stack { inLegacy[id] = true }
    while let id = stack.popLast() {
      for target in targets(id) where inUnreachable[target] && !inLegacy[target] {
        inLegacy[target] = true
        stack.append(target)
      }
    }
    let legacySet = unreachable.filter { inLegacy[$0] }
    let trash = unreachable.filter { !inLegacy[$0] }
    var inTrash = [Bool](repeating: false, count: count)
    for id in trash { inTrash[id] = true }

    // handle_weakrefs: references in the trash go dead; references to the trash go dead and
    // call back unless they are trash themselves. Called references move to `old`.
    for id in trash where nodes[id].kind.isWeak { nodes[id].weakTarget = nil }
    var called: Set<Int> = []
    for id in trash where nodes[id].kind.isWeakrefable {
      for ref in nodes[id].weakrefsTo where nodes[ref].alive && nodes[ref].weakTarget == id {
        nodes[ref].weakTarget = nil
        if nodes[ref].hasCallback && !inTrash[ref] { called.insert(ref) }
      }
      nodes[id].weakrefsTo = []
    }
    coverage.collections[generation] += 1
    coverage.gcCallbacks += called.count
    // The collector holds a reference to each while calling back; a reference that its own
    // callback frees counts in the result (`num_freed`), one freed by another's does not: a
    // range.
    for ref in called { nodes[ref].roots += 1 }
    for ref in called {
      fireMin[ref] += 1
      fireMax[ref] += 1
      nodes[ref].gen = old
      runCallbackBody(ref)
    }
    for ref in called {
      nodes[ref].roots -= 1
      if nodes[ref].total == 0 { pending.append(ref) }
    }
    settle()
    let freedByCallbacks = called.filter { !nodes[$0].alive }.count
    coverage.freedByCallbacks += freedByCallbacks

    // finalize_garbage: every `__del__` in the trash that has not run, runs. Their drops are
    // settled afterwards; the outcome as sets does not depend on the order.
    var resurrectedHere: [Int] = []
    for id in trash where nodes[id].kind == .fin && !nodes[id].finalized {
      nodes[id].finalized = true
      expectedDel[id] += 1
      coverage.gcFinalizers += 1
      runDelBody(id)
      if nodes[id].resurrects { resurrectedHere.append(id) }
    }
    settle()
    for id in resurrectedHere where nodes[id].total == 1 {
      // Its other references are gone: some order had it die by refcount first.
      openGenerations[id] = [0, old]
      coverage.openGenerations += 1
    }

    // handle_resurrected_objects: rerun the deduction on what is left of the trash.
    let remaining = trash.filter { nodes[$0].alive && !resurrectedByRefcount.contains($0) }
    var inRemaining = [Bool](repeating: false, count: count)
    for id in remaining { inRemaining[id] = true }
    let survivors = closure(of: remaining, inSet: inRemaining)
    var survives = [Bool](repeating: false, count: count)
    for id in survivors {
      survives[id] = true
      nodes[id].gen = old
    }
    let final = remaining.filter { !survives[$0] }
    coverage.gcResurrected += survivors.count
    coverage.trash += final.count

    // delete_garbage: the final trash dies; what only it held follows by refcount.
    for id in final {
      nodes[id].alive = false
      liveKinds[id] = nil
      nodes[id].tracked = false
      if nodes[id].kind.isWeak { nodes[id].weakTarget = nil }
    }
    for id in final {
      let refs = nodes[id].refs
      nodes[id].refs = []
      nodes[id].keys = []
      for ref in refs { release(ref) }
    }
    settle()

    // handle_legacy_finalizers: what is left of the uncollectable set goes to the older
    // generation; the legacy objects among it to gc.garbage. Called weak references left
    // the set before; objects resurrected by refcount were re-tracked in generation 0.
    var uncollectable = 0
    for id in legacySet where nodes[id].alive && !resurrectedByRefcount.contains(id) {
      nodes[id].gen = old
      if !called.contains(id) { uncollectable += 1 }
      if nodes[id].kind == .legacy {
        garbage.append(id)
        nodes[id].garbage += 1
      }
    }
    coverage.uncollectable += uncollectable
    return (final.count + uncollectable)...(final.count + uncollectable + freedByCallbacks)
  }

  /// The members of `set` reachable from those of them with references from outside `set`
  /// (CPython's deduction: count minus references from inside, then propagate).
  private func closure(of set: [Int], inSet: [Bool]) -> [Int] {
    var outside = [Int](repeating: 0, count: nodes.count)
    for id in set { outside[id] = nodes[id].total }
    for id in set {
      for target in targets(id) where inSet[target] { outside[target] -= 1 }
    }
    var marked = [Bool](repeating: false, count: nodes.count)
    var stack: [Int] = []
    for id in set where outside[id] > 0 {
      marked[id] = true
      stack.append(id)
    }
    while let id = stack.popLast() {
      for target in targets(id) where inSet[target] && !marked[target] {
        marked[target] = true
        stack.append(target)
      }
    }
    return set.filter { marked[$0] }
  }

  /// `untrack_tuples`: a surviving tuple is untracked when no item may be tracked
  /// (`_PyTuple_MaybeUntrack`). An item tuple untracked in this same pass counts or not
  /// depending on list order: open. Tuples only hold older objects, so id order settles
  /// items before the tuples holding them.
  private func untrackTuples(_ survivors: [Int], runtimeIsTracked: (Int) -> Bool?) {
    var untrackedHere: Set<Int> = []
    for id in survivors.sorted() where nodes[id].kind == .tuple && nodes[id].tracked {
      var keep = false
      var open = false
      for target in targets(id) {
        if nodes[target].kind != .tuple { keep = true; break }
        if nodes[target].tracked { keep = true; break }
        if untrackedHere.contains(target) { open = true }
      }
      if keep { continue }
      if open {
        openTracking.append(id)
        coverage.openTracking += 1
        if let tracked = runtimeIsTracked(id), tracked { continue }
      }
      nodes[id].tracked = false
      untrackedHere.insert(id)
      coverage.tuplesUntracked += 1
    }
  }

  /// `untrack_dicts` (full collections): a surviving dict whose values may not be tracked.
  private func untrackDicts(_ survivors: [Int]) {
    for id in survivors where nodes[id].kind == .dict && nodes[id].tracked {
      if !targets(id).contains(where: mayBeTracked) {
        nodes[id].tracked = false
        coverage.dictsUntracked += 1
      }
    }
  }

  // MARK: - Description

  func describe(_ id: Int) -> String {
    let node = nodes[id]
    var text = "#\(id) \(node.kind)"
    if node.isProbe { text += "(probe)" }
    if node.isResurrectionList { text += "(resurrection list)" }
    if !node.alive { return text + " dead" }
    switch node.kind {
    case .dict: text += " {" + zip(node.keys, node.refs).map { "\($0): \($1)" }.joined(separator: ", ") + "}"
    case .weakref, .proxy:
      text += " → " + (node.weakTarget.map { "#\($0)" } ?? "dead")
      if node.hasCallback { text += " callback \(node.refs[0])" }
    default: text += " [" + node.refs.map(\.description).joined(separator: ", ") + "]"
    }
    text += " roots \(node.roots)"
    if node.garbage > 0 { text += " garbage \(node.garbage)" }
    text += node.tracked ? " gen \(node.gen)" : " untracked"
    if node.kind == .fin {
      text += node.resurrects ? " resurrects" : ""
      if let slot = node.dropSlot { text += " drops \(slot)" }
      if node.finalized { text += " finalized" }
    }
    return text
  }

  func describeAll() -> String {
    nodes.indices.map { "  " + describe($0) }.joined(separator: "\n")
  }
}
