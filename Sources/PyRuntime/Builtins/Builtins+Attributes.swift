extension BuiltinFunctions {
  static let attributes: [BuiltinFunction] = [
    BuiltinFunction("getattr") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("getattr", atLeast: 2, atMost: 3), a.rt.checkAttributeName(a[1], "getattr") else { return nil }
      if let value = a.rt.getAttribute(a[0], a[1]) { return value.raw }
      if a.count == 3, a.rt.exceptionMatches("AttributeError") {
        a.rt.clearError()
        a[2].incref()
        return a[2].raw
      }
      return nil
    },
    BuiltinFunction("setattr") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("setattr", exactly: 3), a.rt.checkAttributeName(a[1], "setattr"),
            a.rt.setAttribute(a[0], a[1], a[2]) else { return nil }
      return a.rt.newNone().raw
    },
    BuiltinFunction("delattr") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("delattr", exactly: 2), a.rt.checkAttributeName(a[1], "delattr"),
            a.rt.setAttribute(a[0], a[1], nil) else { return nil }
      return a.rt.newNone().raw
    },
    BuiltinFunction("hasattr") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("hasattr", exactly: 2), a.rt.checkAttributeName(a[1], "hasattr") else { return nil }
      if let value = a.rt.getAttribute(a[0], a[1]) {
        a.rt.decref(value)
        return a.rt.newBool(true).raw
      }
      guard a.rt.exceptionMatches("AttributeError") else { return nil }
      a.rt.clearError()
      return a.rt.newBool(false).raw
    },
    BuiltinFunction("isinstance") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("isinstance", exactly: 2) else { return nil }
      let result = a.rt.isInstanceCheck(a[0], a[1])
      return result < 0 ? nil : a.rt.newBool(result == 1).raw
    },
    BuiltinFunction("issubclass") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("issubclass", exactly: 2) else { return nil }
      let result = a.rt.isSubclassCheck(a[0], a[1])
      return result < 0 ? nil : a.rt.newBool(result == 1).raw
    },
    BuiltinFunction("vars") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("vars", atLeast: 0, atMost: 1) else { return nil }
      guard a.count == 1 else {
        guard let frame = a.rt.state.pointee.interpreter.currentFrame else { return nil }
        return a.rt.frameLocals(frame)?.raw
      }
      guard let dict = a.rt.getOptionalAttribute(a[0], "__dict__") else {
        if !a.rt.hasError { a.rt.raise("TypeError", "vars() argument must have __dict__ attribute") }
        return nil
      }
      return dict.raw
    },
    BuiltinFunction("dir") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("dir", atLeast: 0, atMost: 1) else { return nil }
      guard a.count == 1 else {
        guard let frame = a.rt.state.pointee.interpreter.currentFrame, let locals = a.rt.frameLocals(frame) else { return nil }
        defer { a.rt.decref(locals) }
        guard let list = a.rt.listFrom(locals) else { return nil }
        guard let sort = a.rt.callMethod(list, "sort") else { a.rt.decref(list); return nil }
        a.rt.decref(sort)
        return list.raw
      }
      guard let listing = a.rt.callSpecial(a[0], "__dir__").result else { return nil }
      defer { a.rt.decref(listing) }
      guard let list = a.rt.listFrom(listing) else { return nil }
      guard let sorted = a.rt.callMethod(list, "sort") else { a.rt.decref(list); return nil }
      a.rt.decref(sorted)
      return list.raw
    },
  ]
}

extension RuntimeRef {
  func checkAttributeName(_ name: PyRef, _ function: String) -> Bool {
    guard isInstance(name, state.pointee.types.str) else {
      raise("TypeError", "attribute name must be string, not '\(name.type.name)'")
      return false
    }
    return true
  }

  /// `isinstance(object, classinfo)` with tuples and `__instancecheck__`: 1, 0 or -1.
  public func isInstanceCheck(_ object: PyRef, _ classInfo: PyRef) -> Int32 {
    if classInfo.type.record.pointee.kind == .tuple {
      for index in 0..<TupleObject.count(classInfo) {
        let result = isInstanceCheck(object, TupleObject.item(classInfo, index)!)
        if result != 0 { return result }
      }
      return 0
    }
    guard classInfo.type.record.pointee.kind == .type else {
      // Not a class: a union, or an object whose type defines `__instancecheck__`.
      if let check = lookup(classInfo.type, "__instancecheck__") {
        guard let result = callMethodLike(check, boundTo: classInfo, [object]) else { return -1 }
        defer { decref(result) }
        return isTrue(result)
      }
      if !hasError { raise("TypeError", "isinstance() arg 2 must be a type, a tuple of types, or a union") }
      return -1
    }
    if isInstance(object, PyType(classInfo.raw)) { return 1 }
    if classInfo.type != state.pointee.types.type, let check = lookup(classInfo.type, .__instancecheck__),
       check.type.record.pointee.kind == .function {
      guard let result = callMethodLike(check, boundTo: classInfo, [object]) else { return -1 }
      defer { decref(result) }
      return isTrue(result)
    }
    // `__class__` may differ from the type (proxies).
    if let claimed = getAttribute(object, identifier(.__class__)) {
      defer { decref(claimed) }
      if claimed != object.type.object, claimed.type.record.pointee.kind == .type,
         isSubtype(PyType(claimed.raw), PyType(classInfo.raw)) { return 1 }
    }
    clearError()
    return 0
  }

