import PyCompiler

/// The protocol slots of `array.array`: construction, repr, comparison, `len`, subscripts
/// (ints, slices, extended slices, assignment and deletion), `in`, `+`, `*`, `+=`, `*=`,
/// and iteration (`array.arrayiterator`). CPython: Modules/arraymodule.c (`array_new`,
/// `array_repr`, `array_richcompare`, `array_subscr`, `array_ass_subscr`, `array_concat`,
/// `array_repeat`, `arrayiter_next`).
extension ArrayObject {
  /// `array(typecode[, initializer])`.
  static let new: Slot.VectorCall = { typeRaw, argv, count, names, runtime in
    let rt = RuntimeRef(raw: runtime)
    let type = PyType(typeRaw)
    let args = Arguments(runtime, argv, count, names)
    if args.keywordCount > 0 && type == rt.state.pointee.types.byName["array.array"] {
      rt.raise("TypeError", "array.array() takes no keyword arguments")
      return nil
    }
    guard count >= 1 else {
      rt.raise("TypeError", "array() takes at least 1 argument (0 given)")
      return nil
    }
    guard count <= 2 else {
      rt.raise("TypeError", "array() takes at most 2 arguments (\(count) given)")
      return nil
    }
    let first = args[0]
    guard rt.isInstance(first, rt.state.pointee.types.str), StrObject.string(first).unicodeScalars.count == 1 else {
      rt.raise("TypeError", "array() argument 1 must be a unicode character, not \(first.type.name)")
      return nil
    }
    let scalar = StrObject.string(first).unicodeScalars.first!.value
    let initial: PyRef? = count == 2 ? args[1] : nil
    guard scalar < 128, typecodes.contains(UInt8(scalar)) else {
      rt.raise("ValueError", "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
      return nil
    }
    let code = UInt8(scalar)
    let isUnicode = code == UInt8(ascii: "u")
    if let initial, !isUnicode {
      if rt.isInstance(initial, rt.state.pointee.types.str) {
        rt.raise("TypeError", "cannot use a str to initialize an array with typecode '\(typecodeString(code))'")
        return nil
      }
      if rt.isArray(initial) && ArrayObject.typecode(initial) == UInt8(ascii: "u") {
        rt.raise("TypeError", "cannot use a unicode array to initialize an array with typecode '\(typecodeString(code))'")
        return nil
      }
    }
    guard let initial else { return rt.newArray(type, typecode: code, count: 0)?.raw }
    let kind = initial.type.record.pointee.kind
    if kind == .list || kind == .tuple {
      let length = initial.size
      guard let array = rt.newArray(type, typecode: code, count: length) else { return nil }
      let items = kind == .list ? ListObject.storage(initial) : TupleObject.items(initial)
      for index in 0..<min(length, initial.size) {
        guard rt.arraySetItem(array, index, PyRef(items[index]!)) else {
          rt.decref(array)
          return nil
        }
      }
      return array.raw
    }
    if kind == .bytes || kind == .bytearray {
      guard let array = rt.newArray(type, typecode: code, count: 0) else { return nil }
      guard let bytes = rt.bytesLikeContents(initial), rt.arrayAppendBytes(array, bytes) else {
        rt.decref(array)
        return nil
      }
      return array.raw
    }
    if isUnicode && rt.isInstance(initial, rt.state.pointee.types.str) {
      let scalars = Array(StrObject.string(initial).unicodeScalars)
      guard let array = rt.newArray(type, typecode: code, count: scalars.count) else { return nil }
      for (index, scalar) in scalars.enumerated() { rt.storeArrayBits(array, index, UInt64(scalar.value)) }
      return array.raw
    }
    if rt.isArray(initial) && ArrayObject.typecode(initial) == code {
      guard let array = rt.newArray(type, typecode: code, count: initial.size) else { return nil }
      if initial.size > 0 {
        items(array)!.copyMemory(from: items(initial)!, byteCount: initial.size * itemSize(code))
      }
      return array.raw
    }
    guard let iterator = rt.iter(initial) else { return nil }
    defer { rt.decref(iterator) }
    guard let array = rt.newArray(type, typecode: code, count: 0) else { return nil }
    guard rt.arrayExtendIterable(array, iterator) else {
      rt.decref(array)
      return nil
    }
    return array.raw
  }

  /// `array('i', [1, 2])`, `array('u', 'text')`, `array('d')`; a subclass shows its name.
  static let repr: Slot.Unary = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let array = PyRef(raw)
    let fullName = array.type.name
    let name = fullName.split(separator: ".").last.map(String.init) ?? fullName
    let code = typecodeString(typecode(array))
    if array.size == 0 { return rt.newStr("\(name)('\(code)')")?.raw }
    guard let contents = typecode(array) == UInt8(ascii: "u") ? rt.arrayToUnicode(array) : rt.arrayToList(array) else {
      return nil
    }
    defer { rt.decref(contents) }
    guard let text = rt.reprString(contents) else { return nil }
    return rt.newStr("\(name)('\(code)', \(text))")?.raw
  }

