/// `list.sort()`: Tim Peters's stable adaptive merge sort with the "powersort" merge policy
/// of CPython 3.11, so that the comparisons made — and so the result for inconsistent
/// orders (NaNs), and the calls a user's `__lt__` sees — are CPython's.
///
/// The algorithm (Objects/listsort.txt): find natural runs left to right (reversing strictly
/// descending ones), extend short runs to `minrun` with a binary insertion sort, and merge
/// runs as their "power" (depth in a nearly balanced merge tree) dictates, merging from the
/// shorter side through a temporary array and switching to galloping (exponential search)
/// when one run keeps winning.
///
/// While sorting, the list is emptied (its array set aside, `allocated` = -1), so code run by
/// comparisons cannot disturb the items being sorted; a list changed meanwhile raises
/// ValueError "list modified during sort". On an error the items are left in some order,
/// none lost.
/// CPython: Objects/listobject.c, `list_sort_impl()`.
struct ListSorter {
  /// A sort key and the item it came from (the same object without a key function).
  struct Entry {
    var key: UnsafeMutableRawPointer
    var value: UnsafeMutableRawPointer
  }

  /// A pending run: where it starts, how long it is, and its power once known.
  struct Run {
    var start: Int
    var length: Int
    var power: Int
  }

  /// When a run wins this many times in a row, start galloping (`MIN_GALLOP`).
  static let minimumGallop = 7

  let rt: RuntimeRef
  let base: UnsafeMutablePointer<Entry>
  let count: Int
  var minGallop = ListSorter.minimumGallop
  var runs: [Run] = []
  var temp: UnsafeMutablePointer<Entry>?
  var tempCapacity = 0
  let intType: PyType, floatType: PyType, strType: PyType

  init(_ rt: RuntimeRef, _ base: UnsafeMutablePointer<Entry>, count: Int) {
    self.rt = rt
    self.base = base
    self.count = count
    intType = rt.state.pointee.types.int
    floatType = rt.state.pointee.types.float
    strType = rt.state.pointee.types.str
  }

  func release() { temp?.deallocate() }

  /// `a < b`: 1, 0, or -1 with an exception set. Same-typed ints, floats and strs are
  /// compared directly (what CPython's pre-sort check arranges; the answers are the ones
  /// `<` gives).
  @inline(__always)
  func less(_ a: UnsafeMutableRawPointer, _ b: UnsafeMutableRawPointer) -> Int32 {
    let x = PyRef(a), y = PyRef(b)
    let type = x.type
    if type == y.type {
      if type == intType, IntObject.isCompact(x), IntObject.isCompact(y) {
        return IntObject.compactValue(x) < IntObject.compactValue(y) ? 1 : 0
      }
      if type == floatType { return FloatObject.value(x) < FloatObject.value(y) ? 1 : 0 }
      if type == strType { return StrObject.compare(x, y) < 0 ? 1 : 0 }
    }
    return rt.richCompareBool(x, y, .lessThan)
  }

  /// `merge_compute_minrun`: a run length in 32...64 (or `n` itself when smaller) such that
  /// `n / minrun` is a power of two or a little less.
  static func minimumRun(_ n: Int) -> Int {
    var n = n, extra = 0
    while n >= 64 {
      extra |= n & 1
      n >>= 1
    }
    return n + extra
  }

  /// Sorts the whole array. False with an exception set when a comparison failed.
  mutating func sort() -> Bool {
    guard count > 1 else { return true }
    let minRun = ListSorter.minimumRun(count)
    var low = 0, remaining = count
    while remaining > 0 {
      guard let (found, descending) = countRun(low, low + remaining) else { return false }
      var length = found
      if descending { reverse(low, length) }
      if length < minRun {
        let forced = min(remaining, minRun)
        guard binarySort(low, low + forced, start: low + length) else { return false }
        length = forced
      }
      guard foundNewRun(length) else { return false }
      runs.append(Run(start: low, length: length, power: 0))
      low += length
      remaining -= length
    }
    // Merge what is left, the shorter neighbour of the second-last run first.
    while runs.count > 1 {
      var index = runs.count - 2
      if index > 0 && runs[index - 1].length < runs[index + 1].length { index -= 1 }
      guard mergeAt(index) else { return false }
    }
    return true
  }

