import Testing
@testable import PyRuntime
import PyMemory

/// Randomized object graphs checked against an oracle (``GCFuzzOracle``): instances with and
/// without `__del__` (some resurrecting, some dropping an attribute), legacy `tp_del`
/// instances, lists, dicts with int keys, tuples, functions, weak references and proxies with
/// callbacks (some stored in the graph), random Swift-held roots dropped at random, and
/// collections of every generation. After every step the runtime must agree with the oracle on
/// which objects were freed, which finalizers and callbacks ran (PEP 442: at most once), the
/// contents and counts of every live object, tracking and generations, and `gc.garbage`; both
/// verifiers must pass; each graph must give back every heap block it took.
///
/// Profiles (``GCFuzzProfile``): `mixed` (full collections mostly), `generational` (objects
/// aging into generations 1 and 2, then collect(0) and collect(1)), `legacy` (many `tp_del`
/// objects: uncollectable cycles, `gc.garbage`), `automatic` (the runtime's thresholds choose
/// the generation), `deep` (a chain longer than the trashcan's depth limit). Besides them,
/// `reentrant` graphs (``GCFuzzReentrantGraph``), whose finalizers and callbacks collect, are
/// checked against invariants.
///
/// Every failure message starts with the graph's seed. To replay one graph with a trace of
/// every operation and event: `PYHEAP_GC_FUZZ_REPLAY=<seed>[:<profile>] swift test --filter
/// GCRandomGraphTests/replay`. More graphs: `PYHEAP_LONG_GC_FUZZ=1` (200,000 graphs, bigger
/// ones); other graphs: `PYHEAP_GC_FUZZ_SEED=<base seed>`; another count:
/// `PYHEAP_GC_FUZZ_GRAPHS=<n>`; the seed of a graph that crashes the process:
/// `PYHEAP_GC_FUZZ_TRACE=1` prints each seed before its graph runs.
@Suite struct GCRandomGraphTests {
  /// Graphs of the normal run, by profile (10,000 in all).
  static let normalCounts: [GCFuzzProfile: Int] = [
    .mixed: 4_700, .generational: 2_500, .legacy: 1_250, .automatic: 1_250, .deep: 300,
  ]
  static let longCounts: [GCFuzzProfile: Int] = [
    .mixed: 95_000, .generational: 50_000, .legacy: 25_000, .automatic: 25_000, .deep: 5_000,
  ]
  /// Independent streams per profile, so that the cases run in parallel.
  static let shards = 4
  /// Graphs per runtime: long enough to test reuse of a heap, short enough to start clean.
  static let graphsPerRuntime = 500

  static var cases: [(GCFuzzProfile, Int)] {
    GCFuzzProfile.allCases.flatMap { profile in (0..<shards).map { (profile, $0) } }
  }

  @Test(arguments: GCRandomGraphTests.cases)
  func randomGraphsAgreeWithTheOracle(profile: GCFuzzProfile, shard: Int) {
    let settings = GCFuzzSettings.fromEnvironment()
    let total: Int
    if let graphs = settings.graphs {
      total = graphs * (GCRandomGraphTests.normalCounts[profile] ?? 0) / 10_000
    } else {
      total = (settings.long ? GCRandomGraphTests.longCounts : GCRandomGraphTests.normalCounts)[profile] ?? 0
    }
    let count = total / GCRandomGraphTests.shards + (shard < total % GCRandomGraphTests.shards ? 1 : 0)
    let stream = shard * 16 + GCFuzzProfile.allCases.firstIndex(of: profile)!
    var env = GCFuzzEnvironment()
    var onEnvironment = 0
    var failures = 0
    var coverage = GCFuzzCoverage()
    let start = ContinuousClock.now
    defer {
      print("GCRandomGraph \(profile) shard \(shard): \(count) graphs in \(ContinuousClock.now - start); \(coverage.summary)")
    }
    for index in 0..<count {
      if onEnvironment == GCRandomGraphTests.graphsPerRuntime {
        env = GCFuzzEnvironment()
        onEnvironment = 0
      }
      let seed = GCFuzzRandom.seed(base: settings.baseSeed, stream: stream, index: index)
      if settings.printSeeds { print("GCRandomGraph: \(profile) \(gcFuzzHex(seed))") }
      let graph = GCFuzzGraph(env: env, seed: seed, profile: profile, long: settings.long)
      onEnvironment += 1
      let failure = graph.run()
      coverage.add(graph.oracle.coverage)
      if let failure {
        Issue.record(Comment(rawValue: failure + "\n(replay: PYHEAP_GC_FUZZ_REPLAY=\(gcFuzzHex(seed)):\(profile)\(settings.long ? " PYHEAP_LONG_GC_FUZZ=1" : ""))"))
        failures += 1
        if failures == 3 { return }
        // The heap may be inconsistent now: start over on a fresh runtime.
        env = GCFuzzEnvironment()
        onEnvironment = 0
      }
    }
  }

