/// `cell`: one captured variable, shared by the scope that defines it and the closures that
/// use it. CPython: Objects/cellobject.c.
///
/// ```
///   -16 GC header | 0 refcount | 8 type | 16 contents (or nil when empty)
/// ```
public enum CellType {
  static let contentsOffset = 16

  @inlinable public static func contents(_ cell: PyRef) -> PyRef? { cell.loadRef(at: 16) }

  static func makeType(_ rt: RuntimeRef) -> PyType {
    let type = rt.makeType(name: "cell", basicSize: 24, flags: [.haveGC], dealloc: { raw, runtime in
      let rt = RuntimeRef(raw: runtime)
      rt.untrack(PyRef(raw))
      rt.decref(PyRef(raw).loadRef(at: CellType.contentsOffset))
      rt.freeObject(PyRef(raw))
    }, traverse: { raw, visit, arg in
      guard let contents = PyRef(raw).loadRef(at: CellType.contentsOffset) else { return 0 }
      return visit(contents.raw, arg)
    }, clear: { raw, runtime in
      RuntimeRef(raw: runtime).replaceRef(in: PyRef(raw), at: CellType.contentsOffset, with: nil)
    })
    type.record.pointee.repr = { raw, runtime in
      let rt = RuntimeRef(raw: runtime)
      guard let contents = CellType.contents(PyRef(raw)) else {
        return rt.newStr("<cell at \(rt.addressText(PyRef(raw))): empty>")?.raw
      }
      return rt.newStr("<cell at \(rt.addressText(PyRef(raw))): \(contents.type.name) object at \(rt.addressText(contents))>")?.raw
    }
    rt.readyBuiltinType(type, base: nil, kind: .cell)
    rt.addSlotWrappers(type)
    rt.addGetSets(type, [GetSetDefinition("cell_contents", { raw, runtime in
      guard let contents = CellType.contents(PyRef(raw)) else {
        RuntimeRef(raw: runtime).raise("ValueError", "Cell is empty")
        return nil
      }
      contents.incref()
      return contents.raw
    }, { raw, value, runtime in
      PyRef(value)?.incref()
      RuntimeRef(raw: runtime).replaceRef(in: PyRef(raw), at: CellType.contentsOffset, with: PyRef(value))
      return 0
    })])
    return type
  }
}

extension RuntimeRef {
  /// A new cell holding `contents` (borrowed; nil for an empty cell).
  public func newCell(_ contents: PyRef?) -> PyRef? {
    guard let cell = allocateObject(state.pointee.types.cell) else { return nil }
    contents?.incref()
    cell.storeRef(contents, at: CellType.contentsOffset)
    track(cell)
    return cell
  }

  /// Replaces a cell's contents (`value` owned, or nil to empty it).
  @inlinable
  public func setCellContents(_ cell: PyRef, _ value: PyRef?) {
    replaceRef(in: cell, at: 16, with: value)
  }
}
