/// A non-owning handle to one 16 KiB pool: its header and its blocks. The arena that holds
/// the pool owns the memory; a `Pool` is only a typed view of an address.
///
/// Pool layout (64-bit):
///
/// ```
///  offset
///      0 +----------------------+  header (48 bytes, POOL_OVERHEAD)
///        | count     : UInt32   |  blocks handed out
///      4 | (unused)  : UInt32   |
///      8 | freeBlock : pointer  |  head of the free list threaded through freed blocks
///     16 | nextPool  : pointer  |  usedpools ring of its class, or its arena's freepools list
///     24 | prevPool  : pointer  |  usedpools ring only
///     32 | arenaIndex: UInt32   |  descriptor of the owning arena
///     36 | sizeClass : UInt32   |  class it serves (kept while empty: reuse skips the init)
///     40 | nextOffset: UInt32   |  first never-used block (bump pointer)
///     44 | maxNextOffset: UInt32|  last offset at which a whole block still fits
///     48 +----------------------+
///        | block 0 | block 1 | … | never-used tail, carved lazily
/// 16384  +----------------------+
/// ```
///
/// A free block's first word links to the next free block. Pool states, as in CPython:
/// *used* (some blocks out, some free; in its class's usedpools ring), *full* (no free block;
/// in no list), *empty* (no block out; on its arena's freepools list). PyHeap adds one
/// refinement: when the last block of the only pool of a class is freed, the pool stays in
/// the ring as a *cached empty* pool, so that a block allocated and freed over and over
/// never drives its pool through the arena (see `SmallObjectAllocator+Slow.swift`).
///
/// CPython: Objects/obmalloc.c, `struct pool_header`.
@usableFromInline
struct Pool: Equatable {
  @usableFromInline let base: UnsafeMutableRawPointer

  @inlinable @inline(__always)
  init(_ base: UnsafeMutableRawPointer) { self.base = base }

  /// The pool holding `block`: pools are pool-size aligned, so masking finds the header.
  @inlinable @inline(__always)
  init(containing block: UnsafeMutableRawPointer) {
    base = UnsafeMutableRawPointer(bitPattern: UInt(bitPattern: block) & ~SizeClass.poolMask).unsafelyUnwrapped
  }

  @inlinable var count: UInt32 {
    @inline(__always) get { base.load(as: UInt32.self) }
    @inline(__always) nonmutating set { base.storeBytes(of: newValue, as: UInt32.self) }
  }
  @inlinable var freeBlock: UnsafeMutableRawPointer? {
    @inline(__always) get { base.load(fromByteOffset: 8, as: UnsafeMutableRawPointer?.self) }
    @inline(__always) nonmutating set { base.storeBytes(of: newValue, toByteOffset: 8, as: UnsafeMutableRawPointer?.self) }
  }
  @inlinable var nextPool: Pool {
    @inline(__always) get { Pool(base.load(fromByteOffset: 16, as: UnsafeMutableRawPointer.self)) }
    @inline(__always) nonmutating set { base.storeBytes(of: newValue.base, toByteOffset: 16, as: UnsafeMutableRawPointer.self) }
  }
  @inlinable var prevPool: Pool {
    @inline(__always) get { Pool(base.load(fromByteOffset: 24, as: UnsafeMutableRawPointer.self)) }
    @inline(__always) nonmutating set { base.storeBytes(of: newValue.base, toByteOffset: 24, as: UnsafeMutableRawPointer.self) }
  }
  /// The next pool on an arena's freepools list (stored in `nextPool`'s slot), or nil.
  @inlinable var nextFreePool: UnsafeMutableRawPointer? {
    @inline(__always) get { base.load(fromByteOffset: 16, as: UnsafeMutableRawPointer?.self) }
    @inline(__always) nonmutating set { base.storeBytes(of: newValue, toByteOffset: 16, as: UnsafeMutableRawPointer?.self) }
  }
  @inlinable var arenaIndex: Int {
    @inline(__always) get { Int(base.load(fromByteOffset: 32, as: UInt32.self)) }
    @inline(__always) nonmutating set { base.storeBytes(of: UInt32(truncatingIfNeeded: newValue), toByteOffset: 32, as: UInt32.self) }
  }
  @inlinable var sizeClass: Int {
    @inline(__always) get { Int(base.load(fromByteOffset: 36, as: UInt32.self)) }
    @inline(__always) nonmutating set { base.storeBytes(of: UInt32(truncatingIfNeeded: newValue), toByteOffset: 36, as: UInt32.self) }
  }
  @inlinable var nextOffset: Int {
    @inline(__always) get { Int(base.load(fromByteOffset: 40, as: UInt32.self)) }
    @inline(__always) nonmutating set { base.storeBytes(of: UInt32(truncatingIfNeeded: newValue), toByteOffset: 40, as: UInt32.self) }
  }
  @inlinable var maxNextOffset: Int {
    @inline(__always) get { Int(base.load(fromByteOffset: 44, as: UInt32.self)) }
    @inline(__always) nonmutating set { base.storeBytes(of: UInt32(truncatingIfNeeded: newValue), toByteOffset: 44, as: UInt32.self) }
  }

  /// The class of a pool that has never served one (or whose pages were discarded), so that
  /// reuse must initialize it. CPython: `DUMMY_SIZE_IDX`.
  static let noSizeClass = 0xFFFF

  /// Size of this pool's blocks.
  @inlinable var blockSize: Int { SizeClass.blockSize(ofClass: sizeClass) }

  /// Blocks this pool can hold.
  var capacity: Int { SizeClass.blocksPerPool(ofClass: sizeClass) }

  /// Whether `address` is the start of a block slot of this pool (not checking free/used).
  @usableFromInline
  func isBlockStart(_ address: UnsafeMutableRawPointer) -> Bool {
    let offset = address - base
    return offset >= SizeClass.poolOverhead && offset < SizeClass.poolSize
      && (offset - SizeClass.poolOverhead) % blockSize == 0
      && offset - SizeClass.poolOverhead < capacity * blockSize
  }

  /// Makes this pool serve `sizeClass`, with one block handed out (returned) and the next one
  /// made the free list; the rest is carved lazily, so a new pool touches only two blocks.
  /// CPython: Objects/obmalloc.c, the "Initialize the pool header" part of
  /// `allocate_from_new_pool()`.
  @inline(__always)
  func initialize(sizeClass: Int, arenaIndex: Int) -> UnsafeMutableRawPointer {
    let size = SizeClass.blockSize(ofClass: sizeClass)
    self.arenaIndex = arenaIndex
    self.sizeClass = sizeClass
    count = 1
    // Safe: every offset here is below the pool size (16 KiB).
    let first = base + SizeClass.poolOverhead
    nextOffset = SizeClass.poolOverhead &+ 2 &* size
    maxNextOffset = SizeClass.poolSize &- size
    let second = first + size
    second.storeBytes(of: nil, as: UnsafeMutableRawPointer?.self)
    freeBlock = second
    return first
  }
}
