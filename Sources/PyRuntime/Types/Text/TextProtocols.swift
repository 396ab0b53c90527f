/// Wires the text types into the object protocol: the slots and methods of `str` and
/// `bytes`, their iterators, and the `__format__` methods of str, int and float (the
/// format-spec mini-language lives in `Types/Formatting/`).
/// CPython: Objects/unicodeobject.c (`PyUnicode_Type`), Objects/bytesobject.c
/// (`PyBytes_Type`).
extension RuntimeRef {
  func bootstrapTextProtocols() {
    let types = state.pointee.types
    guard let names = TextNames(self) else { preconditionFailure("Runtime: the heap limit is too small for the text names") }
    state.pointee.text.names = names
    for (name, next) in [("str_ascii_iterator", TextIterator.strNext), ("str_iterator", TextIterator.strNext),
                         ("bytes_iterator", TextIterator.bytesNext)] {
      state.pointee.types.byName[name] = TextIterator.makeType(self, name: name, next: next)
    }

    let str = types.str!
    str.record.pointee.repr = { raw, runtime in RuntimeRef(raw: runtime).strRepr(PyRef(raw))?.raw }
    str.record.pointee.str = { raw, runtime in RuntimeRef(raw: runtime).strExact(PyRef(raw))?.raw }
    str.record.pointee.length = { raw, _ in StrObject.length(PyRef(raw)) }
    str.record.pointee.richCompare = StrSlots.richCompare
    str.record.pointee.getItem = StrSlots.getItem
    str.record.pointee.contains = StrSlots.contains
    str.record.pointee.binary = StrSlots.binary
    str.record.pointee.iter = { raw, runtime in
      let str = PyRef(raw)
      return RuntimeRef(raw: runtime).newTextIterator(
        str, typeName: StrObject.isASCII(str) ? "str_ascii_iterator" : "str_iterator")?.raw
    }
    str.record.pointee.new = StrObject.new
    addSlotWrappers(str)
    addMethods(str, StrMethods.definitions + TextSequenceMethods.strDefinitions)

    let bytes = types.bytes!
    bytes.record.pointee.repr = { raw, runtime in RuntimeRef(raw: runtime).bytesRepr(PyRef(raw))?.raw }
    bytes.record.pointee.length = { raw, _ in BytesObject.count(PyRef(raw)) }
    bytes.record.pointee.richCompare = BytesSlots.richCompare
    bytes.record.pointee.getItem = BytesSlots.getItem
    bytes.record.pointee.contains = BytesSlots.contains
    bytes.record.pointee.binary = BytesSlots.binary
    bytes.record.pointee.iter = { raw, runtime in
      RuntimeRef(raw: runtime).newTextIterator(PyRef(raw), typeName: "bytes_iterator")?.raw
    }
    bytes.record.pointee.new = BytesSlots.new
    addSlotWrappers(bytes)
    addMethods(bytes, BytesMethods.definitions + BytesMethods.moreDefinitions + TextSequenceMethods.bytesDefinitions)

    addMethods(types.int, [MethodDefinition("__format__", FormatMethods.intFormat)])
    addMethods(types.float, [MethodDefinition("__format__", FormatMethods.floatFormat)])
  }
}
