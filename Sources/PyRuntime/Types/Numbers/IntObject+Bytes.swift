/// `int.to_bytes` and `int.from_bytes`: an int as a fixed-length run of bytes, two's
/// complement when signed.
///
/// A negative `v` is written as the complement of the bytes of `|v| − 1` (`~v`), which is
/// two's complement without a subtraction across the buffer; reading does the reverse.
/// CPython: Objects/longobject.c (`int_to_bytes_impl`, `int_from_bytes_impl`,
/// `_PyLong_AsByteArray`, `_PyLong_FromByteArray`), Objects/bytesobject.c
/// (`PyBytes_FromObject`).
extension RuntimeRef {
  /// The bytes of `a` in `length` bytes. OverflowError "can't convert negative int to
  /// unsigned", "int too big to convert".
  func intToBytes(_ a: PyRef, length: Int, littleEndian: Bool, signed: Bool) -> [UInt8]? {
    let negative = IntObject.isNegative(a)
    if negative && !signed {
      raise("OverflowError", "can't convert negative int to unsigned")
      return nil
    }
    guard let source = negative ? intInvert(a) : exactInt(a) else { return nil }
    defer { decref(source) }
    let digits = IntObject.digits(source), count = IntObject.digitCount(source)
    let bits = IntDigits.bitLength(digits, count)
    let (allBits, overflow) = length.multipliedReportingOverflow(by: 8)
    if !overflow && bits > (signed ? max(allBits - 1, 0) : allBits) {
      raise("OverflowError", "int too big to convert")
      return nil
    }
    let fill: UInt8 = negative ? 0xFF : 0
    var bytes = [UInt8](repeating: fill, count: length)
    var accumulator: UInt64 = 0, available = 0, digitIndex = 0
    for index in 0..<min(length, (bits + 7) / 8) {
      if available < 8 && digitIndex < count {
        accumulator |= UInt64(digits[digitIndex]) << UInt64(available)
        available += IntDigits.shift
        digitIndex += 1
      }
      bytes[index] = UInt8(truncatingIfNeeded: accumulator) ^ fill
      accumulator >>= 8
      available -= 8
    }
    if !littleEndian { bytes.reverse() }
    return bytes
  }

  /// The int whose bytes are `bytes`.
  func intFromBytes(_ bytes: [UInt8], littleEndian: Bool, signed: Bool) -> PyRef? {
    let ordered = littleEndian ? bytes : bytes.reversed()
    let negative = signed && (ordered.last ?? 0) & 0x80 != 0
    let capacity = (ordered.count * 8 + IntDigits.shift - 1) / IntDigits.shift + 1
    guard let result = allocateInt(digitCount: capacity) else { return nil }
    let r = IntObject.digits(result)
    var accumulator: UInt64 = 0, available = 0, used = 0
    for byte in ordered {
      accumulator |= UInt64(negative ? ~byte : byte) << UInt64(available)
      available += 8
      if available >= IntDigits.shift {
        r[used] = UInt32(truncatingIfNeeded: accumulator) & IntDigits.mask
        used += 1
        accumulator >>= UInt64(IntDigits.shift)
        available -= IntDigits.shift
      }
    }
    if available > 0 {
      r[used] = UInt32(truncatingIfNeeded: accumulator)
      used += 1
    }
    let magnitude = finishInt(result, count: used, negative: false)
    guard negative else { return magnitude }
    defer { decref(magnitude) }
    return intInvert(magnitude)
  }

  /// `bytes(x)` as `int.from_bytes` takes its argument (`PyObject_Bytes`): bytes, an object
  /// with `__bytes__`, or an iterable of ints in 0…255 (not a str). TypeError "cannot
  /// convert 'int' object to bytes".
  func bytesArgument(_ x: PyRef) -> [UInt8]? {
    if x.type.record.pointee.kind == .bytes { return BytesObject.array(x) }
    let (hasBytes, viaBytes) = callSpecial(x, "__bytes__")
    if hasBytes {
      guard let result = viaBytes else { return nil }
      defer { decref(result) }
      guard result.type.record.pointee.kind == .bytes else {
        raise("TypeError", "__bytes__ returned non-bytes (type \(result.type.name))")
        return nil
      }
      return BytesObject.array(result)
    }
    if x.type.record.pointee.kind == .str {
      raise("TypeError", "cannot convert '\(x.type.name)' object to bytes")
      return nil
    }
    guard let iterator = iter(x) else {
      if exceptionMatches("TypeError") {
        clearError()
        raise("TypeError", "cannot convert '\(x.type.name)' object to bytes")
      }
      return nil
    }
    decref(iterator)
    return bytesLikeContents(x)
  }
}

