import PyCompiler

/// The protocol slots of bytes and its constructor.
/// CPython: Objects/bytesobject.c (`bytes_richcompare`, `bytes_subscript`,
/// `bytes_contains`, `bytes_concat`, `bytes_repeat`, `bytes_new_impl`).
enum BytesSlots {
  static let richCompare: Slot.RichCompare = { a, b, op, runtime in
    let rt = RuntimeRef(raw: runtime)
    let left = PyRef(a), right = PyRef(b)
    guard left.type.record.pointee.kind == .bytes, right.type.record.pointee.kind == .bytes else {
      return rt.newNotImplemented().raw
    }
    let op = ComparisonOperator.fromRaw(op)
    switch op {
    case .equal: return rt.newBool(BytesObject.equals(left, right)).raw
    case .notEqual: return rt.newBool(!BytesObject.equals(left, right)).raw
    default: return rt.newBool(op.holds(BytesObject.compare(left, right))).raw
    }
  }

  static let getItem: Slot.GetItem = { raw, key, runtime in
    let rt = RuntimeRef(raw: runtime)
    let bytes = PyRef(raw), key = PyRef(key)
    if key.type.record.pointee.kind == .slice {
      guard let (start, _, step, count) = rt.adjustedSliceIndices(key, length: BytesObject.count(bytes)) else { return nil }
      return rt.bytesSliceIndices(bytes, start: start, step: step, count: count)?.raw
    }
    guard rt.textSupportsIndex(key) else {
      rt.raise("TypeError", "byte indices must be integers or slices, not \(key.type.name)")
      return nil
    }
    guard let index = rt.textIndexValue(key, overflow: .raise("IndexError")) else { return nil }
    return rt.bytesGetItem(bytes, index)?.raw
  }

  static let contains: Slot.Contains = { raw, item, runtime in
    let rt = RuntimeRef(raw: runtime)
    let bytes = PyRef(raw), item = PyRef(item)
    let haystack = UnsafeRawBufferPointer(start: BytesObject.data(bytes), count: BytesObject.count(bytes))
    guard let needle = rt.bytesNeedle(item, message: .bytesLike) else { return -1 }
    return BytesSearch.find(haystack, needle.buffer, from: 0, to: haystack.count) >= 0 ? 1 : 0
  }

  static let binary: Slot.Binary = { a, b, op, runtime in
    let rt = RuntimeRef(raw: runtime)
    let left = PyRef(a), right = PyRef(b)
    guard op < BinaryOperator.inplaceOffset else { return rt.newNotImplemented().raw }
    switch BinaryOperator(rawValue: UInt8(op)) {
    case .add:
      guard left.type.record.pointee.kind == .bytes, let other = rt.bytesLikeBuffer(right) else {
        return rt.newNotImplemented().raw
      }
      let mine = UnsafeRawBufferPointer(start: BytesObject.data(left), count: BytesObject.count(left))
      if other.isEmpty && left.type == rt.state.pointee.types.bytes { left.incref(); return left.raw }
      if mine.isEmpty && right.type == rt.state.pointee.types.bytes { right.incref(); return right.raw }
      var joined = [UInt8](mine)
      joined.append(contentsOf: other)
      return rt.newBytes(joined)?.raw
    case .multiply:
      let leftIsBytes = left.type.record.pointee.kind == .bytes
      let (bytes, count) = leftIsBytes ? (left, right) : (right, left)
      guard bytes.type.record.pointee.kind == .bytes, rt.textSupportsIndex(count) else { return rt.newNotImplemented().raw }
      guard let times = rt.textIndexValue(count, overflow: .raise("OverflowError")) else { return nil }
      if times == 1 && bytes.type != rt.state.pointee.types.bytes {
        return rt.newBytes(UnsafeRawBufferPointer(start: BytesObject.data(bytes), count: BytesObject.count(bytes)))?.raw
      }
      return rt.bytesRepeat(bytes, times)?.raw
    default:
      return rt.newNotImplemented().raw
    }
  }

  /// `bytes()`, `bytes(n)`, `bytes(iterable_of_ints)`, `bytes(bytes_like)`,
  /// `bytes(str, encoding[, errors])`, and `__bytes__`.
  static let new: Slot.VectorCall = { typeRaw, argv, count, names, runtime in
    let rt = RuntimeRef(raw: runtime)
    let args = Arguments(runtime, argv, count, names)
    guard let bound = MethodArguments.bind(args, skipping: 0, "bytes", ["source", "encoding", "errors"], required: 0) else {
      return nil
    }
    guard let exact = rt.bytesConstruct(bound[0], encoding: bound[1], errors: bound[2]) else { return nil }
    let subtype = PyType(typeRaw)
    if subtype == rt.state.pointee.types.bytes { return exact.raw }
    defer { rt.decref(exact) }
    let count = BytesObject.count(exact)
    guard let object = rt.allocateObject(subtype, itemCount: count) else { return nil }
    // The class's own fields first: for a var-sized base they belong after the items (as
    // CPython's negative `tp_dictoffset`), so the bytes written next must win any overlap.
    rt.initializeInstanceSlots(object)
    object.size = count
    object.raw.storeBytes(of: -1, toByteOffset: BytesObject.hashOffset, as: Int.self)
    BytesObject.data(object).update(from: BytesObject.data(exact), count: count)
    BytesObject.data(object)[count] = 0
    if subtype.isGC { rt.track(object) }
    return object.raw
  }
}

