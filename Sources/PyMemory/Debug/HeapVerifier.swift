/// The result of walking the whole heap: every broken invariant, in words.
public struct HeapVerifierReport: Sendable, CustomStringConvertible {
  /// One sentence per problem found; empty when the heap is sound.
  public var problems: [String] = []
  /// Pools and blocks visited, so a test can see the walk covered something.
  public var poolsVisited = 0
  public var freeBlocksVisited = 0

  public var isValid: Bool { problems.isEmpty }
  public var description: String {
    isValid ? "heap OK (\(poolsVisited) pools, \(freeBlocksVisited) free blocks)"
      : problems.joined(separator: "\n")
  }
}

extension Heap {
  /// Walks arenas, pools and free lists and checks every invariant of the allocator (and,
  /// with the debug layer on and `checkingGuards`, every live block's guard bytes).
  /// O(heap size); without the guards, O(pools + free blocks in partly used pools).
  public func verify(checkingGuards: Bool = true) -> HeapVerifierReport { state.pointee.verify(checkingGuards: checkingGuards) }
}

extension HeapState {
  func verify(checkingGuards: Bool = true) -> HeapVerifierReport {
    var report = HeapVerifierReport()
    small.verify(into: &report)
    for (record, damage) in checkingGuards ? debugCorruptBlocks() : [] {
      report.problems.append("debug block serial \(record.serial) (\(record.byteCount) bytes, API '\(record.domain.apiID)') has a damaged guard: \(damage)")
    }
    if budget.pointee.used < small.arenasCurrent * SizeClass.arenaSize {
      report.problems.append("budget counts \(budget.pointee.used) bytes, less than the mapped arenas")
    }
    return report
  }
}

/// The invariants, checked one structure at a time.
/// CPython's counterpart is scattered `assert`s plus `_PyObject_DebugMallocStats()`'s walk.
extension SmallObjectAllocator {
  func verify(into report: inout HeapVerifierReport) {
    var poolsInRings = Set<UnsafeMutableRawPointer>()
    verifyRings(into: &report, collecting: &poolsInRings)
    var poolsOnFreeLists = Set<UnsafeMutableRawPointer>()
    verifyArenas(into: &report, collecting: &poolsOnFreeLists)
    verifyUsableOrder(into: &report)
    verifyCarvedPools(into: &report, inRings: poolsInRings, onFreeLists: poolsOnFreeLists)
  }

  /// Each ring is a consistent doubly linked cycle of owned pools of its class, each with a
  /// sound free list; an empty pool is in a ring only alone (cached).
  private func verifyRings(into report: inout HeapVerifierReport, collecting pools: inout Set<UnsafeMutableRawPointer>) {
    for sizeClass in 0..<SizeClass.count {
      let head = sentinel(sizeClass)
      var pool = head.nextPool
      var previous = head
      var length = 0
      while pool != head {
        length += 1
        if length > arenasCurrent * SizeClass.poolsPerArena {
          report.problems.append("class \(sizeClass): ring does not close")
          break
        }
        if pool.prevPool != previous { report.problems.append("class \(sizeClass): broken prev link at \(pool.base)") }
        guard owns(pool.base) else {
          report.problems.append("class \(sizeClass): ring holds a pool outside every arena")
          break
        }
        pools.insert(pool.base)
        if pool.sizeClass != sizeClass { report.problems.append("pool \(pool.base) in ring \(sizeClass) serves class \(pool.sizeClass)") }
        if pool.count == 0 && !(head.nextPool == pool && pool.nextPool == head) {
          report.problems.append("class \(sizeClass): an empty pool shares its ring")
        }
        if pool.freeBlock == nil { report.problems.append("class \(sizeClass): a full pool is in the ring") }
        verifyFreeList(pool, into: &report)
        previous = pool
        pool = pool.nextPool
      }
      if head.prevPool != previous { report.problems.append("class \(sizeClass): sentinel prev link is stale") }
    }
  }

  /// count + free-list length + never-carved blocks == capacity; free blocks are distinct
  /// block starts below the carve line.
  func verifyFreeList(_ pool: Pool, into report: inout HeapVerifierReport) {
    report.poolsVisited += 1
    let capacity = pool.capacity
    var free = 0
    var cursor = pool.freeBlock
    var seen = Set<UnsafeMutableRawPointer>()
    while let block = cursor {
      guard pool.isBlockStart(block), block - pool.base < pool.nextOffset, seen.insert(block).inserted else {
        report.problems.append("pool \(pool.base): free list holds \(block), not a free block of the pool")
        return
      }
      free += 1
      cursor = block.load(as: UnsafeMutableRawPointer?.self)
    }
    report.freeBlocksVisited += free
    let virgin = pool.nextOffset <= pool.maxNextOffset ? (pool.maxNextOffset - pool.nextOffset) / pool.blockSize + 1 : 0
    if Int(pool.count) + free + virgin != capacity {
      report.problems.append("pool \(pool.base): \(pool.count) used + \(free) free + \(virgin) virgin != \(capacity)")
    }
  }

