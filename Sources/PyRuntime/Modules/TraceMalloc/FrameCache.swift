/// The hot path of tracemalloc: from the frames running now to an interned traceback
/// without computing a single line number.
///
/// CPython computes the line of every recorded frame on every allocation
/// (`PyCode_Addr2Line`, a walk of the line table), then hashes and looks up the
/// (filename, lineno) traceback. Here the key is what the frames hold already: the
/// stack depth and the address of the instruction each frame is running (unique per code
/// object and instruction). A hit costs the walk over at most `nframe` frames, a hash and one
/// probe; only a miss resolves lines and file names (``Tracemalloc/resolve``). Many keys can
/// lead to one traceback (several instructions on one line), so tracebacks stay
/// interned by their (filename, lineno) content.
///
/// Instruction addresses are only meaningful while their code object lives: freeing a code
/// object empties the cache (``Tracemalloc/codeWillBeFreed()``), before its instructions'
/// memory can be reused.
struct FrameCache {
  /// One key. `ip0` is the running instruction of the innermost frame; the others, if the
  /// limit is above 1, are in ``keys`` from `keyOffset`.
  struct Slot {
    var ip0: UInt
    var depth: UInt32
    var traceback: UInt32
    /// ``FrameCache/finish(_:)`` of the key's hash: the home slot and a quick filter.
    var hash: UInt32
    var keyOffset: UInt32
  }

  private(set) var slots: UnsafeMutablePointer<Slot>
  private var mask: Int
  private(set) var count = 0
  /// The outer frames' instruction addresses of every key, back to back.
  private var keys: UnsafeMutablePointer<UInt>
  private var keyCount = 0
  private var keyCapacity: Int

  init() {
    mask = 1023
    slots = FrameCache.allocateSlots(mask + 1)
    keyCapacity = 256
    keys = .allocate(capacity: keyCapacity)
  }

  private static func allocateSlots(_ capacity: Int) -> UnsafeMutablePointer<Slot> {
    let slots = UnsafeMutablePointer<Slot>.allocate(capacity: capacity)
    slots.initialize(repeating: Slot(ip0: 0, depth: 0, traceback: 0, hash: 0, keyOffset: 0), count: capacity)
    return slots
  }

  func release() {
    slots.deallocate()
    keys.deallocate()
  }

  var memoryUsage: Int { (mask + 1) * MemoryLayout<Slot>.stride + keyCapacity * 8 }

  /// Mixes the innermost frame into a hash; ``mix(_:_:)`` adds the outer ones and
  /// ``finish(_:)`` folds the result to the 32 bits the table keeps.
  @inline(__always)
  static func start(_ ip0: UInt, _ depth: Int) -> UInt64 {
    (UInt64(ip0) ^ (UInt64(truncatingIfNeeded: depth) << 48)) &* 0x9E37_79B9_7F4A_7C15
  }

  @inline(__always)
  static func mix(_ hash: UInt64, _ ip: UInt) -> UInt64 {
    ((hash ^ (hash >> 29)) ^ UInt64(ip)) &* 0xBF58_476D_1CE4_E5B9
  }

  @inline(__always)
  static func finish(_ hash: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: (hash >> 32) ^ hash) }

  /// The traceback cached for the key (`outer` holds `outerCount` addresses), or nil.
  @inline(__always)
  func find(hash: UInt32, ip0: UInt, depth: Int, outer: UnsafePointer<UInt>, outerCount: Int) -> UInt32? {
    var index = Int(hash) & mask
    while true {
      let slot = slots[index]
      if slot.ip0 == 0 { return nil }
      if slot.ip0 == ip0 && slot.hash == hash && slot.depth == UInt32(truncatingIfNeeded: depth) {
        if outerCount == 0 { return slot.traceback }
        var same = true
        let stored = keys + Int(slot.keyOffset)
        for frame in 0..<outerCount where stored[frame] != outer[frame] { same = false; break }
        if same { return slot.traceback }
      }
      index = (index &+ 1) & mask
    }
  }

  /// Remembers a key (known to be absent).
  mutating func insert(hash: UInt32, ip0: UInt, depth: Int, outer: UnsafePointer<UInt>, outerCount: Int,
                       traceback: UInt32) {
    if keyCount + outerCount > keyCapacity {
      var capacity = keyCapacity * 2
      while capacity < keyCount + outerCount { capacity *= 2 }
      let grown = UnsafeMutablePointer<UInt>.allocate(capacity: capacity)
      grown.update(from: keys, count: keyCount)
      keys.deallocate()
      keys = grown
      keyCapacity = capacity
    }
    (keys + keyCount).update(from: outer, count: outerCount)
    let slot = Slot(ip0: ip0, depth: UInt32(truncatingIfNeeded: depth), traceback: traceback,
                    hash: hash, keyOffset: UInt32(keyCount))
    keyCount += outerCount
    var index = Int(hash) & mask
    while slots[index].ip0 != 0 { index = (index &+ 1) & mask }
    slots[index] = slot
    count += 1
    if count * 4 > (mask + 1) * 3 { grow() }
  }

  private mutating func grow() {
    let old = slots
    let oldCapacity = mask + 1
    mask = oldCapacity * 2 - 1
    slots = FrameCache.allocateSlots(mask + 1)
    for index in 0..<oldCapacity where old[index].ip0 != 0 {
      var target = Int(old[index].hash) & mask
      while slots[target].ip0 != 0 { target = (target + 1) & mask }
      slots[target] = old[index]
    }
    old.deallocate()
  }

  /// Forgets every key (the code objects they point into may be gone).
  mutating func removeAll() {
    if count == 0 { return }
    slots.initialize(repeating: Slot(ip0: 0, depth: 0, traceback: 0, hash: 0, keyOffset: 0), count: mask + 1)
    count = 0
    keyCount = 0
  }
}
