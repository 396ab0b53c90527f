/// `collections.deque`: a double-ended queue kept in a doubly linked list of fixed-size
/// blocks, so appends and pops at either end never move the other items and never
/// reallocate a big array.
///
/// ```
///   -16 GC header | 0 refcount | 8 type | 16 ob_size (items) | 24 leftblock | 32 rightblock
///   | 40 leftindex | 48 rightindex | 56 state | 64 maxlen (-1: unbounded)
///   | 72 numfreeblocks | 80 freeblocks[16] | 208 weakreflist
/// ```
/// A block is `leftlink | data[64] | rightlink` (528 bytes, from the mem domain). The items
/// run from `leftblock.data[leftindex]` to `rightblock.data[rightindex]`; an empty deque
/// has one block with `leftindex = 32`, `rightindex = 31`, so the first append at either
/// end starts near the middle. Up to 16 emptied blocks stay on the deque's own free list,
/// so a queue that grows and shrinks at its ends does not call the allocator.
///
/// `state` counts mutations that move items; iterators, `count`, `index`, `remove` and
/// `in` compare it before and after calling Python code and raise "deque mutated during
/// iteration" when it changed. `sys.getsizeof(deque())` is 760, as in CPython.
/// CPython: Modules/_collectionsmodule.c.
enum DequeObject {
  static let blockLength = 64
  /// Where an empty deque's cursors sit: `leftindex = center + 1`, `rightindex = center`.
  static let center = (blockLength - 1) / 2
  static let maxFreeBlocks = 16
  static let blockByteCount = (blockLength + 2) * 8

  static let leftBlockOffset = 24
  static let rightBlockOffset = 32
  static let leftIndexOffset = 40
  static let rightIndexOffset = 48
  static let stateOffset = 56
  static let maxLengthOffset = 64
  static let freeCountOffset = 72
  static let freeBlocksOffset = 80
  static let weakListOffset = 208
  static let basicSize = 216
}

/// One block: `base[0]` is the left link, `base[1...64]` the items, `base[65]` the right
/// link.
struct DequeBlock: Equatable {
  let base: UnsafeMutablePointer<UnsafeMutableRawPointer?>

  init(_ base: UnsafeMutablePointer<UnsafeMutableRawPointer?>) { self.base = base }
  init(raw: UnsafeMutableRawPointer) { base = raw.assumingMemoryBound(to: UnsafeMutableRawPointer?.self) }

  var raw: UnsafeMutableRawPointer { UnsafeMutableRawPointer(base) }

  /// The item slots.
  @inline(__always) var data: UnsafeMutablePointer<UnsafeMutableRawPointer?> { base + 1 }

  var leftLink: DequeBlock? {
    @inline(__always) get { base[0].map(DequeBlock.init(raw:)) }
    @inline(__always) nonmutating set { base[0] = newValue?.raw }
  }

  var rightLink: DequeBlock? {
    @inline(__always) get { base[DequeObject.blockLength + 1].map(DequeBlock.init(raw:)) }
    @inline(__always) nonmutating set { base[DequeObject.blockLength + 1] = newValue?.raw }
  }
}

/// A deque object's fields.
struct Deque {
  let object: PyRef

  init(_ object: PyRef) { self.object = object }

  var count: Int {
    @inline(__always) get { object.size }
    @inline(__always) nonmutating set { object.size = newValue }
  }

  var leftBlock: DequeBlock {
    @inline(__always) get { DequeBlock(raw: object.raw.load(fromByteOffset: DequeObject.leftBlockOffset, as: UnsafeMutableRawPointer.self)) }
    @inline(__always) nonmutating set { object.raw.storeBytes(of: newValue.raw, toByteOffset: DequeObject.leftBlockOffset, as: UnsafeMutableRawPointer.self) }
  }

  var rightBlock: DequeBlock {
    @inline(__always) get { DequeBlock(raw: object.raw.load(fromByteOffset: DequeObject.rightBlockOffset, as: UnsafeMutableRawPointer.self)) }
    @inline(__always) nonmutating set { object.raw.storeBytes(of: newValue.raw, toByteOffset: DequeObject.rightBlockOffset, as: UnsafeMutableRawPointer.self) }
  }

  var leftIndex: Int {
    @inline(__always) get { object.raw.load(fromByteOffset: DequeObject.leftIndexOffset, as: Int.self) }
    @inline(__always) nonmutating set { object.raw.storeBytes(of: newValue, toByteOffset: DequeObject.leftIndexOffset, as: Int.self) }
  }

