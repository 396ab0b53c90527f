/// The combinatoric iterators: `product`, `permutations`, `combinations`,
/// `combinations_with_replacement`. Each materializes its input as tuples, keeps an array
/// of indices into them (the owned block), and steps the indices in lexicographic order,
/// making each result tuple from them. CPython: Modules/itertoolsmodule.c
/// (`product_next`, `permutations_next`, `combinations_next`, `cwr_next`).
///
/// Fields: 0 the pool (product: a tuple of pools). Words: 0 stopped, 1 r (product: the
/// number of pools), 2 whether the first result was made.
extension Itertools {
  /// A tuple of `pool[indices[i]]` for i in 0..<count.
  static func pick(_ rt: RuntimeRef, _ pool: PyRef, _ indices: UnsafeMutablePointer<Int>, _ count: Int) -> PyRef? {
    guard let result = rt.allocateTuple(count) else { return nil }
    let items = TupleObject.items(result), source = TupleObject.items(pool)
    for index in 0..<count {
      let item = source[indices[index]]
      PyRef(item!).incref()
      items[index] = item
    }
    return rt.finishTuple(result)
  }

  /// Marks the iterator finished.
  static func stop(_ object: PyRef) -> UnsafeMutableRawPointer? {
    setWord(object, 0, 1)
    return nil
  }

  /// An iterator of `type` over `pool` (taken over) with `count` indices, all zero.
  static func combinatoric(_ rt: RuntimeRef, _ type: PyType, _ pool: PyRef, r: Int, blockCount: Int) -> PyRef? {
    guard let object = allocate(rt, type) else {
      rt.decref(pool)
      return nil
    }
    setField(rt, object, 0, pool)
    setWord(object, 1, r)
    guard let block = allocateBlock(rt, object, count: blockCount) else {
      rt.decref(object)
      return nil
    }
    block.initialize(repeating: 0, count: max(blockCount, 1))
    return object
  }

  // product

  static let productNew: Slot.VectorCall = { typeRaw, argv, count, names, runtime in
    let rt = RuntimeRef(raw: runtime)
    let args = Arguments(runtime, argv, count, names)
    var repeats = 1
    for index in 0..<args.keywordCount {
      let (name, value) = args.keyword(index)
      guard StrObject.string(name) == "repeat" else {
        rt.raise("TypeError", "'\(StrObject.string(name))' is an invalid keyword argument for product()")
        return nil
      }
      guard let given = rt.asIndex(value) else { return nil }
      guard given >= 0 else {
        rt.raise("ValueError", "repeat argument cannot be negative")
        return nil
      }
      repeats = given
    }
    let given = repeats == 0 ? 0 : count
    if given > 0 && given > Int.max / 8 / repeats {
      rt.raise("OverflowError", "repeat argument too large")
      return nil
    }
    let poolCount = given * repeats
    guard let pools = rt.allocateTuple(poolCount) else { return nil }
    let items = TupleObject.items(pools)
    for index in 0..<given {
      guard let pool = rt.tupleFrom(args[index]) else {
        for rest in index..<poolCount { items[rest] = rt.newNone().raw }
        rt.decref(rt.finishTuple(pools))
        return nil
      }
      items[index] = pool.raw
    }
    for index in given..<max(poolCount, given) {
      let pool = PyRef(items[index - given]!)
      pool.incref()
      items[index] = pool.raw
    }
    guard let object = combinatoric(rt, PyType(typeRaw), rt.finishTuple(pools), r: poolCount, blockCount: poolCount) else {
      return nil
    }
    return finish(rt, object)
  }

