import PyCompiler

/// `range(start, stop, step)`: three machine integers and the length, never tracked (it
/// holds no references). Bounds beyond 64 bits raise OverflowError (CPython would keep
/// them as ints); the length may exceed `Int.max`, in which case `len()` raises as in
/// CPython.
///
/// ```
///   0 refcount | 8 type | 16 start | 24 stop | 32 step | 40 length (unsigned)
/// ```
/// `sys.getsizeof(range(5))` is 48, as in CPython.
/// CPython: Objects/rangeobject.c.
public enum RangeObject {
  static let startOffset = 16
  static let stopOffset = 24
  static let stepOffset = 32
  static let lengthOffset = 40
  static let basicSize = 48

  public static func start(_ range: PyRef) -> Int { range.raw.load(fromByteOffset: startOffset, as: Int.self) }
  public static func stop(_ range: PyRef) -> Int { range.raw.load(fromByteOffset: stopOffset, as: Int.self) }
  public static func step(_ range: PyRef) -> Int { range.raw.load(fromByteOffset: stepOffset, as: Int.self) }
  /// The number of items (may exceed `Int.max`).
  public static func length(_ range: PyRef) -> UInt { range.raw.load(fromByteOffset: lengthOffset, as: UInt.self) }

  /// Item `index` (< length): between start and stop, so it fits; wrapping arithmetic
  /// gives it exactly.
  @inline(__always)
  static func item(_ range: PyRef, _ index: UInt) -> Int {
    start(range) &+ Int(bitPattern: index) &* step(range)
  }

  /// The number of items of `range(start, stop, step)`.
  static func computeLength(start: Int, stop: Int, step: Int) -> UInt {
    if step > 0 && start < stop {
      return (UInt(bitPattern: stop &- start) - 1) / UInt(step) + 1
    }
    if step < 0 && start > stop {
      return (UInt(bitPattern: start &- stop) - 1) / step.magnitude + 1
    }
    return 0
  }

  static func makeType(_ rt: RuntimeRef) -> PyType {
    let type = rt.makeType(name: "range", basicSize: basicSize, dealloc: deallocPlain, hash: hash)
    let record = type.record
    record.pointee.repr = repr
    record.pointee.richCompare = richCompare
    record.pointee.length = length
    record.pointee.isTrue = { raw, _ in RangeObject.length(PyRef(raw)) != 0 ? 1 : 0 }
    record.pointee.getItem = getItem
    record.pointee.contains = contains
    record.pointee.iter = { raw, runtime in
      let range = PyRef(raw)
      return RangeIterator.new(start: RangeObject.start(range), step: RangeObject.step(range), count: RangeObject.length(range),
                               RuntimeRef(raw: runtime))?.raw
    }
    record.pointee.new = new
    return type
  }

