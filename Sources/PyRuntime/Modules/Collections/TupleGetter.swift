/// `_collections._tuplegetter(index, doc)`: the read-only descriptor behind a namedtuple's
/// field names, so `point.x` is one slot call instead of a Python function.
///
/// ```
///   -16 GC header | 0 refcount | 8 type | 16 index | 24 doc
/// ```
/// CPython: Modules/_collectionsmodule.c, `_tuplegetterobject`.
enum TupleGetter {
  static let indexOffset = 16
  static let docOffset = 24
  static let basicSize = 32

  static func makeType(_ rt: RuntimeRef) {
    let type = rt.makeType(name: "_collections._tuplegetter", basicSize: basicSize, flags: [.haveGC],
                           dealloc: dealloc, traverse: traverse, clear: clear)
    let record = type.record
    record.pointee.descriptorGet = get
    record.pointee.descriptorSet = set
    record.pointee.repr = repr
    record.pointee.new = new
    rt.readyBuiltinType(type, base: nil, kind: .other)
    rt.addSlotWrappers(type)
    rt.addGetSets(type, [
      GetSetDefinition("__doc__", { raw, _ in
        let doc = PyRef(raw).loadRef(at: TupleGetter.docOffset)!
        doc.incref()
        return doc.raw
      }, { raw, value, runtime in
        let rt = RuntimeRef(raw: runtime)
        let doc = PyRef(value) ?? rt.state.pointee.none
        doc.incref()
        rt.replaceRef(in: PyRef(raw), at: TupleGetter.docOffset, with: doc)
        return 0
      }),
    ])
    rt.addMethods(type, [
      MethodDefinition("__reduce__", { _, argv, count, names, runtime in
        let args = Arguments(runtime, argv, count, names)
        guard args.takesNoArguments("__reduce__") else { return nil }
        let rt = args.rt, getter = args[0]
        let type = getter.type.object, doc = getter.loadRef(at: TupleGetter.docOffset)!
        type.incref()
        doc.incref()
        guard let index = rt.newInt(getter.raw.load(fromByteOffset: TupleGetter.indexOffset, as: Int.self)),
              let arguments = rt.newTuple([index, doc]) else { return nil }
        return rt.newTuple([type, arguments])?.raw
      }),
    ])
    rt.state.pointee.types.byName["_collections._tuplegetter"] = type
  }

  static let dealloc: Slot.Dealloc = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    rt.untrack(PyRef(raw))
    IteratorSupport.release(PyRef(raw), from: docOffset, fields: 1, rt)
    rt.freeObject(PyRef(raw))
  }

  static let traverse: Slot.Traverse = { raw, visit, arg in
    IteratorSupport.visit(PyRef(raw), from: docOffset, fields: 1, visit, arg)
  }

  static let clear: Slot.Clear = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    rt.replaceRef(in: PyRef(raw), at: docOffset, with: rt.newNone())
  }

  /// `_tuplegetter(index, doc)`.
  static let new: Slot.VectorCall = { typeRaw, argv, count, names, runtime in
    let rt = RuntimeRef(raw: runtime)
    let args = Arguments(rt, argv, count, PyRef(names))
    guard args.noKeywords("_tuplegetter") else { return nil }
    guard Arguments.checkPositional(rt, "_tuplegetter", count, 2, 2) else { return nil }
    guard let index = rt.sizeArgument(args[0]) else { return nil }
    guard let getter = rt.allocateObject(PyType(typeRaw)) else { return nil }
    getter.raw.storeBytes(of: index, toByteOffset: indexOffset, as: Int.self)
    IteratorSupport.store(getter, args[1], at: docOffset)
    rt.initializeInstanceSlots(getter)
    rt.track(getter)
    return getter.raw
  }

  /// `instance[index]` for a tuple; the descriptor itself from the class.
  static let get: Slot.DescriptorGet = { raw, instanceRaw, _, runtime in
    let getter = PyRef(raw)
    guard let instance = PyRef(instanceRaw) else {
      getter.incref()
      return raw
    }
    let rt = RuntimeRef(raw: runtime)
    let index = raw.load(fromByteOffset: indexOffset, as: Int.self)
    guard instance.type.record.pointee.kind == .tuple else {
      if instance == rt.state.pointee.none {
        getter.incref()
        return raw
      }
      rt.raise("TypeError", "descriptor for index '\(index)' for tuple subclasses doesn't apply to '\(instance.type.name)' object")
      return nil
    }
    guard index < TupleObject.count(instance) else {
      rt.raise("IndexError", "tuple index out of range")
      return nil
    }
    let item = TupleObject.item(instance, index)!
    item.incref()
    return item.raw
  }

  static let set: Slot.DescriptorSet = { _, _, value, runtime in
    RuntimeRef(raw: runtime).raise("AttributeError", value == nil ? "can't delete attribute" : "can't set attribute")
    return -1
  }

  /// `_tuplegetter(0, 'Alias for field number 0')`.
  static let repr: Slot.Unary = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let index = raw.load(fromByteOffset: indexOffset, as: Int.self)
    guard let doc = rt.reprString(PyRef(raw).loadRef(at: docOffset)!) else { return nil }
    return rt.newStr("\(rt.shortTypeName(PyRef(raw).type))(\(index), \(doc))")?.raw
  }
}
