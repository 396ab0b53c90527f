/// The debug layer (CPython's `PYTHONMALLOC=debug`), chosen when a heap is created.
///
/// Each request of n bytes takes n + 32 bytes from the plain layer of the same domain:
///
/// ```
///  base                 p = base + 16                p + n          p + n + 8     p + n + 16
///   +---------+----+-----------+--------------------+-------------+--------------+
///   | n (BE 8)| id | 7 × 0xFD  | n data bytes       | 8 × 0xFD    | serial (BE 8)|
///   +---------+----+-----------+--------------------+-------------+--------------+
///                                 0xCD when new, 0xDD once freed (0 for zeroed requests)
/// ```
///
/// `id` is the domain's API letter ('r', 'm', 'o'). Free and realloc check, in CPython's
/// order, that the block is ours and live, that the domain matches, that the leading pad and
/// the size field are intact, and that the trailing pad is intact. Any failure writes a
/// report naming the block (size, domain, serial, bytes around it) to stderr and stops the
/// process: memory corruption is not recoverable.
///
/// CPython: Objects/obmalloc.c, `_PyMem_DebugRawAlloc()`, `_PyMem_DebugRawFree()`,
/// `_PyMem_DebugCheckAddress()`, `_PyObject_DebugDumpAddress()`.
enum DebugLayout {
  static let headerBytes = 16
  static let trailerBytes = 16
  static let overhead = headerBytes + trailerBytes
  static let padBytes = 7
  static let forbiddenByte: UInt8 = 0xFD
  static let cleanByte: UInt8 = 0xCD
  static let deadByte: UInt8 = 0xDD
}

extension HeapState {
  mutating func debugAllocate(_ byteCount: Int, _ domain: MemoryDomain, zeroed: Bool) -> UnsafeMutableRawPointer? {
    guard byteCount >= 0 else { return nil }
    let (total, overflow) = byteCount.addingReportingOverflow(DebugLayout.overhead)
    guard !overflow, let base = plainAllocate(total, domain) else { return nil }
    let pointer = base + DebugLayout.headerBytes
    // Safe: the table exists whenever this path runs (the caller checked `debug != nil`).
    let serial = debug!.nextSerial
    debug!.nextSerial &+= 1
    storeBigEndian(UInt64(byteCount), at: base)
    base.storeBytes(of: domain.rawValue, toByteOffset: 8, as: UInt8.self)
    (base + 9).initializeMemory(as: UInt8.self, repeating: DebugLayout.forbiddenByte, count: DebugLayout.padBytes)
    pointer.initializeMemory(as: UInt8.self, repeating: zeroed ? 0 : DebugLayout.cleanByte, count: byteCount)
    (pointer + byteCount).initializeMemory(as: UInt8.self, repeating: DebugLayout.forbiddenByte, count: 8)
    storeBigEndian(serial, at: pointer + byteCount + 8)
    let record = DebugBlockRecord(address: pointer, byteCount: byteCount, domain: domain, serial: serial)
    debug!.live[UInt(bitPattern: pointer)] = record
    debug!.freed[UInt(bitPattern: pointer)] = nil
    return pointer
  }

  /// Checks that `pointer` is a live, intact block of `domain`; stops with a report if not.
  func debugCheckBlock(_ pointer: UnsafeMutableRawPointer, _ domain: MemoryDomain, caller: String) -> DebugBlockRecord {
    let address = UInt(bitPattern: pointer)
    // Safe: only called while the debug layer is on.
    guard let record = debug!.live[address] else {
      if let freed = debug!.freed[address] {
        debugFatal(record: freed, function: caller, problem: "block freed twice",
                   detail: "The block was already freed (serial \(freed.serial)).", readable: small.owns(pointer))
      }
      debugFatal(pointer: pointer, function: caller,
                 problem: "pointer not allocated by this heap",
                 detail: "No live block of this heap starts at p (a foreign or interior pointer, or a block freed long ago).")
    }
    if record.domain != domain {
      debugFatal(record: record, function: caller, problem: "bad ID",
                 detail: "bad ID: Allocated using API '\(record.domain.apiID)', verified using API '\(domain.apiID)'")
    }
    debugCheckPads(record, function: caller)
    return record
  }

