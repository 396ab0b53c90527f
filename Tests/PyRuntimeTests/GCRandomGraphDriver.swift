@testable import PyRuntime
import PyMemory

/// Which mix of operations a graph gets.
enum GCFuzzProfile: String, CaseIterable, Sendable, CustomStringConvertible {
  /// Everything, full collections mostly.
  case mixed
  /// Several phases, objects aging into generations 1 and 2, collect(0) and collect(1).
  case generational
  /// Many legacy `tp_del` objects: uncollectable cycles and `gc.garbage`.
  case legacy
  /// Collections chosen by the runtime's thresholds (`collectIfNeeded`).
  case automatic
  /// A chain longer than the trashcan's depth limit (50), each link held only by the one
  /// before, with weak references into it stored in it: deallocation parks objects.
  case deep

  var description: String { rawValue }
}

/// One random graph on an environment: builds it, drops references, collects, and checks
/// the runtime against the oracle after every step that can free something.
final class GCFuzzGraph {
  let env: GCFuzzEnvironment
  let rt: RuntimeRef
  let seed: UInt64
  let profile: GCFuzzProfile
  private var rng: GCFuzzRandom
  let oracle = GCFuzzOracle()
  /// Swift-held references the graph drops at random.
  private var owned: [Int] = []
  /// Swift-held references kept until teardown: the probes (a callback-less weak reference
  /// to every instance) and the resurrection list.
  private var kept: [Int] = []
  private var resurrectionList = -1
  private var candidates: [Int] = []
  private(set) var failure: String?
  private let verbose: Bool
  private var stage = "start"

  // Shape, drawn from the seed.
  private let nodeBudget: Int
  private let phases: Int
  private let percentFin: Int
  private let percentLegacy: Int
  private let percentResurrect: Int
  private let percentDrop: Int
  private let chainLength: Int
  /// Whether the checks between collections compare every live object too (a quarter of the
  /// graphs; after collections they always do).
  private let thorough: Bool

  init(env: GCFuzzEnvironment, seed: UInt64, profile: GCFuzzProfile, long: Bool, verbose: Bool = false) {
    self.env = env
    rt = env.rt
    self.seed = seed
    self.profile = profile
    self.verbose = verbose
    rng = GCFuzzRandom(seed: seed)
    let largest = profile == .deep ? 15 : long ? (rng.percent(20) ? 200 : 60) : 40
    nodeBudget = rng.inRange(5...largest)
    switch profile {
    case .mixed:
      phases = rng.inRange(1...3)
      percentLegacy = rng.percent(30) ? rng.inRange(5...20) : 0
    case .generational:
      phases = rng.inRange(2...(long ? 6 : 4))
      percentLegacy = rng.percent(20) ? rng.inRange(5...15) : 0
    case .legacy:
      phases = rng.inRange(1...3)
      percentLegacy = rng.inRange(25...60)
    case .automatic:
      phases = rng.inRange(2...4)
      percentLegacy = rng.percent(20) ? 10 : 0
    case .deep:
      phases = rng.inRange(1...2)
      percentLegacy = rng.percent(20) ? 10 : 0
    }
    chainLength = profile == .deep ? rng.inRange(55...(long ? 400 : 120)) : 0
    thorough = long ? true : rng.percent(25)
    percentFin = rng.inRange(0...70)
    percentResurrect = rng.inRange(0...60)
    percentDrop = rng.inRange(30...95)
  }

  // MARK: - Running

  /// Runs the graph; returns nil when every check passed, else the first failure (with the
  /// seed). After a failure the environment must be discarded.
  func run() -> String? {
    env.recorder.reset()
    env.recorder.trace = verbose ? [] : nil
    say("graph \(gcFuzzHex(seed)) profile \(profile): \(nodeBudget) objects, \(phases) phases, chain \(chainLength), "
        + "Fin \(percentFin)%, Legacy \(percentLegacy)%, resurrect \(percentResurrect)%, drop \(percentDrop)%")
    if rt.blocksInUseWithoutFreeLists != env.baselineBlocks {
      fail("the heap holds \(rt.blocksInUseWithoutFreeLists) blocks before the graph, baseline \(env.baselineBlocks)")
      return failure
    }
    makeResurrectionList()
    var made = 0
    for phase in 0..<phases {
      guard failure == nil else { break }
      let share = phase == phases - 1 ? nodeBudget - made : rng.inRange(1...max(1, (nodeBudget - made) / 2))
      runPhase(phase, newObjects: max(share, 1))
      made += share
    }
    if failure == nil { tearDown() }
    flushTrace()
    return failure
  }