  func reverse(_ start: Int, _ length: Int) {
    var low = start, high = start + length - 1
    while low < high {
      let entry = base[low]
      base[low] = base[high]
      base[high] = entry
      low += 1
      high -= 1
    }
  }

  /// The run starting at `low` (ending before `high`): non-descending, or strictly
  /// descending (`descending`). Nil on a comparison error.
  func countRun(_ low: Int, _ high: Int) -> (Int, Bool)? {
    if low + 1 == high { return (1, false) }
    let first = less(base[low + 1].key, base[low].key)
    if first < 0 { return nil }
    let descending = first == 1
    var length = 2
    var index = low + 2
    while index < high {
      let order = less(base[index].key, base[index - 1].key)
      if order < 0 { return nil }
      if (order == 1) != descending { break }
      index += 1
      length += 1
    }
    return (length, descending)
  }

  /// Binary insertion sort of `low..<high`, whose prefix `low..<start` is sorted already.
  /// Equal keys go after their equals, which keeps it stable.
  func binarySort(_ low: Int, _ high: Int, start: Int) -> Bool {
    var next = start == low ? start + 1 : start
    while next < high {
      let pivot = base[next]
      var left = low, right = next
      repeat {
        let middle = left + (right - left) >> 1
        let order = less(pivot.key, base[middle].key)
        if order < 0 { return false }
        if order == 1 { right = middle } else { left = middle + 1 }
      } while left < right
      var slot = next
      while slot > left {
        base[slot] = base[slot - 1]
        slot -= 1
      }
      base[left] = pivot
      next += 1
    }
    return true
  }

  /// The power of the boundary between the run starting at `start` (length `first`) and
  /// the next one (length `second`): the first bit where the midpoints of the two runs,
  /// as fractions of the whole array, differ.
  func power(start: Int, first: Int, second: Int) -> Int {
    var a = 2 * start + first          // twice the first midpoint
    var b = a + first + second         // twice the second midpoint
    var result = 0
    while true {
      result += 1
      if a >= count {
        a -= count
        b -= count
      } else if b >= count {
        break
      }
      a <<= 1
      b <<= 1
    }
    return result
  }

  /// Before pushing a run of `length`: computes the power of the run on top of the stack
  /// and merges the runs below it that have a greater power.
  mutating func foundNewRun(_ length: Int) -> Bool {
    guard let top = runs.last else { return true }
    let power = power(start: top.start, first: top.length, second: length)
    while runs.count > 1 && runs[runs.count - 2].power > power {
      guard mergeAt(runs.count - 2) else { return false }
    }
    runs[runs.count - 1].power = power
    return true
  }

  /// Merges runs `index` and `index + 1` into one.
  mutating func mergeAt(_ index: Int) -> Bool {
    var startA = runs[index].start, lengthA = runs[index].length
    let startB = runs[index + 1].start
    var lengthB = runs[index + 1].length
    runs[index].length = lengthA + lengthB
    runs.remove(at: index + 1)
    // Items of A before the first of B are in place already.
    let skip = gallopRight(base[startB].key, base + startA, lengthA, hint: 0)
    if skip < 0 { return false }
    startA += skip
    lengthA -= skip
    if lengthA == 0 { return true }
    // Items of B after the last of A are in place already.
    lengthB = gallopLeft(base[startA + lengthA - 1].key, base + startB, lengthB, hint: lengthB - 1)
    if lengthB <= 0 { return lengthB == 0 }
    if lengthA <= lengthB { return mergeLow(base + startA, lengthA, base + startB, lengthB) }
    return mergeHigh(base + startA, lengthA, base + startB, lengthB)
  }

