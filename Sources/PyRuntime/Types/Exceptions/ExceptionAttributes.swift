/// The attributes and methods of `BaseException`: `args`, `__traceback__`, `__context__`,
/// `__cause__`, `__suppress_context__`, `with_traceback()`.
enum ExceptionAttributes {
  static let baseGetSets: [GetSetDefinition] = [
    GetSetDefinition("args", { raw, _ in
      let args = ExceptionObject.arguments(PyRef(raw))
      args.incref()
      return args.raw
    }, { raw, value, runtime in
      let rt = RuntimeRef(raw: runtime)
      guard let value else {
        rt.raise("TypeError", "args may not be deleted")
        return -1
      }
      guard let tuple = rt.tupleFrom(PyRef(value)) else { return -1 }
      rt.replaceRef(in: PyRef(raw), at: ExceptionObject.argsOffset, with: tuple)
      return 0
    }),
    GetSetDefinition("__traceback__", { raw, runtime in reference(raw, ExceptionObject.tracebackOffset, runtime) },
                     { raw, value, runtime in store(raw, value, ExceptionObject.tracebackOffset, runtime) }),
    GetSetDefinition("__context__", { raw, runtime in reference(raw, ExceptionObject.contextOffset, runtime) },
                     { raw, value, runtime in store(raw, value, ExceptionObject.contextOffset, runtime) }),
    GetSetDefinition("__cause__", { raw, runtime in reference(raw, ExceptionObject.causeOffset, runtime) },
                     { raw, value, runtime in
                       let result = store(raw, value, ExceptionObject.causeOffset, runtime)
                       if result == 0 { ExceptionObject.setSuppressContext(PyRef(raw), true) }
                       return result
                     }),
    GetSetDefinition("__suppress_context__", { raw, runtime in
      RuntimeRef(raw: runtime).newBool(ExceptionObject.suppressesContext(PyRef(raw))).raw
    }, { raw, value, runtime in
      let rt = RuntimeRef(raw: runtime)
      guard let value else { return 0 }
      let truth = rt.isTrue(PyRef(value))
      if truth < 0 { return -1 }
      ExceptionObject.setSuppressContext(PyRef(raw), truth == 1)
      return 0
    }),
  ]

  static let baseMethods: [MethodDefinition] = [
    MethodDefinition("with_traceback", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.expect("with_traceback", exactly: 2) else { return nil }
      let traceback = args[1]
      let rt = args.rt
      let value: PyRef? = traceback == rt.state.pointee.none ? nil : traceback
      value?.incref()
      rt.setTraceback(args[0], value)
      args[0].incref()
      return args[0].raw
    }),
  ]

  /// An attribute that reads `args[0]` (None when there are no arguments).
  static func firstArgument(_ name: String) -> GetSetDefinition {
    GetSetDefinition(name, { raw, runtime in
      let rt = RuntimeRef(raw: runtime)
      let args = ExceptionObject.arguments(PyRef(raw))
      let value = TupleObject.count(args) > 0 ? TupleObject.item(args, 0)! : rt.state.pointee.none
      value.incref()
      return value.raw
    })
  }

  private static func reference(_ raw: UnsafeMutableRawPointer, _ offset: Int, _ runtime: RawRuntime) -> UnsafeMutableRawPointer? {
    let value = PyRef(raw).loadRef(at: offset) ?? RuntimeRef(raw: runtime).state.pointee.none
    value.incref()
    return value.raw
  }

  private static func store(_ raw: UnsafeMutableRawPointer, _ value: UnsafeMutableRawPointer?, _ offset: Int,
                            _ runtime: RawRuntime) -> Int32 {
    let rt = RuntimeRef(raw: runtime)
    var stored = PyRef(value)
    if stored == rt.state.pointee.none { stored = nil }
    stored?.incref()
    rt.replaceRef(in: PyRef(raw), at: offset, with: stored)
    return 0
  }
}