  private func runPhase(_ phase: Int, newObjects: Int) {
    stage = "phase \(phase): building"
    if phase == 0 && chainLength > 0 { buildChain() }
    for _ in 0..<newObjects { makeObject() }
    let mutations = rng.inRange(newObjects...(newObjects * 3))
    for _ in 0..<mutations { mutate() }
    for _ in 0..<rng.inRange(0...2) { addRoot() }
    check()
    guard failure == nil else { return }

    // Later phases find the earlier objects aged into older generations, and mutate them.
    stage = "phase \(phase): dropping roots"
    dropRoots()
    check()
    guard failure == nil else { return }

    let rounds = profile == .generational ? rng.inRange(1...3) : rng.inRange(1...2)
    for round in 0..<rounds {
      guard failure == nil else { return }
      stage = "phase \(phase): collection \(round)"
      switch profile {
      case .automatic where rng.percent(75):
        automaticCollection()
      case .generational:
        collect(generation: [0, 0, 1, 1, 2][rng.below(5)])
      default:
        collect(generation: rng.percent(70) ? 2 : rng.below(2))
      }
      if round + 1 < rounds && rng.percent(50) {
        for _ in 0..<rng.inRange(1...3) { mutate() }
        dropRoots()
        check()
      }
    }
  }

  // MARK: - Building

  private func makeResurrectionList() {
    let list = rt.newList()!
    resurrectionList = register(GCFuzzNode(kind: .list, address: list.raw, refs: []))
    oracle.nodes[resurrectionList].isResurrectionList = true
    oracle.resurrectionList = resurrectionList
    env.recorder.resurrectionList = list
    kept.append(resurrectionList)
  }

  private func register(_ node: GCFuzzNode, resurrects: Bool = false, dropSlot: Int? = nil) -> Int {
    let id = oracle.add(node)
    env.recorder.register(id, node.address, resurrects: resurrects, dropSlot: dropSlot)
    return id
  }

  private func makeObject() {
    let roll = rng.below(100)
    if roll < percentLegacy / 2 + 30 {
      let kind: GCFuzzKind
      if rng.below(100) < percentLegacy { kind = .legacy } else if rng.below(100) < percentFin { kind = .fin } else { kind = .plain }
      makeInstance(kind)
    } else if roll < 50 {
      makeList()
    } else if roll < 62 {
      makeDict()
    } else if roll < 74 {
      makeTuple()
    } else if roll < 90 {
      makeWeakRef(proxy: rng.percent(20))
    } else {
      owned.append(makeFunction())
    }
  }

  @discardableResult
  private func makeInstance(_ kind: GCFuzzKind) -> Int {
    let slots = GCFuzzEnvironment.slots(kind)
    let object = rt.newInstance(env.type(kind))!
    var node = GCFuzzNode(kind: kind, address: object.raw, refs: Array(repeating: .none, count: slots))
    if kind == .fin {
      node.resurrects = rng.percent(percentResurrect)
      node.dropSlot = rng.percent(25) ? rng.below(slots) : nil
    }
    let id = register(node, resurrects: node.resurrects, dropSlot: node.dropSlot)
    owned.append(id)
    say("new \(kind) #\(id)" + (node.resurrects ? " (resurrects)" : "") + (node.dropSlot.map { " (drops \($0))" } ?? ""))
    makeProbe(id)
    return id
  }

  /// The probe: a weak reference without callback, held to the end.
  private func makeProbe(_ id: Int) {
    let probe = rt.newWeakRef(PyRef(oracle.nodes[id].address))!
    var probeNode = GCFuzzNode(kind: .weakref, address: probe.raw, refs: [])
    probeNode.weakTarget = id
    probeNode.isProbe = true
    let probeID = register(probeNode)
    kept.append(probeID)
    say("new probe #\(probeID) → #\(id)")
  }

