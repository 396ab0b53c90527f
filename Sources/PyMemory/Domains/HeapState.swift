/// Everything one heap knows, in one place that the heap owns and reaches through a pointer.
///
/// `Heap` holds an `UnsafeMutablePointer<HeapState>`; every operation mutates the state
/// through it. Pointer accesses carry no dynamic exclusivity checks (class properties and
/// globals would, at ~126 instructions each; see SWIFT-PERFORMANCE.md), and there is no
/// global state, so any number of heaps can live side by side in one process.
@usableFromInline
struct HeapState {
  @usableFromInline var small: SmallObjectAllocator
  /// True when every call can take the plain paths: no debug layer, no trace hook. The
  /// fast paths test this one flag.
  @usableFromInline var isPlain: Bool
  /// The debug layer, when the heap was created with `debugHooks`.
  var debug: DebugBlockTable?
  /// The trace hook, when a tracer is installed.
  var traceHook: TraceHook?
  /// Blocks of the mem and object domains that the C library serves (0 or > 512 bytes):
  /// CPython's `raw_allocated_blocks`, part of `sys.getallocatedblocks()`.
  @usableFromInline var largeBlockCount = 0
  /// The heap limit and footprint; shared with `small`, which charges arenas to it.
  @usableFromInline let budget: UnsafeMutablePointer<HeapBudget>

  /// Every C-library block the heap holds, freed when the heap goes.
  let largeBlocks: LargeBlockList

  /// Unmaps and frees everything. The heap is unusable afterwards.
  mutating func tearDown() {
    small.tearDown()
    largeBlocks.freeAll()
    budget.deallocate()
  }

  mutating func updatePlainFlag() {
    isPlain = debug == nil && traceHook == nil
  }
}
