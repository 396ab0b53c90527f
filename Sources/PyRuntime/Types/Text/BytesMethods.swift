/// The methods of bytes: decoding and hex, searching, splitting, joining, stripping,
/// replacing, ASCII case mapping and classes.
/// CPython: Objects/bytesobject.c (`bytes_methods`), Objects/bytes_methods.c,
/// Objects/stringlib/ (shared with bytearray).
enum BytesMethods {
  static var definitions: [MethodDefinition] {
    [
      MethodDefinition("decode", decode), MethodDefinition("hex", hex),
      MethodDefinition("fromhex", fromhex, flags: .classMethod), MethodDefinition("join", join),
      MethodDefinition("split", split), MethodDefinition("rsplit", rsplit), MethodDefinition("strip", strip),
      MethodDefinition("lstrip", lstrip), MethodDefinition("rstrip", rstrip),
      MethodDefinition("startswith", startswith), MethodDefinition("endswith", endswith),
      MethodDefinition("find", find), MethodDefinition("rfind", rfind), MethodDefinition("index", index),
      MethodDefinition("rindex", rindex), MethodDefinition("count", count), MethodDefinition("replace", replace),
      MethodDefinition("upper", upper), MethodDefinition("lower", lower),
      MethodDefinition("removeprefix", removeprefix), MethodDefinition("removesuffix", removesuffix),
      MethodDefinition("isdigit", isdigit), MethodDefinition("isalpha", isalpha), MethodDefinition("isalnum", isalnum),
      MethodDefinition("isspace", isspace), MethodDefinition("islower", islower), MethodDefinition("isupper", isupper),
      MethodDefinition("isascii", isascii), MethodDefinition("__getnewargs__", getnewargs),
    ]
  }

  static func buffer(_ bytes: PyRef) -> UnsafeRawBufferPointer {
    UnsafeRawBufferPointer(start: BytesObject.data(bytes), count: BytesObject.count(bytes))
  }

  /// Python's `bytes.isspace` set: space, \t, \n, \r, \v, \f.
  static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

  /// `self` when it is an exact bytes object, else an exact copy.
  static func exact(_ rt: RuntimeRef, _ bytes: PyRef) -> PyRef? {
    if bytes.type == rt.state.pointee.types.bytes {
      bytes.incref()
      return bytes
    }
    return rt.newBytes(buffer(bytes))
  }

  static func slice(_ rt: RuntimeRef, _ bytes: PyRef, _ start: Int, _ end: Int) -> PyRef? {
    if start == 0 && end == BytesObject.count(bytes) { return exact(rt, bytes) }
    return rt.newBytes(UnsafeRawBufferPointer(rebasing: buffer(bytes)[start..<end]))
  }

  // MARK: - Codecs and hex

