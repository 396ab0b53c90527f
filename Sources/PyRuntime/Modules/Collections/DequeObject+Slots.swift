import PyCompiler

/// The protocol slots of `collections.deque`: construction (`deque(iterable=(),
/// maxlen=None)`), repr, comparison, `len`, integer subscripts, `in`, `+`, `*`, `+=`, `*=`.
/// A deque is a sequence without slices: `d[1:2]` is "sequence index must be integer, not
/// 'slice'", as CPython's `sq_item`-only type says.
/// CPython: Modules/_collectionsmodule.c.
extension DequeObject {
  /// `deque.__new__`: an empty, unbounded deque of `type` (a subclass too); the arguments
  /// are `__init__`'s.
  static let new: Slot.VectorCall = { typeRaw, _, _, _, runtime in
    RuntimeRef(raw: runtime).newDeque(PyType(typeRaw), maxLength: -1)?.object.raw
  }

  /// `deque.__init__(iterable=(), maxlen=None)`: empties the deque, sets the bound, extends.
  static let initialize: Slot.Initialize = { raw, argv, count, names, runtime in
    let rt = RuntimeRef(raw: runtime)
    let args = Arguments(rt, argv, count, PyRef(names))
    guard let bound = args.bindClinic("deque", ["iterable", "maxlen"], required: 0) else { return -1 }
    var maxLength = -1
    if let given = bound[1], given != rt.state.pointee.none {
      guard rt.hasIntLayout(given) else {
        rt.raise("TypeError", "an integer is required")
        return -1
      }
      guard let value = IntObject.exactValue(given) else {
        rt.raise("OverflowError", "Python int too large to convert to C ssize_t")
        return -1
      }
      guard value >= 0 else {
        rt.raise("ValueError", "maxlen must be non-negative")
        return -1
      }
      maxLength = value
    }
    let deque = Deque(PyRef(raw))
    deque.maxLength = maxLength
    if deque.count > 0 { deque.clear(rt) }
    if let iterable = bound[0] { return rt.dequeExtend(deque, iterable) ? 0 : -1 }
    return 0
  }

  static let length: Slot.Length = { raw, _ in PyRef(raw).size }