  static let length: Slot.Length = { raw, _ in PyRef(raw).size }

  /// Arrays compare item by item as Python objects (so `array('i', [1]) == array('d',
  /// [1.0])`); anything else is NotImplemented.
  static let richCompare: Slot.RichCompare = { a, b, op, runtime in
    let rt = RuntimeRef(raw: runtime)
    let left = PyRef(a), right = PyRef(b)
    guard rt.isArray(left), rt.isArray(right) else { return rt.newNotImplemented().raw }
    let comparison = ComparisonOperator(rawValue: UInt8(op))!
    if left.size != right.size && (comparison == .equal || comparison == .notEqual) {
      return rt.newBool(comparison == .notEqual).raw
    }
    var index = 0
    while index < left.size && index < right.size {
      guard let x = rt.arrayItem(left, index) else { return nil }
      defer { rt.decref(x) }
      guard let y = rt.arrayItem(right, index) else { return nil }
      defer { rt.decref(y) }
      let same = rt.richCompareBool(x, y, .equal)
      if same < 0 { return nil }
      if same == 0 {
        if comparison == .equal { return rt.newBool(false).raw }
        if comparison == .notEqual { return rt.newBool(true).raw }
        return rt.richCompare(x, y, comparison)?.raw
      }
      index += 1
    }
    let (x, y) = (left.size, right.size)
    let result: Bool
    switch comparison {
    case .lessThan: result = x < y
    case .lessOrEqual: result = x <= y
    case .equal: result = x == y
    case .notEqual: result = x != y
    case .greaterThan: result = x > y
    case .greaterOrEqual: result = x >= y
    }
    return rt.newBool(result).raw
  }

  static let contains: Slot.Contains = { raw, itemRaw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let array = PyRef(raw), target = PyRef(itemRaw)
    var index = 0
    while index < array.size {
      guard let item = rt.arrayItem(array, index) else { return -1 }
      let same = rt.richCompareBool(item, target, .equal)
      rt.decref(item)
      if same != 0 { return same }
      index += 1
    }
    return 0
  }

  /// `array[i]`, `array[a:b:c]` (a new array).
  static let getItem: Slot.GetItem = { raw, keyRaw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let array = PyRef(raw), key = PyRef(keyRaw)
    if key.type.record.pointee.kind == .slice {
      guard let (start, _, step, count) = rt.adjustedSliceIndices(key, length: array.size) else { return nil }
      let size = itemSize(of: array)
      if step == 1 {
        return rt.newArray(like: array, copying: count > 0 ? items(array)! + start * size : nil, count: max(count, 0))?.raw
      }
      guard let result = rt.newArray(like: array, copying: nil, count: max(count, 0)) else { return nil }
      let source = items(array), target = items(result)
      var current = start
      for index in 0..<max(count, 0) {
        (target! + index * size).copyMemory(from: source! + current * size, byteCount: size)
        current += step
      }
      return result.raw
    }
    guard rt.supportsIndex(key) else {
      rt.raise("TypeError", "array indices must be integers")
      return nil
    }
    guard var index = rt.indexInteger(key, overflow: "IndexError") else { return nil }
    if index < 0 { index += array.size }
    guard index >= 0 && index < array.size else {
      rt.raise("IndexError", "array index out of range")
      return nil
    }
    return rt.arrayItem(array, index)?.raw
  }

