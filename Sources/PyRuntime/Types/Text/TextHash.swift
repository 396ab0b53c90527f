/// The hash of str and bytes: SipHash-1-3 over the object's bytes, keyed per runtime.
///
/// SipHash (Aumasson and Bernstein, 2012) keeps four 64-bit words of state. Each 8-byte
/// little-endian word of the message is mixed in with `c` SipRounds, the last word carries
/// the leftover bytes and the message length in its top byte, and `d` rounds finish. The
/// 1-3 variant (`c` = 1, `d` = 3) is what CPython 3.11 uses for `str`, `bytes` and
/// `memoryview`: a str hashes its code units as stored (1, 2 or 4 bytes each, little-endian
/// on the machines we run on), so `hash('é') == hash(b'\xe9')` and `hash('a') == hash(b'a')`.
/// The empty input hashes to 0 and a result of -1 becomes -2 (-1 means "error").
/// CPython: Python/pyhash.c, `_Py_HashBytes()` and `siphash13()`; PEP 456.
enum TextHash {
  /// `_Py_HashBytes` with the runtime's key.
  @inline(__always)
  static func hash(_ bytes: UnsafeRawPointer, count: Int, key: (k0: UInt64, k1: UInt64)) -> Int {
    if count == 0 { return 0 }
    let value = Int(bitPattern: UInt(sipHash13(bytes, count: count, key: key)))
    return value == -1 ? -2 : value
  }

  /// SipHash-1-3 of `count` bytes.
  static func sipHash13(_ bytes: UnsafeRawPointer, count: Int, key: (k0: UInt64, k1: UInt64)) -> UInt64 {
    // The initial state is the key xor "somepseudorandomlygeneratedbytes" in four words.
    var state = SipState(v0: key.k0 ^ 0x736f_6d65_7073_6575, v1: key.k1 ^ 0x646f_7261_6e64_6f6d,
                         v2: key.k0 ^ 0x6c79_6765_6e65_7261, v3: key.k1 ^ 0x7465_6462_7974_6573)
    let wholeWords = count / 8
    for index in 0..<wholeWords {
      state.compress(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)))
    }
    // The last word: the 0–7 leftover bytes, low first, and the length mod 256 on top.
    var last = UInt64(truncatingIfNeeded: count) << 56
    let tail = wholeWords * 8
    var shift: UInt64 = 0
    for offset in tail..<count {
      last |= UInt64(bytes.load(fromByteOffset: offset, as: UInt8.self)) << shift
      shift += 8
    }
    state.compress(last)
    state.v2 ^= 0xff
    state.round()
    state.round()
    state.round()
    return state.v0 ^ state.v1 ^ state.v2 ^ state.v3
  }

  /// SplitMix64 (Steele, Lea and Flood), to spread a non-zero seed over a key.
  static func splitMix(_ state: inout UInt64) -> UInt64 {
    state &+= 0x9e37_79b9_7f4a_7c15
    var z = state
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return z ^ (z >> 31)
  }
}

/// The four words of SipHash state.
struct SipState {
  var v0: UInt64, v1: UInt64, v2: UInt64, v3: UInt64

  /// One message word, with one SipRound (the "1" of SipHash-1-3).
  @inline(__always)
  mutating func compress(_ word: UInt64) {
    v3 ^= word
    round()
    v0 ^= word
  }

  /// SipRound: additions, rotations and xors on two halves of the state. Wrapping is the
  /// algorithm's arithmetic (mod 2^64).
  @inline(__always)
  mutating func round() {
    v0 &+= v1; v1 = v1.rotatedLeft(13); v1 ^= v0; v0 = v0.rotatedLeft(32)
    v2 &+= v3; v3 = v3.rotatedLeft(16); v3 ^= v2
    v0 &+= v3; v3 = v3.rotatedLeft(21); v3 ^= v0
    v2 &+= v1; v1 = v1.rotatedLeft(17); v1 ^= v2; v2 = v2.rotatedLeft(32)
  }
}

extension UInt64 {
  @inline(__always)
  fileprivate func rotatedLeft(_ count: UInt64) -> UInt64 { (self << count) | (self >> (64 - count)) }
}
