/// The methods of `set` and `frozenset`, with CPython's argument handling and messages.
/// CPython: Objects/setobject.c.
extension SetObject {
  /// The arguments after `self`, for the `*others` methods.
  static func others(_ args: Arguments) -> [PyRef] { (1..<args.count).map { args[$0] } }

  static func setMethods(mutable: Bool) -> [MethodDefinition] {
    var methods: [MethodDefinition] = [
      MethodDefinition("copy", mutable ? copySet : copyFrozenSet),
      MethodDefinition("union", { _, argv, count, names, runtime in
        let args = Arguments(runtime, argv, count, names)
        guard args.noKeywords("\(args[0].type.kindName).union") else { return nil }
        return args.rt.setUnion(args[0], SetObject.others(args))?.raw
      }),
      MethodDefinition("intersection", { _, argv, count, names, runtime in
        let args = Arguments(runtime, argv, count, names)
        guard args.noKeywords("\(args[0].type.kindName).intersection") else { return nil }
        return args.rt.setIntersectionMulti(args[0], SetObject.others(args))?.raw
      }),
      MethodDefinition("difference", { _, argv, count, names, runtime in
        let args = Arguments(runtime, argv, count, names)
        guard args.noKeywords("\(args[0].type.kindName).difference") else { return nil }
        return args.rt.setDifferenceMulti(args[0], SetObject.others(args))?.raw
      }),
      MethodDefinition("symmetric_difference", { _, argv, count, names, runtime in
        let args = Arguments(runtime, argv, count, names)
        guard args.takesOneArgument("\(args[0].type.kindName).symmetric_difference") else { return nil }
        return args.rt.setSymmetricDifference(args[0], args[1])?.raw
      }),
      MethodDefinition("issubset", { _, argv, count, names, runtime in
        let args = Arguments(runtime, argv, count, names)
        guard args.takesOneArgument("\(args[0].type.kindName).issubset") else { return nil }
        let result = args.rt.setIsSubset(args[0], args[1])
        return result < 0 ? nil : args.rt.newBool(result == 1).raw
      }),
      MethodDefinition("issuperset", { _, argv, count, names, runtime in
        let args = Arguments(runtime, argv, count, names)
        guard args.takesOneArgument("\(args[0].type.kindName).issuperset") else { return nil }
        let result = args.rt.setIsSuperset(args[0], args[1])
        return result < 0 ? nil : args.rt.newBool(result == 1).raw
      }),
      MethodDefinition("isdisjoint", { _, argv, count, names, runtime in
        let args = Arguments(runtime, argv, count, names)
        guard args.takesOneArgument("\(args[0].type.kindName).isdisjoint") else { return nil }
        let result = args.rt.setIsDisjoint(args[0], args[1])
        return result < 0 ? nil : args.rt.newBool(result == 1).raw
      }),
      MethodDefinition("__sizeof__", { _, argv, count, names, runtime in
        let args = Arguments(runtime, argv, count, names)
        guard args.takesNoArguments("\(args[0].type.kindName).__sizeof__") else { return nil }
        let set = args[0]
        var size = args.rt.basicSizeOf(set)
        if SetObject.table(set) != SetObject.smallTable(set) { size += (SetObject.mask(set) + 1) * SetObject.entrySize }
        return args.rt.newInt(size)?.raw
      }),
      MethodDefinition("__reduce__", { _, argv, count, names, runtime in
        let args = Arguments(runtime, argv, count, names)
        guard args.takesNoArguments("\(args[0].type.kindName).__reduce__") else { return nil }
        let rt = args.rt
        guard let keys = rt.listFrom(args[0]) else { return nil }
        guard let arguments = rt.newTuple([keys]) else { return nil }
        let type = args[0].type.object
        type.incref()
        return rt.newTuple([type, arguments, rt.newNone()])?.raw
      }),
    ]
    guard mutable else { return methods }
    methods += [
      MethodDefinition("add", { _, argv, count, names, runtime in
        let args = Arguments(runtime, argv, count, names)
        guard args.takesOneArgument("set.add") else { return nil }
        guard args.rt.setAdd(args[0], args[1]) else { return nil }
        return args.rt.newNone().raw
      }),
      MethodDefinition("discard", { _, argv, count, names, runtime in
        let args = Arguments(runtime, argv, count, names)
        guard args.takesOneArgument("set.discard") else { return nil }
        let rt = args.rt, set = args[0]
        guard rt.withHashableSetKey(args[1], { rt.setDiscardKey(set, $0) }) >= 0 else { return nil }
        return rt.newNone().raw
      }),
      MethodDefinition("remove", { _, argv, count, names, runtime in
        let args = Arguments(runtime, argv, count, names)
        guard args.takesOneArgument("set.remove") else { return nil }
        let rt = args.rt, set = args[0]
        let removed = rt.withHashableSetKey(args[1]) { rt.setDiscardKey(set, $0) }
        if removed < 0 { return nil }
        if removed == 0 {
          rt.raiseKeyError(args[1])
          return nil
        }
        return rt.newNone().raw
      }),
      MethodDefinition("pop", { _, argv, count, names, runtime in
        let args = Arguments(runtime, argv, count, names)
        guard args.takesNoArguments("set.pop") else { return nil }
        return args.rt.setPop(args[0])?.raw
      }),
      MethodDefinition("clear", { _, argv, count, names, runtime in
        let args = Arguments(runtime, argv, count, names)
        guard args.takesNoArguments("set.clear") else { return nil }
        args.rt.setClearInternal(args[0])
        return args.rt.newNone().raw
      }),
      MethodDefinition("update", { _, argv, count, names, runtime in
        let args = Arguments(runtime, argv, count, names)
        guard args.noKeywords("set.update") else { return nil }
        for other in SetObject.others(args) where !args.rt.setUpdateInternal(args[0], other) { return nil }
        return args.rt.newNone().raw
      }),
      MethodDefinition("intersection_update", { _, argv, count, names, runtime in
        let args = Arguments(runtime, argv, count, names)
        guard args.noKeywords("set.intersection_update") else { return nil }
        guard args.rt.setIntersectionUpdate(args[0], SetObject.others(args)) else { return nil }
        return args.rt.newNone().raw
      }),
      MethodDefinition("difference_update", { _, argv, count, names, runtime in
        let args = Arguments(runtime, argv, count, names)
        guard args.noKeywords("set.difference_update") else { return nil }
        for other in SetObject.others(args) where !args.rt.setDifferenceUpdate(args[0], other) { return nil }
        return args.rt.newNone().raw
      }),
      MethodDefinition("symmetric_difference_update", { _, argv, count, names, runtime in
        let args = Arguments(runtime, argv, count, names)
        guard args.takesOneArgument("set.symmetric_difference_update") else { return nil }
        guard args.rt.setSymmetricDifferenceUpdate(args[0], args[1]) else { return nil }
        return args.rt.newNone().raw
      }),
    ]
    return methods
  }

