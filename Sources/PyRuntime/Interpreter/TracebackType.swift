/// `traceback`: one entry of an exception's `__traceback__` chain: the code that was running,
/// the instruction and the line. CPython: Python/traceback.c.
///
/// ```
///   -16 GC header | 0 refcount | 8 type | 16 tb_next | 24 code | 32 tb_lasti | 40 tb_lineno
/// ```
/// CPython points at a frame object; PyHeap frames are not objects, so the entry keeps the
/// code object and the line, which is what tracebacks print.
public enum TracebackType {
  static let nextOffset = 16
  static let codeOffset = 24
  static let lastiOffset = 32
  static let lineOffset = 40
  /// `tb_frame`: the frame object, which keeps the frame's locals once it has ended.
  static let frameOffset = 48

  public static func next(_ traceback: PyRef) -> PyRef? { traceback.loadRef(at: TracebackType.nextOffset) }
  public static func code(_ traceback: PyRef) -> PyRef { traceback.loadRef(at: TracebackType.codeOffset)! }
  public static func line(_ traceback: PyRef) -> Int { traceback.raw.load(fromByteOffset: TracebackType.lineOffset, as: Int.self) }

  static func makeType(_ rt: RuntimeRef) -> PyType {
    let type = rt.makeType(name: "traceback", basicSize: 56, flags: [.haveGC], dealloc: { raw, runtime in
      let rt = RuntimeRef(raw: runtime)
      rt.untrack(PyRef(raw))
      rt.decref(PyRef(raw).loadRef(at: TracebackType.nextOffset))
      rt.decref(PyRef(raw).loadRef(at: TracebackType.codeOffset))
      rt.decref(PyRef(raw).loadRef(at: TracebackType.frameOffset))
      rt.freeObject(PyRef(raw))
    }, traverse: { raw, visit, arg in
      for offset in [TracebackType.nextOffset, TracebackType.codeOffset, TracebackType.frameOffset] {
        if let object = PyRef(raw).loadRef(at: offset) {
          let result = visit(object.raw, arg)
          if result != 0 { return result }
        }
      }
      return 0
    }, clear: { raw, runtime in
      RuntimeRef(raw: runtime).replaceRef(in: PyRef(raw), at: TracebackType.nextOffset, with: nil)
      RuntimeRef(raw: runtime).replaceRef(in: PyRef(raw), at: TracebackType.frameOffset, with: nil)
    })
    rt.readyBuiltinType(type, base: nil, kind: .traceback)
    rt.addSlotWrappers(type)
    rt.addGetSets(type, [
      GetSetDefinition("tb_next", { raw, runtime in
        let next = TracebackType.next(PyRef(raw)) ?? RuntimeRef(raw: runtime).state.pointee.none
        next.incref()
        return next.raw
      }),
      GetSetDefinition("tb_frame", { raw, runtime in
        let frame = PyRef(raw).loadRef(at: TracebackType.frameOffset) ?? RuntimeRef(raw: runtime).state.pointee.none
        frame.incref()
        return frame.raw
      }),
      GetSetDefinition("tb_lineno", { raw, runtime in RuntimeRef(raw: runtime).newInt(TracebackType.line(PyRef(raw)))?.raw }),
      GetSetDefinition("tb_lasti", { raw, runtime in
        RuntimeRef(raw: runtime).newInt(PyRef(raw).raw.load(fromByteOffset: TracebackType.lastiOffset, as: Int.self) * 2)?.raw
      }),
    ])
    return type
  }
}

extension RuntimeRef {
  /// Prepends an entry for `frame` at instruction `lasti` to the pending exception's
  /// traceback (`PyTraceBack_Here`).
  func addTracebackEntry(_ frame: UnsafeMutablePointer<Frame>, _ lasti: Int) {
    guard let exception = currentException, isException(exception),
          let entry = allocateObject(state.pointee.types.traceback) else { return }
    let next = ExceptionObject.traceback(exception)
    next?.incref()
    entry.storeRef(next, at: TracebackType.nextOffset)
    frame.pointee.code.incref()
    entry.storeRef(frame.pointee.code, at: TracebackType.codeOffset)
    entry.raw.storeBytes(of: lasti, toByteOffset: TracebackType.lastiOffset, as: Int.self)
    let line = CodeType.code(frame.pointee.code).lineTable.line(at: lasti) ?? CodeType.code(frame.pointee.code).firstLineNumber
    entry.raw.storeBytes(of: line, toByteOffset: TracebackType.lineOffset, as: Int.self)
    entry.storeRef(frameObject(for: frame), at: TracebackType.frameOffset)
    if hasError && currentException != exception { clearError() }
    track(entry)
    setTraceback(exception, entry)
  }
}
