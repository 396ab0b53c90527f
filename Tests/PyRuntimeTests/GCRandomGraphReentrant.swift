@testable import PyRuntime
import PyMemory

/// Graphs whose finalizers and callbacks run collections themselves: during refcount
/// cascades, during the trashcan's drain (objects parked with count 0), inside other
/// collections (where `collect` returns 0). What such a collection finds depends on the
/// runtime's deallocation order, so the oracle cannot follow these graphs step by step; they
/// are checked against invariants only:
/// - no crash, no anomaly seen by the slot hooks (a callback run while its reference is still
///   live, a finalizer for an unknown object, an unraisable error);
/// - no object freed twice, no `__del__`, `tp_del` or callback run twice (PEP 442);
/// - both verifiers pass after every collection;
/// - once everything is dropped, every object was freed exactly once, every `__del__` and
///   `tp_del` ran exactly once, and the heap is back to its baseline.
final class GCFuzzReentrantGraph {
  let env: GCFuzzEnvironment
  let rt: RuntimeRef
  let seed: UInt64
  private var rng: GCFuzzRandom
  private var kinds: [GCFuzzKind] = []
  private var addresses: [UnsafeMutableRawPointer] = []
  /// Swift-held references (node ids, a multiset).
  private var owned: [Int] = []
  /// Objects random mutations leave alone (the top of the chain and the pocket).
  private var protected: Set<Int> = []
  private(set) var failure: String?
  private var stage = "start"
  private let long: Bool
  /// For the report: objects made, collections run by finalizers and callbacks, and how many
  /// of those found something (the others ran inside a collection, or found nothing).
  private(set) var objects = 0
  private(set) var reentrantCollections = 0
  private(set) var fruitfulReentrantCollections = 0

  init(env: GCFuzzEnvironment, seed: UInt64, long: Bool) {
    self.env = env
    rt = env.rt
    self.seed = seed
    self.long = long
    rng = GCFuzzRandom(seed: seed)
  }

  func run() -> String? {
    let recorder = env.recorder
    recorder.reset()
    let list = rt.newList()!
    recorder.resurrectionList = list
    stage = "building"
    buildChain(length: rng.inRange(55...(long ? 300 : 110)))
    for _ in 0..<rng.inRange(5...(long ? 80 : 25)) { makeObject() }
    for _ in 0..<rng.inRange(10...(long ? 120 : 40)) { mutate() }
    check(verify: false)
    for phase in 0..<rng.inRange(1...3) where failure == nil {
      stage = "phase \(phase)"
      let percentDrop = rng.inRange(30...90)
      var index = 0
      while index < owned.count {
        if rng.percent(percentDrop) { dropRoot(owned.remove(at: index)) } else { index += 1 }
      }
      check(verify: false)
      guard failure == nil else { break }
      _ = rt.collect(generation: rng.percent(60) ? 2 : rng.below(2))
      check(verify: true)
      for _ in 0..<rng.inRange(0...10) { mutate() }
    }
    if failure == nil { tearDown(list) }
    objects = kinds.count
    reentrantCollections = recorder.collectedInFinalizers.count
    fruitfulReentrantCollections = recorder.collectedInFinalizers.filter { $0 > 0 }.count
    return failure
  }

  // MARK: - Building

  private func register(_ kind: GCFuzzKind, _ object: PyRef, resurrects: Bool = false, dropSlot: Int? = nil,
                        collectGeneration: Int? = nil) -> Int {
    let id = kinds.count
    kinds.append(kind)
    addresses.append(object.raw)
    env.recorder.register(id, object.raw, resurrects: resurrects, dropSlot: dropSlot, collectGeneration: collectGeneration)
    owned.append(id)
    return id
  }

  private func makeInstance(_ kind: GCFuzzKind) -> Int {
    let object = rt.newInstance(env.type(kind))!
    guard kind == .fin else { return register(kind, object) }
    return register(kind, object, resurrects: rng.percent(30),
                    dropSlot: rng.percent(25) ? rng.below(GCFuzzEnvironment.finSlots) : nil,
                    collectGeneration: rng.percent(40) ? rng.below(3) : nil)
  }

