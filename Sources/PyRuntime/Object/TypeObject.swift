import PyMemory

/// The runtime state as slot functions receive it: `@convention(c)` functions cannot take
/// Swift structs, so slots get the raw address of the ``RuntimeState`` and rebuild a
/// ``RuntimeRef`` from it.
public typealias RawRuntime = UnsafeMutableRawPointer

/// `visitproc`: called by `traverse` for each object reference a container holds. A non-zero
/// result stops the traversal and is returned.
public typealias VisitProc = @convention(c) (UnsafeMutableRawPointer, UnsafeMutableRawPointer?) -> Int32

/// The slots every type may fill. All are `@convention(c)` function pointers: trivial,
/// no closure context, no reference counting (STYLE.md rule 8).
/// CPython: Include/cpython/object.h, `PyTypeObject`.
public enum Slot {
  /// `tp_dealloc`: release what the object holds and free its memory. Runs when the count
  /// reaches zero (or from the collector's clear), never recursively (see `Runtime+Dealloc`).
  public typealias Dealloc = @convention(c) (UnsafeMutableRawPointer, RawRuntime) -> Void
  /// `tp_traverse`: visit every object reference held.
  public typealias Traverse = @convention(c) (UnsafeMutableRawPointer, VisitProc, UnsafeMutableRawPointer?) -> Int32
  /// `tp_clear`: drop the references that could form cycles.
  public typealias Clear = @convention(c) (UnsafeMutableRawPointer, RawRuntime) -> Void
  /// `tp_finalize` (PEP 442, Python's `__del__`) and the legacy `tp_del`. Errors are left
  /// on the runtime and reported as unraisable by the caller.
  public typealias Finalize = @convention(c) (UnsafeMutableRawPointer, RawRuntime) -> Void
  /// `tp_call` with one positional argument (nil for none). Returns a new reference, or nil
  /// with an error set.
  public typealias Call = @convention(c) (UnsafeMutableRawPointer, UnsafeMutableRawPointer?, RawRuntime) -> UnsafeMutableRawPointer?
  /// `tp_hash`: -1 with an error set on failure.
  public typealias Hash = @convention(c) (UnsafeMutableRawPointer, RawRuntime) -> Int
  /// Equality for dict lookups: 1, 0, or -1 with an error set.
  public typealias Equal = @convention(c) (UnsafeMutableRawPointer, UnsafeMutableRawPointer, RawRuntime) -> Int32

  // The protocol slots the interpreter calls. Each returns a new reference, or nil with an
  // exception set, unless its comment says otherwise.

