/// MT19937, the Mersenne Twister of Matsumoto and Nishimura ("Mersenne Twister: A
/// 623-dimensionally equidistributed uniform pseudo-random number generator", ACM TOMACS,
/// 1998): 624 words of state, regenerated all at once every 624 outputs, each output
/// tempered. `random`'s sequences are CPython's only if every step here is the reference
/// algorithm's, including the seeding by an array of words (`init_by_array`, the 2002
/// revision) that CPython uses for every seed. CPython: Modules/_randommodule.c.
///
/// The state lives inside the `_random.Random` object (see ``RandomObject``); these
/// functions work on a pointer to it: `index` first, then the 624 words.
enum MersenneTwister {
  static let stateSize = 624
  static let shiftSize = 397
  static let matrixA: UInt32 = 0x9908_b0df
  static let upperMask: UInt32 = 0x8000_0000
  static let lowerMask: UInt32 = 0x7fff_ffff

  /// Fills the state from one 32-bit seed (a linear congruential recurrence); the next
  /// output regenerates the whole state.
  static func seed(_ words: UnsafeMutablePointer<UInt32>, _ index: UnsafeMutablePointer<Int>, _ seed: UInt32) {
    words[0] = seed
    for i in 1..<stateSize {
      let previous = words[i - 1]
      words[i] = 1_812_433_253 &* (previous ^ (previous >> 30)) &+ UInt32(i)
    }
    index.pointee = stateSize
  }

  /// Seeds from an array of words: the state of seed 19650218 is mixed with the key (cycled
  /// when shorter than the state), then mixed once more, and the top bit of word 0 set so
  /// the state is never all zero.
  static func seed(_ words: UnsafeMutablePointer<UInt32>, _ index: UnsafeMutablePointer<Int>, key: [UInt32]) {
    seed(words, index, 19_650_218)
    var i = 1, j = 0
    for _ in 0..<max(stateSize, key.count) {
      let previous = words[i - 1]
      words[i] = (words[i] ^ ((previous ^ (previous >> 30)) &* 1_664_525)) &+ key[j] &+ UInt32(truncatingIfNeeded: j)
      i += 1
      j += 1
      if i >= stateSize {
        words[0] = words[stateSize - 1]
        i = 1
      }
      if j >= key.count { j = 0 }
    }
    for _ in 0..<(stateSize - 1) {
      let previous = words[i - 1]
      words[i] = (words[i] ^ ((previous ^ (previous >> 30)) &* 1_566_083_941)) &- UInt32(i)
      i += 1
      if i >= stateSize {
        words[0] = words[stateSize - 1]
        i = 1
      }
    }
    words[0] = 0x8000_0000
  }

  /// The next 32 random bits.
  @inline(__always)
  static func next(_ words: UnsafeMutablePointer<UInt32>, _ index: UnsafeMutablePointer<Int>) -> UInt32 {
    if index.pointee >= stateSize { regenerate(words) ; index.pointee = 0 }
    var y = words[index.pointee]
    index.pointee += 1
    y ^= y >> 11
    y ^= (y << 7) & 0x9d2c_5680
    y ^= (y << 15) & 0xefc6_0000
    y ^= y >> 18
    return y
  }

  /// The twist: each word is replaced by a combination of its top bit, the next word's low
  /// bits and the word 397 places on (wrapping around).
  static func regenerate(_ words: UnsafeMutablePointer<UInt32>) {
    @inline(__always) func twist(_ k: Int, _ next: Int, _ far: Int) {
      let y = (words[k] & upperMask) | (words[next] & lowerMask)
      words[k] = words[far] ^ (y >> 1) ^ (y & 1 == 0 ? 0 : matrixA)
    }
    for k in 0..<(stateSize - shiftSize) { twist(k, k + 1, k + shiftSize) }
    for k in (stateSize - shiftSize)..<(stateSize - 1) { twist(k, k + 1, k + shiftSize - stateSize) }
    twist(stateSize - 1, 0, shiftSize - 1)
  }

  /// A float in [0, 1) with 53 random bits: 27 bits from one output and 26 from the next.
  @inline(__always)
  static func nextDouble(_ words: UnsafeMutablePointer<UInt32>, _ index: UnsafeMutablePointer<Int>) -> Double {
    let high = next(words, index) >> 5, low = next(words, index) >> 6
    return (Double(high) * 67_108_864.0 + Double(low)) * (1.0 / 9_007_199_254_740_992.0)
  }
}
