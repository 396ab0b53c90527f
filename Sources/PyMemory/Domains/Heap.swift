/// A private heap: the memory every Python object of one interpreter lives in.
///
/// Requests of 1…512 bytes in the mem and object domains are served by the small-object
/// allocator (pymalloc's design: size classes → pools → arenas); everything else goes to the
/// C library. Each heap is independent: it owns its arenas, its bookkeeping and its limit.
///
/// ```swift
/// let heap = Heap()
/// let p = heap.allocate(byteCount: 40)!          // object domain, class 2 (48-byte blocks)
/// heap.free(p)
/// print(heap.statistics.arenasCurrent)
/// ```
///
/// Contracts (CPython's PEP 445 allocator contract):
/// - `allocate(byteCount: 0)` returns a unique non-nil pointer.
/// - Sizes above `Int.max`, and `allocateZeroed` products that overflow, return nil.
/// - `reallocate(nil, …)` allocates; `reallocate(p, byteCount: 0)` does not free.
/// - `free(nil)` does nothing.
/// - Memory goes back through the domain it came from.
/// - A failure (the OS refuses memory, or the heap limit would be passed) returns nil and
///   leaves the heap as it was.
///
/// The heap is not thread-safe: one thread at a time, like CPython under the GIL.
public struct Heap: ~Copyable {
  @usableFromInline let state: UnsafeMutablePointer<HeapState>

  /// Creates a heap. Maps only the address map's reservation; arenas come on demand.
  public init(_ configuration: HeapConfiguration = HeapConfiguration()) {
    let budget = UnsafeMutablePointer<HeapBudget>.allocate(capacity: 1)
    budget.initialize(to: HeapBudget(limit: configuration.byteLimit))
    let small: SmallObjectAllocator
    do {
      small = try SmallObjectAllocator(pages: configuration.pageAllocator, budget: budget)
    } catch {
      preconditionFailure("Heap: cannot reserve the 32 MiB address map: \(error)")
    }
    state = .allocate(capacity: 1)
    state.initialize(to: HeapState(
      small: small, isPlain: true,
      debug: configuration.debugHooks ? DebugBlockTable() : nil,
      traceHook: nil, budget: budget, largeBlocks: LargeBlockList()))
    state.pointee.small.discardEmptyPools = configuration.discardEmptyPools
    state.pointee.small.prefaultGrowingArenas = configuration.prefaultGrowingArenas
    state.pointee.updatePlainFlag()
  }

  deinit {
    state.pointee.tearDown()
    state.deinitialize(count: 1)
    state.deallocate()
  }

  // MARK: - The domain functions

  /// Allocates `byteCount` bytes (uninitialized, 16-byte aligned) in `domain`.
  /// CPython: `PyObject_Malloc`, `PyMem_Malloc`, `PyMem_RawMalloc`.
  @inlinable @inline(__always)
  public func allocate(byteCount: Int, domain: MemoryDomain = .object) -> UnsafeMutableRawPointer? {
    let state = self.state
    // Safe: byteCount - 1 wraps 0 (and negatives) to huge values, which fail the test.
    if _fastPath(state.pointee.isPlain && domain.usesPools
                 && UInt(bitPattern: byteCount &- 1) < UInt(SizeClass.smallRequestThreshold)) {
      return state.pointee.small.allocate(sizeClass: SizeClass.index(forRequest: byteCount))
    }
    return state.pointee.allocateSlow(byteCount: byteCount, domain: domain, zeroed: false)
  }

  /// Frees a block of `domain`. `nil` is ignored.
  /// CPython: `PyObject_Free`, `PyMem_Free`, `PyMem_RawFree`.
  @inlinable @inline(__always)
  public func free(_ pointer: UnsafeMutableRawPointer?, domain: MemoryDomain = .object) {
    let state = self.state
    guard let pointer else { return }
    if _fastPath(state.pointee.isPlain && domain.usesPools) {
      if _fastPath(state.pointee.small.free(pointer)) { return }
    }
    state.pointee.freeSlow(pointer, domain: domain)
  }

  /// Allocates `count * size` zeroed bytes, or nil if the product overflows.
  /// CPython: `PyObject_Calloc` and friends.
  public func allocateZeroed(count: Int, size: Int, domain: MemoryDomain = .object) -> UnsafeMutableRawPointer? {
    let (total, overflow) = count.multipliedReportingOverflow(by: size)
    guard !overflow, count >= 0, size >= 0 else { return nil }
    return state.pointee.allocateSlow(byteCount: total, domain: domain, zeroed: true)
  }

  /// Resizes a block, in place when its size class does not change.
  /// CPython: `PyObject_Realloc` and friends.
  public func reallocate(_ pointer: UnsafeMutableRawPointer?, byteCount: Int,
                         domain: MemoryDomain = .object) -> UnsafeMutableRawPointer? {
    state.pointee.reallocate(pointer, byteCount: byteCount, domain: domain)
  }

  // MARK: - Questions

  /// Whether `pointer` lies in one of this heap's arenas. O(1); reads only the heap's own
  /// address map, never the memory at `pointer`.
  /// CPython: Objects/obmalloc.c, `address_in_range()`.
  @inlinable
  public func owns(_ pointer: UnsafeRawPointer) -> Bool { state.pointee.small.owns(pointer) }

  /// Blocks handed out by the mem and object domains and not yet freed: pool blocks plus
  /// the large blocks those domains passed to the C library.
  /// CPython: `sys.getallocatedblocks()`.
  public var allocatedBlocks: Int { state.pointee.allocatedBlocks }

  /// Bytes the heap holds from the system now (mapped arenas plus large blocks).
  public var footprint: Int { state.pointee.budget.pointee.used }
  /// The most the heap ever held.
  public var peakFootprint: Int { state.pointee.budget.pointee.peak }
  /// The heap limit, if any.
  public var byteLimit: Int? {
    let limit = state.pointee.budget.pointee.limit
    return limit == .max ? nil : limit
  }
  /// Whether the debug layer is on.
  public var hasDebugHooks: Bool { state.pointee.debug != nil }
}
