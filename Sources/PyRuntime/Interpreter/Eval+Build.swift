import PyCompiler

/// The loop's building, unpacking and fast-path helpers. CPython: Python/ceval.c
/// (`BUILD_*`, `unpack_iterable()`, the `BINARY_OP_ADD_INT` family of specializations).
extension RuntimeRef {
  /// Small-int `+ - *` without leaving the loop's inline path: nil when an operand is not an
  /// exact one-digit int (then the generic protocol runs). Public so that the hot-path check
  /// can compile it into a probe (Scripts/check-hot-paths.sh).
  @inlinable @inline(__always)
  public func fastIntBinary(_ a: PyRef, _ b: PyRef, _ op: UInt32) -> PyRef? {
    let intType = state.pointee.types.int!
    guard a.type == intType, b.type == intType, IntObject.isCompact(a), IntObject.isCompact(b) else { return nil }
    let x = IntObject.compactValue(a), y = IntObject.compactValue(b)
    switch op {
    case 0, 13: return newInt(x &+ y)
    case 10, 23: return newInt(x &- y)
    case 5, 18: return newInt(x &* y)
    default: return nil
    }
  }

  /// Small-int comparisons, like ``fastIntBinary(_:_:_:)``.
  @inlinable @inline(__always)
  public func fastIntCompare(_ a: PyRef, _ b: PyRef, _ op: UInt32) -> PyRef? {
    let intType = state.pointee.types.int!
    guard a.type == intType, b.type == intType, IntObject.isCompact(a), IntObject.isCompact(b) else { return nil }
    let x = IntObject.compactValue(a), y = IntObject.compactValue(b)
    let result: Bool
    switch op {
    case 0: result = x < y
    case 1: result = x <= y
    case 2: result = x == y
    case 3: result = x != y
    case 4: result = x > y
    default: result = x >= y
    }
    return newBool(result)
  }

  /// Float `+ - * /` (CPython 3.11's `BINARY_OP_ADD_FLOAT` family, widened to a float with
  /// a one-digit int on either side, whose conversion is exact): nil when the operands are
  /// not such, or for a division by zero (the generic path raises).
  @inline(__always)
  func fastFloatBinary(_ a: PyRef, _ b: PyRef, _ op: UInt32) -> PyRef? {
    let floatType = state.pointee.types.float!
    let intType = state.pointee.types.int!
    let x: Double, y: Double
    let typeA = a.type, typeB = b.type
    if typeA == floatType {
      x = FloatObject.value(a)
      if typeB == floatType {
        y = FloatObject.value(b)
      } else if typeB == intType, IntObject.isCompact(b) {
        y = Double(IntObject.compactValue(b))
      } else {
        return nil
      }
    } else if typeB == floatType, typeA == intType, IntObject.isCompact(a) {
      x = Double(IntObject.compactValue(a))
      y = FloatObject.value(b)
    } else {
      return nil
    }
    switch op {
    case 0, 13: return makeFloat(x + y)
    case 10, 23: return makeFloat(x - y)
    case 5, 18: return makeFloat(x * y)
    case 11, 24: return y == 0 ? nil : makeFloat(x / y)
    case 8, 21:
      // A positive finite base to a finite power: the C library's pow, as float_pow
      // ends up doing; the generic path takes every special case and error.
      guard x > 0, x.isFinite, y.isFinite else { return nil }
      let result = x == 1 || y == 0 ? 1 : NumberMath.power(x, y)
      return result.isFinite ? makeFloat(result) : nil
    default: return nil
    }
  }

  /// `container[key]` for an exact list or tuple and a one-digit int in range
  /// (`BINARY_SUBSCR_LIST_INT`, `BINARY_SUBSCR_TUPLE_INT`): the item (a new reference), or
  /// nil for anything else (then the generic path runs, and raises if it must).
  @inline(__always)
  func fastSubscript(_ container: PyRef, _ key: PyRef) -> PyRef? {
    guard key.type == state.pointee.types.int, IntObject.isCompact(key) else { return nil }
    var index = IntObject.compactValue(key)
    let type = container.type
    let items: UnsafeMutablePointer<UnsafeMutableRawPointer?>
    if type == state.pointee.types.list {
      guard let listItems = ListObject.items(container) else { return nil }
      items = listItems
    } else if type == state.pointee.types.tuple {
      items = TupleObject.items(container)
    } else {
      return nil
    }
    let count = container.size
    if index < 0 { index &+= count }
    guard index >= 0, index < count else { return nil }
    let item = PyRef(items[index].unsafelyUnwrapped)
    item.incref()
    return item
  }

