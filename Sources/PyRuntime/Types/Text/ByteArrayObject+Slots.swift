import PyCompiler
#if canImport(Glibc)
import Glibc
#endif

/// The protocol slots and methods of bytearray.
/// CPython: Objects/bytearrayobject.c (`bytearray_init`, `bytearray_repr`,
/// `bytearray_subscript`, `bytearray_ass_subscript`, `bytearray_richcompare`).
enum ByteArraySlots {
  static func install(_ type: PyType) {
    type.record.pointee.new = new
    type.record.pointee.repr = repr
    type.record.pointee.length = { raw, _ in ByteArrayObject.count(PyRef(raw)) }
    type.record.pointee.richCompare = richCompare
    type.record.pointee.getItem = getItem
    type.record.pointee.setItem = setItem
    type.record.pointee.contains = { raw, item, runtime in
      let rt = RuntimeRef(raw: runtime)
      let haystack = ByteArrayObject.buffer(PyRef(raw))
      guard let needle = rt.bytesNeedle(PyRef(item), message: .bytesLike) else { return -1 }
      return BytesSearch.find(haystack, needle.buffer, from: 0, to: haystack.count) >= 0 ? 1 : 0
    }
    type.record.pointee.binary = binary
  }

  /// `bytearray()`, `bytearray(n)`, `bytearray(iterable_of_ints)`, `bytearray(bytes_like)`,
  /// `bytearray(str, encoding[, errors])`.
  static let new: Slot.VectorCall = { typeRaw, argv, count, names, runtime in
    let rt = RuntimeRef(raw: runtime)
    let args = Arguments(runtime, argv, count, names)
    guard let bound = MethodArguments.bind(args, skipping: 0, "bytearray", ["source", "encoding", "errors"], required: 0) else {
      return nil
    }
    var contents: PyRef?
    if let source = bound[0] {
      if source.type.record.pointee.kind == .bytearray, bound[1] == nil, bound[2] == nil {
        contents = rt.bytesCopy(ofByteArray: source)
      } else {
        contents = rt.bytesConstruct(source, encoding: bound[1], errors: bound[2])
        if contents == nil, rt.exceptionMatches("TypeError"), let message = rt.currentExceptionMessage,
           message.hasSuffix("object to bytes") {
          rt.clearError()
          rt.raise("TypeError", "cannot convert '\(source.type.name)' object to bytearray")
        }
      }
      guard contents != nil else { return nil }
    } else if bound[1] != nil || bound[2] != nil {
      rt.raise("TypeError", bound[1] != nil ? "encoding without a string argument" : "errors without a string argument")
      return nil
    }
    defer { rt.decref(contents) }
    let subtype = PyType(typeRaw)
    guard let object = rt.allocateObject(subtype) else { return nil }
    ByteArrayObject.setStorage(object, nil, count: 0, allocated: 0)
    object.raw.storeBytes(of: 0, toByteOffset: ByteArrayObject.exportsOffset, as: Int.self)
    if subtype != rt.state.pointee.types.bytearray { rt.initializeInstanceSlots(object) }
    if let contents, !rt.byteArrayAppend(object, UnsafeRawBufferPointer(start: BytesObject.data(contents),
                                                                        count: BytesObject.count(contents))) {
      rt.decref(object)
      return nil
    }
    if subtype.isGC { rt.track(object) }
    return object.raw
  }