  /// `array[i] = x`, `array[a:b:c] = other_array`, and `del` of either.
  static let setItem: Slot.SetItem = { raw, keyRaw, valueRaw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let array = PyRef(raw), key = PyRef(keyRaw), value = PyRef(valueRaw)
    if key.type.record.pointee.kind != .slice {
      guard rt.supportsIndex(key) else {
        rt.raise("TypeError", "array indices must be integers")
        return -1
      }
      guard var index = rt.indexInteger(key, overflow: "IndexError") else { return -1 }
      if index < 0 { index += array.size }
      guard index >= 0 && index < array.size else {
        rt.raise("IndexError", "array assignment index out of range")
        return -1
      }
      guard let value else { return rt.arrayDeleteSlice(array, index, index + 1) ? 0 : -1 }
      return rt.arraySetItem(array, index, value) ? 0 : -1
    }
    guard var (start, stop, step) = rt.unpackSlice(key) else { return -1 }
    let count = SliceObject.adjustIndices(length: array.size, start: &start, stop: &stop, step: step)
    return rt.arrayAssignSlice(array, start: start, stop: stop, step: step, count: count, value) ? 0 : -1
  }

  /// `+` (two arrays of one typecode), `*` (either side), `+=`, `*=`. A non-array operand
  /// gets CPython's sequence messages unless its type may handle the operation itself.
  static let binary: Slot.Binary = { a, b, op, runtime in
    let rt = RuntimeRef(raw: runtime)
    let left = PyRef(a), right = PyRef(b)
    let add = UInt32(BinaryOperator.add.rawValue), multiply = UInt32(BinaryOperator.multiply.rawValue)
    switch op {
    case add, add + BinaryOperator.inplaceOffset:
      guard rt.isArray(left) else { return rt.newNotImplemented().raw }
      guard rt.isArray(right) else {
        if definesInPython(rt, right.type, "__radd__") { return rt.newNotImplemented().raw }
        let message = op == add ? "can only append array (not \"\(right.type.name)\") to array"
          : "can only extend array with array (not \"\(right.type.name)\")"
        rt.raise("TypeError", message)
        return nil
      }
      if op != add {
        guard rt.arrayExtendArray(left, right) else { return nil }
        left.incref()
        return a
      }
      guard typecode(left) == typecode(right) else {
        rt.raise("TypeError", "bad argument type for built-in operation")
        return nil
      }
      return rt.arrayConcat(left, right)?.raw
    case multiply:
      let (array, count) = rt.isArray(left) ? (left, right) : (right, left)
      guard rt.isArray(array) else { return rt.newNotImplemented().raw }
      guard rt.supportsIndex(count) else {
        if array == left && !definesInPython(rt, right.type, "__rmul__") {
          rt.raise("TypeError", "can't multiply sequence by non-int of type '\(right.type.name)'")
          return nil
        }
        return rt.newNotImplemented().raw
      }
      guard let n = rt.indexInteger(count, overflow: "OverflowError") else { return nil }
      return rt.arrayRepeat(array, max(n, 0))?.raw
    case multiply + BinaryOperator.inplaceOffset:
      guard rt.isArray(left), rt.supportsIndex(right) else { return rt.newNotImplemented().raw }
      guard let n = rt.indexInteger(right, overflow: "OverflowError") else { return nil }
      guard rt.arrayInplaceRepeat(left, n) else { return nil }
      left.incref()
      return a
    default:
      return rt.newNotImplemented().raw
    }
  }

  /// Whether a class written in Python gives `type` the reflected operator `name`, which
  /// must then get its chance before the sequence error (CPython tries `nb_*` slots first).
  static func definesInPython(_ rt: RuntimeRef, _ type: PyType, _ name: String) -> Bool {
    type.flags.contains(.heapType) && rt.lookup(type, name) != nil
  }

