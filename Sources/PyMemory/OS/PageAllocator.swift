#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The only code in PyHeap that talks to the kernel's virtual-memory manager.
///
/// Contract:
/// - Every size is greater than zero and a multiple of ``pageSize``; every address passed back
///   in is one this type returned (or lies inside such a mapping, for trimming and advice).
/// - Mappings are anonymous, private, read-write and zero-filled.
/// - Failures are returned as ``OSMemoryError`` values; nothing here traps on an OS failure.
///   Misuse (a zero or unaligned size) is a `precondition`.
/// - ``mapAligned(byteCount:)`` returns memory aligned to its own size. It maps twice the size
///   and unmaps the unaligned head and tail, so no byte is lost to alignment.
///
/// The fault-injection seam lives here and only here: a ``PageAllocator`` created with
/// `failAfter: n` lets `n` aligned (arena) maps succeed and then fails every later one with
/// `ENOMEM`, which is how tests check that running out of address space leaves the heap
/// intact. Plain maps (the address map's reservation) are not counted.
///
/// CPython: Objects/obmalloc.c, `_PyObject_ArenaMmap()` / `_PyObject_ArenaMunmap()`.
public struct PageAllocator: Sendable {
  /// How many more aligned maps may succeed before the seam fails them; nil never fails.
  @usableFromInline var remainingMapsBeforeFailure: Int?
  /// Number of successful `mmap` calls, for statistics and tests.
  public private(set) var mapCount = 0
  /// Number of `munmap` calls, for statistics and tests.
  public private(set) var unmapCount = 0

  /// - Parameter failAfter: nil for a real allocator; `n` to let `n` aligned maps succeed
  ///   and fail every later one (the test seam).
  public init(failAfter: Int? = nil) {
    precondition(failAfter.map { $0 >= 0 } ?? true, "PageAllocator: failAfter must not be negative")
    remainingMapsBeforeFailure = failAfter
  }

  /// The kernel's page size.
  public static var pageSize: Int { Int(sysconf(Int32(_SC_PAGESIZE))) }

  /// Maps `byteCount` bytes of zeroed, read-write memory.
  /// - Parameter reserveOnly: map with `MAP_NORESERVE` (for large, sparsely touched tables).
  public mutating func map(byteCount: Int, reserveOnly: Bool = false) throws(OSMemoryError)
    -> UnsafeMutableRawPointer
  {
    checkSize(byteCount)
    var flags = MAP_PRIVATE | MAP_ANONYMOUS
    if reserveOnly { flags |= MAP_NORESERVE }
    let result = mmap(nil, byteCount, PROT_READ | PROT_WRITE, flags, -1, 0)
    guard let address = result, address != MAP_FAILED else {
      throw OSMemoryError(code: errno, operation: "mmap")
    }
    mapCount += 1
    return address
  }

  /// Maps `byteCount` bytes aligned to `byteCount` (a power of two).
  public mutating func mapAligned(byteCount: Int) throws(OSMemoryError) -> UnsafeMutableRawPointer {
    precondition(byteCount > 0 && byteCount & (byteCount - 1) == 0,
                 "PageAllocator.mapAligned: size \(byteCount) is not a power of two")
    if let remaining = remainingMapsBeforeFailure {
      guard remaining > 0 else { throw OSMemoryError(code: ENOMEM, operation: "mmap") }
      remainingMapsBeforeFailure = remaining - 1
    }
    let raw = try map(byteCount: byteCount * 2)
    let start = UInt(bitPattern: raw)
    let aligned = (start + UInt(byteCount) - 1) & ~(UInt(byteCount) - 1)
    let head = Int(aligned - start)
    let tail = byteCount - head
    if head > 0 { munmapChecked(raw, head) }
    if tail > 0 { munmapChecked(UnsafeMutableRawPointer(bitPattern: aligned + UInt(byteCount))!, tail) }
    return UnsafeMutableRawPointer(bitPattern: aligned)!
  }

  /// Asks the kernel to fault in every page of a mapping now, in one call, rather than one
  /// trap per page as the pages are first written. Best effort: on kernels without
  /// `MADV_POPULATE_WRITE` (before Linux 5.14) the pages simply fault in later.
  public func prefault(_ address: UnsafeMutableRawPointer, byteCount: Int) {
    checkSize(byteCount)
    _ = madvise(address, byteCount, PageAllocator.populateWrite)
  }

  /// `MADV_POPULATE_WRITE` (Linux 5.14+), which the Glibc module does not export.
  private static let populateWrite: Int32 = 23

  /// Returns a mapping (or an aligned part of one) to the kernel.
  public mutating func unmap(_ address: UnsafeMutableRawPointer, byteCount: Int) {
    checkSize(byteCount)
    munmapChecked(address, byteCount)
    unmapCount += 1
  }

  /// Tells the kernel the pages' contents are no longer needed. They stay mapped and read as
  /// zero when next touched; resident memory drops at once.
  public func discard(_ address: UnsafeMutableRawPointer, byteCount: Int) {
    checkSize(byteCount)
    _ = madvise(address, byteCount, MADV_DONTNEED)
  }

  private func checkSize(_ byteCount: Int) {
    precondition(byteCount > 0 && byteCount % PageAllocator.pageSize == 0,
                 "PageAllocator: size \(byteCount) is not a positive multiple of the page size")
  }

  private func munmapChecked(_ address: UnsafeMutableRawPointer, _ byteCount: Int) {
    // munmap fails only for addresses we did not map: an internal bug, never a user error.
    let status = munmap(address, byteCount)
    precondition(status == 0, "PageAllocator: munmap of a range we did not map (errno \(errno))")
  }
}

extension OSMemoryError {
  static let outOfMemoryCode: Int32 = ENOMEM
}
