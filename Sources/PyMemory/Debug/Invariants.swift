/// An internal-consistency check of the allocator: compiled in debug builds
/// (`PYMEM_CHECKS`), compiled out of release builds. A failure is a bug in PyHeap, never a
/// caller's mistake (those are `precondition`s) nor a Python error.
@usableFromInline @inline(__always)
func _pymemInvariant(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
                     file: StaticString = #fileID, line: UInt = #line) {
  #if PYMEM_CHECKS
  if !condition() { fatalError("PyMemory invariant violated: \(message())", file: file, line: line) }
  #endif
}

/// Whether the O(1) checks are compiled in (debug builds).
public let pymemChecksEnabled: Bool = {
  #if PYMEM_CHECKS
  return true
  #else
  return false
  #endif
}()

/// Whether the whole-heap verifier runs after every slow-path operation (the
/// `ExpensiveChecks` trait).
public let pymemExpensiveChecksEnabled: Bool = {
  #if PYMEM_EXPENSIVE_CHECKS
  return true
  #else
  return false
  #endif
}()
