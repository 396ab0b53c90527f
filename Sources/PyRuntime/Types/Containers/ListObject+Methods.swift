/// The methods of `list`, with CPython's argument handling and messages.
/// CPython: Objects/listobject.c, Objects/clinic/listobject.c.h.
extension ListObject {
  static let methods: [MethodDefinition] = [
    MethodDefinition("append", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesOneArgument("list.append") else { return nil }
      guard args.rt.listAppend(args[0], args[1]) else { return nil }
      return args.rt.newNone().raw
    }),
    MethodDefinition("extend", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesOneArgument("list.extend") else { return nil }
      guard args.rt.listExtend(args[0], args[1]) else { return nil }
      return args.rt.newNone().raw
    }),
    MethodDefinition("insert", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesPositional("list.insert", "insert", 2, 2) else { return nil }
      guard let index = args.rt.sizeArgument(args[1]) else { return nil }
      guard args.rt.listInsert(args[0], index, args[2]) else { return nil }
      return args.rt.newNone().raw
    }),
    MethodDefinition("pop", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesPositional("list.pop", "pop", 0, 1) else { return nil }
      var index = -1
      if count == 2 {
        guard let given = args.rt.sizeArgument(args[1]) else { return nil }
        index = given
      }
      return args.rt.listPop(args[0], at: index)?.raw
    }),
    MethodDefinition("remove", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesOneArgument("list.remove") else { return nil }
      let rt = args.rt, list = args[0]
      var index = 0
      while index < list.size {
        let item = PyRef(storage(list)[index].unsafelyUnwrapped)
        item.incref()
        let same = rt.richCompareBool(item, args[1], .equal)
        rt.decref(item)
        if same < 0 { return nil }
        if same > 0 {
          guard rt.listAssignSlice(list, index, index + 1, nil) else { return nil }
          return rt.newNone().raw
        }
        index += 1
      }
      rt.raise("ValueError", "list.remove(x): x not in list")
      return nil
    }),
    MethodDefinition("index", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesPositional("list.index", "index", 1, 3) else { return nil }
      let rt = args.rt, list = args[0]
      var start = 0, stop = Int.max
      if count >= 3 { guard let value = rt.clampedIndexArgument(args[2]) else { return nil }; start = value }
      if count >= 4 { guard let value = rt.clampedIndexArgument(args[3]) else { return nil }; stop = value }
      if start < 0 { start = max(start + list.size, 0) }
      if stop < 0 { stop = max(stop + list.size, 0) }
      var index = start
      while index < stop && index < list.size {
        let item = PyRef(storage(list)[index].unsafelyUnwrapped)
        item.incref()
        let same = rt.richCompareBool(item, args[1], .equal)
        rt.decref(item)
        if same < 0 { return nil }
        if same > 0 { return rt.newInt(index)?.raw }
        index += 1
      }
      rt.raiseNotIn(args[1], "is not in list")
      return nil
    }),
    MethodDefinition("count", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesOneArgument("list.count") else { return nil }
      let rt = args.rt, list = args[0]
      var found = 0, index = 0
      while index < list.size {
        let item = PyRef(storage(list)[index].unsafelyUnwrapped)
        if item == args[1] {
          found += 1
        } else {
          item.incref()
          let same = rt.richCompareBool(item, args[1], .equal)
          rt.decref(item)
          if same < 0 { return nil }
          if same > 0 { found += 1 }
        }
        index += 1
      }
      return rt.newInt(found)?.raw
    }),
    MethodDefinition("clear", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesNoArguments("list.clear") else { return nil }
      args.rt.listClear(args[0])
      return args.rt.newNone().raw
    }),
    MethodDefinition("copy", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesNoArguments("list.copy") else { return nil }
      return args.rt.listSlice(args[0], 0, args[0].size)?.raw
    }),
    MethodDefinition("reverse", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesNoArguments("list.reverse") else { return nil }
      args.rt.listReverse(args[0])
      return args.rt.newNone().raw
    }),
    MethodDefinition("sort", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      let rt = args.rt
      guard count == 1 else {
        rt.raise("TypeError", "sort() takes no positional arguments")
        return nil
      }
      var key: PyRef?, reverse = false
      for index in 0..<args.keywordCount {
        let (name, value) = args.keyword(index)
        switch StrObject.string(name) {
        case "key": key = value == rt.state.pointee.none ? nil : value
        case "reverse":
          guard let flag = rt.indexInteger(value, overflow: "OverflowError", message: "Python int too large to convert to C int") else { return nil }
          reverse = flag != 0
        default:
          rt.raise("TypeError", "'\(StrObject.string(name))' is an invalid keyword argument for sort()")
          return nil
        }
      }
      guard rt.listSort(args[0], key: key, reverse: reverse) else { return nil }
      return rt.newNone().raw
    }),
    MethodDefinition("__reversed__", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesNoArguments("list.__reversed__") else { return nil }
      return ListIterator.newReversed(args[0], args.rt)?.raw
    }),
    MethodDefinition("__sizeof__", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesNoArguments("list.__sizeof__") else { return nil }
      return args.rt.newInt(args.rt.basicSizeOf(args[0]) + allocated(args[0]) * 8)?.raw
    }),
  ]

  /// `list.__init__(iterable=(), /)`: empties the list, then extends it.
  static let initialize: Slot.Initialize = { raw, argv, count, names, runtime in
    let args = Arguments(runtime, argv, count, names)
    guard args.noKeywords("list"), args.expect("list", atLeast: 0, atMost: 1) else { return -1 }
    let rt = args.rt, list = PyRef(raw)
    if items(list) != nil { rt.listClear(list) }
    guard count == 1 else { return 0 }
    let iterable = args[0]
    if iterable.type.record.pointee.length != nil {
      let n = rt.length(iterable)
      if n < 0 {
        guard rt.exceptionMatches("TypeError") else { return -1 }
        rt.clearError()
      } else if n > 0 && items(list) == nil {
        guard rt.listPreallocateExact(list, n) else { return -1 }
      }
    }
    return rt.listExtend(list, iterable) ? 0 : -1
  }

  /// `list.__new__(cls, *args, **kwargs)`: an empty list of `cls`; the arguments are for
  /// `__init__`.
  static let new: Slot.VectorCall = { typeRaw, _, _, _, runtime in
    let rt = RuntimeRef(raw: runtime)
    let type = PyType(typeRaw)
    if type == rt.state.pointee.types.list { return rt.newList()?.raw }
    guard let list = rt.allocateObject(type) else { return nil }
    list.size = 0
    setItems(list, nil, allocated: 0)
    rt.initializeInstanceSlots(list)
    rt.track(list)
    return list.raw
  }
}

