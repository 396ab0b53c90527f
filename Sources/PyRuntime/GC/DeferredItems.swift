/// The items of large lists and tuples that the mark-alive walk has reached but not yet
/// marked: it marks them only when it needs to, as it arrives at objects they refer to.
///
/// Why: a program that builds a list of a million instances allocates them in list order,
/// so the walk meets the list first and the instances after it, in the same order. Marking
/// every item when the walk reaches the list writes a million headers, which have left the
/// cache by the time the walk reads them again. Deferred, item *i* is handed out just as
/// the walk reaches instance *i*: the header is read once and not written at all.
///
/// Why it cannot change the result: the walk may go past an object only if something
/// reachable earlier in the list refers to it (see ``RuntimeRef/markAliveFromRoots(_:)``).
/// A deferred container was reached before the object the walk is at, so any of its items
/// may be marked at any later point, in any order. When the walk meets an unmarked object
/// it hands out deferred items, marking them, until it hands out that object or marks it,
/// or until none is left, and only then stops. Items still deferred when the walk ends
/// need no mark: every tracked object was reached marked or handed out, and marking is all
/// the walk does to them.
///
/// The cursors live in a small buffer the caller owns (stack memory, no allocation); when
/// they are all in use, a large container's items are marked at once, as before.
struct DeferredItems {
  /// The items of one container not marked yet: `next` up to (not including) `end`.
  struct Cursor {
    var next: UnsafeMutablePointer<UnsafeMutableRawPointer?>
    var end: UnsafeMutablePointer<UnsafeMutableRawPointer?>
  }

  /// A container with more items than this is deferred; smaller ones are marked at once
  /// (their items are as likely to be far from them as near, and deferring has a cost).
  static let minimumCount = 256
  /// Cursors in the buffer: deferring a few containers at a time covers the programs that
  /// gain from it (a few big lists of objects).
  static let capacity = 8

  /// A stack: the newest container's items are marked first (the walk meets objects in
  /// allocation order, and a container made later than another usually holds the objects
  /// made after it).
  private let cursors: UnsafeMutablePointer<Cursor>
  private var count = 0
  /// Containers deferred so far (for tests and reports).
  private(set) var deferrals = 0

  /// - Precondition: `buffer` holds at least ``capacity`` cursors, and outlives the walk.
  init(_ buffer: UnsafeMutableBufferPointer<Cursor>) {
    precondition(buffer.count >= DeferredItems.capacity, "DeferredItems needs room for \(DeferredItems.capacity) cursors")
    cursors = buffer.baseAddress.unsafelyUnwrapped
  }

  /// Defers `count` items at `items`; false when every cursor is in use (the caller marks
  /// them now).
  @inline(__always)
  mutating func deferItems(_ items: UnsafeMutablePointer<UnsafeMutableRawPointer?>, count itemCount: Int) -> Bool {
    guard count < DeferredItems.capacity else { return false }
    cursors[count] = Cursor(next: items, end: items + itemCount)
    count &+= 1
    deferrals &+= 1
    return true
  }

  /// Called when the walk reaches `node` unmarked: true if a deferred container holds it.
  /// Items before it in the newest container are marked with `epoch`, newest container
  /// first; false when no deferred item is `node` or marks it (every cursor is then spent).
  /// Each item is handed out at most once per walk, so the whole walk does no more work
  /// than marking every container's items when it is reached.
  ///
  /// The item that *is* `node` is not marked: the walk is at it now, and its mark would
  /// never be read again in this pass. So in a list built in allocation order, the walk
  /// only reads each object's header, and writing nothing back halves the memory traffic
  /// of the pass. Unmarked, the header keeps an older epoch, which must not be the next
  /// pass's, or that pass would take it for its own: such a mark is cleared (once; 0 is
  /// no epoch, and it stays 0 until something marks the object again).
  mutating func reach(_ node: GCHeader, _ epoch: UInt) -> Bool {
    let target = node.object.raw
    while count > 0 {
      let slot = cursors + (count &- 1)
      var next = slot.pointee.next
      let end = slot.pointee.end
      while next != end {
        let item = next.pointee
        next += 1
        guard let item else { continue }
        if item == target {
          if node.aliveMark == MarkAliveState.epoch(after: epoch) { node.aliveMark = 0 }
        } else {
          markAlive(item, epoch)
          guard node.aliveMark == epoch else { continue }
        }
        // A spent cursor leaves at once, so that it never sits under live ones.
        if next == end { count &-= 1 } else { slot.pointee.next = next }
        return true
      }
      count &-= 1
    }
    return false
  }
}
