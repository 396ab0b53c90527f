#if canImport(Glibc)
import Glibc
#endif
@testable import PyRuntime
import PyMemory

/// xoshiro256** seeded through SplitMix64: every random graph is a function of one 64-bit seed.
struct GCFuzzRandom {
  private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

  init(seed: UInt64) {
    var x = seed
    s0 = GCFuzzRandom.splitMix(&x)
    s1 = GCFuzzRandom.splitMix(&x)
    s2 = GCFuzzRandom.splitMix(&x)
    s3 = GCFuzzRandom.splitMix(&x)
  }

  static func splitMix(_ x: inout UInt64) -> UInt64 {
    x &+= 0x9E37_79B9_7F4A_7C15
    var z = x
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A well-mixed seed for graph `index` of `stream`.
  static func seed(base: UInt64, stream: Int, index: Int) -> UInt64 {
    var x = base ^ (UInt64(truncatingIfNeeded: stream) &* 0xD1B5_4A32_D192_ED03) ^ UInt64(truncatingIfNeeded: index)
    return splitMix(&x)
  }

  private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

  mutating func next() -> UInt64 {
    let result = GCFuzzRandom.rotl(s1 &* 5, 7) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = GCFuzzRandom.rotl(s3, 45)
    return result
  }

  /// 0 ..< n.
  mutating func below(_ n: Int) -> Int {
    precondition(n > 0)
    return Int(next() % UInt64(n))
  }

  mutating func inRange(_ range: ClosedRange<Int>) -> Int { range.lowerBound + below(range.count) }

  /// True with probability `percent` / 100.
  mutating func percent(_ percent: Int) -> Bool { below(100) < percent }

  mutating func element<T>(_ array: [T]) -> T? { array.isEmpty ? nil : array[below(array.count)] }
}

/// What the runtime did, as seen from its slots: which test objects were freed, which
/// `__del__`s and callbacks ran. One per runtime; slot functions find it through the
/// registry (they only receive the runtime's address).
final class GCFuzzRecorder {
  /// Live test objects by address. An address leaves when the object is freed.
  var ids: [UnsafeMutableRawPointer: Int] = [:]
  /// The dealloc slot each hooked type had before the hook.
  var originalDealloc: [UnsafeMutableRawPointer: Slot.Dealloc] = [:]
  /// `__del__` behaviour by node id (set by the driver; the body only reads it).
  var resurrects: [Bool] = []
  var dropSlot: [Int] = []
  /// Lists that a callback clears when it is called with them as context.
  var clearOnCallback: [Bool] = []
  /// The generation a node's `__del__` (instances) or callback (weak references) collects
  /// when it runs, -1 for none (reentrant graphs only).
  var collectGeneration: [Int] = []
  /// Events by node id.
  var freed: [Int] = []
  var dels: [Int] = []
  var legacyDels: [Int] = []
  var fires: [Int] = []
  var resurrections: [Int] = []
  /// Things that must never happen (a finalizer for an unknown object, an error, …).
  var anomalies: [String] = []
  /// What the collections run by ``gcFuzzCollectingDel`` returned.
  var collectedInFinalizers: [Int] = []
  /// Every event in order, when tracing.
  var trace: [String]?
  var resurrectionList: PyRef?

  func register(_ id: Int, _ address: UnsafeMutableRawPointer, resurrects: Bool = false, dropSlot: Int? = nil,
                clearOnCallback: Bool = false, collectGeneration: Int? = nil) {
    while freed.count <= id {
      freed.append(0)
      dels.append(0)
      legacyDels.append(0)
      fires.append(0)
      resurrections.append(0)
      self.resurrects.append(false)
      self.dropSlot.append(-1)
      self.clearOnCallback.append(false)
      self.collectGeneration.append(-1)
    }
    if let other = ids[address] {
      anomalies.append("#\(id) was allocated at \(address), where #\(other) still lives")
    }
    ids[address] = id
    self.resurrects[id] = resurrects
    self.dropSlot[id] = dropSlot ?? -1
    self.clearOnCallback[id] = clearOnCallback
    self.collectGeneration[id] = collectGeneration ?? -1
  }

  /// Forgets the previous graph (the runtime stays).
  func reset() {
    ids = [:]
    resurrects = []
    dropSlot = []
    clearOnCallback = []
    collectGeneration = []
    freed = []
    dels = []
    legacyDels = []
    fires = []
    resurrections = []
    anomalies = []
    collectedInFinalizers = []
    resurrectionList = nil
  }

  func note(_ event: @autoclosure () -> String) {
    if trace != nil { trace!.append(event()) }
  }
}

/// Runtime address → recorder, for the slot functions.
final class GCFuzzRegistry: @unchecked Sendable {
  static let shared = GCFuzzRegistry()
  private var recorders: [UnsafeMutableRawPointer: GCFuzzRecorder] = [:]
  private var mutex = pthread_mutex_t()

