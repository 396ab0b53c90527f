import PyMemory

/// Everything one interpreter owns: its heap, its collector, its types and singletons.
///
/// Reached through ``RuntimeRef`` (a pointer), never through globals, so several runtimes can
/// live in one process and the state pays no dynamic exclusivity checks. The hot fields
/// (the heap, the GC counts, the dealloc depth) are plain values; the Swift-managed fields
/// (error text, hooks) are touched only on error and debug paths.
public struct RuntimeState: ~Copyable {
  public var heap: Heap
  @usableFromInline var gc: GCState
  var trashcan: Trashcan
  public internal(set) var types: BuiltinTypes
  /// `None`.
  public internal(set) var none: PyRef
  /// `()`, an immortal singleton.
  public internal(set) var emptyTuple: PyRef
  /// `NotImplemented` and `Ellipsis`, immortal.
  public internal(set) var notImplemented = PyRef(UnsafeMutableRawPointer(bitPattern: 16)!)
  public internal(set) var ellipsis = PyRef(UnsafeMutableRawPointer(bitPattern: 16)!)
  /// `True` and `False`, immortal (see ``BoolObject``); replaced in bootstrap.
  public internal(set) var trueObject = PyRef(UnsafeMutableRawPointer(bitPattern: 16)!)
  public internal(set) var falseObject = PyRef(UnsafeMutableRawPointer(bitPattern: 16)!)
  /// The float free list and the int string-conversion limit.
  var numbers = NumberState()
  /// Parked tuples, lists and dicts (``FreeLists``).
  @usableFromInline var freeLists = FreeLists()
  /// The containers' per-runtime state: the reprs in progress (see ``ContainerState``).
  var containers = ContainerState()
  /// Small ints −5…256, immortal (`_PY_NSMALLNEGINTS`, `_PY_NSMALLPOSINTS`).
  let smallInts: UnsafeMutablePointer<PyRef>
  /// The exception being raised (CPython 3.12's `tstate->current_exception`): owned, or nil.
  public internal(set) var exception: UnsafeMutableRawPointer?
  /// The exception being handled (`sys.exc_info()`), saved and restored by
  /// `PUSH_EXC_INFO`/`POP_EXCEPT`: owned, or nil.
  public internal(set) var handledException: UnsafeMutableRawPointer?
  /// The built-in exception classes by name, for ``RuntimeRef/raise(_:_:)``.
  var exceptionTypes: [String: PyType] = [:]
  /// A `MemoryError` made in advance: raising it allocates nothing.
  var memoryErrorInstance: UnsafeMutableRawPointer?
  /// The functions `atexit.register` registered, run at shutdown.
  var atexit = AtExitState()
  /// tracemalloc's tables, made when it is first used (see ``Tracemalloc``).
  var tracemalloc: UnsafeMutablePointer<Tracemalloc>?
  /// The interpreter: frames, modules, builtins (see ``InterpreterState``).
  public var interpreter = InterpreterState()
  /// Where unraisable errors go: "Exception ignored in: …" (`sys.unraisablehook`).
  public var unraisableHook: (String) -> Void
  /// Where the collector's debug output goes (CPython writes it to stderr).
  public var debugOutput: (String) -> Void
  /// Names of the types, owned here (type records point into these).
  var ownedNames: [UnsafeMutablePointer<CChar>] = []
  /// The hash key, the empty str and bytes, the one-character caches and the intern table.
  public internal(set) var text = TextState()
  /// The attribute cache of type lookups (`_PyType_Lookup`'s method cache).
  var typeCache = TypeCache()
  /// The interned names of ``Identifier``, by raw value (immortal strs).
  var identifiers: UnsafeMutablePointer<UnsafeMutableRawPointer?>?

  init(heap: consuming Heap, smallInts: UnsafeMutablePointer<PyRef>) {
    self.heap = heap
    gc = GCState()
    trashcan = Trashcan()
    types = BuiltinTypes()
    none = PyRef(UnsafeMutableRawPointer(bitPattern: 16)!)        // replaced in bootstrap
    emptyTuple = PyRef(UnsafeMutableRawPointer(bitPattern: 16)!)  // replaced in bootstrap
    self.smallInts = smallInts
    exception = nil
    unraisableHook = { StandardError.write($0) }
    debugOutput = { StandardError.write($0) }
  }
}

/// A Python-level error as Swift code sees it: the exception's type name and message
/// (`str(exception)`), taken from the runtime with ``RuntimeRef/takeError()``.
public struct PyError: Error, Equatable, CustomStringConvertible {
  public var typeName: String
  public var message: String
  public init(_ typeName: String, _ message: String) {
    self.typeName = typeName
    self.message = message
  }
  public var description: String { message.isEmpty ? typeName : "\(typeName): \(message)" }
}

/// A handle to a runtime: the pointer every runtime function takes. Trivial to copy.
public struct RuntimeRef {
  public let state: UnsafeMutablePointer<RuntimeState>

  @inlinable @inline(__always)
  public init(_ state: UnsafeMutablePointer<RuntimeState>) { self.state = state }

  /// Rebuilds the handle inside a slot function.
  @inlinable @inline(__always)
  public init(raw: RawRuntime) { state = raw.assumingMemoryBound(to: RuntimeState.self) }

  /// The address slot functions receive.
  @inlinable public var raw: RawRuntime { UnsafeMutableRawPointer(state) }

  /// `None`, as a new reference.
  public func newNone() -> PyRef {
    let none = state.pointee.none
    none.incref()
    return none
  }

}
