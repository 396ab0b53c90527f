import PyMemory

/// The collector's stress modes, for finding bugs rather than for running programs fast:
///
/// - `-X gcstress` (``RuntimeRef/gcStressEverySafePoint``): a young collection at every
///   safe point (each backward jump and call), so an object the collector cannot see, or a
///   reference count one too low, shows up at once instead of once in a thousand runs.
/// - `-X verifyheap` (``RuntimeRef/gcVerifyAfterCollection``): after every collection the
///   allocator's structures are walked (arenas, pools, free lists, and with the debug
///   allocator every live block's guard bytes) and every tracked object's count is checked
///   against the references other tracked objects hold. The first problem stops the
///   process with the report.
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

  /// Full collections the shortcut proved alive, and passes that stopped.
  public var gcMarkAliveCounts: (successes: Int, stops: Int) {
    (state.pointee.gc.markAlive.successes, state.pointee.gc.markAlive.stops)
  }

  /// Checks the heap and the objects; stops the process on the first problem.
  func verifyHeapOrStop(after generation: Int) {
    let report = state.pointee.heap.verify()
    let objectProblems = verifyObjects()
    guard report.isValid && objectProblems.isEmpty else {
      StandardError.write("pyheap: heap verification failed after a generation-\(generation) collection:\n"
        + (report.problems + objectProblems).map { "  \($0)\n" }.joined())
      fatalError("heap verification failed after a collection")
    }
  }
}
