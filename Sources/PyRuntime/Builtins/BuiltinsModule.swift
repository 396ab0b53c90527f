/// The `builtins` module: the functions, the types and the constants every module sees.
/// CPython: Python/bltinmodule.c.
extension RuntimeRef {
  /// Makes `builtins` and registers it; called once by the interpreter bootstrap.
  func makeBuiltinsModule() {
    guard let module = newModule("builtins") else { preconditionFailure("builtins: out of memory") }
    let dict = ModuleType.dict(module)
    state.pointee.interpreter.builtinsModule = module.raw
    dict.incref()
    state.pointee.interpreter.builtins = dict.raw
    for function in BuiltinFunctions.core + BuiltinFunctions.numeric + BuiltinFunctions.iteration
      + BuiltinFunctions.attributes + BuiltinFunctions.inputOutput {
      guard let object = newBuiltinFunction(function.name, function.code, boundSelf: module) else {
        preconditionFailure("builtins: out of memory")
      }
      // Module functions print as `<built-in function len>`: bound to the module.
      setItem(dict, function.name, object)
      decref(object)
    }
    let types = state.pointee.types
    let named: [(String, PyType?)] = [
      ("object", types.object), ("type", types.type), ("int", types.int), ("bool", types.bool),
      ("float", types.float), ("complex", types.complex), ("str", types.str), ("bytes", types.bytes),
      ("bytearray", types.bytearray), ("tuple", types.tuple), ("list", types.list), ("dict", types.dict),
      ("set", types.set), ("frozenset", types.frozenset), ("range", types.range), ("slice", types.slice),
      ("property", types.property), ("classmethod", types.classMethod), ("staticmethod", types.staticMethod),
      ("super", types.superType), ("enumerate", types.byName["enumerate"]), ("zip", types.byName["zip"]),
      ("map", types.byName["map"]), ("filter", types.byName["filter"]), ("reversed", types.byName["reversed"]),
    ]
    for (name, type) in named {
      if let type { setItem(dict, name, type.object) }
    }
    for (name, type) in state.pointee.exceptionTypes { setItem(dict, name, type.object) }
    setItem(dict, "EnvironmentError", exceptionType("OSError").object)
    setItem(dict, "IOError", exceptionType("OSError").object)
    setItem(dict, "None", state.pointee.none)
    setItem(dict, "True", state.pointee.trueObject)
    setItem(dict, "False", state.pointee.falseObject)
    setItem(dict, "NotImplemented", state.pointee.notImplemented)
    setItem(dict, "Ellipsis", state.pointee.ellipsis)
    setItem(dict, "__debug__", state.pointee.trueObject)
    let modules = newDict()!
    state.pointee.interpreter.modules = modules.raw
    setItem(modules, "builtins", module)
  }
}

/// A module-level built-in: its name and code.
struct BuiltinFunction {
  let name: String
  let code: Slot.VectorCall
  init(_ name: String, _ code: @escaping Slot.VectorCall) {
    self.name = name
    self.code = code
  }
}

/// The built-in functions, grouped by theme in the `Builtins+*.swift` files. Each code
/// receives the `builtins` module as `argv[0]` (the functions are bound to it), so the
/// arguments start at index 1.
enum BuiltinFunctions {}

/// The arguments of a module function without the bound module in front.
struct ModuleArguments {
  let args: Arguments
  init(_ runtime: RawRuntime, _ argv: UnsafePointer<UnsafeMutableRawPointer?>, _ count: Int, _ names: UnsafeMutableRawPointer?) {
    args = Arguments(runtime, argv + 1, count - 1, names)
  }
  var rt: RuntimeRef { args.rt }
  var count: Int { args.count }
  subscript(index: Int) -> PyRef { args[index] }
}