  /// `deque([1, 2])`, `deque([1], maxlen=3)`; a subclass shows its own name; a deque inside
  /// itself is `[...]`.
  static let repr: Slot.Unary = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let object = PyRef(raw)
    guard rt.reprEnter(object) else { return rt.newStr("[...]")?.raw }
    defer { rt.reprLeave(object) }
    guard let list = rt.dequeToList(Deque(object)) else { return nil }
    defer { rt.decref(list) }
    guard let items = rt.reprString(list) else { return nil }
    let name = rt.shortTypeName(object.type)
    let maxLength = Deque(object).maxLength
    return rt.newStr(maxLength >= 0 ? "\(name)(\(items), maxlen=\(maxLength))" : "\(name)(\(items))")?.raw
  }

  /// Equality checks the sizes first; then the first differing pair decides, through
  /// iterators (so a deque mutated by a comparison raises).
  static let richCompare: Slot.RichCompare = { a, b, opCode, runtime in
    let rt = RuntimeRef(raw: runtime)
    let left = PyRef(a), right = PyRef(b)
    guard rt.isDeque(left), rt.isDeque(right) else { return rt.newNotImplemented().raw }
    let op = ComparisonOperator(rawValue: UInt8(opCode))!
    if op == .equal || op == .notEqual {
      if left == right { return rt.newBool(op == .equal).raw }
      if left.size != right.size { return rt.newBool(op == .notEqual).raw }
    }
    guard let first = rt.iter(left) else { return nil }
    defer { rt.decref(first) }
    guard let second = rt.iter(right) else { return nil }
    defer { rt.decref(second) }
    var x: PyRef?, y: PyRef?
    while true {
      x = rt.next(first)
      if x == nil && rt.hasError { return nil }
      y = rt.next(second)
      if y == nil && rt.hasError { rt.decref(x); return nil }
      guard let xItem = x, let yItem = y else { break }
      let same = rt.richCompareBool(xItem, yItem, .equal)
      if same == 0 {
        let result = rt.richCompare(xItem, yItem, op)
        rt.decref(xItem)
        rt.decref(yItem)
        return result?.raw
      }
      rt.decref(xItem)
      rt.decref(yItem)
      if same < 0 { return nil }
    }
    defer { rt.decref(x); rt.decref(y) }
    // One deque (or both) ran out.
    let result: Bool
    switch op {
    case .lessThan: result = y != nil
    case .lessOrEqual: result = x == nil
    case .equal: result = x == y
    case .notEqual: result = x != y
    case .greaterThan: result = x != nil
    case .greaterOrEqual: result = y == nil
    }
    return rt.newBool(result).raw
  }

  static let contains: Slot.Contains = { raw, itemRaw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let deque = Deque(PyRef(raw)), target = PyRef(itemRaw)
    let startState = deque.state
    var result: Int32 = 0
    deque.forEachSlot { slot in
      let item = PyRef(slot.pointee.unsafelyUnwrapped)
      item.incref()
      let same = rt.richCompareBool(item, target, .equal)
      rt.decref(item)
      if same != 0 {
        result = same
        return false
      }
      if deque.state != startState {
        rt.raise("RuntimeError", "deque mutated during iteration")
        result = -1
        return false
      }
      return true
    }
    return result
  }

  /// The index an `int`-like key names, for `d[i]`, `d[i] = x` and `del d[i]`
  /// (`PySequence_GetItem`'s conversion: negative counts from the end, once).
  static func itemIndex(_ deque: Deque, _ key: PyRef, _ rt: RuntimeRef) -> Int? {
    guard rt.supportsIndex(key) else {
      rt.raise("TypeError", "sequence index must be integer, not '\(key.type.name)'")
      return nil
    }
    guard var index = rt.indexInteger(key, overflow: "IndexError") else { return nil }
    if index < 0 { index += deque.count }
    guard index >= 0 && index < deque.count else {
      rt.raise("IndexError", "deque index out of range")
      return nil
    }
    return index
  }

  static let getItem: Slot.GetItem = { raw, keyRaw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let deque = Deque(PyRef(raw))
    guard let index = itemIndex(deque, PyRef(keyRaw), rt) else { return nil }
    let item = deque.slot(index).pointee.unsafelyUnwrapped
    PyRef(item).incref()
    return item
  }

  /// `d[i] = x` replaces in place (not a mutation for iterators); `del d[i]` rotates.
  static let setItem: Slot.SetItem = { raw, keyRaw, valueRaw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let deque = Deque(PyRef(raw))
    guard let index = itemIndex(deque, PyRef(keyRaw), rt) else { return -1 }
    guard let value = PyRef(valueRaw) else { return deque.deleteItem(at: index, rt) ? 0 : -1 }
    let slot = deque.slot(index)
    let old = slot.pointee
    value.incref()
    slot.pointee = value.raw
    rt.decref(PyRef(old))
    return 0
  }

  static let iter: Slot.Unary = { raw, runtime in
    DequeIterator.new(Deque(PyRef(raw)), reversed: false, RuntimeRef(raw: runtime))?.raw
  }

  /// `deque + deque` (a copy extended), `deque * n`, `n * deque`, `+=` (any iterable),
  /// `*=`. Other operands get CPython's sequence messages, unless they are instances of
  /// classes, whose reflected methods get their turn.
  static let binary: Slot.Binary = { a, b, op, runtime in
    let rt = RuntimeRef(raw: runtime)
    let left = PyRef(a), right = PyRef(b)
    let add = UInt32(BinaryOperator.add.rawValue), multiply = UInt32(BinaryOperator.multiply.rawValue)
    switch op {
    case add:
      guard rt.isDeque(left) else { return rt.newNotImplemented().raw }
      guard rt.isDeque(right) else {
        if right.type.flags.contains(.heapType) { return rt.newNotImplemented().raw }
        rt.raise("TypeError", "can only concatenate deque (not \"\(right.type.name)\") to deque")
        return nil
      }
      guard let copy = rt.dequeCopy(Deque(left)) else { return nil }
      guard rt.dequeExtend(Deque(copy), right) else {
        rt.decref(copy)
        return nil
      }
      return copy.raw
    case add + BinaryOperator.inplaceOffset:
      guard rt.isDeque(left) else { return rt.newNotImplemented().raw }
      guard rt.dequeExtend(Deque(left), right) else { return nil }
      left.incref()
      return a
    case multiply, multiply + BinaryOperator.inplaceOffset:
      let inplace = op != multiply
      let (sequence, count) = rt.isDeque(left) ? (left, right) : (right, left)
      guard rt.isDeque(sequence), !inplace || sequence == left else { return rt.newNotImplemented().raw }
      guard rt.supportsIndex(count) else {
        if count.type.flags.contains(.heapType) { return rt.newNotImplemented().raw }
        // A sequence on the left repeats first (`'a' * deque()`): the deque is its count.
        let leftIsSequence = sequence == right && [.str, .list, .tuple, .bytes, .bytearray].contains(left.type.record.pointee.kind)
        let culprit = leftIsSequence ? right : count
        rt.raise("TypeError", "can't multiply sequence by non-int of type '\(culprit.type.name)'")
        return nil
      }
      guard let n = rt.indexInteger(count, overflow: "OverflowError") else { return nil }
      if inplace {
        guard rt.dequeInplaceRepeat(Deque(sequence), n) else { return nil }
        sequence.incref()
        return sequence.raw
      }
      guard let copy = rt.dequeCopy(Deque(sequence)) else { return nil }
      guard rt.dequeInplaceRepeat(Deque(copy), n) else {
        rt.decref(copy)
        return nil
      }
      return copy.raw
    default:
      return rt.newNotImplemented().raw
    }
  }
}