  /// `range(stop)`, `range(start, stop[, step])`.
  static let new: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = Arguments(runtime, argv, count, names)
    guard args.noKeywords("range"), args.expect("range", atLeast: 1, atMost: 3) else { return nil }
    let rt = args.rt
    func value(_ index: Int) -> Int? {
      rt.indexInteger(args[index], overflow: "OverflowError", message: "Python int too large to convert to C ssize_t")
    }
    var start = 0, stop = 0, step = 1
    if count == 1 {
      guard let bound = value(0) else { return nil }
      stop = bound
    } else {
      guard let first = value(0), let bound = value(1) else { return nil }
      start = first
      stop = bound
      if count == 3 {
        guard let given = value(2) else { return nil }
        step = given
      }
    }
    guard step != 0 else {
      rt.raise("ValueError", "range() arg 3 must not be zero")
      return nil
    }
    return rt.newRange(start: start, stop: stop, step: step)?.raw
  }

  static let length: Slot.Length = { raw, runtime in
    let count = RangeObject.length(PyRef(raw))
    guard count <= UInt(Int.max) else {
      RuntimeRef(raw: runtime).raise("OverflowError", "Python int too large to convert to C ssize_t")
      return -1
    }
    return Int(count)
  }

  /// `range(0, 5)`, `range(0, 10, 2)`.
  static let repr: Slot.Unary = { raw, runtime in
    let range = PyRef(raw)
    let step = step(range)
    let text = step == 1 ? "range(\(start(range)), \(stop(range)))" : "range(\(start(range)), \(stop(range)), \(step))"
    return RuntimeRef(raw: runtime).newStr(text)?.raw
  }

  /// Ranges are equal when they hold the same items.
  static func equal(_ a: PyRef, _ b: PyRef) -> Bool {
    if a == b { return true }
    let count = length(a)
    guard count == length(b) else { return false }
    if count == 0 { return true }
    guard start(a) == start(b) else { return false }
    return count == 1 || step(a) == step(b)
  }

  static let richCompare: Slot.RichCompare = { a, b, op, runtime in
    let rt = RuntimeRef(raw: runtime)
    let rangeType = rt.state.pointee.types.range!
    guard PyRef(b).type == rangeType, op == Int32(ComparisonOperator.equal.rawValue) || op == Int32(ComparisonOperator.notEqual.rawValue) else {
      return rt.newNotImplemented().raw
    }
    let same = equal(PyRef(a), PyRef(b))
    return rt.newBool(same == (op == Int32(ComparisonOperator.equal.rawValue))).raw
  }

  /// The hash of `(len, start, step)`, with None for what does not matter (the start of an
  /// empty range, the step of a one-item range), so equal ranges hash alike.
  static let hash: Slot.Hash = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let range = PyRef(raw)
    let count = length(range)
    guard let lengthObject = rt.newInt(count) else { return -1 }
    var items = [lengthObject]
    if count == 0 {
      items += [rt.newNone(), rt.newNone()]
    } else if count == 1 {
      guard let start = rt.newInt(start(range)) else { rt.decref(lengthObject); return -1 }
      items += [start, rt.newNone()]
    } else {
      guard let start = rt.newInt(start(range)) else { rt.decref(lengthObject); return -1 }
      guard let step = rt.newInt(step(range)) else { rt.decref(lengthObject); rt.decref(start); return -1 }
      items += [start, step]
    }
    guard let tuple = rt.newTuple(items) else { return -1 }
    defer { rt.decref(tuple) }
    return rt.hash(tuple)
  }

  /// Whether `value` (an exact int or a bool) is one of the range's items.
  static func containsInt(_ range: PyRef, _ value: PyRef) -> Bool {
    guard let v = IntObject.exactValue(value) else { return false }
    let start = start(range), stop = stop(range), step = step(range)
    if step > 0 {
      guard start <= v && v < stop else { return false }
    } else {
      guard stop < v && v <= start else { return false }
    }
    return (Int128(v) - Int128(start)) % Int128(step) == 0
  }

  static let contains: Slot.Contains = { raw, valueRaw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let range = PyRef(raw), value = PyRef(valueRaw)
    if value.type == rt.state.pointee.types.int || value.type == rt.state.pointee.types.bool {
      return containsInt(range, value) ? 1 : 0
    }
    return rt.sequenceSearch(range, value, counting: false) > 0 ? 1 : (rt.hasError ? -1 : 0)
  }

  /// `range[i]` and `range[a:b:c]` (a range).
  static let getItem: Slot.GetItem = { raw, keyRaw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let range = PyRef(raw), key = PyRef(keyRaw)
    if rt.hasIntLayout(key) || (key.type.record.pointee.kind != .slice && rt.supportsIndex(key)) {
      guard var index = rt.indexInteger(key, overflow: "IndexError") else { return nil }
      let count = length(range)
      if index < 0 {
        guard count <= UInt(Int.max) else { return rt.newInt(item(range, UInt(bitPattern: index) &+ count))?.raw }
        index += Int(count)
      }
      guard index >= 0 && UInt(index) < count else {
        rt.raise("IndexError", "range object index out of range")
        return nil
      }
      return rt.newInt(item(range, UInt(index)))?.raw
    }
    if key.type.record.pointee.kind == .slice {
      guard length(range) <= UInt(Int.max) else {
        rt.raise("OverflowError", "Python int too large to convert to C ssize_t")
        return nil
      }
      guard let (first, bound, step) = rt.sliceIndices(key, length: Int(length(range))) else { return nil }
      let outerStep = RangeObject.step(range)
      let (newStep, overflow1) = outerStep.multipliedReportingOverflow(by: step)
      let (startOffset, overflow2) = first.multipliedReportingOverflow(by: outerStep)
      let (stopOffset, overflow3) = bound.multipliedReportingOverflow(by: outerStep)
      let (newStart, overflow4) = start(range).addingReportingOverflow(startOffset)
      let (newStop, overflow5) = start(range).addingReportingOverflow(stopOffset)
      guard !(overflow1 || overflow2 || overflow3 || overflow4 || overflow5) else {
        rt.raise("OverflowError", "Python int too large to convert to C ssize_t")
        return nil
      }
      return rt.newRange(start: newStart, stop: newStop, step: newStep)?.raw
    }
    rt.raise("TypeError", "range indices must be integers or slices, not \(key.type.name)")
    return nil
  }

  static let getSets: [GetSetDefinition] = [
    GetSetDefinition("start", { raw, runtime in RuntimeRef(raw: runtime).newInt(start(PyRef(raw)))?.raw }),
    GetSetDefinition("stop", { raw, runtime in RuntimeRef(raw: runtime).newInt(stop(PyRef(raw)))?.raw }),
    GetSetDefinition("step", { raw, runtime in RuntimeRef(raw: runtime).newInt(step(PyRef(raw)))?.raw }),
  ]

  static let methods: [MethodDefinition] = [
    MethodDefinition("count", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesOneArgument("range.count") else { return nil }
      let rt = args.rt, range = args[0], value = args[1]
      if value.type == rt.state.pointee.types.int || value.type == rt.state.pointee.types.bool {
        return rt.newInt(containsInt(range, value) ? 1 : 0)?.raw
      }
      let found = rt.sequenceSearch(range, value, counting: true)
      return found < 0 ? nil : rt.newInt(found)?.raw
    }),
    MethodDefinition("index", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesOneArgument("range.index") else { return nil }
      let rt = args.rt, range = args[0], value = args[1]
      if value.type == rt.state.pointee.types.int || value.type == rt.state.pointee.types.bool {
        guard containsInt(range, value), let v = IntObject.exactValue(value) else {
          rt.raiseNotIn(value, "is not in range")
          return nil
        }
        return rt.newInt(Int((Int128(v) - Int128(start(range))) / Int128(step(range))))?.raw
      }
      let position = rt.sequenceSearch(range, value, counting: false, index: true)
      if position < 0 {
        if !rt.hasError { rt.raise("ValueError", "sequence.index(x): x not in sequence") }
        return nil
      }
      return rt.newInt(position)?.raw
    }),
    MethodDefinition("__reversed__", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesNoArguments("range.__reversed__") else { return nil }
      let range = args[0]
      let count = length(range)
      let last = count == 0 ? start(range) : item(range, count - 1)
      return RangeIterator.new(start: last, step: 0 &- step(range), count: count, args.rt)?.raw
    }),
  ]
}

