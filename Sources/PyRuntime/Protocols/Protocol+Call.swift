/// Calling objects (CPython's vectorcall protocol). CPython: Objects/call.c.
extension RuntimeRef {
  /// `callable(*argv[0..<count], **{names[i]: argv[count + i]})`: a new reference, or nil
  /// with an exception set. Arguments are borrowed.
  @inlinable
  public func call(_ callable: PyRef, _ argv: UnsafePointer<UnsafeMutableRawPointer?>, count: Int,
                   keywordNames: PyRef? = nil) -> PyRef? {
    guard let slot = callable.type.record.pointee.vectorCall else {
      return callLegacy(callable, argv, count: count, keywordNames: keywordNames)
    }
    return PyRef(slot(callable.raw, argv, count, keywordNames?.raw, raw))
  }

  /// Calls with a Swift array of positional arguments (borrowed).
  public func call(_ callable: PyRef, _ arguments: [PyRef], keywordNames: PyRef? = nil) -> PyRef? {
    withUnsafeTemporaryAllocation(of: UnsafeMutableRawPointer?.self, capacity: max(arguments.count, 1)) { buffer in
      for (index, argument) in arguments.enumerated() { buffer[index] = argument.raw }
      let positional = arguments.count - (keywordNames.map(TupleObject.count) ?? 0)
      return call(callable, UnsafePointer(buffer.baseAddress!), count: positional, keywordNames: keywordNames)
    }
  }

  /// Calls `callable` with one argument or none (weak-reference and GC callbacks, `__del__`).
  public func call(_ callable: PyRef, _ argument: PyRef? = nil) -> PyRef? {
    call(callable, argument.map { [$0] } ?? [])
  }

  /// Objects with the older one-argument `call` slot (Swift ``FunctionObject``s).
  @usableFromInline
  func callLegacy(_ callable: PyRef, _ argv: UnsafePointer<UnsafeMutableRawPointer?>, count: Int,
                  keywordNames: PyRef?) -> PyRef? {
    guard let call = callable.type.record.pointee.call, count <= 1, keywordNames == nil else {
      raise("TypeError", "'\(callable.type.name)' object is not callable")
      return nil
    }
    return PyRef(call(callable.raw, count == 1 ? argv[0] : nil, raw))
  }

  /// Calls an attribute found on a type as a method of `instance`: binds it first when it is
  /// a descriptor. Arguments borrowed.
  public func callMethodLike(_ function: PyRef, boundTo instance: PyRef, _ arguments: [PyRef]) -> PyRef? {
    let kind = function.type.record.pointee.kind
    if kind == .function || kind == .methodDescriptor {
      return call(function, [instance] + arguments)
    }
    let ownerType = instance.type.record.pointee.kind == .type ? PyType(instance.raw) : instance.type
    guard let bound = bindDescriptor(function, instance, ownerType) else { return nil }
    defer { decref(bound) }
    return call(bound, arguments)
  }

  /// ``callMethodLike(_:boundTo:_:)`` with at most two arguments, without Swift arrays:
  /// the arguments go in a stack buffer with the instance first.
  func callMethodLike(_ function: PyRef, boundTo instance: PyRef, _ first: PyRef?, _ second: PyRef?) -> PyRef? {
    var buffer: (UnsafeMutableRawPointer?, UnsafeMutableRawPointer?, UnsafeMutableRawPointer?) = (instance.raw, first?.raw, second?.raw)
    let count = first == nil ? 1 : (second == nil ? 2 : 3)
    let kind = function.type.record.pointee.kind
    return withUnsafeMutablePointer(to: &buffer) { tuple in
      tuple.withMemoryRebound(to: UnsafeMutableRawPointer?.self, capacity: 3) { argv in
        if kind == .function || kind == .methodDescriptor {
          return call(function, UnsafePointer(argv), count: count)
        }
        let ownerType = instance.type.record.pointee.kind == .type ? PyType(instance.raw) : instance.type
        guard let bound = bindDescriptor(function, instance, ownerType) else { return nil }
        defer { decref(bound) }
        return call(bound, UnsafePointer(argv + 1), count: count - 1)
      }
    }
  }

  /// `object.name(*arguments)`: looks the method up and calls it.
  public func callMethod(_ object: PyRef, _ name: String, _ arguments: [PyRef] = []) -> PyRef? {
    guard let method = getAttribute(object, name) else { return nil }
    defer { decref(method) }
    return call(method, arguments)
  }

  /// Looks `name` up on the type of `object` only (special method lookup, as CPython does
  /// for dunders) and calls it. Nil without an exception when the type has no such method.
  public func callSpecial(_ object: PyRef, _ name: String, _ arguments: [PyRef] = []) -> (found: Bool, result: PyRef?) {
    guard let method = lookup(object.type, name) else { return (false, nil) }
    return (true, callMethodLike(method, boundTo: object, arguments))
  }
}
