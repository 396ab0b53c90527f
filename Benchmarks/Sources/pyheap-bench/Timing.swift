#if canImport(Glibc)
import Glibc
#endif

/// The benchmark clock: CPU time of the calling thread (`CLOCK_THREAD_CPUTIME_ID`), user plus
/// system, so page faults taken by the loop count and time spent descheduled on this shared
/// 2-core machine does not. Wall-clock time varied by up to 2× here (SWIFT-PERFORMANCE.md).
enum ThreadCPUClock {
  /// Nanoseconds of CPU time this thread has used.
  @inline(__always)
  static func now() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return UInt64(time.tv_sec) &* 1_000_000_000 &+ UInt64(time.tv_nsec)
  }
}

/// One timed run of a case with one implementation.
struct Sample {
  /// Thread CPU time of the measured part only (set-up such as filling a live set excluded).
  var nanoseconds: UInt64
  /// Operations in the measured part.
  var ops: Int
  /// Resident set size at the run's peak, or 0 when the case does not measure it.
  var peakRSSBytes: Int = 0
  /// Work product folded into ``Sink`` so that the optimizer must do the work.
  var checksum: UInt64 = 0

  var nanosecondsPerOp: Double { ops == 0 ? 0 : Double(nanoseconds) / Double(ops) }
}

/// What a series of runs reports: the median time, the largest peak.
struct Summary {
  var nanosecondsPerOp: Double
  var ops: Int
  var peakRSSBytes: Int
  /// Every measured run's ns/op, for spotting noise.
  var runs: [Double]

  init(_ samples: [Sample]) {
    precondition(!samples.isEmpty)
    runs = samples.map(\.nanosecondsPerOp)
    nanosecondsPerOp = median(runs)
    ops = samples[0].ops
    peakRSSBytes = samples.map(\.peakRSSBytes).max()!
  }
}

/// The median; the mean of the two middle values for an even count.
func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  let middle = sorted.count / 2
  return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/// Keeps results alive. Every loop returns a checksum (block addresses and bytes written);
/// they are folded in here and printed to stderr at the end, so no loop is dead code.
enum Sink {
  nonisolated(unsafe) static var checksum: UInt64 = 0

  @inline(never)
  static func consume(_ value: UInt64) {
    checksum = checksum &* 31 &+ value
  }
}
