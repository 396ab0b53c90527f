#if canImport(Glibc)
import Glibc
#endif

/// CPU time of the calling thread, for the linear-time tests. Unlike wall-clock time it does
/// not count time spent descheduled, so a test that compares two sizes is not failed by a
/// busy machine (the tests run in parallel on 2 cores, often next to other builds).
enum ThreadCPUTime {
  static func now() -> Duration {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return .seconds(time.tv_sec) + .nanoseconds(time.tv_nsec)
  }

  /// The CPU time `body` takes.
  static func measure(_ body: () -> Void) -> Duration {
    let started = now()
    body()
    return now() - started
  }
}
