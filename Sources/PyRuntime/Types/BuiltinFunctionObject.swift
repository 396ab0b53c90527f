/// Functions and methods written in Swift: CPython's `builtin_function_or_method` (a module
/// function such as `len`, or a method bound to its object such as `[].append`) and
/// `method_descriptor` (the unbound method in a type's dict, `list.append`).
///
/// ```
///   -16 GC header | 0 refcount | 8 type | 16 code | 24 self | 32 name (str) | 40 owner type
///   | 48 flags | 56 weaklist
/// ```
/// The code is a ``Slot/VectorCall`` that receives the function object itself first (so a
/// slot wrapper can find its owner type), then the arguments. A method's code always finds
/// `self` in `argv[0]`: calling a bound method prepends it.
/// CPython: Objects/methodobject.c, Objects/descrobject.c.
public enum BuiltinFunctionObject {
  static let codeOffset = 16
  static let selfOffset = 24
  static let nameOffset = 32
  static let ownerOffset = 40
  static let flagsOffset = 48
  static let weakListOffset = 56
  static let basicSize = 64

  /// How a built-in binds and is called.
  public struct Flags: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// `self` is set and is passed as `argv[0]`.
    public static let bound = Flags(rawValue: 1)
    /// A method descriptor: binds to the instance on attribute access.
    public static let method = Flags(rawValue: 2)
    /// Binds to the type (`dict.fromkeys`).
    public static let classMethod = Flags(rawValue: 4)
    /// Does not bind (`str.maketrans`).
    public static let staticMethod = Flags(rawValue: 8)
  }

  public static func code(_ function: PyRef) -> Slot.VectorCall {
    function.raw.load(fromByteOffset: codeOffset, as: Slot.VectorCall.self)
  }
  public static func boundSelf(_ function: PyRef) -> PyRef? { function.loadRef(at: selfOffset) }
  public static func name(_ function: PyRef) -> PyRef { function.loadRef(at: nameOffset)! }
  public static func owner(_ function: PyRef) -> PyType? { function.loadRef(at: ownerOffset).map { PyType($0.raw) } }
  public static func flags(_ function: PyRef) -> Flags {
    Flags(rawValue: function.raw.load(fromByteOffset: flagsOffset, as: Int.self))
  }

  static func makeTypes(_ rt: RuntimeRef) -> (function: PyType, descriptor: PyType) {
    let function = rt.makeType(
      name: "builtin_function_or_method", basicSize: basicSize, flags: [.haveGC], weakListOffset: weakListOffset,
      dealloc: dealloc, traverse: traverse, clear: clear)
    function.record.pointee.kind = .builtinFunction
    function.record.pointee.vectorCall = callBuiltin
    function.record.pointee.repr = repr
    // Method descriptors refuse weak references in CPython (no `tp_weaklistoffset`).
    let descriptor = rt.makeType(
      name: "method_descriptor", basicSize: basicSize, flags: [.haveGC],
      dealloc: dealloc, traverse: traverse, clear: clear)
    descriptor.record.pointee.kind = .methodDescriptor
    descriptor.record.pointee.vectorCall = callBuiltin
    descriptor.record.pointee.descriptorGet = bind
    descriptor.record.pointee.repr = repr
    return (function, descriptor)
  }

  static let dealloc: Slot.Dealloc = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let function = PyRef(raw)
    rt.untrack(function)
    rt.clearWeakReferences(function)
    rt.decref(function.loadRef(at: selfOffset))
    rt.decref(function.loadRef(at: nameOffset))
    rt.decref(function.loadRef(at: ownerOffset))
    rt.freeObject(function)
  }

  static let traverse: Slot.Traverse = { raw, visit, arg in
    let function = PyRef(raw)
    for offset in [selfOffset, ownerOffset] {
      if let object = function.loadRef(at: offset) {
        let result = visit(object.raw, arg)
        if result != 0 { return result }
      }
    }
    return 0
  }

  static let clear: Slot.Clear = { raw, runtime in
    RuntimeRef(raw: runtime).replaceRef(in: PyRef(raw), at: selfOffset, with: nil)
  }

  /// Calls the code, with `self` first when bound.
  static let callBuiltin: Slot.VectorCall = { raw, argv, count, names, runtime in
    let function = PyRef(raw)
    let code = BuiltinFunctionObject.code(function)
    guard let bound = function.loadRef(at: selfOffset) else {
      let flags = BuiltinFunctionObject.flags(function)
      if flags.contains(.method), !flags.contains(.staticMethod), let owner = BuiltinFunctionObject.owner(function) {
        // An unbound method: the first argument is `self` and must be an instance.
        let rt = RuntimeRef(raw: runtime)
        guard count > 0 else {
          let name = StrObject.string(BuiltinFunctionObject.name(function))
          rt.raise("TypeError", "unbound method \(owner.name).\(name)() needs an argument")
          return nil
        }
        let target = PyRef(argv[0]!)
        let expected = flags.contains(.classMethod) && target.type.record.pointee.kind == .type ? PyType(target.raw) : target.type
        if !flags.contains(.classMethod), expected != owner, !rt.isSubtype(expected, owner) {
          let name = StrObject.string(BuiltinFunctionObject.name(function))
          rt.raise("TypeError", "descriptor '\(name)' for '\(owner.name)' objects doesn't apply to a '\(target.type.name)' object")
          return nil
        }
      }
      return code(raw, argv, count, names, runtime)
    }
    let total = count + (names.map { TupleObject.count(PyRef($0)) } ?? 0)
    return withUnsafeTemporaryAllocation(of: UnsafeMutableRawPointer?.self, capacity: total + 1) { buffer in
      buffer[0] = bound.raw
      for index in 0..<total { buffer[index + 1] = argv[index] }
      return code(raw, UnsafePointer(buffer.baseAddress!), count + 1, names, runtime)
    }
  }

  /// `descriptor.__get__(instance, owner)`: a bound built-in method.
  static let bind: Slot.DescriptorGet = { raw, instance, ownerType, runtime in
    let rt = RuntimeRef(raw: runtime)
    let descriptor = PyRef(raw)
    let flags = BuiltinFunctionObject.flags(descriptor)
    if flags.contains(.staticMethod) {
      descriptor.incref()
      return descriptor.raw
    }
    let target: PyRef
    if flags.contains(.classMethod) {
      target = PyRef(ownerType)
    } else {
      guard let instance else {
        descriptor.incref()
        return descriptor.raw
      }
      target = PyRef(instance)
    }
    return rt.newBuiltinFunction(
      name: BuiltinFunctionObject.name(descriptor), code: BuiltinFunctionObject.code(descriptor), boundSelf: target,
      owner: BuiltinFunctionObject.owner(descriptor), flags: .bound)?.raw
  }

  static let repr: Slot.Unary = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let function = PyRef(raw)
    let name = StrObject.string(BuiltinFunctionObject.name(function))
    let owner = BuiltinFunctionObject.owner(function)?.name
    let text: String
    if function.type.record.pointee.kind == .methodDescriptor {
      text = "<method '\(name)' of '\(owner ?? "?")' objects>"
    } else if let bound = boundSelf(function), bound.type.record.pointee.kind != .module {
      text = "<built-in method \(name) of \(bound.type.name) object at 0x\(String(UInt(bitPattern: bound.raw), radix: 16))>"
    } else {
      text = "<built-in function \(name)>"
    }
    return rt.newStr(text)?.raw
  }
}

