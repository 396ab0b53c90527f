/// Struct sequences: tuples whose items also have names (`time.struct_time`,
/// `t.tm_year is t[0]`), with hidden named fields beyond the tuple's length (`tm_zone`,
/// `tm_gmtoff`). As in CPython, all fields are allocated as tuple items and `ob_size` counts
/// only the visible ones, so every tuple operation sees the visible fields; the hidden ones
/// are released by this type's own dealloc.
/// CPython: Objects/structseq.c.
enum StructSequence {
  /// The field names of each struct sequence type, by type name (constant data).
  static let fieldNames: [String: (names: [String], visible: Int)] = [
    "time.struct_time": (["tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday",
                          "tm_isdst", "tm_zone", "tm_gmtoff"], 9),
  ]

  static func layout(_ type: PyType) -> (names: [String], visible: Int) {
    var current = type
    while fieldNames[current.name] == nil, let base = current.record.pointee.base { current = PyType(base) }
    return fieldNames[current.name]!
  }

  /// Field `index` (visible or hidden), a new reference.
  static func field(_ object: PyRef, _ index: Int) -> UnsafeMutableRawPointer? {
    let item = TupleObject.items(object)[index]!
    PyRef(item).incref()
    return item
  }

  /// The type named `name`, made once per runtime.
  static func type(_ rt: RuntimeRef, _ name: String) -> PyType {
    if let existing = rt.state.pointee.types.byName[name] { return existing }
    let (names, visible) = fieldNames[name]!
    let type = rt.makeType(name: name, basicSize: 24, itemSize: 8, flags: [.haveGC, .varSized],
                           dealloc: dealloc, traverse: traverse)
    type.record.pointee.repr = repr
    type.record.pointee.new = new
    rt.readyBuiltinType(type, base: rt.state.pointee.types.tuple, kind: .tuple)
    rt.addSlotWrappers(type)
    var definitions: [GetSetDefinition] = []
    for (index, fieldName) in names.enumerated() {
      var definition = getters[index]
      definition.name = fieldName
      definitions.append(definition)
    }
    rt.addGetSets(type, definitions)
    rt.addMethods(type, [MethodDefinition("__reduce__", reduce)])
    let dict = rt.typeDict(type)
    rt.setInt(dict, "n_fields", names.count)
    rt.setInt(dict, "n_sequence_fields", visible)
    rt.setInt(dict, "n_unnamed_fields", 0)
    rt.state.pointee.types.byName[name] = type
    return type
  }

  /// A new struct sequence of `type` holding `values` (references taken over); the hidden
  /// fields missing from `values` are None.
  static func make(_ rt: RuntimeRef, _ type: PyType, _ values: [PyRef]) -> PyRef? {
    let (names, visible) = layout(type)
    guard let object = rt.allocateObject(type, itemCount: names.count) else {
      for value in values { rt.decref(value) }
      return nil
    }
    object.size = visible
    let items = TupleObject.items(object)
    for index in 0..<names.count {
      items[index] = index < values.count ? values[index].raw : rt.newNone().raw
    }
    rt.initializeInstanceSlots(object)
    rt.track(object)
    return object
  }

