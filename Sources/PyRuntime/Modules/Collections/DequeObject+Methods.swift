/// The methods of `collections.deque`, with CPython's argument handling and messages.
/// CPython: Modules/_collectionsmodule.c, Modules/clinic/_collectionsmodule.c.h.
extension DequeObject {
  static let methods: [MethodDefinition] = [
    MethodDefinition("append", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesOneArgument("deque.append"), Deque(args[0]).append(args[1], args.rt) else { return nil }
      return args.rt.newNone().raw
    }),
    MethodDefinition("appendleft", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesOneArgument("deque.appendleft"), Deque(args[0]).appendLeft(args[1], args.rt) else { return nil }
      return args.rt.newNone().raw
    }),
    MethodDefinition("pop", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesNoArguments("deque.pop") else { return nil }
      guard let item = Deque(args[0]).pop(args.rt) else {
        args.rt.raise("IndexError", "pop from an empty deque")
        return nil
      }
      return item.raw
    }),
    MethodDefinition("popleft", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesNoArguments("deque.popleft") else { return nil }
      guard let item = Deque(args[0]).popLeft(args.rt) else {
        args.rt.raise("IndexError", "pop from an empty deque")
        return nil
      }
      return item.raw
    }),
    MethodDefinition("extend", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesOneArgument("deque.extend"), args.rt.dequeExtend(Deque(args[0]), args[1]) else { return nil }
      return args.rt.newNone().raw
    }),
    MethodDefinition("extendleft", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesOneArgument("deque.extendleft"), args.rt.dequeExtendLeft(Deque(args[0]), args[1]) else { return nil }
      return args.rt.newNone().raw
    }),
    MethodDefinition("clear", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesNoArguments("deque.clear") else { return nil }
      Deque(args[0]).clear(args.rt)
      return args.rt.newNone().raw
    }),
    MethodDefinition("copy", copy),
    MethodDefinition("__copy__", copy),
    MethodDefinition("count", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesOneArgument("deque.count") else { return nil }
      let rt = args.rt, deque = Deque(args[0]), target = args[1]
      let startState = deque.state
      var found = 0
      var failed = false
      deque.forEachSlot { slot in
        let item = PyRef(slot.pointee.unsafelyUnwrapped)
        item.incref()
        let same = rt.richCompareBool(item, target, .equal)
        rt.decref(item)
        if same < 0 { failed = true; return false }
        found += Int(same)
        if deque.state != startState {
          rt.raise("RuntimeError", "deque mutated during iteration")
          failed = true
          return false
        }
        return true
      }
      return failed ? nil : rt.newInt(found)?.raw
    }),
    MethodDefinition("index", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      let rt = args.rt
      guard args.noKeywords("index") else { return nil }
      guard count >= 2 && count <= 4 else {
        let given = count - 1
        rt.raise("TypeError", given < 1 ? "index() takes at least 1 argument (\(given) given)"
                                        : "index() takes at most 3 arguments (\(given) given)")
        return nil
      }
      let deque = Deque(args[0]), target = args[1]
      var start = 0, stop = Int.max
      if count >= 3 { guard let value = rt.clampedIndexArgument(args[2]) else { return nil }; start = value }
      if count >= 4 { guard let value = rt.clampedIndexArgument(args[3]) else { return nil }; stop = value }
      let size = deque.count
      if start < 0 { start = max(start + size, 0) }
      if stop < 0 { stop = max(stop + size, 0) }
      stop = min(stop, size)
      start = min(start, stop)
      let startState = deque.state
      var position = 0
      var result: Int? = nil
      var failed = false
      deque.forEachSlot { slot in
        if position >= stop { return false }
        if position >= start {
          let item = PyRef(slot.pointee.unsafelyUnwrapped)
          item.incref()
          let same = rt.richCompareBool(item, target, .equal)
          rt.decref(item)
          if same > 0 { result = position; return false }
          if same < 0 { failed = true; return false }
          if deque.state != startState {
            rt.raise("RuntimeError", "deque mutated during iteration")
            failed = true
            return false
          }
        }
        position += 1
        return true
      }
      if failed { return nil }
      guard let result else {
        rt.raiseNotIn(target, "is not in deque")
        return nil
      }
      return rt.newInt(result)?.raw
    }),
    MethodDefinition("insert", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      let rt = args.rt
      guard args.noKeywords("insert") else { return nil }
      guard count == 3 else {
        rt.raise("TypeError", "insert() takes exactly 2 arguments (\(count - 1) given)")
        return nil
      }
      guard let index = rt.sizeArgument(args[1]) else { return nil }
      let deque = Deque(args[0]), value = args[2]
      let size = deque.count
      guard deque.maxLength != size else {
        rt.raise("IndexError", "deque already at its maximum size")
        return nil
      }
      if index >= size { return deque.append(value, rt) ? rt.newNone().raw : nil }
      if index <= -size || index == 0 { return deque.appendLeft(value, rt) ? rt.newNone().raw : nil }
      guard deque.rotate(-index, rt) else { return nil }
      let ok = index < 0 ? deque.append(value, rt) : deque.appendLeft(value, rt)
      guard ok, deque.rotate(index, rt) else { return nil }
      return rt.newNone().raw
    }),
    MethodDefinition("remove", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesOneArgument("deque.remove") else { return nil }
      let rt = args.rt, deque = Deque(args[0]), target = args[1]
      let startState = deque.state
      var position = 0
      var found = false, failed = false
      deque.forEachSlot { slot in
        let item = PyRef(slot.pointee.unsafelyUnwrapped)
        item.incref()
        let same = rt.richCompareBool(item, target, .equal)
        rt.decref(item)
        if same < 0 { failed = true; return false }
        if deque.state != startState {
          rt.raise("IndexError", "deque mutated during iteration")
          failed = true
          return false
        }
        if same > 0 { found = true; return false }
        position += 1
        return true
      }
      if failed { return nil }
      guard found else {
        rt.raiseNotIn(target, "is not in deque")
        return nil
      }
      guard deque.deleteItem(at: position, rt) else { return nil }
      return rt.newNone().raw
    }),
    MethodDefinition("reverse", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesNoArguments("deque.reverse") else { return nil }
      Deque(args[0]).reverse()
      return args.rt.newNone().raw
    }),
    MethodDefinition("rotate", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesPositional("deque.rotate", "deque.rotate", 0, 1) else { return nil }
      var steps = 1
      if count == 2 {
        guard let value = args.rt.sizeArgument(args[1]) else { return nil }
        steps = value
      }
      guard Deque(args[0]).rotate(steps, args.rt) else { return nil }
      return args.rt.newNone().raw
    }),
    MethodDefinition("__reversed__", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesNoArguments("deque.__reversed__") else { return nil }
      return DequeIterator.new(Deque(args[0]), reversed: true, args.rt)?.raw
    }),
    MethodDefinition("__sizeof__", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesNoArguments("deque.__sizeof__") else { return nil }
      let deque = Deque(args[0])
      let blocks = (deque.leftIndex + deque.count + DequeObject.blockLength) / DequeObject.blockLength
      return args.rt.newInt(args.rt.basicSizeOf(args[0]) + blocks * DequeObject.blockByteCount)?.raw
    }),
    MethodDefinition("__reduce__", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesNoArguments("deque.__reduce__") else { return nil }
      return args.rt.dequeReduce(Deque(args[0]))?.raw
    }),
  ]

  static let copy: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = Arguments(runtime, argv, count, names)
    guard args.takesNoArguments("deque.copy") else { return nil }
    return args.rt.dequeCopy(Deque(args[0]))?.raw
  }

  static let getSets: [GetSetDefinition] = [
    GetSetDefinition("maxlen", { raw, runtime in
      let rt = RuntimeRef(raw: runtime)
      let maxLength = Deque(PyRef(raw)).maxLength
      return maxLength < 0 ? rt.newNone().raw : rt.newInt(maxLength)?.raw
    }),
  ]
}

extension RuntimeRef {
  /// `deque.__reduce__()`: `(type, ())` or `(type, ((), maxlen))`, the instance dict (or
  /// None), and an iterator over the items, as `copy` and `pickle` use it.
  func dequeReduce(_ deque: Deque) -> PyRef? {
    let type = deque.object.type.object
    let arguments: PyRef
    if deque.maxLength < 0 {
      state.pointee.emptyTuple.incref()
      arguments = state.pointee.emptyTuple
    } else {
      state.pointee.emptyTuple.incref()
      guard let bound = newInt(deque.maxLength), let pair = newTuple([state.pointee.emptyTuple, bound]) else { return nil }
      arguments = pair
    }
    let offset = deque.object.type.record.pointee.dictOffset
    var instanceState = state.pointee.none
    if offset != 0, let dict = deque.object.loadRef(at: offset), DictObject.count(dict) > 0 { instanceState = dict }
    instanceState.incref()
    guard let iterator = iter(deque.object) else {
      decref(arguments)
      decref(instanceState)
      return nil
    }
    type.incref()
    return newTuple([type, arguments, instanceState, iterator])
  }
}