  /// Where `key` goes in the sorted `a[0..<n]`, left of any equal keys: the `k` with
  /// `a[k-1] < key <= a[k]`. Gallops from `hint`, then binary-searches. -1 on error.
  func gallopLeft(_ key: UnsafeMutableRawPointer, _ a: UnsafeMutablePointer<Entry>, _ n: Int, hint: Int) -> Int {
    var lastOffset = 0, offset = 1
    let first = less(a[hint].key, key)
    if first < 0 { return -1 }
    if first == 1 {
      // a[hint] < key: gallop right until a[hint + lastOffset] < key <= a[hint + offset].
      let maxOffset = n - hint
      while offset < maxOffset {
        let order = less(a[hint + offset].key, key)
        if order < 0 { return -1 }
        if order == 0 { break }
        lastOffset = offset
        offset = (offset << 1) + 1
      }
      offset = min(offset, maxOffset)
      lastOffset += hint
      offset += hint
    } else {
      // key <= a[hint]: gallop left until a[hint - offset] < key <= a[hint - lastOffset].
      let maxOffset = hint + 1
      while offset < maxOffset {
        let order = less(a[hint - offset].key, key)
        if order < 0 { return -1 }
        if order == 1 { break }
        lastOffset = offset
        offset = (offset << 1) + 1
      }
      offset = min(offset, maxOffset)
      (lastOffset, offset) = (hint - offset, hint - lastOffset)
    }
    lastOffset += 1
    while lastOffset < offset {
      let middle = lastOffset + (offset - lastOffset) >> 1
      let order = less(a[middle].key, key)
      if order < 0 { return -1 }
      if order == 1 { lastOffset = middle + 1 } else { offset = middle }
    }
    return offset
  }

  /// Where `key` goes in the sorted `a[0..<n]`, right of any equal keys: the `k` with
  /// `a[k-1] <= key < a[k]`. -1 on error.
  func gallopRight(_ key: UnsafeMutableRawPointer, _ a: UnsafeMutablePointer<Entry>, _ n: Int, hint: Int) -> Int {
    var lastOffset = 0, offset = 1
    let first = less(key, a[hint].key)
    if first < 0 { return -1 }
    if first == 1 {
      // key < a[hint]: gallop left until a[hint - offset] <= key < a[hint - lastOffset].
      let maxOffset = hint + 1
      while offset < maxOffset {
        let order = less(key, a[hint - offset].key)
        if order < 0 { return -1 }
        if order == 0 { break }
        lastOffset = offset
        offset = (offset << 1) + 1
      }
      offset = min(offset, maxOffset)
      (lastOffset, offset) = (hint - offset, hint - lastOffset)
    } else {
      // a[hint] <= key: gallop right until a[hint + lastOffset] <= key < a[hint + offset].
      let maxOffset = n - hint
      while offset < maxOffset {
        let order = less(key, a[hint + offset].key)
        if order < 0 { return -1 }
        if order == 1 { break }
        lastOffset = offset
        offset = (offset << 1) + 1
      }
      offset = min(offset, maxOffset)
      lastOffset += hint
      offset += hint
    }
    lastOffset += 1
    while lastOffset < offset {
      let middle = lastOffset + (offset - lastOffset) >> 1
      let order = less(key, a[middle].key)
      if order < 0 { return -1 }
      if order == 1 { offset = middle } else { lastOffset = middle + 1 }
    }
    return offset
  }

  mutating func ensureTemp(_ n: Int) {
    if n <= tempCapacity { return }
    temp?.deallocate()
    temp = .allocate(capacity: n)
    tempCapacity = n
  }

  @inline(__always)
  static func copy(_ target: UnsafeMutablePointer<Entry>, _ source: UnsafeMutablePointer<Entry>, _ n: Int) {
    guard n > 0 else { return }
    UnsafeMutableRawPointer(target).copyMemory(from: UnsafeRawPointer(source), byteCount: n * MemoryLayout<Entry>.stride)
  }

