import PyCompiler

/// `mappingproxy`: a read-only view of a mapping (what `type.__dict__` returns). Every
/// read goes to the mapping; there is no way to write through it.
///
/// ```
///   -16 GC header | 0 refcount | 8 type | 16 mapping
/// ```
/// CPython: Objects/descrobject.c, `mappingproxyobject`.
enum MappingProxy {
  static let mappingOffset = 16
  static let basicSize = 24

  static func makeType(_ rt: RuntimeRef) -> PyType {
    let type = rt.makeType(name: "mappingproxy", basicSize: basicSize, flags: [.haveGC], dealloc: DictView.dealloc,
                           traverse: DictView.traverse, clear: DictView.clear, hash: RuntimeRef.unhashable)
    let record = type.record
    record.pointee.length = { raw, runtime in RuntimeRef(raw: runtime).length(MappingProxy.mapping(raw)) }
    record.pointee.getItem = { raw, key, runtime in RuntimeRef(raw: runtime).getItem(MappingProxy.mapping(raw), PyRef(key))?.raw }
    record.pointee.contains = { raw, key, runtime in
      let rt = RuntimeRef(raw: runtime)
      let target = MappingProxy.mapping(raw)
      if target.type == rt.state.pointee.types.dict { return rt.dictContains(target, PyRef(key)) }
      return rt.contains(target, PyRef(key))
    }
    record.pointee.iter = { raw, runtime in RuntimeRef(raw: runtime).iter(MappingProxy.mapping(raw))?.raw }
    record.pointee.repr = { raw, runtime in
      let rt = RuntimeRef(raw: runtime)
      var builder = TextBuilder(capacity: 3)
      builder.append("mappingproxy(")
      guard builder.appendRepr(MappingProxy.mapping(raw), rt) else { builder.discard(rt); return nil }
      builder.append(")")
      return builder.finish(rt)?.raw
    }
    record.pointee.str = { raw, runtime in RuntimeRef(raw: runtime).str(MappingProxy.mapping(raw))?.raw }
    record.pointee.richCompare = { a, b, op, runtime in
      RuntimeRef(raw: runtime).richCompare(MappingProxy.mapping(a), PyRef(b), ComparisonOperator(rawValue: UInt8(op))!)?.raw
    }
    record.pointee.binary = { a, b, op, runtime in
      let rt = RuntimeRef(raw: runtime)
      guard op == UInt32(BinaryOperator.or.rawValue) else { return rt.newNotImplemented().raw }
      let proxyType = rt.state.pointee.types.mappingProxy!
      let left = PyRef(a).type == proxyType ? MappingProxy.mapping(a) : PyRef(a)
      let right = PyRef(b).type == proxyType ? MappingProxy.mapping(b) : PyRef(b)
      return rt.binaryOp(left, right, op)?.raw
    }
    record.pointee.new = new
    return type
  }

  static func mapping(_ raw: UnsafeMutableRawPointer) -> PyRef { PyRef(raw).loadRef(at: mappingOffset)! }

  static let new: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = Arguments(runtime, argv, count, names)
    let rt = args.rt
    guard let bound = args.bindClinic("mappingproxy", ["mapping"], required: 1) else { return nil }
    let mapping = bound[0]!
    let kind = mapping.type.record.pointee.kind
    guard mapping.type.record.pointee.getItem != nil, kind != .list, kind != .tuple else {
      rt.raise("TypeError", "mappingproxy() argument must be a mapping, not \(mapping.type.name)")
      return nil
    }
    return rt.newMappingProxy(mapping)?.raw
  }

  static let methods: [MethodDefinition] = [
    MethodDefinition("get", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesPositional("mappingproxy.get", "get", 1, 2) else { return nil }
      let rest = (1..<count).map { args[$0] }
      return args.rt.callMethod(mapping(argv[0]!), "get", rest)?.raw
    }),
    MethodDefinition("keys", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesNoArguments("mappingproxy.keys") else { return nil }
      return args.rt.callMethod(mapping(argv[0]!), "keys")?.raw
    }),
    MethodDefinition("values", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesNoArguments("mappingproxy.values") else { return nil }
      return args.rt.callMethod(mapping(argv[0]!), "values")?.raw
    }),
    MethodDefinition("items", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesNoArguments("mappingproxy.items") else { return nil }
      return args.rt.callMethod(mapping(argv[0]!), "items")?.raw
    }),
    MethodDefinition("copy", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesNoArguments("mappingproxy.copy") else { return nil }
      return args.rt.callMethod(mapping(argv[0]!), "copy")?.raw
    }),
    MethodDefinition("__reversed__", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.takesNoArguments("mappingproxy.__reversed__") else { return nil }
      return args.rt.reversed(mapping(argv[0]!))?.raw
    }),
  ]
}

extension RuntimeRef {
  /// A read-only view of `mapping` (`PyDictProxy_New`): `type.__dict__`.
  public func newMappingProxy(_ mapping: PyRef) -> PyRef? {
    guard let proxy = allocateObject(state.pointee.types.mappingProxy) else { return nil }
    IteratorSupport.store(proxy, mapping, at: MappingProxy.mappingOffset)
    track(proxy)
    return proxy
  }
}
