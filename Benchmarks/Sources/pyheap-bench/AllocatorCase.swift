/// One case of the allocator suite: what it does, how big it is, and how to run it once.
struct AllocatorCase {
  enum SizeMix {
    case fixed(Int)
    /// Uniform over 1…512 bytes.
    case uniform
    /// ``PythonSizeDistribution``.
    case python
  }

  enum Kind {
    /// ``AllocatorLoops/allocateFree(_:byteCount:iterations:alone:)``.
    case allocateFree(byteCount: Int, iterations: Int, alone: Bool)
    /// ``AllocatorLoops/fillThenFreeAll(_:byteCount:slots:)``; run in a fresh child process
    /// per implementation so that each one's resident-set peak is its own.
    case fillThenFreeAll(byteCount: Int, blocks: Int)
    /// ``AllocatorLoops/randomReplace(_:sizes:slots:replacements:seed:)``.
    case randomReplace(sizes: SizeMix, live: Int, replacements: Int)
  }

  let name: String
  let kind: Kind
  /// One line for `--list`.
  let summary: String

  /// The seed of every random case (any fixed value would do).
  static let seed: UInt64 = 0x5079_4865_6170_0001

  var runsInChildProcess: Bool {
    if case .fillThenFreeAll = kind { return true }
    return false
  }

  /// Slots the case needs for its live blocks.
  var slotCount: Int {
    switch kind {
    case .allocateFree: 0
    case .fillThenFreeAll(_, let blocks): blocks
    case .randomReplace(_, let live, _): live
    }
  }

  /// One run with `allocator`. `slots` must have ``slotCount`` entries.
  func run<A: BlockAllocator & ~Copyable>(
    _ allocator: borrowing A, slots: borrowing PointerArray, pythonSizes: PythonSizeDistribution
  ) -> Sample {
    switch kind {
    case .allocateFree(let byteCount, let iterations, let alone):
      return AllocatorLoops.allocateFree(allocator, byteCount: byteCount, iterations: iterations, alone: alone)
    case .fillThenFreeAll(let byteCount, _):
      return AllocatorLoops.fillThenFreeAll(allocator, byteCount: byteCount, slots: slots)
    case .randomReplace(let mix, _, let replacements):
      switch mix {
      case .fixed(let byteCount):
        return AllocatorLoops.randomReplace(
          allocator, sizes: FixedSize(byteCount: byteCount), slots: slots,
          replacements: replacements, seed: Self.seed)
      case .uniform:
        return AllocatorLoops.randomReplace(
          allocator, sizes: UniformSmallSize(), slots: slots, replacements: replacements, seed: Self.seed)
      case .python:
        return AllocatorLoops.randomReplace(
          allocator, sizes: pythonSizes, slots: slots, replacements: replacements, seed: Self.seed)
      }
    }
  }

  /// Every case, in output order. `quick` shrinks the work about tenfold (the 1M-block cases
  /// allocate 100k blocks); the names stay the same so that results can be compared.
  static func catalog(quick: Bool) -> [AllocatorCase] {
    let sizes = [16, 64, 256, 512]
    let pairIterations = quick ? 1_000_000 : 10_000_000
    let fillBlocks = quick ? 100_000 : 1_000_000
    let replacements = quick ? 200_000 : 2_000_000
    var cases: [AllocatorCase] = []
    for size in sizes {
      cases.append(AllocatorCase(
        name: "alloc_free_\(size)", kind: .allocateFree(byteCount: size, iterations: pairIterations, alone: false),
        summary: "allocate one \(size)-byte block and free it at once, one other block of the size live "
          + "(the pool never empties: the fast path); op = alloc+free"))
    }
    for size in sizes {
      cases.append(AllocatorCase(
        name: "alloc_free_alone_\(size)", kind: .allocateFree(byteCount: size, iterations: pairIterations, alone: true),
        summary: "allocate one \(size)-byte block and free it at once, no other block live (each free "
          + "empties the pool: the pool-thrash loop); op = alloc+free"))
    }
    for size in sizes {
      cases.append(AllocatorCase(
        name: "alloc_1m_free_all_\(size)", kind: .fillThenFreeAll(byteCount: size, blocks: fillBlocks),
        summary: "allocate \(fillBlocks) \(size)-byte blocks, then free all in order; op = one block's "
          + "alloc+free; peak RSS from a fresh child process per impl"))
    }
    for size in sizes {
      cases.append(AllocatorCase(
        name: "random_replace_\(size)",
        kind: .randomReplace(sizes: .fixed(size), live: 100_000, replacements: replacements),
        summary: "100k live \(size)-byte blocks; free a random one and allocate its replacement; op = free+alloc"))
    }
    cases.append(AllocatorCase(
      name: "random_replace_mixed",
      kind: .randomReplace(sizes: .uniform, live: 100_000, replacements: replacements),
      summary: "100k live blocks of uniform random sizes 1…512; random replacement; op = free+alloc"))
    cases.append(AllocatorCase(
      name: "python_mix",
      kind: .randomReplace(sizes: .python, live: 50_000, replacements: replacements),
      summary: "50k live blocks with CPython-like request sizes (about 5% above 512 bytes); "
        + "random replacement; op = free+alloc"))
    return cases
  }
}