  init() { pthread_mutex_init(&mutex, nil) }

  func add(_ runtime: UnsafeMutableRawPointer, _ recorder: GCFuzzRecorder) {
    pthread_mutex_lock(&mutex)
    recorders[runtime] = recorder
    pthread_mutex_unlock(&mutex)
  }

  func remove(_ runtime: UnsafeMutableRawPointer) {
    pthread_mutex_lock(&mutex)
    recorders[runtime] = nil
    pthread_mutex_unlock(&mutex)
  }

  func recorder(_ runtime: UnsafeMutableRawPointer) -> GCFuzzRecorder {
    pthread_mutex_lock(&mutex)
    let recorder = recorders[runtime]
    pthread_mutex_unlock(&mutex)
    guard let recorder else { fatalError("GCRandomGraph: no recorder for runtime \(runtime)") }
    return recorder
  }
}

/// The dealloc hook installed on every type whose instances the tests make: records that a
/// test object was freed, unless its `__del__` resurrected it, then runs the type's own
/// dealloc.
let gcFuzzDealloc: Slot.Dealloc = { object, runtime in
  let recorder = GCFuzzRegistry.shared.recorder(runtime)
  let type = PyRef(object).type.raw
  guard let original = recorder.originalDealloc[type] else { fatalError("GCRandomGraph: unhooked type") }
  guard let id = recorder.ids[object] else {
    original(object, runtime)
    return
  }
  let resurrectionsBefore = recorder.resurrections[id]
  original(object, runtime)
  if recorder.resurrections[id] == resurrectionsBefore {
    recorder.ids[object] = nil
    recorder.freed[id] += 1
    recorder.note("freed #\(id)")
  }
}

/// `__del__` of class `Fin`: maybe drops one of its attributes, maybe resurrects the instance
/// into the resurrection list (both decided by the test, per instance).
let gcFuzzDel: FunctionObject.Body = { _, argument, runtime in
  let rt = RuntimeRef(raw: runtime)
  let recorder = GCFuzzRegistry.shared.recorder(runtime)
  guard let argument, let id = recorder.ids[argument] else {
    recorder.anomalies.append("__del__ called on an object the test does not know (\(String(describing: argument)))")
    return rt.newNone().raw
  }
  recorder.dels[id] += 1
  recorder.note("__del__ #\(id)")
  let instance = PyRef(argument)
  if recorder.dropSlot[id] >= 0 { rt.setAttribute(instance, recorder.dropSlot[id], nil) }
  if recorder.resurrects[id] {
    guard let list = recorder.resurrectionList else {
      recorder.anomalies.append("__del__ of #\(id) ran with no resurrection list")
      return rt.newNone().raw
    }
    rt.listAppend(list, instance)
    recorder.resurrections[id] += 1
  }
  if recorder.collectGeneration[id] >= 0 {
    recorder.collectedInFinalizers.append(rt.collect(generation: recorder.collectGeneration[id]))
  }
  return rt.newNone().raw
}

/// A `__del__` that runs a full collection (as Python code in a finalizer may, or the
/// interpreter's safe point inside one) and records what it returned.
let gcFuzzCollectingDel: FunctionObject.Body = { _, _, runtime in
  let rt = RuntimeRef(raw: runtime)
  let recorder = GCFuzzRegistry.shared.recorder(runtime)
  recorder.collectedInFinalizers.append(rt.collect())
  return rt.newNone().raw
}

/// The legacy `tp_del` of class `Legacy`: records that it ran.
let gcFuzzLegacyDel: FunctionObject.Body = { _, argument, runtime in
  let rt = RuntimeRef(raw: runtime)
  let recorder = GCFuzzRegistry.shared.recorder(runtime)
  if let argument, let id = recorder.ids[argument] {
    recorder.legacyDels[id] += 1
    recorder.note("tp_del #\(id)")
  } else {
    recorder.anomalies.append("tp_del called on an object the test does not know")
  }
  return rt.newNone().raw
}

/// A weak-reference callback: records which reference called (its argument); clears its
/// context when that is a list made to be cleared (what a `WeakValueDictionary` does).
let gcFuzzCallback: FunctionObject.Body = { context, argument, runtime in
  let rt = RuntimeRef(raw: runtime)
  let recorder = GCFuzzRegistry.shared.recorder(runtime)
  if let argument, let id = recorder.ids[argument] {
    recorder.fires[id] += 1
    recorder.note("callback of #\(id)")
    if WeakRefObject.referent(PyRef(argument)) != nil {
      recorder.anomalies.append("the callback of #\(id) ran while the reference was still live")
    }
  } else {
    recorder.anomalies.append("a callback ran with an argument the test does not know")
  }
  if let context, let list = recorder.ids[context], recorder.clearOnCallback[list] {
    recorder.note("callback clears #\(list)")
    rt.listClear(PyRef(context))
  }
  if let argument, let id = recorder.ids[argument], recorder.collectGeneration[id] >= 0 {
    recorder.collectedInFinalizers.append(rt.collect(generation: recorder.collectGeneration[id]))
  }
  return rt.newNone().raw
}

/// One runtime prepared for random graphs: dealloc hooks on the built-in container types,
/// the three test classes, the recorder. Graphs run one after another on it; between graphs
/// the heap must come back to ``baselineBlocks``.
final class GCFuzzEnvironment {
  let runtime: Runtime
  let recorder: GCFuzzRecorder
  let plain: PyType
  let fin: PyType
  let legacy: PyType
  let baselineBlocks: Int
  var rt: RuntimeRef { runtime.ref }

