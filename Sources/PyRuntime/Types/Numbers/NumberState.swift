/// The numeric types' share of the runtime state (``RuntimeState/numbers``).
struct NumberState {
  /// Freed exact floats kept for reuse, linked through their type field (CPython 3.11's
  /// `_Py_float_state.free_list`). At most ``FloatObject/freeListCapacity``.
  var floatFreeList: UnsafeMutableRawPointer? = nil
  var floatFreeCount = 0
  /// `sys.get_int_max_str_digits()`: 0 means no limit.
  var intMaxStrDigits = IntObject.defaultStrDigitsLimit
}
