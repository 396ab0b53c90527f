import PyRuntime

extension RuntimeRef {
  /// The heap's blocks in use once the free lists are emptied: what leak checks compare, since
  /// a parked tuple, list or dict still holds its block until a full collection.
  var blocksInUseWithoutFreeLists: Int {
    clearFreeLists()
    return state.pointee.heap.allocatedBlocks
  }
}
