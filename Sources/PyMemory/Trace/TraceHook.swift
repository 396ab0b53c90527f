/// A tracer's view of the heap: told about every allocation, reallocation and free, with
/// sizes. tracemalloc is built on this.
///
/// Installed with ``Heap/setTraceHook(_:)``. While none is installed the fast paths pay one
/// well-predicted branch (the heap's `isPlain` flag) and nothing else; while one is, every
/// operation takes the slow path and calls it.
///
/// The functions are `@convention(c)`: no closure context, no reference counting. They must
/// not allocate from the heap that calls them.
public struct TraceHook {
  /// Passed back to every call (the tracer's state).
  public var context: UnsafeMutableRawPointer?
  /// A block of `size` requested bytes was handed out in the domain with this raw value.
  public var allocated: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutableRawPointer, Int, UInt8) -> Void
  /// A block is about to be freed; `size` is its requested size under the debug layer, its
  /// usable size otherwise.
  public var freed: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutableRawPointer, Int, UInt8) -> Void
  /// A block moved (or stayed, when old == new) and now has `size` requested bytes. `old` is
  /// nil when the reallocation allocated.
  public var reallocated: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutableRawPointer?,
                                          UnsafeMutableRawPointer, Int, UInt8) -> Void
  /// Whether `freed` needs the block's size. A tracer that keeps its own record of sizes
  /// (tracemalloc) says no, and the plain path skips looking the size up: `freed` then
  /// gets 0.
  public var wantsFreedSize = true

  public init(
    context: UnsafeMutableRawPointer?,
    allocated: @escaping @convention(c) (UnsafeMutableRawPointer?, UnsafeMutableRawPointer, Int, UInt8) -> Void,
    freed: @escaping @convention(c) (UnsafeMutableRawPointer?, UnsafeMutableRawPointer, Int, UInt8) -> Void,
    reallocated: @escaping @convention(c) (UnsafeMutableRawPointer?, UnsafeMutableRawPointer?,
                                           UnsafeMutableRawPointer, Int, UInt8) -> Void,
    wantsFreedSize: Bool = true
  ) {
    self.context = context
    self.allocated = allocated
    self.freed = freed
    self.reallocated = reallocated
    self.wantsFreedSize = wantsFreedSize
  }
}

extension Heap {
  /// Installs a tracer, or removes it with nil.
  public func setTraceHook(_ hook: TraceHook?) {
    state.pointee.traceHook = hook
    state.pointee.updatePlainFlag()
  }

  /// Whether a tracer is installed.
  public var isTraced: Bool { state.pointee.traceHook != nil }
}