  /// `tp_repr`, `tp_str`, `tp_iter`, `nb_index`-like one-object operations.
  public typealias Unary = @convention(c) (UnsafeMutableRawPointer, RawRuntime) -> UnsafeMutableRawPointer?
  /// `tp_iternext`: nil *without* an exception set means the iterator is exhausted.
  public typealias IterNext = @convention(c) (UnsafeMutableRawPointer, RawRuntime) -> UnsafeMutableRawPointer?
  /// `tp_richcompare`: `op` is a `ComparisonOperator` raw value; may return `NotImplemented`.
  public typealias RichCompare = @convention(c) (UnsafeMutableRawPointer, UnsafeMutableRawPointer, Int32, RawRuntime) -> UnsafeMutableRawPointer?
  /// All binary number operations in one slot (`nb_add`, `nb_subtract`, …): `op` is a
  /// `BinaryOperator` raw value, plus 13 for the in-place form. Called with the operands in
  /// source order on the left operand's type and then on the right's, as CPython's `nb_*`
  /// slots are; returns `NotImplemented` for operand types it does not handle.
  public typealias Binary = @convention(c) (UnsafeMutableRawPointer, UnsafeMutableRawPointer, UInt32, RawRuntime) -> UnsafeMutableRawPointer?
  /// `nb_negative` (0), `nb_positive` (1), `nb_invert` (2), `nb_absolute` (3).
  public typealias UnaryNumber = @convention(c) (UnsafeMutableRawPointer, UInt32, RawRuntime) -> UnsafeMutableRawPointer?
  /// `sq_length` / `mp_length`: -1 with an exception set on failure.
  public typealias Length = @convention(c) (UnsafeMutableRawPointer, RawRuntime) -> Int
  /// `nb_bool`: 1, 0, or -1 with an exception set.
  public typealias Predicate = @convention(c) (UnsafeMutableRawPointer, RawRuntime) -> Int32
  /// `mp_subscript`.
  public typealias GetItem = @convention(c) (UnsafeMutableRawPointer, UnsafeMutableRawPointer, RawRuntime) -> UnsafeMutableRawPointer?
  /// `mp_ass_subscript`: a nil value deletes. 0, or -1 with an exception set.
  public typealias SetItem = @convention(c) (UnsafeMutableRawPointer, UnsafeMutableRawPointer, UnsafeMutableRawPointer?, RawRuntime) -> Int32
  /// `sq_contains`: 1, 0, or -1 with an exception set.
  public typealias Contains = @convention(c) (UnsafeMutableRawPointer, UnsafeMutableRawPointer, RawRuntime) -> Int32
  /// `tp_getattro`: the name is a str. Raises `AttributeError` when absent.
  public typealias GetAttribute = @convention(c) (UnsafeMutableRawPointer, UnsafeMutableRawPointer, RawRuntime) -> UnsafeMutableRawPointer?
  /// `tp_setattro`: a nil value deletes. 0, or -1 with an exception set.
  public typealias SetAttribute = @convention(c) (UnsafeMutableRawPointer, UnsafeMutableRawPointer, UnsafeMutableRawPointer?, RawRuntime) -> Int32
  /// `tp_descr_get(descriptor, instance or nil, owner type)`.
  public typealias DescriptorGet = @convention(c) (UnsafeMutableRawPointer, UnsafeMutableRawPointer?, UnsafeMutableRawPointer, RawRuntime) -> UnsafeMutableRawPointer?
  /// `tp_descr_set(descriptor, instance, value or nil to delete)`: 0, or -1.
  public typealias DescriptorSet = @convention(c) (UnsafeMutableRawPointer, UnsafeMutableRawPointer, UnsafeMutableRawPointer?, RawRuntime) -> Int32
  /// Vectorcall: `(callable, argv, positional count, kwnames tuple or nil, runtime)`. The
  /// keyword values follow the positional ones in `argv`. Arguments are borrowed.
  public typealias VectorCall = @convention(c) (UnsafeMutableRawPointer, UnsafePointer<UnsafeMutableRawPointer?>, Int, UnsafeMutableRawPointer?, RawRuntime) -> UnsafeMutableRawPointer?
  /// `tp_init`: `(self, argv, count, kwnames, runtime)` → 0, or -1 with an exception set.
  public typealias Initialize = @convention(c) (UnsafeMutableRawPointer, UnsafePointer<UnsafeMutableRawPointer?>, Int, UnsafeMutableRawPointer?, RawRuntime) -> Int32
}

/// Type flags. CPython: `Py_TPFLAGS_*`.
public struct TypeFlags: OptionSet, Sendable {
  public let rawValue: UInt64
  public init(rawValue: UInt64) { self.rawValue = rawValue }
  /// Instances carry a GC header and can be tracked (`Py_TPFLAGS_HAVE_GC`).
  public static let haveGC = TypeFlags(rawValue: 1 << 14)
  /// Created at run time (a class), as opposed to built in (`Py_TPFLAGS_HEAPTYPE`).
  public static let heapType = TypeFlags(rawValue: 1 << 9)
  /// The type may be subclassed (`Py_TPFLAGS_BASETYPE`): a class statement naming a type
  /// without it fails with "type 'bool' is not an acceptable base type".
  public static let baseType = TypeFlags(rawValue: 1 << 10)
  /// Instances keep their attributes as inline values in their own block, named by the
  /// class's shared keys, not in a dict object, until one is needed
  /// (`Py_TPFLAGS_MANAGED_DICT`). See ``InstanceValues`` and ``SharedKeys``.
  public static let managedDict = TypeFlags(rawValue: 1 << 4)
  /// Variable-size instances with `ob_size`.
  public static let varSized = TypeFlags(rawValue: 1 << 40)
}