  static let copySet: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = Arguments(runtime, argv, count, names)
    guard args.takesNoArguments("set.copy") else { return nil }
    return args.rt.setCopy(args[0])?.raw
  }

  /// `frozenset.copy()` of an exact frozenset is the frozenset itself.
  static let copyFrozenSet: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = Arguments(runtime, argv, count, names)
    guard args.takesNoArguments("frozenset.copy") else { return nil }
    if args[0].type == args.rt.state.pointee.types.frozenset {
      args[0].incref()
      return args[0].raw
    }
    return args.rt.setCopy(args[0])?.raw
  }
}

extension PyType {
  /// `set` or `frozenset`, as the methods of a set's built-in base name themselves.
  var kindName: String { record.pointee.kind == .frozenset ? "frozenset" : "set" }
}

extension RuntimeRef {
  /// `set.pop()`: the key at the search finger (which then moves on), KeyError "pop from
  /// an empty set".
  public func setPop(_ set: PyRef) -> PyRef? {
    guard SetObject.count(set) > 0 else {
      raise("KeyError", "pop from an empty set")
      return nil
    }
    let table = SetObject.table(set), mask = SetObject.mask(set)
    var index = SetObject.finger(set) & mask
    while !SetObject.isActive(SetObject.entry(table, index)) {
      index += 1
      if index > mask { index = 0 }
    }
    let entry = SetObject.entry(table, index)
    let key = PyRef(SetObject.key(entry).unsafelyUnwrapped)
    SetObject.setEntry(entry, SetObject.dummy, -1)
    SetObject.setCount(set, SetObject.count(set) - 1)
    SetObject.setFinger(set, index + 1)
    return key
  }
}

