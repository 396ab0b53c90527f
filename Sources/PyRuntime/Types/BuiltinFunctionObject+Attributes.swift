/// The attributes of built-in functions and methods: `__name__`, `__qualname__`, `__self__`
/// and `__module__` (`math.sqrt.__name__ == 'sqrt'`, `[].append.__qualname__ ==
/// 'list.append'`), and `__objclass__` of an unbound method descriptor.
/// CPython: Objects/methodobject.c (`meth_getsets`, `meth_get__qualname__`),
/// Objects/descrobject.c (`descr_members`, `method_getset`).
extension BuiltinFunctionObject {
  static let functionGetSets: [GetSetDefinition] = [
    GetSetDefinition("__name__", { raw, _ in
      let name = BuiltinFunctionObject.name(PyRef(raw))
      name.incref()
      return name.raw
    }),
    GetSetDefinition("__qualname__", { raw, runtime in
      RuntimeRef(raw: runtime).builtinQualifiedName(PyRef(raw))?.raw
    }),
    GetSetDefinition("__self__", { raw, runtime in
      let value = BuiltinFunctionObject.boundSelf(PyRef(raw)) ?? RuntimeRef(raw: runtime).state.pointee.none
      value.incref()
      return value.raw
    }),
    GetSetDefinition("__module__", { raw, runtime in
      let rt = RuntimeRef(raw: runtime)
      if let bound = BuiltinFunctionObject.boundSelf(PyRef(raw)), bound.type.record.pointee.kind == .module,
         let name = rt.moduleNameString(bound) {
        return rt.newStr(name)?.raw
      }
      return rt.newNone().raw
    }),
  ]

  static let descriptorGetSets: [GetSetDefinition] = [
    GetSetDefinition("__name__", { raw, _ in
      let name = BuiltinFunctionObject.name(PyRef(raw))
      name.incref()
      return name.raw
    }),
    GetSetDefinition("__qualname__", { raw, runtime in
      RuntimeRef(raw: runtime).builtinQualifiedName(PyRef(raw))?.raw
    }),
    GetSetDefinition("__objclass__", { raw, runtime in
      let owner = BuiltinFunctionObject.owner(PyRef(raw))?.object ?? RuntimeRef(raw: runtime).state.pointee.none
      owner.incref()
      return owner.raw
    }),
  ]
}

extension RuntimeRef {
  /// Adds the attributes above to `builtin_function_or_method` and `method_descriptor`.
  func addBuiltinFunctionAttributes() {
    addGetSets(state.pointee.types.builtinFunction, BuiltinFunctionObject.functionGetSets)
    addGetSets(state.pointee.types.methodDescriptor, BuiltinFunctionObject.descriptorGetSets)
  }

  /// `TYPE.NAME` for a method of a type, `NAME` for a module function.
  func builtinQualifiedName(_ function: PyRef) -> PyRef? {
    let name = StrObject.string(BuiltinFunctionObject.name(function))
    if let owner = BuiltinFunctionObject.owner(function) {
      let typeName = owner.name
      return newStr("\(typeName.split(separator: ".").last.map(String.init) ?? typeName).\(name)")
    }
    if let bound = BuiltinFunctionObject.boundSelf(function), bound.type.record.pointee.kind != .module {
      let type = bound.type.record.pointee.kind == .type ? PyType(bound.raw) : bound.type
      return newStr("\(type.name.split(separator: ".").last.map(String.init) ?? type.name).\(name)")
    }
    return newStr(name)
  }
}
