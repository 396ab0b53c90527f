import PyCompiler

/// The protocol slots and methods of `tuple`: repr, CPython's xxHash-based hash, comparison,
/// subscripts, `in`, `+`, `*`, the constructor, `index` and `count`.
/// CPython: Objects/tupleobject.c.
extension TupleObject {
  static func isTuple(_ object: PyRef) -> Bool { object.type.record.pointee.kind == .tuple }

  static let length: Slot.Length = { raw, _ in PyRef(raw).size }

  /// `(1, 2)`, `(1,)`, `()`, and `(...)` for a tuple inside its own repr.
  static let repr: Slot.Unary = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let tuple = PyRef(raw)
    let count = tuple.size
    if count == 0 { return rt.newStr("()")?.raw }
    guard rt.reprEnter(tuple) else { return rt.newStr("(...)")?.raw }
    defer { rt.reprLeave(tuple) }
    var builder = TextBuilder(capacity: 2 * count + 1)
    builder.append("(")
    for index in 0..<count {
      if index > 0 { builder.append(", ") }
      guard builder.appendRepr(PyRef(items(tuple)[index].unsafelyUnwrapped), rt) else {
        builder.discard(rt)
        return nil
      }
    }
    builder.append(count == 1 ? ",)" : ")")
    return builder.finish(rt)?.raw
  }

  /// The xxHash-style combination of the items' hashes (CPython 3.8+), so `hash((1, 2))`
  /// is CPython's.
  static let hash: Slot.Hash = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let tuple = PyRef(raw)
    return rt.hashItems(items(tuple), count: tuple.size)
  }

  static let richCompare: Slot.RichCompare = { a, b, op, runtime in
    let rt = RuntimeRef(raw: runtime)
    guard isTuple(PyRef(a)), isTuple(PyRef(b)) else { return rt.newNotImplemented().raw }
    return rt.compareSequences(PyRef(a), PyRef(b), ComparisonOperator.fromRaw(op), sizeShortcut: false) {
      TupleObject.items($0)
    }?.raw
  }

  static let contains: Slot.Contains = { raw, itemRaw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let tuple = PyRef(raw), target = PyRef(itemRaw)
    for index in 0..<tuple.size {
      let same = rt.richCompareBool(PyRef(items(tuple)[index].unsafelyUnwrapped), target, .equal)
      if same != 0 { return same }
    }
    return 0
  }

  static let iter: Slot.Unary = { raw, runtime in
    ListIterator.newTuple(PyRef(raw), RuntimeRef(raw: runtime))?.raw
  }

  /// `tuple[i]`, `tuple[a:b:c]`.
  static let getItem: Slot.GetItem = { raw, keyRaw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let tuple = PyRef(raw), key = PyRef(keyRaw)
    if rt.hasIntLayout(key) || (key.type.record.pointee.kind != .slice && rt.supportsIndex(key)) {
      guard var index = rt.indexInteger(key, overflow: "IndexError") else { return nil }
      if index < 0 { index += tuple.size }
      guard index >= 0 && index < tuple.size else {
        rt.raise("IndexError", "tuple index out of range")
        return nil
      }
      let item = items(tuple)[index].unsafelyUnwrapped
      PyRef(item).incref()
      return item
    }
    if key.type.record.pointee.kind == .slice {
      guard let (start, _, step, count) = rt.adjustedSliceIndices(key, length: tuple.size) else { return nil }
      if count <= 0 { return rt.allocateTuple(0)?.raw }
      if start == 0 && step == 1 && count == tuple.size && tuple.type == rt.state.pointee.types.tuple {
        tuple.incref()
        return raw
      }
      guard let result = rt.allocateTuple(count) else { return nil }
      let source = items(tuple), target = items(result)
      var current = start
      for index in 0..<count {
        PyRef(source[current].unsafelyUnwrapped).incref()
        target[index] = source[current]
        current += step
      }
      return rt.finishTuple(result).raw
    }
    rt.raise("TypeError", "tuple indices must be integers or slices, not \(key.type.name)")
    return nil
  }

  /// `+` (tuples only) and `*` (either side).
  static let binary: Slot.Binary = { a, b, op, runtime in
    let rt = RuntimeRef(raw: runtime)
    let left = PyRef(a), right = PyRef(b)
    let tupleType = rt.state.pointee.types.tuple!
    switch op {
    case UInt32(BinaryOperator.add.rawValue):
      guard isTuple(left), isTuple(right) else { return rt.newNotImplemented().raw }
      if right.size == 0 && left.type == tupleType { left.incref(); return a }
      if left.size == 0 && right.type == tupleType { right.incref(); return b }
      let (total, overflow) = left.size.addingReportingOverflow(right.size)
      guard !overflow else { rt.raise("MemoryError"); return nil }
      guard let result = rt.allocateTuple(total) else { return nil }
      let target = items(result)
      RuntimeRef.copyItems(items(left), to: target, count: left.size)
      RuntimeRef.copyItems(items(right), to: target + left.size, count: right.size)
      return rt.finishTuple(result).raw
    case UInt32(BinaryOperator.multiply.rawValue):
      switch rt.repeatOperands(left, right, isSequence: isTuple) {
      case .notImplemented: return rt.newNotImplemented().raw
      case .failure: return nil
      case .repeat(let tuple, let n):
        if (tuple.size == 0 || n == 1) && tuple.type == tupleType {
          tuple.incref()
          return tuple.raw
        }
        if tuple.size == 0 || n <= 0 { return rt.allocateTuple(0)?.raw }
        guard tuple.size <= Int.max / 8 / n else { rt.raise("MemoryError"); return nil }
        guard let result = rt.allocateTuple(tuple.size * n) else { return nil }
        let source = items(tuple), target = items(result)
        var position = 0
        for _ in 0..<n {
          for index in 0..<tuple.size {
            PyRef(source[index].unsafelyUnwrapped).incref()
            target[position] = source[index]
            position += 1
          }
        }
        return rt.finishTuple(result).raw
      }
    default:
      return rt.newNotImplemented().raw
    }
  }

  /// `tuple(iterable=(), /)`; for a subclass, a new instance holding the items.
  static let new: Slot.VectorCall = { typeRaw, argv, count, names, runtime in
    let args = Arguments(runtime, argv, count, names)
    guard args.noKeywords("tuple"), args.expect("tuple", atLeast: 0, atMost: 1) else { return nil }
    let rt = args.rt
    let type = PyType(typeRaw)
    let items: PyRef
    if count == 0 {
      items = rt.allocateTuple(0)!
    } else {
      guard let made = rt.tupleFrom(args[0]) else { return nil }
      items = made
    }
    if type == rt.state.pointee.types.tuple { return items.raw }
    defer { rt.decref(items) }
    guard let result = rt.allocateObject(type, itemCount: items.size) else { return nil }
    result.size = items.size
    let target = TupleObject.items(result)
    for index in 0..<items.size {
      let item = TupleObject.items(items)[index]
      PyRef(item.unsafelyUnwrapped).incref()
      target[index] = item
    }
    rt.initializeInstanceSlots(result)
    rt.track(result)
    return result.raw
  }

  static let methods: [MethodDefinition] = [
    MethodDefinition("index", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesPositional("tuple.index", "index", 1, 3) else { return nil }
      let rt = args.rt, tuple = args[0]
      var start = 0, stop = Int.max
      if count >= 3 { guard let value = rt.clampedIndexArgument(args[2]) else { return nil }; start = value }
      if count >= 4 { guard let value = rt.clampedIndexArgument(args[3]) else { return nil }; stop = value }
      if start < 0 { start = max(start + tuple.size, 0) }
      if stop < 0 { stop = max(stop + tuple.size, 0) } else if stop > tuple.size { stop = tuple.size }
      var index = start
      while index < stop {
        let same = rt.richCompareBool(PyRef(items(tuple)[index].unsafelyUnwrapped), args[1], .equal)
        if same < 0 { return nil }
        if same > 0 { return rt.newInt(index)?.raw }
        index += 1
      }
      rt.raise("ValueError", "tuple.index(x): x not in tuple")
      return nil
    }),
    MethodDefinition("count", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesOneArgument("tuple.count") else { return nil }
      let rt = args.rt, tuple = args[0]
      var found = 0
      for index in 0..<tuple.size {
        let same = rt.richCompareBool(PyRef(items(tuple)[index].unsafelyUnwrapped), args[1], .equal)
        if same < 0 { return nil }
        found += Int(same)
      }
      return rt.newInt(found)?.raw
    }),
    MethodDefinition("__getnewargs__", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesNoArguments("tuple.__getnewargs__") else { return nil }
      let rt = args.rt
      guard let copy = rt.newTuple(copying: items(args[0]), count: args[0].size) else { return nil }
      return rt.newTuple([copy])?.raw
    }),
  ]
}

extension RuntimeRef {
  /// CPython's tuple hash (an xxHash variant) of `count` items: -1 with an exception set
  /// when an item is unhashable.
  public func hashItems(_ items: UnsafeMutablePointer<UnsafeMutableRawPointer?>, count: Int) -> Int {
    let prime1: UInt = 11400714785074694791
    let prime2: UInt = 14029467366897019727
    let prime5: UInt = 2870177450012600261
    var accumulator = prime5
    for index in 0..<count {
      let lane = hash(PyRef(items[index].unsafelyUnwrapped))
      if lane == -1 { return -1 }
      accumulator = accumulator &+ UInt(bitPattern: lane) &* prime2
      accumulator = (accumulator << 31) | (accumulator >> 33)
      accumulator = accumulator &* prime1
    }
    accumulator = accumulator &+ (UInt(count) ^ (prime5 ^ 3527539))
    if accumulator == UInt.max { return 1546275796 }
    return Int(bitPattern: accumulator)
  }
}
