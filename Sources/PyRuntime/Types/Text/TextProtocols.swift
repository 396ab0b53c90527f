import PyCompiler

/// The protocol slots and methods of `str` and `bytes`.
/// (Minimal first version; the text work replaces it with the full set of methods.)
extension RuntimeRef {
  func bootstrapTextProtocols() {
    let str = state.pointee.types.str!
    str.record.pointee.repr = { raw, runtime in RuntimeRef(raw: runtime).strRepr(PyRef(raw))?.raw }
    str.record.pointee.str = { raw, _ in
      PyRef(raw).incref()
      return raw
    }
    str.record.pointee.length = { raw, _ in StrObject.length(PyRef(raw)) }
    str.record.pointee.richCompare = { a, b, op, runtime in
      let rt = RuntimeRef(raw: runtime)
      guard rt.isInstance(PyRef(b), rt.state.pointee.types.str) else { return rt.newNotImplemented().raw }
      let x = StrObject.codePoints(PyRef(a)), y = StrObject.codePoints(PyRef(b))
      let order = x == y ? 0 : (x.lexicographicallyPrecedes(y) ? -1 : 1)
      return rt.newBool(ComparisonOperator(rawValue: UInt8(op))!.holds(order)).raw
    }
    str.record.pointee.binary = { a, b, op, runtime in
      let rt = RuntimeRef(raw: runtime)
      let plain = op % BinaryOperator.inplaceOffset
      guard plain == UInt32(BinaryOperator.add.rawValue), op < BinaryOperator.inplaceOffset,
            rt.isInstance(PyRef(a), rt.state.pointee.types.str), rt.isInstance(PyRef(b), rt.state.pointee.types.str) else {
        return rt.newNotImplemented().raw
      }
      return rt.newStr(codePoints: StrObject.codePoints(PyRef(a)) + StrObject.codePoints(PyRef(b)))?.raw
    }
    addSlotWrappers(str)
    let bytes = state.pointee.types.bytes!
    bytes.record.pointee.repr = { raw, runtime in RuntimeRef(raw: runtime).bytesRepr(PyRef(raw))?.raw }
    bytes.record.pointee.length = { raw, _ in BytesObject.count(PyRef(raw)) }
    addSlotWrappers(bytes)
  }
}
