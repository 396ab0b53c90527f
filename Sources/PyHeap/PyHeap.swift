@_exported import PyMemory
@_exported import PyRuntime

/// The embedding API. One `import PyHeap` gives the private heap (`Heap`, from `PyMemory`)
/// and the object runtime on it (`Runtime`, from `PyRuntime`); running Python source comes
/// with the interpreter.
public enum PyHeapInfo {
  /// PyHeap's own version.
  public static let version = "0.1.0"
  /// The CPython version PyHeap follows.
  public static var pythonVersion: String {
    let v = PyRuntime.pythonVersion
    return "\(v.major).\(v.minor).\(v.micro)"
  }
}
