import PyMemory

/// One Python runtime: a private heap, the objects in it, and the collector. The owner of
/// the ``RuntimeState``; everything else works through the ``ref`` handle.
///
/// ```swift
/// let runtime = Runtime()
/// let rt = runtime.ref
/// let a = rt.newList()!, b = rt.newList()!
/// rt.listAppend(a, b); rt.listAppend(b, a)      // a cycle
/// rt.decref(a); rt.decref(b)                   // unreachable, but counts stay 1
/// rt.collect()                                 // → 2
/// ```
public struct Runtime: ~Copyable {
  public let ref: RuntimeRef

  /// Creates a runtime on a new heap made with `configuration`. `hashSeed` is
  /// `PYTHONHASHSEED`: nil for a random str/bytes hash key, 0 for CPython's fixed one.
  public init(_ configuration: HeapConfiguration = HeapConfiguration(), hashSeed: UInt64? = nil) {
    let heap = Heap(configuration)
    let smallInts = UnsafeMutablePointer<PyRef>.allocate(capacity: IntObject.smallNegative + IntObject.smallPositive)
    let state = UnsafeMutablePointer<RuntimeState>.allocate(capacity: 1)
    state.initialize(to: RuntimeState(heap: heap, smallInts: smallInts))
    ref = RuntimeRef(state)
    ref.setHashSeed(hashSeed)
    ref.bootstrap()
  }

  deinit {
    ref.tearDown()
    ref.state.deinitialize(count: 1)
    ref.state.deallocate()
  }
}

extension RuntimeRef {
  /// Makes the built-in types and the immortal singletons, in three steps: the type
  /// objects and the objects every other step needs (None, `()`, the strings, the small
  /// ints); then each type's dict, bases, MRO and methods; then the exceptions and the
  /// interpreter's types.
  func bootstrap() {
    let typeType = makeType(name: "type", basicSize: ObjectLayout.headerSize + MemoryLayout<TypeRecord>.stride,
                            flags: .haveGC, dealloc: deallocPlain, traverse: TypeType.traverse)
    typeType.object.raw.storeBytes(of: typeType.raw, toByteOffset: 8, as: UnsafeMutableRawPointer.self)
    typeType.record.pointee.weakListOffset = ObjectLayout.headerSize + MemoryLayout<TypeRecord>.offset(of: \TypeRecord.weakList)!
    state.pointee.types.type = typeType
    state.pointee.types.object = ObjectType.makeType(self)
    state.pointee.types.none = makeType(name: "NoneType", basicSize: ObjectLayout.headerSize, dealloc: deallocPlain)
    state.pointee.types.notImplemented = makeType(name: "NotImplementedType", basicSize: ObjectLayout.headerSize, dealloc: deallocPlain)
    state.pointee.types.ellipsis = makeType(name: "ellipsis", basicSize: ObjectLayout.headerSize, dealloc: deallocPlain)
    state.pointee.types.int = IntObject.makeType(self)
    state.pointee.types.bool = BoolObject.makeType(self)
    state.pointee.types.float = FloatObject.makeType(self)
    state.pointee.types.tuple = TupleObject.makeType(self)
    state.pointee.types.list = ListObject.makeType(self)
    state.pointee.types.dict = DictObject.makeType(self)
    state.pointee.types.swiftFunction = FunctionObject.makeType(self)
    let (builtinFunction, methodDescriptor) = BuiltinFunctionObject.makeTypes(self)
    state.pointee.types.builtinFunction = builtinFunction
    state.pointee.types.methodDescriptor = methodDescriptor
    state.pointee.types.getSetDescriptor = GetSetDescriptor.makeType(self)
    let (weakref, proxy, callableProxy) = WeakRefObject.makeTypes(self)
    state.pointee.types.weakref = weakref
    state.pointee.types.weakProxy = proxy
    state.pointee.types.weakCallableProxy = callableProxy
    bootstrapText()

    state.pointee.none = makeImmortal(state.pointee.types.none)
    state.pointee.notImplemented = makeImmortal(state.pointee.types.notImplemented)
    state.pointee.ellipsis = makeImmortal(state.pointee.types.ellipsis)
    let empty = makeImmortal(state.pointee.types.tuple)
    empty.size = 0
    state.pointee.emptyTuple = empty
    IntObject.makeSmallInts(self)
    BoolObject.makeSingletons(self)

    readyCoreTypes()
    ExceptionHierarchy.bootstrap(self)
    bootstrapNumberProtocols()
    bootstrapTextProtocols()
    bootstrapByteArray()
    bootstrapContainerProtocols()
    addBuiltinFunctionAttributes()
    bootstrapTypingProtocols()
    bootstrapInterpreterTypes()
    bootstrapWeakRefTypes()
    markBaseTypes()
    bootstrapGCLists()
    makeIdentifiers()
    findSpecializedCallTargets()
    state.pointee.gc.count = (0, 0, 0)
  }

