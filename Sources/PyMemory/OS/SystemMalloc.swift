#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The C library's allocator: the raw domain, and the fallback for requests the pools do not
/// serve (zero bytes and more than 512 bytes).
///
/// Contract (CPython's `PyMem_RawMalloc` family): a zero-byte request returns a unique
/// non-nil pointer (it asks for one byte); a request above `Int.max` cannot be expressed and
/// callers reject sizes that overflow before they get here; `free(nil)` does nothing.
///
/// CPython: Objects/obmalloc.c, `_PyMem_RawMalloc()` and friends.
@usableFromInline
enum SystemMalloc {
  @usableFromInline
  static func allocate(_ byteCount: Int) -> UnsafeMutableRawPointer? {
    malloc(byteCount == 0 ? 1 : byteCount)
  }

  @usableFromInline
  static func allocateZeroed(count: Int, size: Int) -> UnsafeMutableRawPointer? {
    if count == 0 || size == 0 { return calloc(1, 1) }
    return calloc(count, size)
  }

  @usableFromInline
  static func reallocate(_ pointer: UnsafeMutableRawPointer?, _ byteCount: Int) -> UnsafeMutableRawPointer? {
    realloc(pointer, byteCount == 0 ? 1 : byteCount)
  }

  @usableFromInline
  static func free(_ pointer: UnsafeMutableRawPointer?) {
    #if canImport(Glibc)
    Glibc.free(pointer)
    #else
    Darwin.free(pointer)
    #endif
  }

  /// The bytes really usable in a block from `allocate`; what the heap budget counts.
  @usableFromInline
  static func usableSize(_ pointer: UnsafeMutableRawPointer) -> Int {
    #if canImport(Darwin)
    return malloc_size(pointer)
    #else
    return glibcMallocUsableSize(pointer)
    #endif
  }
}

#if !canImport(Darwin)
/// glibc's `malloc_usable_size` (declared in `<malloc.h>`, which the Glibc module does not
/// export).
@_silgen_name("malloc_usable_size")
func glibcMallocUsableSize(_ pointer: UnsafeMutableRawPointer?) -> Int
#endif
