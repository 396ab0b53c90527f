/// The layout of the small-object heap at one moment: every mapped arena and the state of
/// each of its 64 pools. What `pyheap --heap-map` draws.
///
/// Computed by walking the arenas, like ``AllocatorStatistics``; nothing is cached.
public struct HeapMap: Sendable, Equatable {
  /// One pool of an arena.
  public enum PoolState: Sendable, Equatable {
    /// Serving one size class, with `blocksInUse` of its `capacity` blocks handed out.
    case used(sizeClass: Int, blocksInUse: Int, capacity: Int)
    /// Carved once, now with no block out (on its arena's free list or cached empty).
    case empty
    /// Never carved since the arena was mapped (its pages may not even be resident).
    case untouched

    /// Bytes in blocks handed out.
    public var bytesInUse: Int {
      if case .used(let sizeClass, let blocksInUse, _) = self { return blocksInUse * SizeClass.blockSize(ofClass: sizeClass) }
      return 0
    }
  }

  /// One mapped arena.
  public struct Arena: Sendable, Equatable {
    /// The descriptor's index in the heap's arena table.
    public var index: Int
    /// The arena's base address.
    public var address: UInt
    /// `SizeClass.poolsPerArena` pools, in address order.
    public var pools: [PoolState]
  }

  /// Mapped arenas, by descriptor index.
  public var arenas: [Arena]
}

extension SmallObjectAllocator {
  func heapMap() -> HeapMap {
    var arenas: [HeapMap.Arena] = []
    for index in 0..<arenaCapacity {
      let arena = self.arenas[index]
      guard let base = arena.address, let carvedEnd = arena.poolAddress else { continue }
      var pools: [HeapMap.PoolState] = []
      pools.reserveCapacity(SizeClass.poolsPerArena)
      for slot in 0..<SizeClass.poolsPerArena {
        let address = base + slot * SizeClass.poolSize
        guard address < carvedEnd else {
          pools.append(.untouched)
          continue
        }
        let pool = Pool(address)
        if pool.count == 0 {
          pools.append(.empty)
        } else {
          pools.append(.used(sizeClass: pool.sizeClass, blocksInUse: Int(pool.count), capacity: pool.capacity))
        }
      }
      arenas.append(HeapMap.Arena(index: index, address: UInt(bitPattern: base), pools: pools))
    }
    return HeapMap(arenas: arenas)
  }
}

extension Heap {
  /// The arenas and pools now, computed by walking the heap.
  public var map: HeapMap { state.pointee.small.heapMap() }
}

extension Heap {
  /// The block size of the pool holding `pointer`, or nil when `pointer` is not in one of
  /// this heap's arenas (a C-library block). Reads the address map and the pool header
  /// only; safe to call from a trace hook.
  @inlinable
  public func pooledBlockSize(of pointer: UnsafeRawPointer) -> Int? {
    guard owns(pointer) else { return nil }
    return Pool(containing: UnsafeMutableRawPointer(mutating: pointer)).blockSize
  }
}