  var rightIndex: Int {
    @inline(__always) get { object.raw.load(fromByteOffset: DequeObject.rightIndexOffset, as: Int.self) }
    @inline(__always) nonmutating set { object.raw.storeBytes(of: newValue, toByteOffset: DequeObject.rightIndexOffset, as: Int.self) }
  }

  /// The mutation counter iterators compare.
  var state: Int {
    @inline(__always) get { object.raw.load(fromByteOffset: DequeObject.stateOffset, as: Int.self) }
    @inline(__always) nonmutating set { object.raw.storeBytes(of: newValue, toByteOffset: DequeObject.stateOffset, as: Int.self) }
  }

  /// -1 when unbounded.
  var maxLength: Int {
    @inline(__always) get { object.raw.load(fromByteOffset: DequeObject.maxLengthOffset, as: Int.self) }
    @inline(__always) nonmutating set { object.raw.storeBytes(of: newValue, toByteOffset: DequeObject.maxLengthOffset, as: Int.self) }
  }

  var freeCount: Int {
    @inline(__always) get { object.raw.load(fromByteOffset: DequeObject.freeCountOffset, as: Int.self) }
    @inline(__always) nonmutating set { object.raw.storeBytes(of: newValue, toByteOffset: DequeObject.freeCountOffset, as: Int.self) }
  }

  var freeBlocks: UnsafeMutablePointer<UnsafeMutableRawPointer?> {
    (object.raw + DequeObject.freeBlocksOffset).assumingMemoryBound(to: UnsafeMutableRawPointer?.self)
  }

  /// Whether `count` items exceed the bound (`NEEDS_TRIM`): -1 compares as unbounded.
  @inline(__always)
  func exceedsBound(_ count: Int) -> Bool { UInt(bitPattern: maxLength) < UInt(count) }

  /// Sets every field of a freshly allocated deque: empty, on one new block.
  func initializeEmpty(maxLength: Int, _ rt: RuntimeRef) -> Bool {
    count = 0
    freeCount = 0
    state = 0
    self.maxLength = maxLength
    object.storeRef(nil, at: DequeObject.weakListOffset)
    guard let block = rt.allocateMemory(DequeObject.blockByteCount) else { return false }
    let first = DequeBlock(raw: block)
    first.leftLink = nil
    first.rightLink = nil
    leftBlock = first
    rightBlock = first
    leftIndex = DequeObject.center + 1
    rightIndex = DequeObject.center
    return true
  }

  // MARK: - Blocks

  /// A block from the free list, or a new one (`newblock`). Nil with `MemoryError`.
  func newBlock(_ rt: RuntimeRef) -> DequeBlock? {
    if freeCount > 0 {
      freeCount -= 1
      return DequeBlock(raw: freeBlocks[freeCount].unsafelyUnwrapped)
    }
    return rt.allocateMemory(DequeObject.blockByteCount).map(DequeBlock.init(raw:))
  }

  /// Keeps an emptied block for reuse, or frees it when the free list is full (`freeblock`).
  func freeBlock(_ block: DequeBlock, _ rt: RuntimeRef) {
    if freeCount < DequeObject.maxFreeBlocks {
      freeBlocks[freeCount] = block.raw
      freeCount += 1
    } else {
      rt.freeMemory(block.raw)
    }
  }

  /// Puts the cursors of an empty deque back in the middle of its block.
  @inline(__always)
  func recenter() {
    leftIndex = DequeObject.center + 1
    rightIndex = DequeObject.center
  }

  // MARK: - The four ends, without reference counting or `state`

  /// Stores `item` (a reference the deque takes over) after the last item. False with
  /// `MemoryError` when a new block was needed and none could be had; the item is then
  /// not stored.
  @inline(__always)
  func pushRight(_ item: UnsafeMutableRawPointer, _ rt: RuntimeRef) -> Bool {
    if rightIndex == DequeObject.blockLength - 1 {
      guard let block = newBlock(rt) else { return false }
      block.leftLink = rightBlock
      block.rightLink = nil
      rightBlock.rightLink = block
      rightBlock = block
      rightIndex = -1
    }
    count += 1
    rightIndex += 1
    rightBlock.data[rightIndex] = item
    return true
  }

  /// Stores `item` before the first item; as ``pushRight(_:_:)``.
  @inline(__always)
  func pushLeft(_ item: UnsafeMutableRawPointer, _ rt: RuntimeRef) -> Bool {
    if leftIndex == 0 {
      guard let block = newBlock(rt) else { return false }
      block.rightLink = leftBlock
      block.leftLink = nil
      leftBlock.leftLink = block
      leftBlock = block
      leftIndex = DequeObject.blockLength
    }
    count += 1
    leftIndex -= 1
    leftBlock.data[leftIndex] = item
    return true
  }