  /// `bytearray(b'...')`, with the class name of a subclass.
  static let repr: Slot.Unary = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let object = PyRef(raw)
    guard let copy = rt.bytesCopy(ofByteArray: object) else { return nil }
    defer { rt.decref(copy) }
    guard let text = rt.bytesReprString(copy) else { return nil }
    return rt.newStr("\(object.type.name)(\(text))")?.raw
  }

  static let richCompare: Slot.RichCompare = { a, b, op, runtime in
    let rt = RuntimeRef(raw: runtime)
    guard let left = rt.bytesLikeBuffer(PyRef(a)), let right = rt.bytesLikeBuffer(PyRef(b)) else {
      return rt.newNotImplemented().raw
    }
    let operation = ComparisonOperator(rawValue: UInt8(op))!
    let common = min(left.count, right.count)
    var order = 0
    if common > 0 { order = Int(memcmp(left.baseAddress!, right.baseAddress!, common)) }
    if order == 0 { order = left.count < right.count ? -1 : (left.count > right.count ? 1 : 0) }
    return rt.newBool(operation.holds(order)).raw
  }

  static let getItem: Slot.GetItem = { raw, key, runtime in
    let rt = RuntimeRef(raw: runtime)
    let object = PyRef(raw), key = PyRef(key)
    let count = ByteArrayObject.count(object)
    if key.type.record.pointee.kind == .slice {
      guard let (start, _, step, length) = rt.adjustedSliceIndices(key, length: count) else { return nil }
      var picked = [UInt8]()
      picked.reserveCapacity(max(length, 0))
      if length > 0, let data = ByteArrayObject.data(object) {
        for index in 0..<length { picked.append(data[start + index * step]) }
      }
      return picked.withUnsafeBytes { rt.newByteArray($0) }?.raw
    }
    guard rt.textSupportsIndex(key) else {
      rt.raise("TypeError", "bytearray indices must be integers or slices, not \(key.type.name)")
      return nil
    }
    guard var index = rt.textIndexValue(key, overflow: .raise("IndexError")) else { return nil }
    if index < 0 { index += count }
    guard index >= 0, index < count else {
      rt.raise("IndexError", "bytearray index out of range")
      return nil
    }
    return rt.newInt(Int(ByteArrayObject.data(object)![index]))?.raw
  }

  /// `b[i] = byte` (an int in range(256)); slices and deletion are not supported yet.
  static let setItem: Slot.SetItem = { raw, key, value, runtime in
    let rt = RuntimeRef(raw: runtime)
    let object = PyRef(raw), key = PyRef(key)
    guard rt.textSupportsIndex(key) else {
      rt.raise("TypeError", "bytearray indices must be integers or slices, not \(key.type.name)")
      return -1
    }
    guard let value = PyRef(value) else {
      rt.raise("TypeError", "bytearray item deletion is not supported yet")
      return -1
    }
    guard var index = rt.textIndexValue(key, overflow: .raise("IndexError")) else { return -1 }
    let count = ByteArrayObject.count(object)
    if index < 0 { index += count }
    guard index >= 0, index < count else {
      rt.raise("IndexError", "bytearray index out of range")
      return -1
    }
    guard let byte = rt.byteValue(value) else { return -1 }
    ByteArrayObject.data(object)![index] = byte
    return 0
  }

  static let binary: Slot.Binary = { a, b, op, runtime in
    let rt = RuntimeRef(raw: runtime)
    let left = PyRef(a), right = PyRef(b)
    let plain = op >= BinaryOperator.inplaceOffset ? op - BinaryOperator.inplaceOffset : op
    switch BinaryOperator(rawValue: UInt8(plain)) {
    case .add:
      guard left.type.record.pointee.kind == .bytearray else { return rt.newNotImplemented().raw }
      guard let tail = rt.bytesLikeBuffer(right) else {
        rt.raise("TypeError", "can't concat \(right.type.name) to \(left.type.name)")
        return nil
      }
      if op >= BinaryOperator.inplaceOffset {
        let copied = [UInt8](tail)
        guard copied.withUnsafeBytes({ rt.byteArrayAppend(left, $0) }) else { return nil }
        left.incref()
        return left.raw
      }
      guard let result = rt.newByteArray(ByteArrayObject.buffer(left)) else { return nil }
      guard rt.byteArrayAppend(result, tail) else { rt.decref(result); return nil }
      return result.raw
    case .multiply:
      let leftIsArray = left.type.record.pointee.kind == .bytearray
      let (array, count) = leftIsArray ? (left, right) : (right, left)
      guard array.type.record.pointee.kind == .bytearray, rt.textSupportsIndex(count) else {
        return rt.newNotImplemented().raw
      }
      guard let times = rt.textIndexValue(count, overflow: .raise("OverflowError")) else { return nil }
      let contents = [UInt8](ByteArrayObject.buffer(array))
      var repeated = [UInt8]()
      if times > 0 { for _ in 0..<times { repeated.append(contentsOf: contents) } }
      return repeated.withUnsafeBytes { rt.newByteArray($0) }?.raw
    default:
      return rt.newNotImplemented().raw
    }
  }
}

extension RuntimeRef {
  /// An int in range(256) as a byte: "an integer is required", "byte must be in range(0, 256)".
  func byteValue(_ value: PyRef) -> UInt8? {
    guard textSupportsIndex(value) else {
      raise("TypeError", "'\(value.type.name)' object cannot be interpreted as an integer")
      return nil
    }
    guard let number = textIndexValue(value) else { return nil }
    guard number >= 0 && number < 256 else {
      raise("ValueError", "byte must be in range(0, 256)")
      return nil
    }
    return UInt8(number)
  }

  /// The message of the pending exception, if it has one.
  var currentExceptionMessage: String? {
    guard let exception = currentException else { return nil }
    let arguments = ExceptionObject.arguments(exception)
    guard TupleObject.count(arguments) == 1, let first = TupleObject.item(arguments, 0), isStr(first) else { return nil }
    return StrObject.string(first)
  }
}

