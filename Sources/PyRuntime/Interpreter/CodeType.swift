import PyCompiler

/// `code`: a compiled ``PyCompiler/CodeObject`` loaded into the heap. The constants, the
/// names and the instructions are materialised once, here, so the loop reads them through
/// plain pointers.
///
/// ```
///   0 refcount | 8 type | 16 the Swift CodeObject (retained) | 24 co_consts (tuple)
///   | 32 co_names (tuple of interned str) | 40 localsplus names (tuple) | 48 instructions
///   (mem domain, one UInt32 each) | 56 co_filename | 64 co_name | 72 co_qualname
///   | 80 inline caches (mem domain, or nil) | 88 CodeShape (the counts and flags calls need)
///   | co_weakreflist | the line of each instruction (C memory, made on first use by
///   tracemalloc; nil until then)
/// ```
/// The attribute and global-name instructions carry the index of their ``InlineCache``
/// instead of their name's index (see ``InlineCache/prepare(_:count:names:)``).
/// The loop's call path reads the ``CodeShape`` copy, never the Swift `CodeObject`: going
/// through the class reference would cost a retain and a release per call.
/// Not GC: a code object's references (constants, names) cannot lead back to it.
/// CPython: Objects/codeobject.c.
public enum CodeType {
  static let swiftOffset = 16
  static let constantsOffset = 24
  static let namesOffset = 32
  static let localsPlusNamesOffset = 40
  static let instructionsOffset = 48
  static let filenameOffset = 56
  static let nameOffset = 64
  static let qualifiedNameOffset = 72
  static let cachesOffset = 80
  static let shapeOffset = 88
  /// Code objects accept weak references (`co_weakreflist`).
  static let weakListOffset = 88 + MemoryLayout<CodeShape>.stride
  static let linesOffset = weakListOffset + 8
  static let basicSize = linesOffset + 8

  /// The compiled code (unretained access; the heap object keeps it alive).
  public static func code(_ object: PyRef) -> CodeObject {
    Unmanaged<CodeObject>.fromOpaque(object.raw.load(fromByteOffset: CodeType.swiftOffset, as: UnsafeRawPointer.self))
      .takeUnretainedValue()
  }
  @inlinable static func instructions(_ object: PyRef) -> UnsafeMutablePointer<UInt32> {
    object.raw.load(fromByteOffset: 48, as: UnsafeMutablePointer<UInt32>.self)
  }
  /// The counts and flags a call needs, read without touching the Swift object.
  @inlinable public static func shape(_ object: PyRef) -> CodeShape {
    object.raw.load(fromByteOffset: 88, as: CodeShape.self)
  }
  /// The ``CodeShape`` in place, to read a field or two without copying the whole record.
  @inline(__always) static func shapeFields(_ object: PyRef) -> UnsafePointer<CodeShape> {
    UnsafePointer((object.raw + 88).assumingMemoryBound(to: CodeShape.self))
  }
  /// The inline caches of the attribute and global-name instructions (nil when none).
  @inlinable static func caches(_ object: PyRef) -> UnsafeMutablePointer<InlineCache>? {
    object.raw.load(fromByteOffset: 80, as: UnsafeMutablePointer<InlineCache>?.self)
  }
  public static func constants(_ object: PyRef) -> PyRef { object.loadRef(at: CodeType.constantsOffset)! }
  public static func names(_ object: PyRef) -> PyRef { object.loadRef(at: CodeType.namesOffset)! }
  public static func localsPlusNames(_ object: PyRef) -> PyRef { object.loadRef(at: CodeType.localsPlusNamesOffset)! }
  public static func filename(_ object: PyRef) -> PyRef { object.loadRef(at: CodeType.filenameOffset)! }
  public static func name(_ object: PyRef) -> PyRef { object.loadRef(at: CodeType.nameOffset)! }
  public static func qualifiedName(_ object: PyRef) -> PyRef { object.loadRef(at: CodeType.qualifiedNameOffset)! }

  /// The line of every instruction as one flat array (0 where an instruction has none), so
  /// that a tracer can read a frame's line with one load. Made on first use; the code
  /// object frees it.
  @inline(__always)
  static func lineNumbers(_ object: PyRef) -> UnsafeMutablePointer<Int32> {
    if let lines = object.raw.load(fromByteOffset: linesOffset, as: UnsafeMutablePointer<Int32>?.self) { return lines }
    return makeLineNumbers(object)
  }

