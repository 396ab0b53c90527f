/// PEP 585 and PEP 604 at bootstrap: `types.GenericAlias` and `types.UnionType`, the
/// `__class_getitem__` of the built-in generic classes (`list[int]`), and `type.__or__`
/// (`int | None`).
/// CPython: Objects/genericaliasobject.c, Objects/unionobject.c, Objects/typeobject.c
/// (`type_or`).
extension RuntimeRef {
  func bootstrapTypingProtocols() {
    _ = GenericAlias.makeType(self)
    _ = TypingUnion.makeType(self)
    let types = state.pointee.types
    for type in [types.list, types.dict, types.tuple, types.set, types.frozenset, types.type] {
      addMethods(type!, [GenericAlias.classGetItem])
    }
    // Classes join into unions: `int | str`. Heap metaclasses inherit the slot.
    types.type.record.pointee.binary = TypingUnion.orSlot
    addMethods(types.type, [MethodDefinition("__or__", SlotWrappers.binary), MethodDefinition("__ror__", SlotWrappers.binary)])
  }
}
