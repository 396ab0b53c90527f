/// The hot path of tracemalloc: from the frames running now to an interned traceback
/// without computing a single line number.
///
/// CPython computes the line of every recorded frame on every allocation
/// (`PyCode_Addr2Line`, a walk of the line table), then hashes and looks up the
/// (filename, lineno) traceback. Here the key is what the frames hold already: the stack
/// depth and the address of the instruction each frame is running (unique per code object
/// and instruction). A hit costs the walk over at most `nframe` frames, a few multiplies
/// and one probe; only a miss resolves lines and file names (``Tracemalloc/resolve``).
/// Many keys can lead to one traceback (several instructions on one line, or two calls on
/// one line), so tracebacks stay interned by their (filename, lineno) content.
///
/// A key is stored as the innermost instruction address and the depth, exactly, plus a
/// 64-bit fingerprint of the outer frames' addresses: 24 bytes whatever the limit, where
/// the addresses themselves would take 8 bytes a frame. Two keys that differ only in their
/// outer frames share a slot only if their fingerprints collide (odds of 2⁻⁶⁴ per pair).
///
/// Instruction addresses are only meaningful while their code object lives: freeing a code
/// object empties the cache (``Tracemalloc/codeWillBeFreed()``), before its instructions'
/// memory can be reused. The cache is also emptied when it holds far more keys than there
/// are tracebacks (deep recursion makes many paths to the same lines), which bounds its
/// memory.
struct FrameCache {
  struct Slot {
    /// The innermost frame's running instruction; 0 for an empty slot.
    var ip0: UInt
    /// The fingerprint of the outer frames (0 when there are none).
    var outer: UInt64
    var depth: UInt32
    var traceback: UInt32
  }

  private(set) var slots: UnsafeMutablePointer<Slot>
  private var mask: Int
  private(set) var count = 0

  static let initialCapacity = 1024

  init() {
    mask = FrameCache.initialCapacity - 1
    slots = FrameCache.allocateSlots(mask + 1)
  }

  private static func allocateSlots(_ capacity: Int) -> UnsafeMutablePointer<Slot> {
    let slots = UnsafeMutablePointer<Slot>.allocate(capacity: capacity)
    slots.initialize(repeating: Slot(ip0: 0, outer: 0, depth: 0, traceback: 0), count: capacity)
    return slots
  }

  func release() { slots.deallocate() }

  var memoryUsage: Int { (mask + 1) * MemoryLayout<Slot>.stride }

  /// Adds one outer frame to a fingerprint (start from 0).
  @inline(__always)
  static func mix(_ fingerprint: UInt64, _ ip: UInt) -> UInt64 {
    let value = (fingerprint ^ UInt64(ip)) &* 0x9E37_79B9_7F4A_7C15
    return value ^ (value >> 31)
  }

  /// The home slot of a key.
  @inline(__always)
  private func home(_ ip0: UInt, _ outer: UInt64, _ depth: Int) -> Int {
    var value = (UInt64(ip0) ^ outer ^ (UInt64(truncatingIfNeeded: depth) << 40)) &* 0xBF58_476D_1CE4_E5B9
    value ^= value >> 32
    return Int(truncatingIfNeeded: value) & mask
  }

  /// The traceback cached for the key, or nil.
  @inline(__always)
  func find(ip0: UInt, outer: UInt64, depth: Int) -> UInt32? {
    var index = home(ip0, outer, depth)
    let depth32 = UInt32(truncatingIfNeeded: depth)
    while true {
      let slot = slots[index]
      if slot.ip0 == ip0 && slot.outer == outer && slot.depth == depth32 { return slot.traceback }
      if slot.ip0 == 0 { return nil }
      index = (index &+ 1) & mask
    }
  }

  /// Remembers a key (known to be absent).
  mutating func insert(ip0: UInt, outer: UInt64, depth: Int, traceback: UInt32) {
    var index = home(ip0, outer, depth)
    while slots[index].ip0 != 0 { index = (index &+ 1) & mask }
    slots[index] = Slot(ip0: ip0, outer: outer, depth: UInt32(truncatingIfNeeded: depth), traceback: traceback)
    count += 1
    if count * 4 > (mask + 1) * 3 { grow() }
  }

  private mutating func grow() {
    let old = slots
    let oldCapacity = mask + 1
    mask = oldCapacity * 2 - 1
    slots = FrameCache.allocateSlots(mask + 1)
    for index in 0..<oldCapacity where old[index].ip0 != 0 {
      let slot = old[index]
      var target = home(slot.ip0, slot.outer, Int(slot.depth))
      while slots[target].ip0 != 0 { target = (target &+ 1) & mask }
      slots[target] = slot
    }
    old.deallocate()
  }

  /// Forgets every key, back to the initial capacity.
  mutating func removeAll() {
    if count == 0 { return }
    if mask + 1 > FrameCache.initialCapacity {
      slots.deallocate()
      mask = FrameCache.initialCapacity - 1
      slots = FrameCache.allocateSlots(mask + 1)
    } else {
      slots.initialize(repeating: Slot(ip0: 0, outer: 0, depth: 0, traceback: 0), count: mask + 1)
    }
    count = 0
  }
}
