/// `str(object='')` and `str(object=b'', encoding='utf-8', errors='strict')`, and the
/// instances of str subclasses.
/// CPython: Objects/unicodeobject.c, `unicode_new_impl`, `unicode_subtype_new`,
/// `PyUnicode_FromEncodedObject`.
extension StrObject {
  static let new: Slot.VectorCall = { typeRaw, argv, count, names, runtime in
    let rt = RuntimeRef(raw: runtime)
    let args = Arguments(runtime, argv, count, names)
    guard let bound = MethodArguments.bind(args, skipping: 0, "str", ["object", "encoding", "errors"], required: 0) else {
      return nil
    }
    guard let exact = rt.strConstruct(bound[0], encoding: bound[1], errors: bound[2]) else { return nil }
    let subtype = PyType(typeRaw)
    if subtype == rt.state.pointee.types.str { return exact.raw }
    defer { rt.decref(exact) }
    return rt.newStrSubclassInstance(subtype, exact)?.raw
  }
}

extension RuntimeRef {
  /// What `str(...)` returns for an exact str.
  func strConstruct(_ object: PyRef?, encoding: PyRef?, errors: PyRef?) -> PyRef? {
    guard let object else { return emptyString() }
    if encoding == nil && errors == nil {
      guard let text = str(object) else { return nil }
      if isExactStr(text) { return text }
      defer { decref(text) }
      return strExact(text)
    }
    for (name, value) in [("encoding", encoding), ("errors", errors)] {
      if let value, !isStr(value) {
        raise("TypeError", "str() argument '\(name)' must be str, not \(value.type.name)")
        return nil
      }
    }
    if isStr(object) {
      raise("TypeError", "decoding str is not supported")
      return nil
    }
    guard let buffer = bytesLikeBuffer(object) else {
      raise("TypeError", "decoding to str: need a bytes-like object, \(object.type.name) found")
      return nil
    }
    guard let codec = codecEncoding(encoding) else { return nil }
    return decode(buffer, codec, errors: errors.map(StrObject.string) ?? "strict")
  }

  /// The bytes of a bytes-like object (bytes and its subclasses, `array.array`), borrowed from it; nil
  /// (without an exception) for anything else. CPython: the buffer protocol.
  func bytesLikeBuffer(_ object: PyRef) -> UnsafeRawBufferPointer? {
    switch object.type.record.pointee.kind {
    case .bytes: return UnsafeRawBufferPointer(start: BytesObject.data(object), count: BytesObject.count(object))
    case .bytearray: return ByteArrayObject.buffer(object)
    default:
      // `array.array` exports its items as bytes too (CPython's buffer protocol).
      guard isArray(object) else { return nil }
      return UnsafeRawBufferPointer(start: ArrayObject.items(object), count: object.size * ArrayObject.itemSize(of: object))
    }
  }

  /// An instance of the str subclass `subtype` with the characters of `exact`: the
  /// non-compact layout (see ``StrObject/isCompact(_:)``), its characters in a block of
  /// the mem domain that the str dealloc frees.
  func newStrSubclassInstance(_ subtype: PyType, _ exact: PyRef) -> PyRef? {
    let length = StrObject.length(exact), kind = StrObject.kind(exact)
    let byteCount = (length + 1) * kind
    guard let block = allocateMemory(byteCount) else { return nil }
    block.copyMemory(from: StrObject.data(exact), byteCount: byteCount)
    guard let object = allocateObject(subtype) else {
      freeMemory(block)
      return nil
    }
    object.raw.storeBytes(of: length, toByteOffset: StrObject.lengthOffset, as: Int.self)
    object.raw.storeBytes(of: -1, toByteOffset: StrObject.hashOffset, as: Int.self)
    let state = StrObject.state(exact) & ~(StrObject.internedMask | StrObject.compactBit | TypeCache.keyBit)
    object.raw.storeBytes(of: UInt64(state), toByteOffset: StrObject.stateOffset, as: UInt64.self)
    object.raw.storeBytes(of: nil, toByteOffset: StrObject.wstrOffset, as: UnsafeMutableRawPointer?.self)
    object.raw.storeBytes(of: 0, toByteOffset: StrObject.utf8LengthOffset, as: Int.self)
    object.raw.storeBytes(of: nil, toByteOffset: StrObject.utf8Offset, as: UnsafeMutableRawPointer?.self)
    object.raw.storeBytes(of: 0, toByteOffset: StrObject.wstrLengthOffset, as: Int.self)
    object.raw.storeBytes(of: block, toByteOffset: StrObject.dataPointerOffset, as: UnsafeMutableRawPointer.self)
    initializeInstanceSlots(object)
    if subtype.isGC { track(object) }
    return object
  }
}
