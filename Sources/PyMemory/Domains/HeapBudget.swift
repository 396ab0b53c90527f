/// The optional byte budget of a heap (the heap limit).
///
/// What it counts is the heap's footprint, the memory it holds from the system: every mapped
/// arena (1 MiB each, whatever its fill) plus the usable size of every block it obtained from
/// the C library (requests of 0 or more than 512 bytes, and the raw domain). Charging happens
/// only on slow paths, when an arena is mapped or a large block is obtained, so the pool fast
/// paths never look at the budget. A request that would pass the limit fails with nil and
/// changes nothing; the runtime turns that nil into `MemoryError`.
@usableFromInline
struct HeapBudget {
  /// Bytes the heap may hold; `Int.max` means no limit.
  var limit: Int
  /// Bytes the heap holds now.
  var used = 0
  /// The most it ever held.
  var peak = 0

  init(limit: Int?) { self.limit = limit ?? .max }

  /// Charges `byteCount` if it fits under the limit.
  mutating func reserve(_ byteCount: Int) -> Bool {
    guard byteCount <= limit - used else { return false }
    used += byteCount
    if used > peak { peak = used }
    return true
  }

  mutating func release(_ byteCount: Int) {
    used -= byteCount
    _pymemInvariant(used >= 0, "heap budget released more than it charged")
  }
}