  @inline(never)
  static func makeLineNumbers(_ object: PyRef) -> UnsafeMutablePointer<Int32> {
    let code = CodeType.code(object)
    let count = max(code.instructions.count, 1)
    let lines = UnsafeMutablePointer<Int32>.allocate(capacity: count)
    lines.initialize(repeating: 0, count: count)
    for index in 0..<code.instructions.count { lines[index] = Int32(truncatingIfNeeded: code.lineTable.line(at: index) ?? 0) }
    object.raw.storeBytes(of: lines, toByteOffset: linesOffset, as: UnsafeMutablePointer<Int32>?.self)
    return lines
  }

  /// Bytes of the line array, if it was made.
  static func lineNumbersByteCount(_ object: PyRef) -> Int {
    guard object.raw.load(fromByteOffset: linesOffset, as: UnsafeMutablePointer<Int32>?.self) != nil else { return 0 }
    return max(CodeType.code(object).instructions.count, 1) * 4
  }

  static func makeType(_ rt: RuntimeRef) -> PyType {
    let type = rt.makeType(name: "code", basicSize: CodeType.basicSize, weakListOffset: CodeType.weakListOffset, dealloc: dealloc)
    type.record.pointee.repr = { raw, runtime in
      let rt = RuntimeRef(raw: runtime)
      let code = PyRef(raw)
      let swift = CodeType.code(code)
      return rt.newStr("<code object \(swift.name) at \(rt.addressText(code)), file \"\(swift.filename)\", line \(swift.firstLineNumber)>")?.raw
    }
    rt.readyBuiltinType(type, base: nil, kind: .code)
    rt.addSlotWrappers(type)
    rt.addGetSets(type, [
      GetSetDefinition("co_name", { raw, _ in let v = CodeType.name(PyRef(raw)); v.incref(); return v.raw }),
      GetSetDefinition("co_qualname", { raw, _ in let v = CodeType.qualifiedName(PyRef(raw)); v.incref(); return v.raw }),
      GetSetDefinition("co_filename", { raw, _ in let v = CodeType.filename(PyRef(raw)); v.incref(); return v.raw }),
      GetSetDefinition("co_consts", { raw, _ in let v = CodeType.constants(PyRef(raw)); v.incref(); return v.raw }),
      GetSetDefinition("co_names", { raw, _ in let v = CodeType.names(PyRef(raw)); v.incref(); return v.raw }),
      GetSetDefinition("co_firstlineno", { raw, runtime in
        RuntimeRef(raw: runtime).newInt(CodeType.code(PyRef(raw)).firstLineNumber)?.raw
      }),
      GetSetDefinition("co_argcount", { raw, runtime in
        RuntimeRef(raw: runtime).newInt(CodeType.code(PyRef(raw)).argumentCount)?.raw
      }),
      GetSetDefinition("co_flags", { raw, runtime in
        RuntimeRef(raw: runtime).newInt(Int(CodeType.code(PyRef(raw)).flags.rawValue))?.raw
      }),
      GetSetDefinition("co_freevars", { raw, runtime in
        RuntimeRef(raw: runtime).localNames(PyRef(raw), .free, excluding: [])?.raw
      }),
      GetSetDefinition("co_cellvars", { raw, runtime in
        RuntimeRef(raw: runtime).localNames(PyRef(raw), .cell, excluding: .free)?.raw
      }),
      GetSetDefinition("co_nlocals", { raw, runtime in
        let code = CodeType.code(PyRef(raw))
        return RuntimeRef(raw: runtime).newInt(code.localsPlusKinds.filter { $0.contains(.local) }.count)?.raw
      }),
      GetSetDefinition("co_kwonlyargcount", { raw, runtime in
        RuntimeRef(raw: runtime).newInt(CodeType.code(PyRef(raw)).keywordOnlyCount)?.raw
      }),
      GetSetDefinition("co_posonlyargcount", { raw, runtime in
        RuntimeRef(raw: runtime).newInt(CodeType.code(PyRef(raw)).positionalOnlyCount)?.raw
      }),
      GetSetDefinition("co_stacksize", { raw, runtime in
        RuntimeRef(raw: runtime).newInt(CodeType.code(PyRef(raw)).stackSize)?.raw
      }),
      GetSetDefinition("co_varnames", { raw, runtime in
        let rt = RuntimeRef(raw: runtime)
        let code = CodeType.code(PyRef(raw))
        var names: [PyRef] = []
        for (name, kind) in zip(code.localsPlusNames, code.localsPlusKinds) where kind.contains(.local) {
          guard let text = rt.newStr(name) else { return nil }
          names.append(text)
        }
        return rt.newTuple(names)?.raw
      }),
    ])
    return type
  }

