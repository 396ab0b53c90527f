/// A snapshot of the small-object allocator, computed by walking every arena and pool (as
/// CPython's `_PyObject_DebugMallocStats()` does), plus the heap's own counters.
///
/// The byte figures add up: allocated + available + unused pools + pool headers +
/// quantization + arena alignment = arenas × 1 MiB.
public struct AllocatorStatistics: Sendable, Equatable {
  /// One row per size class, all 32, in class order.
  public var sizeClasses: [SizeClassStatistics]
  /// Arenas ever mapped (`ntimes_arena_allocated`).
  public var arenasAllocatedTotal: Int
  /// Arenas given back to the OS.
  public var arenasReclaimed: Int
  /// The most arenas mapped at once (`narenas_highwater`).
  public var arenasHighWater: Int
  /// Arenas mapped now.
  public var arenasCurrent: Int
  /// Bytes in blocks handed out (block sizes, not request sizes).
  public var bytesInAllocatedBlocks: Int
  /// Bytes in free blocks of pools in use.
  public var bytesInAvailableBlocks: Int
  /// Pools with no block out: on arena free lists, never carved, or cached empty.
  public var unusedPools: Int
  public var bytesLostToPoolHeaders: Int
  /// Bytes at the end of pools in use that no whole block fits in.
  public var bytesLostToQuantization: Int
  /// Always 0: arenas are mapped size-aligned (CPython loses 16 KiB per unaligned arena).
  public var bytesLostToArenaAlignment: Int
  /// Blocks of the mem and object domains served by the C library (0 or > 512 bytes).
  public var largeBlocks: Int
  /// Bytes the heap holds from the system (arenas + C-library blocks) and its peak.
  public var footprint: Int
  public var peakFootprint: Int
  /// Pages of the address map's bitmap that hold at least one arena bit.
  public var addressMapPagesTouched: Int

  /// Bytes in mapped arenas.
  public var arenaBytes: Int { arenasCurrent * SizeClass.arenaSize }
  /// Pool blocks in use plus large blocks: `sys.getallocatedblocks()`.
  public var allocatedBlocks: Int { sizeClasses.reduce(0) { $0 + $1.blocksInUse } + largeBlocks }
  /// Share of arena bytes not holding live data: 1 − allocated / arena bytes (0 when empty).
  public var fragmentation: Double {
    arenaBytes == 0 ? 0 : 1 - Double(bytesInAllocatedBlocks) / Double(arenaBytes)
  }
}

/// One row of `_debugmallocstats()`'s table.
public struct SizeClassStatistics: Sendable, Equatable {
  public var sizeClass: Int
  public var blockSize: Int
  /// Pools serving this class with at least one block out.
  public var pools: Int
  public var blocksInUse: Int
  /// Free blocks in those pools (including never-carved ones).
  public var blocksAvailable: Int
}

extension SmallObjectAllocator {
  /// Walks every mapped arena. CPython: `_PyObject_DebugMallocStats()`.
  func statistics(largeBlocks: Int, budget: HeapBudget) -> AllocatorStatistics {
    var rows = (0..<SizeClass.count).map {
      SizeClassStatistics(sizeClass: $0, blockSize: SizeClass.blockSize(ofClass: $0),
                          pools: 0, blocksInUse: 0, blocksAvailable: 0)
    }
    var unusedPools = 0
    var bitmapPages = Set<Int>()
    for index in 0..<arenaCapacity {
      let arena = arenas[index]
      guard let base = arena.address, let end = arena.poolAddress else { continue }
      unusedPools += arena.freePoolCount
      bitmapPages.insert(Int(UInt(bitPattern: base) >> UInt(SizeClass.arenaShift)) / 8 / 4096)
      var address = base
      while address < end {
        let pool = Pool(address)
        address += SizeClass.poolSize
        let count = Int(pool.count)
        if count == 0 {
          // A cached empty pool (free-list pools are already in freePoolCount).
          if !isOnFreeList(pool, arena: arena) { unusedPools += 1 }
          continue
        }
        rows[pool.sizeClass].pools += 1
        rows[pool.sizeClass].blocksInUse += count
        rows[pool.sizeClass].blocksAvailable += pool.capacity - count
      }
    }
    var allocated = 0, available = 0, headers = 0, quantization = 0
    for row in rows {
      allocated += row.blocksInUse * row.blockSize
      available += row.blocksAvailable * row.blockSize
      headers += row.pools * SizeClass.poolOverhead
      quantization += row.pools * ((SizeClass.poolSize - SizeClass.poolOverhead) % row.blockSize)
    }
    return AllocatorStatistics(
      sizeClasses: rows, arenasAllocatedTotal: arenasAllocatedTotal, arenasReclaimed: arenasReclaimed,
      arenasHighWater: arenasHighWater, arenasCurrent: arenasCurrent,
      bytesInAllocatedBlocks: allocated, bytesInAvailableBlocks: available, unusedPools: unusedPools,
      bytesLostToPoolHeaders: headers, bytesLostToQuantization: quantization, bytesLostToArenaAlignment: 0,
      largeBlocks: largeBlocks, footprint: budget.used, peakFootprint: budget.peak,
      addressMapPagesTouched: bitmapPages.count)
  }

  /// Whether an empty pool sits on its arena's free list (rather than cached in a ring).
  func isOnFreeList(_ pool: Pool, arena: ArenaObject) -> Bool {
    var cursor = arena.freePools
    while let current = cursor {
      if current == pool.base { return true }
      cursor = Pool(current).nextFreePool
    }
    return false
  }

  /// Pool blocks handed out, summed over every carved pool (CPython computes
  /// `_Py_GetAllocatedBlocks()` the same way, on demand).
  var blocksInUse: Int {
    var total = 0
    for index in 0..<arenaCapacity {
      guard let base = arenas[index].address, let end = arenas[index].poolAddress else { continue }
      var address = base
      while address < end {
        total += Int(Pool(address).count)
        address += SizeClass.poolSize
      }
    }
    return total
  }
}

extension HeapState {
  var allocatedBlocks: Int { small.blocksInUse + largeBlockCount }
}

extension Heap {
  /// The allocator's statistics, computed now by walking the heap.
  public var statistics: AllocatorStatistics {
    state.pointee.small.statistics(largeBlocks: state.pointee.largeBlockCount, budget: state.pointee.budget.pointee)
  }
}