  static let productNext: Slot.IterNext = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let object = PyRef(raw)
    if word(object, 0) != 0 { return nil }
    let pools = TupleObject.items(field(object, 0)!)
    let count = word(object, 1)
    let indices = block(object)!
    if word(object, 2) == 0 {
      setWord(object, 2, 1)
      for index in 0..<count where PyRef(pools[index]!).size == 0 { return stop(object) }
    } else {
      var position = count - 1
      while position >= 0 {
        indices[position] += 1
        if indices[position] < PyRef(pools[position]!).size { break }
        indices[position] = 0
        position -= 1
      }
      if position < 0 { return stop(object) }
    }
    guard let result = rt.allocateTuple(count) else { return nil }
    let items = TupleObject.items(result)
    for index in 0..<count {
      let item = TupleObject.items(PyRef(pools[index]!))[indices[index]]
      PyRef(item!).incref()
      items[index] = item
    }
    return rt.finishTuple(result).raw
  }

  // permutations: the block holds the n indices, then the r cycles.

  static let permutationsNew: Slot.VectorCall = { typeRaw, argv, count, names, runtime in
    let rt = RuntimeRef(raw: runtime)
    let args = Arguments(runtime, argv, count, names)
    guard let bound = args.bindClinic("permutations", ["iterable", "r"], required: 1) else { return nil }
    guard let pool = rt.tupleFrom(bound[0]!) else { return nil }
    let n = pool.size
    var r = n
    if let given = bound[1], given != rt.state.pointee.none {
      guard rt.isInt(given) else {
        rt.decref(pool)
        rt.raise("TypeError", "Expected int as r")
        return nil
      }
      guard let value = rt.asIndex(given) else {
        rt.decref(pool)
        return nil
      }
      r = value
    }
    guard r >= 0 else {
      rt.decref(pool)
      rt.raise("ValueError", "r must be non-negative")
      return nil
    }
    guard let object = combinatoric(rt, PyType(typeRaw), pool, r: r, blockCount: n + r) else { return nil }
    let indices = block(object)!
    for index in 0..<n { indices[index] = index }
    for index in 0..<min(r, n) { indices[n + index] = n - index }
    if r > n { setWord(object, 0, 1) }
    return finish(rt, object)
  }

  static let permutationsNext: Slot.IterNext = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let object = PyRef(raw)
    if word(object, 0) != 0 { return nil }
    let pool = field(object, 0)!
    let n = pool.size, r = word(object, 1)
    let indices = block(object)!, cycles = indices + n
    if word(object, 2) == 0 {
      setWord(object, 2, 1)
    } else {
      if n == 0 { return stop(object) }
      var position = r - 1
      while position >= 0 {
        cycles[position] -= 1
        if cycles[position] == 0 {
          // Rotate indices[position...] left by one.
          let first = indices[position]
          for j in position..<(n - 1) { indices[j] = indices[j + 1] }
          indices[n - 1] = first
          cycles[position] = n - position
          position -= 1
        } else {
          let j = cycles[position]
          indices.swapAt(position, n - j)
          break
        }
      }
      if position < 0 { return stop(object) }
    }
    return pick(rt, pool, indices, r)?.raw
  }

  // combinations

  /// `(iterable, r)` of combinations and combinations_with_replacement.
  static func chooseArguments(_ args: Arguments, _ name: String) -> (pool: PyRef, r: Int)? {
    let rt = args.rt
    guard let bound = args.bindClinic(name, ["iterable", "r"], required: 2) else { return nil }
    guard let pool = rt.tupleFrom(bound[0]!) else { return nil }
    guard let r = rt.asIndex(bound[1]!) else {
      rt.decref(pool)
      return nil
    }
    guard r >= 0 else {
      rt.decref(pool)
      rt.raise("ValueError", "r must be non-negative")
      return nil
    }
    return (pool, r)
  }

  static let combinationsNew: Slot.VectorCall = { typeRaw, argv, count, names, runtime in
    let rt = RuntimeRef(raw: runtime)
    guard let (pool, r) = chooseArguments(Arguments(runtime, argv, count, names), "combinations") else { return nil }
    let n = pool.size
    guard let object = combinatoric(rt, PyType(typeRaw), pool, r: r, blockCount: r) else { return nil }
    let indices = block(object)!
    for index in 0..<r { indices[index] = index }
    if r > n { setWord(object, 0, 1) }
    return finish(rt, object)
  }

  static let combinationsNext: Slot.IterNext = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let object = PyRef(raw)
    if word(object, 0) != 0 { return nil }
    let pool = field(object, 0)!
    let n = pool.size, r = word(object, 1)
    let indices = block(object)!
    if word(object, 2) == 0 {
      setWord(object, 2, 1)
    } else {
      // The rightmost index not at its maximum (i + n - r) steps up; those after it follow.
      var position = r - 1
      while position >= 0 && indices[position] == position + n - r { position -= 1 }
      if position < 0 { return stop(object) }
      indices[position] += 1
      for j in (position + 1)..<max(r, position + 1) { indices[j] = indices[j - 1] + 1 }
    }
    return pick(rt, pool, indices, r)?.raw
  }

  // combinations_with_replacement

  static let replacementsNew: Slot.VectorCall = { typeRaw, argv, count, names, runtime in
    let rt = RuntimeRef(raw: runtime)
    let args = Arguments(runtime, argv, count, names)
    guard let (pool, r) = chooseArguments(args, "combinations_with_replacement") else { return nil }
    let n = pool.size
    guard let object = combinatoric(rt, PyType(typeRaw), pool, r: r, blockCount: r) else { return nil }
    if n == 0 && r > 0 { setWord(object, 0, 1) }
    return finish(rt, object)
  }

  static let replacementsNext: Slot.IterNext = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let object = PyRef(raw)
    if word(object, 0) != 0 { return nil }
    let pool = field(object, 0)!
    let n = pool.size, r = word(object, 1)
    let indices = block(object)!
    if word(object, 2) == 0 {
      setWord(object, 2, 1)
    } else {
      // The rightmost index below n - 1 steps up; those after it take its new value.
      var position = r - 1
      while position >= 0 && indices[position] == n - 1 { position -= 1 }
      if position < 0 { return stop(object) }
      let value = indices[position] + 1
      for j in position..<r { indices[j] = value }
    }
    return pick(rt, pool, indices, r)?.raw
  }
}
