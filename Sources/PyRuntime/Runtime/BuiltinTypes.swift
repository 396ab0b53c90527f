/// The built-in type objects of one runtime.
public struct BuiltinTypes {
  public internal(set) var type: PyType!
  public internal(set) var object: PyType!
  public internal(set) var none: PyType!
  public internal(set) var notImplemented: PyType!
  public internal(set) var ellipsis: PyType!
  public internal(set) var int: PyType!
  public internal(set) var bool: PyType!
  public internal(set) var float: PyType!
  public internal(set) var complex: PyType!
  public internal(set) var tuple: PyType!
  public internal(set) var list: PyType!
  public internal(set) var dict: PyType!
  public internal(set) var set: PyType!
  public internal(set) var frozenset: PyType!
  public internal(set) var range: PyType!
  public internal(set) var slice: PyType!
  public internal(set) var str: PyType!
  public internal(set) var bytes: PyType!
  public internal(set) var bytearray: PyType!
  /// Swift callables with one argument (``FunctionObject``): GC and weak-reference
  /// callbacks written in Swift.
  public internal(set) var swiftFunction: PyType!
  public internal(set) var builtinFunction: PyType!
  public internal(set) var methodDescriptor: PyType!
  public internal(set) var getSetDescriptor: PyType!
  /// Python functions (``PythonFunction``), bound methods, cells, code objects, modules.
  public internal(set) var function: PyType!
  public internal(set) var method: PyType!
  public internal(set) var cell: PyType!
  public internal(set) var code: PyType!
  public internal(set) var module: PyType!
  public internal(set) var generator: PyType!
  public internal(set) var traceback: PyType!
  public internal(set) var frame: PyType!
  public internal(set) var property: PyType!
  public internal(set) var classMethod: PyType!
  public internal(set) var staticMethod: PyType!
  public internal(set) var superType: PyType!
  public internal(set) var mappingProxy: PyType!
  /// The `__slots__` field descriptors (also in `byName["member_descriptor"]`).
  public internal(set) var memberDescriptor: PyType!
  public internal(set) var weakref: PyType!
  public internal(set) var weakProxy: PyType!
  public internal(set) var weakCallableProxy: PyType!
  /// Iterators and views by name (`"list_iterator"`, `"enumerate"`, `"dict_keys"`, …), for
  /// the types that have no field of their own.
  public internal(set) var byName: [String: PyType] = [:]
  /// Every type this runtime made, built-in or class, for teardown.
  var all: [PyType] = []
}

extension RuntimeRef {
  /// Creates a type object in the heap. Types are immortal for now: class objects become
  /// collectable when the interpreter makes them real Python classes.
  @discardableResult
  func makeType(
    name: String, basicSize: Int, itemSize: Int = 0, flags: TypeFlags = [], weakListOffset: Int = 0,
    dealloc: Slot.Dealloc, traverse: Slot.Traverse? = nil, clear: Slot.Clear? = nil,
    finalize: Slot.Finalize? = nil, legacyDel: Slot.Finalize? = nil, call: Slot.Call? = nil,
    hash: Slot.Hash? = nil, equal: Slot.Equal? = nil, attributeCount: Int = 0
  ) -> PyType {
    // Every type object has a GC header in front, as `type` is a GC type: classes made by
    // `class` statements are tracked (CPython's `type_is_gc`: heap types only); the
    // built-in types are not, so their headers stay zero (untracked).
    let byteCount = GCHeader.size + ObjectLayout.headerSize + MemoryLayout<TypeRecord>.stride
    guard let memory = state.pointee.heap.allocate(byteCount: byteCount) else {
      preconditionFailure("makeType: the heap limit is too small to hold the type \(name)")
    }
    memory.initializeMemory(as: UInt8.self, repeating: 0, count: GCHeader.size)
    let block = memory + GCHeader.size
    let type = PyType(block)
    type.object.refcount = ObjectLayout.immortalRefcount
    // `type` is its own type; before it exists the caller patches this.
    block.storeBytes(of: (state.pointee.types.type ?? type).raw, toByteOffset: 8, as: UnsafeMutableRawPointer.self)
    let utf8 = Array(name.utf8CString)
    let ownedName = UnsafeMutablePointer<CChar>.allocate(capacity: utf8.count)
    ownedName.initialize(from: utf8, count: utf8.count)
    state.pointee.ownedNames.append(ownedName)
    (block + ObjectLayout.headerSize).bindMemory(to: TypeRecord.self, capacity: 1).initialize(to: TypeRecord(
      name: UnsafePointer(ownedName), basicSize: basicSize, itemSize: itemSize, flags: flags,
      weakListOffset: weakListOffset, dealloc: dealloc, traverse: traverse, clear: clear,
      finalize: finalize, legacyDel: legacyDel, call: call, hash: hash, equal: equal,
      delCallable: nil, attributeCount: attributeCount))
    state.pointee.types.all.append(type)
    type.record.pointee.kind = .other
    return type
  }
}

/// Deallocation for objects that hold nothing: free the memory.
let deallocPlain: Slot.Dealloc = { object, runtime in
  RuntimeRef(raw: runtime).freeObject(PyRef(object))
}