  /// Takes the last item out (the caller owns the reference). The deque must not be empty.
  @inline(__always)
  func takeRight(_ rt: RuntimeRef) -> UnsafeMutableRawPointer {
    let item = rightBlock.data[rightIndex].unsafelyUnwrapped
    rightIndex -= 1
    count -= 1
    if rightIndex < 0 {
      if count > 0 {
        let previous = rightBlock.leftLink.unsafelyUnwrapped
        freeBlock(rightBlock, rt)
        previous.rightLink = nil
        rightBlock = previous
        rightIndex = DequeObject.blockLength - 1
      } else {
        recenter()
      }
    }
    return item
  }

  /// Takes the first item out; as ``takeRight(_:)``.
  @inline(__always)
  func takeLeft(_ rt: RuntimeRef) -> UnsafeMutableRawPointer {
    let item = leftBlock.data[leftIndex].unsafelyUnwrapped
    leftIndex += 1
    count -= 1
    if leftIndex == DequeObject.blockLength {
      if count > 0 {
        let next = leftBlock.rightLink.unsafelyUnwrapped
        freeBlock(leftBlock, rt)
        next.leftLink = nil
        leftBlock = next
        leftIndex = 0
      } else {
        recenter()
      }
    }
    return item
  }

  /// The slot of item `index` (0 ≤ index < count), walking from the nearer end
  /// (`deque_item`).
  func slot(_ index: Int) -> UnsafeMutablePointer<UnsafeMutableRawPointer?> {
    if index == 0 { return leftBlock.data + leftIndex }
    if index == count - 1 { return rightBlock.data + rightIndex }
    let position = index + leftIndex
    var blocks = position / DequeObject.blockLength
    let offset = position % DequeObject.blockLength
    var block: DequeBlock
    if index < count >> 1 {
      block = leftBlock
      while blocks > 0 { block = block.rightLink.unsafelyUnwrapped; blocks -= 1 }
    } else {
      blocks = (leftIndex + count - 1) / DequeObject.blockLength - blocks
      block = rightBlock
      while blocks > 0 { block = block.leftLink.unsafelyUnwrapped; blocks -= 1 }
    }
    return block.data + offset
  }

  /// Calls `body` with each item slot from left to right, while it returns true.
  @inline(__always)
  func forEachSlot(_ body: (UnsafeMutablePointer<UnsafeMutableRawPointer?>) -> Bool) {
    var block = leftBlock, index = leftIndex, remaining = count
    while remaining > 0 {
      if !body(block.data + index) { return }
      remaining -= 1
      index += 1
      if index == DequeObject.blockLength && remaining > 0 {
        block = block.rightLink.unsafelyUnwrapped
        index = 0
      }
    }
  }
}

// MARK: - Mutations with CPython's reference counting and `state`

extension Deque {
  /// `append(item)` (takes a new reference): trims from the left past `maxlen`.
  func append(_ item: PyRef, _ rt: RuntimeRef) -> Bool {
    item.incref()
    guard pushRight(item.raw, rt) else {
      rt.decref(item)
      return false
    }
    if exceedsBound(count) {
      rt.decref(PyRef(takeLeft(rt)))
    }
    state &+= 1
    return true
  }

  /// `appendleft(item)`: trims from the right past `maxlen`.
  func appendLeft(_ item: PyRef, _ rt: RuntimeRef) -> Bool {
    item.incref()
    guard pushLeft(item.raw, rt) else {
      rt.decref(item)
      return false
    }
    if exceedsBound(count) {
      rt.decref(PyRef(takeRight(rt)))
    }
    state &+= 1
    return true
  }

  /// `pop()`: the last item (owned), or nil when empty (no exception set).
  func pop(_ rt: RuntimeRef) -> PyRef? {
    guard count > 0 else { return nil }
    state &+= 1
    return PyRef(takeRight(rt))
  }

  /// `popleft()`.
  func popLeft(_ rt: RuntimeRef) -> PyRef? {
    guard count > 0 else { return nil }
    state &+= 1
    return PyRef(takeLeft(rt))
  }

