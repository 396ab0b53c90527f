import PyMemory

/// tracemalloc's state: whether it traces, the traceback limit, the traced totals and the
/// tables. One per runtime, made on first use, in C-library memory (it is mutated from
/// inside the heap's allocation hook, so it must never allocate from that heap).
///
/// The heap calls ``TracemallocHooks`` for every allocation, reallocation and free while
/// tracing is on (and takes only its plain fast paths while it is off). An allocation is
/// recorded as (address → size, traceback); the traceback is found through the
/// ``FrameCache`` from the frames running now, and interned in the ``TracebackTable``.
/// CPython: Modules/_tracemalloc.c (`tracemalloc_alloc`, `tracemalloc_free`,
/// `tracemalloc_realloc`, `traceback_new`).
struct Tracemalloc {
  let runtime: UnsafeMutablePointer<RuntimeState>
  private(set) var isTracing = false
  /// `get_traceback_limit()`: frames kept per traceback, 1…65535.
  private(set) var frameLimit = 1
  /// Bytes in traced blocks now, and the most since tracing started or `reset_peak()`.
  var tracedMemory = 0
  var peakTracedMemory = 0
  var traces = Traces()
  var tracebacks = TracebackTable()
  var filenames = FilenameTable()
  var cache = FrameCache()
  /// Scratch for a traceback being resolved (`1 + 2 * frameLimit` words).
  private var candidate: UnsafeMutablePointer<UInt32>
  /// The interned `(('<unknown>', 0),)` traceback, once made.
  private var unknownTraceback: UInt32?
  /// Set while tracemalloc builds Python objects of its own (`_get_traces()`): those
  /// allocations are not traced, as CPython's `set_reentrant(1)` arranges. Frees still are.
  var isSuspended = false
  /// Bytes of the code objects' line arrays that tracing made (see ``lineNumbers(_:)``).
  private(set) var lineArrayBytes = 0

  static let maximumFrames = 65535

  init(runtime: UnsafeMutablePointer<RuntimeState>) {
    self.runtime = runtime
    candidate = .allocate(capacity: 3)
  }

  /// Bytes of the tables and scratch buffers: `get_tracemalloc_memory()`.
  var memoryUsage: Int {
    MemoryLayout<Tracemalloc>.stride + traces.memoryUsage + tracebacks.memoryUsage + filenames.memoryUsage
      + cache.memoryUsage + (1 + 2 * frameLimit) * 4 + lineArrayBytes
  }

  /// Switches tracing on with `limit` frames per traceback (the caller installs the hook).
  mutating func begin(frameLimit limit: Int) {
    candidate.deallocate()
    frameLimit = limit
    candidate = .allocate(capacity: 1 + 2 * limit)
    isTracing = true
  }

  /// Switches tracing off (the caller has removed the hook) and empties the tables.
  /// Returns the file names they held, for the caller to release.
  mutating func end() -> [PyRef] {
    isTracing = false
    return removeAll()
  }

  /// Forgets every trace and traceback (`clear_traces()`); the totals go back to 0.
  /// Returns the file names that were held, for the caller to release once the tables are
  /// consistent again (releasing one frees a traced block).
  mutating func removeAll() -> [PyRef] {
    traces.removeAll()
    tracebacks.removeAll()
    cache.removeAll()
    unknownTraceback = nil
    tracedMemory = 0
    peakTracedMemory = 0
    return filenames.removeAll()
  }

  /// Frees the tables without touching the heap (the runtime's teardown).
  func release() {
    traces.release()
    tracebacks.release()
    cache.release()
    candidate.deallocate()
  }

  // MARK: - The hot path

  /// Records a block of `size` bytes allocated at `block` (or resized in place) with the
  /// traceback of the frames running now.
  @inline(__always)
  mutating func record(_ block: UnsafeMutableRawPointer, _ size: Int) {
    if _slowPath(isSuspended) { return }
    let traceback = currentTraceback()
    let replaced = traces.insert(UInt(bitPattern: block), size: size, traceback: traceback, heap: runtime.pointee.heap)
    tracedMemory &+= size &- replaced
    if tracedMemory > peakTracedMemory { peakTracedMemory = tracedMemory }
  }

