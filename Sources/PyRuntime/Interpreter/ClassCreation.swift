/// Making classes: `class` statements (`__build_class__`) and `type(name, bases, dict)`.
/// CPython: Objects/typeobject.c (`type_new`, `mro_implementation`, `best_base`,
/// `subtype_dealloc`, `subtype_traverse`), Python/bltinmodule.c (`builtin___build_class__`).
extension RuntimeRef {
  /// Makes a class. `namespace` is copied into the class dict; `keywords` (a tuple of
  /// names and their values, the class statement's keywords but `metaclass`) go to the
  /// parent's `__init_subclass__`; all arguments are borrowed.
  public func newClass(name: PyRef, bases: PyRef, namespace: PyRef, metaclass: PyType,
                       keywords: (names: PyRef?, values: [PyRef]) = (nil, [])) -> PyRef? {
    let object = state.pointee.types.object!
    var baseTypes: [PyType] = []
    for index in 0..<TupleObject.count(bases) {
      let base = TupleObject.item(bases, index)!
      guard base.type.record.pointee.kind == .type else {
        raise("TypeError", "bases must be types")
        return nil
      }
      let baseType = PyType(base.raw)
      guard baseType.flags.contains(.baseType) || baseType.flags.contains(.heapType) else {
        raise("TypeError", "type '\(baseType.name)' is not an acceptable base type")
        return nil
      }
      baseTypes.append(baseType)
    }
    if baseTypes.isEmpty { baseTypes = [object] }
    // The base whose layout instances extend (CPython's `best_base`): the one whose solid
    // base (the nearest class that adds fields, `__slots__` or a built-in layout) extends
    // the others'.
    var solid = baseTypes[0]
    var winner = solidBase(solid)
    for candidate in baseTypes.dropFirst() {
      let candidateSolid = solidBase(candidate)
      if isSubtype(winner, candidateSolid) { continue }
      guard isSubtype(candidateSolid, winner) else {
        raise("TypeError", "multiple bases have instance lay-out conflict")
        return nil
      }
      winner = candidateSolid
      solid = candidate
    }
    guard let mro = computeMRO(baseTypes, name: StrObject.string(name)) else { return nil }
    let nameText = StrObject.string(name)
    // `__slots__`: fixed attributes instead of a `__dict__`.
    var slotNames: [String]? = nil
    if let slots = dictGetItem(namespace, named: "__slots__") {
      let items = isInstance(slots, state.pointee.types.str) ? { slots.incref(); return [slots] }() : collectItems(slots)
      guard let items else { return nil }
      slotNames = items.map { item in defer { decref(item) }; return StrObject.string(item) }
    }
    let baseRecord = solid.record.pointee
    // Variable-size instances (int, tuple, bytes) keep their items right after the header,
    // so a class of theirs cannot add fields there (CPython puts them after the items, at a
    // negative `tp_dictoffset`; PyHeap does not yet): no `__dict__`, no `__slots__`.
    let variableSize = layoutRoot(solid).flags.contains(.varSized) || layoutRoot(solid).record.pointee.kind == .str
    // A metaclass's instances are classes, made by `makeType` with the type layout (which
    // has its own dict and weak-reference list), so a subclass of `type` adds no fields:
    // CPython refuses non-empty `__slots__` here too (`type` is variable-size there).
    let instancesAreClasses = layoutRoot(solid) == state.pointee.types.type
    if variableSize || instancesAreClasses, let slotNames, !slotNames.isEmpty {
      raise("TypeError", "nonempty __slots__ not supported for subtype of '\(layoutRoot(solid).name)'")
      return nil
    }
    var basicSize = baseRecord.basicSize
    var dictOffset = baseRecord.dictOffset
    var weakListOffset = baseRecord.weakListOffset
    var slotOffsets: [(String, Int)] = []
    let wantsDict = !variableSize && !instancesAreClasses && (slotNames.map { $0.contains("__dict__") } ?? true)
    let wantsWeakref = !variableSize && !instancesAreClasses && (slotNames.map { $0.contains("__weakref__") } ?? true)
    for slot in slotNames ?? [] where slot != "__dict__" && slot != "__weakref__" && !variableSize {
      slotOffsets.append((mangledSlotName(slot, className: nameText), basicSize))
      basicSize += 8
    }
    var managedDict = baseRecord.flags.contains(.managedDict)
    if wantsDict && dictOffset == 0 {
      dictOffset = basicSize
      basicSize += 8
      // Inline values only for instances laid out as plain objects, as CPython 3.11 keeps
      // them only there: a `list` or `tuple` subclass gets a real dict.
      managedDict = layoutRoot(solid) == state.pointee.types.object
    }
    if wantsWeakref && weakListOffset == 0 {
      weakListOffset = basicSize
      basicSize += 8
    }
    let type = makeType(
      name: nameText, basicSize: basicSize, itemSize: baseRecord.itemSize,
      flags: TypeFlags([.haveGC, .heapType, .baseType]).union(baseRecord.flags.intersection(.varSized))
        .union(managedDict ? .managedDict : []),
      weakListOffset: weakListOffset, dealloc: ClassInstances.dealloc, traverse: ClassInstances.traverse,
      clear: ClassInstances.clear)
    metaclass.object.incref()
    type.object.type = metaclass
    let record = type.record
    record.pointee.kind = baseRecord.kind
    record.pointee.base = solid.raw
    record.pointee.dictOffset = dictOffset
    record.pointee.traverseKind = layoutRoot(solid) != state.pointee.types.object ? .generic
      : ClassInstances.addsOnlyDictAndWeakList(record) ? .plainClassInstance : .classInstance
    bases.incref()
    record.pointee.bases = bases.raw
    if TupleObject.count(bases) == 0 {
      record.pointee.bases = newTuple([{ object.object.incref(); return object.object }()])!.raw
      decref(bases)
    }
    record.pointee.mro = newTuple([type.object] + mro.map { $0.object.incref(); return $0.object })!.raw
    guard let dict = newDict() else { return nil }
    DictObject.setOwnerType(dict, type)
    record.pointee.dict = dict.raw
    track(type.object)
    for (key, value) in dictItems(namespace) where !dictSetItem(dict, key, value) { return nil }
    inheritSlots(type, from: solid)
    // Special methods that are plain functions become static/class methods, as in CPython.
    for special in ["__new__"] {
      if let function = dictGetItem(dict, named: special), function.type == state.pointee.types.function {
        guard let wrapped = newStaticMethod(function) else { return nil }
        setItem(dict, special, wrapped)
        decref(wrapped)
      }
    }
    for special in ["__init_subclass__", "__class_getitem__"] {
      if let function = dictGetItem(dict, named: special), function.type == state.pointee.types.function {
        guard let wrapped = newClassMethod(function) else { return nil }
        setItem(dict, special, wrapped)
        decref(wrapped)
      }
    }
    if dictGetItem(dict, named: "__qualname__") == nil { setItem(dict, "__qualname__", name) }
    if dictGetItem(dict, named: "__doc__") == nil { setItem(dict, "__doc__", state.pointee.none) }
    setItem(dict, "__name__", name)
    for (slot, offset) in slotOffsets {
      guard let descriptor = newMemberDescriptor(slot, offset: offset, owner: type) else { return nil }
      setItem(dict, slot, descriptor)
      decref(descriptor)
    }
    if definesEqWithoutHash(dict) { setItem(dict, "__hash__", state.pointee.none) }
    updateClassSlots(type)
    // `__set_name__` on the attributes, then the parent's `__init_subclass__`.
    for (key, value) in dictItems(dict) {
      if let setName = lookup(value.type, "__set_name__") {
        guard let result = callMethodLike(setName, boundTo: value, [type.object, key]) else {
          // 3.11 wraps the error (`_PyErr_FormatFromCause`): the original is the cause.
          let cause = fetchException()
          let keyText = reprString(key) ?? "?"
          raise("RuntimeError", "Error calling __set_name__ on '\(value.type.name)' instance \(keyText) in '\(nameText)'")
          if let cause, let wrapped = currentException {
            cause.incref()
            setContext(wrapped, cause)
            setCause(wrapped, cause)
          }
          return nil
        }
        decref(result)
      }
    }
    guard let parent = superLookup(type, startAfter: type, name: "__init_subclass__") else {
      return hasError ? nil : type.object
    }
    defer { decref(parent) }
    guard let result = call(parent, keywords.values, keywordNames: keywords.names) else { return nil }
    decref(result)
    return type.object
  }