extension RuntimeRef {
  /// The `collections.deque` type of this runtime (made when `_collections` is first
  /// imported).
  var dequeType: PyType { state.pointee.types.byName["collections.deque"]! }

  /// A new empty deque of `type` (the deque type when nil), tracked.
  func newDeque(_ type: PyType? = nil, maxLength: Int) -> Deque? {
    guard let object = allocateObject(type ?? dequeType) else { return nil }
    let deque = Deque(object)
    guard deque.initializeEmpty(maxLength: maxLength, self) else {
      // No block: free the bare object without running the deque's own dealloc.
      freeObject(object)
      return nil
    }
    initializeInstanceSlots(object)
    track(object)
    return deque
  }

  /// Whether `object` is a deque or an instance of a subclass.
  func isDeque(_ object: PyRef) -> Bool {
    guard let type = state.pointee.types.byName["collections.deque"] else { return false }
    return isInstance(object, type)
  }

  /// `_PyType_Name`: the part of the type's name after the last dot (a class's `__name__`).
  func shortTypeName(_ type: PyType) -> String {
    if type.flags.contains(.heapType), let name = typeAttributeString(type, "__name__") { return name }
    let full = type.name
    return String(full.split(separator: ".").last ?? Substring(full))
  }

  /// A new list of the deque's items, left to right.
  func dequeToList(_ deque: Deque) -> PyRef? {
    guard let list = newList(count: deque.count) else { return nil }
    guard deque.count > 0 else { return list }
    let target = ListObject.storage(list)
    var index = 0
    deque.forEachSlot { slot in
      PyRef(slot.pointee.unsafelyUnwrapped).incref()
      target[index] = slot.pointee
      index += 1
      return true
    }
    return list
  }