  static let dealloc: Slot.Dealloc = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let object = PyRef(raw)
    rt.untrack(object)
    let count = layout(object.type).names.count
    ItemArray.releaseBackwards(TupleObject.items(object), count: count, rt)
    rt.freeObject(object)
  }

  static let traverse: Slot.Traverse = { raw, visit, arg in
    let object = PyRef(raw)
    return ItemArray.visitBackwards(TupleObject.items(object), count: layout(object.type).names.count, visit, arg)
  }

  /// `time.struct_time(tm_year=1970, tm_mon=1, …)`: the visible fields only.
  static let repr: Slot.Unary = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let object = PyRef(raw)
    let (names, visible) = layout(object.type)
    var text = "\(object.type.name)("
    for index in 0..<visible {
      guard let item = rt.reprString(PyRef(TupleObject.items(object)[index]!)) else { return nil }
      text += (index == 0 ? "" : ", ") + names[index] + "=" + item
    }
    return rt.newStr(text + ")")?.raw
  }

  /// `struct_time(sequence, dict=None)`: at least the visible fields, at most all of them;
  /// hidden fields not in the sequence come from `dict` or are None.
  static let new: Slot.VectorCall = { typeRaw, argv, count, names, runtime in
    let rt = RuntimeRef(raw: runtime)
    let type = PyType(typeRaw)
    let args = Arguments(runtime, argv, count, names)
    guard let bound = args.bindClinic("struct_time", ["sequence", "dict"], required: 1) else { return nil }
    guard let items = rt.collectItems(bound[0]!) else { return nil }
    let (fieldNames, visible) = layout(type)
    let qualified = type.name
    if items.count < visible || items.count > fieldNames.count {
      for item in items { rt.decref(item) }
      let bound = items.count < visible ? "at least \(visible)" : "at most \(fieldNames.count)"
      rt.raise("TypeError", "\(qualified)() takes an \(bound)-sequence (\(items.count)-sequence given)")
      return nil
    }
    var values = items
    if let extra = bound[1], extra != rt.state.pointee.none {
      for index in items.count..<fieldNames.count {
        guard let value = rt.dictGetItem(extra, named: fieldNames[index]) else { continue }
        value.incref()
        values.append(value)
      }
    }
    return make(rt, type, values)?.raw
  }

  /// `__reduce__`: `(type, (visible fields, {hidden name: value}))`, for pickle and copy.
  static let reduce: Slot.VectorCall = { _, argv, count, names, runtime in
    let rt = RuntimeRef(raw: runtime)
    let object = PyRef(argv[0]!)
    let (fieldNames, visible) = layout(object.type)
    guard let tuple = rt.newTuple(copying: TupleObject.items(object), count: visible),
          let extra = rt.newDict() else { return nil }
    for index in visible..<fieldNames.count {
      rt.setItem(extra, fieldNames[index], PyRef(TupleObject.items(object)[index]!))
    }
    object.type.object.incref()
    guard let arguments = rt.newTuple([tuple, extra]) else { return nil }
    return rt.newTuple([object.type.object, arguments])?.raw
  }

  static let getters: [GetSetDefinition] = [
    GetSetDefinition("", { raw, _ in StructSequence.field(PyRef(raw), 0) }),
    GetSetDefinition("", { raw, _ in StructSequence.field(PyRef(raw), 1) }),
    GetSetDefinition("", { raw, _ in StructSequence.field(PyRef(raw), 2) }),
    GetSetDefinition("", { raw, _ in StructSequence.field(PyRef(raw), 3) }),
    GetSetDefinition("", { raw, _ in StructSequence.field(PyRef(raw), 4) }),
    GetSetDefinition("", { raw, _ in StructSequence.field(PyRef(raw), 5) }),
    GetSetDefinition("", { raw, _ in StructSequence.field(PyRef(raw), 6) }),
    GetSetDefinition("", { raw, _ in StructSequence.field(PyRef(raw), 7) }),
    GetSetDefinition("", { raw, _ in StructSequence.field(PyRef(raw), 8) }),
    GetSetDefinition("", { raw, _ in StructSequence.field(PyRef(raw), 9) }),
    GetSetDefinition("", { raw, _ in StructSequence.field(PyRef(raw), 10) }),
    GetSetDefinition("", { raw, _ in StructSequence.field(PyRef(raw), 11) }),
    GetSetDefinition("", { raw, _ in StructSequence.field(PyRef(raw), 12) }),
    GetSetDefinition("", { raw, _ in StructSequence.field(PyRef(raw), 13) }),
    GetSetDefinition("", { raw, _ in StructSequence.field(PyRef(raw), 14) }),
    GetSetDefinition("", { raw, _ in StructSequence.field(PyRef(raw), 15) }),
  ]
}