  /// Graphs whose finalizers and callbacks collect (``GCFuzzReentrantGraph``): invariants
  /// only. Not counted in the 10,000 above.
  static let reentrantCounts = (normal: 400, long: 10_000)

  @Test(arguments: 0..<GCRandomGraphTests.shards)
  func reentrantGraphsKeepTheInvariants(shard: Int) {
    let settings = GCFuzzSettings.fromEnvironment()
    let total = settings.graphs.map { $0 * GCRandomGraphTests.reentrantCounts.normal / 10_000 }
      ?? (settings.long ? GCRandomGraphTests.reentrantCounts.long : GCRandomGraphTests.reentrantCounts.normal)
    let count = total / GCRandomGraphTests.shards + (shard < total % GCRandomGraphTests.shards ? 1 : 0)
    var env = GCFuzzEnvironment()
    var onEnvironment = 0
    var failures = 0
    var objects = 0, collections = 0, fruitful = 0
    let start = ContinuousClock.now
    defer {
      print("GCRandomGraph reentrant shard \(shard): \(count) graphs in \(ContinuousClock.now - start); \(objects) objects, "
            + "\(collections) collections by finalizers and callbacks, \(fruitful) of them found trash")
    }
    for index in 0..<count {
      if onEnvironment == GCRandomGraphTests.graphsPerRuntime {
        env = GCFuzzEnvironment()
        onEnvironment = 0
      }
      let seed = GCFuzzRandom.seed(base: settings.baseSeed, stream: 1000 + shard, index: index)
      if settings.printSeeds { print("GCRandomGraph: reentrant \(gcFuzzHex(seed))") }
      onEnvironment += 1
      let graph = GCFuzzReentrantGraph(env: env, seed: seed, long: settings.long)
      let failure = graph.run()
      objects += graph.objects
      collections += graph.reentrantCollections
      fruitful += graph.fruitfulReentrantCollections
      if let failure {
        Issue.record(Comment(rawValue: failure + "\n(replay: PYHEAP_GC_FUZZ_REPLAY=\(gcFuzzHex(seed)):reentrant\(settings.long ? " PYHEAP_LONG_GC_FUZZ=1" : ""))"))
        failures += 1
        if failures == 3 { return }
        env = GCFuzzEnvironment()
        onEnvironment = 0
      }
    }
  }

  /// Found by the random graphs (seed 0xa78c06aecb3eb382, mixed): during a collection, a
  /// `__del__` drops the last reference to another object of the trash whose own `__del__`
  /// has not run yet; that object's deallocation runs it, it resurrects, and it is re-tracked
  /// in generation 0. Untracking must clear the collection's COLLECTING flag, as CPython's
  /// `_PyObject_GC_UNTRACK` does, or generation 0 carries a COLLECTING object (its prev link
  /// is then decremented as gc_refs by the resurrection check). CPython 3.11.7 prints
  /// `1`, then b tracked, finalized, in generation 0, then `0`.
  @Test func objectResurrectedByItsDeallocationDuringACollectionIsCleanInGenerationZero() {
    let env = GCFuzzEnvironment()
    let rt = env.rt
    env.recorder.reset()
    let saved = rt.newList()!
    env.recorder.resurrectionList = saved
    let a = rt.newInstance(env.fin)!, b = rt.newInstance(env.fin)!
    env.recorder.register(0, a.raw, dropSlot: 1)          // a.__del__: self.b = None
    env.recorder.register(1, b.raw, resurrects: true)     // b.__del__: saved.append(self)
    rt.setAttribute(a, 0, a)
    rt.setAttribute(a, 1, b)
    rt.decref(a)
    rt.decref(b)
    #expect(rt.collect() == 1)
    #expect(env.recorder.dels == [1, 1])
    #expect(env.recorder.freed == [1, 0])
    #expect(ListObject.count(saved) == 1)
    #expect(rt.isTracked(b) && rt.isFinalized(b))
    #expect(rt.gcObjects(generation: 0).contains(b))
    #expect(rt.verifyObjects().isEmpty)
    guard rt.verifyObjects().isEmpty else { return }     // the next collection would trap
    #expect(rt.collect(generation: 0) == 0)
    #expect(rt.verifyObjects().isEmpty)
    rt.listClear(saved)
    #expect(env.recorder.freed == [1, 1])
    #expect(env.recorder.dels == [1, 1])
    rt.decref(saved)
    #expect(rt.blocksInUseWithoutFreeLists == env.baselineBlocks)
  }

