/// Interpreter exit, as CPython's `Py_FinalizeEx` does it for a program: the `atexit`
/// callbacks (newest first), the output flushed, a final full collection (finalizers of
/// cyclic garbage run; `gc.callbacks` are not called, and a disabled collector collects
/// anyway), then the report on what `gc.garbage` still holds.
/// CPython: Python/pylifecycle.c (`Py_FinalizeEx`, `finalize_modules`),
/// Modules/gcmodule.c (`_PyGC_CollectNoFail`, `_PyGC_DumpShutdownStats`).
extension RuntimeRef {
  /// Runs the exit sequence. The runtime stays usable (its objects are not torn down);
  /// the process is expected to exit right after.
  public func finalizeInterpreter() {
    if hasError { clearError() }
    runAtExitCallbacks()
    flushOutput()
    collectNoFail()
    dumpShutdownGCStats()
    flushOutput()
  }

  /// What CPython reports when `gc.garbage` is not empty at exit (and `DEBUG_SAVEALL` is
  /// off): a `ResourceWarning` "gc: N uncollectable objects at shutdown", which the
  /// default warning filters ignore, so nothing is printed for it; with
  /// `DEBUG_UNCOLLECTABLE` the warning drops its hint and the list's repr follows on
  /// stderr, indented six spaces, and that line is always printed.
  func dumpShutdownGCStats() {
    let flags = state.pointee.gc.debugFlags
    let garbage = gcGarbageList
    guard !flags.contains(.saveAll), ListObject.count(garbage) > 0, flags.contains(.uncollectable) else { return }
    guard let text = reprString(garbage) else {
      writeUnraisable(object: garbage)
      return
    }
    state.pointee.interpreter.standardError.write("      \(text)\n")
    state.pointee.interpreter.standardError.flush()
  }
}