  // The iterator: the array and the next index.

  static let iteratorArrayOffset = 16
  static let iteratorIndexOffset = 24

  static let iterate: Slot.Unary = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    guard let iterator = rt.allocateIterator(rt.state.pointee.types.byName["array.arrayiterator"]!) else { return nil }
    IteratorSupport.store(iterator, PyRef(raw), at: iteratorArrayOffset)
    IteratorSupport.setWord(iterator, iteratorIndexOffset, 0)
    return rt.finishIterator(iterator).raw
  }

  static let iteratorNext: Slot.IterNext = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let iterator = PyRef(raw)
    guard let array = iterator.loadRef(at: iteratorArrayOffset) else { return nil }
    let index = IteratorSupport.word(iterator, iteratorIndexOffset)
    guard index < array.size else {
      iterator.storeRef(nil, at: iteratorArrayOffset)
      rt.decref(array)
      return nil
    }
    IteratorSupport.setWord(iterator, iteratorIndexOffset, index + 1)
    return rt.arrayItem(array, index)?.raw
  }

  static let iteratorDealloc: Slot.Dealloc = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let iterator = PyRef(raw)
    rt.untrack(iterator)
    IteratorSupport.release(iterator, fields: 1, rt)
    rt.freeObject(iterator)
  }

  static let iteratorTraverse: Slot.Traverse = { raw, visit, arg in IteratorSupport.visit(PyRef(raw), fields: 1, visit, arg) }

  static let iteratorClear: Slot.Clear = { raw, runtime in
    IteratorSupport.release(PyRef(raw), fields: 1, RuntimeRef(raw: runtime))
  }
}

extension RuntimeRef {
  /// `a + b` for two arrays of one typecode.
  func arrayConcat(_ a: PyRef, _ b: PyRef) -> PyRef? {
    guard let result = newArray(like: a, copying: nil, count: a.size + b.size) else { return nil }
    let size = ArrayObject.itemSize(of: a)
    if a.size > 0 { ArrayObject.items(result)!.copyMemory(from: ArrayObject.items(a)!, byteCount: a.size * size) }
    if b.size > 0 {
      (ArrayObject.items(result)! + a.size * size).copyMemory(from: ArrayObject.items(b)!, byteCount: b.size * size)
    }
    return result
  }

  /// `array * n` (n >= 0).
  func arrayRepeat(_ array: PyRef, _ n: Int) -> PyRef? {
    let count = array.size
    if n > 0 && count > Int.max / 8 / n {
      raise("MemoryError")
      return nil
    }
    guard let result = newArray(like: array, copying: nil, count: count * n) else { return nil }
    let bytes = count * ArrayObject.itemSize(of: array)
    if bytes > 0 {
      for copy in 0..<n { (ArrayObject.items(result)! + copy * bytes).copyMemory(from: ArrayObject.items(array)!, byteCount: bytes) }
    }
    return result
  }

  /// `array *= n`.
  func arrayInplaceRepeat(_ array: PyRef, _ n: Int) -> Bool {
    let count = array.size
    if count == 0 { return true }
    if n <= 0 { return arrayResize(array, 0) }
    if n == 1 { return true }
    if count > Int.max / 8 / n {
      raise("MemoryError")
      return false
    }
    guard arrayResize(array, count * n) else { return false }
    let bytes = count * ArrayObject.itemSize(of: array)
    let base = ArrayObject.items(array)!
    for copy in 1..<n { (base + copy * bytes).copyMemory(from: base, byteCount: bytes) }
    return true
  }

