/// The plain domain functions: pools for small mem/object requests, the C library for the
/// rest, with the heap budget charged for C-library blocks. The debug layer and the trace
/// hook sit on top of these.
extension HeapState {
  /// CPython: `_PyObject_Malloc()`; for the raw domain `_PyMem_RawMalloc()`.
  mutating func plainAllocate(_ byteCount: Int, _ domain: MemoryDomain) -> UnsafeMutableRawPointer? {
    if domain.usesPools && byteCount >= 1 && byteCount <= SizeClass.smallRequestThreshold {
      return small.allocate(sizeClass: SizeClass.index(forRequest: byteCount))
    }
    return allocateLarge(byteCount, domain, zeroed: false)
  }

  /// A block from the C library, behind a ``LargeBlockList`` header. Negative sizes are sizes
  /// above `Int.max` seen as signed. The budget is charged the region's usable size.
  mutating func allocateLarge(_ byteCount: Int, _ domain: MemoryDomain, zeroed: Bool) -> UnsafeMutableRawPointer? {
    guard byteCount >= 0, byteCount <= Int.max - LargeBlockList.headerSize,
          byteCount <= budget.pointee.limit - budget.pointee.used else { return nil }
    let total = byteCount + LargeBlockList.headerSize
    let region = zeroed ? SystemMalloc.allocateZeroed(count: 1, size: total) : SystemMalloc.allocate(total)
    guard let region else { return nil }
    guard budget.pointee.reserve(SystemMalloc.usableSize(region)) else {
      SystemMalloc.free(region)
      return nil
    }
    largeBlocks.link(region)
    if domain.usesPools { largeBlockCount += 1 }
    return region + LargeBlockList.headerSize
  }

  /// CPython: `_PyObject_Free()`; for the raw domain `_PyMem_RawFree()`.
  mutating func plainFree(_ pointer: UnsafeMutableRawPointer, _ domain: MemoryDomain) {
    if domain.usesPools && small.free(pointer) { return }
    freeLarge(pointer, domain)
  }

  mutating func freeLarge(_ pointer: UnsafeMutableRawPointer, _ domain: MemoryDomain) {
    let region = pointer - LargeBlockList.headerSize
    budget.pointee.release(SystemMalloc.usableSize(region))
    if domain.usesPools { largeBlockCount -= 1 }
    largeBlocks.unlink(region)
    SystemMalloc.free(region)
  }

  /// Resizes in place when the new size still belongs in the same block: same size class,
  /// or a shrink of less than a quarter (CPython's rule). Otherwise allocates, copies and
  /// frees. A C-library block stays with the C library whatever its new size.
  /// CPython: `pymalloc_realloc()` and `_PyObject_Realloc()`.
  mutating func plainReallocate(_ pointer: UnsafeMutableRawPointer?, _ byteCount: Int,
                                _ domain: MemoryDomain) -> UnsafeMutableRawPointer? {
    guard let pointer else { return plainAllocate(byteCount, domain) }
    guard byteCount >= 0 else { return nil }
    if domain.usesPools, let blockSize = small.blockSize(of: pointer) {
      if byteCount > 0 && byteCount <= blockSize
        && (SizeClass.index(forRequest: byteCount) == SizeClass.index(forRequest: blockSize)
            || 4 * byteCount > 3 * blockSize) {
        return pointer
      }
      guard let moved = plainAllocate(byteCount, domain) else { return nil }
      moved.copyMemory(from: pointer, byteCount: min(byteCount, blockSize))
      _ = small.free(pointer)
      return moved
    }
    return reallocateLarge(pointer, byteCount)
  }

  /// Resizes a C-library block, charging the change in usable size. With a limit set the
  /// new region is obtained before the old one is given up, so a refusal leaves it intact.
  mutating func reallocateLarge(_ pointer: UnsafeMutableRawPointer, _ byteCount: Int) -> UnsafeMutableRawPointer? {
    guard byteCount <= Int.max - LargeBlockList.headerSize else { return nil }
    let region = pointer - LargeBlockList.headerSize
    let oldSize = SystemMalloc.usableSize(region)
    let total = byteCount + LargeBlockList.headerSize
    if budget.pointee.limit == .max {
      largeBlocks.unlink(region)
      guard let moved = SystemMalloc.reallocate(region, total) else {
        largeBlocks.link(region)
        return nil
      }
      largeBlocks.link(moved)
      budget.pointee.release(oldSize)
      _ = budget.pointee.reserve(SystemMalloc.usableSize(moved))
      return moved + LargeBlockList.headerSize
    }
    guard byteCount <= budget.pointee.limit - budget.pointee.used + oldSize,
          let moved = SystemMalloc.allocate(total) else { return nil }
    let newSize = SystemMalloc.usableSize(moved)
    budget.pointee.release(oldSize)
    guard budget.pointee.reserve(newSize) else {
      _ = budget.pointee.reserve(oldSize)
      SystemMalloc.free(moved)
      return nil
    }
    let user = moved + LargeBlockList.headerSize
    user.copyMemory(from: pointer, byteCount: min(oldSize - LargeBlockList.headerSize, byteCount))
    largeBlocks.unlink(region)
    SystemMalloc.free(region)
    largeBlocks.link(moved)
    return user
  }

  /// The size of the block at `pointer` as the plain layer sees it.
  func plainBlockSize(_ pointer: UnsafeMutableRawPointer, _ domain: MemoryDomain) -> Int {
    if domain.usesPools, let size = small.blockSize(of: pointer) { return size }
    return SystemMalloc.usableSize(pointer - LargeBlockList.headerSize) - LargeBlockList.headerSize
  }
}
