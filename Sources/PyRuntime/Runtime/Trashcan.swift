/// Deallocation without native recursion.
///
/// Freeing an object releases what it holds, which may free more objects, and so on: a
/// million-deep chain would recurse a million times. Every deallocation goes through
/// ``RuntimeRef/deallocate(_:)``, which keeps a depth count; past ``depthLimit`` the dying
/// object is parked on ``pending`` (untracked, count zero) instead of freed, and the
/// outermost deallocation drains the list in a loop. So the native stack never holds more
/// than `depthLimit` nested deallocations, for every type.
///
/// Within the limit, deallocation is immediate and nested exactly as in CPython, so the
/// order in which `__del__` and weak-reference callbacks run matches CPython's for any
/// structure less than 50 deep.
/// CPython: Include/cpython/object.h, `Py_TRASHCAN_BEGIN` / `_PyTrash_thread_destroy_chain()`,
/// which protects only some container types (a deep `enumerate` chain still crashes it).
struct Trashcan {
  /// CPython's `_PyTrash_UNWIND_LEVEL`.
  static let depthLimit = 50
  var depth = 0
  var pending: UnsafeMutablePointer<UnsafeMutableRawPointer>
  var pendingCount = 0
  var pendingCapacity = 0

  init() {
    pending = .allocate(capacity: 0)
  }

  mutating func push(_ object: UnsafeMutableRawPointer) {
    if pendingCount == pendingCapacity {
      let capacity = max(64, pendingCapacity * 2)
      let grown = UnsafeMutablePointer<UnsafeMutableRawPointer>.allocate(capacity: capacity)
      grown.moveInitialize(from: pending, count: pendingCount)
      pending.deallocate()
      pending = grown
      pendingCapacity = capacity
    }
    (pending + pendingCount).initialize(to: object)
    pendingCount += 1
  }

  mutating func pop() -> UnsafeMutableRawPointer? {
    guard pendingCount > 0 else { return nil }
    pendingCount -= 1
    return (pending + pendingCount).move()
  }

  func release() { pending.deallocate() }
}