  /// `list[key] = value` for an exact list and a one-digit int in range
  /// (`STORE_SUBSCR_LIST_INT`): stores `value` (the reference moves in) and returns true,
  /// or returns false having done nothing.
  @inline(__always)
  func fastStoreSubscript(_ container: PyRef, _ key: PyRef, _ value: PyRef) -> Bool {
    guard container.type == state.pointee.types.list, key.type == state.pointee.types.int, IntObject.isCompact(key),
          let items = ListObject.items(container) else { return false }
    var index = IntObject.compactValue(key)
    let count = container.size
    if index < 0 { index &+= count }
    guard index >= 0, index < count else { return false }
    let old = items[index]
    items[index] = value.raw
    decref(PyRef(old))
    return true
  }

  /// `Py_DECREF` of a float operand: an exact float whose count drops to zero goes back
  /// on the free list here, without the generic deallocation
  /// (`_Py_DECREF_SPECIALIZED(…, _PyFloat_ExactDealloc)`).
  @inline(__always)
  func decrefFloat(_ object: PyRef) {
    let count = object.refcount &- 1
    object.refcount = count
    guard _slowPath(count == 0) else { return }
    if object.type == state.pointee.types.float, state.pointee.numbers.floatFreeCount < FloatObject.freeListCapacity {
      object.raw.storeBytes(of: state.pointee.numbers.floatFreeList, toByteOffset: 8, as: UnsafeMutableRawPointer?.self)
      state.pointee.numbers.floatFreeList = object.raw
      state.pointee.numbers.floatFreeCount += 1
    } else {
      deallocate(object)
    }
  }

  /// The calls of `list.append(x)`, `len(x)` and `isinstance(x, c)` done directly (no
  /// keyword arguments; `arguments` holds `count` borrowed values, self first for the
  /// method): sets `handled` and returns the result (nil with an exception), or leaves
  /// `handled` false for the generic call.
  @inline(__always)
  func specializedCall(_ callable: PyRef, _ arguments: UnsafeMutablePointer<UnsafeMutableRawPointer?>, count: Int,
                       handled: inout Bool) -> PyRef? {
    let targets = state.pointee.typeCache
    if callable.raw == targets.listAppend {
      guard count == 2, let list = PyRef(arguments[0]), list.type == state.pointee.types.list else { return nil }
      handled = true
      return listAppend(list, PyRef(arguments[1].unsafelyUnwrapped)) ? newNone() : nil
    }
    if callable.raw == targets.builtinLen {
      guard count == 1 else { return nil }
      handled = true
      let length = self.length(PyRef(arguments[0].unsafelyUnwrapped))
      return length < 0 ? nil : newInt(length)
    }
    if callable.raw == targets.builtinIsInstance {
      guard count == 2 else { return nil }
      handled = true
      let result = isInstanceCheck(PyRef(arguments[0].unsafelyUnwrapped), PyRef(arguments[1].unsafelyUnwrapped))
      return result < 0 ? nil : newBool(result == 1)
    }
    return nil
  }

  /// Finds the built-ins of ``specializedCall(_:_:count:handled:)`` (once `builtins`
  /// exists). They are kept alive (a reference each): a program may replace
  /// `builtins.len`, and a new object must never be mistaken for a freed one.
  func findSpecializedCallTargets() {
    func keep(_ object: PyRef?) -> UnsafeMutableRawPointer? {
      object?.incref()
      return object?.raw
    }
    if let dict = state.pointee.types.list.record.pointee.dict {
      state.pointee.typeCache.listAppend = keep(dictGetItem(PyRef(dict), named: "append"))
    }
    if let builtins = state.pointee.interpreter.builtins {
      state.pointee.typeCache.builtinLen = keep(dictGetItem(PyRef(builtins), named: "len"))
      state.pointee.typeCache.builtinIsInstance = keep(dictGetItem(PyRef(builtins), named: "isinstance"))
    }
  }

  /// Float comparisons between exact floats (`COMPARE_OP_FLOAT_JUMP`'s test).
  @inline(__always)
  func fastFloatCompare(_ a: PyRef, _ b: PyRef, _ op: UInt32) -> PyRef? {
    let floatType = state.pointee.types.float!
    guard a.type == floatType, b.type == floatType else { return nil }
    let x = FloatObject.value(a), y = FloatObject.value(b)
    let result: Bool
    switch op {
    case 0: result = x < y
    case 1: result = x <= y
    case 2: result = x == y
    case 3: result = x != y
    case 4: result = x > y
    default: result = x >= y
    }
    return newBool(result)
  }