  /// Merges the adjacent runs `a` (the shorter) and `b` left to right, `a` copied aside.
  mutating func mergeLow(_ a: UnsafeMutablePointer<Entry>, _ lengthA: Int, _ b: UnsafeMutablePointer<Entry>, _ lengthB: Int) -> Bool {
    ensureTemp(lengthA)
    let saved = temp!
    ListSorter.copy(saved, a, lengthA)
    var dest = a, pa = saved, pb = b
    var na = lengthA, nb = lengthB
    var ok = true
    dest.pointee = pb.pointee
    dest += 1; pb += 1; nb -= 1
    merge: do {
      if nb == 0 { break merge }
      if na == 1 {
        ListSorter.copy(dest, pb, nb)
        dest[nb] = pa.pointee
        return true
      }
      var gallop = minGallop
      while true {
        var winsA = 0, winsB = 0
        // One item at a time until a run seems to win consistently.
        while true {
          let order = less(pb.pointee.key, pa.pointee.key)
          if order < 0 { ok = false; break merge }
          if order == 1 {
            dest.pointee = pb.pointee
            dest += 1; pb += 1; nb -= 1
            winsB += 1; winsA = 0
            if nb == 0 { break merge }
            if winsB >= gallop { break }
          } else {
            dest.pointee = pa.pointee
            dest += 1; pa += 1; na -= 1
            winsA += 1; winsB = 0
            if na == 1 {
              ListSorter.copy(dest, pb, nb)
              dest[nb] = pa.pointee
              return true
            }
            if winsA >= gallop { break }
          }
        }
        // Gallop while that pays.
        gallop += 1
        repeat {
          gallop -= gallop > 1 ? 1 : 0
          minGallop = gallop
          var k = gallopRight(pb.pointee.key, pa, na, hint: 0)
          if k < 0 { ok = false; break merge }
          winsA = k
          if k > 0 {
            ListSorter.copy(dest, pa, k)
            dest += k; pa += k; na -= k
            if na == 1 {
              ListSorter.copy(dest, pb, nb)
              dest[nb] = pa.pointee
              return true
            }
            if na == 0 { break merge }
          }
          dest.pointee = pb.pointee
          dest += 1; pb += 1; nb -= 1
          if nb == 0 { break merge }
          k = gallopLeft(pa.pointee.key, pb, nb, hint: 0)
          if k < 0 { ok = false; break merge }
          winsB = k
          if k > 0 {
            ListSorter.copy(dest, pb, k)
            dest += k; pb += k; nb -= k
            if nb == 0 { break merge }
          }
          dest.pointee = pa.pointee
          dest += 1; pa += 1; na -= 1
          if na == 1 {
            ListSorter.copy(dest, pb, nb)
            dest[nb] = pa.pointee
            return true
          }
        } while winsA >= ListSorter.minimumGallop || winsB >= ListSorter.minimumGallop
        gallop += 1
        minGallop = gallop
      }
    }
    // Success or failure: what is left of `a` fills the gap before what is left of `b`.
    if na > 0 { ListSorter.copy(dest, pa, na) }
    return ok
  }

