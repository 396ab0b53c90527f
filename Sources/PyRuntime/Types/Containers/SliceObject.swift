import PyCompiler

/// `slice(start, stop, step)`: three object references (None when omitted), GC-tracked as in
/// CPython 3.11, unhashable (slices became hashable only in 3.12).
///
/// ```
///   -16 GC header | 0 refcount | 8 type | 16 start | 24 stop | 32 step
/// ```
/// `sys.getsizeof(slice(1))` is 56, as in CPython.
/// CPython: Objects/sliceobject.c.
public enum SliceObject {
  static let startOffset = 16
  static let stopOffset = 24
  static let stepOffset = 32
  static let basicSize = 40

  /// The fields, borrowed (None when omitted).
  public static func start(_ slice: PyRef) -> PyRef { slice.loadRef(at: startOffset)! }
  public static func stop(_ slice: PyRef) -> PyRef { slice.loadRef(at: stopOffset)! }
  public static func step(_ slice: PyRef) -> PyRef { slice.loadRef(at: stepOffset)! }

  static func makeType(_ rt: RuntimeRef) -> PyType {
    let type = rt.makeType(name: "slice", basicSize: basicSize, flags: [.haveGC], dealloc: dealloc,
                           traverse: traverse, clear: clear, hash: RuntimeRef.unhashable)
    type.record.pointee.repr = repr
    type.record.pointee.richCompare = richCompare
    type.record.pointee.new = new
    return type
  }

  static let dealloc: Slot.Dealloc = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let slice = PyRef(raw)
    rt.untrack(slice)
    IteratorSupport.release(slice, from: startOffset, fields: 3, rt)
    rt.freeObject(slice)
  }

  static let traverse: Slot.Traverse = { raw, visit, arg in
    IteratorSupport.visit(PyRef(raw), from: startOffset, fields: 3, visit, arg)
  }

  static let clear: Slot.Clear = { raw, runtime in
    IteratorSupport.release(PyRef(raw), from: startOffset, fields: 3, RuntimeRef(raw: runtime))
  }

  /// `slice(stop)`, `slice(start, stop[, step])`.
  static let new: Slot.VectorCall = { typeRaw, argv, count, names, runtime in
    let args = Arguments(runtime, argv, count, names)
    guard args.expect("slice", atLeast: 1, atMost: 3) else { return nil }
    let rt = args.rt
    let start = count >= 2 ? args[0] : nil
    let stop = count >= 2 ? args[1] : args[0]
    let step = count == 3 ? args[2] : nil
    return rt.newSlice(start, stop, step, type: PyType(typeRaw))?.raw
  }

  /// `slice(1, 2, None)`.
  static let repr: Slot.Unary = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let slice = PyRef(raw)
    var builder = TextBuilder(capacity: 7)
    builder.append("slice(")
    guard builder.appendRepr(start(slice), rt) else { builder.discard(rt); return nil }
    builder.append(", ")
    guard builder.appendRepr(stop(slice), rt) else { builder.discard(rt); return nil }
    builder.append(", ")
    guard builder.appendRepr(step(slice), rt) else { builder.discard(rt); return nil }
    builder.append(")")
    return builder.finish(rt)?.raw
  }

  /// Slices compare as the tuples `(start, stop, step)`.
  static let richCompare: Slot.RichCompare = { a, b, op, runtime in
    let rt = RuntimeRef(raw: runtime)
    let left = PyRef(a), right = PyRef(b)
    let sliceType = rt.state.pointee.types.slice!
    guard left.type == sliceType, right.type == sliceType else { return rt.newNotImplemented().raw }
    let comparison = ComparisonOperator(rawValue: UInt8(op))!
    if left == right {
      switch comparison {
      case .equal, .lessOrEqual, .greaterOrEqual: return rt.newBool(true).raw
      default: return rt.newBool(false).raw
      }
    }
    guard let x = fieldsTuple(left, rt) else { return nil }
    defer { rt.decref(x) }
    guard let y = fieldsTuple(right, rt) else { return nil }
    defer { rt.decref(y) }
    return rt.richCompare(x, y, comparison)?.raw
  }

  static func fieldsTuple(_ slice: PyRef, _ rt: RuntimeRef) -> PyRef? {
    let items = [start(slice), stop(slice), step(slice)]
    for item in items { item.incref() }
    return rt.newTuple(items)
  }

  static let getSets: [GetSetDefinition] = [
    GetSetDefinition("start", { raw, _ in field(raw, startOffset) }),
    GetSetDefinition("stop", { raw, _ in field(raw, stopOffset) }),
    GetSetDefinition("step", { raw, _ in field(raw, stepOffset) }),
  ]

  private static func field(_ raw: UnsafeMutableRawPointer, _ offset: Int) -> UnsafeMutableRawPointer? {
    let value = PyRef(raw).loadRef(at: offset)!
    value.incref()
    return value.raw
  }

  static let methods: [MethodDefinition] = [
    MethodDefinition("indices", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.expect("indices", exactly: 2) else { return nil }
      guard let (start, stop, step) = args.rt.sliceIndices(args[0], length: args[1]) else { return nil }
      guard let a = args.rt.newInt(start), let b = args.rt.newInt(stop), let c = args.rt.newInt(step) else { return nil }
      return args.rt.newTuple([a, b, c])?.raw
    }),
  ]

  /// `PySlice_AdjustIndices`: clamps unpacked bounds to a sequence of `length` items and
  /// counts the items they select.
  @inlinable
  public static func adjustIndices(length: Int, start: inout Int, stop: inout Int, step: Int) -> Int {
    if start < 0 {
      start += length
      if start < 0 { start = step < 0 ? -1 : 0 }
    } else if start >= length {
      start = step < 0 ? length - 1 : length
    }
    if stop < 0 {
      stop += length
      if stop < 0 { stop = step < 0 ? -1 : 0 }
    } else if stop >= length {
      stop = step < 0 ? length - 1 : length
    }
    if step < 0 {
      if stop < start { return (start - stop - 1) / (-step) + 1 }
    } else if start < stop {
      return (stop - start - 1) / step + 1
    }
    return 0
  }
}

