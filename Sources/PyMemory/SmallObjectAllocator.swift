/// pymalloc: blocks of 1…512 bytes carved from 16 KiB pools carved from 1 MiB arenas.
///
/// ```
///  usedPools[class] ─► pool ⇄ pool ⇄ …          (ring of pools with free blocks)
///                        │
///                        ▼ freeBlock ─► block ─► block ─► nil
///  usableArenas ─► arena ⇄ arena ⇄ …             (sorted by free pools, fullest first)
///                    │
///                    ▼ freePools ─► empty pool ─► …
/// ```
///
/// The fast paths, ``allocate(sizeClass:)`` and ``free(_:)``, are a handful of loads and
/// stores and are inlined into callers; every transition between pool states goes through
/// an `@inline(never)` function in `SmallObjectAllocator+Slow.swift`.
///
/// This value lives inside ``HeapState`` in memory the heap owns and is reached through an
/// `UnsafeMutablePointer`, so its mutations pay no dynamic exclusivity checks.
///
/// CPython: Objects/obmalloc.c, `pymalloc_alloc()`, `pymalloc_free()` and their helpers.
@usableFromInline
struct SmallObjectAllocator {
  /// 32 sentinel pool headers (48 bytes each); sentinel `c` heads the ring of class `c`.
  /// The ring is empty when the sentinel's `nextPool` is the sentinel itself.
  /// CPython: `usedpools[]` (which overlays only the two link words).
  @usableFromInline let usedPools: UnsafeMutableRawPointer
  @usableFromInline var addressMap: AddressMap

  /// The arena descriptor table (`arenas`, `maxarenas`).
  var arenas: UnsafeMutablePointer<ArenaObject>
  var arenaCapacity: Int
  /// Head of the singly linked list of unused descriptors (`unused_arena_objects`).
  var unusedArenaObjects: Int32 = ArenaObject.none
  /// Head of the usable-arenas list, fewest free pools first (`usable_arenas`).
  var usableArenas: Int32 = ArenaObject.none
  /// `lastArenaWithFreeCount[n]`: the last arena in `usableArenas` with `n` free pools, so
  /// that keeping the list sorted costs O(1) (`nfp2lasta`).
  let lastArenaWithFreeCount: UnsafeMutablePointer<Int32>
  /// The one wholly empty arena kept mapped to stop map/unmap thrashing (bpo-37257).
  var spareArena: Int32 = ArenaObject.none

  var pages: PageAllocator
  /// Give the pages of pools that return to their arena back to the OS (`madvise`).
  var discardEmptyPools = false
  /// Fault in a new arena at once when it is mapped because every other arena is full.
  var prefaultGrowingArenas = true
  /// Bytes of a pool past its first page, when pages are smaller than pools; else 0.
  let discardablePoolBytes: Int

  /// Counters behind `_debugmallocstats()`.
  var arenasAllocatedTotal = 0
  var arenasReclaimed = 0
  var arenasHighWater = 0
  var arenasCurrent = 0

  /// The heap's byte budget, charged one arena at a time. It lives in ``HeapState``.
  let budget: UnsafeMutablePointer<HeapBudget>

  init(pages: PageAllocator, budget: UnsafeMutablePointer<HeapBudget>) throws(OSMemoryError) {
    self.pages = pages
    self.budget = budget
    let pageSize = PageAllocator.pageSize
    discardablePoolBytes = pageSize < SizeClass.poolSize ? SizeClass.poolSize - pageSize : 0
    addressMap = try AddressMap(pages: &self.pages)
    let sentinelBytes = SizeClass.count * SizeClass.poolOverhead
    usedPools = UnsafeMutableRawPointer.allocate(byteCount: sentinelBytes, alignment: SizeClass.alignment)
    for index in 0..<SizeClass.count {
      let sentinel = Pool(usedPools + index * SizeClass.poolOverhead)
      sentinel.nextPool = sentinel
      sentinel.prevPool = sentinel
      sentinel.count = 0
      sentinel.sizeClass = index
      sentinel.freeBlock = nil
    }
    lastArenaWithFreeCount = .allocate(capacity: SizeClass.poolsPerArena + 1)
    lastArenaWithFreeCount.initialize(repeating: ArenaObject.none, count: SizeClass.poolsPerArena + 1)
    arenas = .allocate(capacity: 0)
    arenaCapacity = 0
  }

