extension RuntimeRef {
  /// Makes the interpreter's types: functions, code, cells, modules, methods, generators,
  /// descriptors, tracebacks.
  func bootstrapInterpreterTypes() {
  }

  /// The name of a module object, if it has a str `__name__`.
  func moduleNameString(_ module: PyRef) -> String? { nil }

  /// Recomputes a class's slots after one of its dunder methods was set or deleted.
  func updateClassSlots(_ type: PyType) {}

  /// Makes a class (`type(name, bases, namespace)`).
  public func newClass(name: PyRef, bases: PyRef, namespace: PyRef, metaclass: PyType) -> PyRef? {
    raise("SystemError", "classes are not implemented yet")
    return nil
  }

  /// The "Traceback (most recent call last):" block of an exception, or "" without one.
  public func formatTraceback(of exception: PyRef) -> String { "" }

  /// The last line(s) of a traceback: `TypeName: message`.
  public func formatExceptionOnly(_ exception: PyRef) -> String {
    let message = exceptionMessage(exception)
    return message.isEmpty ? "\(qualifiedTypeName(exception.type))\n" : "\(qualifiedTypeName(exception.type)): \(message)\n"
  }
}