  /// `FOR_ITER`'s next: list and tuple iterators inline, everything else through the slot.
  @inline(__always)
  func iterNextFast(_ iterator: PyRef) -> PyRef? {
    guard let slot = iterator.type.record.pointee.iterNext else {
      raise("TypeError", "'\(iterator.type.name)' object is not an iterator")
      return nil
    }
    if let item = slot(iterator.raw, raw) { return PyRef(item) }
    if hasError, exceptionMatches("StopIteration") { clearError() }
    return nil
  }

  /// A tuple taking over `count` references from the stack.
  /// A tuple taking over `count` references from the stack (``allocateTuple(_:type:)`` and
  /// ``finishTuple(_:)``, with the pointers moved rather than copied).
  func newTupleStealing(_ items: UnsafeMutablePointer<UnsafeMutableRawPointer?>, count: Int) -> PyRef? {
    guard let tuple = allocateTuple(count) else {
      for index in 0..<count { decref(PyRef(items[index])) }
      return nil
    }
    if count > 0 { TupleObject.items(tuple).update(from: items, count: count) }
    return finishTuple(tuple)
  }

  /// A list taking over `count` references from the stack.
  func newListStealing(_ items: UnsafeMutablePointer<UnsafeMutableRawPointer?>, count: Int) -> PyRef? {
    guard let list = newList() else {
      for index in 0..<count { decref(PyRef(items[index])) }
      return nil
    }
    var ok = true
    for index in 0..<count {
      let item = PyRef(items[index].unsafelyUnwrapped)
      if ok { ok = listAppend(list, item) }
      decref(item)
    }
    if !ok { decref(list); return nil }
    return list
  }

  /// A set of `count` stack values (references released).
  func newSetFrom(_ items: UnsafeMutablePointer<UnsafeMutableRawPointer?>, count: Int) -> PyRef? {
    let set = newSet(nil)
    var ok = set != nil
    for index in 0..<count {
      let item = PyRef(items[index].unsafelyUnwrapped)
      if ok { ok = setAdd(set.unsafelyUnwrapped, item) }
      decref(item)
    }
    if !ok { decref(set); return nil }
    return set
  }

  /// `{k1: v1, …}` from `count` key/value pairs on the stack (references released).
  func newDictFrom(pairs: UnsafeMutablePointer<UnsafeMutableRawPointer?>, count: Int) -> PyRef? {
    let dict = newDict()
    var ok = dict != nil
    for index in 0..<count {
      let key = PyRef(pairs[2 * index].unsafelyUnwrapped), value = PyRef(pairs[2 * index + 1].unsafelyUnwrapped)
      if ok { ok = dictSetItem(dict!, key, value) }
      decref(key)
      decref(value)
    }
    if !ok { decref(dict); return nil }
    return dict
  }

  /// `BUILD_CONST_KEY_MAP`: keys from a tuple, values from the stack (released).
  func newDictFrom(keys: PyRef, values: UnsafeMutablePointer<UnsafeMutableRawPointer?>, count: Int) -> PyRef? {
    let dict = newDict()
    var ok = dict != nil
    for index in 0..<count {
      let value = PyRef(values[index].unsafelyUnwrapped)
      if ok { ok = dictSetItem(dict!, TupleObject.item(keys, index)!, value) }
      decref(value)
    }
    decref(keys)
    if !ok { decref(dict); return nil }
    return dict
  }

  /// `BUILD_STRING`: concatenates `count` strs from the stack (released).
  func joinStrings(_ items: UnsafeMutablePointer<UnsafeMutableRawPointer?>, count: Int) -> PyRef? {
    var codePoints: [UInt32] = []
    for index in 0..<count {
      let text = PyRef(items[index].unsafelyUnwrapped)
      codePoints += StrObject.codePoints(text)
      decref(text)
    }
    return newStr(codePoints: codePoints)
  }

  /// `dict.update(other)` for `{**a}`: "'int' object is not a mapping".
  func dictUpdate(_ dict: PyRef, _ other: PyRef) -> Bool {
    // `PyDict_Update`: a dict source is merged (sized once, or cloned into an empty dict).
    if other.type.record.pointee.kind == .dict { return dictMerge(dict, other, override: 1) }
    guard let keys = getOptionalAttribute(other, "keys") else {
      if !hasError { raise("TypeError", "'\(other.type.name)' object is not a mapping") }
      return false
    }
    defer { decref(keys) }
    guard let keyList = call(keys, []) else { return false }
    defer { decref(keyList) }
    return forEach(keyList) { key in
      guard let value = getItem(other, key) else { return false }
      defer { decref(value) }
      return dictSetItem(dict, key, value)
    }
  }

