/// A computed attribute of a built-in type (`function.__name__`, `BaseException.args`):
/// CPython's `getset_descriptor`, with a getter and an optional setter written in Swift.
///
/// ```
///   0 refcount | 8 type | 16 name (str) | 24 owner type | 32 getter | 40 setter or nil
/// ```
/// CPython: Objects/descrobject.c, `PyGetSetDef`.
public enum GetSetDescriptor {
  /// Returns a new reference to the attribute of the object, or nil with an exception set.
  public typealias Getter = @convention(c) (UnsafeMutableRawPointer, RawRuntime) -> UnsafeMutableRawPointer?
  /// Stores (a nil value deletes): 0, or -1 with an exception set.
  public typealias Setter = @convention(c) (UnsafeMutableRawPointer, UnsafeMutableRawPointer?, RawRuntime) -> Int32

  static let nameOffset = 16
  static let ownerOffset = 24
  static let getterOffset = 32
  static let setterOffset = 40

  static func makeType(_ rt: RuntimeRef) -> PyType {
    let type = rt.makeType(name: "getset_descriptor", basicSize: 48, dealloc: dealloc)
    type.record.pointee.kind = .other
    type.record.pointee.descriptorGet = get
    type.record.pointee.descriptorSet = set
    return type
  }

  static let dealloc: Slot.Dealloc = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    rt.decref(PyRef(raw).loadRef(at: nameOffset))
    rt.freeObject(PyRef(raw))
  }

  static let get: Slot.DescriptorGet = { raw, instance, _, runtime in
    guard let instance else {
      PyRef(raw).incref()
      return raw
    }
    let getter = raw.load(fromByteOffset: getterOffset, as: Getter.self)
    return getter(instance, runtime)
  }

  static let set: Slot.DescriptorSet = { raw, instance, value, runtime in
    let descriptor = PyRef(raw)
    guard let setter = raw.load(fromByteOffset: setterOffset, as: Setter?.self) else {
      let rt = RuntimeRef(raw: runtime)
      let name = StrObject.string(descriptor.loadRef(at: nameOffset)!)
      let owner = PyType(descriptor.loadRef(at: ownerOffset)!.raw).name
      rt.raise("AttributeError", "attribute '\(name)' of '\(owner)' objects is not writable")
      return -1
    }
    return setter(instance, value, runtime)
  }
}

/// A computed attribute: its name, getter and optional setter.
public struct GetSetDefinition: @unchecked Sendable {
  public var name: String
  public var getter: GetSetDescriptor.Getter
  public var setter: GetSetDescriptor.Setter?
  public init(_ name: String, _ getter: @escaping GetSetDescriptor.Getter, _ setter: GetSetDescriptor.Setter? = nil) {
    self.name = name
    self.getter = getter
    self.setter = setter
  }
}

extension RuntimeRef {
  /// Adds getset descriptors for `definitions` to `type`'s dict.
  public func addGetSets(_ type: PyType, _ definitions: [GetSetDefinition]) {
    let dict = typeDict(type)
    for definition in definitions {
      guard let name = internedString(definition.name),
            let descriptor = allocateObject(state.pointee.types.getSetDescriptor) else {
        preconditionFailure("addGetSets: out of memory while building \(type.name)")
      }
      descriptor.storeRef(name, at: GetSetDescriptor.nameOffset)
      descriptor.storeRef(type.object, at: GetSetDescriptor.ownerOffset)
      descriptor.raw.storeBytes(of: definition.getter, toByteOffset: GetSetDescriptor.getterOffset, as: GetSetDescriptor.Getter.self)
      descriptor.raw.storeBytes(of: definition.setter, toByteOffset: GetSetDescriptor.setterOffset, as: GetSetDescriptor.Setter?.self)
      dictSetItem(dict, name, descriptor)
      decref(descriptor)
    }
  }
}
