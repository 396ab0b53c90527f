import PyCompiler

/// Raising and catching in the loop. CPython: Python/ceval.c (`do_raise`,
/// `get_exception_handler`, `CHECK_EXC_MATCH`), Python/errors.c (`_PyErr_SetObject`'s
/// context chaining).
extension RuntimeRef {
  /// The innermost handler covering instruction `lasti`, if any.
  func exceptionHandler(_ frame: UnsafeMutablePointer<Frame>, _ lasti: Int) -> ExceptionTableEntry? {
    for entry in CodeType.code(frame.pointee.code).exceptionTable where entry.start <= lasti && lasti < entry.end {
      return entry
    }
    return nil
  }

  /// Bare `raise`: re-raises the exception being handled. Returns whether it re-raised
  /// (true) or raised `RuntimeError` (false: that one needs a traceback entry).
  func reraiseHandled() -> Bool {
    guard let handled = handledException else {
      raise("RuntimeError", "No active exception to reraise")
      return false
    }
    handled.incref()
    state.pointee.exception.map { decref(PyRef($0)) }
    state.pointee.exception = handled.raw
    return true
  }

  /// `raise exception [from cause]` (both borrowed).
  func raiseFromStatement(_ exception: PyRef, cause: PyRef?) {
    guard let instance = makeExceptionInstance(exception) else { return }
    if let cause {
      if cause == state.pointee.none {
        setCause(instance, nil)
      } else {
        guard let causeInstance = makeExceptionInstance(cause, forCause: true) else {
          decref(instance)
          return
        }
        setCause(instance, causeInstance)
      }
    }
    setException(instance)
  }

  /// An exception instance from `raise X` or `raise X()`; nil with `TypeError` set.
  private func makeExceptionInstance(_ value: PyRef, forCause: Bool = false) -> PyRef? {
    let baseException = exceptionType("BaseException")
    if value.type.record.pointee.kind == .type, isSubtype(PyType(value.raw), baseException) {
      guard let instance = call(value, []) else { return nil }
      guard isInstance(instance, baseException) else {
        raise("TypeError", "calling \(reprString(value) ?? "?") should have returned an instance of BaseException, not \(instance.type.name)")
        decref(instance)
        return nil
      }
      return instance
    }
    if isInstance(value, baseException) {
      value.incref()
      return value
    }
    raise("TypeError", forCause ? "exception causes must derive from BaseException" : "exceptions must derive from BaseException")
    return nil
  }

  /// `except T:`: whether `exception` matches `type` (a class or a tuple of classes).
  /// 1, 0, or -1 with `TypeError` set.
  func exceptionMatchesClause(_ exception: PyRef, _ type: PyRef) -> Int32 {
    let baseException = exceptionType("BaseException")
    func check(_ candidate: PyRef) -> Int32 {
      guard candidate.type.record.pointee.kind == .type, isSubtype(PyType(candidate.raw), baseException) else {
        raise("TypeError", "catching classes that do not inherit from BaseException is not allowed")
        return -1
      }
      return isInstance(exception, PyType(candidate.raw)) ? 1 : 0
    }
    if type.type.record.pointee.kind == .tuple {
      var result: Int32 = 0
      for index in 0..<TupleObject.count(type) {
        let outcome = check(TupleObject.item(type, index)!)
        if outcome < 0 { return -1 }
        if outcome == 1 { result = 1 }
      }
      return result
    }
    return check(type)
  }

  /// Sets `__context__` of a newly raised exception to the one being handled, breaking any
  /// cycle that would make (CPython's `_PyErr_SetObject`).
  func chainContext(_ exception: PyRef) {
    guard let handled = handledException, handled != exception, isException(exception), isException(handled),
          ExceptionObject.context(exception) == nil else { return }
    // Cut the chain where it would come back to the new exception.
    var link = handled
    while let next = ExceptionObject.context(link) {
      if next == exception {
        replaceRef(in: link, at: ExceptionObject.contextOffset, with: nil)
        break
      }
      link = next
    }
    handled.incref()
    setContext(exception, handled)
  }
}
