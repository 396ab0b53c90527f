extension RuntimeRef {
  /// Makes the interpreter's types (functions, code, cells, modules, methods, generators,
  /// descriptors, tracebacks, files), then `builtins`.
  func bootstrapInterpreterTypes() {
    state.pointee.types.code = CodeType.makeType(self)
    state.pointee.types.function = FunctionType.makeType(self)
    state.pointee.types.cell = CellType.makeType(self)
    state.pointee.types.module = ModuleType.makeType(self)
    state.pointee.types.method = MethodType.makeType(self)
    state.pointee.types.generator = GeneratorType.makeType(self)
    state.pointee.types.traceback = TracebackType.makeType(self)
    state.pointee.types.frame = FrameObjectType.makeType(self)
    let (staticMethod, classMethod) = StaticMethodType.makeTypes(self)
    state.pointee.types.staticMethod = staticMethod
    state.pointee.types.classMethod = classMethod
    state.pointee.types.property = PropertyType.makeType(self)
    state.pointee.types.superType = SuperType.makeType(self)
    state.pointee.types.memberDescriptor = MemberDescriptor.makeType(self)
    state.pointee.types.byName["member_descriptor"] = state.pointee.types.memberDescriptor
    state.pointee.types.byName["_io.TextIOWrapper"] = TextFileType.makeType(self)
    for type in [state.pointee.types.object, state.pointee.types.int, state.pointee.types.float, state.pointee.types.str,
                 state.pointee.types.bytes, state.pointee.types.list, state.pointee.types.tuple, state.pointee.types.dict,
                 state.pointee.types.set, state.pointee.types.frozenset, state.pointee.types.type] {
      type?.record.pointee.flags.insert(.baseType)
    }
    for type in state.pointee.exceptionTypes.values { type.record.pointee.flags.insert(.baseType) }
    makeBuiltinsModule()
  }
}