  /// `issubclass(cls, classinfo)`: 1, 0 or -1.
  public func isSubclassCheck(_ cls: PyRef, _ classInfo: PyRef) -> Int32 {
    guard cls.type.record.pointee.kind == .type else {
      raise("TypeError", "issubclass() arg 1 must be a class")
      return -1
    }
    if classInfo.type.record.pointee.kind == .tuple {
      for index in 0..<TupleObject.count(classInfo) {
        let result = isSubclassCheck(cls, TupleObject.item(classInfo, index)!)
        if result != 0 { return result }
      }
      return 0
    }
    guard classInfo.type.record.pointee.kind == .type else {
      if let check = lookup(classInfo.type, "__subclasscheck__") {
        guard let result = callMethodLike(check, boundTo: classInfo, [cls]) else { return -1 }
        defer { decref(result) }
        return isTrue(result)
      }
      if !hasError { raise("TypeError", "issubclass() arg 2 must be a class, a tuple of classes, or a union") }
      return -1
    }
    if classInfo.type != state.pointee.types.type, let check = lookup(classInfo.type, .__subclasscheck__),
       check.type.record.pointee.kind == .function {
      guard let result = callMethodLike(check, boundTo: classInfo, [cls]) else { return -1 }
      defer { decref(result) }
      return isTrue(result)
    }
    return isSubtype(PyType(cls.raw), PyType(classInfo.raw)) ? 1 : 0
  }

  /// `__build_class__(func, name, *bases, metaclass=None, **kwds)`.
  func buildClass(_ args: Arguments) -> PyRef? {
    guard args.count >= 2 else {
      raise("TypeError", "__build_class__: not enough arguments")
      return nil
    }
    let body = args[0], name = args[1]
    var bases: [PyRef] = []
    for index in 2..<args.count { bases.append(args[index]) }
    var pendingEntries: [PyRef] = []
    var metaclass: PyRef?
    var keywordNames: [PyRef] = [], keywordValues: [PyRef] = []
    for index in 0..<args.keywordCount {
      let (key, value) = args.keyword(index)
      if StrObject.string(key) == "metaclass" { metaclass = value } else {
        keywordNames.append(key)
        keywordValues.append(value)
      }
    }
    // PEP 560: a base that is not a class may stand for others (`Generic[T]` for
    // `Generic`) through `__mro_entries__(original bases)`.
    var originalBases: PyRef?
    if bases.contains(where: { $0.type.record.pointee.kind != .type }) {
      for base in bases { base.incref() }
      guard let original = newTuple(bases) else { return nil }
      var resolved: [PyRef] = []
      for base in bases {
        guard base.type.record.pointee.kind != .type, let entries = getOptionalAttribute(base, "__mro_entries__") else {
          if hasError { decref(original); return nil }
          resolved.append(base)
          continue
        }
        let result = call(entries, [original])
        decref(entries)
        guard let result else { decref(original); return nil }
        guard result.type.record.pointee.kind == .tuple else {
          decref(result)
          decref(original)
          raise("TypeError", "__mro_entries__ must return a tuple")
          return nil
        }
        for index in 0..<TupleObject.count(result) { resolved.append(TupleObject.item(result, index)!) }
        // The tuple's items stay alive through `original`'s bases or the classes they
        // name; keep the tuple until the class is made.
        pendingEntries.append(result)
      }
      bases = resolved
      originalBases = original
    }
    defer {
      decref(originalBases)
      for entries in pendingEntries { decref(entries) }
    }
    if metaclass == nil {
      var winner = bases.first?.type.object ?? state.pointee.types.type.object
      for base in bases.dropFirst() where isSubtype(base.type, PyType(winner.raw)) { winner = base.type.object }
      metaclass = winner
    }
    let meta = metaclass!
    for name in keywordNames { name.incref() }
    let namesTuple = keywordNames.isEmpty ? nil : newTuple(keywordNames)
    defer { decref(namesTuple) }
    for base in bases { base.incref() }
    guard let basesTuple = newTuple(bases) else { return nil }
    defer { decref(basesTuple) }
    var namespace: PyRef
    if let prepare = getOptionalAttribute(meta, "__prepare__") {
      defer { decref(prepare) }
      guard let prepared = call(prepare, [name, basesTuple] + keywordValues, keywordNames: namesTuple) else { return nil }
      namespace = prepared
    } else {
      if hasError { return nil }
      guard let dict = newDict() else { return nil }
      namespace = dict
    }
    defer { decref(namespace) }
    if let originalBases {
      guard let key = newStr("__orig_bases__") else { return nil }
      defer { decref(key) }
      guard setItem(namespace, key, originalBases as PyRef?) else { return nil }
    }
    guard let cell = runClassBody(body, namespace: namespace) else { return nil }
    defer { decref(cell) }
    guard let cls = call(meta, [name, basesTuple, namespace] + keywordValues, keywordNames: namesTuple) else { return nil }
    if cell.type == state.pointee.types.cell {
      cls.incref()
      setCellContents(cell, cls)
    }
    return cls
  }
}
