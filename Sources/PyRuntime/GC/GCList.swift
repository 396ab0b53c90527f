/// Intrusive doubly linked lists of GC headers, each with a sentinel head. The generations,
/// and the collector's working lists, are all of this shape.
/// CPython: Modules/gcmodule.c, `gc_list_init`, `gc_list_append`, `gc_list_remove`,
/// `gc_list_move`, `gc_list_merge`, `gc_list_size`.
struct GCList {
  /// The sentinel header (memory owned by whoever made the list).
  let head: GCHeader

  init(_ head: GCHeader) { self.head = head }

  /// Empties the list: the head links to itself.
  func initialize() {
    head.nextWord = UInt(bitPattern: head.raw)
    head.prevWord = UInt(bitPattern: head.raw)
  }

  var isEmpty: Bool { head.nextWord == UInt(bitPattern: head.raw) }
  var first: GCHeader { head.next }

  /// Links `node` at the end, keeping its flag bits.
  func append(_ node: GCHeader) {
    let last = GCHeader(UnsafeMutableRawPointer(bitPattern: head.prevWord).unsafelyUnwrapped)
    node.prev = last
    last.next = node
    node.next = head
    head.prevWord = UInt(bitPattern: node.raw)
  }

  /// Unlinks `node` (from whatever list holds it) and marks it untracked. Only FINALIZED
  /// survives in the prev word, as in CPython's `_PyObject_GC_UNTRACK`: an object untracked
  /// during a collection (a deallocation run by a finalizer) must not carry COLLECTING into
  /// the generation that tracks it again.
  static func remove(_ node: GCHeader) {
    let prev = node.prev
    let next = node.next
    prev.next = next
    next.prev = prev
    node.nextWord = 0
    node.prevWord &= GCHeader.finalizedMask
  }

  /// Moves `node` from its list to the end of this one.
  func move(_ node: GCHeader) {
    let prev = node.prev
    let next = node.next
    prev.next = next
    next.prev = prev
    append(node)
  }

  /// Moves every node of `other` to the end of this list; `other` ends empty.
  func merge(_ other: GCList) {
    guard !other.isEmpty else { return }
    let tail = GCHeader(UnsafeMutableRawPointer(bitPattern: head.prevWord).unsafelyUnwrapped)
    let first = other.head.next
    let last = GCHeader(UnsafeMutableRawPointer(bitPattern: other.head.prevWord).unsafelyUnwrapped)
    tail.next = first
    first.prev = tail
    last.next = head
    head.prevWord = UInt(bitPattern: last.raw)
    other.initialize()
  }

  /// Calls `body` for each node; `body` must not unlink nodes other than the one given.
  func forEach(_ body: (GCHeader) -> Void) {
    var node = head.next
    while node != head {
      let next = node.next
      body(node)
      node = next
    }
  }

  var count: Int {
    var n = 0
    forEach { _ in n += 1 }
    return n
  }
}