  static let decode: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    let rt = args.rt
    guard let bound = args.bind("decode", ["encoding", "errors"]) else { return nil }
    for (index, name) in ["encoding", "errors"].enumerated() {
      if let value = bound[index], !rt.isStr(value) {
        rt.raise("TypeError", "decode() argument '\(name)' must be str, not \(value.type.name)")
        return nil
      }
    }
    guard let encoding = rt.codecEncoding(bound[0]) else { return nil }
    return rt.decode(buffer(args.this), encoding, errors: bound[1].map(StrObject.string) ?? "strict")?.raw
  }

  /// `b.hex(sep=None, bytes_per_sep=1)`: groups counted from the right for a positive
  /// `bytes_per_sep`, from the left for a negative one.
  static let hex: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    let rt = args.rt
    guard let bound = args.bind("hex", ["sep", "bytes_per_sep"]) else { return nil }
    var separator: UInt8?
    if let sep = bound[0] {
      let sepBytes: [UInt8]
      if rt.isStr(sep) {
        guard StrObject.isASCII(sep) else {
          if StrObject.length(sep) != 1 { rt.raise("ValueError", "sep must be length 1.") } else { rt.raise("ValueError", "sep must be ASCII.") }
          return nil
        }
        sepBytes = Array(StrObject.string(sep).utf8)
      } else if let buffer = rt.bytesLikeBuffer(sep) {
        sepBytes = Array(buffer)
      } else {
        rt.raise("TypeError", "object of type '\(sep.type.name)' has no len()")
        return nil
      }
      guard sepBytes.count == 1 else {
        rt.raise("ValueError", "sep must be length 1.")
        return nil
      }
      guard sepBytes[0] < 0x80 else {
        rt.raise("ValueError", "sep must be ASCII.")
        return nil
      }
      separator = sepBytes[0]
    }
    var group = 1
    if let per = bound[1] {
      guard let value = rt.textIndexValue(per) else { return nil }
      group = value
    }
    let data = buffer(args.this)
    let digits: StaticString = "0123456789abcdef"
    var output: [UInt8] = []
    output.reserveCapacity(data.count * 3)
    let size = group == 0 ? 0 : abs(group)
    for (index, byte) in data.enumerated() {
      if let separator, size > 0, index > 0 {
        let boundary = group > 0 ? (data.count - index) % size == 0 : index % size == 0
        if boundary { output.append(separator) }
      }
      output.append(digits.utf8Start[Int(byte >> 4)])
      output.append(digits.utf8Start[Int(byte & 0xF)])
    }
    return rt.newStr(utf8: output)?.raw
  }

  /// `bytes.fromhex(string)`: pairs of hex digits, whitespace allowed between pairs.
  static let fromhex: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    let rt = args.rt
    guard args.one("bytes.fromhex") else { return nil }
    let text = args[0]
    guard rt.isStr(text) else {
      rt.raise("TypeError", "fromhex() argument must be str, not \(text.type.name)")
      return nil
    }
    let view = StrObject.view(text)
    var output: [UInt8] = []
    var index = 0
    func digit(_ value: UInt32) -> UInt8? {
      switch value {
      case 0x30...0x39: UInt8(value - 0x30)
      case 0x41...0x46: UInt8(value - 0x41 + 10)
      case 0x61...0x66: UInt8(value - 0x61 + 10)
      default: nil
      }
    }
    while index < view.count {
      let value = view[index]
      if value == 0x20 || (value >= 0x09 && value <= 0x0D) {
        index += 1
        continue
      }
      guard let high = digit(value) else {
        rt.raise("ValueError", "non-hexadecimal number found in fromhex() arg at position \(index)")
        return nil
      }
      guard index + 1 < view.count, let low = digit(view[index + 1]) else {
        rt.raise("ValueError", "non-hexadecimal number found in fromhex() arg at position \(index + 1)")
        return nil
      }
      output.append(high << 4 | low)
      index += 2
    }
    guard let result = rt.newBytes(output) else { return nil }
    // A subclass (the method is a class method) is built from the bytes.
    let owner = args.this
    if owner == rt.state.pointee.types.bytes.object { return result.raw }
    defer { rt.decref(result) }
    return rt.call(owner, [result])?.raw
  }

  // MARK: - Joining and splitting

  static let join: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    let rt = args.rt
    guard args.one("bytes.join"), let items = rt.joinItems(args[0]) else { return nil }
    defer { items.forEach(rt.decref) }
    let separator = buffer(args.this)
    var output: [UInt8] = []
    for (index, item) in items.enumerated() {
      guard let piece = rt.bytesLikeBuffer(item) else {
        rt.raise("TypeError", "sequence item \(index): expected a bytes-like object, \(item.type.name) found")
        return nil
      }
      if index > 0 { output.append(contentsOf: separator) }
      output.append(contentsOf: piece)
    }
    if items.count == 1, items[0].type == rt.state.pointee.types.bytes {
      items[0].incref()
      return items[0].raw
    }
    return rt.newBytes(output)?.raw
  }

  static func splitCall(_ args: MethodArguments, _ name: String, reverse: Bool) -> PyRef? {
    let rt = args.rt
    guard let bound = args.bind(name, ["sep", "maxsplit"]) else { return nil }
    var limit = Int.max
    if let maxSplit = bound[1] {
      guard let value = rt.textIndexValue(maxSplit) else { return nil }
      if value >= 0 { limit = value }
    }
    var separator: UnsafeRawBufferPointer?
    if let sep = bound[0], sep != rt.state.pointee.none {
      guard let buffer = rt.bytesLikeBuffer(sep) else {
        rt.raise("TypeError", "a bytes-like object is required, not '\(sep.type.name)'")
        return nil
      }
      guard !buffer.isEmpty else {
        rt.raise("ValueError", "empty separator")
        return nil
      }
      separator = buffer
    }
    let data = buffer(args.this)
    var ranges: [Range<Int>] = []
    if let separator {
      var splits = 0
      if reverse {
        var end = data.count
        while splits < limit {
          let found = BytesSearch.findLast(data, separator, from: 0, to: end)
          if found < 0 { break }
          ranges.append(found + separator.count..<end)
          end = found
          splits += 1
        }
        ranges.append(0..<end)
        ranges.reverse()
      } else {
        var start = 0
        while splits < limit {
          let found = BytesSearch.find(data, separator, from: start, to: data.count)
          if found < 0 { break }
          ranges.append(start..<found)
          start = found + separator.count
          splits += 1
        }
        ranges.append(start..<data.count)
      }
    } else {
      var splits = 0
      if reverse {
        var index = data.count - 1
        while splits < limit {
          while index >= 0 && isSpace(data[index]) { index -= 1 }
          if index < 0 { break }
          let end = index + 1
          while index >= 0 && !isSpace(data[index]) { index -= 1 }
          ranges.append(index + 1..<end)
          splits += 1
        }
        while index >= 0 && isSpace(data[index]) { index -= 1 }
        if index >= 0 { ranges.append(0..<index + 1) }
        ranges.reverse()
      } else {
        var index = 0
        while splits < limit {
          while index < data.count && isSpace(data[index]) { index += 1 }
          if index == data.count { break }
          let start = index
          while index < data.count && !isSpace(data[index]) { index += 1 }
          ranges.append(start..<index)
          splits += 1
        }
        while index < data.count && isSpace(data[index]) { index += 1 }
        if index < data.count { ranges.append(index..<data.count) }
      }
    }
    guard let list = rt.newList() else { return nil }
    for range in ranges {
      guard let piece = slice(rt, args.this, range.lowerBound, range.upperBound) else {
        rt.decref(list)
        return nil
      }
      rt.listAppend(list, piece)
      rt.decref(piece)
    }
    return list
  }

  static let split: Slot.VectorCall = { _, argv, count, names, runtime in
    splitCall(MethodArguments(runtime, argv, count, names), "split", reverse: false)?.raw
  }
  static let rsplit: Slot.VectorCall = { _, argv, count, names, runtime in
    splitCall(MethodArguments(runtime, argv, count, names), "rsplit", reverse: true)?.raw
  }

  static func stripCall(_ args: MethodArguments, _ name: String, left: Bool, right: Bool) -> PyRef? {
    let rt = args.rt
    guard args.positional(name, qualifiedName: "bytes.\(name)", 0, 1) else { return nil }
    var set: UnsafeRawBufferPointer?
    if let chars = args.optional(0), chars != rt.state.pointee.none {
      guard let buffer = rt.bytesLikeBuffer(chars) else {
        rt.raise("TypeError", "a bytes-like object is required, not '\(chars.type.name)'")
        return nil
      }
      set = buffer
    }
    let data = buffer(args.this)
    func stripped(_ byte: UInt8) -> Bool { set.map { $0.contains(byte) } ?? isSpace(byte) }
    var start = 0, end = data.count
    if left { while start < end && stripped(data[start]) { start += 1 } }
    if right { while end > start && stripped(data[end - 1]) { end -= 1 } }
    return slice(rt, args.this, start, end)
  }

  static let strip: Slot.VectorCall = { _, argv, count, names, runtime in
    stripCall(MethodArguments(runtime, argv, count, names), "strip", left: true, right: true)?.raw
  }
  static let lstrip: Slot.VectorCall = { _, argv, count, names, runtime in
    stripCall(MethodArguments(runtime, argv, count, names), "lstrip", left: true, right: false)?.raw
  }
  static let rstrip: Slot.VectorCall = { _, argv, count, names, runtime in
    stripCall(MethodArguments(runtime, argv, count, names), "rstrip", left: false, right: true)?.raw
  }

  // MARK: - Searching

  /// find, rfind, index, rindex, count: the needle and the clamped bounds.
  static func searchArguments(_ args: MethodArguments, _ name: String)
    -> (needle: UnsafeRawBufferPointer, start: Int, end: Int)? {
    let rt = args.rt
    guard args.parseTuple(name, qualifiedName: "bytes.\(name)", 1, 3),
          let start = rt.textSliceBound(args.optional(1)), let end = rt.textSliceBound(args.optional(2)),
          let needle = rt.bytesNeedle(args[0], message: .integerOrBytesLike) else { return nil }
    let (first, last) = TextSlice.bounds(length: BytesObject.count(args.this), start: start, end: end)
    return (needle.buffer, first, last)
  }

  static func findCall(_ args: MethodArguments, _ name: String, reverse: Bool, raising: Bool) -> PyRef? {
    guard let (needle, start, end) = searchArguments(args, name) else { return nil }
    let data = buffer(args.this)
    var found = -1
    if end - start >= needle.count {
      found = reverse ? BytesSearch.findLast(data, needle, from: start, to: end)
                      : BytesSearch.find(data, needle, from: start, to: end)
    }
    if found < 0 && raising {
      args.rt.raise("ValueError", "subsection not found")
      return nil
    }
    return args.rt.newInt(found)
  }

  static let find: Slot.VectorCall = { _, argv, count, names, runtime in
    findCall(MethodArguments(runtime, argv, count, names), "find", reverse: false, raising: false)?.raw
  }
  static let rfind: Slot.VectorCall = { _, argv, count, names, runtime in
    findCall(MethodArguments(runtime, argv, count, names), "rfind", reverse: true, raising: false)?.raw
  }
  static let index: Slot.VectorCall = { _, argv, count, names, runtime in
    findCall(MethodArguments(runtime, argv, count, names), "index", reverse: false, raising: true)?.raw
  }
  static let rindex: Slot.VectorCall = { _, argv, count, names, runtime in
    findCall(MethodArguments(runtime, argv, count, names), "rindex", reverse: true, raising: true)?.raw
  }
  static let count: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard let (needle, start, end) = searchArguments(args, "count") else { return nil }
    if end - start < needle.count { return args.rt.newInt(0)?.raw }
    if needle.isEmpty { return args.rt.newInt(end - start + 1)?.raw }
    let data = buffer(args.this)
    var total = 0, position = start
    while true {
      let found = BytesSearch.find(data, needle, from: position, to: end)
      if found < 0 { break }
      total += 1
      position = found + needle.count
    }
    return args.rt.newInt(total)?.raw
  }

  static func tailMatchCall(_ args: MethodArguments, _ name: String, atEnd: Bool) -> PyRef? {
    let rt = args.rt
    guard args.parseTuple(name, qualifiedName: "bytes.\(name)", 1, 3),
          let start = rt.textSliceBound(args.optional(1)), let end = rt.textSliceBound(args.optional(2)) else { return nil }
    let (first, last) = TextSlice.bounds(length: BytesObject.count(args.this), start: start, end: end)
    let data = buffer(args.this)
    func matches(_ affix: UnsafeRawBufferPointer) -> Bool {
      if last - first < affix.count { return false }
      if affix.isEmpty { return true }
      let position = atEnd ? last - affix.count : first
      return TextMemory.equal(data.baseAddress! + position, affix.baseAddress!, affix.count)
    }
    let affix = args[0]
    if let buffer = rt.bytesLikeBuffer(affix) { return rt.newBool(matches(buffer)) }
    guard affix.type.record.pointee.kind == .tuple else {
      rt.raise("TypeError", "\(name) first arg must be bytes or a tuple of bytes, not \(affix.type.name)")
      return nil
    }
    for index in 0..<TupleObject.count(affix) {
      let item = TupleObject.item(affix, index)!
      guard let buffer = rt.bytesLikeBuffer(item) else {
        rt.raise("TypeError", "a bytes-like object is required, not '\(item.type.name)'")
        return nil
      }
      if matches(buffer) { return rt.newBool(true) }
    }
    return rt.newBool(false)
  }

  static let startswith: Slot.VectorCall = { _, argv, count, names, runtime in
    tailMatchCall(MethodArguments(runtime, argv, count, names), "startswith", atEnd: false)?.raw
  }
  static let endswith: Slot.VectorCall = { _, argv, count, names, runtime in
    tailMatchCall(MethodArguments(runtime, argv, count, names), "endswith", atEnd: true)?.raw
  }

  static func affixCall(_ args: MethodArguments, _ name: String, suffix: Bool) -> PyRef? {
    let rt = args.rt
    guard args.one("bytes.\(name)") else { return nil }
    guard let affix = rt.bytesLikeBuffer(args[0]) else {
      rt.raise("TypeError", "a bytes-like object is required, not '\(args[0].type.name)'")
      return nil
    }
    let data = buffer(args.this)
    if !affix.isEmpty, affix.count <= data.count {
      let position = suffix ? data.count - affix.count : 0
      if TextMemory.equal(data.baseAddress! + position, affix.baseAddress!, affix.count) {
        return suffix ? slice(rt, args.this, 0, position) : slice(rt, args.this, affix.count, data.count)
      }
    }
    return exact(rt, args.this)
  }

  static let removeprefix: Slot.VectorCall = { _, argv, count, names, runtime in
    affixCall(MethodArguments(runtime, argv, count, names), "removeprefix", suffix: false)?.raw
  }
  static let removesuffix: Slot.VectorCall = { _, argv, count, names, runtime in
    affixCall(MethodArguments(runtime, argv, count, names), "removesuffix", suffix: true)?.raw
  }

  /// `b.replace(old, new, count=-1)`.
  static let replace: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    let rt = args.rt
    guard args.positional("replace", qualifiedName: "bytes.replace", 2, 3) else { return nil }
    var buffers: [UnsafeRawBufferPointer] = []
    for index in 0..<2 {
      guard let buffer = rt.bytesLikeBuffer(args[index]) else {
        rt.raise("TypeError", "a bytes-like object is required, not '\(args[index].type.name)'")
        return nil
      }
      buffers.append(buffer)
    }
    var limit = Int.max
    if let countObject = args.optional(2) {
      guard let value = rt.textIndexValue(countObject) else { return nil }
      if value >= 0 { limit = value }
    }
    let (old, new) = (buffers[0], buffers[1])
    let data = buffer(args.this)
    var output: [UInt8] = []
    var replaced = 0, position = 0
    if old.isEmpty {
      while position <= data.count {
        if replaced < limit {
          output.append(contentsOf: new)
          replaced += 1
        }
        if position < data.count { output.append(data[position]) }
        position += 1
      }
    } else {
      while replaced < limit {
        let found = BytesSearch.find(data, old, from: position, to: data.count)
        if found < 0 { break }
        output.append(contentsOf: UnsafeRawBufferPointer(rebasing: data[position..<found]))
        output.append(contentsOf: new)
        position = found + old.count
        replaced += 1
      }
      output.append(contentsOf: UnsafeRawBufferPointer(rebasing: data[position...]))
    }
    if replaced == 0 { return exact(rt, args.this)?.raw }
    return rt.newBytes(output)?.raw
  }

  // MARK: - ASCII case and classes

  static func mapBytes(_ args: MethodArguments, _ name: String, _ transform: (UInt8) -> UInt8) -> PyRef? {
    guard args.none("bytes.\(name)") else { return nil }
    return args.rt.newBytes(buffer(args.this).map(transform))
  }

  static let upper: Slot.VectorCall = { _, argv, count, names, runtime in
    mapBytes(MethodArguments(runtime, argv, count, names), "upper") { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }?.raw
  }
  static let lower: Slot.VectorCall = { _, argv, count, names, runtime in
    mapBytes(MethodArguments(runtime, argv, count, names), "lower") { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }?.raw
  }

  static func isLowerByte(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }
  static func isUpperByte(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
  static func isDigitByte(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

  static func predicate(_ args: MethodArguments, _ name: String, _ test: (UnsafeRawBufferPointer) -> Bool) -> PyRef? {
    guard args.none("bytes.\(name)") else { return nil }
    return args.rt.newBool(test(buffer(args.this)))
  }

  static let isdigit: Slot.VectorCall = { _, argv, count, names, runtime in
    predicate(MethodArguments(runtime, argv, count, names), "isdigit") { !$0.isEmpty && $0.allSatisfy(isDigitByte) }?.raw
  }
  static let isalpha: Slot.VectorCall = { _, argv, count, names, runtime in
    predicate(MethodArguments(runtime, argv, count, names), "isalpha") {
      !$0.isEmpty && $0.allSatisfy { isLowerByte($0) || isUpperByte($0) }
    }?.raw
  }
  static let isalnum: Slot.VectorCall = { _, argv, count, names, runtime in
    predicate(MethodArguments(runtime, argv, count, names), "isalnum") {
      !$0.isEmpty && $0.allSatisfy { isLowerByte($0) || isUpperByte($0) || isDigitByte($0) }
    }?.raw
  }
  static let isspace: Slot.VectorCall = { _, argv, count, names, runtime in
    predicate(MethodArguments(runtime, argv, count, names), "isspace") { !$0.isEmpty && $0.allSatisfy(isSpace) }?.raw
  }
  static let islower: Slot.VectorCall = { _, argv, count, names, runtime in
    predicate(MethodArguments(runtime, argv, count, names), "islower") {
      $0.contains(where: isLowerByte) && !$0.contains(where: isUpperByte)
    }?.raw
  }
  static let isupper: Slot.VectorCall = { _, argv, count, names, runtime in
    predicate(MethodArguments(runtime, argv, count, names), "isupper") {
      $0.contains(where: isUpperByte) && !$0.contains(where: isLowerByte)
    }?.raw
  }
  static let isascii: Slot.VectorCall = { _, argv, count, names, runtime in
    predicate(MethodArguments(runtime, argv, count, names), "isascii") { $0.allSatisfy { $0 < 0x80 } }?.raw
  }
  static let getnewargs: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard args.none("bytes.__getnewargs__"), let copy = exact(args.rt, args.this) else { return nil }
    return args.rt.newTuple([copy])?.raw
  }
}
