/// Substring search: find, index, count, startswith/endswith, replace.
///
/// The search is direct (first code unit, then the rest with a `memcmp` when both sides
/// have the same kind): O(n·m) in the worst case, where CPython's `fastsearch` mixes
/// Horspool and two-way searching.
/// CPython: Objects/unicodeobject.c, `any_find_slice`, `unicode_count`, `tailmatch`,
/// `replace`; Objects/stringlib/fastsearch.h.
extension RuntimeRef {
  /// `s.find(sub, start, end)`: the lowest index of `sub` in `s[start:end]`, or -1. nil
  /// with TypeError when `sub` is not a str.
  public func strFind(_ str: PyRef, _ sub: PyRef, start: Int? = nil, end: Int? = nil) -> Int? {
    strSearch(str, sub, start: start, end: end, reverse: false)
  }

  /// `s.rfind(sub, start, end)`: the highest index, or -1.
  public func strRFind(_ str: PyRef, _ sub: PyRef, start: Int? = nil, end: Int? = nil) -> Int? {
    strSearch(str, sub, start: start, end: end, reverse: true)
  }

  /// `s.index(sub, start, end)`: as find, with ValueError when absent.
  public func strIndex(_ str: PyRef, _ sub: PyRef, start: Int? = nil, end: Int? = nil) -> Int? {
    guard let found = strFind(str, sub, start: start, end: end) else { return nil }
    return found >= 0 ? found : substringNotFound()
  }

  /// `s.rindex(sub, start, end)`: as rfind, with ValueError when absent.
  public func strRIndex(_ str: PyRef, _ sub: PyRef, start: Int? = nil, end: Int? = nil) -> Int? {
    guard let found = strRFind(str, sub, start: start, end: end) else { return nil }
    return found >= 0 ? found : substringNotFound()
  }

  private func substringNotFound() -> Int? {
    raise("ValueError", "substring not found")
    return nil
  }

  /// `s.count(sub, start, end)`: non-overlapping occurrences.
  public func strCount(_ str: PyRef, _ sub: PyRef, start: Int? = nil, end: Int? = nil) -> Int? {
    guard requireStr(sub) else { return nil }
    let (first, last) = TextSlice.bounds(length: StrObject.length(str), start: start, end: end)
    let needle = StrObject.view(sub)
    if last - first < needle.count { return 0 }
    if needle.count == 0 { return last - first + 1 }
    let haystack = StrObject.view(str)
    var count = 0, position = first
    while true {
      let found = StrSearch.find(haystack, needle, from: position, to: last)
      if found < 0 { return count }
      count += 1
      position = found + needle.count
    }
  }

  /// `s.startswith(prefix, start, end)`: `prefix` is a str or a tuple of str.
  /// nil with TypeError for anything else.
  public func strStartsWith(_ str: PyRef, _ prefix: PyRef, start: Int? = nil, end: Int? = nil) -> Bool? {
    tailMatch(str, prefix, start: start, end: end, atEnd: false, method: "startswith")
  }

  /// `s.endswith(suffix, start, end)`: `suffix` is a str or a tuple of str.
  public func strEndsWith(_ str: PyRef, _ suffix: PyRef, start: Int? = nil, end: Int? = nil) -> Bool? {
    tailMatch(str, suffix, start: start, end: end, atEnd: true, method: "endswith")
  }

  /// `s.replace(old, new, count)`: `s` itself when nothing is replaced; an empty `old`
  /// matches before every character and at the end.
  public func strReplace(_ str: PyRef, _ old: PyRef, _ new: PyRef, count: Int = -1) -> PyRef? {
    guard isStr(old) else { return argumentError("replace", 1, old) }
    guard isStr(new) else { return argumentError("replace", 2, new) }
    let limit = count < 0 ? Int.max : count
    let length = StrObject.length(str), oldCount = StrObject.length(old), newCount = StrObject.length(new)
    let haystack = StrObject.view(str), needle = StrObject.view(old)
    // Pass 1: how many replacements, and the largest code point the result keeps.
    var matches = 0, position = 0
    var keptMax: UInt32 = StrObject.isASCII(str) ? 0x7F : 0
    if oldCount == 0 {
      matches = min(limit, length + 1)
      keptMax = StrObject.maxCharBound(str)
    } else {
      while matches < limit {
        let found = StrSearch.find(haystack, needle, from: position, to: length)
        if found < 0 { break }
        if !StrObject.isASCII(str) { keptMax = max(keptMax, haystack.maxChar(position..<found)) }
        matches += 1
        position = found + oldCount
      }
      if !StrObject.isASCII(str) { keptMax = max(keptMax, haystack.maxChar(position..<length)) }
    }
    if matches == 0 { return strExact(str) }
    let (growth, overflow1) = (newCount - oldCount).multipliedReportingOverflow(by: matches)
    let (total, overflow2) = length.addingReportingOverflow(growth)
    guard !overflow1, !overflow2 else {
      raise("OverflowError", "replace string is too long")
      return nil
    }
    if total == 0 { return emptyString() }
    let maxChar = newCount > 0 ? max(keptMax, StrObject.maxCharBound(new)) : keptMax
    guard let result = StrObject.allocate(self, length: total, maxChar: maxChar) else { return nil }
    // Pass 2: copy the kept runs and the replacements.
    var source = 0, target = 0
    for match in 0..<matches {
      let found = oldCount == 0 ? match : StrSearch.find(haystack, needle, from: source, to: length)
      StrObject.copy(str, from: source, to: result, at: target, count: found - source)
      target += found - source
      StrObject.copy(new, from: 0, to: result, at: target, count: newCount)
      target += newCount
      source = found + oldCount
    }
    StrObject.copy(str, from: source, to: result, at: target, count: length - source)
    return result
  }

