/// More bytes methods: partition, rpartition, center, ljust, rjust, zfill, splitlines,
/// expandtabs, capitalize, title, swapcase, istitle, maketrans and translate (all ASCII,
/// as CPython's byte-string methods are).
/// CPython: Objects/bytes_methods.c, Objects/stringlib/transmogrify.h,
/// Objects/bytesobject.c (`bytes_translate_impl`, `_Py_bytes_maketrans`).
extension BytesMethods {
  static var moreDefinitions: [MethodDefinition] {
    [
      MethodDefinition("partition", partition), MethodDefinition("rpartition", rpartition),
      MethodDefinition("center", center), MethodDefinition("ljust", ljust), MethodDefinition("rjust", rjust),
      MethodDefinition("zfill", zfill), MethodDefinition("splitlines", splitlines),
      MethodDefinition("expandtabs", expandtabs), MethodDefinition("capitalize", capitalize),
      MethodDefinition("title", title), MethodDefinition("swapcase", swapcase), MethodDefinition("istitle", istitle),
      MethodDefinition("maketrans", maketrans, flags: .staticMethod), MethodDefinition("translate", translate),
    ]
  }

  static func partitionCall(_ args: MethodArguments, reverse: Bool) -> PyRef? {
    let rt = args.rt
    guard args.one(reverse ? "bytes.rpartition" : "bytes.partition") else { return nil }
    guard let separator = rt.bytesLikeBuffer(args[0]) else {
      rt.raise("TypeError", "a bytes-like object is required, not '\(args[0].type.name)'")
      return nil
    }
    guard !separator.isEmpty else {
      rt.raise("ValueError", "empty separator")
      return nil
    }
    let data = buffer(args.this)
    let found = reverse ? BytesSearch.findLast(data, separator, from: 0, to: data.count)
                        : BytesSearch.find(data, separator, from: 0, to: data.count)
    let parts: [PyRef?]
    if found < 0 {
      parts = reverse ? [rt.emptyBytes(), rt.emptyBytes(), exact(rt, args.this)]
                      : [exact(rt, args.this), rt.emptyBytes(), rt.emptyBytes()]
    } else {
      let middle = args[0].type == rt.state.pointee.types.bytes ? { args[0].incref(); return args[0] }() : rt.newBytes(separator)
      parts = [slice(rt, args.this, 0, found), middle, slice(rt, args.this, found + separator.count, data.count)]
    }
    guard parts.allSatisfy({ $0 != nil }) else {
      parts.forEach { rt.decref($0) }
      return nil
    }
    return rt.newTuple(parts.map { $0! })
  }

  static let partition: Slot.VectorCall = { _, argv, count, names, runtime in
    partitionCall(MethodArguments(runtime, argv, count, names), reverse: false)?.raw
  }
  static let rpartition: Slot.VectorCall = { _, argv, count, names, runtime in
    partitionCall(MethodArguments(runtime, argv, count, names), reverse: true)?.raw
  }

  /// center, ljust, rjust: `(width[, fillbyte])`.
  static func padCall(_ args: MethodArguments, _ name: String) -> PyRef? {
    let rt = args.rt
    guard args.positional(name, qualifiedName: "bytes.\(name)", 1, 2), let width = rt.textIndexValue(args[0]) else {
      return nil
    }
    var fill: UInt8 = 0x20
    if let given = args.optional(1) {
      guard given.type.record.pointee.kind == .bytes, BytesObject.count(given) == 1 else {
        rt.raise("TypeError", "\(name)() argument 2 must be a byte string of length 1, not \(given.type.name)")
        return nil
      }
      fill = BytesObject.data(given)[0]
    }
    let data = buffer(args.this)
    guard width > data.count else { return exact(rt, args.this) }
    let margin = width - data.count
    let left: Int
    switch name {
    case "center": left = margin / 2 + (margin & width & 1)
    case "rjust": left = margin
    default: left = 0
    }
    var output = [UInt8](repeating: fill, count: left)
    output.append(contentsOf: data)
    output.append(contentsOf: repeatElement(fill, count: margin - left))
    return rt.newBytes(output)
  }

  static let center: Slot.VectorCall = { _, argv, count, names, runtime in
    padCall(MethodArguments(runtime, argv, count, names), "center")?.raw
  }
  static let ljust: Slot.VectorCall = { _, argv, count, names, runtime in
    padCall(MethodArguments(runtime, argv, count, names), "ljust")?.raw
  }
  static let rjust: Slot.VectorCall = { _, argv, count, names, runtime in
    padCall(MethodArguments(runtime, argv, count, names), "rjust")?.raw
  }

