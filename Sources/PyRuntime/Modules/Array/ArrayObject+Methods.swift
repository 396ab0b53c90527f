/// The methods and attributes of `array.array`. CPython: Modules/arraymodule.c
/// (`array_array_*_impl`, `array_get_typecode`, `array_get_itemsize`).
extension ArrayObject {
  /// Checks a method's argument count after `self` with argument clinic's wording:
  /// "array.append() takes exactly one argument (0 given)".
  static func arguments(_ args: Arguments, _ name: StaticString, exactly expected: Int) -> Bool {
    let given = args.count - 1
    if args.keywordCount > 0 {
      args.rt.raise("TypeError", "array.\(name)() takes no keyword arguments")
      return false
    }
    guard given == expected else {
      let wanted = expected == 0 ? "no arguments" : "exactly one argument"
      args.rt.raise("TypeError", "array.\(name)() takes \(wanted) (\(given) given)")
      return false
    }
    return true
  }

  /// The index of the first item equal to `target` in `start..<stop`, -1 when none, nil
  /// with an exception set.
  static func find(_ rt: RuntimeRef, _ array: PyRef, _ target: PyRef, from start: Int = 0, to stop: Int = Int.max) -> Int? {
    var index = start
    while index < min(stop, array.size) {
      guard let item = rt.arrayItem(array, index) else { return nil }
      let same = rt.richCompareBool(item, target, .equal)
      rt.decref(item)
      if same < 0 { return nil }
      if same == 1 { return index }
      index += 1
    }
    return -1
  }