  static let dealloc: Slot.Dealloc = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let code = PyRef(raw)
    // tracemalloc caches the addresses of running instructions; this code's are about to go.
    if let tracer = rt.state.pointee.tracemalloc { tracer.pointee.codeWillBeFreed(code) }
    rt.clearWeakReferences(code)
    Unmanaged<CodeObject>.fromOpaque(code.raw.load(fromByteOffset: CodeType.swiftOffset, as: UnsafeRawPointer.self)).release()
    for offset in [CodeType.constantsOffset, CodeType.namesOffset, CodeType.localsPlusNamesOffset, CodeType.filenameOffset, CodeType.nameOffset, CodeType.qualifiedNameOffset] {
      rt.decref(code.loadRef(at: offset))
    }
    rt.freeMemory(UnsafeMutableRawPointer(CodeType.instructions(code)))
    code.raw.load(fromByteOffset: CodeType.linesOffset, as: UnsafeMutablePointer<Int32>?.self)?.deallocate()
    rt.freeMemory(CodeType.caches(code).map(UnsafeMutableRawPointer.init))
    rt.freeObject(code)
  }
}

extension RuntimeRef {
  /// The names of the `localsplus` slots of `kind` (and not of `excluded`), as a tuple.
  func localNames(_ code: PyRef, _ kind: LocalKind, excluding excluded: LocalKind) -> PyRef? {
    let swift = CodeType.code(code)
    var names: [PyRef] = []
    for (name, slotKind) in zip(swift.localsPlusNames, swift.localsPlusKinds)
    where slotKind.contains(kind) && slotKind.intersection(excluded).isEmpty {
      guard let text = newStr(name) else { for n in names { decref(n) }; return nil }
      names.append(text)
    }
    return newTuple(names)
  }

  /// Loads a compiled code object into the heap: a new `code` object, or nil with
  /// `MemoryError` set.
  public func loadCode(_ code: CodeObject) -> PyRef? {
    var constants: [PyRef] = []
    for constant in code.constants {
      guard let value = constantObject(constant) else {
        for value in constants { decref(value) }
        return nil
      }
      constants.append(value)
    }
    guard let constantsTuple = newTuple(constants) else { return nil }
    var names: [PyRef] = []
    for name in code.names {
      guard let text = internedString(name) else { decref(constantsTuple); return nil }
      names.append(text)
    }
    guard let namesTuple = newTuple(names) else { decref(constantsTuple); return nil }
    var localNames: [PyRef] = []
    for name in code.localsPlusNames {
      guard let text = internedString(name) else { decref(constantsTuple); decref(namesTuple); return nil }
      localNames.append(text)
    }
    guard let localsTuple = newTuple(localNames),
          let filename = newStr(code.filename), let name = internedString(code.name),
          let qualifiedName = newStr(code.qualifiedName),
          let instructions = allocateMemory(max(code.instructions.count, 1) * 4),
          let object = allocateObject(state.pointee.types.code) else { return nil }
    let words = instructions.bindMemory(to: UInt32.self, capacity: code.instructions.count)
    for (index, instruction) in code.instructions.enumerated() { words[index] = instruction.word }
    guard let caches = InlineCache.prepare(words, count: code.instructions.count, names: namesTuple, self) else {
      decref(constantsTuple); decref(namesTuple); decref(localsTuple); decref(filename); decref(name); decref(qualifiedName)
      freeMemory(instructions); freeObject(object)
      return nil
    }
    object.raw.storeBytes(of: caches.pointer, toByteOffset: CodeType.cachesOffset, as: UnsafeMutablePointer<InlineCache>?.self)
    object.raw.storeBytes(of: UnsafeRawPointer(Unmanaged.passRetained(code).toOpaque()), toByteOffset: CodeType.swiftOffset, as: UnsafeRawPointer.self)
    object.storeRef(constantsTuple, at: CodeType.constantsOffset)
    object.storeRef(namesTuple, at: CodeType.namesOffset)
    object.storeRef(localsTuple, at: CodeType.localsPlusNamesOffset)
    object.raw.storeBytes(of: words, toByteOffset: CodeType.instructionsOffset, as: UnsafeMutablePointer<UInt32>.self)
    object.storeRef(filename, at: CodeType.filenameOffset)
    object.storeRef(name, at: CodeType.nameOffset)
    object.storeRef(qualifiedName, at: CodeType.qualifiedNameOffset)
    (object.raw + CodeType.shapeOffset).bindMemory(to: CodeShape.self, capacity: 1).initialize(to: CodeShape(code))
    object.storeRef(nil, at: CodeType.weakListOffset)
    object.raw.storeBytes(of: nil, toByteOffset: CodeType.linesOffset, as: UnsafeMutablePointer<Int32>?.self)
    return object
  }

