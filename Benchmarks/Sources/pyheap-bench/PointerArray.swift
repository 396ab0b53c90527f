#if canImport(Glibc)
import Glibc
#endif

/// The slots holding a case's live blocks, in memory mapped straight from the kernel.
///
/// Not from `malloc`: an 8 MB array freed and reallocated would move glibc's dynamic mmap
/// threshold and could land inside glibc's heap next to the blocks being measured, which would
/// favour or penalise one implementation. Mapped memory is neutral to both. The pages are
/// touched at creation, so they count in the resident-set baseline, not in a case's peak.
struct PointerArray: ~Copyable {
  let base: UnsafeMutablePointer<UnsafeMutableRawPointer>
  let count: Int
  private let byteCount: Int

  init(count: Int) {
    self.count = count
    byteCount = max(count, 1) * MemoryLayout<UnsafeMutableRawPointer>.stride
    let raw = mmap(nil, byteCount, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
    guard let raw, raw != MAP_FAILED else { fatalError("pyheap-bench: cannot map \(byteCount) bytes") }
    // mmap'd memory is zero-filled; write every page once so it is resident now.
    raw.initializeMemory(as: UInt8.self, repeating: 0, count: byteCount)
    base = raw.bindMemory(to: UnsafeMutableRawPointer.self, capacity: max(count, 1))
  }

  deinit {
    munmap(UnsafeMutableRawPointer(base), byteCount)
  }
}
