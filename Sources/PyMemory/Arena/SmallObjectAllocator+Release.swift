/// Giving empty arenas back to the OS.
///
/// An arena is *empty* when every pool in it is free or a cached empty pool. Each time a
/// pool of an arena empties, the arena is checked; an empty arena is released at once, except
/// that one empty arena, the *spare*, stays mapped so that a program hovering at an arena
/// boundary does not map and unmap on every turn. When a second arena empties, the older
/// spare is released if it is still empty, and the newer one becomes the spare. So after a
/// program frees everything, at most one arena remains mapped.
///
/// CPython keeps "the last arena of `usable_arenas`" for the same reason (bpo-37257) and
/// releases in `insert_to_freepool()`.
extension SmallObjectAllocator {
  /// Cached empty pools are at most one per class, so an arena with fewer than
  /// `total - 32` free pools cannot be empty: the common case costs one comparison.
  mutating func releaseArenaIfEmpty(_ index: Int32) {
    let arena = self.arena(index)
    let free = arena.pointee.freePoolCount
    let total = arena.pointee.totalPoolCount
    guard free + SizeClass.count >= total, index != spareArena else { return }
    guard free + cachedPoolCount(in: index) == total else { return }
    let oldSpare = spareArena
    spareArena = index
    if oldSpare != ArenaObject.none, isEmpty(oldSpare) { releaseArena(oldSpare) }
  }

  /// Whether every pool of arena `index` is free or cached.
  func isEmpty(_ index: Int32) -> Bool {
    let arena = self.arena(index)
    return arena.pointee.freePoolCount + cachedPoolCount(in: index) == arena.pointee.totalPoolCount
  }

  /// Cached empty pools of arena `index`: the sole, empty pools of rings that lie in it.
  func cachedPoolCount(in index: Int32) -> Int {
    var count = 0
    forEachCachedPool(in: index) { _ in count += 1 }
    return count
  }

  func forEachCachedPool(in index: Int32, _ body: (Pool) -> Void) {
    guard let base = arena(index).pointee.address else { return }
    for sizeClass in 0..<SizeClass.count {
      let head = sentinel(sizeClass)
      let first = head.nextPool
      if first != head && first.count == 0 && first.base >= base && first.base < base + SizeClass.arenaSize {
        body(first)
      }
    }
  }

  /// Unmaps an empty arena: its cached pools leave their rings, the arena leaves
  /// `usableArenas` and the address map, and its descriptor goes back to the unused list.
  mutating func releaseArena(_ index: Int32) {
    let arena = self.arena(index)
    // Safe: only mapped arenas are ever released.
    let base = arena.pointee.address.unsafelyUnwrapped
    for sizeClass in 0..<SizeClass.count {
      let head = sentinel(sizeClass)
      let pool = head.nextPool
      guard pool != head && pool.count == 0 && pool.base >= base && pool.base < base + SizeClass.arenaSize
      else { continue }
      unlinkFull(pool)
      pool.nextFreePool = arena.pointee.freePools
      arena.pointee.freePools = pool.base
      arenaGainedFreePool(index)
    }
    let total = arena.pointee.totalPoolCount
    _pymemInvariant(arena.pointee.freePoolCount == total, "releasing an arena with pools in use")
    if lastArenaWithFreeCount[total] == index {
      let prev = arena.pointee.prevArena
      lastArenaWithFreeCount[total] =
        prev != ArenaObject.none && self.arena(prev).pointee.freePoolCount == total ? prev : ArenaObject.none
    }
    unlinkUsable(index)
    if spareArena == index { spareArena = ArenaObject.none }
    addressMap.set(base, isMapped: false)
    pages.unmap(base, byteCount: SizeClass.arenaSize)
    budget.pointee.release(SizeClass.arenaSize)
    arena.pointee = .unused
    arena.pointee.nextArena = unusedArenaObjects
    unusedArenaObjects = index
    arenasReclaimed += 1
    arenasCurrent -= 1
  }
}