  /// Unmaps every arena and frees the bookkeeping. Blocks still out become invalid.
  mutating func tearDown() {
    for index in 0..<arenaCapacity {
      if let address = arenas[index].address {
        pages.unmap(address, byteCount: SizeClass.arenaSize)
      }
    }
    addressMap.release(pages: &pages)
    arenas.deinitialize(count: arenaCapacity)
    arenas.deallocate()
    lastArenaWithFreeCount.deallocate()
    usedPools.deallocate()
  }

  /// The sentinel heading the ring of class `index`.
  @inlinable @inline(__always)
  func sentinel(_ index: Int) -> Pool {
    // Safe: index < 32, so the offset stays inside the 32 sentinels.
    Pool(usedPools + index &* SizeClass.poolOverhead)
  }

  /// Whether `pointer` is a block of ours (or at least inside one of our arenas).
  @inlinable @inline(__always)
  func owns(_ pointer: UnsafeRawPointer) -> Bool { addressMap.contains(pointer) }

  /// Returns a block of class `index`, or nil when no arena can be had (OS refusal or the
  /// heap limit).
  /// - Precondition: `index` < 32 (callers derive it from a checked request size).
  @inlinable @inline(__always)
  mutating func allocate(sizeClass index: Int) -> UnsafeMutableRawPointer? {
    let head = sentinel(index)
    let pool = head.nextPool
    guard _fastPath(pool != head) else { return allocateFromNewPool(sizeClass: index) }
    _pymemInvariant(pool.sizeClass == index && pool.freeBlock != nil, "pool in ring \(index) is not a usable pool of its class")
    // Safe: a pool stays in its ring only while it has a free block.
    let block = pool.freeBlock.unsafelyUnwrapped
    _pymemInvariant(pool.isBlockStart(block), "free list of a class-\(index) pool holds \(block)")
    pool.count &+= 1
    let next = block.load(as: UnsafeMutableRawPointer?.self)
    pool.freeBlock = next
    if _slowPath(next == nil) { extend(pool) }
    return block
  }

  /// The pool's free list ran dry: carve the next never-used block, or, when none is left,
  /// unlink the now full pool from its ring.
  /// CPython: Objects/obmalloc.c, `pymalloc_pool_extend()`.
  @inlinable @inline(__always)
  func extend(_ pool: Pool) {
    let offset = pool.nextOffset
    if offset <= pool.maxNextOffset {
      let block = pool.base + offset
      block.storeBytes(of: nil, as: UnsafeMutableRawPointer?.self)
      pool.freeBlock = block
      // Safe: offset <= maxNextOffset = poolSize - blockSize, so the sum is <= poolSize.
      pool.nextOffset = offset &+ pool.blockSize
    } else {
      unlinkFull(pool)
    }
  }

  /// Returns `block` to its pool.
  /// - Returns: false when `block` is not ours (the caller hands it to the system allocator).
  @inlinable @inline(__always)
  mutating func free(_ block: UnsafeMutableRawPointer) -> Bool {
    guard _fastPath(owns(block)) else { return false }
    let pool = Pool(containing: block)
    _pymemInvariant(pool.count > 0 && pool.sizeClass < SizeClass.count && pool.isBlockStart(block),
                    "free of \(block): not a block handed out by its pool")
    let last = pool.freeBlock
    block.storeBytes(of: last, as: UnsafeMutableRawPointer?.self)
    pool.freeBlock = block
    let count = pool.count &- 1
    pool.count = count
    if _slowPath(last == nil || count == 0) { poolChangedState(pool, wasFull: last == nil) }
    return true
  }

  /// The size of the block at `pointer` if it is ours.
  @inlinable
  func blockSize(of pointer: UnsafeRawPointer) -> Int? {
    guard owns(pointer) else { return nil }
    return Pool(containing: UnsafeMutableRawPointer(mutating: pointer)).blockSize
  }

  /// With the `ExpensiveChecks` trait: the whole allocator is verified after each pool-state
  /// transition; a broken invariant stops the process with the verifier's report.
  @inline(__always)
  func verifyAfterTransition() {
    #if PYMEM_EXPENSIVE_CHECKS
    var report = HeapVerifierReport()
    verify(into: &report)
    precondition(report.isValid, "heap verifier after a pool-state transition:\n\(report)")
    #endif
  }

  /// Descriptor access by index.
  @inline(__always)
  func arena(_ index: Int32) -> UnsafeMutablePointer<ArenaObject> {
    arenas + Int(index)
  }
}