  static let zfill: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    let rt = args.rt
    guard args.one("bytes.zfill"), let width = rt.textIndexValue(args[0]) else { return nil }
    let data = buffer(args.this)
    guard width > data.count else { return exact(rt, args.this)?.raw }
    var output = [UInt8](repeating: 0x30, count: width - data.count)
    output.append(contentsOf: data)
    let first = output[width - data.count]
    if first == 0x2B || first == 0x2D {
      output[0] = first
      output[width - data.count] = 0x30
    }
    return rt.newBytes(output)?.raw
  }

  /// Lines end at `\n`, `\r` or `\r\n` only.
  static let splitlines: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    let rt = args.rt
    guard let bound = args.bind("splitlines", ["keepends"]) else { return nil }
    var keepEnds = false
    if let flag = bound[0] {
      guard let value = rt.textIndexValue(flag) else { return nil }
      keepEnds = value != 0
    }
    let data = buffer(args.this)
    guard let list = rt.newList() else { return nil }
    var start = 0, index = 0
    func add(_ from: Int, _ to: Int) -> Bool {
      guard let piece = slice(rt, args.this, from, to) else { return false }
      rt.listAppend(list, piece)
      rt.decref(piece)
      return true
    }
    while index < data.count {
      let byte = data[index]
      guard byte == 0x0A || byte == 0x0D else {
        index += 1
        continue
      }
      var end = index + 1
      if byte == 0x0D && end < data.count && data[end] == 0x0A { end += 1 }
      guard add(start, keepEnds ? end : index) else { rt.decref(list); return nil }
      start = end
      index = end
    }
    if start < data.count && !add(start, data.count) { rt.decref(list); return nil }
    return list.raw
  }

  static let expandtabs: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    let rt = args.rt
    guard let bound = args.bind("expandtabs", ["tabsize"]) else { return nil }
    var tabSize = 8
    if let size = bound[0] {
      guard let value = rt.textIndexValue(size) else { return nil }
      tabSize = value
    }
    var output: [UInt8] = []
    var column = 0
    for byte in buffer(args.this) {
      if byte == 0x09 {
        if tabSize > 0 {
          let spaces = tabSize - column % tabSize
          output.append(contentsOf: repeatElement(0x20, count: spaces))
          column += spaces
        }
      } else {
        output.append(byte)
        column += 1
        if byte == 0x0A || byte == 0x0D { column = 0 }
      }
    }
    return rt.newBytes(output)?.raw
  }

  static func lowerByte(_ byte: UInt8) -> UInt8 { isUpperByte(byte) ? byte + 0x20 : byte }
  static func upperByte(_ byte: UInt8) -> UInt8 { isLowerByte(byte) ? byte - 0x20 : byte }

  static let capitalize: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard args.none("bytes.capitalize") else { return nil }
    let data = buffer(args.this)
    return args.rt.newBytes(data.enumerated().map { $0.offset == 0 ? upperByte($0.element) : lowerByte($0.element) })?.raw
  }

  static let title: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard args.none("bytes.title") else { return nil }
    var previousCased = false
    var output: [UInt8] = []
    for byte in buffer(args.this) {
      output.append(previousCased ? lowerByte(byte) : upperByte(byte))
      previousCased = isLowerByte(byte) || isUpperByte(byte)
    }
    return args.rt.newBytes(output)?.raw
  }

  static let swapcase: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard args.none("bytes.swapcase") else { return nil }
    return args.rt.newBytes(buffer(args.this).map { isUpperByte($0) ? lowerByte($0) : upperByte($0) })?.raw
  }

  static let istitle: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard args.none("bytes.istitle") else { return nil }
    var cased = false, previousCased = false
    for byte in buffer(args.this) {
      if isUpperByte(byte) {
        if previousCased { return args.rt.newBool(false).raw }
        previousCased = true
        cased = true
      } else if isLowerByte(byte) {
        if !previousCased { return args.rt.newBool(false).raw }
        previousCased = true
        cased = true
      } else {
        previousCased = false
      }
    }
    return args.rt.newBool(cased).raw
  }

  /// `bytes.maketrans(from, to)`: the 256-byte table mapping each byte of `from` to the
  /// byte of `to` at the same position.
  static let maketrans: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = Arguments(runtime, argv, count, names)
    let rt = args.rt
    guard args.noKeywords("bytes.maketrans") else { return nil }
    guard args.count == 2 else {
      rt.raise("TypeError", "maketrans expected 2 arguments, got \(args.count)")
      return nil
    }
    var buffers: [UnsafeRawBufferPointer] = []
    for index in 0..<2 {
      guard let buffer = rt.bytesLikeBuffer(args[index]) else {
        rt.raise("TypeError", "a bytes-like object is required, not '\(args[index].type.name)'")
        return nil
      }
      buffers.append(buffer)
    }
    guard buffers[0].count == buffers[1].count else {
      rt.raise("ValueError", "maketrans arguments must have same length")
      return nil
    }
    var table = (0...255).map { UInt8($0) }
    for (from, to) in zip(buffers[0], buffers[1]) { table[Int(from)] = to }
    return rt.newBytes(table)?.raw
  }

  /// `b.translate(table, delete=b'')`: `table` is None or 256 bytes.
  static let translate: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    let rt = args.rt
    guard let bound = args.bind("translate", ["table", "delete"], required: 1) else { return nil }
    var table: UnsafeRawBufferPointer?
    if let given = bound[0], given != rt.state.pointee.none {
      guard let buffer = rt.bytesLikeBuffer(given) else {
        rt.raise("TypeError", "a bytes-like object is required, not '\(given.type.name)'")
        return nil
      }
      guard buffer.count == 256 else {
        rt.raise("ValueError", "translation table must be 256 characters long")
        return nil
      }
      table = buffer
    }
    var deleted = [Bool](repeating: false, count: 256)
    if let delete = bound[1] {
      guard let buffer = rt.bytesLikeBuffer(delete) else {
        rt.raise("TypeError", "a bytes-like object is required, not '\(delete.type.name)'")
        return nil
      }
      for byte in buffer { deleted[Int(byte)] = true }
    }
    var output: [UInt8] = []
    for byte in buffer(args.this) where !deleted[Int(byte)] { output.append(table.map { $0[Int(byte)] } ?? byte) }
    return rt.newBytes(output)?.raw
  }
}