  /// `deque.extend(iterable)`: a deque extended by itself extends by a copy first; with
  /// `maxlen=0` the iterable is only consumed.
  func dequeExtend(_ deque: Deque, _ iterable: PyRef) -> Bool {
    if iterable == deque.object {
      guard let copy = dequeToList(deque) else { return false }
      defer { decref(copy) }
      return dequeExtend(deque, copy)
    }
    guard let iterator = iter(iterable) else { return false }
    defer { decref(iterator) }
    // Space saving: an empty deque fills its block from the left end.
    if deque.count == 0 {
      deque.leftIndex = 1
      deque.rightIndex = 0
    }
    let iterNext = iterator.type.record.pointee.iterNext.unsafelyUnwrapped
    while let raw = iterNext(iterator.raw, self.raw) {
      if deque.maxLength == 0 {
        decref(PyRef(raw))
        continue
      }
      guard deque.pushRight(raw, self) else {
        decref(PyRef(raw))
        return false
      }
      if deque.exceedsBound(deque.count) {
        decref(PyRef(deque.takeLeft(self)))
      }
      deque.state &+= 1
    }
    return finishIteration()
  }

  /// `deque.extendleft(iterable)`: each item goes to the left end in turn, so the items
  /// end up reversed.
  func dequeExtendLeft(_ deque: Deque, _ iterable: PyRef) -> Bool {
    if iterable == deque.object {
      guard let copy = dequeToList(deque) else { return false }
      defer { decref(copy) }
      return dequeExtendLeft(deque, copy)
    }
    guard let iterator = iter(iterable) else { return false }
    defer { decref(iterator) }
    // Space saving: an empty deque fills its block from the right end.
    if deque.count == 0 {
      deque.leftIndex = DequeObject.blockLength - 1
      deque.rightIndex = DequeObject.blockLength - 2
    }
    let iterNext = iterator.type.record.pointee.iterNext.unsafelyUnwrapped
    while let raw = iterNext(iterator.raw, self.raw) {
      if deque.maxLength == 0 {
        decref(PyRef(raw))
        continue
      }
      guard deque.pushLeft(raw, self) else {
        decref(PyRef(raw))
        return false
      }
      if deque.exceedsBound(deque.count) {
        decref(PyRef(deque.takeRight(self)))
      }
      deque.state &+= 1
    }
    return finishIteration()
  }

  /// After an `iterNext` loop ended: true when the iterator was exhausted, false when it
  /// raised (a `StopIteration` is exhaustion).
  func finishIteration() -> Bool {
    guard hasError else { return true }
    guard exceptionMatches("StopIteration") else { return false }
    clearError()
    return true
  }

  /// `deque.copy()`: an exact deque copies directly; a subclass is called as
  /// `type(d)(d)` or `type(d)(d, maxlen)`.
  func dequeCopy(_ deque: Deque) -> PyRef? {
    let type = deque.object.type
    if type == dequeType {
      guard let copy = newDeque(maxLength: deque.maxLength) else { return nil }
      guard dequeExtend(copy, deque.object) else {
        decref(copy.object)
        return nil
      }
      return copy.object
    }
    if deque.maxLength < 0 { return call(type.object, [deque.object]) }
    guard let bound = newInt(deque.maxLength) else { return nil }
    defer { decref(bound) }
    return call(type.object, [deque.object, bound])
  }

  /// `deque *= n`: `n <= 0` empties it; otherwise the items are appended `n - 1` more
  /// times (trimmed to `maxlen` as they go).
  func dequeInplaceRepeat(_ deque: Deque, _ n: Int) -> Bool {
    if n <= 0 {
      deque.clear(self)
      return true
    }
    let size = deque.count
    if size == 0 || n == 1 { return true }
    if size > Int.max / n {
      raise("MemoryError")
      return false
    }
    guard let items = dequeToList(deque) else { return false }
    defer { decref(items) }
    var repeats = n - 1
    if deque.maxLength >= 0 {
      // Past `maxlen + size` items every further copy only pushes out the one before.
      let useful = (deque.maxLength + size - 1) / size
      repeats = min(repeats, max(useful, 1))
    }
    for _ in 0..<repeats {
      guard dequeExtend(deque, items) else { return false }
    }
    return true
  }
}
