/// Index arithmetic shared by the sequence operations of str and bytes.
enum TextSlice {
  /// `s[start:stop:step]` on a sequence of `length` items, clamped as Python does: the first
  /// index, the step and the number of items (`PySlice_Unpack` + `PySlice_AdjustIndices`).
  /// nil, with ValueError set, when `step` is 0.
  static func indices(length: Int, start: Int?, stop: Int?, step: Int?, _ rt: RuntimeRef)
    -> (start: Int, step: Int, count: Int)? {
    let step = max(step ?? 1, -Int.max)   // CPython clamps the step the same way
    guard step != 0 else {
      rt.raise("ValueError", "slice step cannot be zero")
      return nil
    }
    let low = step < 0 ? -1 : 0
    let high = step < 0 ? length - 1 : length
    func clamp(_ value: Int?, default fallback: Int) -> Int {
      guard var value else { return fallback }
      if value < 0 {
        value = value < -length ? low : value + length
        return max(value, low)
      }
      return min(value, high)
    }
    let first = clamp(start, default: step < 0 ? high : low)
    let last = clamp(stop, default: step < 0 ? low : high)
    let count: Int
    if step < 0 {
      count = last < first ? (first - last - 1) / -step + 1 : 0
    } else {
      count = first < last ? (last - first - 1) / step + 1 : 0
    }
    return (first, step, count)
  }

  /// The `start`/`end` arguments of find, count, startswith and friends, clamped to the
  /// sequence (`ADJUST_INDICES`): negative values count from the end, then clamp at 0; `end`
  /// clamps at `length`. `start` may stay above `end`.
  static func bounds(length: Int, start: Int?, end: Int?) -> (start: Int, end: Int) {
    var first = start ?? 0
    var last = end ?? length
    if last > length { last = length } else if last < 0 { last = max(last + length, 0) }
    if first < 0 { first = max(first + length, 0) }
    return (first, last)
  }

  /// A subscript index: negative counts from the end; nil when out of range.
  static func index(_ index: Int, length: Int) -> Int? {
    let adjusted = index < 0 ? index + length : index
    return adjusted >= 0 && adjusted < length ? adjusted : nil
  }
}
