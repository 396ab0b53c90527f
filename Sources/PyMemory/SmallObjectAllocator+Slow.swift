/// The pool-state transitions: everything the fast paths hand off.
///
/// ```
///            allocate (ring empty)            last block out
///   empty ─────────────────────────► used ─────────────────► full
///     ▲                               │ ▲                      │
///     │ last block back (not alone)   │ └──────────────────────┘
///     └───────────────────────────────┘        a block back (linked at the ring's front)
///
///   used ──last block back, alone in its ring──► cached empty (stays in the ring)
/// ```
///
/// The *cached empty* state is PyHeap's: CPython sends a pool whose last block comes back to
/// its arena's free list even when it is the only pool of its class, so a loop that
/// allocates and frees one block drives a pool through the arena on every turn (the
/// "pool-thrash trap"). PyHeap leaves such a pool in its ring. Cached pools are given back
/// the moment they matter: when another pool joins the ring, and when their arena is
/// released.
extension SmallObjectAllocator {
  // MARK: - Allocation

  /// The ring of class `index` is empty: take an empty pool from the fullest usable arena
  /// (mapping a new arena if there is none), link it into the ring and return its first block.
  /// CPython: Objects/obmalloc.c, `allocate_from_new_pool()`.
  @usableFromInline @inline(never)
  mutating func allocateFromNewPool(sizeClass index: Int) -> UnsafeMutableRawPointer? {
    if usableArenas == ArenaObject.none {
      guard newArena() else { return nil }
    }
    let arenaIndex = usableArenas
    let arena = self.arena(arenaIndex)
    _pymemInvariant(arena.pointee.freePoolCount > 0, "usable arena without a free pool")
    if spareArena == arenaIndex { spareArena = ArenaObject.none }

    let pool: Pool
    var reusable = false
    if let free = arena.pointee.freePools {
      pool = Pool(free)
      arena.pointee.freePools = pool.nextFreePool
      reusable = pool.sizeClass == index
    } else {
      pool = carveVirginPool(arena)
      pool.arenaIndex = Int(arenaIndex)
      pool.sizeClass = Pool.noSizeClass
    }
    arenaLostFreePool(arenaIndex)

    let head = sentinel(index)
    pool.nextPool = head
    pool.prevPool = head
    head.nextPool = pool
    head.prevPool = pool

    if reusable {
      // An empty pool that last served this class: its free list is intact.
      // Safe: an empty pool handed out at least one block, which is on its free list.
      let block = pool.freeBlock.unsafelyUnwrapped
      pool.freeBlock = block.load(as: UnsafeMutableRawPointer?.self)
      pool.count = 1
      if pool.freeBlock == nil { extend(pool) }
      verifyAfterTransition()
      return block
    }
    let block = pool.initialize(sizeClass: index, arenaIndex: Int(arenaIndex))
    verifyAfterTransition()
    return block
  }

  /// Takes the arena's next never-used pool. In an arena that prefaults, each 256 KiB chunk
  /// (16 pools) is faulted in with one system call when its first pool is carved: 4 calls an
  /// arena instead of 256 page-fault traps, and at most 240 KiB resident before use.
  func carveVirginPool(_ arena: UnsafeMutablePointer<ArenaObject>) -> Pool {
    // Safe: the caller found freePoolCount > 0 with freePools empty, so a virgin pool remains.
    let pool = Pool(arena.pointee.poolAddress.unsafelyUnwrapped)
    arena.pointee.poolAddress = pool.base + SizeClass.poolSize
    if arena.pointee.prefaultsAhead && UInt(bitPattern: pool.base) % UInt(SizeClass.prefaultChunk) == 0 {
      pages.prefault(pool.base, byteCount: SizeClass.prefaultChunk)
    }
    return pool
  }

