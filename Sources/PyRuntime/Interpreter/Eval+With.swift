/// `with` and pattern matching support for the loop. CPython: Python/ceval.c
/// (`BEFORE_WITH`, `MATCH_CLASS`, `MATCH_KEYS`, `match_class()`, `match_keys()`).
extension RuntimeRef {
  /// `BEFORE_WITH`: `(bound __exit__, result of __enter__)`.
  func beforeWith(_ manager: PyRef) -> (PyRef, PyRef)? {
    guard let enter = lookup(manager.type, "__enter__"), let exit = lookup(manager.type, "__exit__") else {
      if !hasError {
        raise("TypeError", "'\(manager.type.name)' object does not support the context manager protocol")
      }
      return nil
    }
    guard let boundExit = bindDescriptor(exit, manager, manager.type) else { return nil }
    guard let result = callMethodLike(enter, boundTo: manager, []) else {
      decref(boundExit)
      return nil
    }
    return (boundExit, result)
  }

  /// `case {…}:` applies to mappings (dicts and their subclasses here).
  func isMapping(_ subject: PyRef) -> Bool {
    subject.type.record.pointee.kind == .dict
  }

  /// `case […]:` applies to sequences other than str, bytes and bytearray.
  func isMatchSequence(_ subject: PyRef) -> Bool {
    switch subject.type.record.pointee.kind {
    case .list, .tuple, .range: return true
    default: return false
    }
  }

  /// `MATCH_KEYS`: a tuple of the values for `keys`, or None when one is missing.
  func matchKeys(_ subject: PyRef, _ keys: PyRef) -> PyRef? {
    var values: [PyRef] = []
    for index in 0..<TupleObject.count(keys) {
      let key = TupleObject.item(keys, index)!
      let value: PyRef?
      if subject.type == state.pointee.types.dict {
        value = dictGetItem(subject, key)
        value?.incref()
      } else {
        value = callMethod(subject, "get", [key, state.pointee.notImplemented])
        if value == state.pointee.notImplemented { decref(value); for v in values { decref(v) }; return newNone() }
      }
      guard let value else {
        for v in values { decref(v) }
        return hasError ? nil : newNone()
      }
      values.append(value)
    }
    return newTuple(values)
  }

  /// `MATCH_CLASS`: a tuple of the matched attributes, or None when `subject` is not an
  /// instance of `cls` or lacks one.
  func matchClass(_ subject: PyRef, _ cls: PyRef, positionalCount: Int, keywords: PyRef) -> PyRef? {
    guard cls.type.record.pointee.kind == .type else {
      raise("TypeError", "called match pattern must be a class")
      return nil
    }
    let type = PyType(cls.raw)
    guard isInstance(subject, type) else { return newNone() }
    var names: [PyRef] = []
    var values: [PyRef] = []
    func fail() -> PyRef? { for v in values { decref(v) }; return hasError ? nil : newNone() }
    if positionalCount > 0 {
      if let matchArgs = getOptionalAttribute(cls, "__match_args__") {
        defer { decref(matchArgs) }
        guard matchArgs.type.record.pointee.kind == .tuple else {
          raise("TypeError", "\(type.name).__match_args__ must be a tuple (got \(matchArgs.type.name))")
          return nil
        }
        guard positionalCount <= TupleObject.count(matchArgs) else {
          raise("TypeError", "\(type.name)() accepts \(TupleObject.count(matchArgs)) positional sub-pattern\(TupleObject.count(matchArgs) == 1 ? "" : "s") (\(positionalCount) given)")
          return nil
        }
        for index in 0..<positionalCount { names.append(TupleObject.item(matchArgs, index)!) }
      } else if hasError {
        return nil
      } else {
        // Built-ins such as int and str match themselves with one positional pattern.
        let selfMatching: [TypeKind] = [.bool, .bytes, .bytearray, .dict, .float, .frozenset, .int, .list, .set, .str, .tuple]
        guard selfMatching.contains(type.record.pointee.kind), !type.flags.contains(.heapType) || true, positionalCount == 1 else {
          raise("TypeError", "\(type.name)() accepts 0 positional sub-patterns (\(positionalCount) given)")
          return nil
        }
        subject.incref()
        values.append(subject)
      }
    }
    for index in 0..<TupleObject.count(keywords) { names.append(TupleObject.item(keywords, index)!) }
    for name in names {
      guard let value = getOptionalAttribute(subject, StrObject.string(name)) else { return fail() }
      values.append(value)
    }
    return newTuple(values)
  }
}