  /// Slice assignment and deletion (`array_ass_subscr`): the value must be an array of the
  /// same typecode; an extended slice must keep its length.
  func arrayAssignSlice(_ array: PyRef, start: Int, stop: Int, step: Int, count: Int, _ value: PyRef?) -> Bool {
    var needed = 0
    var other: PyRef? = nil
    if let value {
      guard isArray(value) else {
        raise("TypeError", "can only assign array (not \"\(value.type.name)\") to array slice")
        return false
      }
      guard ArrayObject.typecode(value) == ArrayObject.typecode(array) else {
        raise("TypeError", "bad argument type for built-in operation")
        return false
      }
      needed = value.size
      // `a[:] = a`: copy the source first.
      if value == array {
        guard let copy = newArray(like: value, copying: ArrayObject.items(value), count: value.size) else { return false }
        defer { decref(copy) }
        return arrayAssignSlice(array, start: start, stop: stop, step: step, count: count, copy)
      }
      other = value
    }
    let size = ArrayObject.itemSize(of: array)
    let length = array.size
    if step == 1 {
      let slice = max(count, 0)
      if slice > needed {
        let base = ArrayObject.items(array)!
        let tail = length - start - slice
        if tail > 0 { (base + (start + needed) * size).copyMemory(from: base + (start + slice) * size, byteCount: tail * size) }
        guard arrayResize(array, length - slice + needed) else { return false }
      } else if slice < needed {
        guard arrayResize(array, length + needed - slice) else { return false }
        let base = ArrayObject.items(array)!
        let tail = length - start - slice
        if tail > 0 { (base + (start + needed) * size).copyMemory(from: base + (start + slice) * size, byteCount: tail * size) }
      }
      if needed > 0, let other {
        (ArrayObject.items(array)! + start * size).copyMemory(from: ArrayObject.items(other)!, byteCount: needed * size)
      }
      return true
    }
    if other == nil {
      // Delete an extended slice: keep the items not selected, in order.
      if count <= 0 { return true }
      var (low, highStep) = (start, step)
      if step < 0 {
        low = start + step * (count - 1)
        highStep = -step
      }
      let base = ArrayObject.items(array)!
      var write = low, read = low
      var nextRemoved = low, removed = 0
      while read < length {
        if removed < count && read == nextRemoved {
          removed += 1
          nextRemoved += highStep
        } else {
          (base + write * size).copyMemory(from: base + read * size, byteCount: size)
          write += 1
        }
        read += 1
      }
      return arrayResize(array, length - count)
    }
    guard needed == count else {
      raise("ValueError", "attempt to assign array of size \(needed) to extended slice of size \(count)")
      return false
    }
    let base = ArrayObject.items(array)!, source = ArrayObject.items(other!)
    var current = start
    for index in 0..<max(count, 0) {
      (base + current * size).copyMemory(from: source! + index * size, byteCount: size)
      current += step
    }
    return true
  }

  /// Appends raw machine bytes (`frombytes`): ValueError when they are not whole items.
  func arrayAppendBytes(_ array: PyRef, _ bytes: [UInt8]) -> Bool {
    let size = ArrayObject.itemSize(of: array)
    guard bytes.count % size == 0 else {
      raise("ValueError", "bytes length not a multiple of item size")
      return false
    }
    let added = bytes.count / size, count = array.size
    if added == 0 { return true }
    guard arrayResize(array, count + added) else { return false }
    bytes.withUnsafeBytes { (ArrayObject.items(array)! + count * size).copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
    return true
  }

  /// `array.tolist()`.
  func arrayToList(_ array: PyRef) -> PyRef? {
    guard let list = newList() else { return nil }
    for index in 0..<array.size {
      guard let item = arrayItem(array, index) else {
        decref(list)
        return nil
      }
      defer { decref(item) }
      guard listAppend(list, item) else {
        decref(list)
        return nil
      }
    }
    return list
  }

  /// `array.tounicode()` for a 'u' array.
  func arrayToUnicode(_ array: PyRef) -> PyRef? {
    var text = String.UnicodeScalarView()
    let base = ArrayObject.items(array)
    for index in 0..<array.size {
      let code = base!.load(fromByteOffset: index * 4, as: UInt32.self)
      guard let scalar = Unicode.Scalar(code) else {
        raise("ValueError", "character U+\(String(code, radix: 16)) is not in range [U+0000; U+10ffff]")
        return nil
      }
      text.append(scalar)
    }
    return newStr(String(text))
  }
}
