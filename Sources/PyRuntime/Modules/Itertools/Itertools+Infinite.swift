import PyCompiler

/// The infinite iterators: `count(start, step)`, `cycle(iterable)`, `repeat(object[,
/// times])`. CPython: Modules/itertoolsmodule.c (`count_new`, `count_nextlong`,
/// `count_repr`, `cycle_next`, `repeat_new`, `repeat_repr`, `repeat_len`).
extension Itertools {
  /// `PyNumber_Check`: an int, float or complex, or an object with `__index__`, `__int__`
  /// or `__float__`.
  static func isNumber(_ rt: RuntimeRef, _ object: PyRef) -> Bool {
    switch object.type.record.pointee.kind {
    case .int, .bool, .float, .complex: return true
    default:
      return rt.lookup(object.type, "__index__") != nil || rt.lookup(object.type, "__int__") != nil
        || rt.lookup(object.type, "__float__") != nil
    }
  }

  /// The name a repr shows: the type's own name without its module.
  static func shortName(_ object: PyRef) -> String {
    let full = object.type.name
    return full.split(separator: ".").last.map(String.init) ?? full
  }

  // count: field 0 the next value, field 1 the step.

  static let countNew: Slot.VectorCall = { typeRaw, argv, count, names, runtime in
    let rt = RuntimeRef(raw: runtime)
    let args = Arguments(runtime, argv, count, names)
    guard let bound = args.bindClinic("count", ["start", "step"], required: 0) else { return nil }
    for value in bound.compactMap({ $0 }) where !isNumber(rt, value) {
      rt.raise("TypeError", "a number is required")
      return nil
    }
    let step = bound[1] ?? rt.smallInt(1)
    if bound[1] != nil { step.incref() }
    var start = bound[0] ?? rt.smallInt(0)
    if bound[0] != nil { start.incref() }
    // CPython counts in a machine word when the start is an int and the step is 1: the
    // values are plain ints even when the start is a bool or an int subclass.
    if rt.isInt(step), IntObject.exactValue(step) == 1, rt.isInt(start), !rt.isExactInt(start),
       IntObject.exactValue(start) != nil {
      guard let plain = rt.exactInt(start) else {
        rt.decref(start)
        rt.decref(step)
        return nil
      }
      rt.decref(start)
      start = plain
    }
    guard let object = allocate(rt, PyType(typeRaw)) else {
      rt.decref(start)
      rt.decref(step)
      return nil
    }
    setField(rt, object, 0, start)
    setField(rt, object, 1, step)
    return finish(rt, object)
  }

  static let countNext: Slot.IterNext = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let object = PyRef(raw)
    let current = field(object, 0)!
    guard let next = rt.binaryOp(current, field(object, 1)!, UInt32(BinaryOperator.add.rawValue)) else { return nil }
    current.incref()
    setField(rt, object, 0, next)
    return current.raw
  }

  /// `count(5)`; `count(5, 2)` when the step is not the int 1.
  static let countRepr: Slot.Unary = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let object = PyRef(raw)
    let step = field(object, 1)!
    guard let current = rt.reprString(field(object, 0)!) else { return nil }
    if rt.isInt(step), IntObject.exactValue(step) == 1 { return rt.newStr("\(shortName(object))(\(current))")?.raw }
    guard let stepText = rt.reprString(step) else { return nil }
    return rt.newStr("\(shortName(object))(\(current), \(stepText))")?.raw
  }

  // cycle: field 0 the iterator (nil once exhausted), field 1 the saved items; word 0 the
  // position in the saved items.

  static let cycleNew: Slot.VectorCall = { typeRaw, argv, count, names, runtime in
    let rt = RuntimeRef(raw: runtime)
    let args = Arguments(runtime, argv, count, names)
    let type = PyType(typeRaw)
    guard noKeywords(rt, type, args, "cycle"), positional(rt, args, "cycle", exactly: 1) else { return nil }
    guard let iterator = rt.iter(args[0]) else { return nil }
    guard let saved = rt.newList(), let object = allocate(rt, type) else {
      rt.decref(iterator)
      return nil
    }
    setField(rt, object, 0, iterator)
    setField(rt, object, 1, saved)
    return finish(rt, object)
  }

  static let cycleNext: Slot.IterNext = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let object = PyRef(raw)
    let saved = field(object, 1)!
    if let iterator = field(object, 0) {
      if let item = rt.next(iterator) {
        guard rt.listAppend(saved, item) else {
          rt.decref(item)
          return nil
        }
        return item.raw
      }
      if rt.hasError { return nil }
      setField(rt, object, 0, nil)
    }
    let count = saved.size
    guard count > 0 else { return nil }
    let index = word(object, 0)
    let item = ListObject.storage(saved)[index]!
    setWord(object, 0, index + 1 >= count ? 0 : index + 1)
    PyRef(item).incref()
    return item
  }

  // repeat: field 0 the object; word 0 the times left, -1 for ever.

  static let repeatNew: Slot.VectorCall = { typeRaw, argv, count, names, runtime in
    let rt = RuntimeRef(raw: runtime)
    let args = Arguments(runtime, argv, count, names)
    guard let bound = args.bindClinic("repeat", ["object", "times"], required: 1) else { return nil }
    var times = -1
    if let given = bound[1] {
      guard let value = rt.asIndex(given) else { return nil }
      times = max(value, 0)
    }
    guard let object = allocate(rt, PyType(typeRaw)) else { return nil }
    bound[0]!.incref()
    setField(rt, object, 0, bound[0]!)
    setWord(object, 0, times)
    return finish(rt, object)
  }

  static let repeatNext: Slot.IterNext = { raw, _ in
    let object = PyRef(raw)
    let times = word(object, 0)
    if times == 0 { return nil }
    if times > 0 { setWord(object, 0, times - 1) }
    let element = field(object, 0)!
    element.incref()
    return element.raw
  }

  /// `repeat('a')`, `repeat('a', 3)`.
  static let repeatRepr: Slot.Unary = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let object = PyRef(raw)
    guard let element = rt.reprString(field(object, 0)!) else { return nil }
    let times = word(object, 0)
    let text = times < 0 ? "\(shortName(object))(\(element))" : "\(shortName(object))(\(element), \(times))"
    return rt.newStr(text)?.raw
  }

  static let repeatMethods: [MethodDefinition] = [
    MethodDefinition("__length_hint__", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.expect("__length_hint__", exactly: 1) else { return nil }
      let times = word(args[0], 0)
      guard times >= 0 else {
        args.rt.raise("TypeError", "len() of unsized object")
        return nil
      }
      return args.rt.newInt(times)?.raw
    }),
  ]
}
