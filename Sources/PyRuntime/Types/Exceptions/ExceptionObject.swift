/// `BaseException` and its instances.
///
/// ```
///   -16 GC header | 0 refcount | 8 type | 16 __dict__ | 24 args (tuple) | 32 __notes__
///   | 40 __traceback__ | 48 __context__ | 56 __cause__ | 64 __suppress_context__
/// ```
/// 72 bytes plus the GC header: `sys.getsizeof(Exception())` is 88, as in CPython 3.11.
/// Attributes of the subclasses (`StopIteration.value`, `SystemExit.code`, `KeyError`'s
/// message, `OSError.errno`, …) are computed from `args` or kept in the instance dict.
/// CPython: Objects/exceptions.c.
public enum ExceptionObject {
  static let dictOffset = 16
  static let argsOffset = 24
  static let notesOffset = 32
  static let tracebackOffset = 40
  static let contextOffset = 48
  static let causeOffset = 56
  static let suppressContextOffset = 64
  static let basicSize = 72

  static let referenceOffsets = [dictOffset, argsOffset, notesOffset, tracebackOffset, contextOffset, causeOffset]

  public static func arguments(_ exception: PyRef) -> PyRef { exception.loadRef(at: argsOffset)! }
  public static func traceback(_ exception: PyRef) -> PyRef? { exception.loadRef(at: tracebackOffset) }
  public static func context(_ exception: PyRef) -> PyRef? { exception.loadRef(at: contextOffset) }
  public static func cause(_ exception: PyRef) -> PyRef? { exception.loadRef(at: causeOffset) }
  public static func suppressesContext(_ exception: PyRef) -> Bool {
    exception.raw.load(fromByteOffset: suppressContextOffset, as: Int.self) != 0
  }
  static func setSuppressContext(_ exception: PyRef, _ value: Bool) {
    exception.raw.storeBytes(of: value ? 1 : 0, toByteOffset: suppressContextOffset, as: Int.self)
  }

  static func makeBaseType(_ rt: RuntimeRef) -> PyType {
    let type = rt.makeType(name: "BaseException", basicSize: basicSize, flags: [.haveGC],
                           dealloc: dealloc, traverse: traverse, clear: clear)
    type.record.pointee.dictOffset = dictOffset
    type.record.pointee.new = new
    type.record.pointee.initialize = initialize
    type.record.pointee.repr = repr
    type.record.pointee.str = str
    return type
  }

  static let dealloc: Slot.Dealloc = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let exception = PyRef(raw)
    rt.untrack(exception)
    clear(raw, runtime)
    rt.freeObject(exception)
  }

  static let traverse: Slot.Traverse = { raw, visit, arg in
    let exception = PyRef(raw)
    for offset in referenceOffsets {
      if let object = exception.loadRef(at: offset) {
        let result = visit(object.raw, arg)
        if result != 0 { return result }
      }
    }
    return 0
  }

  static let clear: Slot.Clear = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    for offset in referenceOffsets where offset != argsOffset {
      rt.replaceRef(in: PyRef(raw), at: offset, with: nil)
    }
    // `args` stays a tuple while the object lives; it goes with the object.
    let exception = PyRef(raw)
    if exception.refcount == 0 { rt.replaceRef(in: exception, at: argsOffset, with: nil) }
  }

  static let new: Slot.VectorCall = { typeRaw, argv, count, _, runtime in
    let rt = RuntimeRef(raw: runtime)
    var items: [PyRef] = []
    for index in 0..<count { items.append(PyRef(argv[index].unsafelyUnwrapped)) }
    return rt.newException(PyType(typeRaw), arguments: items)?.raw
  }

  static let initialize: Slot.Initialize = { raw, argv, count, names, runtime in
    let rt = RuntimeRef(raw: runtime)
    let exception = PyRef(raw)
    if let names, TupleObject.count(PyRef(names)) > 0, sameFunction(exception.type.record.pointee.initialize, initialize),
       !exception.type.flags.contains(.heapType) {
      rt.raise("TypeError", "\(exception.type.name)() takes no keyword arguments")
      return -1
    }
    var items: [PyRef] = []
    for index in 0..<count { items.append(PyRef(argv[index].unsafelyUnwrapped)) }
    for item in items { item.incref() }
    guard let args = rt.newTuple(items) else { return -1 }
    rt.replaceRef(in: exception, at: argsOffset, with: args)
    return 0
  }

  static let repr: Slot.Unary = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let exception = PyRef(raw)
    let args = arguments(exception)
    let name = exception.type.name
    let text: String
    if TupleObject.count(args) == 1 {
      guard let inner = rt.repr(TupleObject.item(args, 0)!) else { return nil }
      text = "\(name)(\(StrObject.string(inner)))"
      rt.decref(inner)
    } else {
      guard let inner = rt.repr(args) else { return nil }
      text = "\(name)\(StrObject.string(inner))"
      rt.decref(inner)
    }
    return rt.newStr(text)?.raw
  }

  static let str: Slot.Unary = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let args = arguments(PyRef(raw))
    switch TupleObject.count(args) {
    case 0: return rt.emptyString().raw
    case 1: return rt.str(TupleObject.item(args, 0)!)?.raw
    default: return rt.str(args)?.raw
    }
  }

  /// `str(KeyError(k))` is `repr(k)` when there is one argument.
  static let keyErrorStr: Slot.Unary = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let args = arguments(PyRef(raw))
    if TupleObject.count(args) == 1 { return rt.repr(TupleObject.item(args, 0)!)?.raw }
    return str(raw, runtime)
  }
}

extension RuntimeRef {
  /// A new exception of class `type` with `arguments` (borrowed) as `args`.
  public func newException(_ type: PyType, arguments: [PyRef]) -> PyRef? {
    for argument in arguments { argument.incref() }
    guard let args = newTuple(arguments) else { return nil }
    guard let exception = allocateObject(type) else {
      decref(args)
      return nil
    }
    for offset in ExceptionObject.referenceOffsets { exception.storeRef(nil, at: offset) }
    exception.storeRef(args, at: ExceptionObject.argsOffset)
    ExceptionObject.setSuppressContext(exception, false)
    initializeInstanceSlots(exception)
    track(exception)
    return exception
  }

  /// Sets `exception.__cause__` (owned or nil) and `__suppress_context__ = True`.
  public func setCause(_ exception: PyRef, _ cause: PyRef?) {
    replaceRef(in: exception, at: ExceptionObject.causeOffset, with: cause)
    ExceptionObject.setSuppressContext(exception, true)
  }

  /// Sets `exception.__context__` (owned or nil).
  public func setContext(_ exception: PyRef, _ context: PyRef?) {
    replaceRef(in: exception, at: ExceptionObject.contextOffset, with: context)
  }

  /// Sets `exception.__traceback__` (owned or nil).
  public func setTraceback(_ exception: PyRef, _ traceback: PyRef?) {
    replaceRef(in: exception, at: ExceptionObject.tracebackOffset, with: traceback)
  }

  /// Whether `object` is an exception instance.
  public func isException(_ object: PyRef) -> Bool {
    object.type.record.pointee.kind == .exception
  }

  /// A built-in exception class by name (`"ValueError"`).
  public func exceptionType(_ name: String) -> PyType {
    guard let type = state.pointee.exceptionTypes[name] else {
      preconditionFailure("exceptionType: no built-in exception class named \(name)")
    }
    return type
  }
}