  /// `f(**kwargs)`: like ``dictUpdate(_:_:)``, but a repeated key is an error.
  func dictMerge(_ dict: PyRef, _ other: PyRef, callable: PyRef) -> Bool {
    let name = calleeName(callable)
    guard other.type.record.pointee.kind == .dict || hasAttributeOnType(other, "keys") else {
      raise("TypeError", "\(name) argument after ** must be a mapping, not \(other.type.name)")
      return false
    }
    guard let staging = newDict() else { return false }
    defer { decref(staging) }
    guard dictUpdate(staging, other) else { return false }
    for (key, value) in dictItems(staging) {
      if dictGetItem(dict, key) != nil {
        if isInstance(key, state.pointee.types.str) {
          raise("TypeError", "\(name) got multiple values for keyword argument '\(StrObject.string(key))'")
        } else {
          raise("TypeError", "keywords must be strings")
        }
        return false
      }
      guard dictSetItem(dict, key, value) else { return false }
    }
    return true
  }

  func hasAttributeOnType(_ object: PyRef, _ name: String) -> Bool { lookup(object.type, name) != nil }

  /// `UNPACK_SEQUENCE n`: writes the items to `target[0..<n]` last first (the first item
  /// ends on top of the stack).
  func unpackSequence(_ sequence: PyRef, count: Int, into target: UnsafeMutablePointer<UnsafeMutableRawPointer?>) -> Bool {
    guard sequence.type.record.pointee.iter != nil || sequence.type.record.pointee.getItem != nil else {
      raise("TypeError", "cannot unpack non-iterable \(sequence.type.name) object")
      return false
    }
    // Exact tuples and lists: the items straight from the object
    // (`UNPACK_SEQUENCE_TUPLE`, `UNPACK_SEQUENCE_LIST`).
    let kind = sequence.type.record.pointee.kind
    if (kind == .tuple && sequence.type == state.pointee.types.tuple)
        || (kind == .list && sequence.type == state.pointee.types.list) {
      let size = kind == .tuple ? TupleObject.count(sequence) : ListObject.count(sequence)
      if size == count {
        guard count > 0 else { return true }
        let items = kind == .tuple ? TupleObject.items(sequence) : ListObject.items(sequence).unsafelyUnwrapped
        for index in 0..<count {
          let item = PyRef(items[index].unsafelyUnwrapped)
          item.incref()
          target[count - 1 - index] = item.raw
        }
        return true
      }
      if size < count {
        raise("ValueError", "not enough values to unpack (expected \(count), got \(size))")
      } else {
        raise("ValueError", "too many values to unpack (expected \(count))")
      }
      return false
    }
    guard let iterator = iter(sequence) else { return false }
    defer { decref(iterator) }
    // The items go straight to their stack slots, first item deepest.
    var taken = 0
    func releaseTaken() { for index in 0..<taken { decref(PyRef(target[count - 1 - index])) } }
    while taken < count, let item = next(iterator) {
      target[count - 1 - taken] = item.raw
      taken += 1
    }
    if hasError { releaseTaken(); return false }
    if taken < count {
      releaseTaken()
      raise("ValueError", "not enough values to unpack (expected \(count), got \(taken))")
      return false
    }
    if let extra = next(iterator) {
      decref(extra)
      releaseTaken()
      raise("ValueError", "too many values to unpack (expected \(count))")
      return false
    }
    if hasError { releaseTaken(); return false }
    return true
  }

  /// `UNPACK_EX`: `before` items, a list of the middle, `after` items; first on top.
  func unpackStarred(_ sequence: PyRef, before: Int, after: Int, into target: UnsafeMutablePointer<UnsafeMutableRawPointer?>) -> Bool {
    guard sequence.type.record.pointee.iter != nil || sequence.type.record.pointee.getItem != nil else {
      raise("TypeError", "cannot unpack non-iterable \(sequence.type.name) object")
      return false
    }
    guard let items = collectItems(sequence) else { return false }
    guard items.count >= before + after else {
      for item in items { decref(item) }
      raise("ValueError", "not enough values to unpack (expected at least \(before + after), got \(items.count))")
      return false
    }
    guard let middle = newList() else { for item in items { decref(item) }; return false }
    for item in items[before..<(items.count - after)] {
      listAppend(middle, item)
      decref(item)
    }
    var ordered: [PyRef] = Array(items[0..<before])
    ordered.append(middle)
    ordered += items[(items.count - after)...]
    let total = ordered.count
    for (index, item) in ordered.enumerated() { target[total - 1 - index] = item.raw }
    return true
  }
}
