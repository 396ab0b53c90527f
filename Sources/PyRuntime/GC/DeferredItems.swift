/// The items of large lists and tuples that the mark-alive walk has reached but not yet
/// marked: it marks them only when it needs to, as it arrives at objects they refer to.
///
/// Why: a program that builds a list of a million instances allocates them in list order,
/// so the walk meets the list first and the instances after it, in the same order. Marking
/// every item when the walk reaches the list writes a million headers, which have left the
/// cache by the time the walk reads them again. Deferred, item *i* is marked just before
/// the walk reads instance *i*: one touch of each header instead of two.
///
/// Why it cannot change the result: the walk may go past an object only if something
/// reachable earlier in the list refers to it (see ``RuntimeRef/markAliveFromRoots(_:)``).
/// A deferred container was reached before the object the walk is at, so any of its items
/// may be marked at any later point, in any order. When the walk meets an unmarked object
/// it marks deferred items until that object is marked, or until none is left, and only
/// then stops. Items still deferred when the walk ends need no mark: every tracked object
/// was reached marked, and marking is all the walk does to them.
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

  /// Marks deferred items with `epoch`, newest container first, until `node` carries it.
  /// Returns false when no deferred item marked it (every cursor is then spent). Each item
  /// is marked at most once per walk, so the whole walk does no more marking than marking
  /// every container's items when it is reached.
  mutating func markUntil(_ node: GCHeader, _ epoch: UInt) -> Bool {
    while count > 0 {
      let slot = cursors + (count &- 1)
      var next = slot.pointee.next
      let end = slot.pointee.end
      while next != end {
        let item = next.pointee
        next += 1
        if let item {
          markAlive(item, epoch)
          if node.aliveMark == epoch {
            // A spent cursor leaves at once, so that it never sits under live ones.
            if next == end { count &-= 1 } else { slot.pointee.next = next }
            return true
          }
        }
      }
      count &-= 1
    }
    return false
  }
}
