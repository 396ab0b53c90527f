import ArgumentParser
import PyMemory

#if canImport(Glibc)
import Glibc
#endif

/// The implementations a case is run with.
enum Impl: String, CaseIterable, ExpressibleByArgument {
  /// A `PyMemory.Heap`: `allocate(byteCount:)` / `free(_:)`, object domain, inlined fast paths.
  case pyheap
  /// The C library's `malloc` / `free`, called from the same binary.
  case glibc
}

/// What the measured loops allocate through. The loops are generic over it and are only ever
/// called with the concrete types below, so whole-module optimisation specialises them: the
/// heap's `@inlinable` fast paths inline into the loop, exactly as in a client module, and
/// nothing goes through a witness table.
protocol BlockAllocator: ~Copyable {
  /// A block of at least `byteCount` bytes. Stops the benchmark if memory runs out.
  func allocate(_ byteCount: Int) -> UnsafeMutableRawPointer
  func free(_ block: UnsafeMutableRawPointer)
}

/// PyHeap's allocator. One heap per run series, like one interpreter.
struct PyHeapBlocks: BlockAllocator, ~Copyable {
  let heap = Heap()

  @inline(__always)
  func allocate(_ byteCount: Int) -> UnsafeMutableRawPointer {
    guard let block = heap.allocate(byteCount: byteCount) else { outOfMemory(byteCount) }
    return block
  }

  @inline(__always)
  func free(_ block: UnsafeMutableRawPointer) { heap.free(block) }
}

/// glibc's allocator, through the same kind of call a C program makes (via the PLT).
struct GlibcBlocks: BlockAllocator {
  @inline(__always)
  func allocate(_ byteCount: Int) -> UnsafeMutableRawPointer {
    guard let block = malloc(byteCount) else { outOfMemory(byteCount) }
    return block
  }

  @inline(__always)
  func free(_ block: UnsafeMutableRawPointer) { Glibc.free(block) }
}

@inline(never)
func outOfMemory(_ byteCount: Int) -> Never {
  fatalError("pyheap-bench: allocation of \(byteCount) bytes failed")
}
