/// Reporting an error nobody can catch (a failing `__del__`, weak-reference callback or
/// `gc.callbacks` entry) with the object it happened in, as CPython's
/// `PyErr_WriteUnraisable(obj)` does: "Exception ignored in: " + `repr(obj)`.
/// CPython: Python/errors.c, `_PyErr_WriteUnraisableMsg()`.
extension RuntimeRef {
  /// Reports the pending exception as unraisable with CPython's wording for a particular
  /// place: "Exception ignored " + `message` + ": " + `repr(object)`, then the traceback
  /// (the hook's `err_msg` is "Exception ignored " + `message`).
  /// CPython: `_PyErr_WriteUnraisableMsg()`.
  func writeUnraisable(message: String, object: PyRef) {
    writeUnraisable(object: object, message: "Exception ignored \(message)")
  }

  /// `repr(object)` with the pending exception kept; a failing repr gives CPython's
  /// placeholder.
  func unraisableContext(_ object: PyRef) -> String {
    let saved = fetchException()
    defer { restoreException(saved) }
    guard let text = reprString(object) else {
      clearError()
      return "<object repr() failed>"
    }
    return text
  }
}