extension RuntimeRef {
  /// A new `range(start, stop, step)` (`step` must not be 0).
  public func newRange(start: Int, stop: Int, step: Int) -> PyRef? {
    guard let range = allocateObject(state.pointee.types.range) else { return nil }
    range.raw.storeBytes(of: start, toByteOffset: RangeObject.startOffset, as: Int.self)
    range.raw.storeBytes(of: stop, toByteOffset: RangeObject.stopOffset, as: Int.self)
    range.raw.storeBytes(of: step, toByteOffset: RangeObject.stepOffset, as: Int.self)
    range.raw.storeBytes(of: RangeObject.computeLength(start: start, stop: stop, step: step),
                         toByteOffset: RangeObject.lengthOffset, as: UInt.self)
    return range
  }

  /// `_PySequence_IterSearch`: iterates `sequence` comparing with `==`. Counting: the number
  /// of matches; `index`: the position of the first (-1 if none); otherwise 1 if found.
  /// -1 with an exception set on error.
  func sequenceSearch(_ sequence: PyRef, _ value: PyRef, counting: Bool, index: Bool = false) -> Int {
    guard let iterator = iter(sequence) else { return -1 }
    defer { decref(iterator) }
    var found = 0, position = 0
    while let item = next(iterator) {
      let same = richCompareBool(item, value, .equal)
      decref(item)
      if same < 0 { return -1 }
      if same > 0 {
        if index { return position }
        if !counting { return 1 }
        found += 1
      }
      position += 1
    }
    if hasError { return -1 }
    return index ? -1 : found
  }
}
