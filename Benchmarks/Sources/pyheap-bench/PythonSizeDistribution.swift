/// Request sizes as a CPython 3.11/3.12 process makes them (64-bit build), for the
/// `python_mix` case.
///
/// The sizes are what `PyObject_Malloc`/`PyMem_Malloc` are asked for, i.e. the C struct size
/// plus the 16-byte `PyGC_Head` for GC-tracked types:
///
/// | request bytes | weight | what (CPython 3.11/3.12, 64-bit)                                    |
/// |---------------|-------:|----------------------------------------------------------------------|
/// | 24            |   6 %  | `float` (`PyFloatObject`: refcnt 8 + type 8 + double 8)              |
/// | 28            |  14 %  | one-digit `int` (`PyLongObject`: 24 header + one 4-byte digit)       |
/// | 32            |   4 %  | two-digit `int` (24 header + two 4-byte digits)                      |
/// | 40            |   3 %  | `cell` (24 + GC 16), small iterators                                  |
/// | 48            |   6 %  | 1-tuple (GC 16 + var header 24 + 8), `range`/list iterators          |
/// | 56            |  14 %  | 2-tuple (16 + 24 + 16), `list` object (16 + 40), bound methods        |
/// | 64            |   9 %  | 3-tuple, `dict` object (16 + 48)                                     |
/// | 41…72         |  12 %  | short `str`: compact ASCII header (40 in 3.12, 48 in 3.11) + len + 1 |
/// | 73…128        |   8 %  | 5–11-tuples, instances with inline values, small list item arrays    |
/// | 129…256       |   8 %  | list item arrays, function objects (~160), generator frames          |
/// | 257…512       |  11 %  | small dict keys tables (8 slots: ~200–360), longer strings           |
/// | 513…4096      |   5 %  | larger arrays, code objects, bigger dict keys: past the pools        |
///
/// Source and reasoning: the struct sizes follow from CPython's object headers
/// (`Include/cpython/*.h`, `Objects/*object.c`) and are exact for the types named; the
/// weights are an estimate, not a measurement. They encode what allocation profiles of
/// CPython workloads consistently show: small ints, floats, 2-tuples and short strings
/// dominate (together about two thirds of requests), nearly all requests fit pymalloc's
/// 512-byte limit, and a few percent spill to the system allocator. The case measures the
/// allocator under that shape, not any one program.
struct PythonSizeDistribution: SizeSource {
  /// Inclusive request-size ranges with their weights in percent (sum 100).
  static let buckets: [(lowest: Int, highest: Int, percent: Int)] = [
    (24, 24, 6),
    (28, 28, 14),
    (32, 32, 4),
    (40, 40, 3),
    (48, 48, 6),
    (56, 56, 14),
    (64, 64, 9),
    (41, 72, 12),
    (73, 128, 8),
    (129, 256, 8),
    (257, 512, 11),
    (513, 4096, 5),
  ]

  /// 100 entries, one per percent: `lowest << 32 | span`; made once, kept for the process.
  /// Drawing is one multiply-high into the table and one into the range: no search, no
  /// division, the same cost for every impl.
  let table: UnsafeMutablePointer<UInt64>

  init() {
    precondition(Self.buckets.reduce(0) { $0 + $1.percent } == 100, "weights must sum to 100")
    table = .allocate(capacity: 100)
    var index = 0
    for bucket in Self.buckets {
      let span = UInt64(bucket.highest - bucket.lowest + 1)
      for _ in 0..<bucket.percent {
        table[index] = UInt64(bucket.lowest) << 32 | span
        index += 1
      }
    }
  }

  /// A request size drawn from the distribution.
  @inline(__always)
  func next(_ random: inout Xoshiro256StarStar) -> Int {
    let bits = random.next()
    // Safe: (low 32 bits × 100) >> 32 < 100.
    let entry = table[Int(truncatingIfNeeded: ((bits & 0xFFFF_FFFF) &* 100) &>> 32)]
    let span = entry & 0xFFFF_FFFF
    let offset = ((bits &>> 32) &* span) &>> 32
    return Int(truncatingIfNeeded: (entry &>> 32) &+ offset)
  }

  /// Share of requests above `threshold` bytes (for the case's description).
  static func share(above threshold: Int) -> Double {
    var total = 0.0
    for bucket in buckets where bucket.highest > threshold {
      let inRange = bucket.highest - max(bucket.lowest, threshold + 1) + 1
      total += Double(bucket.percent) * Double(inRange) / Double(bucket.highest - bucket.lowest + 1)
    }
    return total / 100
  }
}