extension RuntimeRef {
  /// `list.insert(index, item)`: a negative index counts from the end; out-of-range indices
  /// clamp to the ends.
  public func listInsert(_ list: PyRef, _ index: Int, _ item: PyRef) -> Bool {
    let n = list.size
    guard listResize(list, n + 1) else { return false }
    var position = index
    if position < 0 { position = max(position + n, 0) }
    if position > n { position = n }
    let items = ListObject.storage(list)
    ItemArray.move(items + position + 1, from: items + position, count: n - position)
    item.incref()
    items[position] = item.raw
    return true
  }

  /// `list.pop(index)`: IndexError "pop from empty list" / "pop index out of range".
  public func listPop(_ list: PyRef, at index: Int) -> PyRef? {
    guard list.size > 0 else {
      raise("IndexError", "pop from empty list")
      return nil
    }
    var position = index
    if position < 0 { position += list.size }
    guard position >= 0 && position < list.size else {
      raise("IndexError", "pop index out of range")
      return nil
    }
    if position == list.size - 1 { return listPop(list) }
    let item = PyRef(ListObject.storage(list)[position].unsafelyUnwrapped)
    item.incref()
    guard listAssignSlice(list, position, position + 1, nil) else {
      decref(item)
      return nil
    }
    return item
  }

  /// `list.reverse()`, in place.
  public func listReverse(_ list: PyRef) {
    guard list.size > 1 else { return }
    let items = ListObject.storage(list)
    var low = 0, high = list.size - 1
    while low < high {
      items.swapAt(low, high)
      low += 1
      high -= 1
    }
  }
}

extension UnsafeMutablePointer {
  @inline(__always)
  func swapAt(_ i: Int, _ j: Int) {
    let value = self[i]
    self[i] = self[j]
    self[j] = value
  }
}