  /// The heap object for a compile-time constant (a new reference).
  public func constantObject(_ constant: Constant) -> PyRef? {
    switch constant {
    case .none: return newNone()
    case .ellipsis:
      state.pointee.ellipsis.incref()
      return state.pointee.ellipsis
    case .bool(let value): return newBool(value)
    case .int(let value): return newInt(value)
    case .bigInt(let decimal): return newIntFromDecimal(decimal)
    case .float(let value): return newFloat(value)
    case .complex(let real, let imag): return newComplexConstant(real: real, imag: imag)
    case .str(let bytes):
      // Identifier-like constants are interned, as CPython's compiler does.
      guard let text = newStrAllowingSurrogates(bytes) else { return nil }
      if bytes.count <= 40, bytes.allSatisfy({ $0 == 0x5F || ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) }) {
        return intern(text)
      }
      return text
    case .bytes(let bytes): return newBytes(bytes)
    case .tuple(let items):
      var objects: [PyRef] = []
      for item in items {
        guard let object = constantObject(item) else { for o in objects { decref(o) }; return nil }
        objects.append(object)
      }
      return newTuple(objects)
    case .frozenset(let items):
      guard let tuple = constantObject(.tuple(items)) else { return nil }
      defer { decref(tuple) }
      return call(state.pointee.types.frozenset.object, [tuple])
    case .code(let code): return loadCode(code)
    }
  }

  /// A str from generalized UTF-8 (lone surrogates encoded as 3 bytes are kept).
  func newStrAllowingSurrogates(_ bytes: [UInt8]) -> PyRef? {
    if let text = newStr(utf8: bytes) { return text }
    clearError()
    var codePoints: [UInt32] = []
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      var value: UInt32, length: Int
      switch byte {
      case 0..<0x80: value = UInt32(byte); length = 1
      case 0xC0..<0xE0: value = UInt32(byte & 0x1F); length = 2
      case 0xE0..<0xF0: value = UInt32(byte & 0x0F); length = 3
      default: value = UInt32(byte & 0x07); length = 4
      }
      for offset in 1..<length where index + offset < bytes.count {
        value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
      }
      codePoints.append(value)
      index += length
    }
    return newStr(codePoints: codePoints)
  }

  /// An int from a decimal literal of any size, with an optional leading `-`.
  func newIntFromDecimal(_ decimal: String) -> PyRef? {
    newInt(parsing: decimal)
  }

  /// A complex constant (`2j`), when the runtime has the complex type.
  func newComplexConstant(real: Double, imag: Double) -> PyRef? {
    guard let complex = state.pointee.types.complex else {
      raise("SystemError", "complex numbers are not supported")
      return nil
    }
    guard let re = newFloat(real), let im = newFloat(imag) else { return nil }
    defer { decref(re); decref(im) }
    return call(complex.object, [re, im])
  }
}

/// What calling a code object needs to know, as plain values in the heap code object.
public struct CodeShape {
  public let flags: CodeFlags
  public let argumentCount: Int
  public let positionalOnlyCount: Int
  public let keywordOnlyCount: Int
  public let localsPlusCount: Int
  public let stackSize: Int
  /// A generator function's code (`CO_GENERATOR`), read without `OptionSet` calls across
  /// the module boundary.
  public let isGenerator: Bool
  /// No `*args`, `**kwargs` or keyword-only parameters: a call with exactly
  /// `argumentCount` positional arguments binds them in order (CPython 3.11's
  /// `CALL_PY_EXACT_ARGS` condition).
  public let hasSimpleParameters: Bool

  init(_ code: CodeObject) {
    flags = code.flags
    argumentCount = code.argumentCount
    positionalOnlyCount = code.positionalOnlyCount
    keywordOnlyCount = code.keywordOnlyCount
    localsPlusCount = code.localsPlusNames.count
    stackSize = code.stackSize
    isGenerator = code.flags.contains(.generator)
    hasSimpleParameters = !code.flags.contains(.varArgs) && !code.flags.contains(.varKeywords) && code.keywordOnlyCount == 0
  }

  /// The bytes a frame running this code needs: header, `localsplus`, value stack.
  public var frameByteCount: Int { MemoryLayout<Frame>.stride + (localsPlusCount + stackSize) * 8 }
}
