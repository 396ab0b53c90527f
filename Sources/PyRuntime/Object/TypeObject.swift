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
}

/// Type flags. CPython: `Py_TPFLAGS_*`.
public struct TypeFlags: OptionSet, Sendable {
  public let rawValue: UInt64
  public init(rawValue: UInt64) { self.rawValue = rawValue }
  /// Instances carry a GC header and can be tracked (`Py_TPFLAGS_HAVE_GC`).
  public static let haveGC = TypeFlags(rawValue: 1 << 14)
  /// Created at run time (a class), as opposed to built in (`Py_TPFLAGS_HEAPTYPE`).
  public static let heapType = TypeFlags(rawValue: 1 << 9)
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
}

/// How the collector's inner loops reach a type's references. `.generic` calls the
/// `traverse` slot with a visit proc (two indirect calls per reference); the others are
/// walked inline, in the order their `traverse` slot visits them.
enum TraverseKind: UInt8 {
  case generic
  /// ``InstanceObject``: the values array, slot 0 first.
  case instance
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
