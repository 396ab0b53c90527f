/// tracemalloc's interned tracebacks: every distinct traceback is stored once, and a trace
/// refers to it by a 32-bit index.
///
/// A traceback is a run of 32-bit words in one growing buffer:
///
/// ```
///   nframe | total_nframe << 16,  filename 0, lineno 0,  filename 1, lineno 1, …
/// ```
/// most recent frame first (CPython's order; the Python classes reverse it). A filename is
/// an index into the ``FilenameTable``. A frame costs 8 bytes instead of CPython's 16 (a
/// `PyObject *` and an `int` padded), and a traceback carries no malloc header.
///
/// Interning goes through an open-addressing index of (hash, index + 1) pairs.
/// CPython: Modules/_tracemalloc.c (`traceback_t`, `frame_t`, `tracemalloc_tracebacks`).
struct TracebackTable {
  private(set) var words: UnsafeMutablePointer<UInt32>
  private var wordCount = 0
  private var wordCapacity: Int
  /// Traceback index → offset of its first word.
  private var offsets: UnsafeMutablePointer<UInt32>
  private(set) var count = 0
  private var offsetCapacity: Int
  /// The interning index: `(hash, traceback index + 1)`, 0 for an empty slot.
  private var index: UnsafeMutablePointer<(UInt32, UInt32)>
  private var indexMask: Int

  init() {
    wordCapacity = 1024
    words = .allocate(capacity: wordCapacity)
    offsetCapacity = 256
    offsets = .allocate(capacity: offsetCapacity)
    indexMask = 511
    index = .allocate(capacity: indexMask + 1)
    index.initialize(repeating: (0, 0), count: indexMask + 1)
  }

  func release() {
    words.deallocate()
    offsets.deallocate()
    index.deallocate()
  }

  /// Bytes of C-library memory held.
  var memoryUsage: Int { wordCapacity * 4 + offsetCapacity * 4 + (indexMask + 1) * 8 }

  /// The words of traceback `id`: its header word, then `2 * nframe` frame words.
  @inline(__always)
  func traceback(_ id: UInt32) -> UnsafeMutablePointer<UInt32> { words + Int(offsets[Int(id)]) }

  @inline(__always)
  static func frameCount(_ header: UInt32) -> Int { Int(header & 0xFFFF) }
  @inline(__always)
  static func totalFrameCount(_ header: UInt32) -> Int { Int(header >> 16) }

  /// The index of the traceback spelled by `candidate` (`1 + 2 * nframe` words), added if it
  /// is new.
  mutating func intern(_ candidate: UnsafePointer<UInt32>) -> UInt32 {
    let length = 1 + 2 * TracebackTable.frameCount(candidate[0])
    var hash: UInt32 = 2_166_136_261
    for word in 0..<length { hash = (hash ^ candidate[word]) &* 16_777_619 }
    var slot = Int(hash) & indexMask
    while index[slot].1 != 0 {
      if index[slot].0 == hash {
        let id = index[slot].1 - 1
        let stored = traceback(id)
        var same = true
        for word in 0..<length where stored[word] != candidate[word] { same = false; break }
        if same { return id }
      }
      slot = (slot + 1) & indexMask
    }
    let id = UInt32(count)
    append(candidate, length)
    index[slot] = (hash, id + 1)
    if count * 4 > (indexMask + 1) * 3 { growIndex() }
    return id
  }

  private mutating func append(_ candidate: UnsafePointer<UInt32>, _ length: Int) {
    if wordCount + length > wordCapacity {
      var capacity = wordCapacity * 2
      while capacity < wordCount + length { capacity *= 2 }
      let grown = UnsafeMutablePointer<UInt32>.allocate(capacity: capacity)
      grown.update(from: words, count: wordCount)
      words.deallocate()
      words = grown
      wordCapacity = capacity
    }
    if count == offsetCapacity {
      let grown = UnsafeMutablePointer<UInt32>.allocate(capacity: offsetCapacity * 2)
      grown.update(from: offsets, count: count)
      offsets.deallocate()
      offsets = grown
      offsetCapacity *= 2
    }
    (words + wordCount).update(from: candidate, count: length)
    offsets[count] = UInt32(wordCount)
    wordCount += length
    count += 1
  }

  private mutating func growIndex() {
    let old = index
    let oldCapacity = indexMask + 1
    indexMask = oldCapacity * 2 - 1
    index = .allocate(capacity: indexMask + 1)
    index.initialize(repeating: (0, 0), count: indexMask + 1)
    for slot in 0..<oldCapacity where old[slot].1 != 0 {
      var target = Int(old[slot].0) & indexMask
      while index[target].1 != 0 { target = (target + 1) & indexMask }
      index[target] = old[slot]
    }
    old.deallocate()
  }

  /// Forgets every traceback.
  mutating func removeAll() {
    release()
    self = TracebackTable()
  }
}
