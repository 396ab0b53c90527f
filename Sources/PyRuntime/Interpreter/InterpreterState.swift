/// The interpreter's part of the runtime state: the recursion counter, the builtins and
/// the imported modules.
public struct InterpreterState {
  /// Python frames and native re-entries currently active (CPython's recursion depth).
  public var recursionDepth = 0
  /// `sys.getrecursionlimit()`.
  public var recursionLimit = 1000
  /// Set while the `RecursionError` itself is being made, so the calls that takes get 50
  /// more levels (CPython 3.11's `recursion_headroom`). Handlers get none: a program that
  /// catches the error and recurses again stops at the same depth.
  var recursionHeadroom = false
  /// The `builtins` module's dict (owned), and `sys.modules` (owned).
  public internal(set) var builtins: UnsafeMutableRawPointer?
  public internal(set) var modules: UnsafeMutableRawPointer?
  /// The `builtins` and `sys` module objects (owned).
  public internal(set) var builtinsModule: UnsafeMutableRawPointer?
  public internal(set) var sysModule: UnsafeMutableRawPointer?
  /// Where frames live, and the frame running now (the top of the Python call stack).
  var frameStack = FrameStack()
  var currentFrame: UnsafeMutablePointer<Frame>?
  /// Directories searched by `import` for `name.py` (the script's directory first).
  public var searchPaths: [String] = []
  /// Buffered text of `sys.stdout` and `sys.stderr`, written out by ``RuntimeRef/flushOutput()``.
  var standardOutput = OutputBuffer(descriptor: 1, limit: 8192)
  var standardError = OutputBuffer(descriptor: 2, limit: 0)
  /// Lines `input()` reads come from here (standard input by default).
  var inputReader: (() -> String?)?
  /// The built-in modules `import` can make, by name (`sys`, `gc`, …).
  public var builtinModules: [String: (RuntimeRef) -> PyRef?] = [:]
  /// `sys.UnraisableHookArgs` (owned), made with `sys`.
  var unraisableHookArgsType: UnsafeMutableRawPointer?
  /// Source files read for tracebacks, split into lines.
  var sourceCache: [String: [String]] = [:]
  public init() {}
}

extension RuntimeRef {
  /// Counts one more level of recursion; raises `RecursionError` past the limit (CPython's
  /// `_Py_EnterRecursiveCall`).
  @inlinable
  public func enterRecursiveCall(_ context: String) -> Bool {
    state.pointee.interpreter.recursionDepth &+= 1
    if _slowPath(state.pointee.interpreter.recursionDepth > state.pointee.interpreter.recursionLimit) {
      return recursionLimitExceeded(context)
    }
    return true
  }

  @inlinable
  public func leaveRecursiveCall() { state.pointee.interpreter.recursionDepth &-= 1 }

  @usableFromInline
  func recursionLimitExceeded(_ context: String) -> Bool {
    if state.pointee.interpreter.recursionHeadroom {
      // Making the RecursionError recursed: allow 50 levels, then fail this call (CPython
      // aborts the process here; PyHeap raises a plain RecursionError instead).
      if state.pointee.interpreter.recursionDepth <= state.pointee.interpreter.recursionLimit + 50 { return true }
      state.pointee.interpreter.recursionDepth &-= 1
      raise("RecursionError", "maximum recursion depth exceeded while handling a recursion error")
      return false
    }
    state.pointee.interpreter.recursionDepth &-= 1
    state.pointee.interpreter.recursionHeadroom = true
    raise("RecursionError", "maximum recursion depth exceeded\(context)")
    state.pointee.interpreter.recursionHeadroom = false
    return false
  }
}