  /// Forgets a block about to be freed, if it was traced.
  @inline(__always)
  mutating func forget(_ block: UnsafeMutableRawPointer) {
    let size = traces.remove(UInt(bitPattern: block))
    if size >= 0 { tracedMemory &-= size }
  }

  /// The interned traceback of the frames running now: CPython's `traceback_new()`.
  @inline(__always)
  mutating func currentTraceback() -> UInt32 {
    guard let top = runtime.pointee.interpreter.currentFrame else { return unknown() }
    let ip0 = UInt(bitPattern: top.pointee.instructionPointer)
    let depth = top.pointee.depth
    var outer: UInt64 = 0
    if frameLimit > 1 {
      // The outer frames count by code object and line, not by instruction: recursion
      // reaches one line by many paths (`f(n - 1) + f(n - 2)`), and all of them are one
      // traceback, so they had better be one key.
      var frame = top
      var remaining = frameLimit &- 1
      while remaining > 0, let previous = frame.pointee.previous {
        frame = previous
        let line = lineNumbers(frame.pointee.code)[frame.runningInstruction]
        outer = FrameCache.mix(outer, UInt(bitPattern: frame.pointee.code.raw) ^ UInt(truncatingIfNeeded: line) << 48)
        remaining &-= 1
      }
    }
    if let known = cache.find(ip0: ip0, outer: outer, depth: depth) { return known }
    return resolve(top, ip0: ip0, outer: outer, depth: depth)
  }

  /// A key seen for the first time: computes each frame's file name and line, interns the
  /// traceback and caches the key.
  @inline(never)
  private mutating func resolve(_ top: UnsafeMutablePointer<Frame>, ip0: UInt, outer: UInt64, depth: Int) -> UInt32 {
    var frame: UnsafeMutablePointer<Frame>? = top
    var count = 0
    while count < frameLimit, let current = frame {
      candidate[1 + 2 * count] = filenames.index(of: CodeType.filename(current.pointee.code))
      candidate[2 + 2 * count] = UInt32(truncatingIfNeeded: line(of: current))
      count += 1
      frame = current.pointee.previous
    }
    candidate[0] = UInt32(count) | UInt32(min(depth, Tracemalloc.maximumFrames)) << 16
    let id = tracebacks.intern(candidate)
    // Deep recursion reaches the same lines by many paths: past a bound, start afresh
    // rather than grow without limit.
    if cache.count >= 1 << 16 && cache.count > 8 * tracebacks.count { cache.removeAll() }
    cache.insert(ip0: ip0, outer: outer, depth: depth, traceback: id)
    return id
  }

  /// The line a frame is at, as tracebacks show it; 0 when the instruction has none (CPython
  /// stores 0 for a negative `PyCode_Addr2Line`).
  mutating func line(of frame: UnsafeMutablePointer<Frame>) -> Int {
    Int(lineNumbers(frame.pointee.code)[frame.runningInstruction])
  }

  /// A code object's flat line array, counted in ``memoryUsage`` when tracemalloc made it.
  @inline(__always)
  mutating func lineNumbers(_ code: PyRef) -> UnsafeMutablePointer<Int32> {
    if let lines = code.raw.load(fromByteOffset: CodeType.linesOffset, as: UnsafeMutablePointer<Int32>?.self) {
      return lines
    }
    let lines = CodeType.makeLineNumbers(code)
    lineArrayBytes += CodeType.lineNumbersByteCount(code)
    return lines
  }

  /// The traceback of an allocation made while no Python code runs: one `<unknown>` frame
  /// at line 0 (CPython's `tracemalloc_empty_traceback`).
  private mutating func unknown() -> UInt32 {
    if let unknownTraceback { return unknownTraceback }
    candidate[0] = 1 | 1 << 16
    candidate[1] = FilenameTable.unknown
    candidate[2] = 0
    let id = tracebacks.intern(candidate)
    unknownTraceback = id
    return id
  }

