/// Where the random-replacement loops get their request sizes. Generic like
/// ``BlockAllocator``, and specialised the same way: a fixed size costs nothing per op.
protocol SizeSource {
  func next(_ random: inout Xoshiro256StarStar) -> Int
}

/// Always the same size (the per-size cases).
struct FixedSize: SizeSource {
  let byteCount: Int

  @inline(__always)
  func next(_ random: inout Xoshiro256StarStar) -> Int { byteCount }
}

/// Uniform over 1…512 bytes: every one of the 32 size classes equally likely (the "mixed"
/// case, as in SWIFT-PERFORMANCE.md §1(c)).
struct UniformSmallSize: SizeSource {
  @inline(__always)
  func next(_ random: inout Xoshiro256StarStar) -> Int { 1 &+ random.next(below: 512) }
}
