import PyCompiler

/// `_collections`: the parts of `collections` written in Swift for speed. `deque` (and its
/// iterators), `_tuplegetter` (namedtuple fields), and `_count_elements`, the loop under
/// `Counter.update`. The rest of
/// `collections` is Python, in `Lib/collections.py`, as CPython splits it.
///
/// `_set_type_name(cls, name)` is pyheap's own: it gives a class written in Python the
/// C-level name of the CPython C type it stands in for (see `setInternalTypeName`).
/// `_caller_module(depth)` is pyheap's own too: the `__name__` of the module whose code is
/// `depth` calls up the stack (1: the caller of the Python function calling it), what
/// CPython reads through `sys._getframe(depth).f_globals['__name__']` (namedtuple's
/// `__module__`). pyheap has no frame objects for `sys._getframe` to return.
/// CPython: Modules/_collectionsmodule.c.
extension RuntimeRef {
  func makeCollectionsModule() -> PyRef? {
    if state.pointee.types.byName["collections.deque"] == nil {
      makeDequeTypes()
      TupleGetter.makeType(self)
    }
    guard let module = newNativeModule("_collections", functions: CollectionsFunctions.all) else { return nil }
    let dict = ModuleType.dict(module)
    for (name, typeName) in [("deque", "collections.deque"), ("_deque_iterator", "_collections._deque_iterator"),
                             ("_deque_reverse_iterator", "_collections._deque_reverse_iterator"),
                             ("_tuplegetter", "_collections._tuplegetter")] {
      guard setItem(dict, name, state.pointee.types.byName[typeName]!.object) else {
        decref(module)
        return nil
      }
    }
    return module
  }

  /// Makes `collections.deque` and its two iterator types, once per runtime.
  private func makeDequeTypes() {
    let type = makeType(name: "collections.deque", basicSize: DequeObject.basicSize, flags: [.haveGC, .baseType],
                        weakListOffset: DequeObject.weakListOffset, dealloc: DequeObject.dealloc,
                        traverse: DequeObject.traverse, clear: DequeObject.clear)
    let record = type.record
    record.pointee.repr = DequeObject.repr
    record.pointee.hash = RuntimeRef.unhashable
    record.pointee.richCompare = DequeObject.richCompare
    record.pointee.length = DequeObject.length
    record.pointee.getItem = DequeObject.getItem
    record.pointee.setItem = DequeObject.setItem
    record.pointee.contains = DequeObject.contains
    record.pointee.iter = DequeObject.iter
    record.pointee.binary = DequeObject.binary
    record.pointee.new = DequeObject.new
    record.pointee.initialize = DequeObject.initialize
    readyBuiltinType(type, base: nil, kind: .other)
    addSlotWrappers(type)
    addMethods(type, DequeObject.methods)
    addGetSets(type, DequeObject.getSets)
    keepBinaryWrappers(type, ["__add__", "__mul__", "__rmul__", "__iadd__", "__imul__"], unhashable: true)
    state.pointee.types.byName["collections.deque"] = type
    DequeIterator.makeTypes(self)
  }
}

enum CollectionsFunctions {
  static let all: [BuiltinFunction] = [
    /// `_count_elements(mapping, iterable)`: `mapping[x] = mapping.get(x, 0) + 1` for each
    /// item, straight on the dict when `get` and `__setitem__` are dict's own.
    BuiltinFunction("_count_elements") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("_count_elements", exactly: 2) else { return nil }
      return a.rt.countElements(a[0], a[1]) ? a.rt.newNone().raw : nil
    },
    BuiltinFunction("_set_type_name") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("_set_type_name", exactly: 2) else { return nil }
      let rt = a.rt
      guard a[0].type.record.pointee.kind == .type, PyType(a[0].raw).flags.contains(.heapType),
            rt.isInstance(a[1], rt.state.pointee.types.str) else {
        rt.raise("TypeError", "_set_type_name() expects a class and a str")
        return nil
      }
      rt.setInternalTypeName(PyType(a[0].raw), StrObject.string(a[1]))
      return rt.newNone().raw
    },
    BuiltinFunction("_caller_module") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("_caller_module", exactly: 1) else { return nil }
      guard let depth = a.rt.indexInteger(a[0]) else { return nil }
      return a.rt.callerModuleName(depth: depth)?.raw
    },
  ]
}

extension RuntimeRef {
  func countElements(_ mapping: PyRef, _ iterable: PyRef) -> Bool {
    let dictType = state.pointee.types.dict!
    let plainDict = isInstance(mapping, dictType)
      && lookup(mapping.type, "get") == lookup(dictType, "get")
      && lookup(mapping.type, "__setitem__") == lookup(dictType, "__setitem__")
    guard let one = newInt(1) else { return false }
    defer { decref(one) }
    return forEach(iterable) { item in
      if plainDict {
        let hash = self.hash(item)
        if hash == -1 && hasError { return false }
        let old = dictGetItem(mapping, item, hash: hash)
        if hasError { return false }
        guard let old else { return dictSetItem(mapping, item, one) }
        guard let new = binaryOp(old, one, UInt32(BinaryOperator.add.rawValue)) else { return false }
        defer { decref(new) }
        return dictSetItem(mapping, item, new)
      }
      guard let zero = newInt(0) else { return false }
      defer { decref(zero) }
      guard let old = callMethod(mapping, "get", [item, zero]) else { return false }
      defer { decref(old) }
      guard let new = binaryOp(old, one, UInt32(BinaryOperator.add.rawValue)) else { return false }
      defer { decref(new) }
      return setItem(mapping, item, new)
    }
  }

  /// Renames a class at the C level (`tp_name`, what error messages print) without
  /// touching its `__name__`: a class written in Python that stands in for one of
  /// CPython's C types is named as that type is (`collections.defaultdict`).
  func setInternalTypeName(_ type: PyType, _ name: String) {
    let utf8 = Array(name.utf8CString)
    let owned = UnsafeMutablePointer<CChar>.allocate(capacity: utf8.count)
    owned.initialize(from: utf8, count: utf8.count)
    state.pointee.ownedNames.append(owned)
    type.record.pointee.name = UnsafePointer(owned)
  }

  /// The `__name__` in the globals of the Python frame `depth` calls above the running
  /// one (None past the bottom of the stack).
  func callerModuleName(depth: Int) -> PyRef? {
    var frame = state.pointee.interpreter.currentFrame
    var steps = depth
    while steps > 0, let current = frame {
      frame = current.pointee.previous
      steps -= 1
    }
    guard let frame, let name = dictGetItem(frame.pointee.globals, named: "__name__") else { return newNone() }
    name.incref()
    return name
  }
}
