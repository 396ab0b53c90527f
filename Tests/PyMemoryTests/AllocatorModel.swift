@testable import PyMemory

/// A reference model of the live blocks of a heap: every block's size, domain and fill
/// pattern. Each step allocates, reallocates or frees at random and checks that no block's
/// contents changed behind its back, that blocks never overlap and are 16-byte aligned.
struct AllocatorModel {
  struct Block {
    var address: UnsafeMutableRawPointer
    var size: Int
    var domain: MemoryDomain
    var pattern: UInt8
  }

  var blocks: [Block] = []
  var operations = 0
  var failures: [String] = []

  /// A request size with the weight of a real heap: mostly small, every class reached, a few
  /// large ones and some zero-byte requests.
  static func randomSize(_ rng: inout SeededRandom) -> Int {
    switch rng.next() % 100 {
    case 0: return 0
    case 1...4: return 513 + Int(rng.next() % 4000)
    default: return 1 + Int(rng.next() % 512)
    }
  }

  static func randomDomain(_ rng: inout SeededRandom) -> MemoryDomain {
    switch rng.next() % 10 {
    case 0: .raw
    case 1...3: .mem
    default: .object
    }
  }

  mutating func step(_ heap: borrowing Heap, _ rng: inout SeededRandom, maxLive: Int) {
    operations += 1
    let roll = rng.next() % 100
    if blocks.isEmpty || (roll < 50 && blocks.count < maxLive) {
      allocate(heap, &rng)
    } else if roll < 65 {
      reallocate(heap, &rng)
    } else {
      let index = Int(rng.next() % UInt64(blocks.count))
      free(heap, at: index)
    }
  }

  mutating func allocate(_ heap: borrowing Heap, _ rng: inout SeededRandom) {
    let size = AllocatorModel.randomSize(&rng)
    let domain = AllocatorModel.randomDomain(&rng)
    let zeroed = rng.next() % 8 == 0
    let pointer = zeroed ? heap.allocateZeroed(count: 1, size: size, domain: domain)
                         : heap.allocate(byteCount: size, domain: domain)
    guard let pointer else { failures.append("allocate(\(size), \(domain)) returned nil"); return }
    if zeroed && !(0..<size).allSatisfy({ pointer.load(fromByteOffset: $0, as: UInt8.self) == 0 }) {
      failures.append("allocateZeroed(\(size)) is not zeroed")
    }
    check(newBlock: pointer, size: size)
    let pattern = UInt8(truncatingIfNeeded: rng.next() | 1)
    pointer.initializeMemory(as: UInt8.self, repeating: pattern, count: size)
    blocks.append(Block(address: pointer, size: size, domain: domain, pattern: pattern))
  }

  mutating func reallocate(_ heap: borrowing Heap, _ rng: inout SeededRandom) {
    let index = Int(rng.next() % UInt64(blocks.count))
    var block = blocks[index]
    guard verifyContents(block) else { return }
    let newSize = AllocatorModel.randomSize(&rng)
    guard let moved = heap.reallocate(block.address, byteCount: newSize, domain: block.domain) else {
      failures.append("reallocate to \(newSize) returned nil")
      return
    }
    let kept = min(block.size, newSize)
    if !(0..<kept).allSatisfy({ moved.load(fromByteOffset: $0, as: UInt8.self) == block.pattern }) {
      failures.append("reallocate from \(block.size) to \(newSize) lost the contents")
    }
    blocks.remove(at: index)
    check(newBlock: moved, size: newSize)
    block.address = moved
    block.size = newSize
    moved.initializeMemory(as: UInt8.self, repeating: block.pattern, count: newSize)
    blocks.append(block)
  }

  mutating func free(_ heap: borrowing Heap, at index: Int) {
    let block = blocks.remove(at: index)
    _ = verifyContents(block)
    heap.free(block.address, domain: block.domain)
  }

  mutating func freeAll(_ heap: borrowing Heap) {
    while !blocks.isEmpty { free(heap, at: blocks.count - 1) }
  }

  /// Every live block still holds its pattern, and no two live blocks overlap.
  mutating func verifyAll() {
    for block in blocks { _ = verifyContents(block) }
    let sorted = blocks.sorted { $0.address < $1.address }
    for (a, b) in zip(sorted, sorted.dropFirst()) where a.address + max(a.size, 1) > b.address {
      failures.append("block \(a.address) (\(a.size)) overlaps block \(b.address) (\(b.size))")
    }
  }

  private mutating func verifyContents(_ block: Block) -> Bool {
    for offset in 0..<block.size where block.address.load(fromByteOffset: offset, as: UInt8.self) != block.pattern {
      failures.append("block of \(block.size) bytes (\(block.domain)) corrupted at offset \(offset)")
      return false
    }
    return true
  }

  /// A fresh block is 16-byte aligned. (Overlap shows up as a changed pattern at the next
  /// check, and `verifyAll` also compares neighbours by address.)
  private mutating func check(newBlock pointer: UnsafeMutableRawPointer, size: Int) {
    if UInt(bitPattern: pointer) % 16 != 0 { failures.append("block \(pointer) is not 16-byte aligned") }
  }
}
