/// `_tracemalloc`: the native core of `tracemalloc` (the Python classes are in
/// `Lib/tracemalloc.py`). CPython: Modules/_tracemalloc.c.
extension RuntimeRef {
  func makeTracemallocModule() -> PyRef? {
    newNativeModule("_tracemalloc", functions: TracemallocFunctions.all)
  }
}

enum TracemallocFunctions {
  static let all: [BuiltinFunction] = [
    BuiltinFunction("start") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.noKeywords("_tracemalloc.start"), a.args.expect("start", atLeast: 0, atMost: 1) else { return nil }
      var frames = 1
      if a.count == 1 {
        guard let value = a.rt.indexInteger(a[0], overflow: "OverflowError",
                                            message: "Python int too large to convert to C int") else { return nil }
        guard value >= Int(Int32.min), value <= Int(Int32.max) else {
          a.rt.raise("OverflowError", "Python int too large to convert to C int")
          return nil
        }
        frames = value
      }
      guard (1...Tracemalloc.maximumFrames).contains(frames) else {
        a.rt.raise("ValueError", "the number of frames must be in range [1; \(Tracemalloc.maximumFrames)]")
        return nil
      }
      a.rt.startTracingMemory(frames: frames)
      return a.rt.newNone().raw
    },
    BuiltinFunction("stop") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("_tracemalloc.stop", exactly: 0) else { return nil }
      a.rt.stopTracingMemory()
      return a.rt.newNone().raw
    },
    BuiltinFunction("is_tracing") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("_tracemalloc.is_tracing", exactly: 0) else { return nil }
      return a.rt.newBool(a.rt.isTracingMemory).raw
    },
    BuiltinFunction("clear_traces") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("_tracemalloc.clear_traces", exactly: 0) else { return nil }
      a.rt.clearMemoryTraces()
      return a.rt.newNone().raw
    },
    BuiltinFunction("get_traceback_limit") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("_tracemalloc.get_traceback_limit", exactly: 0) else { return nil }
      return a.rt.newInt(a.rt.state.pointee.tracemalloc?.pointee.frameLimit ?? 1)?.raw
    },
    BuiltinFunction("get_traced_memory") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("_tracemalloc.get_traced_memory", exactly: 0) else { return nil }
      let (current, peak) = a.rt.tracedMemory
      guard let first = a.rt.newInt(current) else { return nil }
      guard let second = a.rt.newInt(peak) else { a.rt.decref(first); return nil }
      return a.rt.newTuple([first, second])?.raw
    },
    BuiltinFunction("reset_peak") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("_tracemalloc.reset_peak", exactly: 0) else { return nil }
      if let tracer = a.rt.state.pointee.tracemalloc, tracer.pointee.isTracing {
        tracer.pointee.peakTracedMemory = tracer.pointee.tracedMemory
      }
      return a.rt.newNone().raw
    },
    BuiltinFunction("get_tracemalloc_memory") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("_tracemalloc.get_tracemalloc_memory", exactly: 0) else { return nil }
      return a.rt.newInt(a.rt.tracemalloc.pointee.memoryUsage)?.raw
    },
    BuiltinFunction("_get_object_traceback") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("_get_object_traceback", exactly: 1) else { return nil }
      guard let traceback = a.rt.objectTraceback(a[0]) else {
        return a.rt.hasError ? nil : a.rt.newNone().raw
      }
      var cache: [UInt32: PyRef] = [:]
      defer { for value in cache.values { a.rt.decref(value) } }
      return a.rt.tracebackTuple(traceback, cache: &cache)?.raw
    },
    BuiltinFunction("_get_traces") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("_get_traces", exactly: 0) else { return nil }
      return a.rt.tracesList()?.raw
    },
    BuiltinFunction("_getline") { _, argv, count, names, runtime in
      // linecache.getline(filename, lineno) for Traceback.format(): the source line, or ''.
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("_getline", exactly: 2) else { return nil }
      guard a[0].type == a.rt.state.pointee.types.str, let line = a.rt.indexInteger(a[1]) else {
        if !a.rt.hasError { a.rt.raise("TypeError", "_getline() expects a str and an int") }
        return nil
      }
      return a.rt.newStr(a.rt.sourceLine(StrObject.string(a[0]), line).map { $0 + "\n" } ?? "")?.raw
    },
  ]
}

extension RuntimeRef {
  /// The traceback recorded for `object`'s memory block, if tracing and traced.
  /// CPython: `_tracemalloc__get_object_traceback` (the block starts at the GC header).
  func objectTraceback(_ object: PyRef) -> UInt32? {
    guard let tracer = state.pointee.tracemalloc, tracer.pointee.isTracing else { return nil }
    if hasCPython311ManagedDict(object.type) { return nil }
    let block = object.type.isGC ? object.raw - GCHeader.size : object.raw
    return tracer.pointee.traces.find(UInt(bitPattern: block))?.traceback
  }

