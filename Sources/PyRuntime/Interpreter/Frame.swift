import PyCompiler
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An activation of a code object: CPython 3.11's `_PyInterpreterFrame`. Not a heap object;
/// it lives on the ``FrameStack`` (or inside a generator) and is followed in memory by its
/// `localsplus` slots and its value stack:
///
/// ```
///   Frame | localsplus[0 ..< localsPlusCount] | value stack[0 ..< stackSize]
/// ```
/// Every reference in a frame is strong.
public struct Frame {
  var code: PyRef
  /// The function being run; nil for module and `exec` code.
  var function: PyRef?
  var globals: PyRef
  var builtins: PyRef
  /// The namespace of a module or class body (LOAD_NAME/STORE_NAME); nil in functions.
  var locals: PyRef?
  /// The frame that called this one (the next one down in tracebacks).
  var previous: UnsafeMutablePointer<Frame>?
  var instructions: UnsafeMutablePointer<UInt32>
  /// The index of the next instruction, saved when the frame is not running.
  var nextInstruction: Int
  /// The number of values on the value stack, saved when the frame is not running.
  var stackDepth: Int
  var localsPlusCount: Int
  /// The native caller of `evalFrame` waits for this frame: returning from it leaves the
  /// loop.
  var isEntry: Bool
  /// Set when the frame's memory belongs to a generator rather than the frame stack.
  var ownedByGenerator: Bool
  /// Set by `YIELD_VALUE` when a generator frame leaves the loop suspended.
  var suspended: Bool
  /// The instruction that raised, for tracebacks and `f_lineno`.
  var lastInstruction: Int
  /// The `frame` object (a strong reference), once one was asked for.
  var frameObject: UnsafeMutableRawPointer? = nil
  /// The instruction running now (CPython 3.11's `prev_instr`): the loop stores it before
  /// each instruction, so a tracer (tracemalloc) can tell the line of every frame on the
  /// stack at any allocation. One store per instruction, no branch.
  var instructionPointer: UnsafeMutablePointer<UInt32>
  /// The number of frames on the stack down to and including this one, set when the frame
  /// is linked to its caller (tracemalloc's `total_nframe`, without walking the stack).
  var depth: Int

  /// The slots after the header.
  var localsPlus: UnsafeMutablePointer<UnsafeMutableRawPointer?> {
    mutating get {
      withUnsafeMutablePointer(to: &self) { UnsafeMutableRawPointer($0 + 1).assumingMemoryBound(to: UnsafeMutableRawPointer?.self) }
    }
  }

}

extension UnsafeMutablePointer where Pointee == Frame {
  /// `localsplus[0]`.
  @inline(__always) var localsPlus: UnsafeMutablePointer<UnsafeMutableRawPointer?> {
    UnsafeMutableRawPointer(self + 1).assumingMemoryBound(to: UnsafeMutableRawPointer?.self)
  }
  /// The bottom of the value stack.
  @inline(__always) var stackBase: UnsafeMutablePointer<UnsafeMutableRawPointer?> {
    localsPlus + pointee.localsPlusCount
  }
  /// The index of the instruction running now (see ``Frame/instructionPointer``).
  @inline(__always) var runningInstruction: Int { pointee.instructionPointer - pointee.instructions }
  /// The line of the instruction that last ran.
  var currentLine: Int {
    CodeType.code(pointee.code).lineTable.line(at: pointee.lastInstruction) ?? CodeType.code(pointee.code).firstLineNumber
  }
}

/// Where frames live: contiguous chunks, pushed and popped in call order (CPython 3.11's
/// data stack). A chunk holds many frames; a new chunk is mapped only when one is full, so
/// a call costs a pointer bump. The memory is the interpreter's bookkeeping, not Python
/// objects, so it comes from the C library, not the object heap.
struct FrameStack {
  /// The current chunk: `previous chunk | saved top of the previous chunk | limit`, then
  /// frames.
  private var chunk: UnsafeMutableRawPointer?
  private(set) var top: UnsafeMutableRawPointer?
  private var limit: UnsafeMutableRawPointer?
  /// One emptied chunk kept for reuse, so recursion at a chunk boundary does not map and
  /// unmap on every call.
  private var spare: UnsafeMutableRawPointer?

  static let chunkHeader = 32
  static let chunkSize = 256 * 1024

  /// Room for `byteCount` bytes of frame, or nil when the C library is out of memory.
  @inline(__always)
  mutating func push(_ byteCount: Int) -> UnsafeMutableRawPointer? {
    if let top, let limit, top + byteCount <= limit {
      self.top = top + byteCount
      return top
    }
    return pushChunk(byteCount)
  }

  /// ``push(_:)`` when the current chunk is full: a new (or the spare) chunk.
  @inline(never)
  private mutating func pushChunk(_ byteCount: Int) -> UnsafeMutableRawPointer? {
    let size = max(FrameStack.chunkSize, byteCount + FrameStack.chunkHeader)
    let fresh: UnsafeMutableRawPointer
    if let spare, spare.load(fromByteOffset: 16, as: Int.self) >= size {
      fresh = spare
      self.spare = nil
    } else {
      guard let memory = malloc(size) else { return nil }
      fresh = memory
      fresh.storeBytes(of: size, toByteOffset: 16, as: Int.self)
    }
    fresh.storeBytes(of: chunk, as: UnsafeMutableRawPointer?.self)
    fresh.storeBytes(of: top, toByteOffset: 8, as: UnsafeMutableRawPointer?.self)
    chunk = fresh
    limit = fresh + fresh.load(fromByteOffset: 16, as: Int.self)
    let frame = fresh + FrameStack.chunkHeader
    top = frame + byteCount
    return frame
  }

  /// Pops the frame at `frame` (the most recent push).
  @inline(__always)
  mutating func pop(_ frame: UnsafeMutableRawPointer) {
    guard let chunk else { return }
    if _slowPath(frame == chunk + FrameStack.chunkHeader) {
      popChunk()
    } else {
      top = frame
    }
  }

  /// ``pop(_:)`` of the first frame of a chunk: back to the previous chunk, keeping this
  /// one as the spare.
  @inline(never)
  private mutating func popChunk() {
    guard let chunk else { return }
    let previous = chunk.load(as: UnsafeMutableRawPointer?.self)
    let previousTop = chunk.load(fromByteOffset: 8, as: UnsafeMutableRawPointer?.self)
    if let spare { free(spare) }
    spare = chunk
    self.chunk = previous
    top = previousTop
    limit = previous.map { $0 + $0.load(fromByteOffset: 16, as: Int.self) }
  }

  /// Frees every chunk (the runtime's teardown).
  mutating func release() {
    while let current = chunk {
      chunk = current.load(as: UnsafeMutableRawPointer?.self)
      free(current)
    }
    if let spare { free(spare) }
    spare = nil
    top = nil
    limit = nil
  }
}
