/// Seeded, deterministic pseudo-random numbers, so that both implementations of a case see
/// exactly the same sequence of sizes and slots, on every run and every machine.

/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators",
/// OOPSLA 2014). Used only to expand one seed into xoshiro's 256-bit state, as its authors
/// recommend.
struct SplitMix64 {
  var state: UInt64

  @inline(__always)
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z &>> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z &>> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z &>> 31)
  }
}

/// xoshiro256** (Blackman and Vigna, "Scrambled linear pseudorandom number generators",
/// 2018): a few shifts, rotates and xors per number, cheap next to any allocation.
struct Xoshiro256StarStar: RandomNumberGenerator {
  var s0, s1, s2, s3: UInt64

  init(seed: UInt64) {
    var expander = SplitMix64(state: seed)
    s0 = expander.next()
    s1 = expander.next()
    s2 = expander.next()
    s3 = expander.next()
  }

  @inline(__always)
  static func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 { (x &<< k) | (x &>> (64 &- k)) }

  @inline(__always)
  mutating func next() -> UInt64 {
    let result = Self.rotateLeft(s1 &* 5, 7) &* 9
    let t = s1 &<< 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = Self.rotateLeft(s3, 45)
    return result
  }

  /// A number in `0..<bound` by multiply-high (Lemire). The bias is below bound / 2^64,
  /// far below anything a benchmark can see, and there is no division.
  @inline(__always)
  mutating func next(below bound: Int) -> Int {
    Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(truncatingIfNeeded: bound)).high)
  }
}