/// What a type object holds after its object header. Trivial, so it lives in heap memory.
///
/// ```
///  type object:  refcount | type (= `type`) | TypeRecord …
/// ```
public struct TypeRecord {
  /// NUL-terminated UTF-8 name, owned by the runtime.
  public var name: UnsafePointer<CChar>
  /// `tp_basicsize`, without the GC header.
  public var basicSize: Int
  /// `tp_itemsize`.
  public var itemSize: Int
  public var flags: TypeFlags
  /// Offset of the weak-reference list head in instances; 0 when weak references to
  /// instances are not allowed (`tp_weaklistoffset`).
  public var weakListOffset: Int
  public var dealloc: Slot.Dealloc
  public var traverse: Slot.Traverse?
  public var clear: Slot.Clear?
  public var finalize: Slot.Finalize?
  public var legacyDel: Slot.Finalize?
  public var call: Slot.Call?
  public var hash: Slot.Hash?
  public var equal: Slot.Equal?
  /// For class-like types: the callable run as `__del__` (strong reference, or nil).
  public var delCallable: UnsafeMutableRawPointer?
  /// For class-like types: attribute slots each instance has room for.
  public var attributeCount: Int
  /// Whether the collector's inner loops may walk this type's references inline instead of
  /// calling `traverse` (set by the built-in kinds whose layout they know).
  var traverseKind: TraverseKind = .generic
  /// The built-in layout of this type's instances: its own, or its nearest built-in base's.
  /// The interpreter's fast paths switch on it (a one-byte tag, never a closure).
  public var kind: TypeKind = .object
  /// `tp_base`: the base whose layout instances extend (nil only for `object`).
  public var base: UnsafeMutableRawPointer?
  /// `__bases__` (a tuple) and `__mro__` (a tuple of types, this type first); strong.
  public var bases: UnsafeMutableRawPointer?
  public var mro: UnsafeMutableRawPointer?
  /// The type's namespace (`__dict__`): methods, descriptors and class attributes; strong.
  public var dict: UnsafeMutableRawPointer?
  /// `tp_dictoffset`: where an instance keeps its `__dict__` pointer; 0 when it has none.
  public var dictOffset: Int = 0
  /// For a class with ``TypeFlags/managedDict``: the names its instances' inline values
  /// are kept under (``SharedKeys``, `ht_cached_keys`), made with the first instance.
  var sharedKeys: UnsafeMutableRawPointer? = nil
  /// Which dunder methods a class defines (or inherits from a class), so the protocol
  /// functions can skip the method lookup for what is absent.
  public var dunders: DunderSet = []
  /// `tp_version_tag`: nonzero while the type's attributes (and those of every class on
  /// its MRO) are unchanged since the tag was given; the key of the attribute cache (see
  /// ``TypeCache``). 0: not cached.
  public var versionTag: UInt32 = 0

  // Protocol slots (see ``Slot``); nil when the type does not support the operation.
  public var repr: Slot.Unary?
  public var str: Slot.Unary?
  public var richCompare: Slot.RichCompare?
  public var iter: Slot.Unary?
  public var iterNext: Slot.IterNext?
  public var binary: Slot.Binary?
  public var unaryNumber: Slot.UnaryNumber?
  public var length: Slot.Length?
  public var isTrue: Slot.Predicate?
  public var getItem: Slot.GetItem?
  public var setItem: Slot.SetItem?
  public var contains: Slot.Contains?
  public var getAttribute: Slot.GetAttribute?
  public var setAttribute: Slot.SetAttribute?
  public var descriptorGet: Slot.DescriptorGet?
  public var descriptorSet: Slot.DescriptorSet?
  /// Calling an instance (`tp_call`, vectorcall form).
  public var vectorCall: Slot.VectorCall?
  /// `tp_new`: `(type, argv, count, kwnames)`; the callable receives the type object.
  public var new: Slot.VectorCall?
  public var initialize: Slot.Initialize?
  /// The head of the list of weak references to this type object (types accept weak
  /// references: `type`'s `weakListOffset` points here). CPython: `tp_weaklist`.
  public var weakList: UnsafeMutableRawPointer? = nil
}