  private func definesEqWithoutHash(_ dict: PyRef) -> Bool {
    dictGetItem(dict, named: "__eq__") != nil && dictGetItem(dict, named: "__hash__") == nil
  }

  /// `__x` in `__slots__` of class `C` is stored as `_C__x`.
  private func mangledSlotName(_ name: String, className: String) -> String {
    guard name.hasPrefix("__"), !name.hasSuffix("__") else { return name }
    let stripped = className.drop(while: { $0 == "_" })
    return stripped.isEmpty ? name : "_\(stripped)\(name)"
  }

  /// The built-in type whose layout `type`'s instances have.
  func layoutRoot(_ type: PyType) -> PyType { ClassInstances.layoutRoot(type) }

  /// CPython's `solid_base`: the nearest type on `type`'s base chain whose instances have
  /// fields its own base lacks (`__slots__`, or a built-in layout); a `__dict__` or
  /// weak-reference list added at the end does not count.
  func solidBase(_ type: PyType) -> PyType {
    guard let baseRaw = type.record.pointee.base else { return type }
    let base = solidBase(PyType(baseRaw))
    return addsFields(type, beyond: base) ? type : base
  }

  /// CPython's `extra_ivars`.
  private func addsFields(_ type: PyType, beyond base: PyType) -> Bool {
    let t = type.record.pointee, b = base.record.pointee
    var size = t.basicSize
    if t.itemSize != 0 || b.itemSize != 0 { return size != b.basicSize || t.itemSize != b.itemSize }
    if type.flags.contains(.heapType) {
      if t.weakListOffset != 0, b.weakListOffset == 0, t.weakListOffset + 8 == size { size -= 8 }
      if t.dictOffset != 0, b.dictOffset == 0, t.dictOffset + 8 == size { size -= 8 }
    }
    return size != b.basicSize
  }

