/// The `_random` module: `Random`, the Mersenne Twister as a subclassable type with
/// `seed`, `random`, `getrandbits`, `getstate` and `setstate`. `random.Random` (frozen
/// `Lib/random.py`) subclasses it and builds everything else on `random()` and
/// `getrandbits()`. CPython: Modules/_randommodule.c.
///
/// ```
///   0 refcount | 8 type | 16 index: Int | 24 state: 624 × UInt32
/// ```
/// A subclass instance's `__dict__` and slots follow (the interpreter's layout for classes).
enum RandomObject {
  static let indexOffset = 16
  static let stateOffset = 24
  static let basicSize = stateOffset + MersenneTwister.stateSize * 4

  @inline(__always)
  static func words(_ object: PyRef) -> UnsafeMutablePointer<UInt32> {
    (object.raw + stateOffset).assumingMemoryBound(to: UInt32.self)
  }

  @inline(__always)
  static func index(_ object: PyRef) -> UnsafeMutablePointer<Int> {
    (object.raw + indexOffset).assumingMemoryBound(to: Int.self)
  }

  static func makeType(_ rt: RuntimeRef) -> PyType {
    if let existing = rt.state.pointee.types.byName["_random.Random"] { return existing }
    let type = rt.makeType(name: "_random.Random", basicSize: basicSize, flags: [.baseType], dealloc: deallocPlain)
    type.record.pointee.new = new
    type.record.pointee.initialize = initialize
    rt.readyBuiltinType(type, base: nil, kind: .other)
    rt.addSlotWrappers(type)
    rt.addMethods(type, methods)
    rt.state.pointee.types.byName["_random.Random"] = type
    return type
  }

  /// `Random.__new__`: CPython's generic `tp_new`, which ignores the arguments (so
  /// subclasses may take their own); the state is all zeros until `__init__` seeds it.
  static let new: Slot.VectorCall = { typeRaw, _, _, _, runtime in
    let rt = RuntimeRef(raw: runtime)
    let type = PyType(typeRaw)
    guard let object = rt.allocateObject(type) else { return nil }
    index(object).pointee = 0
    words(object).initialize(repeating: 0, count: MersenneTwister.stateSize)
    rt.initializeInstanceSlots(object)
    if type.isGC { rt.track(object) }
    return object.raw
  }

  /// `Random.__init__(seed=None)`, positional only.
  static let initialize: Slot.Initialize = { raw, argv, count, names, runtime in
    let rt = RuntimeRef(raw: runtime)
    let args = Arguments(runtime, argv, count, names)
    if args.keywordCount > 0 {
      rt.raise("TypeError", "Random() takes no keyword arguments")
      return -1
    }
    if count > 1 {
      rt.raise("TypeError", "Random() requires 0 or 1 argument")
      return -1
    }
    return seed(rt, PyRef(raw), count == 1 ? args[0] : nil) ? 0 : -1
  }

  /// Seeds `object`: None (or nothing) from the operating system's random bytes; an int
  /// from the 32-bit words of its absolute value, least significant first; anything else
  /// from its hash, as an unsigned word.
  static func seed(_ rt: RuntimeRef, _ object: PyRef, _ argument: PyRef?) -> Bool {
    var key: [UInt32]
    if argument == nil || argument == rt.state.pointee.none {
      if let bytes = OSRandom.bytes(MersenneTwister.stateSize * 4) {
        key = stride(from: 0, to: bytes.count, by: 4).map { words(of: bytes, at: $0) }
      } else {
        key = OSRandom.timeAndProcess()
      }
    } else if let argument, rt.isInt(argument) {
      guard let magnitude = rt.intAbsolute(argument) else { return false }
      defer { rt.decref(magnitude) }
      let bits = rt.intBitLength(magnitude)
      let wordCount = bits == 0 ? 1 : (bits - 1) / 32 + 1
      guard let bytes = rt.intToBytes(magnitude, length: wordCount * 4, littleEndian: true, signed: false) else {
        return false
      }
      key = stride(from: 0, to: bytes.count, by: 4).map { words(of: bytes, at: $0) }
    } else {
      let hash = rt.hash(argument!)
      if hash == -1 && rt.hasError { return false }
      let value = UInt64(UInt(bitPattern: hash))
      key = [UInt32(truncatingIfNeeded: value)]
      if value >> 32 != 0 { key.append(UInt32(truncatingIfNeeded: value >> 32)) }
    }
    MersenneTwister.seed(words(object), index(object), key: key)
    return true
  }

  /// The little-endian word at `offset` of `bytes`.
  static func words(of bytes: [UInt8], at offset: Int) -> UInt32 {
    UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
      | UInt32(bytes[offset + 3]) << 24
  }