extension ByteArraySlots {
  /// The methods: the mutating ones, and read-only bytes methods run on a bytes copy.
  static let methods: [MethodDefinition] = [
    MethodDefinition("append", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesOneArgument("bytearray.append"), let byte = args.rt.byteValue(args[1]) else { return nil }
      var value = byte
      guard withUnsafeBytes(of: &value, { args.rt.byteArrayAppend(args[0], $0) }) else { return nil }
      return args.rt.newNone().raw
    }),
    MethodDefinition("extend", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesOneArgument("bytearray.extend") else { return nil }
      let rt = args.rt
      if let buffer = rt.bytesLikeBuffer(args[1]) {
        let copied = [UInt8](buffer)
        guard copied.withUnsafeBytes({ rt.byteArrayAppend(args[0], $0) }) else { return nil }
        return rt.newNone().raw
      }
      guard let iterator = rt.iter(args[1]) else {
        if rt.exceptionMatches("TypeError") {
          rt.clearError()
          rt.raise("TypeError", "can't extend bytearray with \(args[1].type.name)")
        }
        return nil
      }
      defer { rt.decref(iterator) }
      var collected = [UInt8]()
      while let item = rt.next(iterator) {
        defer { rt.decref(item) }
        guard let byte = rt.byteValue(item) else { return nil }
        collected.append(byte)
      }
      if rt.hasError { return nil }
      guard collected.withUnsafeBytes({ rt.byteArrayAppend(args[0], $0) }) else { return nil }
      return rt.newNone().raw
    }),
    MethodDefinition("pop", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesPositional("bytearray.pop", "pop", 0, 1) else { return nil }
      let object = args[0]
      let length = ByteArrayObject.count(object)
      var index = -1
      if count == 2 {
        guard let given = args.rt.sizeArgument(args[1]) else { return nil }
        index = given
      }
      guard length > 0 else {
        args.rt.raise("IndexError", "pop from empty bytearray")
        return nil
      }
      if index < 0 { index += length }
      guard index >= 0, index < length else {
        args.rt.raise("IndexError", "pop index out of range")
        return nil
      }
      let data = ByteArrayObject.data(object)!
      let value = data[index]
      (data + index).update(from: data + index + 1, count: length - index - 1)
      object.size = length - 1
      data[length - 1] = 0
      return args.rt.newInt(Int(value))?.raw
    }),
    MethodDefinition("clear", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesNoArguments("bytearray.clear") else { return nil }
      args.rt.byteArrayClear(args[0])
      return args.rt.newNone().raw
    }),
    MethodDefinition("copy", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesNoArguments("bytearray.copy") else { return nil }
      return args.rt.newByteArray(ByteArrayObject.buffer(args[0]))?.raw
    }),
    MethodDefinition("__sizeof__", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesNoArguments("bytearray.__sizeof__") else { return nil }
      return args.rt.newInt(ByteArrayObject.basicSize + ByteArrayObject.allocated(args[0]))?.raw
    }),
  ]

  /// Read-only bytes methods, run on a bytes copy of the bytearray (their results hold no
  /// bytes of the receiver).
  static let borrowedMethods: [MethodDefinition] = [
    MethodDefinition("decode", { ByteArraySlots.callBytesMethod("decode", $1, $2, $3, $4) }),
    MethodDefinition("hex", { ByteArraySlots.callBytesMethod("hex", $1, $2, $3, $4) }),
    MethodDefinition("find", { ByteArraySlots.callBytesMethod("find", $1, $2, $3, $4) }),
    MethodDefinition("rfind", { ByteArraySlots.callBytesMethod("rfind", $1, $2, $3, $4) }),
    MethodDefinition("index", { ByteArraySlots.callBytesMethod("index", $1, $2, $3, $4) }),
    MethodDefinition("rindex", { ByteArraySlots.callBytesMethod("rindex", $1, $2, $3, $4) }),
    MethodDefinition("count", { ByteArraySlots.callBytesMethod("count", $1, $2, $3, $4) }),
    MethodDefinition("startswith", { ByteArraySlots.callBytesMethod("startswith", $1, $2, $3, $4) }),
    MethodDefinition("endswith", { ByteArraySlots.callBytesMethod("endswith", $1, $2, $3, $4) }),
    MethodDefinition("isdigit", { ByteArraySlots.callBytesMethod("isdigit", $1, $2, $3, $4) }),
    MethodDefinition("isalpha", { ByteArraySlots.callBytesMethod("isalpha", $1, $2, $3, $4) }),
    MethodDefinition("isspace", { ByteArraySlots.callBytesMethod("isspace", $1, $2, $3, $4) }),
    MethodDefinition("isupper", { ByteArraySlots.callBytesMethod("isupper", $1, $2, $3, $4) }),
    MethodDefinition("islower", { ByteArraySlots.callBytesMethod("islower", $1, $2, $3, $4) }),
  ]

  static func callBytesMethod(_ name: String, _ argv: UnsafePointer<UnsafeMutableRawPointer?>, _ count: Int,
                              _ names: UnsafeMutableRawPointer?, _ runtime: RawRuntime) -> UnsafeMutableRawPointer? {
    let rt = RuntimeRef(raw: runtime)
    guard let method = rt.lookup(rt.state.pointee.types.bytes, name) else {
      rt.raise("AttributeError", "'bytearray' object has no attribute '\(name)'")
      return nil
    }
    guard let copy = rt.bytesCopy(ofByteArray: PyRef(argv[0].unsafelyUnwrapped)) else { return nil }
    defer { rt.decref(copy) }
    let keywordCount = PyRef(names).map(TupleObject.count) ?? 0
    var arguments = [UnsafeMutableRawPointer?](UnsafeBufferPointer(start: argv, count: count + keywordCount))
    arguments[0] = copy.raw
    return arguments.withUnsafeBufferPointer {
      rt.call(method, $0.baseAddress!, count: count, keywordNames: PyRef(names))?.raw
    }
  }
}
