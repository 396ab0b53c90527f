/// `module`: a namespace dict with a name. CPython: Objects/moduleobject.c.
///
/// ```
///   -16 GC header | 0 refcount | 8 type | 16 __dict__ | 24 weaklist
/// ```
public enum ModuleType {
  static let dictOffset = 16
  static let weakListOffset = 24

  public static func dict(_ module: PyRef) -> PyRef { module.loadRef(at: ModuleType.dictOffset)! }

  static func makeType(_ rt: RuntimeRef) -> PyType {
    let type = rt.makeType(name: "module", basicSize: 32, flags: [.haveGC], weakListOffset: ModuleType.weakListOffset,
                           dealloc: { raw, runtime in
      let rt = RuntimeRef(raw: runtime)
      rt.untrack(PyRef(raw))
      rt.clearWeakReferences(PyRef(raw))
      rt.decref(PyRef(raw).loadRef(at: ModuleType.dictOffset))
      rt.freeObject(PyRef(raw))
    }, traverse: { raw, visit, arg in
      guard let dict = PyRef(raw).loadRef(at: ModuleType.dictOffset) else { return 0 }
      return visit(dict.raw, arg)
    }, clear: { raw, runtime in
      RuntimeRef(raw: runtime).replaceRef(in: PyRef(raw), at: ModuleType.dictOffset, with: nil)
    })
    type.record.pointee.dictOffset = ModuleType.dictOffset
    type.record.pointee.repr = { raw, runtime in
      let rt = RuntimeRef(raw: runtime)
      let module = PyRef(raw)
      let name = rt.moduleNameString(module) ?? "?"
      let dict = ModuleType.dict(module)
      if let key = rt.internedString("__file__") {
        defer { rt.decref(key) }
        if let file = rt.dictGetItem(dict, key), rt.isInstance(file, rt.state.pointee.types.str) {
          return rt.newStr("<module '\(name)' from '\(StrObject.string(file))'>")?.raw
        }
      }
      return rt.newStr("<module '\(name)' (built-in)>")?.raw
    }
    type.record.pointee.new = ModuleType.new
    type.record.pointee.initialize = { _, _, _, _, _ in 0 }
    rt.readyBuiltinType(type, base: nil, kind: .module)
    rt.addSlotWrappers(type)
    return type
  }
}

extension ModuleType {
  /// `types.ModuleType(name, doc=None)`: a new, empty module (of a subclass too).
  static let new: Slot.VectorCall = { typeRaw, argv, count, names, runtime in
    let rt = RuntimeRef(raw: runtime)
    let args = Arguments(rt, argv, count, PyRef(names))
    guard let bound = args.bindClinic("module", ["name", "doc"], required: 1) else { return nil }
    let name = bound[0]!
    guard rt.isInstance(name, rt.state.pointee.types.str) else {
      rt.raise("TypeError", "module.__init__() argument 'name' must be str, not \(name.type.name)")
      return nil
    }
    guard let module = rt.allocateObject(PyType(typeRaw)) else { return nil }
    guard let dict = rt.newDict() else { rt.freeObject(module); return nil }
    module.storeRef(dict, at: ModuleType.dictOffset)
    module.storeRef(nil, at: ModuleType.weakListOffset)
    rt.initializeInstanceSlots(module)
    rt.track(module)
    let none = rt.state.pointee.none
    rt.setItem(dict, "__name__", name)
    rt.setItem(dict, "__doc__", bound[1] ?? none)
    for key in ["__package__", "__loader__", "__spec__"] { rt.setItem(dict, key, none) }
    return module.raw
  }
}

extension RuntimeRef {
  /// A new module named `name` with an empty namespace (holding `__name__` and `__doc__`).
  public func newModule(_ name: String) -> PyRef? {
    guard let module = allocateObject(state.pointee.types.module), let dict = newDict() else { return nil }
    module.storeRef(dict, at: ModuleType.dictOffset)
    module.storeRef(nil, at: ModuleType.weakListOffset)
    track(module)
    guard let nameObject = newStr(name) else { decref(module); return nil }
    setItem(dict, "__name__", nameObject)
    decref(nameObject)
    setItem(dict, "__doc__", state.pointee.none)
    return module
  }

  /// `dict[key] = value` with a Swift string key (interned).
  @discardableResult
  public func setItem(_ dict: PyRef, _ key: String, _ value: PyRef) -> Bool {
    guard let name = internedString(key) else { return false }
    defer { decref(name) }
    return dictSetItem(dict, name, value)
  }

  /// `dict[key]` with a Swift string key (borrowed result; nil when absent).
  public func dictGetItem(_ dict: PyRef, named key: String) -> PyRef? {
    guard let name = internedString(key) else { return nil }
    defer { decref(name) }
    return dictGetItem(dict, name)
  }

  /// The name of a module object, if it has a str `__name__`.
  func moduleNameString(_ module: PyRef) -> String? {
    guard let dict = module.loadRef(at: ModuleType.dictOffset), let key = internedString("__name__") else { return nil }
    defer { decref(key) }
    guard let name = dictGetItem(dict, key), isInstance(name, state.pointee.types.str) else { return nil }
    return StrObject.string(name)
  }
}