  /// Sets `TypeFlags.baseType` on the built-in types a class may extend, as CPython's
  /// `Py_TPFLAGS_BASETYPE` does: `object`, `type`, the numbers but `bool`, the text and
  /// container types, the descriptors `property`/`classmethod`/`staticmethod`, `super`,
  /// weak references, every exception, and the iterator classes that are public
  /// constructors (`enumerate`, `zip`, `map`, `filter`, `reversed`). Types made later
  /// than the bootstrap (classes) set the flag themselves.
  /// CPython: the `tp_flags` of each type in Objects/*.c.
  private func markBaseTypes() {
    let types = state.pointee.types
    let fixed: [PyType?] = [
      types.object, types.type, types.int, types.float, types.complex, types.str, types.bytes, types.bytearray,
      types.list, types.tuple, types.dict, types.set, types.frozenset, types.property, types.classMethod,
      types.staticMethod, types.superType, types.weakref,
    ]
    let named = ["enumerate", "zip", "map", "filter", "reversed"].compactMap { types.byName[$0] }
    for type in fixed.compactMap({ $0 }) + named + Array(state.pointee.exceptionTypes.values) {
      type.record.pointee.flags.insert(.baseType)
    }
  }

  /// Step two for the types made in step one.
  private func readyCoreTypes() {
    let types = state.pointee.types
    readyBuiltinType(types.object, base: nil, kind: .object)
    TypeType.configure(self, types.type)
    readyBuiltinType(types.type, base: nil, kind: .type)
    types.type.record.pointee.dictOffset = 0
    addGetSets(types.type, TypeType.getSets)
    addMethods(types.type, TypeType.methods)
    addMethods(types.object, ObjectType.methods)
    addGetSets(types.object, ObjectType.getSets)
    addSlotWrappers(types.object)
    addSlotWrappers(types.type)
    for (type, kind) in [(types.none, TypeKind.none), (types.notImplemented, .notImplemented), (types.ellipsis, .ellipsis)] {
      SingletonTypes.configure(self, type!, kind)
    }
    readyBuiltinType(types.int, base: nil, kind: .int)
    readyBuiltinType(types.bool, base: types.int, kind: .bool)
    readyBuiltinType(types.float, base: nil, kind: .float)
    readyBuiltinType(types.tuple, base: nil, kind: .tuple)
    readyBuiltinType(types.list, base: nil, kind: .list)
    readyBuiltinType(types.dict, base: nil, kind: .dict)
    readyBuiltinType(types.str, base: nil, kind: .str)
    readyBuiltinType(types.bytes, base: nil, kind: .bytes)
    readyBuiltinType(types.swiftFunction, base: nil, kind: .other)
    readyBuiltinType(types.builtinFunction, base: nil, kind: .builtinFunction)
    readyBuiltinType(types.methodDescriptor, base: nil, kind: .methodDescriptor)
    readyBuiltinType(types.getSetDescriptor, base: nil, kind: .other)
    readyBuiltinType(types.weakref, base: nil, kind: .weakref)
    readyBuiltinType(types.weakProxy, base: nil, kind: .weakref)
    readyBuiltinType(types.weakCallableProxy, base: nil, kind: .weakref)
    for type in [types.builtinFunction, types.methodDescriptor, types.getSetDescriptor] { addSlotWrappers(type!) }
  }

  private func makeImmortal(_ type: PyType) -> PyRef {
    guard let object = allocateObject(type) else {
      preconditionFailure("Runtime: the heap limit is too small for the built-in objects")
    }
    object.refcount = ObjectLayout.immortalRefcount
    return object
  }

  /// Frees the runtime's own bookkeeping. The objects go with the heap.
  func tearDown() {
    releaseTracemalloc()
    for name in state.pointee.ownedNames { name.deallocate() }
    state.pointee.ownedNames = []
    state.pointee.gc.garbage = nil
    state.pointee.gc.callbacks = nil
    state.pointee.gc.hooks = []
    state.pointee.gc.release()
    state.pointee.trashcan.release()
    clearFreeLists()
    state.pointee.freeLists.release()
    state.pointee.smallInts.deallocate()
    state.pointee.interpreter.frameStack.release()
    releaseTypeCache()
  }

  /// The heap the runtime's objects live in.
  public var heap: UnsafeMutablePointer<RuntimeState> { state }
}