  /// `rotate(n)`: moves `n` items from the right end to the left (left to right when
  /// negative), one pointer at a time. Any rotation of two or more items counts as a
  /// mutation, even by 0, as in CPython.
  func rotate(_ steps: Int, _ rt: RuntimeRef) -> Bool {
    let length = count
    guard length > 1 else { return true }
    var n = steps
    let half = length >> 1
    if n > half || n < -half {
      n %= length
      if n > half { n -= length } else if n < -half { n += length }
    }
    state &+= 1
    while n > 0 {
      // Make room on the left before taking from the right, so nothing is ever dropped.
      if leftIndex == 0 {
        guard let block = newBlock(rt) else { return false }
        freeBlock(block, rt)
      }
      _ = pushLeft(takeRight(rt), rt)
      n -= 1
    }
    while n < 0 {
      if rightIndex == DequeObject.blockLength - 1 {
        guard let block = newBlock(rt) else { return false }
        freeBlock(block, rt)
      }
      _ = pushRight(takeLeft(rt), rt)
      n += 1
    }
    return true
  }

  /// `del deque[index]`: rotates the item to the left end, pops it, rotates back.
  func deleteItem(at index: Int, _ rt: RuntimeRef) -> Bool {
    guard rotate(-index, rt) else { return false }
    let item = popLeft(rt)
    let ok = rotate(index, rt)
    rt.decref(item)
    return ok
  }

  /// `clear()`: detaches the items first (the deque is empty and consistent when their
  /// finalizers run), then releases them left to right and frees their blocks.
  func clear(_ rt: RuntimeRef) {
    guard count > 0 else { return }
    // The allocation may fail under the heap limit; the exception pending before (clear
    // also runs from the collector and from deallocation) must survive it.
    let pending = rt.fetchException()
    let fresh = newBlock(rt)
    rt.restoreException(pending)
    guard let fresh else {
      // No block for the empty deque: pop one item at a time instead.
      while let item = pop(rt) { rt.decref(item) }
      return
    }
    let block = leftBlock, index = leftIndex, remaining = count
    fresh.leftLink = nil
    fresh.rightLink = nil
    count = 0
    leftBlock = fresh
    rightBlock = fresh
    recenter()
    state &+= 1
    releaseDetached(block, index, remaining, rt)
  }

  /// Releases `remaining` items starting at `block.data[index]`, left to right, freeing
  /// their blocks (the last one too).
  private func releaseDetached(_ first: DequeBlock, _ start: Int, _ total: Int, _ rt: RuntimeRef) {
    var block = first, index = start, remaining = total
    while remaining > 0 {
      let item = block.data[index].unsafelyUnwrapped
      remaining -= 1
      index += 1
      if index == DequeObject.blockLength && remaining > 0 {
        let next = block.rightLink.unsafelyUnwrapped
        freeBlock(block, rt)
        block = next
        index = 0
      }
      rt.decref(PyRef(item))
    }
    freeBlock(block, rt)
  }

  /// Reverses the items in place (`deque_reverse`); not counted as a mutation.
  func reverse() {
    var leftB = leftBlock, rightB = rightBlock
    var left = leftIndex, right = rightIndex
    var n = count >> 1
    while n > 0 {
      let swap = leftB.data[left]
      leftB.data[left] = rightB.data[right]
      rightB.data[right] = swap
      left += 1
      if left == DequeObject.blockLength {
        leftB = leftB.rightLink.unsafelyUnwrapped
        left = 0
      }
      right -= 1
      if right < 0 {
        rightB = rightB.leftLink.unsafelyUnwrapped
        right = DequeObject.blockLength - 1
      }
      n -= 1
    }
  }

  /// Releases everything: the items and their blocks, then the free list. Only for
  /// deallocation: the deque is left without a block.
  func releaseAll(_ rt: RuntimeRef) {
    let block = leftBlock, index = leftIndex, remaining = count
    count = 0
    releaseDetached(block, index, remaining, rt)
    while freeCount > 0 {
      freeCount -= 1
      rt.freeMemory(freeBlocks[freeCount])
    }
  }
}

extension DequeObject {
  static let dealloc: Slot.Dealloc = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let object = PyRef(raw)
    rt.untrack(object)
    if object.loadRef(at: weakListOffset) != nil { rt.clearWeakReferences(object) }
    Deque(object).releaseAll(rt)
    rt.freeObject(object)
  }

  /// Visits the items left to right (`deque_traverse`).
  static let traverse: Slot.Traverse = { raw, visit, arg in
    var result: Int32 = 0
    Deque(PyRef(raw)).forEachSlot { slot in
      result = visit(slot.pointee.unsafelyUnwrapped, arg)
      return result == 0
    }
    return result
  }

  static let clear: Slot.Clear = { raw, runtime in
    Deque(PyRef(raw)).clear(RuntimeRef(raw: runtime))
  }
}
