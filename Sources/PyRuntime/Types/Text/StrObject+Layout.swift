/// Padding, tabs, lines and partitions: center, ljust, rjust, zfill, expandtabs,
/// splitlines, partition, rpartition, removeprefix, removesuffix.
/// CPython: Objects/unicodeobject.c (`pad`, `unicode_center_impl`, `unicode_zfill_impl`,
/// `unicode_expandtabs_impl`), Objects/stringlib/split.h (`splitlines`),
/// Objects/stringlib/partition.h.
extension RuntimeRef {
  /// `s` with `left` and `right` copies of `fill` around it (an exact copy when no padding).
  func strPad(_ str: PyRef, left: Int, right: Int, fill: UInt32) -> PyRef? {
    let left = max(left, 0), right = max(right, 0)
    if left == 0 && right == 0 { return strExact(str) }
    let length = StrObject.length(str)
    let (total, overflow) = length.addingReportingOverflow(left + right)
    guard !overflow, left + right >= 0 else {
      raise("OverflowError", "padded string is too long")
      return nil
    }
    let maxChar = max(StrObject.maxCharBound(str), fill)
    guard let result = StrObject.allocate(self, length: total, maxChar: maxChar) else { return nil }
    for index in 0..<left { StrObject.write(result, index, fill) }
    StrObject.copy(str, from: 0, to: result, at: left, count: length)
    for index in 0..<right { StrObject.write(result, left + length + index, fill) }
    return result
  }

  /// `s.center(width, fill)`: the extra character goes left when both the margin and the
  /// width are odd, as CPython's formula has it.
  public func strCenter(_ str: PyRef, width: Int, fill: UInt32 = 0x20) -> PyRef? {
    let length = StrObject.length(str)
    guard width > length else { return strExact(str) }
    let margin = width - length
    let left = margin / 2 + (margin & width & 1)
    return strPad(str, left: left, right: margin - left, fill: fill)
  }

  public func strLJust(_ str: PyRef, width: Int, fill: UInt32 = 0x20) -> PyRef? {
    strPad(str, left: 0, right: width - StrObject.length(str), fill: fill)
  }

  public func strRJust(_ str: PyRef, width: Int, fill: UInt32 = 0x20) -> PyRef? {
    strPad(str, left: width - StrObject.length(str), right: 0, fill: fill)
  }

  /// `s.zfill(width)`: zeros on the left, after a leading sign.
  public func strZFill(_ str: PyRef, width: Int) -> PyRef? {
    let length = StrObject.length(str)
    guard width > length else { return strExact(str) }
    guard let padded = strPad(str, left: width - length, right: 0, fill: 0x30) else { return nil }
    let first = StrObject.codePoint(padded, width - length)
    if first == 0x2B || first == 0x2D {
      StrObject.write(padded, 0, first)
      StrObject.write(padded, width - length, 0x30)
    }
    return padded
  }

  /// `s.expandtabs(tabsize)`: each tab becomes spaces up to the next multiple of `tabsize`
  /// (the column restarts after `\n` and `\r`); a tab size of 0 or less removes tabs.
  public func strExpandTabs(_ str: PyRef, tabSize: Int = 8) -> PyRef? {
    let view = StrObject.view(str)
    var hasTab = false
    for index in 0..<view.count where view[index] == 0x09 { hasTab = true; break }
    if !hasTab { return strExact(str) }
    var builder = StrBuilder(capacity: view.count + 8)
    var column = 0
    for index in 0..<view.count {
      let value = view[index]
      if value == 0x09 {
        if tabSize > 0 {
          let spaces = tabSize - column % tabSize
          builder.append(repeating: 0x20, count: spaces)
          column += spaces
        }
      } else {
        builder.append(value)
        column += 1
        if value == 0x0A || value == 0x0D { column = 0 }
      }
    }
    return builder.finish(self)
  }

  /// `s.splitlines(keepends)` as a new list.
  public func strSplitLines(_ str: PyRef, keepEnds: Bool = false) -> PyRef? {
    guard let list = newList() else { return nil }
    let view = StrObject.view(str)
    var start = 0, index = 0
    while index < view.count {
      let value = view[index]
      guard TextUnicode.isLineBreak(value) else {
        index += 1
        continue
      }
      var end = index + 1
      if value == 0x0D && end < view.count && view[end] == 0x0A { end += 1 }
      let stop = keepEnds ? end : index
      guard let piece = StrObject.substringCopyOrSelf(self, str, start, stop) else {
        decref(list)
        return nil
      }
      listAppend(list, piece)
      decref(piece)
      start = end
      index = end
    }
    if start < view.count {
      guard let piece = StrObject.substringCopyOrSelf(self, str, start, view.count) else {
        decref(list)
        return nil
      }
      listAppend(list, piece)
      decref(piece)
    }
    return list
  }

  /// `s.partition(sep)` (`reverse` false) or `s.rpartition(sep)`: a 3-tuple.
  public func strPartition(_ str: PyRef, _ separator: PyRef, reverse: Bool) -> PyRef? {
    guard requireStr(separator) else { return nil }
    let needle = StrObject.view(separator)
    guard needle.count > 0 else {
      raise("ValueError", "empty separator")
      return nil
    }
    let haystack = StrObject.view(str)
    let found = needle.count > haystack.count ? -1
      : reverse ? StrSearch.findLast(haystack, needle, from: 0, to: haystack.count)
      : StrSearch.find(haystack, needle, from: 0, to: haystack.count)
    var parts: [PyRef] = []
    func add(_ part: PyRef?) -> Bool {
      guard let part else { return false }
      parts.append(part)
      return true
    }
    let ok: Bool
    if found < 0 {
      ok = reverse ? add(emptyString()) && add(emptyString()) && add(strExact(str))
                   : add(strExact(str)) && add(emptyString()) && add(emptyString())
    } else {
      ok = add(StrObject.substringCopyOrSelf(self, str, 0, found)) && add(strExact(separator))
        && add(StrObject.substringCopyOrSelf(self, str, found + needle.count, haystack.count))
    }
    guard ok else {
      parts.forEach(decref)
      return nil
    }
    return newTuple(parts)
  }

  /// `s.removeprefix(prefix)` / `s.removesuffix(suffix)`.
  public func strRemoveAffix(_ str: PyRef, _ affix: PyRef, suffix: Bool) -> PyRef? {
    guard isStr(affix) else {
      raise("TypeError", "\(suffix ? "removesuffix" : "removeprefix")() argument must be str, not \(affix.type.name)")
      return nil
    }
    let length = StrObject.length(str), affixLength = StrObject.length(affix)
    if affixLength > 0 && StrSearch.tailMatch(str, affix, start: nil, end: nil, atEnd: suffix) {
      return suffix ? StrObject.substringCopyOrSelf(self, str, 0, length - affixLength)
                    : StrObject.substringCopyOrSelf(self, str, affixLength, length)
    }
    return strExact(str)
  }
}

extension StrObject {
  /// `s[start..<end]`: `s` itself when that is all of an exact str, else a new exact str.
  static func substringCopyOrSelf(_ rt: RuntimeRef, _ str: PyRef, _ start: Int, _ end: Int) -> PyRef? {
    if start == 0 && end == length(str) { return rt.strExact(str) }
    return substringCopy(rt, str, start, end)
  }
}

extension TextUnicode {
  /// A line boundary for `str.splitlines` (`Py_UNICODE_ISLINEBREAK`).
  static func isLineBreak(_ value: UInt32) -> Bool {
    switch value {
    case 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029: true
    default: false
    }
  }
}