  /// Merges the adjacent runs `a` and `b` (the shorter) right to left, `b` copied aside.
  mutating func mergeHigh(_ a: UnsafeMutablePointer<Entry>, _ lengthA: Int, _ b: UnsafeMutablePointer<Entry>, _ lengthB: Int) -> Bool {
    ensureTemp(lengthB)
    let saved = temp!
    ListSorter.copy(saved, b, lengthB)
    var dest = b + (lengthB - 1)
    var pa = a + (lengthA - 1), pb = saved + (lengthB - 1)
    var na = lengthA, nb = lengthB
    var ok = true
    func copyA(_ dest: UnsafeMutablePointer<Entry>, _ pa: UnsafeMutablePointer<Entry>, _ na: Int, _ pb: UnsafeMutablePointer<Entry>) {
      // The one item left of `b` goes before what is left of `a`.
      ListSorter.copy(dest + 1 - na, pa + 1 - na, na)
      (dest - na).pointee = pb.pointee
    }
    dest.pointee = pa.pointee
    dest -= 1; pa -= 1; na -= 1
    merge: do {
      if na == 0 { break merge }
      if nb == 1 { copyA(dest, pa, na, pb); return true }
      var gallop = minGallop
      while true {
        var winsA = 0, winsB = 0
        while true {
          let order = less(pb.pointee.key, pa.pointee.key)
          if order < 0 { ok = false; break merge }
          if order == 1 {
            dest.pointee = pa.pointee
            dest -= 1; pa -= 1; na -= 1
            winsA += 1; winsB = 0
            if na == 0 { break merge }
            if winsA >= gallop { break }
          } else {
            dest.pointee = pb.pointee
            dest -= 1; pb -= 1; nb -= 1
            winsB += 1; winsA = 0
            if nb == 1 { copyA(dest, pa, na, pb); return true }
            if winsB >= gallop { break }
          }
        }
        gallop += 1
        repeat {
          gallop -= gallop > 1 ? 1 : 0
          minGallop = gallop
          var k = gallopRight(pb.pointee.key, a, na, hint: na - 1)
          if k < 0 { ok = false; break merge }
          k = na - k
          winsA = k
          if k > 0 {
            dest -= k; pa -= k
            ListSorter.copy(dest + 1, pa + 1, k)
            na -= k
            if na == 0 { break merge }
          }
          dest.pointee = pb.pointee
          dest -= 1; pb -= 1; nb -= 1
          if nb == 1 { copyA(dest, pa, na, pb); return true }
          k = gallopLeft(pa.pointee.key, saved, nb, hint: nb - 1)
          if k < 0 { ok = false; break merge }
          k = nb - k
          winsB = k
          if k > 0 {
            dest -= k; pb -= k
            ListSorter.copy(dest + 1, pb + 1, k)
            nb -= k
            if nb == 1 { copyA(dest, pa, na, pb); return true }
            if nb == 0 { break merge }
          }
          dest.pointee = pa.pointee
          dest -= 1; pa -= 1; na -= 1
          if na == 0 { break merge }
        } while winsA >= ListSorter.minimumGallop || winsB >= ListSorter.minimumGallop
        gallop += 1
        minGallop = gallop
      }
    }
    // What is left of `b` fills the gap after what is left of `a`.
    if nb > 0 { ListSorter.copy(dest - (nb - 1), saved, nb) }
    return ok
  }
}

extension RuntimeRef {
  /// `list.sort(key=key, reverse=reverse)`. False with an exception set (the key function
  /// or a comparison raised, or the list was changed during the sort).
  public func listSort(_ list: PyRef, key: PyRef?, reverse: Bool) -> Bool {
    // Set the items aside: the list looks empty while its items are sorted.
    let count = list.size
    let savedItems = ListObject.items(list)
    let savedAllocated = ListObject.allocated(list)
    list.size = 0
    ListObject.setItems(list, nil, allocated: -1)
    defer {
      let finalItems = ListObject.items(list)
      let finalCount = list.size
      list.size = count
      ListObject.setItems(list, savedItems, allocated: savedAllocated)
      if let finalItems {
        ItemArray.releaseBackwards(finalItems, count: finalCount, self)
        freeMemory(UnsafeMutableRawPointer(finalItems))
      }
    }
    guard count > 0, let items = savedItems else { return listUnmodifiedAfterSort(list) }
    let entries = UnsafeMutablePointer<ListSorter.Entry>.allocate(capacity: count)
    defer { entries.deallocate() }
    if let key {
      for index in 0..<count {
        let item = PyRef(items[index].unsafelyUnwrapped)
        guard let computed = callOne(key, item) else {
          for done in (0..<index).reversed() { decref(PyRef(entries[done].key)) }
          return false
        }
        entries[index] = ListSorter.Entry(key: computed.raw, value: item.raw)
      }
    } else {
      for index in 0..<count {
        let item = items[index].unsafelyUnwrapped
        entries[index] = ListSorter.Entry(key: item, value: item)
      }
    }
    var sorter = ListSorter(self, entries, count: count)
    if reverse { sorter.reverse(0, count) }
    var ok = sorter.sort()
    sorter.release()
    if reverse { sorter.reverse(0, count) }
    for index in 0..<count { items[index] = entries[index].value }
    if key != nil {
      for index in 0..<count { decref(PyRef(entries[index].key)) }
    }
    if ok { ok = listUnmodifiedAfterSort(list) }
    return ok
  }

  /// ValueError "list modified during sort" when something put items in the list while
  /// it was set aside.
  private func listUnmodifiedAfterSort(_ list: PyRef) -> Bool {
    guard ListObject.allocated(list) == -1 else {
      raise("ValueError", "list modified during sort")
      return false
    }
    return true
  }
}