  /// Maps a new arena and makes it the only usable one.
  /// CPython: Objects/obmalloc.c, `new_arena()`.
  mutating func newArena() -> Bool {
    _pymemInvariant(usableArenas == ArenaObject.none, "newArena with usable arenas left")
    if unusedArenaObjects == ArenaObject.none { growArenaTable() }
    guard budget.pointee.reserve(SizeClass.arenaSize) else { return false }
    let base: UnsafeMutableRawPointer
    do {
      base = try pages.mapAligned(byteCount: SizeClass.arenaSize)
    } catch {
      budget.pointee.release(SizeClass.arenaSize)
      return false
    }
    let index = unusedArenaObjects
    let arena = self.arena(index)
    unusedArenaObjects = arena.pointee.nextArena
    arena.pointee = ArenaObject(
      address: base, poolAddress: base, freePoolCount: SizeClass.poolsPerArena,
      totalPoolCount: SizeClass.poolsPerArena, freePools: nil,
      nextArena: ArenaObject.none, prevArena: ArenaObject.none,
      // Every mapped arena is full, so the heap is growing by whole arenas: fault this one in
      // ahead of the carving, a chunk at a time (see `carveVirginPool`).
      prefaultsAhead: prefaultGrowingArenas && arenasCurrent > 0)
    addressMap.set(base, isMapped: true)
    usableArenas = index
    lastArenaWithFreeCount[SizeClass.poolsPerArena] = index
    arenasAllocatedTotal += 1
    arenasCurrent += 1
    if arenasCurrent > arenasHighWater { arenasHighWater = arenasCurrent }
    return true
  }

  /// Doubles the descriptor table (16 at first) and threads the new descriptors onto the
  /// unused list. Links are indices, so moving the table is safe.
  mutating func growArenaTable() {
    let newCapacity = arenaCapacity == 0 ? 16 : arenaCapacity * 2
    let table = UnsafeMutablePointer<ArenaObject>.allocate(capacity: newCapacity)
    table.moveInitialize(from: arenas, count: arenaCapacity)
    arenas.deallocate()
    for index in arenaCapacity..<newCapacity {
      var descriptor = ArenaObject.unused
      descriptor.nextArena = index + 1 < newCapacity ? Int32(index + 1) : unusedArenaObjects
      (table + index).initialize(to: descriptor)
    }
    unusedArenaObjects = Int32(arenaCapacity)
    arenas = table
    arenaCapacity = newCapacity
  }

  /// A pool's last free block was just handed out: it is full and leaves its ring.
  @usableFromInline
  func unlinkFull(_ pool: Pool) {
    let next = pool.nextPool
    let prev = pool.prevPool
    next.prevPool = prev
    prev.nextPool = next
  }

  // MARK: - Free

  /// A free made a full pool usable again, or emptied a pool (or both).
  /// CPython: Objects/obmalloc.c, `insert_to_usedpool()` and `insert_to_freepool()`.
  @usableFromInline @inline(never)
  mutating func poolChangedState(_ pool: Pool, wasFull: Bool) {
    if wasFull { linkAtFront(pool) }
    if pool.count == 0 { poolBecameEmpty(pool) }
    verifyAfterTransition()
  }

  /// Links a pool that was full at the front of its ring, so the block just freed is the
  /// next one handed out. A cached empty pool at the head goes back to its arena first: a
  /// ring holds an empty pool only while it holds nothing else.
  mutating func linkAtFront(_ pool: Pool) {
    let head = sentinel(pool.sizeClass)
    let first = head.nextPool
    if first != head && first.count == 0 {
      unlinkFull(first)
      returnPoolToArena(first)
    }
    let newFirst = head.nextPool
    pool.nextPool = newFirst
    pool.prevPool = head
    newFirst.prevPool = pool
    head.nextPool = pool
  }

  /// The last block of `pool` came back.
  mutating func poolBecameEmpty(_ pool: Pool) {
    let head = sentinel(pool.sizeClass)
    if pool.nextPool == head && pool.prevPool == head {
      // Alone in its ring: keep it there (cached empty). Its arena may now hold nothing.
      releaseArenaIfEmpty(Int32(pool.arenaIndex))
      return
    }
    unlinkFull(pool)
    returnPoolToArena(pool)
  }

  /// Puts an empty pool on its arena's free list, re-sorts the arena, and releases the arena
  /// if that left it empty.
  mutating func returnPoolToArena(_ pool: Pool) {
    let arenaIndex = Int32(pool.arenaIndex)
    let arena = self.arena(arenaIndex)
    pool.nextFreePool = arena.pointee.freePools
    arena.pointee.freePools = pool.base
    if discardEmptyPools && discardablePoolBytes > 0 {
      // Keep the first page (the header and the free-pool link); the rest reads as zero when
      // next touched, so the pool must be initialized afresh: forget its class.
      pages.discard(pool.base + (SizeClass.poolSize - discardablePoolBytes), byteCount: discardablePoolBytes)
      pool.sizeClass = Pool.noSizeClass
    }
    arenaGainedFreePool(arenaIndex)
    releaseArenaIfEmpty(arenaIndex)
  }
}
