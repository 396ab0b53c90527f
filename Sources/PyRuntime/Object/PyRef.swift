/// A reference to a Python object in the private heap: one raw pointer, no ARC.
///
/// Object layout (64-bit, CPython 3.11):
///
/// ```
///   -16 +------------------+  GCHeader, only for types with `TypeFlags.haveGC`
///       | gcNext           |
///    -8 | gcPrev | flags   |
///     0 +------------------+  ← PyRef.raw
///       | refcount : Int   |  ob_refcnt
///     8 | type     : PyRef |  ob_type
///    16 +------------------+
///       | ob_size (var)    |  variable-size objects only
///       | payload …        |
/// ```
///
/// `PyRef` is trivial: copying it copies a pointer, and the reference count is ours to keep
/// with ``incref()`` and ``Runtime/decref(_:)``.
/// CPython: Include/object.h, `PyObject`, `PyVarObject`.
public struct PyRef: Hashable, CustomStringConvertible {
  public let raw: UnsafeMutableRawPointer

  @inlinable @inline(__always)
  public init(_ raw: UnsafeMutableRawPointer) { self.raw = raw }

  @inlinable @inline(__always)
  public init?(_ raw: UnsafeMutableRawPointer?) {
    guard let raw else { return nil }
    self.raw = raw
  }

  /// `ob_refcnt`.
  @inlinable public var refcount: Int {
    @inline(__always) get { raw.load(as: Int.self) }
    @inline(__always) nonmutating set { raw.storeBytes(of: newValue, as: Int.self) }
  }

  /// `ob_type`.
  @inlinable public var type: PyType {
    @inline(__always) get { PyType(raw.load(fromByteOffset: 8, as: UnsafeMutableRawPointer.self)) }
    @inline(__always) nonmutating set { raw.storeBytes(of: newValue.raw, toByteOffset: 8, as: UnsafeMutableRawPointer.self) }
  }

  /// `ob_size` of a variable-size object.
  @inlinable public var size: Int {
    @inline(__always) get { raw.load(fromByteOffset: 16, as: Int.self) }
    @inline(__always) nonmutating set { raw.storeBytes(of: newValue, toByteOffset: 16, as: Int.self) }
  }

  /// `Py_INCREF`.
  @inlinable @inline(__always)
  public func incref() {
    // Safe: a count cannot reach Int.max; immortal objects start at 2^60.
    raw.storeBytes(of: raw.load(as: Int.self) &+ 1, as: Int.self)
  }

  /// The object's GC header; only for objects whose type has `haveGC`.
  @inlinable @inline(__always)
  var gc: GCHeader { GCHeader(raw - GCHeader.size) }

  /// Reads a field holding an optional object reference.
  @inlinable @inline(__always)
  public func loadRef(at offset: Int) -> PyRef? {
    PyRef(raw.load(fromByteOffset: offset, as: UnsafeMutableRawPointer?.self))
  }

  /// Writes a field holding an optional object reference (no reference counting).
  @inlinable @inline(__always)
  public func storeRef(_ value: PyRef?, at offset: Int) {
    raw.storeBytes(of: value?.raw, toByteOffset: offset, as: UnsafeMutableRawPointer?.self)
  }

  public var description: String { "<\(type.name) object at 0x\(String(UInt(bitPattern: raw), radix: 16))>" }
}

/// Offsets shared by every object.
public enum ObjectLayout {
  /// refcount + type.
  public static let headerSize = 16
  /// refcount + type + ob_size.
  public static let varHeaderSize = 24
  /// The refcount immortal objects start with: never reaches zero (CPython 3.12's PEP 683
  /// idea; 3.11 "static" objects start near 10^9 for the same effect).
  public static let immortalRefcount = 1 << 60
}
