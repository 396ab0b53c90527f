/// Stand-ins for helpers that other parts of the runtime provide in full (slices, f-string
/// formatting). Removed when those land.
extension RuntimeRef {
  func newSlice(_ start: PyRef?, _ stop: PyRef?, _ step: PyRef?) -> PyRef? {
    raise("SystemError", "slices are not implemented yet")
    return nil
  }

  func newCallableIterator(_ callable: PyRef, _ sentinel: PyRef) -> PyRef? {
    raise("SystemError", "iter(callable, sentinel) is not implemented yet")
    return nil
  }

}
