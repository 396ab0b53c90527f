/// The `array` module: the `array` type (also `ArrayType`) and `typecodes`.
/// CPython: Modules/arraymodule.c.
extension RuntimeRef {
  func makeArrayModule() -> PyRef? {
    let type = arrayType()
    guard let module = newNativeModule("array", functions: []) else { return nil }
    let dict = ModuleType.dict(module)
    setItem(dict, "array", type.object)
    setItem(dict, "ArrayType", type.object)
    setString(dict, "typecodes", String(decoding: ArrayObject.typecodes, as: UTF8.self))
    return module
  }

  /// The `array.array` type and its iterator type, made once per runtime.
  func arrayType() -> PyType {
    if let existing = state.pointee.types.byName["array.array"] { return existing }
    let type = makeType(name: "array.array", basicSize: ArrayObject.basicSize, flags: [.haveGC, .baseType],
                        weakListOffset: ArrayObject.weakListOffset, dealloc: ArrayObject.dealloc,
                        traverse: ArrayObject.traverse, hash: RuntimeRef.unhashable)
    let record = type.record
    record.pointee.new = ArrayObject.new
    record.pointee.repr = ArrayObject.repr
    record.pointee.richCompare = ArrayObject.richCompare
    record.pointee.length = ArrayObject.length
    record.pointee.getItem = ArrayObject.getItem
    record.pointee.setItem = ArrayObject.setItem
    record.pointee.contains = ArrayObject.contains
    record.pointee.binary = ArrayObject.binary
    record.pointee.iter = ArrayObject.iterate
    readyBuiltinType(type, base: nil, kind: .other)
    addSlotWrappers(type)
    // The binary slot serves only CPython's sequence operators: `+`, `*` (both sides),
    // `+=`, `*=`.
    removeDunders(type, SlotWrappers.binaryNames.keys.filter { !["__add__", "__mul__", "__rmul__"].contains($0) })
    addMethods(type, [MethodDefinition("__iadd__", SlotWrappers.binary), MethodDefinition("__imul__", SlotWrappers.binary)])
    addMethods(type, ArrayObject.methods)
    addGetSets(type, ArrayObject.getSets)
    state.pointee.types.byName["array.array"] = type
    makeIteratorType("array.arrayiterator", basicSize: 32, dealloc: ArrayObject.iteratorDealloc,
                     traverse: ArrayObject.iteratorTraverse, clear: ArrayObject.iteratorClear,
                     next: ArrayObject.iteratorNext)
    return type
  }
}