/// Which special methods a type defines in Python code (its own or inherited). Built-in
/// types leave this empty and are served by their ``TypeKind``'s fast paths or their method
/// tables.
public struct DunderSet: OptionSet, Sendable {
  public let rawValue: UInt32
  public init(rawValue: UInt32) { self.rawValue = rawValue }
  public static let getattribute = DunderSet(rawValue: 1 << 0)
  public static let getattr = DunderSet(rawValue: 1 << 1)
  public static let setattr = DunderSet(rawValue: 1 << 2)
  public static let delattr = DunderSet(rawValue: 1 << 3)
  public static let del = DunderSet(rawValue: 1 << 4)
  public static let hash = DunderSet(rawValue: 1 << 5)
  public static let eq = DunderSet(rawValue: 1 << 6)
}

/// The built-in layouts. A class's kind is its nearest built-in base's, so `list` methods
/// work on instances of `class L(list)`.
public enum TypeKind: UInt8, Sendable {
  case object, type, none, notImplemented, ellipsis
  case int, bool, float, complex, str, bytes, bytearray
  case tuple, list, dict, set, frozenset, range, slice
  case function, builtinFunction, methodDescriptor, method, cell, code, module
  case property, classMethod, staticMethod, superObject
  case generator, frame, traceback, exception
  case iterator, weakref, other
}

/// How the collector's inner loops reach a type's references. `.generic` calls the
/// `traverse` slot with a visit proc (two indirect calls per reference); the others are
/// walked inline, in the order their `traverse` slot visits them.
enum TraverseKind: UInt8 {
  case generic
  /// ``InstanceObject``: the values array, slot 0 first.
  case instance
  /// A class whose layout root is `object` (``ClassInstances``): the reference fields the
  /// class adds, and the values of an instance's inline-values dict.
  case classInstance
  /// A ``classInstance`` class that adds no reference fields but `__dict__` and
  /// `__weakref__` (no `__slots__`): only the dict, or its inline values. The common
  /// class, whose instances the collector's young walks meet by the thousand.
  case plainClassInstance
  /// ``ListObject``: the items, last to first.
  case list
  /// ``TupleObject``: the items, last to first.
  case tuple
}

/// A reference to a type object.
public struct PyType: Hashable {
  public let raw: UnsafeMutableRawPointer

  @inlinable @inline(__always)
  public init(_ raw: UnsafeMutableRawPointer) { self.raw = raw }

  public var object: PyRef { PyRef(raw) }

  /// The record after the header. Bound once, when the type is created.
  @inlinable public var record: UnsafeMutablePointer<TypeRecord> {
    @inline(__always) get { (raw + ObjectLayout.headerSize).assumingMemoryBound(to: TypeRecord.self) }
  }

  public var name: String { String(cString: record.pointee.name) }
  @inlinable public var flags: TypeFlags { @inline(__always) get { record.pointee.flags } }
  @inlinable public var isGC: Bool { @inline(__always) get { record.pointee.flags.contains(.haveGC) } }
  public var allowsWeakReferences: Bool { record.pointee.weakListOffset != 0 }
}

/// Whether two slot values are the same function (`@convention(c)` pointers are not
/// `Equatable`). Nil equals nil.
@inlinable
public func sameFunction<F>(_ a: F?, _ b: F?) -> Bool {
  switch (a, b) {
  case (nil, nil): return true
  case (let a?, let b?): return unsafeBitCast(a, to: UnsafeRawPointer.self) == unsafeBitCast(b, to: UnsafeRawPointer.self)
  default: return false
  }
}
