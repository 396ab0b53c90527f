/// The methods of `dict`, with CPython's argument handling and messages.
/// CPython: Objects/dictobject.c, Objects/clinic/dictobject.c.h.
extension DictObject {
  static let methods: [MethodDefinition] = [
    MethodDefinition("keys", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesNoArguments("dict.keys") else { return nil }
      return DictView.new(args[0], "dict_keys", args.rt)?.raw
    }),
    MethodDefinition("values", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesNoArguments("dict.values") else { return nil }
      return DictView.new(args[0], "dict_values", args.rt)?.raw
    }),
    MethodDefinition("items", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesNoArguments("dict.items") else { return nil }
      return DictView.new(args[0], "dict_items", args.rt)?.raw
    }),
    MethodDefinition("get", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesPositional("dict.get", "get", 1, 2) else { return nil }
      let rt = args.rt
      if let value = rt.dictGetItem(args[0], args[1]) {
        value.incref()
        return value.raw
      }
      if rt.hasError { return nil }
      return count == 3 ? { args[2].incref(); return args[2].raw }() : rt.newNone().raw
    }),
    MethodDefinition("setdefault", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesPositional("dict.setdefault", "setdefault", 1, 2) else { return nil }
      return args.rt.dictSetDefault(args[0], args[1], count == 3 ? args[2] : args.rt.state.pointee.none)?.raw
    }),
    MethodDefinition("pop", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesPositional("dict.pop", "pop", 1, 2) else { return nil }
      return args.rt.dictPop(args[0], args[1], default: count == 3 ? args[2] : nil)?.raw
    }),
    MethodDefinition("popitem", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesNoArguments("dict.popitem") else { return nil }
      return args.rt.dictPopItem(args[0])?.raw
    }),
    MethodDefinition("update", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.rt.dictUpdateFromArguments(args[0], args, positional: 1..<count, name: "update") else { return nil }
      return args.rt.newNone().raw
    }),
    MethodDefinition("clear", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesNoArguments("dict.clear") else { return nil }
      DictObject.releaseTable(args[0], args.rt)
      return args.rt.newNone().raw
    }),
    MethodDefinition("copy", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesNoArguments("dict.copy") else { return nil }
      return args.rt.dictCopy(args[0])?.raw
    }),
    MethodDefinition("fromkeys", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesPositional("dict.fromkeys", "fromkeys", 1, 2) else { return nil }
      return args.rt.dictFromKeys(args[0], args[1], count == 3 ? args[2] : args.rt.state.pointee.none)?.raw
    }, flags: .classMethod),
    MethodDefinition("__reversed__", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesNoArguments("dict.__reversed__") else { return nil }
      return DictIterator.new(args[0], .keys, reversed: true, args.rt)?.raw
    }),
    MethodDefinition("__sizeof__", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesNoArguments("dict.__sizeof__") else { return nil }
      return args.rt.newInt(DictObject.sizeOf(args[0], basicSize: args.rt.basicSizeOf(args[0])))?.raw
    }),
  ]
}

extension RuntimeRef {
  /// `dict.setdefault(key, default)`: the value (a new reference), inserting `default`
  /// when the key is absent.
  public func dictSetDefault(_ dict: PyRef, _ key: PyRef, _ fallback: PyRef) -> PyRef? {
    let hash = self.hash(key)
    if hash == -1 && hasError { return nil }
    if let value = dictGetItem(dict, key, hash: hash) {
      value.incref()
      return value
    }
    if hasError { return nil }
    guard dictInsert(dict, key, hash: hash, fallback) else { return nil }
    fallback.incref()
    return fallback
  }

  /// `dict.pop(key[, default])`: KeyError(key) when absent and no default.
  public func dictPop(_ dict: PyRef, _ key: PyRef, default fallback: PyRef?) -> PyRef? {
    if DictObject.count(dict) == 0 {
      guard let fallback else {
        raiseKeyError(key)
        return nil
      }
      fallback.incref()
      return fallback
    }
    let hash = self.hash(key)
    if hash == -1 && hasError { return nil }
    switch DictObject.lookup(dict, key, hash: hash, self) {
    case .failure:
      return nil
    case .absent:
      guard let fallback else {
        raiseKeyError(key)
        return nil
      }
      fallback.incref()
      return fallback
    case .found(let entry, let slot):
      let (oldKey, value) = dictDetachEntry(dict, entry: entry, slot: slot)
      decref(oldKey)
      return value
    }
  }

  /// `dict.popitem()`: the last pair (LIFO). The entry slot is given back (the next
  /// insertion reuses it), as in CPython.
  public func dictPopItem(_ dict: PyRef) -> PyRef? {
    guard DictObject.count(dict) > 0, DictObject.table(dict) != nil else {
      raise("KeyError", "popitem(): dictionary is empty")
      return nil
    }
    // A split dict becomes combined first, at the shared keys' capacity.
    if DictObject.sharedKeys(dict) != nil {
      DictObject.setSharedKeys(dict, nil)
      guard resizeDict(dict, capacity: DictObject.sharedKeysCapacity, unicode: true) else { return nil }
    }
    let table = DictObject.table(dict).unsafelyUnwrapped
    var index = table.entryCount - 1
    while index >= 0 && table.value(index) == nil { index -= 1 }
    let hash = table.hash(index)
    // The index slot pointing at this entry.
    var slot = hash & table.mask
    var perturb = UInt(bitPattern: hash)
    while table.index(at: slot) != index {
      perturb >>= 5
      slot = (slot &* 5 &+ Int(bitPattern: perturb) &+ 1) & table.mask
    }
    let (key, value) = dictDetachEntry(dict, entry: index, slot: slot)
    table.entryCount = index
    return newTuple([key, value])
  }

  /// `dict.fromkeys(iterable, value)` on `cls` (a dict class): exact dicts filled from a
  /// dict or set are sized once first.
  public func dictFromKeys(_ cls: PyRef, _ iterable: PyRef, _ value: PyRef) -> PyRef? {
    guard let dict = call(cls, []) else { return nil }
    if dict.type == state.pointee.types.dict {
      if iterable.type == state.pointee.types.dict {
        let capacity = DictObject.capacity(forEntries: DictObject.count(iterable))
        guard resizeDict(dict, capacity: capacity, unicode: DictObject.table(iterable)?.isUnicode ?? false) else {
          decref(dict)
          return nil
        }
        var position = 0
        while let (key, _, hash) = dictNext(iterable, &position) {
          guard dictInsert(dict, key, hash: hash, value) else { decref(dict); return nil }
        }
        return dict
      }
      if iterable.type == state.pointee.types.set || iterable.type == state.pointee.types.frozenset {
        guard resizeDict(dict, capacity: DictObject.capacity(forEntries: SetObject.count(iterable)), unicode: false) else {
          decref(dict)
          return nil
        }
        var position = 0
        while let (key, hash) = SetObject.next(iterable, &position) {
          guard dictInsert(dict, key, hash: hash, value) else { decref(dict); return nil }
        }
        return dict
      }
    }
    let exact = dict.type == state.pointee.types.dict
    let ok = forEach(iterable) { key in
      exact ? dictSetItem(dict, key, value) : setItem(dict, key, value)
    }
    guard ok else {
      decref(dict)
      return nil
    }
    return dict
  }
}