extension RuntimeRef {
  /// A new slice (`BUILD_SLICE`, `slice(...)`): the arguments are borrowed; nil means None.
  public func newSlice(_ start: PyRef?, _ stop: PyRef?, _ step: PyRef?) -> PyRef? {
    newSlice(start, stop, step, type: state.pointee.types.slice)
  }

  func newSlice(_ start: PyRef?, _ stop: PyRef?, _ step: PyRef?, type: PyType) -> PyRef? {
    guard let slice = allocateObject(type) else { return nil }
    let none = state.pointee.none
    IteratorSupport.store(slice, start ?? none, at: SliceObject.startOffset)
    IteratorSupport.store(slice, stop ?? none, at: SliceObject.stopOffset)
    IteratorSupport.store(slice, step ?? none, at: SliceObject.stepOffset)
    initializeInstanceSlots(slice)
    track(slice)
    return slice
  }

  /// `_PyEval_SliceIndex`: a slice bound as an `Int` (big values clamped), nil for None.
  /// The outer nil is an error (TypeError "slice indices must be integers or None or have
  /// an __index__ method").
  func sliceBound(_ value: PyRef) -> Int?? {
    if value == state.pointee.none { return .some(nil) }
    if hasIntLayout(value) {
      if let exact = IntObject.exactValue(value) { return .some(exact) }
      return .some(IntObject.isNegative(value) ? Int.min : Int.max)
    }
    guard supportsIndex(value) else {
      raise("TypeError", "slice indices must be integers or None or have an __index__ method")
      return nil
    }
    guard let bound = indexInteger(value, overflow: nil) else { return nil }
    return .some(bound)
  }

  /// `PySlice_Unpack`: the slice's bounds as `Int`s, defaults filled in, the step never 0
  /// (ValueError "slice step cannot be zero") and never below `-Int.max`.
  public func unpackSlice(_ slice: PyRef) -> (start: Int, stop: Int, step: Int)? {
    guard let stepValue = sliceBound(SliceObject.step(slice)) else { return nil }
    var step = 1
    if let given = stepValue {
      guard given != 0 else {
        raise("ValueError", "slice step cannot be zero")
        return nil
      }
      step = max(given, -Int.max)
    }
    guard let startValue = sliceBound(SliceObject.start(slice)) else { return nil }
    guard let stopValue = sliceBound(SliceObject.stop(slice)) else { return nil }
    let start = startValue ?? (step < 0 ? Int.max : 0)
    let stop = stopValue ?? (step < 0 ? Int.min : Int.max)
    return (start, stop, step)
  }

  /// `PySlice_GetIndicesEx`: the slice applied to a sequence of `length` items — the first
  /// index, the bound, the step and the number of items selected. Nil with an exception set
  /// when a bound is not an integer or the step is zero.
  public func adjustedSliceIndices(_ slice: PyRef, length: Int) -> (start: Int, stop: Int, step: Int, count: Int)? {
    guard case (var start, var stop, let step)? = unpackSlice(slice) else { return nil }
    let count = SliceObject.adjustIndices(length: length, start: &start, stop: &stop, step: step)
    return (start, stop, step, count)
  }

  /// `slice.indices(length)` (`_PySlice_GetLongIndices`), with `Int` arithmetic.
  func sliceIndices(_ slice: PyRef, length lengthObject: PyRef) -> (Int, Int, Int)? {
    guard let length = indexInteger(lengthObject) else { return nil }
    guard length >= 0 else {
      raise("ValueError", "length should not be negative")
      return nil
    }
    return sliceIndices(slice, length: length)
  }

  /// ``sliceIndices(_:length:)`` for a length already known to be non-negative.
  func sliceIndices(_ slice: PyRef, length: Int) -> (Int, Int, Int)? {
    var step = 1
    if SliceObject.step(slice) != state.pointee.none {
      guard let value = indexInteger(SliceObject.step(slice), overflow: nil) else { return nil }
      guard value != 0 else {
        raise("ValueError", "slice step cannot be zero")
        return nil
      }
      step = value
    }
    let lower = step < 0 ? -1 : 0
    let upper = step < 0 ? length - 1 : length
    func bound(_ value: PyRef, default fallback: Int) -> Int? {
      if value == state.pointee.none { return fallback }
      guard let index = indexInteger(value, overflow: nil) else { return nil }
      return index < 0 ? max(index + length, lower) : min(index, upper)
    }
    guard let start = bound(SliceObject.start(slice), default: step < 0 ? upper : lower) else { return nil }
    guard let stop = bound(SliceObject.stop(slice), default: step < 0 ? lower : upper) else { return nil }
    return (start, stop, step)
  }
}
