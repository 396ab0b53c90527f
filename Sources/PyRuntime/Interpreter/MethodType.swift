/// `method`: a function bound to an instance. Calling it calls the function with the
/// instance first. CPython: Objects/classobject.c.
///
/// ```
///   -16 GC header | 0 refcount | 8 type | 16 __func__ | 24 __self__ | 32 weaklist
/// ```
public enum MethodType {
  static let functionOffset = 16
  static let selfOffset = 24
  static let weakListOffset = 32

  @inlinable public static func function(_ method: PyRef) -> PyRef { method.loadRef(at: 16)! }
  @inlinable public static func boundSelf(_ method: PyRef) -> PyRef { method.loadRef(at: 24)! }

  static func makeType(_ rt: RuntimeRef) -> PyType {
    let type = rt.makeType(name: "method", basicSize: 40, flags: [.haveGC], weakListOffset: MethodType.weakListOffset,
                           dealloc: { raw, runtime in
      let rt = RuntimeRef(raw: runtime)
      rt.untrack(PyRef(raw))
      rt.clearWeakReferences(PyRef(raw))
      rt.decref(PyRef(raw).loadRef(at: MethodType.functionOffset))
      rt.decref(PyRef(raw).loadRef(at: MethodType.selfOffset))
      rt.freeObject(PyRef(raw))
    }, traverse: { raw, visit, arg in
      for offset in [MethodType.functionOffset, MethodType.selfOffset] {
        if let object = PyRef(raw).loadRef(at: offset) {
          let result = visit(object.raw, arg)
          if result != 0 { return result }
        }
      }
      return 0
    })
    type.record.pointee.vectorCall = { raw, argv, count, names, runtime in
      let rt = RuntimeRef(raw: runtime)
      let method = PyRef(raw)
      let total = count + (names.map { TupleObject.count(PyRef($0)) } ?? 0)
      return withUnsafeTemporaryAllocation(of: UnsafeMutableRawPointer?.self, capacity: total + 1) { buffer in
        buffer[0] = MethodType.boundSelf(method).raw
        for index in 0..<total { buffer[index + 1] = argv[index] }
        return rt.call(MethodType.function(method), UnsafePointer(buffer.baseAddress!), count: count + 1,
                       keywordNames: PyRef(names))?.raw
      }
    }
    type.record.pointee.getAttribute = { raw, name, runtime in
      // Attributes not on the method type come from the function (`m.__name__`, `m.__doc__`).
      let rt = RuntimeRef(raw: runtime)
      if let descriptor = rt.lookup(PyRef(raw).type, PyRef(name)) {
        return rt.bindDescriptor(descriptor, PyRef(raw), PyRef(raw).type)?.raw
      }
      return rt.getAttribute(MethodType.function(PyRef(raw)), PyRef(name))?.raw
    }
    type.record.pointee.richCompare = { a, b, op, runtime in
      let rt = RuntimeRef(raw: runtime)
      guard op == 2 || op == 3, PyRef(b).type == PyRef(a).type else { return rt.newNotImplemented().raw }
      let same = MethodType.function(PyRef(a)) == MethodType.function(PyRef(b))
        && MethodType.boundSelf(PyRef(a)) == MethodType.boundSelf(PyRef(b))
      return rt.newBool(op == 2 ? same : !same).raw
    }
    type.record.pointee.hash = { raw, runtime in
      let rt = RuntimeRef(raw: runtime)
      let a = rt.hash(MethodType.function(PyRef(raw))), b = rt.hash(MethodType.boundSelf(PyRef(raw)))
      let h = a ^ b
      return h == -1 ? -2 : h
    }
    type.record.pointee.repr = { raw, runtime in
      let rt = RuntimeRef(raw: runtime)
      let method = PyRef(raw)
      let name = rt.getOptionalAttribute(MethodType.function(method), "__qualname__").map { text in
        defer { rt.decref(text) }
        return rt.strString(text) ?? "?"
      } ?? "?"
      guard let selfRepr = rt.reprString(MethodType.boundSelf(method)) else { return nil }
      return rt.newStr("<bound method \(name) of \(selfRepr)>")?.raw
    }
    // `types.MethodType(function, instance)`. CPython: `method_new()`.
    type.record.pointee.new = { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.expect("method", exactly: 2) else { return nil }
      let rt = args.rt
      let record = args[0].type.record.pointee
      guard record.vectorCall != nil || record.call != nil else {
        rt.raise("TypeError", "first argument must be callable")
        return nil
      }
      guard args[1] != rt.state.pointee.none else {
        rt.raise("TypeError", "instance must not be None")
        return nil
      }
      return rt.newMethod(args[0], boundTo: args[1])?.raw
    }
    rt.readyBuiltinType(type, base: nil, kind: .method)
    rt.addSlotWrappers(type)
    rt.addGetSets(type, [
      GetSetDefinition("__func__", { raw, _ in let v = MethodType.function(PyRef(raw)); v.incref(); return v.raw }),
      GetSetDefinition("__self__", { raw, _ in let v = MethodType.boundSelf(PyRef(raw)); v.incref(); return v.raw }),
    ])
    return type
  }
}

extension RuntimeRef {
  /// A method binding `function` to `instance` (both borrowed).
  public func newMethod(_ function: PyRef, boundTo instance: PyRef) -> PyRef? {
    guard let method = allocateObject(state.pointee.types.method) else { return nil }
    function.incref()
    instance.incref()
    method.storeRef(function, at: MethodType.functionOffset)
    method.storeRef(instance, at: MethodType.selfOffset)
    method.storeRef(nil, at: MethodType.weakListOffset)
    track(method)
    return method
  }
}
