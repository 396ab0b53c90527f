import PyCompiler

/// The protocol slots of `list`: repr, comparison, `len`, subscripts (ints, slices, extended
/// slices, assignment and deletion), `in`, `+`, `*`, `+=`, `*=`, truth.
/// CPython: Objects/listobject.c.
extension ListObject {
  static func isList(_ object: PyRef, _ rt: RuntimeRef) -> Bool { object.type.record.pointee.kind == .list }

  static let length: Slot.Length = { raw, _ in PyRef(raw).size }

  static let isTrue: Slot.Predicate = { raw, _ in PyRef(raw).size != 0 ? 1 : 0 }

  /// `[1, 2]`, `[]`, and `[...]` for a list inside its own repr.
  static let repr: Slot.Unary = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let list = PyRef(raw)
    if list.size == 0 { return rt.newStr("[]")?.raw }
    guard rt.reprEnter(list) else { return rt.newStr("[...]")?.raw }
    defer { rt.reprLeave(list) }
    var builder = TextBuilder(capacity: 2 * list.size + 1)
    builder.append("[")
    var index = 0
    // The list may change under the items' reprs: re-read the size each time.
    while index < list.size {
      if index > 0 { builder.append(", ") }
      let item = PyRef(storage(list)[index].unsafelyUnwrapped)
      item.incref()
      let ok = builder.appendRepr(item, rt)
      rt.decref(item)
      guard ok else {
        builder.discard(rt)
        return nil
      }
      index += 1
    }
    builder.append("]")
    return builder.finish(rt)?.raw
  }

  static let richCompare: Slot.RichCompare = { a, b, op, runtime in
    let rt = RuntimeRef(raw: runtime)
    guard isList(PyRef(a), rt), isList(PyRef(b), rt) else { return rt.newNotImplemented().raw }
    return rt.compareSequences(PyRef(a), PyRef(b), ComparisonOperator.fromRaw(op), sizeShortcut: true) {
      ListObject.items($0)
    }?.raw
  }

  static let contains: Slot.Contains = { raw, itemRaw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let list = PyRef(raw), target = PyRef(itemRaw)
    var index = 0
    while index < list.size {
      let item = PyRef(storage(list)[index].unsafelyUnwrapped)
      item.incref()
      let same = rt.richCompareBool(item, target, .equal)
      rt.decref(item)
      if same != 0 { return same }
      index += 1
    }
    return 0
  }

  /// `list[i]`, `list[a:b:c]`.
  static let getItem: Slot.GetItem = { raw, keyRaw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let list = PyRef(raw), key = PyRef(keyRaw)
    if rt.hasIntLayout(key) || (key.type.record.pointee.kind != .slice && rt.supportsIndex(key)) {
      guard var index = rt.indexInteger(key, overflow: "IndexError") else { return nil }
      if index < 0 { index += list.size }
      guard index >= 0 && index < list.size else {
        rt.raise("IndexError", "list index out of range")
        return nil
      }
      let item = storage(list)[index].unsafelyUnwrapped
      PyRef(item).incref()
      return item
    }
    if key.type.record.pointee.kind == .slice {
      guard let (start, _, step, count) = rt.adjustedSliceIndices(key, length: list.size) else { return nil }
      if count <= 0 { return rt.newList()?.raw }
      if step == 1 { return rt.listSlice(list, start, count)?.raw }
      guard let result = rt.newList(count: count) else { return nil }
      let source = storage(list), target = storage(result)
      var current = start
      for index in 0..<count {
        let item = source[current]
        PyRef(item.unsafelyUnwrapped).incref()
        target[index] = item
        current += step
      }
      return result.raw
    }
    rt.raise("TypeError", "list indices must be integers or slices, not \(key.type.name)")
    return nil
  }

  /// `list[i] = x`, `list[a:b] = iterable`, `list[a:b:c] = sequence`, and their `del`.
  static let setItem: Slot.SetItem = { raw, keyRaw, valueRaw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let list = PyRef(raw), key = PyRef(keyRaw), value = PyRef(valueRaw)
    if rt.hasIntLayout(key) || (key.type.record.pointee.kind != .slice && rt.supportsIndex(key)) {
      guard var index = rt.indexInteger(key, overflow: "IndexError") else { return -1 }
      if index < 0 { index += list.size }
      guard index >= 0 && index < list.size else {
        rt.raise("IndexError", "list assignment index out of range")
        return -1
      }
      guard let value else { return rt.listAssignSlice(list, index, index + 1, nil) ? 0 : -1 }
      rt.listSetItem(list, index, value)
      return 0
    }
    if key.type.record.pointee.kind == .slice {
      guard var (start, stop, step) = rt.unpackSlice(key) else { return -1 }
      let count = SliceObject.adjustIndices(length: list.size, start: &start, stop: &stop, step: step)
      if step == 1 { return rt.listAssignSlice(list, start, stop, value) ? 0 : -1 }
      return rt.listAssignExtendedSlice(list, start: start, stop: stop, step: step, count: count, value) ? 0 : -1
    }
    rt.raise("TypeError", "list indices must be integers or slices, not \(key.type.name)")
    return -1
  }

  /// `+` (lists only), `*` (either side), `+=` (any iterable), `*=`.
  static let binary: Slot.Binary = { a, b, op, runtime in
    let rt = RuntimeRef(raw: runtime)
    let left = PyRef(a), right = PyRef(b)
    switch op {
    case UInt32(BinaryOperator.add.rawValue):
      guard isList(left, rt), isList(right, rt) else { return rt.newNotImplemented().raw }
      return rt.listConcat(left, right)?.raw
    case UInt32(BinaryOperator.multiply.rawValue):
      switch rt.repeatOperands(left, right, isSequence: { isList($0, rt) }) {
      case .notImplemented: return rt.newNotImplemented().raw
      case .failure: return nil
      case .repeat(let list, let n): return rt.listRepeat(list, n)?.raw
      }
    case UInt32(BinaryOperator.add.rawValue) + BinaryOperator.inplaceOffset:
      guard isList(left, rt) else { return rt.newNotImplemented().raw }
      guard rt.listExtend(left, right) else { return nil }
      left.incref()
      return a
    case UInt32(BinaryOperator.multiply.rawValue) + BinaryOperator.inplaceOffset:
      guard isList(left, rt), rt.supportsIndex(right) else { return rt.newNotImplemented().raw }
      guard let n = rt.indexInteger(right, overflow: "OverflowError") else { return nil }
      guard rt.listInplaceRepeat(left, n) else { return nil }
      left.incref()
      return a
    default:
      return rt.newNotImplemented().raw
    }
  }
}

