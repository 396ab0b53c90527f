/// The functions of the `gc` module, with CPython 3.11's argument handling: which take
/// keywords (`collect`, `get_objects`: Argument Clinic), which take only positional ones
/// (`set_threshold`: `PyArg_ParseTuple("i|ii")`), which exactly one (`is_tracked`:
/// `METH_O`), and the integer conversions' messages.
/// CPython: Modules/gcmodule.c, Modules/clinic/gcmodule.c.h.
enum GCFunctions {
  static let documentation = """
    Access to the cycle collector: switch automatic collection on and off, run a \
    collection, read and set the counts, thresholds and debug flags, and look at the \
    objects it tracks.
    """

  static let all: [BuiltinFunction] = [
    BuiltinFunction("enable") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("gc.enable", exactly: 0) else { return nil }
      a.rt.gcEnabled = true
      return a.rt.newNone().raw
    },
    BuiltinFunction("disable") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("gc.disable", exactly: 0) else { return nil }
      a.rt.gcEnabled = false
      return a.rt.newNone().raw
    },
    BuiltinFunction("isenabled") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("gc.isenabled", exactly: 0) else { return nil }
      return a.rt.newBool(a.rt.gcEnabled).raw
    },
    BuiltinFunction("collect") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard let bound = a.args.bindClinic("collect", ["generation"], required: 0) else { return nil }
      var generation = 2
      if let argument = bound[0] {
        guard let value = a.rt.cIntArgument(argument) else { return nil }
        generation = value
      }
      guard (0..<GCState.generationCount).contains(generation) else {
        a.rt.raise("ValueError", "invalid generation")
        return nil
      }
      let collected = a.rt.collect(generation: generation)
      // A finalizer or callback may leave an error behind only as unraisable; never here.
      return a.rt.newInt(collected)?.raw
    },
    BuiltinFunction("get_count") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("gc.get_count", exactly: 0) else { return nil }
      let (c0, c1, c2) = a.rt.gcCount
      return a.rt.newIntTuple([c0, c1, c2])?.raw
    },
    BuiltinFunction("get_threshold") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("gc.get_threshold", exactly: 0) else { return nil }
      let (t0, t1, t2) = a.rt.gcThreshold
      return a.rt.newIntTuple([t0, t1, t2])?.raw
    },
    BuiltinFunction("set_threshold") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.noKeywords("set_threshold") else { return nil }
      guard a.count >= 1 else {
        a.rt.raise("TypeError", "set_threshold() takes at least 1 argument (0 given)")
        return nil
      }
      guard a.count <= 3 else {
        a.rt.raise("TypeError", "set_threshold() takes at most 3 arguments (\(a.count) given)")
        return nil
      }
      var values: [Int] = []
      for index in 0..<a.count {
        guard let value = a.rt.getargsIntArgument(a[index]) else { return nil }
        values.append(value)
      }
      var threshold = a.rt.gcThreshold
      threshold.0 = values[0]
      if values.count > 1 { threshold.1 = values[1] }
      if values.count > 2 { threshold.2 = values[2] }
      a.rt.gcThreshold = threshold
      return a.rt.newNone().raw
    },
    BuiltinFunction("get_objects") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard let bound = a.args.bindClinic("get_objects", ["generation"], required: 0) else { return nil }
      var generation: Int? = nil
      if let argument = bound[0], argument != a.rt.state.pointee.none {
        guard a.rt.supportsIndex(argument) else {
          a.rt.raise("TypeError", "argument should be integer or None, not '\(argument.type.name)'")
          return nil
        }
        guard let value = a.rt.indexInteger(argument) else { return nil }
        guard value < GCState.generationCount else {
          a.rt.raise("ValueError", "generation parameter must be less than the number of available generations (\(GCState.generationCount))")
          return nil
        }
        guard value >= -1 else {
          a.rt.raise("ValueError", "generation parameter cannot be negative")
          return nil
        }
        generation = value == -1 ? nil : value
      }
      // Collected before the result list exists, so it is not among them.
      return a.rt.newList(from: a.rt.gcObjects(generation: generation))?.raw
    },
    BuiltinFunction("get_referrers") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.noKeywords("get_referrers") else { return nil }
      let targets = (0..<a.count).map { a[$0] }
      return a.rt.newList(from: a.rt.gcReferrers(targets))?.raw
    },
    BuiltinFunction("get_referents") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.noKeywords("get_referents") else { return nil }
      let objects = (0..<a.count).map { a[$0] }
      return a.rt.newList(from: a.rt.gcReferents(objects))?.raw
    },
    BuiltinFunction("is_tracked") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("gc.is_tracked", exactly: 1) else { return nil }
      return a.rt.newBool(a.rt.isTracked(a[0])).raw
    },
    BuiltinFunction("is_finalized") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("gc.is_finalized", exactly: 1) else { return nil }
      return a.rt.newBool(a.rt.isFinalized(a[0])).raw
    },
    BuiltinFunction("freeze") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("gc.freeze", exactly: 0) else { return nil }
      a.rt.gcFreeze()
      return a.rt.newNone().raw
    },
    BuiltinFunction("unfreeze") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("gc.unfreeze", exactly: 0) else { return nil }
      a.rt.gcUnfreeze()
      return a.rt.newNone().raw
    },
    BuiltinFunction("get_freeze_count") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("gc.get_freeze_count", exactly: 0) else { return nil }
      return a.rt.newInt(a.rt.gcFreezeCount)?.raw
    },
    BuiltinFunction("get_stats") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("gc.get_stats", exactly: 0) else { return nil }
      return a.rt.newGCStatsList()?.raw
    },
    BuiltinFunction("set_debug") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("gc.set_debug", exactly: 1) else { return nil }
      guard let flags = a.rt.cIntArgument(a[0]) else { return nil }
      a.rt.gcDebugFlags = GCDebugFlags(rawValue: flags)
      return a.rt.newNone().raw
    },
    BuiltinFunction("get_debug") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("gc.get_debug", exactly: 0) else { return nil }
      return a.rt.newInt(a.rt.gcDebugFlags.rawValue)?.raw
    },
  ]
}

