/// The free lists as CPython's start-up leaves them.
///
/// CPython runs Python code before a script's first line (`site`, `encodings`, the import
/// machinery), and the lists, dicts, tuples and floats that code drops stay parked on the
/// free lists. PyHeap's start-up is Swift and parks nothing, so without this the first
/// objects of a program would come from the allocator where CPython's come from a free
/// list. tracemalloc shows the difference: a list parked untraced comes back untraced and
/// goes back without a trace, while one made fresh under tracing stays traced once parked.
extension RuntimeRef {
  /// The lengths measured for `python3 script.py` (3.11.7: `sys._debugmallocstats()` on a
  /// script's first line).
  static let startUpFreeListLengths = (
    lists: 40, dicts: 8, floats: 4,
    tuples: [1: 4, 2: 8, 3: 2, 4: 2, 5: 3, 7: 8, 8: 6, 9: 1, 11: 1, 12: 3, 13: 5, 14: 1, 15: 2, 16: 2, 17: 2,
             18: 3, 19: 1, 20: 6]
  )

  /// Parks that many objects of each kind (made together, then dropped together, so none is
  /// reused in between). The collector's count is left as it was.
  func fillFreeListsAsCPythonStartUpDoes() {
    let count = state.pointee.gc.count
    var made: [PyRef] = []
    let lengths = RuntimeRef.startUpFreeListLengths
    for _ in 0..<lengths.lists { if let list = newList() { made.append(list) } }
    for _ in 0..<lengths.dicts { if let dict = newDict() { made.append(dict) } }
    for _ in 0..<lengths.floats { if let float = newFloat(0.5) { made.append(float) } }
    for (length, number) in lengths.tuples.sorted(by: { $0.key < $1.key }) {
      for _ in 0..<number {
        guard let tuple = allocateTuple(length) else { continue }
        let items = TupleObject.items(tuple)
        for index in 0..<length {
          state.pointee.none.incref()
          items[index] = state.pointee.none.raw
        }
        made.append(finishTuple(tuple))
      }
    }
    for object in made { decref(object) }
    if hasError { clearError() }
    state.pointee.gc.count = count
  }
}