  @discardableResult
  private func makeList() -> Int {
    let list = rt.newList()!
    let id = register(GCFuzzNode(kind: .list, address: list.raw, refs: []))
    owned.append(id)
    say("new list #\(id)")
    return id
  }

  @discardableResult
  private func makeDict() -> Int {
    let dict = rt.newDict()!
    var node = GCFuzzNode(kind: .dict, address: dict.raw, refs: [])
    node.tracked = false
    let id = register(node)
    owned.append(id)
    say("new dict #\(id)")
    return id
  }

  @discardableResult
  private func makeTuple(_ given: [GCFuzzRef]? = nil) -> Int {
    var items: [PyRef] = []
    var refs: [GCFuzzRef] = []
    for index in 0..<(given?.count ?? rng.inRange(1...3)) {
      let value = given?[index] ?? randomValue(allowNone: false)
      refs.append(value)
      let object = pyRef(value)!
      if value.node != nil { object.incref() }   // the tuple takes over references
      items.append(object)
    }
    let tuple = rt.newTuple(items)!
    let id = register(GCFuzzNode(kind: .tuple, address: tuple.raw, refs: refs))
    owned.append(id)
    say("new tuple #\(id) (\(refs.map(\.description).joined(separator: ", ")))")
    return id
  }

  @discardableResult
  private func makeFunction() -> Int {
    let context = rng.percent(60) ? randomNode(where: { _ in true }) : nil
    let function = rt.newFunction(gcFuzzCallback, context: context.map { PyRef(oracle.nodes[$0].address) })!
    let id = register(GCFuzzNode(kind: .function, address: function.raw, refs: context.map { [.node($0)] } ?? []))
    say("new function #\(id) context \(context.map { "#\($0)" } ?? "None")")
    if rng.percent(50) { makeProbe(id) }
    return id
  }

  @discardableResult
  private func makeWeakRef(proxy: Bool, target given: Int? = nil) -> Int {
    guard let target = given ?? randomNode(where: { $0.isWeakrefable }) else { return makeList() }
    if rng.percent(25) { return makeClearingWeakRef(proxy: proxy, target: target) }
    var callback = rng.percent(40) ? randomNode(where: { $0 == .function }) : nil
    if callback == nil {
      callback = makeFunction()
      owned.append(callback!)
    }
    let targetRef = PyRef(oracle.nodes[target].address)
    let callbackRef = PyRef(oracle.nodes[callback!].address)
    let ref = proxy ? rt.newProxy(targetRef, callback: callbackRef)! : rt.newWeakRef(targetRef, callback: callbackRef)!
    var node = GCFuzzNode(kind: proxy ? .proxy : .weakref, address: ref.raw, refs: [.node(callback!)])
    node.hasCallback = true
    node.weakTarget = target
    let id = register(node)
    owned.append(id)
    say("new \(proxy ? "proxy" : "weakref") #\(id) → #\(target) callback #\(callback!)")
    return id
  }

  /// A reference whose callback clears a list (its context) that usually holds the reference
  /// itself, and maybe other objects: the list and the function are private to it.
  private func makeClearingWeakRef(proxy: Bool, target: Int) -> Int {
    let list = rt.newList()!
    var listNode = GCFuzzNode(kind: .list, address: list.raw, refs: [])
    listNode.isPrivate = true
    listNode.clearedByCallback = true
    let listID = oracle.add(listNode)
    env.recorder.register(listID, list.raw, clearOnCallback: true)   // (register() has no such flag)
    for _ in 0..<rng.inRange(0...2) {
      guard let item = randomNode(where: { _ in true }) else { break }
      rt.listAppend(list, PyRef(oracle.nodes[item].address))
      oracle.listAppend(listID, .node(item))
    }
    let function = rt.newFunction(gcFuzzCallback, context: list)!
    var functionNode = GCFuzzNode(kind: .function, address: function.raw, refs: [.node(listID)])
    functionNode.isPrivate = true
    let functionID = register(functionNode)
    let targetRef = PyRef(oracle.nodes[target].address)
    let ref = proxy ? rt.newProxy(targetRef, callback: function)! : rt.newWeakRef(targetRef, callback: function)!
    var node = GCFuzzNode(kind: proxy ? .proxy : .weakref, address: ref.raw, refs: [.node(functionID)])
    node.hasCallback = true
    node.weakTarget = target
    let id = register(node)
    owned.append(id)
    if rng.percent(70) {
      rt.listAppend(list, ref)
      oracle.listAppend(listID, .node(id))
    }
    // The list and the function now live through the reference only.
    rt.decref(list)
    oracle.dropRoot(listID)
    rt.decref(function)
    oracle.dropRoot(functionID)
    say("new \(proxy ? "proxy" : "weakref") #\(id) → #\(target), callback #\(functionID) clears #\(listID) "
        + oracle.describe(listID))
    return id
  }

  /// A chain of `chainLength` objects, each held only by the next one made (the last is the
  /// root), with weak references into it stored in it.
  private func buildChain() {
    var chain: [Int] = []
    for _ in 0..<chainLength {
      let previous = chain.last
      let roll = rng.below(100)
      let id: Int
      if roll < 25 {
        id = makeInstance(.plain)
        if let previous { setAttribute(id, 0, .node(previous)) }
      } else if roll < 50 {
        id = makeInstance(rng.percent(percentLegacy) ? .legacy : .fin)
        if let previous { setAttribute(id, 0, .node(previous)) }
      } else if roll < 70 {
        id = makeList()
        if let previous { listAppend(id, .node(previous)) }
      } else if roll < 85, let previous {
        id = makeTuple([.node(previous)] + (rng.percent(30) ? [.int(rng.below(20))] : []))
      } else {
        id = makeDict()
        if let previous { dictSetItem(id, key: 0, .node(previous)) }
      }
      if let previous {
        owned.removeAll { $0 == previous }
        dropRoot(previous)
      }
      chain.append(id)
    }
    // Weak references to links, kept in other links.
    for _ in 0..<rng.inRange(2...10) {
      guard let target = rng.element(chain.filter { oracle.nodes[$0].alive && oracle.nodes[$0].kind.isWeakrefable }),
            let holder = rng.element(chain.filter { oracle.nodes[$0].alive && oracle.nodes[$0].kind == .list })
      else { break }
      let ref = makeWeakRef(proxy: rng.percent(20), target: target)
      listAppend(holder, .node(ref))
      owned.removeAll { $0 == ref }
      dropRoot(ref)
    }
  }

  private func setAttribute(_ id: Int, _ slot: Int, _ value: GCFuzzRef) {
    let item = pyRef(value)
    rt.setAttribute(PyRef(oracle.nodes[id].address), slot, item)
    if let item { releaseTemporary(value, item) }
    oracle.setAttribute(id, slot, value)
  }

  private func listAppend(_ id: Int, _ value: GCFuzzRef) {
    let item = pyRef(value)!
    rt.listAppend(PyRef(oracle.nodes[id].address), item)
    releaseTemporary(value, item)
    oracle.listAppend(id, value)
  }

  private func dictSetItem(_ id: Int, key: Int, _ value: GCFuzzRef) {
    let keyObject = rt.newInt(key)!
    let item = pyRef(value)!
    rt.dictSetItem(PyRef(oracle.nodes[id].address), keyObject, item)
    rt.decref(keyObject)
    releaseTemporary(value, item)
    oracle.dictSetItem(id, key: key, value)
  }

  // MARK: - Mutating

  private func mutate() {
    guard let source = randomNode(where: { $0.isInstance || $0 == .list || $0 == .dict })
    else { return }
    let node = oracle.nodes[source]
    let object = PyRef(node.address)
    switch node.kind {
    case .list:
      let value = randomValue(allowNone: false)
      let item = pyRef(value)!
      if !node.refs.isEmpty && rng.percent(40) {
        let index = rng.below(node.refs.count)
        say("#\(source)[\(index)] = \(value)")
        rt.listSetItem(object, index, item)
        releaseTemporary(value, item)
        oracle.listSetItem(source, index, value)
      } else {
        say("#\(source).append(\(value))")
        rt.listAppend(object, item)
        releaseTemporary(value, item)
        oracle.listAppend(source, value)
      }
    case .dict:
      if !node.keys.isEmpty && rng.percent(20) {
        let key = node.keys[rng.below(node.keys.count)]
        say("del #\(source)[\(key)]")
        let keyObject = rt.newInt(key)!
        rt.dictDelItem(object, keyObject)
        rt.decref(keyObject)
        oracle.dictDelItem(source, key: key)
      } else {
        let key = rng.below(8)
        let value = randomValue(allowNone: false)
        say("#\(source)[\(key)] = \(value)")
        let keyObject = rt.newInt(key)!
        let item = pyRef(value)!
        rt.dictSetItem(object, keyObject, item)
        rt.decref(keyObject)
        releaseTemporary(value, item)
        oracle.dictSetItem(source, key: key, value)
      }
    default:
      let slot = rng.below(node.refs.count)
      let value = randomValue(allowNone: true)
      say("#\(source).\(slot) = \(value)")
      let item = pyRef(value)
      rt.setAttribute(object, slot, item)
      if let item { releaseTemporary(value, item) }
      oracle.setAttribute(source, slot, value)
    }
    if let error = rt.takeError() { fail("an operation raised \(error)") }
  }

  private func addRoot() {
    guard let id = randomNode(where: { _ in true }) else { return }
    say("root #\(id)")
    PyRef(oracle.nodes[id].address).incref()
    oracle.addRoot(id)
    owned.append(id)
  }

  private func dropRoots() {
    var index = 0
    while index < owned.count {
      if rng.percent(percentDrop) {
        let id = owned.remove(at: index)
        dropRoot(id)
      } else {
        index += 1
      }
    }
  }

  private func dropRoot(_ id: Int) {
    say("drop root #\(id)")
    rt.decref(PyRef(oracle.nodes[id].address))
    oracle.dropRoot(id)
  }

  // MARK: - Collecting

  private func collect(generation: Int) {
    say("collect(\(generation))")
    let result = rt.collect(generation: generation)
    let expected = oracle.collect(generation: generation, runtimeIsTracked: runtimeIsTracked)
    if !expected.contains(result) {
      fail("collect(\(generation)) returned \(result), the oracle expects \(describe(expected))")
    }
    check(.heap)
  }

  /// The runtime's own choice of generation (thresholds lowered for the call); the oracle
  /// learns which generation ran from the statistics and checks the rest.
  private func automaticCollection() {
    let before = rt.gcStats
    let saved = rt.gcThreshold
    rt.gcThreshold = (rng.inRange(1...40), rng.inRange(1...3), rng.inRange(1...3))
    rt.gcEnabled = true
    rt.collectIfNeeded()
    rt.gcEnabled = false
    rt.gcThreshold = saved
    let after = rt.gcStats
    let ran = (0..<3).filter { after[$0].collections != before[$0].collections }
    guard let generation = ran.first else {
      say("collectIfNeeded: nothing")
      return
    }
    say("collectIfNeeded: collect(\(generation))")
    if ran.count > 1 { fail("collectIfNeeded ran generations \(ran)") }
    let expected = oracle.collect(generation: generation, runtimeIsTracked: runtimeIsTracked)
    let result = (after[generation].collected - before[generation].collected)
      + (after[generation].uncollectable - before[generation].uncollectable)
    if !expected.contains(result) {
      fail("automatic collection of generation \(generation) counted \(result), the oracle expects \(describe(expected))")
    }
    check(.heap)
  }

  private func runtimeIsTracked(_ id: Int) -> Bool? {
    guard env.recorder.freed[id] == 0 else { return nil }
    return rt.isTracked(PyRef(oracle.nodes[id].address))
  }

  // MARK: - Teardown

  private func tearDown() {
    stage = "teardown"
    // Each round finalizes at least one resurrecting object for good, so this ends.
    for round in 0..<(oracle.nodes.count + 2) {
      guard failure == nil else { return }
      // Break every cycle through a legacy object, then release gc.garbage.
      for id in oracle.nodes.indices where oracle.nodes[id].kind == .legacy {
        for slot in 0..<GCFuzzEnvironment.legacySlots where oracle.nodes[id].alive && oracle.nodes[id].refs[slot] != .none {
          say("#\(id).\(slot) = None")
          rt.setAttribute(PyRef(oracle.nodes[id].address), slot, nil)
          oracle.setAttribute(id, slot, .none)
        }
      }
      say("gc.garbage.clear()")
      rt.clearGCGarbage()
      oracle.clearGarbage()
      while let id = owned.popLast() { dropRoot(id) }
      while let id = kept.last, id != resurrectionList {
        kept.removeLast()
        dropRoot(id)
      }
      check()
      guard failure == nil else { return }
      collect(generation: 2)
      guard failure == nil else { return }
      if !oracle.nodes[resurrectionList].refs.isEmpty {
        say("resurrection list .clear()")
        rt.listClear(PyRef(oracle.nodes[resurrectionList].address))
        oracle.listClear(resurrectionList)
        check()
      }
      if !oracle.nodes.indices.contains(where: { $0 != resurrectionList && oracle.nodes[$0].alive }) {
        say("teardown done after \(round + 1) rounds")
        break
      }
    }
    guard failure == nil else { return }
    if let survivor = oracle.nodes.indices.first(where: { $0 != resurrectionList && oracle.nodes[$0].alive }) {
      fail("teardown did not converge: \(oracle.describe(survivor)) is alive in the model")
      return
    }
    env.recorder.resurrectionList = nil
    kept.removeAll()
    dropRoot(resurrectionList)
    check(.heap)
    guard failure == nil else { return }
    if let survivor = oracle.nodes.indices.first(where: { oracle.nodes[$0].alive }) {
      fail("teardown left \(oracle.describe(survivor)) alive in the model")
      return
    }
    let blocks = rt.blocksInUseWithoutFreeLists
    if blocks != env.baselineBlocks {
      fail("after teardown the heap holds \(blocks) blocks, baseline \(env.baselineBlocks) (\(blocks - env.baselineBlocks) leaked)")
    }
  }

  // MARK: - Checking

  /// Compares the runtime with the oracle: which objects were freed, which finalizers and
  /// callbacks ran, the contents and counts of every live object, tracking and generations,
  /// gc.garbage, and both verifiers.
  private enum CheckDepth: Comparable {
    /// Which objects were freed; finalizer and callback counts.
    case events
    /// And every live object's contents, count, tracking and generation; `gc.garbage`; the
    /// object verifier.
    case objects
    /// And the heap verifier.
    case heap
  }

  /// The check between collections: events, and objects in thorough graphs.
  private func check() { check(thorough ? .objects : .events) }

  private func check(_ depth: CheckDepth) {
    guard failure == nil else { return }
    let recorder = env.recorder
    if let anomaly = recorder.anomalies.first {
      fail(anomaly)
      return
    }
    // Events first: a freed object's memory must not be read.
    var problems: [String] = []
    for id in oracle.nodes.indices {
      let alive = oracle.nodes[id].alive, kind = oracle.nodes[id].kind
      let freed = recorder.freed[id]
      if alive && freed != 0 {
        problems.append("#\(id) (\(kind)) was freed, but the oracle has it alive: \(oracle.describe(id))")
      } else if !alive && freed == 0 {
        problems.append("#\(id) (\(kind)) is alive in the runtime, but the oracle says it must have been freed")
      } else if freed > 1 {
        problems.append("#\(id) (\(kind)) was freed \(freed) times")
      }
      if recorder.dels[id] > 1 {
        problems.append("PEP 442: __del__ of #\(id) ran \(recorder.dels[id]) times")
      } else if recorder.dels[id] != oracle.expectedDel[id] {
        problems.append("__del__ of #\(id) ran \(recorder.dels[id]) times, the oracle expects \(oracle.expectedDel[id])")
      }
      if recorder.legacyDels[id] != oracle.expectedLegacyDel[id] {
        problems.append("tp_del of #\(id) ran \(recorder.legacyDels[id]) times, the oracle expects \(oracle.expectedLegacyDel[id])")
      }
      let fires = recorder.fires[id]
      if fires < oracle.fireMin[id] || fires > oracle.fireMax[id] {
        let expected = oracle.fireMin[id] == oracle.fireMax[id] ? "\(oracle.fireMin[id])" : "\(oracle.fireMin[id])…\(oracle.fireMax[id])"
        problems.append("the callback of #\(id) ran \(fires) times, the oracle expects \(expected)")
      }
    }
    if !problems.isEmpty {
      fail(problems.prefix(6).joined(separator: "; "))
      return
    }
    guard depth >= .objects else { return }

    // Open generations: adopt the runtime's choice when the rules allow it.
    var generationOf: [UnsafeMutableRawPointer: Int] = [:]
    for generation in 0...2 {
      for object in rt.gcObjects(generation: generation) { generationOf[object.raw] = generation }
    }
    for (id, allowed) in oracle.openGenerations {
      guard oracle.nodes[id].alive else { continue }
      if let actual = generationOf[oracle.nodes[id].address], allowed.contains(actual) {
        oracle.nodes[id].gen = actual
      } else {
        problems.append("#\(id) is in generation \(generationOf[oracle.nodes[id].address].map(String.init) ?? "none"), allowed \(allowed)")
      }
    }
    oracle.openGenerations = [:]

    for id in oracle.nodes.indices where oracle.nodes[id].alive {
      checkObject(id, generationOf: generationOf, into: &problems)
      if problems.count >= 6 { break }
    }

    // gc.garbage, as a multiset of addresses.
    var expectedGarbage: [UnsafeMutableRawPointer: Int] = [:]
    for id in oracle.garbage { expectedGarbage[oracle.nodes[id].address, default: 0] += 1 }
    var actualGarbage: [UnsafeMutableRawPointer: Int] = [:]
    for object in rt.gcGarbage { actualGarbage[object.raw, default: 0] += 1 }
    if expectedGarbage != actualGarbage {
      problems.append("gc.garbage holds \(rt.gcGarbage.map { recorder.ids[$0.raw].map { "#\($0)" } ?? "\($0)" }), "
                      + "the oracle expects \(oracle.garbage.map { "#\($0)" })")
    }

    let objectProblems = rt.verifyObjects()
    if !objectProblems.isEmpty { problems.append("verifyObjects: " + objectProblems.prefix(4).joined(separator: "; ")) }
    if depth >= .heap {
      let heapReport = rt.state.pointee.heap.verify()
      if !heapReport.isValid { problems.append("heap verifier: " + heapReport.problems.prefix(4).joined(separator: "; ")) }
    }
    if let error = rt.takeError() { problems.append("an error is pending: \(error)") }
    if !problems.isEmpty { fail(problems.prefix(6).joined(separator: "; ")) }
  }

  private func checkObject(_ id: Int, generationOf: [UnsafeMutableRawPointer: Int], into problems: inout [String]) {
    let node = oracle.nodes[id]
    let object = PyRef(node.address)
    let label = "#\(id) (\(node.kind))"
    if object.refcount != node.total {
      problems.append("\(label) has refcount \(object.refcount), the oracle counts \(node.total) "
                      + "(roots \(node.roots), garbage \(node.garbage), from objects \(node.incoming))")
    }
    let generation = generationOf[node.address]
    if node.tracked && generation != node.gen {
      problems.append("\(label) is in generation \(generation.map(String.init) ?? "none (untracked)"), the oracle expects \(node.gen)")
    } else if !node.tracked && generation != nil {
      problems.append("\(label) is tracked in generation \(generation!), the oracle expects it untracked")
    }
    if node.kind == .fin && rt.isFinalized(object) != node.finalized {
      problems.append("\(label): is_finalized is \(rt.isFinalized(object)), the oracle expects \(node.finalized)")
    }
    var actual: [PyRef?] = []
    var expected = node.refs
    switch node.kind {
    case .plain, .fin, .legacy:
      actual = (0..<node.refs.count).map { rt.attribute(object, $0) }
    case .list:
      actual = (0..<ListObject.count(object)).map { ListObject.item(object, $0) }
      if node.isResurrectionList {
        // Finalizers append in the runtime's order: compare as multisets.
        let have = actual.map { $0.flatMap { recorder(id: $0) } ?? -1 }.sorted()
        let want = node.refs.map { $0.node ?? -2 }.sorted()
        if have != want { problems.append("the resurrection list holds \(have), the oracle expects \(want)") }
        return
      }
    case .tuple:
      actual = (0..<TupleObject.count(object)).map { TupleObject.item(object, $0) }
    case .dict:
      let items = rt.dictItems(object)
      let keys = items.map { IntObject.value($0.key) }
      if keys != node.keys { problems.append("\(label) has keys \(keys), the oracle expects \(node.keys)") }
      actual = items.map(\.value)
    case .function:
      actual = FunctionObject.context(object).map { [$0] } ?? []
    case .weakref, .proxy:
      actual = WeakRefObject.callback(object).map { [$0] } ?? []
      expected = node.hasCallback ? node.refs : []
      let referent: PyRef?
      if node.kind == .weakref {
        let result = rt.weakRefGet(object)
        referent = result == rt.state.pointee.none ? nil : result
        rt.decref(result)
      } else {
        referent = rt.proxyReferent(object)
        _ = rt.takeError()
      }
      let want = node.weakTarget.map { oracle.nodes[$0].address }
      if referent?.raw != want {
        problems.append("\(label) returns \(referent.map { recorder(id: $0).map { "#\($0)" } ?? "\($0)" } ?? "None"), "
                        + "the oracle expects \(node.weakTarget.map { "#\($0)" } ?? "None")")
      }
    }
    if actual.count != expected.count {
      problems.append("\(label) holds \(actual.count) references, the oracle expects \(expected.count): \(oracle.describe(id))")
      return
    }
    var index = 0
    while index < actual.count {
      if !matches(actual[index], expected[index]) {
        problems.append("\(label) reference \(index) is \(describe(actual[index])), the oracle expects \(expected[index]): \(oracle.describe(id))")
        return
      }
      index += 1
    }
  }

  private func recorder(id object: PyRef) -> Int? { env.recorder.ids[object.raw] }

  private func describe(_ range: ClosedRange<Int>) -> String {
    range.count == 1 ? "\(range.lowerBound)" : "\(range.lowerBound)…\(range.upperBound)"
  }

  private func matches(_ have: PyRef?, _ want: GCFuzzRef) -> Bool {
    switch want {
    case .none: return have == nil
    case .int(let value):
      guard let have, have.type == rt.state.pointee.types.int else { return false }
      return IntObject.value(have) == value
    case .node(let id): return have?.raw == oracle.nodes[id].address
    }
  }

  private func describe(_ object: PyRef?) -> String {
    guard let object else { return "None" }
    if object.type == rt.state.pointee.types.int { return "\(IntObject.value(object))" }
    if let id = recorder(id: object) { return "#\(id)" }
    return "\(object)"
  }

  // MARK: - Helpers

  /// A random live node whose kind passes `predicate` (never the resurrection list).
  private func randomNode(where predicate: (GCFuzzKind) -> Bool) -> Int? {
    candidates.removeAll(keepingCapacity: true)
    let kinds = oracle.liveKinds
    var id = 0
    while id < kinds.count {
      if let kind = kinds[id], id != resurrectionList, predicate(kind) { candidates.append(id) }
      id += 1
    }
    return candidates.isEmpty ? nil : candidates[rng.below(candidates.count)]
  }

  private func randomValue(allowNone: Bool) -> GCFuzzRef {
    let roll = rng.below(100)
    if roll < 12 { return .int(rng.below(20)) }
    if allowNone && roll < 22 { return .none }
    if let id = randomNode(where: { _ in true }) { return .node(id) }
    return .int(rng.below(20))
  }

  /// The object for a reference: nodes borrowed, ints a new reference to the cached int.
  private func pyRef(_ value: GCFuzzRef) -> PyRef? {
    switch value {
    case .none: return nil
    case .int(let value): return rt.newInt(value)!
    case .node(let id): return PyRef(oracle.nodes[id].address)
    }
  }

  private func releaseTemporary(_ value: GCFuzzRef, _ object: PyRef) {
    if case .int = value { rt.decref(object) }
  }

  private func say(_ text: @autoclosure () -> String) {
    guard verbose else { return }
    flushTrace()
    print("  " + text())
  }

  private func flushTrace() {
    guard verbose, let trace = env.recorder.trace, !trace.isEmpty else { return }
    for event in trace { print("      · " + event) }
    env.recorder.trace = []
  }

  private func fail(_ message: String) {
    guard failure == nil else { return }
    failure = "seed \(gcFuzzHex(seed)) (profile \(profile)), \(stage): \(message)"
    if verbose {
      flushTrace()
      print("FAILED: \(failure!)\nmodel:\n\(oracle.describeAll())")
    }
  }
}
