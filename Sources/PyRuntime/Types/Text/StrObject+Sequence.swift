/// str as a sequence: indexing, slicing, `+`, `*`, ordering, hashing.
/// CPython: Objects/unicodeobject.c, `unicode_getitem`, `unicode_subscript`,
/// `PyUnicode_Concat`, `unicode_repeat`, `PyUnicode_Compare`.
extension RuntimeRef {
  /// Whether `object` is a str or an instance of a str subclass (`PyUnicode_Check`).
  @inlinable
  public func isStr(_ object: PyRef) -> Bool { object.type.record.pointee.kind == .str }

  /// Whether `object` is exactly a str (`PyUnicode_CheckExact`).
  @inlinable
  public func isExactStr(_ object: PyRef) -> Bool { object.type == state.pointee.types.str }

  /// `s[index]`: a one-character str (cached below U+0100). IndexError when out of range.
  public func strGetItem(_ str: PyRef, _ index: Int) -> PyRef? {
    guard let position = TextSlice.index(index, length: StrObject.length(str)) else {
      raise("IndexError", "string index out of range")
      return nil
    }
    return newCharacter(StrObject.codePoint(str, position))
  }

  /// `s[start:stop:step]` (nil bounds are omitted ones). ValueError when `step` is 0.
  public func strSlice(_ str: PyRef, start: Int? = nil, stop: Int? = nil, step: Int? = nil) -> PyRef? {
    let length = StrObject.length(str)
    guard let (first, step, count) = TextSlice.indices(length: length, start: start, stop: stop, step: step, self) else {
      return nil
    }
    if step == 1 { return StrObject.substring(self, str, first, first + count) }
    if count == 0 { return emptyString() }
    let view = StrObject.view(str)
    var maxChar: UInt32 = 0
    for index in 0..<count { maxChar = max(maxChar, view[first + index * step]) }
    if count == 1 { return newCharacter(maxChar) }
    guard let result = StrObject.allocate(self, length: count, maxChar: maxChar) else { return nil }
    for index in 0..<count { StrObject.write(result, index, view[first + index * step]) }
    return result
  }

  /// `a + b`. TypeError when `b` is not a str, OverflowError past `Int.max` code points.
  public func strConcat(_ a: PyRef, _ b: PyRef) -> PyRef? {
    guard b.type.record.pointee.kind == .str else {
      raise("TypeError", "can only concatenate str (not \"\(b.type.name)\") to str")
      return nil
    }
    let leftCount = StrObject.length(a), rightCount = StrObject.length(b)
    if leftCount == 0 { return strExact(b) }
    if rightCount == 0 { return strExact(a) }
    let (total, overflow) = leftCount.addingReportingOverflow(rightCount)
    guard !overflow else {
      raise("OverflowError", "strings are too large to concat")
      return nil
    }
    let maxChar = max(StrObject.maxCharBound(a), StrObject.maxCharBound(b))
    guard let result = StrObject.allocate(self, length: total, maxChar: maxChar) else { return nil }
    StrObject.copy(a, from: 0, to: result, at: 0, count: leftCount)
    StrObject.copy(b, from: 0, to: result, at: leftCount, count: rightCount)
    return result
  }

  /// `s * count`: empty for `count` ≤ 0, `s` itself for 1. OverflowError when the result
  /// could not be counted, MemoryError when it cannot be allocated.
  public func strRepeat(_ str: PyRef, _ count: Int) -> PyRef? {
    let length = StrObject.length(str)
    if count <= 0 || length == 0 { return emptyString() }
    if count == 1 { return strExact(str) }
    let (total, overflow) = length.multipliedReportingOverflow(by: count)
    guard !overflow else {
      raise("OverflowError", "repeated string is too long")
      return nil
    }
    guard let result = StrObject.allocate(self, length: total, maxChar: StrObject.maxCharBound(str)) else { return nil }
    let unit = length * StrObject.kind(str)
    let target = StrObject.data(result)
    target.copyMemory(from: StrObject.data(str), byteCount: unit)
    // Doubling: each copy takes what is already there.
    var done = unit
    let totalBytes = total * StrObject.kind(str)
    while done < totalBytes {
      let chunk = min(done, totalBytes - done)
      (target + done).copyMemory(from: target, byteCount: chunk)
      done += chunk
    }
    return result
  }

  /// `hash(s)`, cached in the object.
  public func strHash(_ str: PyRef) -> Int { StrObject.hash(str.raw, raw) }
}

extension StrObject {
  /// Orders two strings by code point, then by length: -1, 0 or 1.
  public static func compare(_ a: PyRef, _ b: PyRef) -> Int {
    if a == b { return 0 }
    let left = view(a), right = view(b)
    let common = min(left.count, right.count)
    if left.kind == 1 && right.kind == 1 {
      let order = TextMemory.compare(left.data, right.data, common)
      if order != 0 { return order }
    } else {
      for index in 0..<common {
        let x = left[index], y = right[index]
        if x != y { return x < y ? -1 : 1 }
      }
    }
    return left.count == right.count ? 0 : left.count < right.count ? -1 : 1
  }
}

