/// Splitting, joining and stripping.
/// CPython: Objects/stringlib/split.h (`split_whitespace`, `split`, `rsplit_whitespace`,
/// `rsplit`), Objects/stringlib/join.h, Objects/unicodeobject.c `do_strip`, `do_argstrip`.
extension RuntimeRef {
  /// `s.split(sep, maxsplit)` as a new list. `sep` nil (or None) splits on runs of
  /// whitespace and drops empty pieces; a negative `maxsplit` means no limit. ValueError for
  /// an empty separator, TypeError for a separator that is not a str.
  public func strSplit(_ str: PyRef, _ separator: PyRef? = nil, maxSplit: Int = -1) -> PyRef? {
    split(str, separator, maxSplit: maxSplit, reverse: false)
  }

  /// `s.rsplit(sep, maxsplit)`: as split, but the splits are made from the right.
  public func strRSplit(_ str: PyRef, _ separator: PyRef? = nil, maxSplit: Int = -1) -> PyRef? {
    split(str, separator, maxSplit: maxSplit, reverse: true)
  }

  /// `sep.join(items)`. TypeError naming the first item that is not a str; a single str
  /// item is returned itself.
  public func strJoin(_ separator: PyRef, _ items: [PyRef]) -> PyRef? {
    if items.isEmpty { return emptyString() }
    var total = 0
    // The empty separator's bound (0x7F) is the narrowest class, so it never widens the result.
    var maxChar = StrObject.maxCharBound(separator)
    let separatorCount = StrObject.length(separator)
    for (index, item) in items.enumerated() {
      guard isStr(item) else {
        raise("TypeError", "sequence item \(index): expected str instance, \(item.type.name) found")
        return nil
      }
      var overflow = false
      (total, overflow) = total.addingReportingOverflow(StrObject.length(item))
      if !overflow && index > 0 { (total, overflow) = total.addingReportingOverflow(separatorCount) }
      guard !overflow else {
        raise("OverflowError", "join() result is too long for a Python string")
        return nil
      }
      if StrObject.length(item) > 0 { maxChar = max(maxChar, StrObject.maxCharBound(item)) }
    }
    if items.count == 1 { return strExact(items[0]) }
    if total == 0 { return emptyString() }
    guard let result = StrObject.allocate(self, length: total, maxChar: maxChar) else { return nil }
    var target = 0
    for (index, item) in items.enumerated() {
      if index > 0 {
        StrObject.copy(separator, from: 0, to: result, at: target, count: separatorCount)
        target += separatorCount
      }
      StrObject.copy(item, from: 0, to: result, at: target, count: StrObject.length(item))
      target += StrObject.length(item)
    }
    return result
  }

  /// `s.strip(chars)`: `chars` nil (or None) strips whitespace. `s` itself when nothing is
  /// stripped.
  public func strStrip(_ str: PyRef, _ characters: PyRef? = nil) -> PyRef? {
    strip(str, characters, left: true, right: true, method: "strip")
  }

  /// `s.lstrip(chars)`.
  public func strLStrip(_ str: PyRef, _ characters: PyRef? = nil) -> PyRef? {
    strip(str, characters, left: true, right: false, method: "lstrip")
  }

  /// `s.rstrip(chars)`.
  public func strRStrip(_ str: PyRef, _ characters: PyRef? = nil) -> PyRef? {
    strip(str, characters, left: false, right: true, method: "rstrip")
  }

  // MARK: - Helpers

  private func strip(_ str: PyRef, _ characters: PyRef?, left: Bool, right: Bool, method: String) -> PyRef? {
    let characters = characters == state.pointee.none ? nil : characters
    if let characters, !isStr(characters) {
      raise("TypeError", "\(method) arg must be None or str")
      return nil
    }
    let view = StrObject.view(str)
    let set = characters.map(StrObject.view)
    func stripped(_ value: UInt32) -> Bool {
      guard let set else { return TextUnicode.isSpace(value) }
      for index in 0..<set.count where set[index] == value { return true }
      return false
    }
    var start = 0, end = view.count
    if left { while start < end && stripped(view[start]) { start += 1 } }
    if right { while end > start && stripped(view[end - 1]) { end -= 1 } }
    return StrObject.substring(self, str, start, end)
  }

