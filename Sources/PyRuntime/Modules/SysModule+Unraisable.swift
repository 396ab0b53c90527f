/// `sys.unraisablehook`: where errors that cannot propagate go (an exception in `__del__`,
/// in a weak-reference callback, in a generator closed by the collector).
///
/// The runtime calls the hook the program installed with one `sys.UnraisableHookArgs`
/// (`exc_type`, `exc_value`, `exc_traceback`, `err_msg`, `object`); while the hook is the
/// default, it prints the report straight away. An exception raised by a custom hook is
/// itself reported by the default hook, as "Exception ignored in sys.unraisablehook".
/// CPython: Python/errors.c (`_PyErr_WriteUnraisableMsg`, `write_unraisable_exc`).
extension SysFunctions {
  static let unraisable: [BuiltinFunction] = [
    BuiltinFunction("unraisablehook") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("sys.unraisablehook", exactly: 1) else { return nil }
      let rt = a.rt
      let fields = ["exc_type", "exc_value", "exc_traceback", "err_msg", "object"].map { rt.getOptionalAttribute(a[0], $0) }
      defer { for field in fields { rt.decref(field) } }
      if rt.hasError { return nil }
      let none = rt.state.pointee.none
      let message = fields[3].flatMap { $0 == none ? nil : rt.strString($0) }
      let exception = fields[1].flatMap { $0 == none ? nil : $0 }
      rt.state.pointee.unraisableHook(
        rt.defaultUnraisableText(exception, message: message, object: fields[4], describedBy: nil))
      return rt.newNone().raw
    },
  ]
}

extension RuntimeRef {
  /// Calls a program-installed `sys.unraisablehook`; false when the hook is the default
  /// (or `sys` is not made yet), so the caller prints the report itself.
  func callUnraisableHook(_ exception: PyRef, object: PyRef, message: String?) -> Bool {
    guard let sys = state.pointee.interpreter.sysModule else { return false }
    let dict = ModuleType.dict(PyRef(sys))
    guard let hook = dictGetItem(dict, named: "unraisablehook"),
          hook != dictGetItem(dict, named: "__unraisablehook__") else { return false }
    hook.incref()
    defer { decref(hook) }
    guard let argumentsType = state.pointee.interpreter.unraisableHookArgsType else { return false }
    let none = state.pointee.none
    let traceback = ExceptionObject.traceback(exception) ?? none
    let messageObject = message.flatMap { newStr($0) } ?? newNone()
    defer { decref(messageObject) }
    let values = [exception.type.object, exception, traceback, messageObject, object]
    for value in values { value.incref() }
    guard let tuple = newTuple(values) else { clearError(); return false }
    let made = call(PyRef(argumentsType), [tuple])
    decref(tuple)
    guard let arguments = made else { clearError(); return false }
    defer { decref(arguments) }
    if let result = call(hook, [arguments]) {
      decref(result)
    } else if let failure = fetchException() {
      state.pointee.unraisableHook(
        defaultUnraisableText(failure, message: "Exception ignored in sys.unraisablehook", object: hook, describedBy: nil))
      decref(failure)
    }
    return true
  }
}
