/// The error indicator: a failing runtime function returns nil (or false, or -1) and leaves
/// the exception object here, on the runtime. Nothing throws in Swift.
/// CPython: Python/errors.c (`PyErr_SetString`, `PyErr_Fetch`, `PyErr_Restore`,
/// `PyErr_ExceptionMatches`, `PyErr_WriteUnraisable`).
extension RuntimeRef {
  /// Raises a new instance of the built-in exception class `typeName` with `message` as its
  /// argument (no argument when empty). `PyErr_SetString`.
  public func raise(_ typeName: String, _ message: String = "") {
    guard let type = state.pointee.exceptionTypes[typeName] else {
      preconditionFailure("raise: no built-in exception class named \(typeName)")
    }
    raise(type, message)
  }

  /// Raises a new instance of `type` with `message` as its argument (none when empty).
  public func raise(_ type: PyType, _ message: String) {
    if type.raw == state.pointee.exceptionTypes["MemoryError"]?.raw, message.isEmpty {
      raiseMemoryErrorInstance()
      return
    }
    var argument: PyRef?
    if !message.isEmpty {
      guard let text = newStr(message) else { return }
      argument = text
    }
    defer { decref(argument) }
    guard let exception = newException(type, arguments: argument.map { [$0] } ?? []) else { return }
    setException(exception)
  }

  /// Raises `exception` (a new reference is taken), replacing any pending one.
  public func raiseObject(_ exception: PyRef) {
    exception.incref()
    setException(exception)
  }

  /// Raises the preallocated `MemoryError` (allocating nothing).
  func raiseMemoryErrorInstance() {
    guard let instance = state.pointee.memoryErrorInstance else {
      preconditionFailure("MemoryError while the runtime was being built: the heap limit is too small")
    }
    let exception = PyRef(instance)
    exception.incref()
    // A reused instance must not keep an old traceback (CPython's freelist does the same).
    replaceRef(in: exception, at: ExceptionObject.tracebackOffset, with: nil)
    replaceRef(in: exception, at: ExceptionObject.contextOffset, with: nil)
    setException(exception)
  }

  /// Installs `exception` (owned) as the pending exception.
  func setException(_ exception: PyRef) {
    if state.pointee.handledException != nil { chainContext(exception) }
    let old = state.pointee.exception
    state.pointee.exception = exception.raw
    decref(PyRef(old))
  }

  /// The pending exception, borrowed.
  public var currentException: PyRef? { PyRef(state.pointee.exception) }

  public var hasError: Bool { state.pointee.exception != nil }

  /// Takes the pending exception (owned), leaving none (`PyErr_GetRaisedException`).
  public func fetchException() -> PyRef? {
    let exception = PyRef(state.pointee.exception)
    state.pointee.exception = nil
    return exception
  }

  /// Makes `exception` (owned, or nil) the pending exception again.
  public func restoreException(_ exception: PyRef?) {
    let old = state.pointee.exception
    state.pointee.exception = exception?.raw
    decref(PyRef(old))
  }

  /// Whether the pending exception is an instance of `type` (`PyErr_ExceptionMatches`).
  public func exceptionMatches(_ type: PyType) -> Bool {
    guard let exception = currentException else { return false }
    return isSubtype(exception.type, type)
  }

  /// Whether the pending exception is an instance of the built-in class `typeName`.
  public func exceptionMatches(_ typeName: String) -> Bool {
    guard let type = state.pointee.exceptionTypes[typeName] else { return false }
    return exceptionMatches(type)
  }

  /// Drops the pending exception.
  public func clearError() { restoreException(nil) }

  /// Takes the pending exception as a Swift value: its class name and `str()`.
  public func takeError() -> PyError? {
    guard let exception = fetchException() else { return nil }
    defer { decref(exception) }
    return PyError(exception.type.name, exceptionMessage(exception))
  }

  /// `str(exception)` as a Swift string (best effort: a failing `__str__` gives "").
  public func exceptionMessage(_ exception: PyRef) -> String {
    let saved = fetchException()
    defer { restoreException(saved) }
    guard let text = str(exception) else {
      clearError()
      return "<exception str() failed>"
    }
    defer { decref(text) }
    return StrObject.string(text)
  }

  /// Reports the pending exception as unraisable and clears it (`PyErr_WriteUnraisable`):
  /// through `sys.unraisablehook` when the program replaced it, otherwise as CPython's
  /// default hook prints it, naming `context`.
  public func writeUnraisable(context: String) {
    guard hasError else { return }
    guard let label = newStr(context) else { return }
    defer { decref(label) }
    writeUnraisable(object: label, describedBy: context)
  }

  /// Reports the pending exception as unraisable in `object` (what the hook's `object`
  /// field holds: the `__del__` function, the weak-reference callback, the generator).
  public func writeUnraisable(object: PyRef, message: String? = nil) {
    guard hasError else { return }
    writeUnraisable(object: object, describedBy: nil, message: message)
  }

  private func writeUnraisable(object: PyRef, describedBy context: String?, message: String? = nil) {
    guard let exception = fetchException() else { return }
    defer { decref(exception) }
    if callUnraisableHook(exception, object: object, message: message) { return }
    state.pointee.unraisableHook(defaultUnraisableText(exception, message: message, object: object, describedBy: context))
  }

  /// What CPython's default `sys.unraisablehook` prints: "Exception ignored in: OBJECT",
  /// the traceback and the exception.
  func defaultUnraisableText(_ exception: PyRef?, message: String?, object: PyRef?, describedBy context: String?) -> String {
    var text = message ?? "Exception ignored in"
    if let context {
      text += ": \(context)"
    } else if let object, object != state.pointee.none {
      text += ": " + (reprString(object) ?? { clearError(); return "<object repr() failed>" }())
    }
    text += "\n"
    if let exception {
      text += formatTraceback(of: exception)
      text += formatExceptionOnly(exception)
    }
    return text
  }

  /// The exception being handled (`sys.exception()`), borrowed.
  public var handledException: PyRef? { PyRef(state.pointee.handledException) }
}
