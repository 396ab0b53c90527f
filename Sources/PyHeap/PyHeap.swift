@_exported import PyMemory
import PyRuntime

/// The embedding API: the version, and (re-exported) the private heap of `PyMemory`.
public enum PyHeapInfo {
  /// PyHeap's own version.
  public static let version = "0.1.0"
  /// The CPython version PyHeap follows.
  public static var pythonVersion: String {
    let v = PyRuntime.pythonVersion
    return "\(v.major).\(v.minor).\(v.micro)"
  }
}