  /// Whether CPython 3.11 lays instances of `type` out with a managed dict
  /// (`Py_TPFLAGS_MANAGED_DICT`: the class adds a `__dict__` to a base whose `tp_itemsize`
  /// is 0 and that has no dict of its own). Such an instance's memory block starts 16
  /// bytes before its GC header, and 3.11's `_get_object_traceback` does not know it, so
  /// it finds no trace and `get_object_traceback()` returns None (3.12 fixed this). PyHeap
  /// keeps the answer the same.
  func hasCPython311ManagedDict(_ type: PyType) -> Bool {
    var current = type
    var addsDict = false
    while current.flags.contains(.heapType) {
      if let dict = PyRef(current.record.pointee.dict) {
        guard let key = newStr("__slots__") else { clearError(); return false }
        let slots = dictGetItem(dict, key)
        decref(key)
        if hasError { clearError() }
        if let slots {
          guard let name = newStr("__dict__") else { clearError(); return false }
          if contains(slots, name) == 1 { addsDict = true }
          decref(name)
          if hasError { clearError() }
        } else {
          addsDict = true
        }
      }
      guard let base = current.record.pointee.base else { return false }
      current = PyType(base)
    }
    guard addsDict, current.record.pointee.dictOffset == 0 else { return false }
    // The built-in bases whose `tp_itemsize` is not 0 in CPython.
    let types = state.pointee.types
    return ![types.int, types.bool, types.tuple, types.bytes, types.type].contains { $0 == current }
  }

  /// A traceback as `_tracemalloc` hands it to Python: a tuple of `(filename, lineno)`
  /// tuples, most recent first. `cache` shares the tuple between traces with the same
  /// traceback (it holds one reference to each).
  func tracebackTuple(_ id: UInt32, cache: inout [UInt32: PyRef]) -> PyRef? {
    if let known = cache[id] {
      known.incref()
      return known
    }
    // Read everything first: making Python objects allocates, which may intern new
    // tracebacks and move the table's buffers.
    let tracer = tracemalloc
    let words = tracer.pointee.tracebacks.traceback(id)
    let count = TracebackTable.frameCount(words[0])
    var frames: [(filename: UInt32, line: Int)] = []
    frames.reserveCapacity(count)
    for frame in 0..<count { frames.append((words[1 + 2 * frame], Int(words[2 + 2 * frame]))) }
    var items: [PyRef] = []
    items.reserveCapacity(count)
    for frame in frames {
      let filename: PyRef
      if frame.filename == FilenameTable.unknown {
        guard let text = newStr("<unknown>") else { items.forEach { decref($0) }; return nil }
        filename = text
      } else {
        filename = tracer.pointee.filenames.names[Int(frame.filename)]
        filename.incref()
      }
      guard let line = newInt(frame.line) else { decref(filename); items.forEach { decref($0) }; return nil }
      guard let pair = newTuple([filename, line]) else { items.forEach { decref($0) }; return nil }
      items.append(pair)
    }
    guard let tuple = newTuple(items) else { return nil }
    tuple.incref()
    cache[id] = tuple
    return tuple
  }

  /// `_get_traces()`: a list of `(domain, size, traceback, total_nframe)` tuples. The traces
  /// are copied out of the table first, since building the list allocates (and is traced).
  func tracesList() -> PyRef? {
    guard let tracer = state.pointee.tracemalloc, tracer.pointee.isTracing else { return newList() }
    // The list and its tuples are not traced (CPython's `set_reentrant(1)`).
    tracer.pointee.isSuspended = true
    defer { tracer.pointee.isSuspended = false }
    var copied: [(size: Int, traceback: UInt32)] = []
    copied.reserveCapacity(tracer.pointee.traces.count)
    tracer.pointee.traces.forEach { size, traceback in copied.append((size, traceback)) }
    var cache: [UInt32: PyRef] = [:]
    defer { for value in cache.values { decref(value) } }
    var totals: [UInt32: Int] = [:]
    for trace in copied where totals[trace.traceback] == nil {
      totals[trace.traceback] = TracebackTable.totalFrameCount(tracer.pointee.tracebacks.traceback(trace.traceback)[0])
    }
    guard let list = newList(count: copied.count) else { return nil }
    for (index, trace) in copied.enumerated() {
      guard let domain = newInt(0) else { decref(list); return nil }
      guard let size = newInt(trace.size) else { decref(domain); decref(list); return nil }
      guard let traceback = tracebackTuple(trace.traceback, cache: &cache) else {
        decref(domain); decref(size); decref(list); return nil
      }
      guard let total = newInt(totals[trace.traceback]!) else {
        decref(domain); decref(size); decref(traceback); decref(list); return nil
      }
      guard let tuple = newTuple([domain, size, traceback, total]) else { decref(list); return nil }
      ListObject.items(list)![index] = tuple.raw
    }
    return list
  }
}
