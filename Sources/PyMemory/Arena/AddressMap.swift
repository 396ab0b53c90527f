/// Answers "is this pointer inside one of our arenas?" in O(1) without reading memory we do
/// not own.
///
/// Arenas are 1 MiB-aligned, so an address's arena slot is `address >> 20`. One bit per slot
/// over the 48-bit user address space is 2^28 bits = 32 MiB of address space, mapped with
/// `MAP_NORESERVE`: only the pages holding bits for real arenas are ever touched (one 4 KiB
/// page covers 32 GiB of addresses). The map is memory we own, so a lookup for a foreign or
/// wild pointer reads only our own bitmap.
///
/// CPython 3.10+ answers the same question with a three-level radix tree (`arena_map_root`,
/// `address_in_range()`), needed there because its arenas are not size-aligned.
@usableFromInline
struct AddressMap {
  /// 2^28 bits, as 64-bit words.
  @usableFromInline let words: UnsafeMutablePointer<UInt64>
  /// Address bits covered; pointers at or above `1 << 48` are never ours.
  @usableFromInline static let addressBits = 48
  static let slotCount = 1 << (addressBits - SizeClass.arenaShift)
  static let byteCount = slotCount / 8

  init(pages: inout PageAllocator) throws(OSMemoryError) {
    let raw = try pages.map(byteCount: AddressMap.byteCount, reserveOnly: true)
    words = raw.bindMemory(to: UInt64.self, capacity: AddressMap.byteCount / 8)
  }

  func release(pages: inout PageAllocator) {
    pages.unmap(UnsafeMutableRawPointer(words), byteCount: AddressMap.byteCount)
  }

  /// Whether `pointer` lies inside a mapped arena.
  @inlinable @inline(__always)
  func contains(_ pointer: UnsafeRawPointer) -> Bool {
    let slot = UInt(bitPattern: pointer) &>> SizeClass.arenaShift
    guard slot < UInt(1) &<< (AddressMap.addressBits &- SizeClass.arenaShift) else { return false }
    // Safe: slot < 2^28, so slot >> 6 indexes one of the 2^22 words.
    return (words[Int(slot &>> 6)] &>> UInt64(slot & 63)) & 1 != 0
  }

  /// Marks the 1 MiB arena at `base` as ours (`isMapped`) or not.
  func set(_ base: UnsafeRawPointer, isMapped: Bool) {
    let slot = Int(UInt(bitPattern: base) >> UInt(SizeClass.arenaShift))
    precondition(slot < AddressMap.slotCount, "AddressMap: arena above the 48-bit address space")
    let bit = UInt64(1) << UInt64(slot & 63)
    if isMapped { words[slot >> 6] |= bit } else { words[slot >> 6] &= ~bit }
  }
}
