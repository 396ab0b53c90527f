/// Keeping `usableArenas` sorted by free pools, fullest first, in O(1) per change.
///
/// New pools always come from the head, the arena with the fewest free pools, so that
/// lightly used arenas drain and can go back to the OS. `lastArenaWithFreeCount[n]` marks
/// the end of the run of arenas with `n` free pools; an arena that gains a pool moves just
/// past the end of its old run, which keeps the order without a scan (bpo-37029).
///
/// CPython: Objects/obmalloc.c, the `nfp2lasta` logic of `allocate_from_new_pool()` and
/// `insert_to_freepool()`.
extension SmallObjectAllocator {
  /// The head arena gave up one free pool. It stays the head: it had the fewest already.
  mutating func arenaLostFreePool(_ index: Int32) {
    let arena = self.arena(index)
    _pymemInvariant(index == usableArenas, "pools are taken from the head arena only")
    let oldCount = arena.pointee.freePoolCount
    if lastArenaWithFreeCount[oldCount] == index { lastArenaWithFreeCount[oldCount] = ArenaObject.none }
    let newCount = oldCount - 1
    arena.pointee.freePoolCount = newCount
    if newCount == 0 {
      // Full arenas are on no list.
      usableArenas = arena.pointee.nextArena
      if usableArenas != ArenaObject.none { self.arena(usableArenas).pointee.prevArena = ArenaObject.none }
      arena.pointee.nextArena = ArenaObject.none
      return
    }
    if lastArenaWithFreeCount[newCount] == ArenaObject.none { lastArenaWithFreeCount[newCount] = index }
  }

  /// `index` gained one free pool: insert it if it was full, else slide it right past the
  /// arenas that still have its old count.
  mutating func arenaGainedFreePool(_ index: Int32) {
    let arena = self.arena(index)
    let oldCount = arena.pointee.freePoolCount
    let newCount = oldCount + 1
    arena.pointee.freePoolCount = newCount

    if oldCount == 0 {
      // Was full, so on no list; one free pool makes it the fullest usable arena.
      arena.pointee.prevArena = ArenaObject.none
      arena.pointee.nextArena = usableArenas
      if usableArenas != ArenaObject.none { self.arena(usableArenas).pointee.prevArena = index }
      usableArenas = index
      if lastArenaWithFreeCount[1] == ArenaObject.none { lastArenaWithFreeCount[1] = index }
      return
    }

    let lastOfOldRun = lastArenaWithFreeCount[oldCount]
    if lastOfOldRun == index {
      let prev = arena.pointee.prevArena
      lastArenaWithFreeCount[oldCount] =
        prev != ArenaObject.none && self.arena(prev).pointee.freePoolCount == oldCount ? prev : ArenaObject.none
    }
    if lastArenaWithFreeCount[newCount] == ArenaObject.none { lastArenaWithFreeCount[newCount] = index }
    guard lastOfOldRun != index else { return }   // already last of its run: order holds

    // Unlink, then insert right after `lastOfOldRun`.
    unlinkUsable(index)
    let after = self.arena(lastOfOldRun)
    arena.pointee.prevArena = lastOfOldRun
    arena.pointee.nextArena = after.pointee.nextArena
    if after.pointee.nextArena != ArenaObject.none { self.arena(after.pointee.nextArena).pointee.prevArena = index }
    after.pointee.nextArena = index
  }

  /// Removes `index` from `usableArenas` (its run markers are the caller's business).
  mutating func unlinkUsable(_ index: Int32) {
    let arena = self.arena(index)
    let prev = arena.pointee.prevArena
    let next = arena.pointee.nextArena
    if prev != ArenaObject.none { self.arena(prev).pointee.nextArena = next } else { usableArenas = next }
    if next != ArenaObject.none { self.arena(next).pointee.prevArena = prev }
    arena.pointee.prevArena = ArenaObject.none
    arena.pointee.nextArena = ArenaObject.none
  }
}
