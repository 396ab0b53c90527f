/// `NoneType`, `NotImplementedType` and `ellipsis`: one immortal instance each, with its
/// repr, falsehood for `None`, and a constructor that returns the singleton.
/// CPython: Objects/object.c (`_Py_NoneStruct`, `_Py_NotImplementedStruct`),
/// Objects/sliceobject.c (`_Py_EllipsisObject`).
enum SingletonTypes {
  static func configure(_ rt: RuntimeRef, _ type: PyType, _ kind: TypeKind) {
    switch kind {
    case .none:
      type.record.pointee.repr = { _, runtime in RuntimeRef(raw: runtime).newStr("None")?.raw }
      type.record.pointee.isTrue = { _, _ in 0 }
      type.record.pointee.new = { _, _, count, names, runtime in
        let rt = RuntimeRef(raw: runtime)
        guard count == 0, names == nil else {
          rt.raise("TypeError", "NoneType takes no arguments")
          return nil
        }
        return rt.newNone().raw
      }
    case .notImplemented:
      type.record.pointee.repr = { _, runtime in RuntimeRef(raw: runtime).newStr("NotImplemented")?.raw }
      type.record.pointee.new = { _, _, _, _, runtime in RuntimeRef(raw: runtime).newNotImplemented().raw }
    default:
      type.record.pointee.repr = { _, runtime in RuntimeRef(raw: runtime).newStr("Ellipsis")?.raw }
      type.record.pointee.new = { _, _, _, _, runtime in
        let rt = RuntimeRef(raw: runtime)
        rt.state.pointee.ellipsis.incref()
        return rt.state.pointee.ellipsis.raw
      }
    }
    rt.readyBuiltinType(type, base: nil, kind: kind)
    rt.addSlotWrappers(type)
  }
}