  /// Checks the size field, id, leading pad and trailing pad of a live block.
  func debugCheckPads(_ record: DebugBlockRecord, function: String) {
    let base = record.address - DebugLayout.headerBytes
    if loadBigEndian(at: base) != UInt64(record.byteCount)
      || base.load(fromByteOffset: 8, as: UInt8.self) != record.domain.rawValue {
      debugFatal(record: record, function: function, problem: "bad leading pad byte",
                 detail: "The size or API id before p was overwritten (buffer underrun).")
    }
    for offset in 1...DebugLayout.padBytes
    where record.address.load(fromByteOffset: -offset, as: UInt8.self) != DebugLayout.forbiddenByte {
      debugFatal(record: record, function: function, problem: "bad leading pad byte",
                 detail: "A pad byte before p was overwritten (buffer underrun).")
    }
    for offset in 0..<8
    where record.address.load(fromByteOffset: record.byteCount + offset, as: UInt8.self) != DebugLayout.forbiddenByte {
      debugFatal(record: record, function: function, problem: "bad trailing pad byte",
                 detail: "A pad byte after the data was overwritten (buffer overrun).")
    }
  }

  /// Fills a checked block with dead bytes and gives it back to the plain layer.
  mutating func debugRelease(_ pointer: UnsafeMutableRawPointer, _ record: DebugBlockRecord) {
    let base = pointer - DebugLayout.headerBytes
    base.initializeMemory(as: UInt8.self, repeating: DebugLayout.deadByte,
                          count: record.byteCount + DebugLayout.overhead)
    debug!.live[UInt(bitPattern: pointer)] = nil
    debug!.remember(freed: record)
    plainFree(base, record.domain)
  }

  /// Realloc under the debug layer always moves the block, so stale pointers to the old one
  /// find dead bytes (or a double-free report) rather than live data.
  mutating func debugReallocate(_ pointer: UnsafeMutableRawPointer?, _ byteCount: Int,
                                _ domain: MemoryDomain) -> UnsafeMutableRawPointer? {
    guard let pointer else { return debugAllocate(byteCount, domain, zeroed: false) }
    let record = debugCheckBlock(pointer, domain, caller: "realloc")
    guard let moved = debugAllocate(byteCount, domain, zeroed: false) else { return nil }
    moved.copyMemory(from: pointer, byteCount: min(byteCount, record.byteCount))
    debugRelease(pointer, record)
    return moved
  }

  /// Checks every live debug block's pads: the verifier's view of the debug layer.
  func debugCorruptBlocks() -> [(record: DebugBlockRecord, damage: String)] {
    guard let debug else { return [] }
    return debug.live.values.compactMap { record in debugGuardDamage(record).map { (record, $0) } }
      .sorted { $0.record.serial < $1.record.serial }
  }

  /// Which part of a live block's frame is wrong, in words (nil when all of it is intact):
  /// the size word, the leading guard, or the trailing guard with the first bad offset past
  /// the end, which tells how far a write overran.
  private func debugGuardDamage(_ record: DebugBlockRecord) -> String? {
    let base = record.address - DebugLayout.headerBytes
    let sizeWord = loadBigEndian(at: base)
    let guardWord = UInt64(repeating: DebugLayout.forbiddenByte)
    // The common case in one compare per guard: the leading guard is the word after the
    // size without its low (first) byte, the id; the trailing guard is one whole word.
    if sizeWord == UInt64(record.byteCount)
      && base.loadUnaligned(fromByteOffset: 8, as: UInt64.self) >> 8 == guardWord >> 8
      && record.address.loadUnaligned(fromByteOffset: record.byteCount, as: UInt64.self) == guardWord {
      return nil
    }
    if sizeWord != UInt64(record.byteCount) { return "its size word reads \(sizeWord)" }
    for offset in 9..<16 where base.load(fromByteOffset: offset, as: UInt8.self) != DebugLayout.forbiddenByte {
      return "its leading guard is overwritten at byte \(offset - 16) before the block"
    }
    for offset in 0..<8 where record.address.load(fromByteOffset: record.byteCount + offset, as: UInt8.self) != DebugLayout.forbiddenByte {
      let found = record.address.load(fromByteOffset: record.byteCount + offset, as: UInt8.self)
      return "its trailing guard is overwritten at byte \(offset) past the end (0x\(String(found, radix: 16)))"
    }
    return nil
  }
}

func storeBigEndian(_ value: UInt64, at address: UnsafeMutableRawPointer) {
  for index in 0..<8 {
    address.storeBytes(of: UInt8(truncatingIfNeeded: value >> UInt64(56 - 8 * index)),
                       toByteOffset: index, as: UInt8.self)
  }
}

func loadBigEndian(at address: UnsafeRawPointer) -> UInt64 {
  UInt64(bigEndian: address.loadUnaligned(as: UInt64.self))
}

extension UInt64 {
  /// The word whose eight bytes are all `byte`.
  init(repeating byte: UInt8) { self = UInt64(byte) &* 0x0101_0101_0101_0101 }
}
