/// The descriptor of one arena: where it is mapped and how many of its pools are free.
///
/// Descriptors live in one growable table owned by ``SmallObjectAllocator``; pools name
/// their arena by index (`Pool.arenaIndex`), and the usable-arenas list links by index, so
/// growing the table (which may move it) never leaves a dangling link.
///
/// ```
/// arena (1 MiB, 1 MiB-aligned)
/// +--------+--------+--------+-----     -----+--------+
/// | pool 0 | pool 1 | pool 2 |     …         | pool 63|
/// +--------+--------+--------+-----     -----+--------+
///  carved, used or on freePools  ↑ poolAddress: next never-used pool
/// ```
///
/// CPython: Objects/obmalloc.c, `struct arena_object`.
@usableFromInline
struct ArenaObject {
  /// Base of the mapping, or nil when this descriptor is on the unused list.
  var address: UnsafeMutableRawPointer?
  /// The next never-carved pool; equal to `address + arenaSize` when all are carved.
  var poolAddress: UnsafeMutableRawPointer?
  /// Pools that are empty (on `freePools`) or never carved: CPython's `nfreepools`.
  var freePoolCount: Int
  /// Pools in this arena: 64, since arenas are aligned and lose nothing to alignment.
  var totalPoolCount: Int
  /// Singly linked list of empty pools, threaded through `Pool.nextFreePool`.
  var freePools: UnsafeMutableRawPointer?
  /// Links in `usableArenas` (or, for unused descriptors, `nextArena` links the unused list).
  var nextArena: Int32
  var prevArena: Int32
  /// Fault pages in ahead of carving (the arena was mapped while the heap grew).
  var prefaultsAhead = false

  static let none: Int32 = -1

  static var unused: ArenaObject {
    ArenaObject(address: nil, poolAddress: nil, freePoolCount: 0, totalPoolCount: 0,
                freePools: nil, nextArena: none, prevArena: none, prefaultsAhead: false)
  }

  /// Pools never carved from the tail of the arena.
  var virginPoolCount: Int {
    guard let address, let poolAddress else { return 0 }
    return (address + SizeClass.arenaSize - poolAddress) / SizeClass.poolSize
  }
}