extension RuntimeRef {
  /// `a + b` for two lists: a new exact list, its array exactly as long as the result.
  func listConcat(_ a: PyRef, _ b: PyRef) -> PyRef? {
    let (total, overflow) = a.size.addingReportingOverflow(b.size)
    guard !overflow else { raise("MemoryError"); return nil }
    guard let result = newList(count: total) else { return nil }
    guard total > 0 else { return result }
    let target = ListObject.storage(result)
    if a.size > 0 { RuntimeRef.copyItems(ListObject.storage(a), to: target, count: a.size) }
    if b.size > 0 { RuntimeRef.copyItems(ListObject.storage(b), to: target + a.size, count: b.size) }
    return result
  }

  /// `list * n` (`n` already clamped at 0).
  func listRepeat(_ list: PyRef, _ n: Int) -> PyRef? {
    let size = list.size
    if n > 0 && size > Int.max / 8 / n { raise("MemoryError"); return nil }
    let total = size * n
    guard let result = newList(count: total) else { return nil }
    guard total > 0 else { return result }
    let source = ListObject.storage(list), target = ListObject.storage(result)
    var position = 0
    for _ in 0..<n {
      for index in 0..<size {
        PyRef(source[index].unsafelyUnwrapped).incref()
        target[position] = source[index]
        position += 1
      }
    }
    return result
  }

  /// `list *= n`.
  func listInplaceRepeat(_ list: PyRef, _ n: Int) -> Bool {
    let size = list.size
    if size == 0 || n == 1 { return true }
    if n < 1 {
      listClear(list)
      return true
    }
    if size > Int.max / 8 / n { raise("MemoryError"); return false }
    guard listResize(list, size * n) else { return false }
    let items = ListObject.storage(list)
    var position = size
    for _ in 1..<n {
      for index in 0..<size {
        PyRef(items[index].unsafelyUnwrapped).incref()
        items[position] = items[index]
        position += 1
      }
    }
    return true
  }

  /// `list[low:high] = value` (nil deletes), `list_ass_slice`: any iterable, any length.
  /// The replaced items are released last, last to first.
  func listAssignSlice(_ list: PyRef, _ lowBound: Int, _ highBound: Int, _ value: PyRef?) -> Bool {
    var source: PyRef?
    if let value {
      // `a[:] = a` must read the old items: copy first.
      source = value == list ? listSlice(list, 0, list.size) : sequenceFast(value, "can only assign an iterable")
      guard source != nil else { return false }
    }
    defer { decref(source) }
    let (newItems, n) = source.map { fastItems($0) } ?? (nil, 0)
    let size = list.size
    let low = min(max(lowBound, 0), size)
    let high = min(max(highBound, low), size)
    let removed = high - low
    let delta = n - removed
    if size + delta == 0 {
      listClear(list)
      return true
    }
    // Keep the replaced items until the end: releasing them may run code that looks at
    // the list.
    let recycle = removed > 0 ? UnsafeMutablePointer<UnsafeMutableRawPointer?>.allocate(capacity: removed) : nil
    defer { recycle?.deallocate() }
    if removed > 0 { ItemArray.move(recycle!, from: ListObject.storage(list) + low, count: removed) }
    if delta < 0 {
      let items = ListObject.storage(list)
      ItemArray.move(items + high + delta, from: items + high, count: size - high)
      guard listResize(list, size + delta) else { return false }
    } else if delta > 0 {
      guard listResize(list, size + delta) else { return false }
      let items = ListObject.storage(list)
      ItemArray.move(items + high + delta, from: items + high, count: size - high)
    }
    if n > 0 {
      let items = ListObject.storage(list)
      for index in 0..<n {
        let item = newItems.unsafelyUnwrapped[index]
        PyRef(item.unsafelyUnwrapped).incref()
        items[low + index] = item
      }
    }
    var index = removed
    while index > 0 {
      index -= 1
      decref(PyRef(recycle![index]))
    }
    return true
  }

