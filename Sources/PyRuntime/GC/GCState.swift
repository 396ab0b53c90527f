/// The collector's state: three generations plus the permanent one, their counts and
/// thresholds, the debug flags and the statistics.
/// CPython: Include/internal/pycore_gc.h, `struct _gc_runtime_state`.
@usableFromInline
struct GCState {
  /// Four sentinel headers, 16 bytes each: generations 0, 1, 2, then the permanent
  /// generation of `gc.freeze()`.
  let heads: UnsafeMutableRawPointer
  /// `count[0]`: GC allocations minus GC frees since the last collection; `count[1]`,
  /// `count[2]`: collections of the generation below since this one was last collected.
  @usableFromInline var count: (Int, Int, Int) = (0, 0, 0)
  @usableFromInline var threshold: (Int, Int, Int) = (700, 10, 10) {
    didSet { safePointTrigger = stressEverySafePoint ? -1 : threshold.0 }
  }
  /// What `count[0]` must pass for a safe point to look further: `threshold[0]`, or −1 in
  /// the stress mode, so every safe point collects (``stressEverySafePoint``).
  @usableFromInline var safePointTrigger = 700
  /// Stress mode (`-X gcstress`): a young collection at every safe point while automatic
  /// collection is enabled, to shake out objects the collector cannot see.
  var stressEverySafePoint = false {
    didSet { safePointTrigger = stressEverySafePoint ? -1 : threshold.0 }
  }
  /// Stress mode (`-X verifyheap`): after every collection, verify the heap; the first
  /// problem stops the process with a report. See ``RuntimeRef/verifyHeapOrStop(after:allocations:)``
  /// for which collections get the whole check.
  var verifyAfterCollection = false
  /// With `verifyAfterCollection`, every collection gets the whole check (`-X verifyheap=all`).
  var verifyEveryCollectionInFull = false
  /// GC allocations since the last whole check, and the tracked objects that check saw.
  var verifyDebt = 0
  var verifiedTrackedObjects = 0
  var enabled = true
  /// A collection is running (a nested `collect` returns 0).
  var collecting = false
  var debugFlags: GCDebugFlags = []
  /// Survivors of the last full collection, and survivors of generation-1 collections since:
  /// a full collection waits until pending exceeds a quarter of total.
  var longLivedTotal = 0
  var longLivedPending = 0
  var stats: [GCGenerationStats] = Array(repeating: GCGenerationStats(), count: 3)
  /// `gc.garbage`: a Python list (owned) of the uncollectable objects with a legacy
  /// finalizer (and, with `saveAll`, of all garbage). Made in bootstrap; Python code may
  /// clear it or append to it, as in CPython.
  var garbage: UnsafeMutableRawPointer?
  /// Duration of the last collection, and the sum over all of them.
  var lastPauseNanoseconds: UInt64 = 0 {
    didSet { totalPauseNanoseconds &+= lastPauseNanoseconds; longestPauseNanoseconds = max(longestPauseNanoseconds, lastPauseNanoseconds) }
  }
  var totalPauseNanoseconds: UInt64 = 0
  var longestPauseNanoseconds: UInt64 = 0
  /// `gc.callbacks`: a Python list (owned) of callables, each called with
  /// `(phase, info)` before and after every collection. Made in bootstrap.
  var callbacks: UnsafeMutableRawPointer?
  /// Swift observers called with the same arguments before the Python callbacks (the
  /// embedding API's equivalent of `gc.callbacks`).
  var hooks: [(GCCallbackPhase, GCCallbackInfo) -> Void] = []
  /// The same two figures per generation collected (for `pyheap --memory-report`).
  var generationPauses: [GCPauseStats] = Array(repeating: GCPauseStats(), count: 3)
  /// The full-collection shortcut (``RuntimeRef/markAliveFromRoots(_:)``).
  var markAlive = MarkAliveState()
  /// The referents a young collection's counting walk keeps aside
  /// (``RuntimeRef/updateAndSubtractYoungRefs(_:)``): empty between collections, its
  /// memory kept for the next one, so the walk neither allocates nor frees in the common case.
  var keptAside = GCObjectStack()

  static let generationCount = 3
  static let permanentGeneration = 3

  init() {
    heads = .allocate(byteCount: 4 * GCHeader.size, alignment: 16)
    for index in 0...GCState.permanentGeneration { generation(index).initialize() }
  }

  /// Adds the last pause to the figures of `generation`.
  mutating func recordPause(_ generation: Int) {
    generationPauses[generation].totalNanoseconds &+= lastPauseNanoseconds
    generationPauses[generation].longestNanoseconds = max(generationPauses[generation].longestNanoseconds, lastPauseNanoseconds)
  }

  func generation(_ index: Int) -> GCList { GCList(GCHeader(heads + index * GCHeader.size)) }

  mutating func release() {
    heads.deallocate()
    keptAside.release()
  }

  func threshold(_ generation: Int) -> Int {
    switch generation {
    case 0: threshold.0
    case 1: threshold.1
    default: threshold.2
    }
  }

  func count(_ generation: Int) -> Int {
    switch generation {
    case 0: count.0
    case 1: count.1
    default: count.2
    }
  }

  mutating func setCount(_ generation: Int, _ value: Int) {
    switch generation {
    case 0: count.0 = value
    case 1: count.1 = value
    default: count.2 = value
    }
  }
}

/// `gc.get_stats()[g]`.
public struct GCGenerationStats: Equatable, Sendable {
  public var collections = 0
  public var collected = 0
  public var uncollectable = 0
}

/// The pauses of the collections of one generation.
public struct GCPauseStats: Equatable, Sendable {
  public var totalNanoseconds: UInt64 = 0
  public var longestNanoseconds: UInt64 = 0
}

/// `gc.DEBUG_*`.
public struct GCDebugFlags: OptionSet, Sendable {
  public let rawValue: Int
  public init(rawValue: Int) { self.rawValue = rawValue }
  public static let stats = GCDebugFlags(rawValue: 1)
  public static let collectable = GCDebugFlags(rawValue: 2)
  public static let uncollectable = GCDebugFlags(rawValue: 4)
  public static let saveAll = GCDebugFlags(rawValue: 32)
  public static let leak: GCDebugFlags = [.collectable, .uncollectable, .saveAll]
}

/// The phase a `gc.callbacks` entry is called for.
public enum GCCallbackPhase: String, Sendable { case start, stop }

/// The `info` dict of a `gc.callbacks` call.
public struct GCCallbackInfo: Equatable, Sendable {
  public var generation: Int
  public var collected: Int
  public var uncollectable: Int
}
