import PyCompiler

extension BuiltinFunctions {
  static let numeric: [BuiltinFunction] = [
    BuiltinFunction("abs") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("abs", exactly: 1) else { return nil }
      return a.rt.unaryOp(a[0], 3)?.raw
    },
    BuiltinFunction("divmod") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("divmod", exactly: 2) else { return nil }
      let rt = a.rt
      if rt.isNumber(a[0]), rt.isNumber(a[1]) { return rt.numberBinary(.divmod, a[0], a[1])?.raw }
      let (found, result) = rt.callSpecial(a[0], "__divmod__", [a[1]])
      if found, let result, result != rt.state.pointee.notImplemented { return result.raw }
      if found, result == nil { return nil }
      let (foundR, resultR) = rt.callSpecial(a[1], "__rdivmod__", [a[0]])
      if foundR, let resultR, resultR != rt.state.pointee.notImplemented { return resultR.raw }
      if foundR, resultR == nil { return nil }
      rt.raise("TypeError", "unsupported operand type(s) for divmod(): '\(a[0].type.name)' and '\(a[1].type.name)'")
      return nil
    },
    BuiltinFunction("pow") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard let bound = a.args.bind("pow", ["base", "exp", "mod"], required: 2) else { return nil }
      let rt = a.rt
      if let modulus = bound[2], modulus != rt.state.pointee.none {
        return rt.numberPower(bound[0]!, bound[1]!, modulus: modulus)?.raw
      }
      return rt.binaryOp(bound[0]!, bound[1]!, UInt32(BinaryOperator.power.rawValue))?.raw
    },
    BuiltinFunction("round") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard let bound = a.args.bind("round", ["number", "ndigits"], required: 1) else { return nil }
      let rt = a.rt
      guard let method = rt.lookup(bound[0]!.type, "__round__") else {
        rt.raise("TypeError", "type \(bound[0]!.type.name) doesn't define __round__ method")
        return nil
      }
      let arguments = bound[1].map { $0 == rt.state.pointee.none ? [] : [$0] } ?? []
      return rt.callMethodLike(method, boundTo: bound[0]!, arguments)?.raw
    },
    BuiltinFunction("min") { _, argv, count, names, runtime in
      ModuleArguments(runtime, argv, count, names).rt.minMax(ModuleArguments(runtime, argv, count, names), "min", .lessThan)?.raw
    },
    BuiltinFunction("max") { _, argv, count, names, runtime in
      ModuleArguments(runtime, argv, count, names).rt.minMax(ModuleArguments(runtime, argv, count, names), "max", .greaterThan)?.raw
    },
    BuiltinFunction("sum") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard let bound = a.args.bind("sum", ["iterable", "start"], required: 1, positionalOnly: 1) else { return nil }
      let rt = a.rt
      var total = bound[1] ?? rt.newInt(0)!
      if bound[1] != nil {
        if rt.isInstance(total, rt.state.pointee.types.str) {
          rt.raise("TypeError", "sum() can't sum strings [use ''.join(seq) instead]")
          return nil
        }
        if rt.isInstance(total, rt.state.pointee.types.bytes) {
          rt.raise("TypeError", "sum() can't sum bytes [use b''.join(seq) instead]")
          return nil
        }
        total.incref()
      }
      let ok = rt.forEach(bound[0]!) { item in
        guard let next = rt.binaryOp(total, item, UInt32(BinaryOperator.add.rawValue)) else { return false }
        rt.decref(total)
        total = next
        return true
      }
      if !ok { rt.decref(total); return nil }
      return total.raw
    },
    BuiltinFunction("hex") { _, argv, count, names, runtime in radixString(runtime, argv, count, names, "hex", 16) },
    BuiltinFunction("oct") { _, argv, count, names, runtime in radixString(runtime, argv, count, names, "oct", 8) },
    BuiltinFunction("bin") { _, argv, count, names, runtime in radixString(runtime, argv, count, names, "bin", 2) },
  ]

  static func radixString(_ runtime: RawRuntime, _ argv: UnsafePointer<UnsafeMutableRawPointer?>, _ count: Int,
                          _ names: UnsafeMutableRawPointer?, _ name: String, _ base: Int) -> UnsafeMutableRawPointer? {
    let a = ModuleArguments(runtime, argv, count, names)
    guard a.args.expect(name, exactly: 1) else { return nil }
    let rt = a.rt
    var value = a[0]
    var owned: PyRef?
    if !rt.isInstance(value, rt.state.pointee.types.int) {
      guard let index = rt.lookup(value.type, "__index__"), let result = rt.callMethodLike(index, boundTo: value, []) else {
        if !rt.hasError { rt.raise("TypeError", "'\(value.type.name)' object cannot be interpreted as an integer") }
        return nil
      }
      owned = result
      value = result
    }
    defer { rt.decref(owned) }
    if value.type != rt.state.pointee.types.int, let plain = rt.newInt(parsing: rt.intToDecimalString(value) ?? "0") {
      defer { rt.decref(plain) }
      return rt.intToString(plain, base: base).flatMap { rt.newStr($0) }?.raw
    }
    return rt.intToString(value, base: base).flatMap { rt.newStr($0) }?.raw
  }
}

extension RuntimeRef {
  /// `min()` / `max()`: one iterable or several arguments, `key=` and `default=`.
  func minMax(_ a: ModuleArguments, _ name: String, _ op: ComparisonOperator) -> PyRef? {
    var key: PyRef?, defaultValue: PyRef?
    for index in 0..<a.args.keywordCount {
      let (keyword, value) = a.args.keyword(index)
      switch StrObject.string(keyword) {
      case "key": key = value == state.pointee.none ? nil : value
      case "default": defaultValue = value
      default:
        raise("TypeError", "\(name)() got an unexpected keyword argument '\(StrObject.string(keyword))'")
        return nil
      }
    }
    guard a.count > 0 else {
      raise("TypeError", "\(name) expected at least 1 argument, got 0")
      return nil
    }
    var items: [PyRef]
    if a.count == 1 {
      guard let collected = collectItems(a[0]) else { return nil }
      items = collected
    } else {
      if defaultValue != nil {
        raise("TypeError", "Cannot specify a default for \(name)() with multiple positional arguments")
        return nil
      }
      items = (0..<a.count).map { let item = a[$0]; item.incref(); return item }
    }
    defer { for item in items { decref(item) } }
    guard !items.isEmpty else {
      if let defaultValue {
        defaultValue.incref()
        return defaultValue
      }
      raise("ValueError", "\(name)() arg is an empty sequence")
      return nil
    }
    var best = items[0]
    var bestKey: PyRef
    if let key {
      guard let first = call(key, [best]) else { return nil }
      bestKey = first
    } else {
      best.incref()
      bestKey = best
    }
    defer { decref(bestKey) }
    for item in items.dropFirst() {
      let itemKey: PyRef
      if let key {
        guard let computed = call(key, [item]) else { return nil }
        itemKey = computed
      } else {
        item.incref()
        itemKey = item
      }
      let better = richCompareBool(itemKey, bestKey, op)
      if better < 0 { decref(itemKey); return nil }
      if better == 1 {
        decref(bestKey)
        bestKey = itemKey
        best = item
      } else {
        decref(itemKey)
      }
    }
    best.incref()
    return best
  }
}