  /// C3 linearization of the bases' MROs (without the new class itself).
  func computeMRO(_ bases: [PyType], name: String) -> [PyType]? {
    var sequences: [[PyType]] = bases.map { base in
      let mro = PyRef(base.record.pointee.mro!)
      return (0..<TupleObject.count(mro)).map { PyType(TupleObject.item(mro, $0)!.raw) }
    }
    sequences.append(bases)
    var result: [PyType] = []
    while true {
      sequences.removeAll { $0.isEmpty }
      if sequences.isEmpty { return result }
      var chosen: PyType?
      for sequence in sequences {
        let candidate = sequence[0]
        if !sequences.contains(where: { $0.dropFirst().contains(candidate) }) {
          chosen = candidate
          break
        }
      }
      guard let chosen else {
        let names = bases.map(\.name).joined(separator: ", ")
        raise("TypeError", "Cannot create a consistent method resolution order (MRO) for bases \(names)")
        return nil
      }
      result.append(chosen)
      for index in sequences.indices where sequences[index].first == chosen { sequences[index].removeFirst() }
    }
  }

  /// The attribute `name` found on the MRO of `type` after `startAfter`, bound to `type`
  /// (what `super(startAfter, type).name` gives for a class).
  func superLookup(_ type: PyType, startAfter: PyType, name: String) -> PyRef? {
    guard let key = internedString(name) else { return nil }
    defer { decref(key) }
    let mro = PyRef(type.record.pointee.mro!)
    var seen = false
    for index in 0..<TupleObject.count(mro) {
      let klass = PyType(TupleObject.item(mro, index)!.raw)
      if !seen { seen = klass == startAfter; continue }
      if let dict = klass.record.pointee.dict, let value = dictGetItem(PyRef(dict), key) {
        return bindDescriptor(value, nil, type)
      }
    }
    return nil
  }
}

/// The slots every class's instances share: dealloc with `__del__` (PEP 442), weak
/// references, `__dict__` and `__slots__`, then the built-in base's own dealloc.
enum ClassInstances {
  /// Empties every reference field a class adds after its built-in base's layout (not the
  /// weak-reference list): its `__slots__` in field order, then its `__dict__` or inline
  /// values, as CPython's `subtype_dealloc` does. No allocation: this runs on every
  /// instance's deallocation.
  @inline(__always)
  static func releaseAddedReferences(_ object: PyRef, _ rt: RuntimeRef) {
    let record = object.type.record
    let start = layoutRoot(object.type).record.pointee.basicSize
    var offset = start
    let dictOffset = record.pointee.dictOffset
    while offset < record.pointee.basicSize {
      if offset != record.pointee.weakListOffset && offset != dictOffset {
        rt.replaceRef(in: object, at: offset, with: nil)
      }
      offset += 8
    }
    guard dictOffset >= start else { return }
    if record.pointee.flags.contains(.managedDict) && object.loadRef(at: dictOffset) == nil {
      rt.releaseInlineValues(object, record)
    } else {
      rt.replaceRef(in: object, at: dictOffset, with: nil)
    }
  }

