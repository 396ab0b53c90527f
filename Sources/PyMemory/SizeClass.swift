/// The constants of the small-object allocator and the mapping between request sizes and
/// size classes (64-bit values of CPython 3.10–3.13).
///
/// ```
/// request bytes   1…16  17…32  33…48  …  497…512   0 or > 512
/// class index       0     1      2    …     31     system malloc
/// block size       16    32     48    …    512
/// ```
///
/// CPython: Objects/obmalloc.c, `ALIGNMENT`, `SMALL_REQUEST_THRESHOLD`, `POOL_SIZE`,
/// `ARENA_SIZE`, `INDEX2SIZE`.
public enum SizeClass {
  /// Blocks are multiples of this, and every block is aligned to it.
  public static let alignment = 16
  @usableFromInline static let alignmentShift = 4
  /// Requests of 1…512 bytes are served from pools.
  public static let smallRequestThreshold = 512
  /// 32 classes of 16 bytes.
  public static let count = smallRequestThreshold / alignment
  /// A pool serves one size class at a time.
  public static let poolSize = 16 * 1024
  // Typed literals, not `UInt(poolSize - 1)`: an initializer call does not fold across
  // modules, and the fast path would call the global's addressor on every free.
  @usableFromInline static let poolMask: UInt = 16 * 1024 - 1
  /// Arenas are mapped from the OS whole, aligned to their size.
  public static let arenaSize = 1024 * 1024
  @usableFromInline static let arenaShift = 20
  @usableFromInline static let arenaMask: UInt = 1024 * 1024 - 1
  /// Pools in one arena. Arenas are size-aligned, so none is lost to alignment.
  public static let poolsPerArena = arenaSize / poolSize
  /// Bytes of a prefaulting arena faulted in at once (16 pools).
  static let prefaultChunk = 256 * 1024
  /// The pool header, rounded up to ``alignment``.
  public static let poolOverhead = 48

  /// The class serving a request of `byteCount` bytes (1…512).
  @inlinable @inline(__always)
  public static func index(forRequest byteCount: Int) -> Int {
    (byteCount &- 1) &>> alignmentShift
  }

  /// The block size of class `index`.
  @inlinable @inline(__always)
  public static func blockSize(ofClass index: Int) -> Int {
    (index &+ 1) &<< alignmentShift
  }

  /// How many blocks of class `index` one pool holds: (16384 − 48) / size.
  public static func blocksPerPool(ofClass index: Int) -> Int {
    (poolSize - poolOverhead) / blockSize(ofClass: index)
  }
}
