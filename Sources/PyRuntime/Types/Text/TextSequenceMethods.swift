/// `__add__`, `__mul__`, `__rmul__`, `__mod__` and `__rmod__` of str and bytes, as CPython
/// spells them: wrappers of the sequence slots (`sq_concat`, `sq_repeat`), which raise for
/// a wrong operand instead of returning NotImplemented. (The binary slot itself returns
/// NotImplemented, so that `'a' + x` still reaches `type(x).__radd__`.)
/// CPython: Objects/typeobject.c (`wrap_binaryfunc`, `wrap_indexargfunc`),
/// Objects/unicodeobject.c (`unicode_mod`).
enum TextSequenceMethods {
  static var strDefinitions: [MethodDefinition] {
    [MethodDefinition("__add__", add), MethodDefinition("__mul__", multiply), MethodDefinition("__rmul__", multiply),
     MethodDefinition("__mod__", modulo), MethodDefinition("__rmod__", reflectedModulo)]
  }

  static var bytesDefinitions: [MethodDefinition] {
    [MethodDefinition("__add__", add), MethodDefinition("__mul__", multiply), MethodDefinition("__rmul__", multiply)]
  }

  static let add: Slot.VectorCall = { function, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard args.one("__add__") else { return nil }
    if args.this.type.record.pointee.kind == .str { return args.rt.strConcat(args.this, args[0])?.raw }
    guard args.rt.bytesLikeBuffer(args[0]) != nil else {
      args.rt.raise("TypeError", "can't concat \(args[0].type.name) to \(args.this.type.name)")
      return nil
    }
    return BytesSlots.binary(argv[0]!, argv[1]!, UInt32(0), runtime)
  }

  /// `__mul__` and `__rmul__` (repetition commutes).
  static let multiply: Slot.VectorCall = { function, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard args.one(StrObject.string(BuiltinFunctionObject.name(PyRef(function)))) else { return nil }
    guard let times = args.rt.textIndexValue(args[0], overflow: .raise("OverflowError")) else { return nil }
    if args.this.type.record.pointee.kind == .str { return args.rt.strRepeat(args.this, times)?.raw }
    return args.rt.bytesRepeat(args.this, times)?.raw
  }

  static let modulo: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard args.one("__mod__") else { return nil }
    return args.rt.percentFormat(args.this, args[0])?.raw
  }

  static let reflectedModulo: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard args.one("__rmod__") else { return nil }
    guard args.rt.isStr(args[0]) else { return args.rt.newNotImplemented().raw }
    return args.rt.percentFormat(args[0], args.this)?.raw
  }
}