  static let dealloc: Slot.Dealloc = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let object = PyRef(raw)
    let type = object.type
    rt.untrack(object)
    if type.record.pointee.finalize != nil {
      rt.track(object)
      guard rt.callFinalizerFromDealloc(object) else { return }
      rt.untrack(object)
    }
    if type.allowsWeakReferences, rt.layoutRoot(type).record.pointee.weakListOffset == 0 {
      rt.clearWeakReferences(object)
    }
    releaseAddedReferences(object, rt)
    let root = rt.layoutRoot(type)
    if root == rt.state.pointee.types.object {
      rt.freeObject(object)
    } else {
      // The built-in base releases its own fields and frees the memory (through the
      // object's real type, so the GC header and the class reference are handled).
      if !root.isGC, object.gc.isTracked { rt.untrack(object) }
      root.record.pointee.dealloc(raw, runtime)
    }
  }

  /// `subtype_traverse`: the reference fields the class adds after its built-in base's
  /// layout (for inline values, the attribute values), then the class itself, then
  /// the base's own references: the order CPython 3.11's `gc.get_referents` shows.
  static let traverse: Slot.Traverse = { raw, visit, arg in
    let object = PyRef(raw)
    let type = object.type
    let root = layoutRoot(type)
    let result = forEachReference(object, type.record, from: root.record.pointee.basicSize) { visit($0, arg) }
    if result != 0 { return result }
    let visited = visit(type.raw, arg)
    if visited != 0 { return visited }
    if let traverse = root.record.pointee.traverse { return traverse(raw, visit, arg) }
    return 0
  }

  /// Calls `body` with each reference field from `start` to the end of the instance (not
  /// the weak-reference list), the `__dict__` last, stopping at the first nonzero result.
  /// While a managed-dict instance keeps its attributes inline, their values stand in the
  /// dict's place (``InstanceValues``). The collector inlines this with `start`
  /// at the end of `object`'s header (``TraverseKind/classInstance``) and `gcOnly` (it
  /// may skip values that cannot be GC objects); it skips the class
  /// itself, which is immortal (classes are never freed yet) and so never garbage.
  @inline(__always)
  static func forEachReference(_ object: PyRef, _ record: UnsafeMutablePointer<TypeRecord>, from start: Int,
                               gcOnly: Bool = false, _ body: (UnsafeMutableRawPointer) -> Int32) -> Int32 {
    var offset = start
    let end = record.pointee.basicSize, weakListOffset = record.pointee.weakListOffset
    let dictOffset = record.pointee.dictOffset
    while offset < end {
      if offset != weakListOffset && offset != dictOffset, let value = object.loadRef(at: offset) {
        let result = body(value.raw)
        if result != 0 { return result }
      }
      offset &+= 8
    }
    guard dictOffset >= start else { return 0 }
    return forEachDictReference(object, record, gcOnly: gcOnly, body)
  }

  /// The `__dict__`, or while the instance keeps its attributes inline, their values
  /// (``forEachReference(_:_:from:gcOnly:_:)``'s last step, and all of it for a
  /// ``TraverseKind/plainClassInstance``).
  @inline(__always)
  static func forEachDictReference(_ object: PyRef, _ record: UnsafeMutablePointer<TypeRecord>,
                                   gcOnly: Bool = false, _ body: (UnsafeMutableRawPointer) -> Int32) -> Int32 {
    if let dict = object.loadRef(at: record.pointee.dictOffset) { return body(dict.raw) }
    return record.pointee.flags.contains(.managedDict) ? InstanceValues(object, record).forEachValue(gcOnly: gcOnly, body) : 0
  }

  /// Every field a class instance adds past the object header is its `__dict__` or its
  /// `__weakref__`, and it has a `__dict__`: ``TraverseKind/plainClassInstance``.
  static func addsOnlyDictAndWeakList(_ record: UnsafeMutablePointer<TypeRecord>) -> Bool {
    let dictOffset = record.pointee.dictOffset, weakListOffset = record.pointee.weakListOffset
    guard dictOffset >= ObjectLayout.headerSize else { return false }
    return stride(from: ObjectLayout.headerSize, to: record.pointee.basicSize, by: 8).allSatisfy {
      $0 == dictOffset || $0 == weakListOffset
    }
  }

  static let clear: Slot.Clear = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let object = PyRef(raw)
    releaseAddedReferences(object, rt)
    let root = rt.layoutRoot(object.type)
    root.record.pointee.clear?(raw, runtime)
  }

  static func layoutRoot(_ type: PyType) -> PyType {
    var current = type
    while current.flags.contains(.heapType), let base = current.record.pointee.base { current = PyType(base) }
    return current
  }
}