  private func makeWeakRef(to target: Int) -> Int {
    let callback = rt.newFunction(gcFuzzCallback)!
    let proxy = rng.percent(20)
    let targetRef = PyRef(addresses[target])
    let ref = proxy ? rt.newProxy(targetRef, callback: callback)! : rt.newWeakRef(targetRef, callback: callback)!
    rt.decref(callback)
    return register(proxy ? .proxy : .weakref, ref, collectGeneration: rng.percent(40) ? rng.below(3) : nil)
  }

  private func makeObject() {
    let roll = rng.below(100)
    if roll < 45 {
      _ = makeInstance([.plain, .fin, .fin, .legacy][rng.below(4)])
    } else if roll < 65 {
      _ = register(.list, rt.newList()!)
    } else if roll < 80 {
      _ = register(.dict, rt.newDict()!)
    } else if let target = randomAlive(where: \.isInstance) {
      _ = makeWeakRef(to: target)
    }
  }

  /// Each link holds the previous one only; weak references to links, with callbacks that
  /// may collect, sit in other links, so that the trashcan parks some of them.
  private func buildChain(length: Int) {
    var chain: [Int] = []
    // The head (made last) and the link 49 below it are lists: releasing the head parks
    // what that link holds (its deallocation runs at depth 50).
    let parkingLink = length - 50, head = length - 1
    for index in 0..<length {
      let id: Int
      let roll = index == parkingLink || index == head ? 60 : rng.below(100)
      if roll < 50 {
        // Above the parking link the cascade must get through, and reach it before anything
        // collects: no self-cycle, no resurrection, no collection.
        let clear = index > parkingLink
        if clear {
          let kind: GCFuzzKind = rng.percent(50) ? .fin : .plain
          id = register(kind, rt.newInstance(env.type(kind))!)
        } else {
          id = makeInstance(rng.percent(60) ? .fin : rng.percent(80) ? .plain : .legacy)
        }
        if let previous = chain.last { rt.setAttribute(PyRef(addresses[id]), 0, PyRef(addresses[previous])) }
        // A self-cycle: the cascade stops here and leaves trash for the collections.
        if !clear && rng.percent(25) { rt.setAttribute(PyRef(addresses[id]), 1, PyRef(addresses[id])) }
      } else if roll < 80 {
        id = register(.list, rt.newList()!)
        if let previous = chain.last { rt.listAppend(PyRef(addresses[id]), PyRef(addresses[previous])) }
      } else if let previous = chain.last {
        let item = PyRef(addresses[previous])
        item.incref()
        id = register(.tuple, rt.newTuple([item])!)
      } else {
        id = register(.list, rt.newList()!)
      }
      if let previous = chain.last {
        owned.removeAll { $0 == previous }
        rt.decref(PyRef(addresses[previous]))
      }
      chain.append(id)
    }
    let pocket = rng.percent(60) && parkingLink > 0
    if pocket { protected.formUnion(chain[parkingLink...]) }
    if pocket {
      // A pocket: garbage held by the head (an instance in a self-cycle, weakly referenced
      // by w), and in the parking link a finalizer that collects, then w. Dropping the head
      // parks w, then the finalizer; the drain runs the finalizer first, which collects
      // while w is parked with count 0 and its referent is trash.
      let trash = makeInstance(.plain)
      rt.setAttribute(PyRef(addresses[trash]), 1, PyRef(addresses[trash]))
      rt.listAppend(PyRef(addresses[chain[head]]), PyRef(addresses[trash]))
      let ref = makeWeakRef(to: trash)
      let object = rt.newInstance(env.fin)!
      let finalizer = register(.fin, object, collectGeneration: rng.below(3))
      for id in [finalizer, ref] { rt.listAppend(PyRef(addresses[chain[parkingLink]]), PyRef(addresses[id])) }
      for id in [trash, ref, finalizer] {
        owned.removeAll { $0 == id }
        rt.decref(PyRef(addresses[id]))
      }
      protected.formUnion([trash, ref, finalizer])
    }
    for _ in 0..<rng.inRange(2...12) {
      guard let target = rng.element(chain.filter { kinds[$0].isInstance && !protected.contains($0) }),
            let holder = rng.element(chain.filter { kinds[$0] == .list && !protected.contains($0) }) else { break }
      let ref = makeWeakRef(to: target)
      rt.listAppend(PyRef(addresses[holder]), PyRef(addresses[ref]))
      owned.removeAll { $0 == ref }
      rt.decref(PyRef(addresses[ref]))
    }
  }

