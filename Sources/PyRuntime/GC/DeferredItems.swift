import CPrefetch

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
/// The items also tell the walk where to go: while the newest container's next item is
/// the object linked after the walk's node, ``follow(_:_:)`` hands it out as the next node,
/// so the walk reads addresses from an array instead of waiting on a chain of links.
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
  /// How many items ahead ``follow(_:_:)`` asks the processor for an object's header.
  /// The walk spends about 10 ns an object, and a miss costs about 100 ns: 8 items ahead
  /// was too close, 16 and 32 gained about the same (a million instances, full collections
  /// from 10 to 8 ms), 64 gained less.
  static let prefetchDistance = 32

  /// A stack: the newest container's items are marked first (the walk meets objects in
  /// allocation order, and a container made later than another usually holds the objects
  /// made after it).
  private let cursors: UnsafeMutablePointer<Cursor>
  private var count = 0
  /// Containers deferred so far, and items ``follow(_:_:)`` went to (for tests and reports).
  private(set) var deferrals = 0
  private(set) var followed = 0

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

  /// The node after `node` in the walk's list, taken from the newest container's items
  /// instead of from `node`'s next link, when the two agree; nil when they do not.
  ///
  /// Why: the walk's chain of next links is a chain of dependent loads, each a miss in a
  /// heap of a million objects, so the walk goes at the speed of one memory round trip per
  /// object. Read from the items, the next address does not wait for the last load: the
  /// processor can run several objects ahead (measured in C on this machine: 6 ns an
  /// object read by index, 15 ns chased through links). The check does not wait for the
  /// chain either: the item's prev link must be `node` (headers form a doubly linked list,
  /// so then `node`'s next is the item), and `node` is already known.
  ///
  /// The item is handed out as ``reach(_:_:)`` hands out the object it is looking for: not
  /// marked, its stale mark cleared. Items that are not tracked GC objects are passed over
  /// (marking them would do nothing). A spent cursor leaves at once.
  @inline(__always)
  mutating func follow(_ node: GCHeader, _ epoch: UInt) -> GCHeader? {
    guard count > 0 else { return nil }
    let slot = cursors + (count &- 1)
    var next = slot.pointee.next
    let end = slot.pointee.end
    while next != end {
      guard let item = next.pointee else {
        next += 1
        continue
      }
      let object = PyRef(item)
      guard object.type.isGC else {
        next += 1
        continue
      }
      let header = object.gc
      let prevWord = header.prevWord
      let prev = prevWord & ~GCHeader.flagMask
      guard prev != 0 else {
        // Untracked (a tracked header always has a prev link).
        next += 1
        continue
      }
      guard prev == UInt(bitPattern: node.raw) else {
        slot.pointee.next = next
        return nil
      }
      if prevWord & GCHeader.aliveMask == MarkAliveState.epoch(after: epoch) { header.aliveMark = 0 }
      next += 1
      followed &+= 1
      // The header the walk will want `prefetchDistance` items from now (with the
      // object's first fields, when they start a new cache line).
      if end - next > DeferredItems.prefetchDistance, let ahead = next[DeferredItems.prefetchDistance] {
        pyheap_prefetch(ahead - GCHeader.size)
        pyheap_prefetch(ahead + 32)
      }
      if next == end { count &-= 1 } else { slot.pointee.next = next }
      return header
    }
    count &-= 1
    return nil
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