extension RuntimeRef {
  /// The bytes selected by adjusted slice indices.
  func bytesSliceIndices(_ bytes: PyRef, start: Int, step: Int, count: Int) -> PyRef? {
    if count <= 0 { return emptyBytes() }
    let source = BytesObject.data(bytes)
    if step == 1 {
      if count == BytesObject.count(bytes) && bytes.type == state.pointee.types.bytes {
        bytes.incref()
        return bytes
      }
      return newBytes(UnsafeRawBufferPointer(start: source + start, count: count))
    }
    if count == 1 { return byteCharacter(source[start]) }
    guard let result = BytesObject.allocate(self, count: count) else { return nil }
    let target = BytesObject.data(result)
    for index in 0..<count { target[index] = source[start + index * step] }
    return result
  }

  /// What `bytes(...)` returns for an exact bytes object.
  func bytesConstruct(_ source: PyRef?, encoding: PyRef?, errors: PyRef?) -> PyRef? {
    for (name, value) in [("encoding", encoding), ("errors", errors)] {
      if let value, !isStr(value) {
        raise("TypeError", "bytes() argument '\(name)' must be str, not \(value.type.name)")
        return nil
      }
    }
    guard let source else {
      if encoding != nil || errors != nil {
        raise("TypeError", encoding != nil ? "encoding without a string argument" : "errors without a string argument")
        return nil
      }
      return emptyBytes()
    }
    if isStr(source) {
      guard let encoding else {
        raise("TypeError", "string argument without an encoding")
        return nil
      }
      guard let codec = codecEncoding(encoding) else { return nil }
      return strEncode(source, codec, errors: errors.map(StrObject.string) ?? "strict")
    }
    if encoding != nil || errors != nil {
      raise("TypeError", encoding != nil ? "encoding without a string argument" : "errors without a string argument")
      return nil
    }
    let (found, converted) = callSpecial(source, "__bytes__")
    if found {
      guard let converted else { return nil }
      guard converted.type.record.pointee.kind == .bytes else {
        raise("TypeError", "__bytes__ returned non-bytes (type \(converted.type.name))")
        decref(converted)
        return nil
      }
      return converted
    }
    if let buffer = bytesLikeBuffer(source) {
      if source.type == state.pointee.types.bytes {
        source.incref()
        return source
      }
      return newBytes(buffer)
    }
    if textSupportsIndex(source) {
      guard let count = textIndexValue(source) else { return nil }
      guard count >= 0 else {
        raise("ValueError", "negative count")
        return nil
      }
      return newBytes([UInt8](repeating: 0, count: count))
    }
    let kind = source.type.record.pointee.kind
    let items: [PyRef]
    if kind == .list || kind == .tuple {
      guard let collected = collectItems(source) else { return nil }
      items = collected
    } else {
      guard let iterator = iter(source) else {
        if exceptionMatches("TypeError") {
          clearError()
          raise("TypeError", "cannot convert '\(source.type.name)' object to bytes")
        }
        return nil
      }
      defer { decref(iterator) }
      var collected: [PyRef] = []
      while let item = next(iterator) { collected.append(item) }
      if hasError {
        collected.forEach(decref)
        return nil
      }
      items = collected
    }
    defer { items.forEach(decref) }
    var output: [UInt8] = []
    output.reserveCapacity(items.count)
    for item in items {
      guard let value = textIndexValue(item) else { return nil }
      guard value >= 0 && value < 256 else {
        raise("ValueError", "bytes must be in range(0, 256)")
        return nil
      }
      output.append(UInt8(value))
    }
    return newBytes(output)
  }

  enum BytesNeedleMessage {
    /// "a bytes-like object is required, not 'str'"
    case bytesLike
    /// "argument should be integer or bytes-like object, not 'str'"
    case integerOrBytesLike
  }

  /// The needle of a bytes search: a bytes-like object, or an int in range(256) standing
  /// for one byte. The buffer is valid while `item` lives.
  func bytesNeedle(_ item: PyRef, message: BytesNeedleMessage) -> (buffer: UnsafeRawBufferPointer, byte: UInt8?)? {
    if let buffer = bytesLikeBuffer(item) { return (buffer, nil) }
    if textSupportsIndex(item) {
      guard let value = textIndexValue(item) else { return nil }
      guard value >= 0 && value < 256 else {
        raise("ValueError", "byte must be in range(0, 256)")
        return nil
      }
      // The cached one-byte objects are immortal: their storage outlives the call.
      let single = state.pointee.text.byteCharacters.unsafelyUnwrapped[value]
      return (UnsafeRawBufferPointer(start: BytesObject.data(single), count: 1), UInt8(value))
    }
    switch message {
    case .bytesLike: raise("TypeError", "a bytes-like object is required, not '\(item.type.name)'")
    case .integerOrBytesLike: raise("TypeError", "argument should be integer or bytes-like object, not '\(item.type.name)'")
    }
    return nil
  }
}

/// Byte-string search loops.
enum BytesSearch {
  static func find(_ haystack: UnsafeRawBufferPointer, _ needle: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Int {
    let count = needle.count
    if count == 0 { return start <= end ? start : -1 }
    var index = start
    while index + count <= end {
      if haystack[index] == needle[0] && TextMemory.equal(haystack.baseAddress! + index, needle.baseAddress!, count) {
        return index
      }
      index += 1
    }
    return -1
  }

  static func findLast(_ haystack: UnsafeRawBufferPointer, _ needle: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Int {
    let count = needle.count
    if count == 0 { return start <= end ? end : -1 }
    var index = end - count
    while index >= start {
      if haystack[index] == needle[0] && TextMemory.equal(haystack.baseAddress! + index, needle.baseAddress!, count) {
        return index
      }
      index -= 1
    }
    return -1
  }
}
