/// `frame`: the Python view of a frame (CPython 3.11's `PyFrameObject`), made only when
/// asked for: by `sys._getframe()`, or by a traceback entry, which keeps its frame.
///
/// ```
///   -16 GC header | 0 refcount | 8 type | 16 live Frame → | 24 code | 32 globals
///                 | 40 locals dict | 48 f_back | 56 line | 64 saved localsplus → | 72 count
/// ```
///
/// While its frame runs, the object reads through to it (the `Frame` keeps a strong
/// reference in ``Frame/frameObject``). When the frame ends and someone still holds the
/// object, the object takes the frame's locals over (CPython's `take_ownership`): a
/// traceback keeps the locals of every frame it passed through alive until it dies, which
/// is why an object bound in a function that raised is released only when the handler's
/// `except ... as e` ends. `f_back` is fixed at that moment too.
/// CPython: Objects/frameobject.c, Python/frame.c (`_PyFrame_Clear`, `take_ownership`).
public enum FrameObjectType {
  static let frameOffset = 16
  static let codeOffset = 24
  static let globalsOffset = 32
  static let localsOffset = 40
  static let backOffset = 48
  static let lineOffset = 56
  static let savedOffset = 64
  static let savedCountOffset = 72
  static let basicSize = 80

  static func liveFrame(_ object: PyRef) -> UnsafeMutablePointer<Frame>? {
    object.raw.load(fromByteOffset: frameOffset, as: UnsafeMutablePointer<Frame>?.self)
  }

  static func saved(_ object: PyRef) -> UnsafeMutablePointer<UnsafeMutableRawPointer?>? {
    object.raw.load(fromByteOffset: savedOffset, as: UnsafeMutablePointer<UnsafeMutableRawPointer?>?.self)
  }

  static func savedCount(_ object: PyRef) -> Int { object.raw.load(fromByteOffset: savedCountOffset, as: Int.self) }

  static let referenceOffsets = [codeOffset, globalsOffset, localsOffset, backOffset]

  static func makeType(_ rt: RuntimeRef) -> PyType {
    let type = rt.makeType(name: "frame", basicSize: basicSize, flags: [.haveGC], dealloc: { raw, runtime in
      let rt = RuntimeRef(raw: runtime)
      let object = PyRef(raw)
      rt.untrack(object)
      FrameObjectType.clear(object, rt)
      for offset in FrameObjectType.referenceOffsets { rt.replaceRef(in: object, at: offset, with: nil) }
      rt.freeObject(object)
    }, traverse: { raw, visit, arg in
      let object = PyRef(raw)
      for offset in FrameObjectType.referenceOffsets {
        if let value = object.loadRef(at: offset) {
          let result = visit(value.raw, arg)
          if result != 0 { return result }
        }
      }
      if let saved = FrameObjectType.saved(object) {
        for index in 0..<FrameObjectType.savedCount(object) {
          if let value = saved[index] {
            let result = visit(value, arg)
            if result != 0 { return result }
          }
        }
      }
      return 0
    }, clear: { raw, runtime in
      let rt = RuntimeRef(raw: runtime)
      FrameObjectType.clear(PyRef(raw), rt)
      rt.replaceRef(in: PyRef(raw), at: FrameObjectType.backOffset, with: nil)
      rt.replaceRef(in: PyRef(raw), at: FrameObjectType.localsOffset, with: nil)
    })
    rt.readyBuiltinType(type, base: nil, kind: .frame)
    rt.addSlotWrappers(type)
    rt.addGetSets(type, getSets)
    rt.addMethods(type, [
      MethodDefinition("__sizeof__", { _, argv, count, names, runtime in
        let args = Arguments(runtime, argv, count, names)
        guard args.takesNoArguments("frame.__sizeof__") else { return nil }
        let code = args[0].loadRef(at: FrameObjectType.codeOffset)
        return args.rt.newInt(args.rt.frameSizeOf(header: CPythonSizes.frameHeaderSize, code: code))?.raw
      }),
    ])
    return type
  }

  /// Releases the locals a finished frame left here, in slot order.
  static func clear(_ object: PyRef, _ rt: RuntimeRef) {
    guard let saved = saved(object) else { return }
    let count = savedCount(object)
    object.raw.storeBytes(of: UnsafeMutableRawPointer?.none, toByteOffset: savedOffset, as: UnsafeMutableRawPointer?.self)
    object.raw.storeBytes(of: 0, toByteOffset: savedCountOffset, as: Int.self)
    for index in 0..<count { rt.decref(PyRef(saved[index])) }
    rt.freeMemory(UnsafeMutableRawPointer(saved))
  }

  static let getSets: [GetSetDefinition] = [
    GetSetDefinition("f_code", { raw, _ in
      let code = PyRef(raw).loadRef(at: FrameObjectType.codeOffset)!
      code.incref()
      return code.raw
    }),
    GetSetDefinition("f_globals", { raw, _ in
      let globals = PyRef(raw).loadRef(at: FrameObjectType.globalsOffset)!
      globals.incref()
      return globals.raw
    }),
    GetSetDefinition("f_builtins", { raw, runtime in
      let builtins = PyRef(RuntimeRef(raw: runtime).state.pointee.interpreter.builtins!)
      builtins.incref()
      return builtins.raw
    }),
    GetSetDefinition("f_lineno", { raw, runtime in
      RuntimeRef(raw: runtime).newInt(FrameObjectType.line(PyRef(raw)))?.raw
    }),
    GetSetDefinition("f_back", { raw, runtime in
      let rt = RuntimeRef(raw: runtime)
      let object = PyRef(raw)
      if let frame = liveFrame(object) {
        // A suspended generator's frame has no caller.
        guard !frame.pointee.suspended, let previous = frame.pointee.previous else { return rt.newNone().raw }
        return rt.frameObject(for: previous)?.raw
      }
      let back = object.loadRef(at: FrameObjectType.backOffset) ?? rt.state.pointee.none
      back.incref()
      return back.raw
    }),
    GetSetDefinition("f_locals", { raw, runtime in
      let rt = RuntimeRef(raw: runtime)
      let object = PyRef(raw)
      if let locals = object.loadRef(at: FrameObjectType.localsOffset) {
        locals.incref()
        return locals.raw
      }
      let code = object.loadRef(at: FrameObjectType.codeOffset)!
      if let frame = liveFrame(object) { return rt.localsDict(code: code, values: frame.localsPlus)?.raw }
      guard let saved = saved(object) else { return rt.newDict()?.raw }
      return rt.localsDict(code: code, values: saved)?.raw
    }),
  ]