  private func split(_ str: PyRef, _ separator: PyRef?, maxSplit: Int, reverse: Bool) -> PyRef? {
    let separator = separator == state.pointee.none ? nil : separator
    if let separator {
      guard isStr(separator) else {
        raise("TypeError", "must be str or None, not \(separator.type.name)")
        return nil
      }
      guard StrObject.length(separator) > 0 else {
        raise("ValueError", "empty separator")
        return nil
      }
    }
    guard let list = newList() else { return nil }
    let limit = maxSplit < 0 ? Int.max : maxSplit
    let view = StrObject.view(str)
    func append(_ start: Int, _ end: Int) -> Bool {
      guard let piece = StrObject.substring(self, str, start, end) else { return false }
      defer { decref(piece) }
      return listAppend(list, piece)
    }
    let complete = if let separator {
      StrObject.splitOnSeparator(view, StrObject.view(separator), limit: limit, reverse: reverse, append)
    } else {
      StrObject.splitOnWhitespace(view, limit: limit, reverse: reverse, append)
    }
    guard complete else {
      decref(list)
      return nil
    }
    if reverse { StrObject.reverseListItems(list) }
    return list
  }
}

extension StrObject {
  /// Reverses a list's items in place, for rsplit's pieces found right to left.
  static func reverseListItems(_ list: PyRef) {
    guard let storage = ListObject.items(list) else { return }
    var low = 0, high = list.size - 1
    while low < high {
      let item = storage[low]
      storage[low] = storage[high]
      storage[high] = item
      low += 1
      high -= 1
    }
  }

  /// Passes the pieces between occurrences of `separator` to `append`, at most `limit`
  /// splits, in the order found (right to left when `reverse`). False as soon as `append`
  /// fails.
  static func splitOnSeparator(_ view: StrView, _ separator: StrView, limit: Int, reverse: Bool,
                               _ append: (Int, Int) -> Bool) -> Bool {
    var splits = 0
    if reverse {
      var end = view.count
      while splits < limit {
        let found = StrSearch.findLast(view, separator, from: 0, to: end)
        if found < 0 { break }
        guard append(found + separator.count, end) else { return false }
        end = found
        splits += 1
      }
      guard append(0, end) else { return false }
    } else {
      var start = 0
      while splits < limit {
        let found = StrSearch.find(view, separator, from: start, to: view.count)
        if found < 0 { break }
        guard append(start, found) else { return false }
        start = found + separator.count
        splits += 1
      }
      guard append(start, view.count) else { return false }
    }
    return true
  }

  /// Passes the runs of non-whitespace to `append`, at most `limit` splits; what remains
  /// after the last split is one piece with only the whitespace next to the split removed.
  static func splitOnWhitespace(_ view: StrView, limit: Int, reverse: Bool, _ append: (Int, Int) -> Bool) -> Bool {
    var splits = 0
    let count = view.count
    if reverse {
      var index = count - 1
      while splits < limit {
        while index >= 0 && TextUnicode.isSpace(view[index]) { index -= 1 }
        if index < 0 { break }
        let end = index + 1
        while index >= 0 && !TextUnicode.isSpace(view[index]) { index -= 1 }
        guard append(index + 1, end) else { return false }
        splits += 1
      }
      while index >= 0 && TextUnicode.isSpace(view[index]) { index -= 1 }
      if index >= 0 { return append(0, index + 1) }
    } else {
      var index = 0
      while splits < limit {
        while index < count && TextUnicode.isSpace(view[index]) { index += 1 }
        if index == count { break }
        let start = index
        while index < count && !TextUnicode.isSpace(view[index]) { index += 1 }
        guard append(start, index) else { return false }
        splits += 1
      }
      while index < count && TextUnicode.isSpace(view[index]) { index += 1 }
      if index < count { return append(index, count) }
    }
    return true
  }
}
