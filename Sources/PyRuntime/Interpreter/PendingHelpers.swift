/// Stand-ins for helpers that other parts of the runtime provide in full (slices, f-string
/// formatting). Removed when those land.
extension RuntimeRef {

  func newCallableIterator(_ callable: PyRef, _ sentinel: PyRef) -> PyRef? {
    raise("SystemError", "iter(callable, sentinel) is not implemented yet")
    return nil
  }

}
