/// A growable stack of object pointers that the collector owns for one collection: the
/// survivors' dicts that `untrack_dicts` looks at. Raw memory, not a Swift `Array`, so that
/// pushing from ``RuntimeRef/moveUnreachable(_:into:_:)`` makes no runtime call (no
/// uniqueness check, no retain); only the rare growth, out of line, allocates.
/// The owner calls ``release()`` once, when the collection is done.
struct GCObjectStack {
  private(set) var base: UnsafeMutablePointer<UnsafeMutableRawPointer>?
  private(set) var count = 0
  private var capacity = 0

  @inline(__always)
  mutating func push(_ object: PyRef) {
    if _slowPath(count == capacity) { grow() }
    base.unsafelyUnwrapped[count] = object.raw
    count &+= 1
  }

  /// The object at `index` (`index < count`).
  @inline(__always)
  subscript(index: Int) -> PyRef {
    precondition(index >= 0 && index < count, "GCObjectStack: index \(index) out of 0..<\(count)")
    return PyRef(base.unsafelyUnwrapped[index])
  }

  @inline(never)
  private mutating func grow() {
    let newCapacity = Swift.max(64, capacity * 2)
    let newBase = UnsafeMutablePointer<UnsafeMutableRawPointer>.allocate(capacity: newCapacity)
    if let base {
      newBase.moveInitialize(from: base, count: count)
      base.deallocate()
    }
    base = newBase
    capacity = newCapacity
  }

  /// Empties the stack and keeps its memory.
  mutating func removeAll() { count = 0 }

  /// Frees the memory; the stack is empty afterwards.
  mutating func release() {
    base?.deallocate()
    base = nil
    count = 0
    capacity = 0
  }
}