  // MARK: - Helpers

  private func strSearch(_ str: PyRef, _ sub: PyRef, start: Int?, end: Int?, reverse: Bool) -> Int? {
    guard requireStr(sub) else { return nil }
    let (first, last) = TextSlice.bounds(length: StrObject.length(str), start: start, end: end)
    let needle = StrObject.view(sub)
    if last - first < needle.count { return -1 }
    let haystack = StrObject.view(str)
    return reverse ? StrSearch.findLast(haystack, needle, from: first, to: last)
                   : StrSearch.find(haystack, needle, from: first, to: last)
  }

  /// TypeError "must be str, not int" unless `object` is a str.
  func requireStr(_ object: PyRef) -> Bool {
    if isStr(object) { return true }
    raise("TypeError", "must be str, not \(object.type.name)")
    return false
  }

  private func argumentError(_ method: String, _ position: Int, _ object: PyRef) -> PyRef? {
    raise("TypeError", "\(method)() argument \(position) must be str, not \(object.type.name)")
    return nil
  }

  private func tailMatch(_ str: PyRef, _ affix: PyRef, start: Int?, end: Int?, atEnd: Bool, method: String) -> Bool? {
    if isStr(affix) { return StrSearch.tailMatch(str, affix, start: start, end: end, atEnd: atEnd) }
    guard affix.type == state.pointee.types.tuple else {
      raise("TypeError", "\(method) first arg must be str or a tuple of str, not \(affix.type.name)")
      return nil
    }
    for index in 0..<TupleObject.count(affix) {
      let item = TupleObject.item(affix, index).unsafelyUnwrapped
      guard isStr(item) else {
        raise("TypeError", "tuple for \(method) must only contain str, not \(item.type.name)")
        return nil
      }
      if StrSearch.tailMatch(str, item, start: start, end: end, atEnd: atEnd) { return true }
    }
    return false
  }
}

/// The search loops, over code units of any kind.
enum StrSearch {
  /// The first index in `from..<to` where `needle` starts and fits before `to`, or -1.
  static func find(_ haystack: StrView, _ needle: StrView, from start: Int, to end: Int) -> Int {
    let count = needle.count
    if count == 0 { return start <= end ? start : -1 }
    if needle.kind > haystack.kind { return -1 }   // canonical: some code point cannot occur
    let first = needle[0]
    var index = start
    while index + count <= end {
      if haystack[index] == first && matches(haystack, at: index, needle) { return index }
      index += 1
    }
    return -1
  }

  /// The last index in `from..<to` where `needle` starts and fits before `to`, or -1.
  static func findLast(_ haystack: StrView, _ needle: StrView, from start: Int, to end: Int) -> Int {
    let count = needle.count
    if count == 0 { return start <= end ? end : -1 }
    if needle.kind > haystack.kind { return -1 }
    let first = needle[0]
    var index = end - count
    while index >= start {
      if haystack[index] == first && matches(haystack, at: index, needle) { return index }
      index -= 1
    }
    return -1
  }

  /// `needle` occurs in `haystack` at `index` (which leaves room for it).
  @inline(__always)
  static func matches(_ haystack: StrView, at index: Int, _ needle: StrView) -> Bool {
    if haystack.kind == needle.kind {
      return TextMemory.equal(haystack.data + index &* haystack.kind, needle.data, needle.count &* needle.kind)
    }
    for offset in 0..<needle.count where haystack[index + offset] != needle[offset] { return false }
    return true
  }

  /// Whether `affix` occurs at the start (or end) of `str[start:end]`.
  /// CPython: `tailmatch()`.
  static func tailMatch(_ str: PyRef, _ affix: PyRef, start: Int?, end: Int?, atEnd: Bool) -> Bool {
    let (first, last) = TextSlice.bounds(length: StrObject.length(str), start: start, end: end)
    let needle = StrObject.view(affix)
    if last - first < needle.count { return false }
    if needle.count == 0 { return true }
    if needle.kind > StrObject.kind(str) { return false }
    return matches(StrObject.view(str), at: atEnd ? last - needle.count : first, needle)
  }
}
