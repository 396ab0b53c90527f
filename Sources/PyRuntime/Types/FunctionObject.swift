/// A callable implemented in Swift, optionally closing over one object (its context).
/// Stands in for Python functions until the interpreter exists: `__del__` bodies, weak
/// reference callbacks and `weakref.finalize` functions are all of this type.
///
/// ```
///   -16 GC header | 0 refcount | 8 type | 16 body: fn pointer | 24 context: object or nil
///   | 32 weaklist
/// ```
/// Tracked, because the context can lead back to the function (a cycle). Accepts weak
/// references, as CPython's functions do.
public enum FunctionObject {
  /// The body: `(context, argument, runtime) -> result`. Returns a new reference, or nil with
  /// an error set on the runtime.
  public typealias Body = @convention(c) (UnsafeMutableRawPointer?, UnsafeMutableRawPointer?, RawRuntime) -> UnsafeMutableRawPointer?

  static let bodyOffset = 16
  static let contextOffset = 24
  static let weakListOffset = 32

  static func makeType(_ rt: RuntimeRef) -> PyType {
    rt.makeType(name: "swift_function", basicSize: 40, flags: [.haveGC], weakListOffset: weakListOffset,
                dealloc: dealloc, traverse: traverse, clear: clear, call: call)
  }

  public static func context(_ function: PyRef) -> PyRef? { function.loadRef(at: contextOffset) }

  static let dealloc: Slot.Dealloc = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let function = PyRef(raw)
    rt.untrack(function)
    rt.clearWeakReferences(function)
    rt.decref(function.loadRef(at: contextOffset))
    rt.freeObject(function)
  }

  static let traverse: Slot.Traverse = { raw, visit, arg in
    guard let context = PyRef(raw).loadRef(at: contextOffset) else { return 0 }
    return visit(context.raw, arg)
  }

  static let clear: Slot.Clear = { raw, runtime in
    RuntimeRef(raw: runtime).replaceRef(in: PyRef(raw), at: contextOffset, with: nil)
  }

  static let call: Slot.Call = { raw, argument, runtime in
    let function = PyRef(raw)
    let body = function.raw.load(fromByteOffset: bodyOffset, as: Body.self)
    return body(function.loadRef(at: contextOffset)?.raw, argument, runtime)
  }
}

extension RuntimeRef {
  /// A new function object running `body`, holding a new reference to `context`.
  public func newFunction(_ body: FunctionObject.Body, context: PyRef? = nil) -> PyRef? {
    guard let function = allocateObject(state.pointee.types.swiftFunction) else { return nil }
    function.raw.storeBytes(of: body, toByteOffset: FunctionObject.bodyOffset, as: FunctionObject.Body.self)
    context?.incref()
    function.storeRef(context, at: FunctionObject.contextOffset)
    function.storeRef(nil, at: FunctionObject.weakListOffset)
    track(function)
    return function
  }

}
