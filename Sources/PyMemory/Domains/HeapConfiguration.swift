/// How a ``Heap`` is built. Chosen once, when the heap is created.
public struct HeapConfiguration: Sendable {
  /// The debug layer (CPython's `PYTHONMALLOC=debug`): guard bytes around every block, fill
  /// patterns, serial numbers, and a stop with a report on overrun, underrun, double free,
  /// a foreign pointer or the wrong domain. Slower; for finding bugs.
  public var debugHooks: Bool
  /// The most bytes the heap may hold from the system (mapped arenas plus large blocks), or
  /// nil for no limit. See `HeapBudget`.
  public var byteLimit: Int?
  /// Returns arena pages of pools that go back to an arena's free list to the OS at once
  /// (`madvise(MADV_DONTNEED)`), so resident memory follows the live data even while the
  /// arena stays mapped. Off by default, like CPython.
  public var discardEmptyPools: Bool
  /// When every mapped arena is full and the heap maps another, fault the new arena in with
  /// one `madvise(MADV_POPULATE_WRITE)` instead of a trap per page as pools are carved: a
  /// heap that grows by whole arenas usually fills them, and on a VM a page-fault trap costs
  /// microseconds. The cost is at most one arena (1 MiB) resident before it is used. The
  /// first arena is always touched lazily, as in CPython.
  public var prefaultGrowingArenas: Bool
  /// The page allocator, for tests that make maps fail (`PageAllocator(failAfter:)`).
  public var pageAllocator: PageAllocator

  public init(debugHooks: Bool = false, byteLimit: Int? = nil, discardEmptyPools: Bool = false,
              prefaultGrowingArenas: Bool = true, pageAllocator: PageAllocator = PageAllocator()) {
    precondition(byteLimit.map { $0 >= 0 } ?? true, "HeapConfiguration: byteLimit must not be negative")
    self.debugHooks = debugHooks
    self.byteLimit = byteLimit
    self.discardEmptyPools = discardEmptyPools
    self.prefaultGrowingArenas = prefaultGrowingArenas
    self.pageAllocator = pageAllocator
  }
}
