import PyMemory

/// The memory half of `sys`: reference counts, object sizes, interning and the
/// allocator's own statistics. CPython: Python/sysmodule.c, Objects/obmalloc.c
/// (`_Py_GetAllocatedBlocks`, `_PyObject_DebugMallocStats`).
extension SysFunctions {
  static let memory: [BuiltinFunction] = [
    BuiltinFunction("getrefcount") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("sys.getrefcount", exactly: 1) else { return nil }
      // The argument itself holds one reference, as in CPython.
      return a.rt.newInt(min(a[0].refcount, Int(UInt32.max)))?.raw
    },
    BuiltinFunction("getsizeof") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard let bound = a.args.bind("getsizeof", ["object", "default"], required: 1) else { return nil }
      if let size = a.rt.sizeOf(bound[0]!) { return a.rt.newInt(size)?.raw }
      // With a default, a type that cannot report its size gives the default instead.
      guard let fallback = bound[1], a.rt.exceptionMatches("TypeError") else { return nil }
      a.rt.clearError()
      fallback.incref()
      return fallback.raw
    },
    BuiltinFunction("intern") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("sys.intern", exactly: 1) else { return nil }
      guard a.rt.isInstance(a[0], a.rt.state.pointee.types.str) else {
        a.rt.raise("TypeError", "intern() argument must be str, not \(a[0].type.name)")
        return nil
      }
      guard a[0].type == a.rt.state.pointee.types.str else {
        a.rt.raise("TypeError", "can't intern \(a[0].type.name)")
        return nil
      }
      a[0].incref()
      return a.rt.intern(a[0]).raw
    },
    BuiltinFunction("getallocatedblocks") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("sys.getallocatedblocks", exactly: 0) else { return nil }
      return a.rt.newInt(a.rt.state.pointee.heap.allocatedBlocks)?.raw
    },
    BuiltinFunction("_debugmallocstats") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("sys._debugmallocstats", exactly: 0) else { return nil }
      a.rt.writeDebugMallocStats()
      return a.rt.newNone().raw
    },
  ]
}

extension RuntimeRef {
  /// `sys.getsizeof(object)`: `__sizeof__` plus CPython 3.11's pre-header (`_PyType_PreHeaderSize`).
  func sizeOf(_ object: PyRef) -> Int? {
    guard let result = callSpecial(object, "__sizeof__").result else {
      if !hasError { raise("TypeError", "Type \(object.type.name) doesn't define __sizeof__") }
      return nil
    }
    defer { decref(result) }
    guard let size = IntObject.exactValue(result), size >= 0 else {
      raise("ValueError", "__sizeof__() should return >= 0")
      return nil
    }
    // The pre-header CPython 3.11 puts before the object: the GC header, and for a class
    // with a managed dict the dict and values pointers.
    let preHeader = (object.type.isGC ? GCHeader.size : 0) + (object.type.cpythonManagesDict ? 16 : 0)
    return size + preHeader
  }

  /// `sys._debugmallocstats()`: the allocator's table, then the free lists, on stderr (after
  /// what the program printed so far, as CPython's unbuffered stderr would show it).
  public func writeDebugMallocStats() {
    flushOutput()
    StandardError.write(state.pointee.heap.statistics.debugMallocStatsText(freeListLines: freeListStatisticsLines()))
  }
}