extension RuntimeRef {
  /// An Argument Clinic `int` parameter (`_PyLong_AsInt`): through `__index__`, and
  /// `OverflowError: Python int too large to convert to C int` outside 32 bits.
  func cIntArgument(_ object: PyRef) -> Int? {
    let message = "Python int too large to convert to C int"
    guard let value = indexInteger(object, overflow: "OverflowError", message: message) else { return nil }
    guard value >= Int(Int32.min) && value <= Int(Int32.max) else {
      raise("OverflowError", message)
      return nil
    }
    return value
  }

  /// A `PyArg_ParseTuple` `"i"` argument: through `__index__` as a C long, then checked
  /// against the C int range with getargs' own messages.
  func getargsIntArgument(_ object: PyRef) -> Int? {
    guard let value = indexInteger(object, overflow: "OverflowError", message: "Python int too large to convert to C long") else {
      return nil
    }
    if value > Int(Int32.max) {
      raise("OverflowError", "signed integer is greater than maximum")
      return nil
    }
    if value < Int(Int32.min) {
      raise("OverflowError", "signed integer is less than minimum")
      return nil
    }
    return value
  }

  /// A tuple of ints.
  func newIntTuple(_ values: [Int]) -> PyRef? {
    var items: [PyRef] = []
    for value in values {
      guard let item = newInt(value) else {
        for made in items { decref(made) }
        return nil
      }
      items.append(item)
    }
    return newTuple(items)
  }

  /// A new list holding `objects` (borrowed; the list takes its own references).
  func newList(from objects: [PyRef]) -> PyRef? {
    guard let list = newList(count: objects.count) else { return nil }
    guard !objects.isEmpty else { return list }
    let storage = ListObject.storage(list)
    for (index, object) in objects.enumerated() {
      object.incref()
      storage[index] = object.raw
    }
    return list
  }

  /// `gc.get_stats()`: one dict per generation.
  func newGCStatsList() -> PyRef? {
    guard let list = newList() else { return nil }
    for stats in gcStats {
      guard let dict = newDict() else {
        decref(list)
        return nil
      }
      defer { decref(dict) }
      guard setInt(dict, "collections", stats.collections), setInt(dict, "collected", stats.collected),
            setInt(dict, "uncollectable", stats.uncollectable), listAppend(list, dict) else {
        decref(list)
        return nil
      }
    }
    return list
  }
}