  /// Descriptors: mapped ones are aligned and in the address map, with free-pool lists of
  /// empty pools whose length plus never-carved pools is the free-pool count.
  private func verifyArenas(into report: inout HeapVerifierReport, collecting pools: inout Set<UnsafeMutableRawPointer>) {
    var mapped = 0
    var emptyArenas = 0
    for index in 0..<arenaCapacity {
      let arena = arenas[index]
      guard let base = arena.address else { continue }
      mapped += 1
      if UInt(bitPattern: base) & SizeClass.arenaMask != 0 { report.problems.append("arena \(index) is not aligned") }
      if !owns(base) || !owns(base + SizeClass.arenaSize - 1) { report.problems.append("arena \(index) is missing from the address map") }
      var onList = 0
      var cursor = arena.freePools
      while let current = cursor, onList <= arena.totalPoolCount {
        let pool = Pool(current)
        pools.insert(current)
        if pool.count != 0 { report.problems.append("arena \(index): a pool on its free list has blocks out") }
        if current < base || current >= base + SizeClass.arenaSize { report.problems.append("arena \(index): free list leaves the arena") }
        if pool.sizeClass != Pool.noSizeClass && pool.sizeClass < SizeClass.count { verifyFreeList(pool, into: &report) }
        onList += 1
        cursor = pool.nextFreePool
      }
      if onList + arena.virginPoolCount != arena.freePoolCount {
        report.problems.append("arena \(index): \(onList) listed + \(arena.virginPoolCount) virgin pools != nfreepools \(arena.freePoolCount)")
      }
      if isEmpty(Int32(index)) { emptyArenas += 1 }
    }
    if mapped != arenasCurrent { report.problems.append("\(mapped) arenas mapped, but the count says \(arenasCurrent)") }
    if emptyArenas > 1 { report.problems.append("\(emptyArenas) empty arenas are mapped; at most one spare is kept") }
    if spareArena != ArenaObject.none && arena(spareArena).pointee.address == nil {
      report.problems.append("the spare arena is not mapped")
    }
  }

  /// `usableArenas` holds exactly the arenas with free pools, sorted ascending, with correct
  /// back links and run markers.
  private func verifyUsableOrder(into report: inout HeapVerifierReport) {
    var index = usableArenas
    var previous = ArenaObject.none
    var lastCount = 0
    var listed = 0
    var lastOfRun = [Int32](repeating: ArenaObject.none, count: SizeClass.poolsPerArena + 1)
    while index != ArenaObject.none {
      listed += 1
      if listed > arenaCapacity { report.problems.append("usableArenas does not end"); return }
      let arena = self.arena(index).pointee
      if arena.prevArena != previous { report.problems.append("usableArenas: broken prev link at arena \(index)") }
      if arena.freePoolCount == 0 { report.problems.append("usableArenas holds a full arena") }
      if arena.freePoolCount < lastCount { report.problems.append("usableArenas is not sorted by free pools") }
      lastCount = arena.freePoolCount
      lastOfRun[arena.freePoolCount] = index
      previous = index
      index = arena.nextArena
    }
    let withFree = (0..<arenaCapacity).filter { arenas[$0].address != nil && arenas[$0].freePoolCount > 0 }.count
    if withFree != listed { report.problems.append("\(withFree) arenas have free pools but \(listed) are usable") }
    for count in 1...SizeClass.poolsPerArena where lastOfRun[count] != lastArenaWithFreeCount[count] {
      report.problems.append("nfp2lasta[\(count)] is \(lastArenaWithFreeCount[count]), expected \(lastOfRun[count])")
    }
  }

  /// Every carved pool is in exactly one state: used (in a ring), full (free list empty, in
  /// no ring), or empty (on its arena's free list).
  private func verifyCarvedPools(into report: inout HeapVerifierReport, inRings: Set<UnsafeMutableRawPointer>,
                                 onFreeLists: Set<UnsafeMutableRawPointer>) {
    for index in 0..<arenaCapacity {
      guard let base = arenas[index].address, let end = arenas[index].poolAddress else { continue }
      var address = base
      while address < end {
        let pool = Pool(address)
        let inRing = inRings.contains(address)
        let onList = onFreeLists.contains(address)
        if pool.arenaIndex != index { report.problems.append("pool \(address) names arena \(pool.arenaIndex), lives in \(index)") }
        if inRing && onList { report.problems.append("pool \(address) is both used and free") }
        if !inRing && !onList {
          if pool.sizeClass >= SizeClass.count || Int(pool.count) != pool.capacity || pool.freeBlock != nil {
            report.problems.append("pool \(address) is in no list but is not full")
          } else {
            report.poolsVisited += 1
          }
        }
        address += SizeClass.poolSize
      }
    }
  }
}