  /// `getrandbits(k)`: an int of k random bits, built from 32-bit outputs least significant
  /// first; the last output's low bits are dropped when k is not a multiple of 32.
  static func randomBits(_ rt: RuntimeRef, _ object: PyRef, _ k: Int) -> PyRef? {
    let state = words(object), position = index(object)
    if k <= 32 {
      if k == 0 { return rt.newInt(0) }
      return rt.newInt(Int(MersenneTwister.next(state, position) >> UInt32(32 - k)))
    }
    if k <= 64 {
      let low = UInt(MersenneTwister.next(state, position))
      let high = UInt(MersenneTwister.next(state, position) >> UInt32(64 - k))
      return rt.newInt(high << 32 | low)
    }
    var bytes: [UInt8] = []
    bytes.reserveCapacity((k + 31) / 32 * 4)
    var remaining = k
    while remaining > 0 {
      var word = MersenneTwister.next(state, position)
      if remaining < 32 { word >>= UInt32(32 - remaining) }
      for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: word >> UInt32(shift))) }
      remaining -= 32
    }
    return rt.intFromBytes(bytes, littleEndian: true, signed: false)
  }

  /// The positional arguments of a method after `self`, with "Random.NAME() takes …" errors.
  static func methodArguments(_ args: Arguments, _ name: StaticString, exactly expected: Int) -> Bool {
    let given = args.count - 1
    if args.keywordCount > 0 {
      args.rt.raise("TypeError", "Random.\(name)() takes no keyword arguments")
      return false
    }
    guard given == expected else {
      let wanted = expected == 0 ? "no arguments" : "exactly one argument"
      args.rt.raise("TypeError", "Random.\(name)() takes \(wanted) (\(given) given)")
      return false
    }
    return true
  }

  static let methods: [MethodDefinition] = [
    MethodDefinition("random", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard count == 1 && names == nil || methodArguments(args, "random", exactly: 0) else { return nil }
      let object = args[0]
      return args.rt.newFloat(MersenneTwister.nextDouble(words(object), index(object)))?.raw
    }),
    MethodDefinition("seed", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      if args.keywordCount > 0 {
        args.rt.raise("TypeError", "Random.seed() takes no keyword arguments")
        return nil
      }
      guard count <= 2 else {
        args.rt.raise("TypeError", "seed expected at most 1 argument, got \(count - 1)")
        return nil
      }
      guard seed(args.rt, args[0], count == 2 ? args[1] : nil) else { return nil }
      return args.rt.newNone().raw
    }),
    MethodDefinition("getrandbits", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard methodArguments(args, "getrandbits", exactly: 1) else { return nil }
      let rt = args.rt
      guard let integer = rt.index(args[1]) else { return nil }
      defer { rt.decref(integer) }
      guard let k = IntObject.exactValue(integer), k >= Int(Int32.min), k <= Int(Int32.max) else {
        rt.raise("OverflowError", "Python int too large to convert to C int")
        return nil
      }
      guard k >= 0 else {
        rt.raise("ValueError", "number of bits must be non-negative")
        return nil
      }
      return randomBits(rt, args[0], k)?.raw
    }),
    MethodDefinition("getstate", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard methodArguments(args, "getstate", exactly: 0) else { return nil }
      let rt = args.rt, object = args[0]
      let state = words(object)
      var items: [PyRef] = []
      items.reserveCapacity(MersenneTwister.stateSize + 1)
      for i in 0...MersenneTwister.stateSize {
        guard let item = rt.newInt(i < MersenneTwister.stateSize ? Int(state[i]) : index(object).pointee) else {
          for item in items { rt.decref(item) }
          return nil
        }
        items.append(item)
      }
      return rt.newTuple(items)?.raw
    }),
    MethodDefinition("setstate", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard methodArguments(args, "setstate", exactly: 1) else { return nil }
      let rt = args.rt, object = args[0], state = args[1]
      guard state.type.record.pointee.kind == .tuple else {
        rt.raise("TypeError", "state vector must be a tuple")
        return nil
      }
      guard TupleObject.count(state) == MersenneTwister.stateSize + 1 else {
        rt.raise("ValueError", "state vector is the wrong size")
        return nil
      }
      var newState = [UInt32](repeating: 0, count: MersenneTwister.stateSize)
      for i in 0..<MersenneTwister.stateSize {
        guard let word = unsignedLong(rt, TupleObject.item(state, i)!) else { return nil }
        newState[i] = UInt32(truncatingIfNeeded: word)
      }
      let last = TupleObject.item(state, MersenneTwister.stateSize)!
      guard let integer = rt.index(last) else { return nil }
      defer { rt.decref(integer) }
      guard let position = rt.intAsInt(integer) else { return nil }
      guard position >= 0 && position <= MersenneTwister.stateSize else {
        rt.raise("ValueError", "invalid state")
        return nil
      }
      let target = words(object)
      for i in 0..<MersenneTwister.stateSize { target[i] = newState[i] }
      index(object).pointee = position
      return rt.newNone().raw
    }),
  ]

  /// `PyLong_AsUnsignedLong`: an int only (no `__index__`).
  static func unsignedLong(_ rt: RuntimeRef, _ object: PyRef) -> UInt64? {
    guard rt.isInt(object) else {
      rt.raise("TypeError", "an integer is required")
      return nil
    }
    if IntObject.isNegative(object) {
      rt.raise("OverflowError", "can't convert negative value to unsigned int")
      return nil
    }
    guard let value = IntDigits.load(IntObject.digits(object), IntObject.digitCount(object)) else {
      rt.raise("OverflowError", "Python int too large to convert to C unsigned long")
      return nil
    }
    return UInt64(value)
  }
}

extension RuntimeRef {
  func makeRandomModule() -> PyRef? {
    // `_urandom(n)`: pyheap's stand-in for `os.urandom`, which `random` uses when there is
    // no `os` module.
    let urandom = BuiltinFunction("_urandom") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("urandom", exactly: 1), let size = a.rt.asIndex(a[0]) else { return nil }
      guard size >= 0 else {
        a.rt.raise("ValueError", "negative argument not allowed")
        return nil
      }
      guard let bytes = OSRandom.bytes(size) else {
        a.rt.raise("OSError", "no source of random bytes")
        return nil
      }
      return a.rt.newBytes(bytes)?.raw
    }
    guard let module = newNativeModule("_random", functions: [urandom]) else { return nil }
    let type = RandomObject.makeType(self)
    guard setItem(ModuleType.dict(module), "Random", type.object) else {
      decref(module)
      return nil
    }
    return module
  }
}
