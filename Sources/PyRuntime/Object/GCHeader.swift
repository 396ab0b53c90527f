/// The 16 bytes in front of every object whose type has `haveGC`: the links of the
/// generation list the object is on, with flag bits packed into their low bits.
///
/// ```
///   -16  gcNext: address of the next GCHeader | bit 0: NEXT_MASK_UNREACHABLE (collection only)
///        0 when the object is not tracked
///    -8  gcPrev: address of the previous GCHeader | bit 0: FINALIZED | bit 1: COLLECTING
///        during a collection the upper bits hold gc_refs (shifted by 2) instead
/// ```
///
/// Headers are 16-byte aligned, so the low bits of a link are free.
/// CPython: Include/internal/pycore_gc.h, `PyGC_Head`, `_PyGC_PREV_MASK_FINALIZED`,
/// `_PyGC_PREV_MASK_COLLECTING`, `NEXT_MASK_UNREACHABLE`.
@usableFromInline
struct GCHeader: Equatable {
  @usableFromInline let raw: UnsafeMutableRawPointer

  @inlinable @inline(__always)
  init(_ raw: UnsafeMutableRawPointer) { self.raw = raw }

  @usableFromInline static let size = 16
  static let finalizedMask: UInt = 1
  static let collectingMask: UInt = 2
  static let flagMask: UInt = 3
  static let refsShift: UInt = 2
  static let unreachableMask: UInt = 1

  /// The object this header sits in front of.
  @inlinable var object: PyRef { PyRef(raw + GCHeader.size) }

  @inlinable var nextWord: UInt {
    @inline(__always) get { raw.load(as: UInt.self) }
    @inline(__always) nonmutating set { raw.storeBytes(of: newValue, as: UInt.self) }
  }
  @inlinable var prevWord: UInt {
    @inline(__always) get { raw.load(fromByteOffset: 8, as: UInt.self) }
    @inline(__always) nonmutating set { raw.storeBytes(of: newValue, toByteOffset: 8, as: UInt.self) }
  }

  /// Tracked by the collector (on some generation list).
  @inlinable var isTracked: Bool { nextWord != 0 }

  /// The next header, ignoring the unreachable bit.
  var next: GCHeader {
    get { GCHeader(UnsafeMutableRawPointer(bitPattern: nextWord & ~GCHeader.unreachableMask).unsafelyUnwrapped) }
    nonmutating set { nextWord = UInt(bitPattern: newValue.raw) }
  }
  /// The previous header, ignoring flag bits.
  var prev: GCHeader {
    get { GCHeader(UnsafeMutableRawPointer(bitPattern: prevWord & ~GCHeader.flagMask).unsafelyUnwrapped) }
    nonmutating set { prevWord = UInt(bitPattern: newValue.raw) | (prevWord & GCHeader.flagMask) }
  }

  /// `gc_refs` during a collection.
  var refs: Int {
    get { Int(bitPattern: prevWord >> GCHeader.refsShift) }
    nonmutating set { prevWord = (prevWord & GCHeader.flagMask) | (UInt(bitPattern: newValue) << GCHeader.refsShift) }
  }

  var isFinalized: Bool {
    get { prevWord & GCHeader.finalizedMask != 0 }
    nonmutating set { prevWord = newValue ? prevWord | GCHeader.finalizedMask : prevWord & ~GCHeader.finalizedMask }
  }
  var isCollecting: Bool {
    get { prevWord & GCHeader.collectingMask != 0 }
    nonmutating set { prevWord = newValue ? prevWord | GCHeader.collectingMask : prevWord & ~GCHeader.collectingMask }
  }
  var isUnreachable: Bool { nextWord & GCHeader.unreachableMask != 0 }

  /// Starts a collection's count for this object: gc_refs = refcount, COLLECTING set,
  /// FINALIZED kept (the prev link is gone until `move_unreachable` restores it).
  @inline(__always)
  func startCounting() {
    let count = object.refcount
    _gcInvariant(count > 0, "a tracked \(object.type.name) has refcount 0")
    prevWord = (UInt(bitPattern: count) << GCHeader.refsShift)
      | (prevWord & GCHeader.finalizedMask) | GCHeader.collectingMask
  }
}
