/// The indices a slice object selects from a sequence of known length, for any slice-like
/// object: `start`, `stop` and `step` are read as attributes, so this works whatever the
/// slice type's layout is.
/// CPython: Objects/sliceobject.c, `PySlice_Unpack()`, `PySlice_AdjustIndices()`.
extension RuntimeRef {
  /// `slice.indices(length)` plus the number of items: the first index, the (exclusive) stop,
  /// the step and the count, clamped as Python does. nil with TypeError "slice indices must
  /// be integers or None or have an __index__ method" for a bad bound, or ValueError "slice
  /// step cannot be zero".
  ///
  /// Bounds that do not fit an `Int` are clamped (CPython clamps to `PY_SSIZE_T_MIN/MAX`);
  /// the step is clamped to `-Int.max` so it can be negated.
  public func adjustedSliceIndices(_ slice: PyRef, length: Int) -> (start: Int, stop: Int, step: Int, count: Int)? {
    let names = textNames
    var values: (Int?, Int?, Int?) = (nil, nil, nil)
    for (position, name) in [names.start, names.stop, names.step].enumerated() {
      guard let value = getAttribute(slice, name) else { return nil }
      defer { decref(value) }
      guard let bound = textSliceBound(value) else { return nil }
      switch position {
      case 0: values.0 = bound
      case 1: values.1 = bound
      default: values.2 = bound
      }
    }
    var step = values.2 ?? 1
    guard step != 0 else {
      raise("ValueError", "slice step cannot be zero")
      return nil
    }
    if step < -Int.max { step = -Int.max }
    let start = values.0 ?? (step < 0 ? Int.max : 0)
    let stop = values.1 ?? (step < 0 ? Int.min : Int.max)
    return SliceIndices.adjust(length: length, start: start, stop: stop, step: step)
  }
}

/// `PySlice_AdjustIndices` on already-unpacked values.
public enum SliceIndices {
  /// Clamps `start` and `stop` to a sequence of `length` items for `step` (non-zero) and
  /// counts the items selected.
  public static func adjust(length: Int, start: Int, stop: Int, step: Int) -> (start: Int, stop: Int, step: Int, count: Int) {
    var start = start, stop = stop
    if start < 0 {
      start = start &+ length
      if start < 0 { start = step < 0 ? -1 : 0 }
    } else if start >= length {
      start = step < 0 ? length - 1 : length
    }
    if stop < 0 {
      stop = stop &+ length
      if stop < 0 { stop = step < 0 ? -1 : 0 }
    } else if stop >= length {
      stop = step < 0 ? length - 1 : length
    }
    let count: Int
    if step < 0 {
      count = stop < start ? (start - stop - 1) / -step + 1 : 0
    } else {
      count = start < stop ? (stop - start - 1) / step + 1 : 0
    }
    return (start, stop, step, count)
  }
}