  /// A code object is about to be freed: cached instruction addresses may point into it,
  /// and its line array goes with it.
  mutating func codeWillBeFreed(_ code: PyRef) {
    cache.removeAll()
    lineArrayBytes -= CodeType.lineNumbersByteCount(code)
  }
}

/// The heap's trace hook functions; the context is the runtime's ``Tracemalloc``.
enum TracemallocHooks {
  static let allocated: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutableRawPointer, Int, UInt8) -> Void = {
    context, block, size, _ in
    context.unsafelyUnwrapped.assumingMemoryBound(to: Tracemalloc.self).pointee.record(block, size)
  }

  static let freed: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutableRawPointer, Int, UInt8) -> Void = {
    context, block, _, _ in
    context.unsafelyUnwrapped.assumingMemoryBound(to: Tracemalloc.self).pointee.forget(block)
  }

  /// CPython's `tracemalloc_realloc`: a moved block loses its old trace; the block (moved
  /// or resized in place) gets the traceback of the reallocation.
  static let reallocated: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutableRawPointer?, UnsafeMutableRawPointer,
                                          Int, UInt8) -> Void = { context, old, new, size, _ in
    let tracer = context.unsafelyUnwrapped.assumingMemoryBound(to: Tracemalloc.self)
    if let old, old != new || tracer.pointee.isSuspended { tracer.pointee.forget(old) }
    tracer.pointee.record(new, size)
  }
}

extension RuntimeRef {
  /// The runtime's tracemalloc state, made on first use.
  var tracemalloc: UnsafeMutablePointer<Tracemalloc> {
    if let existing = state.pointee.tracemalloc { return existing }
    let made = UnsafeMutablePointer<Tracemalloc>.allocate(capacity: 1)
    made.initialize(to: Tracemalloc(runtime: state))
    state.pointee.tracemalloc = made
    return made
  }

  /// Whether tracemalloc traces allocations now.
  public var isTracingMemory: Bool { state.pointee.tracemalloc?.pointee.isTracing ?? false }

  /// Starts tracing with `frames` frames per traceback (1…65535); does nothing if tracing
  /// already (the limit stays, as in CPython). CPython: `tracemalloc_start()`.
  public func startTracingMemory(frames: Int) {
    precondition((1...Tracemalloc.maximumFrames).contains(frames), "tracemalloc: frame limit out of range")
    let tracer = tracemalloc
    guard !tracer.pointee.isTracing else { return }
    tracer.pointee.begin(frameLimit: frames)
    state.pointee.heap.setTraceHook(TraceHook(
      context: UnsafeMutableRawPointer(tracer), allocated: TracemallocHooks.allocated,
      freed: TracemallocHooks.freed, reallocated: TracemallocHooks.reallocated, wantsFreedSize: false))
  }

  /// Stops tracing and forgets every trace. CPython: `tracemalloc_stop()`.
  public func stopTracingMemory() {
    guard let tracer = state.pointee.tracemalloc, tracer.pointee.isTracing else { return }
    state.pointee.heap.setTraceHook(nil)
    for name in tracer.pointee.end() { decref(name) }
  }

  /// Forgets every trace, keeps tracing. CPython: `tracemalloc_clear_traces()`.
  public func clearMemoryTraces() {
    guard let tracer = state.pointee.tracemalloc, tracer.pointee.isTracing else { return }
    for name in tracer.pointee.removeAll() { decref(name) }
  }

  /// `get_traced_memory()`: bytes in traced blocks now and at the peak; (0, 0) when off.
  public var tracedMemory: (current: Int, peak: Int) {
    guard let tracer = state.pointee.tracemalloc, tracer.pointee.isTracing else { return (0, 0) }
    return (tracer.pointee.tracedMemory, tracer.pointee.peakTracedMemory)
  }

  /// Frees the tracer's tables at teardown (the heap goes too, so no references are
  /// released).
  func releaseTracemalloc() {
    guard let tracer = state.pointee.tracemalloc else { return }
    if tracer.pointee.isTracing { state.pointee.heap.setTraceHook(nil) }
    tracer.pointee.release()
    tracer.deinitialize(count: 1)
    tracer.deallocate()
    state.pointee.tracemalloc = nil
  }
}