/// A method of a built-in type or module: its name, its code and how it binds.
public struct MethodDefinition: @unchecked Sendable {
  public var name: String
  public var code: Slot.VectorCall
  public var flags: BuiltinFunctionObject.Flags
  public init(_ name: String, _ code: @escaping Slot.VectorCall, flags: BuiltinFunctionObject.Flags = .method) {
    self.name = name
    self.code = code
    self.flags = flags
  }
}

extension RuntimeRef {
  /// A new built-in function or method object.
  func newBuiltinFunction(name: PyRef, code: Slot.VectorCall, boundSelf: PyRef?, owner: PyType?,
                          flags: BuiltinFunctionObject.Flags) -> PyRef? {
    let type = flags.contains(.bound) || owner == nil ? state.pointee.types.builtinFunction! : state.pointee.types.methodDescriptor!
    guard let function = allocateObject(type) else { return nil }
    function.raw.storeBytes(of: code, toByteOffset: BuiltinFunctionObject.codeOffset, as: Slot.VectorCall.self)
    boundSelf?.incref()
    function.storeRef(boundSelf, at: BuiltinFunctionObject.selfOffset)
    name.incref()
    function.storeRef(name, at: BuiltinFunctionObject.nameOffset)
    owner?.object.incref()
    function.storeRef(owner?.object, at: BuiltinFunctionObject.ownerOffset)
    function.raw.storeBytes(of: flags.rawValue, toByteOffset: BuiltinFunctionObject.flagsOffset, as: Int.self)
    function.storeRef(nil, at: BuiltinFunctionObject.weakListOffset)
    track(function)
    return function
  }

  /// A module-level built-in function (`len`), or one bound to `boundSelf`.
  public func newBuiltinFunction(_ name: String, _ code: @escaping Slot.VectorCall, boundSelf: PyRef? = nil) -> PyRef? {
    guard let nameObject = internedString(name) else { return nil }
    defer { decref(nameObject) }
    return newBuiltinFunction(name: nameObject, code: code, boundSelf: boundSelf, owner: nil,
                              flags: boundSelf == nil ? [] : .bound)
  }

  /// Adds method descriptors for `methods` to `type`'s dict.
  public func addMethods(_ type: PyType, _ methods: [MethodDefinition]) {
    let dict = typeDict(type)
    for method in methods {
      guard let name = internedString(method.name),
            let descriptor = newBuiltinFunction(name: name, code: method.code, boundSelf: nil, owner: type,
                                                flags: method.flags.union(.method)) else {
        preconditionFailure("addMethods: out of memory while building \(type.name)")
      }
      dictSetItem(dict, name, descriptor)
      decref(name)
      decref(descriptor)
    }
  }
}