/// `set_iterator`: the set (dropped once exhausted), its size at the start, the next table
/// position and the keys left. A set that changed size raises RuntimeError "Set changed
/// size during iteration".
/// CPython: Objects/setobject.c, `setiterobject`.
enum SetIterator {
  static let setOffset = 16
  static let usedOffset = 24
  static let positionOffset = 32
  static let lengthOffset = 40
  static let basicSize = 48

  static func makeType(_ rt: RuntimeRef) {
    rt.makeIteratorType("set_iterator", basicSize: basicSize, dealloc: dealloc, traverse: traverse, clear: clear,
                        next: next, methods: [MethodDefinition("__length_hint__", lengthHint)])
  }

  static let dealloc: Slot.Dealloc = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let iterator = PyRef(raw)
    rt.untrack(iterator)
    IteratorSupport.release(iterator, fields: 1, rt)
    rt.freeObject(iterator)
  }

  static let traverse: Slot.Traverse = { raw, visit, arg in IteratorSupport.visit(PyRef(raw), fields: 1, visit, arg) }

  static let clear: Slot.Clear = { raw, runtime in
    IteratorSupport.release(PyRef(raw), fields: 1, RuntimeRef(raw: runtime))
  }

  static func new(_ set: PyRef, _ rt: RuntimeRef) -> PyRef? {
    guard let iterator = rt.allocateObject(rt.state.pointee.containers.types.setIterator) else { return nil }
    IteratorSupport.store(iterator, set, at: setOffset)
    IteratorSupport.setWord(iterator, usedOffset, SetObject.count(set))
    IteratorSupport.setWord(iterator, positionOffset, 0)
    IteratorSupport.setWord(iterator, lengthOffset, SetObject.count(set))
    rt.track(iterator)
    return iterator
  }

  static let next: Slot.IterNext = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let iterator = PyRef(raw)
    guard let set = iterator.loadRef(at: setOffset) else { return nil }
    guard IteratorSupport.word(iterator, usedOffset) == SetObject.count(set) else {
      rt.raise("RuntimeError", "Set changed size during iteration")
      IteratorSupport.setWord(iterator, usedOffset, -1)
      return nil
    }
    var position = IteratorSupport.word(iterator, positionOffset)
    guard let (key, _) = SetObject.next(set, &position) else {
      IteratorSupport.setWord(iterator, positionOffset, SetObject.mask(set) + 2)
      rt.replaceRef(in: iterator, at: setOffset, with: nil)
      return nil
    }
    IteratorSupport.setWord(iterator, positionOffset, position)
    IteratorSupport.setWord(iterator, lengthOffset, IteratorSupport.word(iterator, lengthOffset) - 1)
    key.incref()
    return key.raw
  }

  static let lengthHint: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = Arguments(runtime, argv, count, names)
    guard args.takesNoArguments("__length_hint__") else { return nil }
    let iterator = args[0]
    var length = 0
    if let set = iterator.loadRef(at: setOffset), IteratorSupport.word(iterator, usedOffset) == SetObject.count(set) {
      length = IteratorSupport.word(iterator, lengthOffset)
    }
    return args.rt.newInt(length)?.raw
  }
}
