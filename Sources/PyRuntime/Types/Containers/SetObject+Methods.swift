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
