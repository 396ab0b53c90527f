/// `range_iterator`: the next value, the step, and the items left.
///
/// ```
///   0 refcount | 8 type | 16 next | 24 step | 32 left | 40 (unused: CPython's size)
/// ```
/// CPython: Objects/rangeobject.c, `rangeiterobject`.
enum RangeIterator {
  static let nextOffset = 16
  static let stepOffset = 24
  static let leftOffset = 32
  static let basicSize = 48

  static func makeType(_ rt: RuntimeRef) {
    let type = rt.makeType(name: "range_iterator", basicSize: basicSize, dealloc: deallocPlain)
    type.record.pointee.iter = IteratorSupport.iterSelf
    type.record.pointee.iterNext = next
    rt.readyBuiltinType(type, base: nil, kind: .iterator)
    type.record.pointee.new = nil
    rt.addSlotWrappers(type)
    rt.addMethods(type, [MethodDefinition("__length_hint__", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesNoArguments("__length_hint__") else { return nil }
      return args.rt.newInt(args[0].raw.load(fromByteOffset: RangeIterator.leftOffset, as: UInt.self))?.raw
    })])
    rt.state.pointee.types.byName["range_iterator"] = type
  }

  static func new(start: Int, step: Int, count: UInt, _ rt: RuntimeRef) -> PyRef? {
    guard let iterator = rt.allocateObject(rt.state.pointee.containers.types.rangeIterator) else { return nil }
    iterator.raw.storeBytes(of: start, toByteOffset: nextOffset, as: Int.self)
    iterator.raw.storeBytes(of: step, toByteOffset: stepOffset, as: Int.self)
    iterator.raw.storeBytes(of: count, toByteOffset: leftOffset, as: UInt.self)
    return iterator
  }

  static let next: Slot.IterNext = { raw, runtime in
    let left = raw.load(fromByteOffset: leftOffset, as: UInt.self)
    guard left > 0 else { return nil }
    let value = raw.load(fromByteOffset: nextOffset, as: Int.self)
    raw.storeBytes(of: value &+ raw.load(fromByteOffset: stepOffset, as: Int.self), toByteOffset: nextOffset, as: Int.self)
    raw.storeBytes(of: left - 1, toByteOffset: leftOffset, as: UInt.self)
    return RuntimeRef(raw: runtime).newInt(value)?.raw
  }
}