  static let methods: [MethodDefinition] = [
    MethodDefinition("append", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard arguments(args, "append", exactly: 1), args.rt.arrayInsert(args[0], args[0].size, args[1]) else { return nil }
      return args.rt.newNone().raw
    }),
    MethodDefinition("extend", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard arguments(args, "extend", exactly: 1), args.rt.arrayExtend(args[0], args[1]) else { return nil }
      return args.rt.newNone().raw
    }),
    MethodDefinition("insert", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      let rt = args.rt
      guard args.noKeywords("array.insert") else { return nil }
      guard count == 3 else {
        rt.raise("TypeError", "insert expected 2 arguments, got \(count - 1)")
        return nil
      }
      guard let index = rt.asIndex(args[1]), rt.arrayInsert(args[0], index, args[2]) else { return nil }
      return rt.newNone().raw
    }),
    MethodDefinition("pop", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      let rt = args.rt, array = args[0]
      guard args.noKeywords("array.pop") else { return nil }
      guard count <= 2 else {
        rt.raise("TypeError", "pop expected at most 1 argument, got \(count - 1)")
        return nil
      }
      var index = -1
      if count == 2 {
        guard let given = rt.asIndex(args[1]) else { return nil }
        index = given
      }
      guard array.size > 0 else {
        rt.raise("IndexError", "pop from empty array")
        return nil
      }
      if index < 0 { index += array.size }
      guard index >= 0 && index < array.size else {
        rt.raise("IndexError", "pop index out of range")
        return nil
      }
      guard let item = rt.arrayItem(array, index) else { return nil }
      guard rt.arrayDeleteSlice(array, index, index + 1) else {
        rt.decref(item)
        return nil
      }
      return item.raw
    }),
    MethodDefinition("remove", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard arguments(args, "remove", exactly: 1), let index = find(args.rt, args[0], args[1]) else { return nil }
      guard index >= 0 else {
        args.rt.raise("ValueError", "array.remove(x): x not in array")
        return nil
      }
      guard args.rt.arrayDeleteSlice(args[0], index, index + 1) else { return nil }
      return args.rt.newNone().raw
    }),
    MethodDefinition("index", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      let rt = args.rt, array = args[0]
      guard args.noKeywords("array.index") else { return nil }
      guard count >= 2 && count <= 4 else {
        rt.raise("TypeError", count < 2 ? "index expected at least 1 argument, got 0"
                                         : "index expected at most 3 arguments, got \(count - 1)")
        return nil
      }
      var start = 0, stop = Int.max
      if count >= 3 {
        guard let value = rt.clampedIndexArgument(args[2]) else { return nil }
        start = value < 0 ? max(value + array.size, 0) : value
      }
      if count == 4 {
        guard let value = rt.clampedIndexArgument(args[3]) else { return nil }
        stop = value < 0 ? max(value + array.size, 0) : value
      }
      guard let index = find(rt, array, args[1], from: start, to: stop) else { return nil }
      guard index >= 0 else {
        rt.raise("ValueError", "array.index(x): x not in array")
        return nil
      }
      return rt.newInt(index)?.raw
    }),
    MethodDefinition("count", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard arguments(args, "count", exactly: 1) else { return nil }
      let rt = args.rt, array = args[0]
      var found = 0, index = 0
      while index < array.size {
        guard let item = rt.arrayItem(array, index) else { return nil }
        let same = rt.richCompareBool(item, args[1], .equal)
        rt.decref(item)
        if same < 0 { return nil }
        found += Int(same)
        index += 1
      }
      return rt.newInt(found)?.raw
    }),
    MethodDefinition("reverse", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard arguments(args, "reverse", exactly: 0) else { return nil }
      let array = args[0], size = itemSize(of: array)
      if array.size > 1 {
        let base = items(array)!
        var low = 0, high = array.size - 1
        withUnsafeTemporaryAllocation(byteCount: size, alignment: 8) { swap in
          while low < high {
            swap.baseAddress!.copyMemory(from: base + low * size, byteCount: size)
            (base + low * size).copyMemory(from: base + high * size, byteCount: size)
            (base + high * size).copyMemory(from: swap.baseAddress!, byteCount: size)
            low += 1
            high -= 1
          }
        }
      }
      return args.rt.newNone().raw
    }),
    MethodDefinition("byteswap", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard arguments(args, "byteswap", exactly: 0) else { return nil }
      let array = args[0], size = itemSize(of: array)
      if let base = items(array) {
        for index in 0..<array.size {
          var item = UnsafeMutableRawBufferPointer(start: base + index * size, count: size)
          item.reverse()
        }
      }
      return args.rt.newNone().raw
    }),
    MethodDefinition("tolist", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard arguments(args, "tolist", exactly: 0) else { return nil }
      return args.rt.arrayToList(args[0])?.raw
    }),
    MethodDefinition("fromlist", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard arguments(args, "fromlist", exactly: 1) else { return nil }
      let rt = args.rt, array = args[0], list = args[1]
      guard list.type.record.pointee.kind == .list else {
        rt.raise("TypeError", "arg must be list")
        return nil
      }
      let old = array.size, added = list.size
      guard rt.arrayResize(array, old + added) else { return nil }
      for index in 0..<added {
        guard index < list.size, rt.arraySetItem(array, old + index, PyRef(ListObject.storage(list)[index]!)) else {
          _ = rt.arrayResize(array, old)
          return nil
        }
      }
      return rt.newNone().raw
    }),
    MethodDefinition("tobytes", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard arguments(args, "tobytes", exactly: 0) else { return nil }
      let array = args[0]
      let byteCount = array.size * itemSize(of: array)
      return args.rt.newBytes(UnsafeRawBufferPointer(start: items(array), count: byteCount))?.raw
    }),
    MethodDefinition("frombytes", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard arguments(args, "frombytes", exactly: 1) else { return nil }
      let rt = args.rt, kind = args[1].type.record.pointee.kind
      guard kind == .bytes || kind == .bytearray || rt.isArray(args[1]) else {
        rt.raise("TypeError", "a bytes-like object is required, not '\(args[1].type.name)'")
        return nil
      }
      let bytes: [UInt8]
      if rt.isArray(args[1]) {
        let other = args[1]
        // A buffer of wider items is refused (`buffer->itemsize != 1`).
        guard itemSize(of: other) == 1 else {
          rt.raise("TypeError", "a bytes-like object is required")
          return nil
        }
        bytes = Array(UnsafeRawBufferPointer(start: items(other), count: other.size * itemSize(of: other)))
      } else {
        guard let contents = rt.bytesLikeContents(args[1]) else { return nil }
        bytes = contents
      }
      guard rt.arrayAppendBytes(args[0], bytes) else { return nil }
      return rt.newNone().raw
    }),
    MethodDefinition("tounicode", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard arguments(args, "tounicode", exactly: 0) else { return nil }
      guard typecode(args[0]) == UInt8(ascii: "u") else {
        args.rt.raise("ValueError", "tounicode() may only be called on unicode type arrays")
        return nil
      }
      return args.rt.arrayToUnicode(args[0])?.raw
    }),
    MethodDefinition("fromunicode", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard arguments(args, "fromunicode", exactly: 1) else { return nil }
      let rt = args.rt, array = args[0]
      guard rt.isInstance(args[1], rt.state.pointee.types.str) else {
        rt.raise("TypeError", "fromunicode() argument must be str, not \(args[1].type.name)")
        return nil
      }
      guard typecode(array) == UInt8(ascii: "u") else {
        rt.raise("ValueError", "fromunicode() may only be called on unicode type arrays")
        return nil
      }
      let scalars = Array(StrObject.string(args[1]).unicodeScalars)
      let old = array.size
      if !scalars.isEmpty {
        guard rt.arrayResize(array, old + scalars.count) else { return nil }
        for (index, scalar) in scalars.enumerated() { rt.storeArrayBits(array, old + index, UInt64(scalar.value)) }
      }
      return rt.newNone().raw
    }),
    MethodDefinition("buffer_info", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard arguments(args, "buffer_info", exactly: 0) else { return nil }
      let rt = args.rt, array = args[0]
      let address = UInt(bitPattern: items(array))
      guard let first = rt.newInt(address) else { return nil }
      guard let second = rt.newInt(array.size) else {
        rt.decref(first)
        return nil
      }
      return rt.newTuple([first, second])?.raw
    }),
    MethodDefinition("__sizeof__", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard arguments(args, "__sizeof__", exactly: 0) else { return nil }
      let array = args[0]
      return args.rt.newInt(basicSize + allocated(array) * itemSize(of: array))?.raw
    }),
    MethodDefinition("__copy__", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard arguments(args, "__copy__", exactly: 0) else { return nil }
      return args.rt.newArray(like: args[0], copying: items(args[0]), count: args[0].size)?.raw
    }),
    MethodDefinition("__deepcopy__", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard arguments(args, "__deepcopy__", exactly: 1) else { return nil }
      return args.rt.newArray(like: args[0], copying: items(args[0]), count: args[0].size)?.raw
    }),
    // Pickling as protocols 0-2 do it in CPython: `(type, (typecode, list), state)`.
    MethodDefinition("__reduce_ex__", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard arguments(args, "__reduce_ex__", exactly: 1) else { return nil }
      let rt = args.rt, array = args[0]
      guard let code = rt.newStr(typecodeString(typecode(array))) else { return nil }
      guard let list = rt.arrayToList(array) else {
        rt.decref(code)
        return nil
      }
      guard let arguments = rt.newTuple([code, list]) else { return nil }
      var state = rt.newNone()
      if let dict = rt.getAttribute(array, "__dict__") {
        rt.decref(state)
        state = dict
      } else {
        rt.clearError()
      }
      array.type.object.incref()
      return rt.newTuple([array.type.object, arguments, state])?.raw
    }),
  ]

  static let getSets: [GetSetDefinition] = [
    GetSetDefinition("typecode", { raw, runtime in
      RuntimeRef(raw: runtime).newStr(typecodeString(typecode(PyRef(raw))))?.raw
    }),
    GetSetDefinition("itemsize", { raw, runtime in
      RuntimeRef(raw: runtime).newInt(itemSize(of: PyRef(raw)))?.raw
    }),
  ]
}