  /// Any deallocation can be parked by the trashcan past depth 50, weak references too: a
  /// parked reference has count 0, is untracked, and is still on its referent's list until
  /// the drain deallocates it. If a finalizer run by the drain collects, and the referent is
  /// trash, the collector must not call the dying reference back: it took it for a live
  /// one, increfed it and moved its untracked header to the callback list (a trap on
  /// `unsafelyUnwrapped` in debug builds; list corruption, then a second deallocation of the
  /// reference, in release builds). The refcount path already skips references with count 0.
  @Test func collectionDuringTheTrashcanDrainSkipsAParkedWeakReference() {
    let env = GCFuzzEnvironment()
    let rt = env.rt
    env.recorder.reset()
    let body = rt.newFunction(gcFuzzCollectingDel)!
    let collecting = rt.newClass(name: "Collecting", attributeCount: 1, finalizer: .del(body))
    rt.decref(body)
    let blocks = rt.blocksInUseWithoutFreeLists
    let t = rt.newInstance(env.plain)!
    rt.setAttribute(t, 0, t)                              // garbage once Swift lets go
    let callback = rt.newFunction(gcFuzzCallback)!
    let w = rt.newWeakRef(t, callback: callback)!
    rt.decref(callback)
    env.recorder.register(0, t.raw)
    env.recorder.register(1, w.raw)
    let x = rt.newInstance(collecting)!
    // The innermost list holds [x, w] and sits at depth 50: releasing last to first parks w,
    // then x; the drain pops x, whose __del__ collects while w is parked.
    var head = rt.newList()!
    rt.listAppend(head, x)
    rt.listAppend(head, w)
    rt.decref(x)
    rt.decref(w)
    for _ in 0..<(Trashcan.depthLimit - 1) {
      let outer = rt.newList()!
      rt.listAppend(outer, head)
      rt.decref(head)
      head = outer
    }
    rt.decref(t)
    rt.decref(head)
    #expect(env.recorder.collectedInFinalizers == [1])   // t
    #expect(env.recorder.fires == [0, 0])
    #expect(env.recorder.freed == [1, 1])
    #expect(env.recorder.anomalies.isEmpty)
    #expect(rt.verifyObjects().isEmpty)
    #expect(rt.collect() == 0)
    #expect(rt.blocksInUseWithoutFreeLists == blocks)
  }

  /// Replays one graph verbosely: `PYHEAP_GC_FUZZ_REPLAY=<seed>[:<profile>]`.
  @Test(.enabled(if: GCFuzzSettings.environment("PYHEAP_GC_FUZZ_REPLAY") != nil))
  func replay() {
    let text = GCFuzzSettings.environment("PYHEAP_GC_FUZZ_REPLAY")!
    let parts = text.split(separator: ":")
    guard let seed = GCFuzzSettings.parseSeed(String(parts[0])) else {
      Issue.record("PYHEAP_GC_FUZZ_REPLAY: not a seed: \(text)")
      return
    }
    let env = GCFuzzEnvironment()
    if parts.count > 1 && parts[1] == "reentrant" {
      let failure = GCFuzzReentrantGraph(env: env, seed: seed, long: GCFuzzSettings.fromEnvironment().long).run()
      if let failure { Issue.record(Comment(rawValue: failure)) } else { print("graph \(gcFuzzHex(seed)) passed") }
      return
    }
    let profile = parts.count > 1 ? GCFuzzProfile(rawValue: String(parts[1])) ?? .mixed : .mixed
    let graph = GCFuzzGraph(env: env, seed: seed, profile: profile, long: GCFuzzSettings.fromEnvironment().long, verbose: true)
    if let failure = graph.run() { Issue.record(Comment(rawValue: failure)) } else { print("graph \(gcFuzzHex(seed)) passed") }
  }
}
