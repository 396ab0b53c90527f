/// `function`: a Python function — code, globals, defaults, closure, and the attributes
/// decorators read (`__name__`, `__qualname__`, `__doc__`, `__dict__`, `__wrapped__`).
///
/// ```
///   -16 GC header | 0 refcount | 8 type | 16 code | 24 globals | 32 builtins | 40 __name__
///   | 48 __qualname__ | 56 __defaults__ | 64 __kwdefaults__ | 72 __closure__ | 80 __doc__
///   | 88 __dict__ | 96 __module__ | 104 __annotations__ | 112 weaklist
/// ```
/// Calling one runs its code on the frame stack (``RuntimeRef/callPythonFunction``); as
/// an attribute of a class it binds to the instance (`tp_descr_get`).
/// CPython: Objects/funcobject.c.
public enum FunctionType {
  static let codeOffset = 16
  static let globalsOffset = 24
  static let builtinsOffset = 32
  static let nameOffset = 40
  static let qualifiedNameOffset = 48
  static let defaultsOffset = 56
  static let keywordDefaultsOffset = 64
  static let closureOffset = 72
  static let docOffset = 80
  static let dictOffset = 88
  static let moduleOffset = 96
  static let annotationsOffset = 104
  static let weakListOffset = 112
  static let basicSize = 120
  static let referenceOffsets = [FunctionType.codeOffset, FunctionType.globalsOffset, FunctionType.builtinsOffset, FunctionType.nameOffset, FunctionType.qualifiedNameOffset,
                                 FunctionType.defaultsOffset, FunctionType.keywordDefaultsOffset, FunctionType.closureOffset, FunctionType.docOffset, FunctionType.dictOffset,
                                 FunctionType.moduleOffset, FunctionType.annotationsOffset]

  @inlinable public static func code(_ function: PyRef) -> PyRef { function.loadRef(at: 16)! }
  @inlinable public static func globals(_ function: PyRef) -> PyRef { function.loadRef(at: 24)! }
  @inlinable public static func builtins(_ function: PyRef) -> PyRef { function.loadRef(at: 32)! }
  @inlinable public static func defaults(_ function: PyRef) -> PyRef? { function.loadRef(at: 56) }
  @inlinable public static func keywordDefaults(_ function: PyRef) -> PyRef? { function.loadRef(at: 64) }
  @inlinable public static func closure(_ function: PyRef) -> PyRef? { function.loadRef(at: 72) }
  public static func qualifiedName(_ function: PyRef) -> PyRef { function.loadRef(at: FunctionType.qualifiedNameOffset)! }

  static func makeType(_ rt: RuntimeRef) -> PyType {
    let type = rt.makeType(name: "function", basicSize: FunctionType.basicSize, flags: [.haveGC], weakListOffset: FunctionType.weakListOffset,
                           dealloc: dealloc, traverse: traverse, clear: clear)
    type.record.pointee.dictOffset = FunctionType.dictOffset
    type.record.pointee.vectorCall = { raw, argv, count, names, runtime in
      RuntimeRef(raw: runtime).callPythonFunction(PyRef(raw), argv, count: count, keywordNames: PyRef(names))?.raw
    }
    type.record.pointee.descriptorGet = { raw, instance, _, runtime in
      guard let instance else {
        PyRef(raw).incref()
        return raw
      }
      return RuntimeRef(raw: runtime).newMethod(PyRef(raw), boundTo: PyRef(instance))?.raw
    }
    type.record.pointee.repr = { raw, runtime in
      let rt = RuntimeRef(raw: runtime)
      let name = StrObject.string(FunctionType.qualifiedName(PyRef(raw)))
      return rt.newStr("<function \(name) at \(rt.addressText(PyRef(raw)))>")?.raw
    }
    rt.readyBuiltinType(type, base: nil, kind: .function)
    rt.addSlotWrappers(type)
    rt.addGetSets(type, [
      FunctionType.field("__name__", FunctionType.nameOffset, nilable: false),
      FunctionType.field("__qualname__", FunctionType.qualifiedNameOffset, nilable: false),
      FunctionType.field("__defaults__", FunctionType.defaultsOffset),
      FunctionType.field("__kwdefaults__", FunctionType.keywordDefaultsOffset),
      FunctionType.field("__doc__", FunctionType.docOffset),
      FunctionType.field("__module__", FunctionType.moduleOffset),
      FunctionType.field("__annotations__", FunctionType.annotationsOffset),
      GetSetDefinition("__code__", { raw, _ in let v = FunctionType.code(PyRef(raw)); v.incref(); return v.raw }),
      GetSetDefinition("__globals__", { raw, _ in let v = FunctionType.globals(PyRef(raw)); v.incref(); return v.raw }),
      GetSetDefinition("__closure__", { raw, runtime in
        let value = FunctionType.closure(PyRef(raw)) ?? RuntimeRef(raw: runtime).state.pointee.none
        value.incref()
        return value.raw
      }),
      GetSetDefinition("__dict__", { raw, runtime in
        let rt = RuntimeRef(raw: runtime)
        guard let dict = rt.instanceDict(PyRef(raw)) else { return nil }
        dict.incref()
        return dict.raw
      }),
    ])
    return type
  }

