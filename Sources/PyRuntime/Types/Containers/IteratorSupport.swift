/// What the built-in iterators share. Each is a small GC object: the header, a few object
/// references, then a few machine words (an index, a count). Each is its own iterator
/// (`iter(it) is it`), and is released field by field with ``RuntimeRef/decref(_:)``, so a
/// chain of a million nested iterators is freed through the trashcan, never by native
/// recursion. CPython: Objects/iterobject.c, Objects/enumobject.c, Python/bltinmodule.c.
enum IteratorSupport {
  /// `tp_iter` of an iterator: itself.
  static let iterSelf: Slot.Unary = { raw, _ in
    PyRef(raw).incref()
    return raw
  }

  /// Releases `fields` consecutive optional references starting at `offset`, clearing each
  /// before its release (a finalizer run by the release sees it gone).
  @inline(__always)
  static func release(_ object: PyRef, from offset: Int = ObjectLayout.headerSize, fields: Int, _ rt: RuntimeRef) {
    for index in 0..<fields {
      let fieldOffset = offset + index * 8
      let value = object.loadRef(at: fieldOffset)
      object.storeRef(nil, at: fieldOffset)
      rt.decref(value)
    }
  }

  /// Visits `fields` consecutive optional references starting at `offset`.
  @inline(__always)
  static func visit(_ object: PyRef, from offset: Int = ObjectLayout.headerSize, fields: Int,
                    _ visit: VisitProc, _ arg: UnsafeMutableRawPointer?) -> Int32 {
    for index in 0..<fields {
      if let value = object.loadRef(at: offset + index * 8) {
        let result = visit(value.raw, arg)
        if result != 0 { return result }
      }
    }
    return 0
  }

  /// Stores a new reference to `value` (or nil) in a field being initialized.
  @inline(__always)
  static func store(_ object: PyRef, _ value: PyRef?, at offset: Int) {
    value?.incref()
    object.storeRef(value, at: offset)
  }

  /// Reads a word field.
  @inline(__always)
  static func word(_ object: PyRef, _ offset: Int) -> Int { object.raw.load(fromByteOffset: offset, as: Int.self) }

  @inline(__always)
  static func setWord(_ object: PyRef, _ offset: Int, _ value: Int) {
    object.raw.storeBytes(of: value, toByteOffset: offset, as: Int.self)
  }
}

extension RuntimeRef {
  /// Makes and readies an iterator type: GC, `iter` returning itself, `next`, the given
  /// methods; recorded in ``BuiltinTypes/byName``. `new` nil: not constructible from
  /// Python ("cannot create 'list_iterator' instances").
  @discardableResult
  func makeIteratorType(_ name: String, basicSize: Int, dealloc: Slot.Dealloc, traverse: Slot.Traverse,
                        clear: Slot.Clear, next: @escaping Slot.IterNext, new: Slot.VectorCall? = nil,
                        methods: [MethodDefinition] = []) -> PyType {
    let type = makeType(name: name, basicSize: basicSize, flags: [.haveGC], dealloc: dealloc, traverse: traverse,
                        clear: clear)
    type.record.pointee.iter = IteratorSupport.iterSelf
    type.record.pointee.iterNext = next
    type.record.pointee.new = new
    readyBuiltinType(type, base: nil, kind: .iterator)
    if new == nil { type.record.pointee.new = nil }
    addSlotWrappers(type)
    addMethods(type, methods)
    state.pointee.types.byName[name] = type
    return type
  }

  /// Allocates an iterator of `type` (a subclass when called through one), fields unset.
  func allocateIterator(_ type: PyType) -> PyRef? {
    allocateObject(type)
  }

  /// Finishes an iterator made by ``allocateIterator(_:)``: clears a subclass's extra
  /// fields and starts tracking it.
  func finishIterator(_ iterator: PyRef) -> PyRef {
    initializeInstanceSlots(iterator)
    track(iterator)
    return iterator
  }
}