  static let plainSlots = 3
  static let finSlots = 3
  static let legacySlots = 2

  init() {
    let runtime = Runtime()
    let rt = runtime.ref
    let recorder = GCFuzzRecorder()
    rt.gcEnabled = false
    GCFuzzRegistry.shared.add(rt.raw, recorder)
    rt.state.pointee.unraisableHook = { text in recorder.anomalies.append("unraisable: \(text)") }
    let delBody = rt.newFunction(gcFuzzDel)!
    let legacyBody = rt.newFunction(gcFuzzLegacyDel)!
    let plain = rt.newClass(name: "Plain", attributeCount: GCFuzzEnvironment.plainSlots)
    let fin = rt.newClass(name: "Fin", attributeCount: GCFuzzEnvironment.finSlots, finalizer: .del(delBody))
    let legacy = rt.newClass(name: "Legacy", attributeCount: GCFuzzEnvironment.legacySlots, finalizer: .legacyDel(legacyBody))
    rt.decref(delBody)
    rt.decref(legacyBody)
    let types = rt.state.pointee.types
    for type in [types.list!, types.dict!, types.tuple!, types.weakref!, types.weakProxy!, types.weakCallableProxy!,
                 types.swiftFunction!, plain, fin, legacy] {
      recorder.originalDealloc[type.raw] = type.record.pointee.dealloc
      type.record.pointee.dealloc = gcFuzzDealloc
    }
    // Let the collector settle what bootstrap made (the two finalizer functions are tracked).
    rt.collect()
    baselineBlocks = rt.blocksInUseWithoutFreeLists
    self.recorder = recorder
    self.plain = plain
    self.fin = fin
    self.legacy = legacy
    self.runtime = runtime
  }

  func type(_ kind: GCFuzzKind) -> PyType {
    switch kind {
    case .plain: plain
    case .fin: fin
    case .legacy: legacy
    default: preconditionFailure("not a class kind: \(kind)")
    }
  }

  static func slots(_ kind: GCFuzzKind) -> Int {
    switch kind {
    case .plain: plainSlots
    case .fin: finSlots
    case .legacy: legacySlots
    default: 0
    }
  }

  deinit {
    GCFuzzRegistry.shared.remove(runtime.ref.raw)
  }
}

/// Settings from the environment.
struct GCFuzzSettings {
  /// PYHEAP_LONG_GC_FUZZ=1: many more, bigger graphs.
  var long = false
  /// PYHEAP_GC_FUZZ_SEED: the base seed (hex or decimal), to explore other graphs.
  var baseSeed: UInt64 = 0x5EED_6C0F_F1E5_0001
  /// PYHEAP_GC_FUZZ_GRAPHS: overrides the number of graphs of the main test.
  var graphs: Int?
  /// PYHEAP_GC_FUZZ_TRACE=1: print each graph's seed before running it (to find the seed of
  /// a graph that crashes the process).
  var printSeeds = false

  static func fromEnvironment() -> GCFuzzSettings {
    var settings = GCFuzzSettings()
    settings.long = environment("PYHEAP_LONG_GC_FUZZ") == "1"
    settings.printSeeds = environment("PYHEAP_GC_FUZZ_TRACE") == "1"
    if let text = environment("PYHEAP_GC_FUZZ_SEED"), let seed = parseSeed(text) { settings.baseSeed = seed }
    if let text = environment("PYHEAP_GC_FUZZ_GRAPHS"), let count = Int(text) { settings.graphs = count }
    return settings
  }

  static func environment(_ name: String) -> String? {
    guard let value = getenv(name) else { return nil }
    return String(cString: value)
  }

  static func parseSeed(_ text: String) -> UInt64? {
    if text.hasPrefix("0x") || text.hasPrefix("0X") { return UInt64(text.dropFirst(2), radix: 16) }
    return UInt64(text)
  }
}

func gcFuzzHex(_ seed: UInt64) -> String { "0x" + String(seed, radix: 16) }