  private func mutate() {
    guard let source = randomAlive(where: { $0.isInstance || $0 == .list || $0 == .dict }),
          let target = randomAlive(where: { _ in true }) else { return }
    let object = PyRef(addresses[source]), value = PyRef(addresses[target])
    switch kinds[source] {
    case .list:
      rt.listAppend(object, value)
    case .dict:
      let key = rt.newInt(rng.below(6))!
      rt.dictSetItem(object, key, value)
      rt.decref(key)
    default:
      rt.setAttribute(object, rng.below(GCFuzzEnvironment.slots(kinds[source])), rng.percent(85) ? value : nil)
    }
  }

  private func dropRoot(_ id: Int) { rt.decref(PyRef(addresses[id])) }

  private func isAlive(_ id: Int) -> Bool { env.recorder.freed[id] == 0 }

  private func randomAlive(where predicate: (GCFuzzKind) -> Bool) -> Int? {
    var candidates: [Int] = []
    for id in kinds.indices where isAlive(id) && predicate(kinds[id]) && !protected.contains(id) { candidates.append(id) }
    return rng.element(candidates)
  }

  // MARK: - Teardown

  private func tearDown(_ list: PyRef) {
    stage = "teardown"
    let recorder = env.recorder
    var rounds = 0
    while kinds.indices.contains(where: isAlive) {
      rounds += 1
      guard rounds <= kinds.count + 5 else {
        let left = kinds.indices.filter(isAlive)
        fail("teardown does not converge: \(left.count) objects left, e.g. #\(left[0]) (\(kinds[left[0]]))")
        return
      }
      // Break the cycles through legacy objects (read from the runtime: no model here).
      for id in kinds.indices where kinds[id] == .legacy {
        for slot in 0..<GCFuzzEnvironment.legacySlots where isAlive(id) && rt.attribute(PyRef(addresses[id]), slot) != nil {
          rt.setAttribute(PyRef(addresses[id]), slot, nil)
        }
      }
      rt.clearGCGarbage()
      while let id = owned.popLast() { dropRoot(id) }
      _ = rt.collect()
      check(verify: true)
      guard failure == nil else { return }
      rt.listClear(list)
    }
    recorder.resurrectionList = nil
    rt.decref(list)
    check(verify: true)
    guard failure == nil else { return }
    for id in kinds.indices {
      if kinds[id] == .fin && recorder.dels[id] != 1 { fail("__del__ of #\(id) ran \(recorder.dels[id]) times in its life") }
      if kinds[id] == .legacy && recorder.legacyDels[id] != 1 { fail("tp_del of #\(id) ran \(recorder.legacyDels[id]) times in its life") }
    }
    let blocks = rt.blocksInUseWithoutFreeLists
    if blocks != env.baselineBlocks {
      fail("after teardown the heap holds \(blocks) blocks, baseline \(env.baselineBlocks)")
    }
  }

  // MARK: - Checking

  private func check(verify: Bool) {
    guard failure == nil else { return }
    let recorder = env.recorder
    if let anomaly = recorder.anomalies.first { return fail(anomaly) }
    for id in kinds.indices {
      if recorder.freed[id] > 1 { return fail("#\(id) (\(kinds[id])) was freed \(recorder.freed[id]) times") }
      if recorder.dels[id] > 1 { return fail("PEP 442: __del__ of #\(id) ran \(recorder.dels[id]) times") }
      if recorder.legacyDels[id] > 1 { return fail("tp_del of #\(id) ran \(recorder.legacyDels[id]) times") }
      if recorder.fires[id] > 1 { return fail("the callback of #\(id) ran \(recorder.fires[id]) times") }
    }
    if let error = rt.takeError() { return fail("an error is pending: \(error)") }
    guard verify else { return }
    let problems = rt.verifyObjects()
    if !problems.isEmpty { return fail("verifyObjects: " + problems.prefix(4).joined(separator: "; ")) }
    let report = rt.state.pointee.heap.verify()
    if !report.isValid { return fail("heap verifier: " + report.problems.prefix(4).joined(separator: "; ")) }
  }

  private func fail(_ message: String) {
    guard failure == nil else { return }
    failure = "seed \(gcFuzzHex(seed)) (reentrant), \(stage): \(message)"
  }
}