  /// The line the frame is at: where it runs now, or where it stopped.
  static func line(_ object: PyRef) -> Int {
    if let frame = liveFrame(object) {
      let code = CodeType.code(frame.pointee.code)
      return code.lineTable.line(at: frame.runningInstruction) ?? code.firstLineNumber
    }
    return object.raw.load(fromByteOffset: lineOffset, as: Int.self)
  }
}

extension RuntimeRef {
  /// The frame object of `frame` (a new reference), made on first request.
  func frameObject(for frame: UnsafeMutablePointer<Frame>) -> PyRef? {
    if let existing = frame.pointee.frameObject {
      PyRef(existing).incref()
      return PyRef(existing)
    }
    guard let object = allocateObject(state.pointee.types.frame) else { return nil }
    object.raw.storeBytes(of: frame, toByteOffset: FrameObjectType.frameOffset, as: UnsafeMutablePointer<Frame>?.self)
    frame.pointee.code.incref()
    object.storeRef(frame.pointee.code, at: FrameObjectType.codeOffset)
    frame.pointee.globals.incref()
    object.storeRef(frame.pointee.globals, at: FrameObjectType.globalsOffset)
    frame.pointee.locals?.incref()
    object.storeRef(frame.pointee.locals, at: FrameObjectType.localsOffset)
    object.storeRef(nil, at: FrameObjectType.backOffset)
    object.raw.storeBytes(of: 0, toByteOffset: FrameObjectType.lineOffset, as: Int.self)
    object.raw.storeBytes(of: UnsafeMutableRawPointer?.none, toByteOffset: FrameObjectType.savedOffset, as: UnsafeMutableRawPointer?.self)
    object.raw.storeBytes(of: 0, toByteOffset: FrameObjectType.savedCountOffset, as: Int.self)
    object.incref()   // the frame's own reference
    frame.pointee.frameObject = object.raw
    track(object)
    return object
  }

  /// The frame is ending: its object, if someone else still holds it, takes the locals
  /// over and remembers the line and the caller; the frame's reference is dropped.
  @inline(never)
  func detachFrameObject(_ frame: UnsafeMutablePointer<Frame>) {
    guard let raw = frame.pointee.frameObject else { return }
    let object = PyRef(raw)
    frame.pointee.frameObject = nil
    object.raw.storeBytes(of: UnsafeMutablePointer<Frame>?.none, toByteOffset: FrameObjectType.frameOffset, as: UnsafeMutablePointer<Frame>?.self)
    if object.refcount > 1 {
      let code = CodeType.code(frame.pointee.code)
      let line = code.lineTable.line(at: frame.runningInstruction) ?? code.firstLineNumber
      object.raw.storeBytes(of: line, toByteOffset: FrameObjectType.lineOffset, as: Int.self)
      let count = frame.pointee.localsPlusCount
      // The memory comes straight from the heap, not through `allocateMemory`: this runs
      // while an exception may be propagating, which it must not disturb. Without memory
      // the locals are simply released with the frame.
      if count > 0, let block = state.pointee.heap.allocate(byteCount: count * 8, domain: .mem) {
        let saved = block.assumingMemoryBound(to: UnsafeMutableRawPointer?.self)
        saved.moveInitialize(from: frame.localsPlus, count: count)
        frame.localsPlus.initialize(repeating: nil, count: count)
        object.raw.storeBytes(of: saved, toByteOffset: FrameObjectType.savedOffset, as: UnsafeMutablePointer<UnsafeMutableRawPointer?>?.self)
        object.raw.storeBytes(of: count, toByteOffset: FrameObjectType.savedCountOffset, as: Int.self)
      }
      if let previous = frame.pointee.previous, let back = frameObject(for: previous) {
        replaceRef(in: object, at: FrameObjectType.backOffset, with: back)   // takes `back`
      }
    }
    decref(object)
  }

  /// `locals()` of a function frame: a new dict of the bound names, cells read through.
  func localsDict(code: PyRef, values: UnsafeMutablePointer<UnsafeMutableRawPointer?>) -> PyRef? {
    guard let dict = newDict() else { return nil }
    let swiftCode = CodeType.code(code)
    let names = CodeType.localsPlusNames(code)
    for index in 0..<swiftCode.localsPlusNames.count {
      guard var value = PyRef(values[index]) else { continue }
      let kind = swiftCode.localsPlusKinds[index]
      if kind.contains(.cell) || kind.contains(.free), value.type == state.pointee.types.cell {
        guard let contents = CellType.contents(value) else { continue }
        value = contents
      }
      guard dictSetItem(dict, TupleObject.item(names, index)!, value) else {
        decref(dict)
        return nil
      }
    }
    return dict
  }
}