/// The argument parsing of `to_bytes(length=1, byteorder='big', *, signed=False)` and
/// `from_bytes(bytes, byteorder='big', *, signed=False)`, with argument clinic's messages.
enum IntBytesMethods {
  /// Binds the arguments after `self`/`cls`: at most two positional, `signed` by keyword.
  static func bind(_ args: Arguments, _ function: String, _ parameters: [String], required: Int) -> [PyRef?]? {
    let positional = args.count - 1
    if positional > 2 {
      args.rt.raise("TypeError", "\(function)() takes at most 2 positional arguments (\(positional) given)")
      return nil
    }
    let total = positional + args.keywordCount
    if total > 3 {
      args.rt.raise("TypeError", "\(function)() takes at most 3 arguments (\(total) given)")
      return nil
    }
    let rest = Arguments(args.rt, args.argv + 1, positional, args.keywordNames)
    return rest.bind(function, parameters, required: required)
  }

  /// The `byteorder` argument: true for 'little'. TypeError "to_bytes() argument
  /// 'byteorder' must be str, not int"; ValueError "byteorder must be either 'little' or
  /// 'big'" (`checkValue`, done apart so the errors come in CPython's order).
  static func byteOrder(_ rt: RuntimeRef, _ function: String, _ value: PyRef?) -> PyRef?? {
    guard let value else { return .some(nil) }
    guard value.type.record.pointee.kind == .str else {
      rt.raise("TypeError", "\(function)() argument 'byteorder' must be str, not \(value.type.name)")
      return nil
    }
    return .some(value)
  }

  static func isLittleEndian(_ rt: RuntimeRef, _ value: PyRef?) -> Bool? {
    guard let value else { return false }
    switch StrObject.string(value) {
    case "little": return true
    case "big": return false
    default:
      rt.raise("ValueError", "byteorder must be either 'little' or 'big'")
      return nil
    }
  }

  static let toBytes: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = Arguments(runtime, argv, count, names)
    let rt = args.rt
    guard let bound = bind(args, "to_bytes", ["length", "byteorder", "signed"], required: 0) else { return nil }
    var length = 1
    if let value = bound[0] {
      guard let converted = rt.asIndex(value) else { return nil }
      length = converted
    }
    guard let order = byteOrder(rt, "to_bytes", bound[1]) else { return nil }
    var signed = false
    if let value = bound[2] {
      let truth = rt.isTrue(value)
      if truth < 0 { return nil }
      signed = truth == 1
    }
    guard let little = isLittleEndian(rt, order) else { return nil }
    guard length >= 0 else {
      rt.raise("ValueError", "length argument must be non-negative")
      return nil
    }
    guard let bytes = rt.intToBytes(args[0], length: length, littleEndian: little, signed: signed) else { return nil }
    return rt.newBytes(bytes)?.raw
  }

  /// A class method: for a subclass of int the result is `cls(value)`.
  static let fromBytes: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = Arguments(runtime, argv, count, names)
    let rt = args.rt
    guard let bound = bind(args, "from_bytes", ["bytes", "byteorder", "signed"], required: 1) else { return nil }
    guard let order = byteOrder(rt, "from_bytes", bound[1]) else { return nil }
    var signed = false
    if let value = bound[2] {
      let truth = rt.isTrue(value)
      if truth < 0 { return nil }
      signed = truth == 1
    }
    guard let little = isLittleEndian(rt, order) else { return nil }
    guard let bytes = rt.bytesArgument(bound[0]!),
          let value = rt.intFromBytes(bytes, littleEndian: little, signed: signed) else { return nil }
    let cls = args[0]
    if cls == rt.state.pointee.types.int.object { return value.raw }
    defer { rt.decref(value) }
    return rt.call(cls, [value])?.raw
  }
}
