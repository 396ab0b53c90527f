extension BuiltinFunctions {
  static let iteration: [BuiltinFunction] = [
    BuiltinFunction("iter") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("iter", atLeast: 1, atMost: 2) else { return nil }
      if a.count == 2 {
        guard a[0].type.record.pointee.vectorCall != nil else {
          a.rt.raise("TypeError", "iter(v, w): v must be callable")
          return nil
        }
        return a.rt.newCallableIterator(a[0], a[1])?.raw
      }
      return a.rt.iter(a[0])?.raw
    },
    BuiltinFunction("next") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("next", atLeast: 1, atMost: 2) else { return nil }
      guard a[0].type.record.pointee.iterNext != nil else {
        a.rt.raise("TypeError", "'\(a[0].type.name)' object is not an iterator")
        return nil
      }
      if let item = a[0].type.record.pointee.iterNext!(a[0].raw, runtime) { return item }
      if a.rt.hasError {
        guard a.count == 2, a.rt.exceptionMatches("StopIteration") else { return nil }
        a.rt.clearError()
      }
      if a.count == 2 {
        a[1].incref()
        return a[1].raw
      }
      a.rt.raise("StopIteration")
      return nil
    },
    BuiltinFunction("any") { _, argv, count, names, runtime in anyAll(runtime, argv, count, names, "any", stopOn: 1) },
    BuiltinFunction("all") { _, argv, count, names, runtime in anyAll(runtime, argv, count, names, "all", stopOn: 0) },
    BuiltinFunction("sorted") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.count == 1 else {
        a.rt.raise("TypeError", "sorted expected 1 argument, got \(a.count)")
        return nil
      }
      guard let list = a.rt.listFrom(a[0]) else { return nil }
      guard let sort = a.rt.getAttribute(list, "sort") else { a.rt.decref(list); return nil }
      defer { a.rt.decref(sort) }
      // Pass the keyword arguments (key=, reverse=) through to list.sort.
      let keywordCount = a.args.keywordCount
      let result = a.rt.call(sort, UnsafePointer(argv + 1 + a.count), count: 0, keywordNames: keywordCount > 0 ? a.args.keywordNames : nil)
      guard let result else { a.rt.decref(list); return nil }
      a.rt.decref(result)
      return list.raw
    },
  ]

  static func anyAll(_ runtime: RawRuntime, _ argv: UnsafePointer<UnsafeMutableRawPointer?>, _ count: Int,
                     _ names: UnsafeMutableRawPointer?, _ name: String, stopOn: Int32) -> UnsafeMutableRawPointer? {
    let a = ModuleArguments(runtime, argv, count, names)
    guard a.args.expect(name, exactly: 1) else { return nil }
    var found = false
    let ok = a.rt.forEach(a[0]) { item in
      let truth = a.rt.isTrue(item)
      if truth < 0 { return false }
      if truth == stopOn { found = true; return false }
      return true
    }
    if !ok { return nil }
    return a.rt.newBool(stopOn == 1 ? found : !found).raw
  }
}
