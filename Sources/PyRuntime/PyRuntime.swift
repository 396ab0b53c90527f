import PyMemory

/// PyRuntime: objects, reference counting, the cycle collector, weak references and the
/// interpreter, all on a `PyMemory.Heap`.
///
/// The object model arrives with the objects issue; today the runtime is the heap it will
/// stand on.
public enum PyRuntime {
  /// The Python version whose behaviour the runtime reproduces.
  public static let pythonVersion = (major: 3, minor: 11, micro: 7)
}
