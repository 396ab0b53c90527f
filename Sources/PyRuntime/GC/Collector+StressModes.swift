import PyMemory

/// The collector's stress modes, for finding bugs rather than for running programs fast:
///
/// - `-X gcstress` (``RuntimeRef/gcStressEverySafePoint``): a young collection at every
///   safe point (each backward jump and call), so an object the collector cannot see, or a
///   reference count one too low, shows up at once instead of once in a thousand runs.
/// - `-X verifyheap` (``RuntimeRef/gcVerifyAfterCollection``): after every collection the
///   heap is verified, and the first problem stops the process with the report. The whole
///   check walks the allocator's structures (arenas, pools, free lists, and with the debug
///   allocator every live block's guard bytes) and checks every tracked object's count
///   against the references other tracked objects hold. `-X verifyheap=all`
///   (``RuntimeRef/gcVerifyEveryCollectionInFull``) runs it after every collection; plain
///   `verifyheap` spaces it so that its cost stays linear (see
///   ``RuntimeRef/verifyHeapOrStop(after:allocations:)``).
///
/// Scripts/stress-conformance.sh runs the conformance corpus in each mode.
extension RuntimeRef {
  public var gcStressEverySafePoint: Bool {
    get { state.pointee.gc.stressEverySafePoint }
    nonmutating set { state.pointee.gc.stressEverySafePoint = newValue }
  }

  public var gcVerifyAfterCollection: Bool {
    get { state.pointee.gc.verifyAfterCollection }
    nonmutating set { state.pointee.gc.verifyAfterCollection = newValue }
  }

  /// The full-collection shortcut of ``markAliveFromRoots(_:)`` (on by default; `-X
  /// nomarkalive` turns it off, to measure what it saves). Results are the same either way.
  public var gcMarkAlive: Bool {
    get { state.pointee.gc.markAlive.enabled }
    nonmutating set { state.pointee.gc.markAlive.enabled = newValue }
  }

  /// Full collections the shortcut proved alive, passes that stopped, containers whose
  /// items were marked on demand, and items the walk went to without reading a link.
  public var gcMarkAliveCounts: (successes: Int, stops: Int, deferredContainers: Int, followedItems: Int) {
    let markAlive = state.pointee.gc.markAlive
    return (markAlive.successes, markAlive.stops, markAlive.deferredContainers, markAlive.followedItems)
  }

  public var gcVerifyEveryCollectionInFull: Bool {
    get { state.pointee.gc.verifyEveryCollectionInFull }
    nonmutating set { state.pointee.gc.verifyEveryCollectionInFull = newValue }
  }

  /// For every collection the whole check would cost O(heap), and a program that grows a
  /// large heap runs a young collection every 700 allocations: quadratic (a 300,000-deep
  /// structure took 260 s). So, unless ``gcVerifyEveryCollectionInFull`` is set, the whole
  /// check runs after a full collection, and after any other collection once the GC
  /// allocations since the last whole check reach 1/``wholeCheckSpacing`` of the tracked
  /// objects that check saw: at most `wholeCheckSpacing` object checks per allocation.
  /// A heap of up to 11,200 tracked objects (700 × 16) is still checked whole after every
  /// collection. The collections between get the light check: the allocator's structures
  /// (no guard bytes) and the links and flags of the generations the collection wrote.
  func verifyHeapOrStop(after generation: Int, allocations: Int) {
    state.pointee.gc.verifyDebt += max(allocations, 0)
    let whole = generation == GCState.generationCount - 1 || state.pointee.gc.verifyEveryCollectionInFull
      || state.pointee.gc.verifyDebt * RuntimeRef.wholeCheckSpacing >= state.pointee.gc.verifiedTrackedObjects
    var problems: [String]
    if whole {
      var tracked = 0
      problems = state.pointee.heap.verify().problems + verifyObjects(countingTracked: &tracked)
      state.pointee.gc.verifyDebt = 0
      state.pointee.gc.verifiedTrackedObjects = tracked
    } else {
      problems = state.pointee.heap.verify(checkingGuards: false).problems
      for index in 0...min(generation + 1, GCState.generationCount - 1) {
        if let problem = checkLinks(of: state.pointee.gc.generation(index), index) { problems.append(problem) }
      }
    }
    guard problems.isEmpty else {
      StandardError.write("pyheap: heap verification failed after a generation-\(generation) collection:\n"
        + problems.map { "  \($0)\n" }.joined())
      fatalError("heap verification failed after a collection")
    }
  }

  static let wholeCheckSpacing = 16
}