  /// A getset over a field holding an object; nil reads as None (or `{}` for annotations).
  private static func field(_ name: String, _ offset: Int, nilable: Bool = true) -> GetSetDefinition {
    // @convention(c) closures cannot capture the offset, so each field gets its own pair.
    switch offset {
    case nameOffset: return GetSetDefinition(name, { r, t in FunctionType.read(r, FunctionType.nameOffset, t) }, { r, v, t in FunctionType.write(r, v, FunctionType.nameOffset, t) })
    case qualifiedNameOffset:
      return GetSetDefinition(name, { r, t in FunctionType.read(r, FunctionType.qualifiedNameOffset, t) }, { r, v, t in FunctionType.write(r, v, FunctionType.qualifiedNameOffset, t) })
    case defaultsOffset:
      return GetSetDefinition(name, { r, t in FunctionType.read(r, FunctionType.defaultsOffset, t) }, { r, v, t in FunctionType.write(r, v, FunctionType.defaultsOffset, t) })
    case keywordDefaultsOffset:
      return GetSetDefinition(name, { r, t in FunctionType.read(r, FunctionType.keywordDefaultsOffset, t) }, { r, v, t in FunctionType.write(r, v, FunctionType.keywordDefaultsOffset, t) })
    case docOffset: return GetSetDefinition(name, { r, t in FunctionType.read(r, FunctionType.docOffset, t) }, { r, v, t in FunctionType.write(r, v, FunctionType.docOffset, t) })
    case moduleOffset: return GetSetDefinition(name, { r, t in FunctionType.read(r, FunctionType.moduleOffset, t) }, { r, v, t in FunctionType.write(r, v, FunctionType.moduleOffset, t) })
    default:
      return GetSetDefinition(name, { r, t in
        let rt = RuntimeRef(raw: t)
        let function = PyRef(r)
        if function.loadRef(at: FunctionType.annotationsOffset) == nil, let dict = rt.newDict() {
          function.storeRef(dict, at: FunctionType.annotationsOffset)
        }
        return FunctionType.read(r, FunctionType.annotationsOffset, t)
      }, { r, v, t in FunctionType.write(r, v, FunctionType.annotationsOffset, t) })
    }
  }

  private static func read(_ raw: UnsafeMutableRawPointer, _ offset: Int, _ runtime: RawRuntime) -> UnsafeMutableRawPointer? {
    let value = PyRef(raw).loadRef(at: offset) ?? RuntimeRef(raw: runtime).state.pointee.none
    value.incref()
    return value.raw
  }

  private static func write(_ raw: UnsafeMutableRawPointer, _ value: UnsafeMutableRawPointer?, _ offset: Int,
                            _ runtime: RawRuntime) -> Int32 {
    let rt = RuntimeRef(raw: runtime)
    var stored = PyRef(value)
    if stored == rt.state.pointee.none, offset == FunctionType.defaultsOffset || offset == FunctionType.keywordDefaultsOffset { stored = nil }
    if (offset == FunctionType.nameOffset || offset == FunctionType.qualifiedNameOffset), stored.map({ !rt.isInstance($0, rt.state.pointee.types.str) }) ?? true {
      rt.raise("TypeError", "__\(offset == FunctionType.nameOffset ? "name" : "qualname")__ must be set to a string object")
      return -1
    }
    stored?.incref()
    rt.replaceRef(in: PyRef(raw), at: offset, with: stored)
    return 0
  }

  static let dealloc: Slot.Dealloc = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let function = PyRef(raw)
    rt.untrack(function)
    rt.clearWeakReferences(function)
    for offset in FunctionType.referenceOffsets { rt.decref(function.loadRef(at: offset)) }
    rt.freeObject(function)
  }

  static let traverse: Slot.Traverse = { raw, visit, arg in
    let function = PyRef(raw)
    for offset in FunctionType.referenceOffsets {
      if let object = function.loadRef(at: offset) {
        let result = visit(object.raw, arg)
        if result != 0 { return result }
      }
    }
    return 0
  }

  static let clear: Slot.Clear = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    for offset in [FunctionType.defaultsOffset, FunctionType.keywordDefaultsOffset, FunctionType.closureOffset, FunctionType.docOffset, FunctionType.dictOffset, FunctionType.moduleOffset, FunctionType.annotationsOffset] {
      rt.replaceRef(in: PyRef(raw), at: offset, with: nil)
    }
  }
}

extension RuntimeRef {
  /// `MAKE_FUNCTION`: a function running `code` (a code object) in `globals`. All
  /// arguments are borrowed.
  public func newPythonFunction(code: PyRef, globals: PyRef, defaults: PyRef?, keywordDefaults: PyRef?,
                                closure: PyRef?, annotations: PyRef?) -> PyRef? {
    guard let function = allocateObject(state.pointee.types.function) else { return nil }
    for offset in FunctionType.referenceOffsets { function.storeRef(nil, at: offset) }
    function.storeRef(nil, at: FunctionType.weakListOffset)
    func store(_ value: PyRef?, _ offset: Int) {
      value?.incref()
      function.storeRef(value, at: offset)
    }
    store(code, FunctionType.codeOffset)
    store(globals, FunctionType.globalsOffset)
    store(PyRef(state.pointee.interpreter.builtins!), FunctionType.builtinsOffset)
    store(CodeType.name(code), FunctionType.nameOffset)
    store(CodeType.qualifiedName(code), FunctionType.qualifiedNameOffset)
    store(defaults, FunctionType.defaultsOffset)
    store(keywordDefaults, FunctionType.keywordDefaultsOffset)
    store(closure, FunctionType.closureOffset)
    store(annotations, FunctionType.annotationsOffset)
    // As in CPython 3.11, a function's first constant is its docstring, or None.
    let constants = CodeType.constants(code)
    if TupleObject.count(constants) > 0,
       let first = TupleObject.item(constants, 0), isInstance(first, state.pointee.types.str) {
      store(first, FunctionType.docOffset)
    }
    if let key = internedString("__name__") {
      store(dictGetItem(globals, key), FunctionType.moduleOffset)
      decref(key)
    }
    track(function)
    return function
  }
}