  /// `list[start:stop:step] = sequence` (same length) or `del list[start:stop:step]`.
  func listAssignExtendedSlice(_ list: PyRef, start: Int, stop: Int, step: Int, count: Int, _ value: PyRef?) -> Bool {
    guard let value else {
      guard count > 0 else { return true }
      var start = start, step = step
      if step < 0 {
        start = start + step * (count - 1)
        step = -step
      }
      let garbage = UnsafeMutablePointer<UnsafeMutableRawPointer?>.allocate(capacity: count)
      defer { garbage.deallocate() }
      let items = ListObject.storage(list)
      let size = list.size
      // Move the items that stay over the ones that go, run by run.
      var current = start
      for index in 0..<count {
        garbage[index] = items[current]
        var runLength = step - 1
        if current + step >= size { runLength = size - current - 1 }
        ItemArray.move(items + current - index, from: items + current + 1, count: runLength)
        current += step
      }
      current = start + count * step
      if current < size { ItemArray.move(items + current - count, from: items + current, count: size - current) }
      list.size = size - count
      if !listResize(list, list.size) { clearError() }
      for index in 0..<count { decref(PyRef(garbage[index])) }
      return true
    }
    guard let sequence = value == list ? listSlice(list, 0, list.size)
                                       : sequenceFast(value, "must assign iterable to extended slice") else { return false }
    defer { decref(sequence) }
    let (newItems, n) = fastItems(sequence)
    guard n == count else {
      raise("ValueError", "attempt to assign sequence of size \(n) to extended slice of size \(count)")
      return false
    }
    guard count > 0 else { return true }
    let garbage = UnsafeMutablePointer<UnsafeMutableRawPointer?>.allocate(capacity: count)
    defer { garbage.deallocate() }
    let items = ListObject.storage(list)
    var current = start
    for index in 0..<count {
      garbage[index] = items[current]
      let item = newItems.unsafelyUnwrapped[index]
      PyRef(item.unsafelyUnwrapped).incref()
      items[current] = item
      current += step
    }
    for index in 0..<count { decref(PyRef(garbage[index])) }
    return true
  }

  /// `list.extend(iterable)` (also `+=` and `list(iterable)`): exact lists and tuples (and
  /// the list itself) are copied directly; anything else is iterated, with room made first
  /// from its length hint and the unused part given back after, as CPython does.
  @discardableResult
  public func listExtend(_ list: PyRef, _ iterable: PyRef) -> Bool {
    let listType = state.pointee.types.list!, tupleType = state.pointee.types.tuple!
    if iterable.type == listType || iterable.type == tupleType || iterable == list {
      let n = iterable.size
      if n == 0 { return true }
      let m = list.size
      if ListObject.items(list) == nil {
        guard listPreallocateExact(list, n) else { return false }
        list.size = n
      } else {
        guard listResize(list, m + n) else { return false }
      }
      let source = fastItems(iterable).items.unsafelyUnwrapped
      let target = ListObject.storage(list) + m
      for index in 0..<n {
        PyRef(source[index].unsafelyUnwrapped).incref()
        target[index] = source[index]
      }
      return true
    }
    guard let iterator = iter(iterable) else { return false }
    defer { decref(iterator) }
    let hint = lengthHint(iterable, fallback: 8)
    if hint < 0 { return false }
    let m = list.size
    if m <= Int.max - hint {
      if ListObject.items(list) == nil {
        if hint > 0 { guard listPreallocateExact(list, hint) else { return false } }
      } else {
        guard listResize(list, m + hint) else { return false }
        list.size = m
      }
    }
    let iterNext = iterator.type.record.pointee.iterNext.unsafelyUnwrapped
    while true {
      guard let raw = iterNext(iterator.raw, self.raw) else {
        if hasError {
          guard exceptionMatches("StopIteration") else { return false }
          clearError()
        }
        break
      }
      let count = list.size
      if count < ListObject.allocated(list) {
        ListObject.storage(list)[count] = raw
        list.size = count + 1
      } else {
        let item = PyRef(raw)
        let ok = listAppend(list, item)
        decref(item)
        guard ok else { return false }
      }
    }
    if list.size < ListObject.allocated(list) { guard listResize(list, list.size) else { return false } }
    return true
  }
}
