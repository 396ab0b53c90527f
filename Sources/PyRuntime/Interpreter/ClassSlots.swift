import PyCompiler

/// The slots of classes that define dunder methods in Python: each looks the method up on
/// the type and calls it (CPython's `slot_tp_repr`, `slot_nb_add`, … in
/// Objects/typeobject.c). ``RuntimeRef/updateClassSlots(_:)`` installs them.
enum ClassSlots {
  /// Calls the special method `name` of `object`'s type; nil result with an exception, or
  /// `(false, nil)` when the type has no such method.
  @inline(__always)
  static func callDunder(_ rt: RuntimeRef, _ object: PyRef, _ name: Identifier, _ first: PyRef? = nil,
                         _ second: PyRef? = nil) -> (found: Bool, result: PyRef?) {
    rt.callSpecial(object, name, first, second)
  }

  static let repr: Slot.Unary = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let (found, result) = callDunder(rt, PyRef(raw), .__repr__)
    return found ? result?.raw : rt.defaultRepr(PyRef(raw))?.raw
  }

  static let str: Slot.Unary = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let (found, result) = callDunder(rt, PyRef(raw), .__str__)
    return found ? result?.raw : rt.repr(PyRef(raw))?.raw
  }

  static let hash: Slot.Hash = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let object = PyRef(raw)
    guard let method = rt.lookup(object.type, .__hash__), method != rt.state.pointee.none else {
      rt.raise("TypeError", "unhashable type: '\(object.type.name)'")
      return -1
    }
    guard let result = rt.callMethodLike(method, boundTo: object, nil, nil) else { return -1 }
    defer { rt.decref(result) }
    guard rt.isInstance(result, rt.state.pointee.types.int) else {
      rt.raise("TypeError", "__hash__ method should return an integer")
      return -1
    }
    // Large results are reduced like int hashes.
    let value = IntObject.exactValue(result) ?? rt.hash(result)
    return value == -1 ? -2 : value
  }

  static let richCompare: Slot.RichCompare = { a, b, op, runtime in
    let rt = RuntimeRef(raw: runtime)
    let (found, result) = callDunder(rt, PyRef(a), Identifier.comparison(Int(op)), PyRef(b))
    return found ? result?.raw : rt.newNotImplemented().raw
  }

  static let binaryStems = ["add", "and", "floordiv", "lshift", "matmul", "mul", "mod", "or", "pow", "rshift", "sub", "truediv", "xor"]

  static let binary: Slot.Binary = { a, b, op, runtime in
    let rt = RuntimeRef(raw: runtime)
    let left = PyRef(a), right = PyRef(b)
    let notImplemented = rt.state.pointee.notImplemented
    if op >= BinaryOperator.inplaceOffset {
      let stem = Int(op - BinaryOperator.inplaceOffset)
      guard sameFunction(left.type.record.pointee.binary, binary) else { return rt.newNotImplemented().raw }
      let (found, result) = callDunder(rt, left, Identifier.binary(stem, 2), right)
      return found ? result?.raw : rt.newNotImplemented().raw
    }
    let plainName = Identifier.binary(Int(op), 0), reflectedName = Identifier.binary(Int(op), 1)
    let leftHas = sameFunction(left.type.record.pointee.binary, binary)
    let rightHas = left.type != right.type && sameFunction(right.type.record.pointee.binary, binary)
      && rt.lookup(right.type, reflectedName) != nil
    if leftHas {
      if rightHas, rt.isSubtype(right.type, left.type) {
        let (found, result) = callDunder(rt, right, reflectedName, left)
        if found {
          guard let result else { return nil }
          if result != notImplemented { return result.raw }
          rt.decref(result)
        }
        let (foundLeft, resultLeft) = callDunder(rt, left, plainName, right)
        return foundLeft ? resultLeft?.raw : rt.newNotImplemented().raw
      }
      let (found, result) = callDunder(rt, left, plainName, right)
      if found {
        guard let result else { return nil }
        if result != notImplemented || !rightHas { return result.raw }
        rt.decref(result)
      }
    }
    if rightHas {
      let (found, result) = callDunder(rt, right, reflectedName, left)
      return found ? result?.raw : rt.newNotImplemented().raw
    }
    return rt.newNotImplemented().raw
  }

  static let unaryNumber: Slot.UnaryNumber = { raw, op, runtime in
    let rt = RuntimeRef(raw: runtime)
    let name: Identifier = op == 0 ? .__neg__ : op == 1 ? .__pos__ : op == 2 ? .__invert__ : .__abs__
    let (found, result) = callDunder(rt, PyRef(raw), name)
    return found ? result?.raw : rt.newNotImplemented().raw
  }

  static let length: Slot.Length = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let (found, result) = callDunder(rt, PyRef(raw), .__len__)
    guard found else {
      rt.raise("TypeError", "object of type '\(PyRef(raw).type.name)' has no len()")
      return -1
    }
    guard let result else { return -1 }
    defer { rt.decref(result) }
    guard rt.isInstance(result, rt.state.pointee.types.int) else {
      rt.raise("TypeError", "'\(result.type.name)' object cannot be interpreted as an integer")
      return -1
    }
    guard let value = IntObject.exactValue(result) else {
      rt.raise("OverflowError", "cannot fit 'int' into an index-sized integer")
      return -1
    }
    if value < 0 {
      rt.raise("ValueError", "__len__() should return >= 0")
      return -1
    }
    return value
  }

  static let isTrue: Slot.Predicate = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let object = PyRef(raw)
    if rt.lookup(object.type, .__bool__) != nil {
      guard let result = callDunder(rt, object, .__bool__).result else { return -1 }
      defer { rt.decref(result) }
      guard rt.isBool(result) else {
        rt.raise("TypeError", "__bool__ should return bool, returned \(result.type.name)")
        return -1
      }
      return result == rt.state.pointee.trueObject ? 1 : 0
    }
    if rt.lookup(object.type, .__len__) != nil {
      let count = length(raw, runtime)
      return count < 0 ? -1 : (count > 0 ? 1 : 0)
    }
    return 1
  }

  static let getItem: Slot.GetItem = { raw, key, runtime in
    let rt = RuntimeRef(raw: runtime)
    let (found, result) = callDunder(rt, PyRef(raw), .__getitem__, PyRef(key))
    if !found { rt.raise("TypeError", "'\(PyRef(raw).type.name)' object is not subscriptable") }
    return result?.raw
  }

  static let setItem: Slot.SetItem = { raw, key, value, runtime in
    let rt = RuntimeRef(raw: runtime)
    let object = PyRef(raw)
    let (found, result) = value.map { callDunder(rt, object, .__setitem__, PyRef(key), PyRef($0)) }
      ?? callDunder(rt, object, .__delitem__, PyRef(key))
    guard found else {
      rt.raise("TypeError", value == nil ? "'\(object.type.name)' object doesn't support item deletion"
                                         : "'\(object.type.name)' object does not support item assignment")
      return -1
    }
    guard let result else { return -1 }
    rt.decref(result)
    return 0
  }

  static let contains: Slot.Contains = { raw, item, runtime in
    let rt = RuntimeRef(raw: runtime)
    let object = PyRef(raw)
    guard rt.lookup(object.type, .__contains__) != nil else {
      // Fall back to iteration, as `in` does without `__contains__`.
      guard let iterator = rt.iter(object) else { return -1 }
      defer { rt.decref(iterator) }
      while let next = rt.next(iterator) {
        let same = rt.richCompareBool(next, PyRef(item), .equal)
        rt.decref(next)
        if same != 0 { return same }
      }
      return rt.hasError ? -1 : 0
    }
    guard let result = callDunder(rt, object, .__contains__, PyRef(item)).result else { return -1 }
    defer { rt.decref(result) }
    return rt.isTrue(result)
  }

  static let iter: Slot.Unary = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let object = PyRef(raw)
    if let method = rt.lookup(object.type, .__iter__) {
      if method == rt.state.pointee.none {
        rt.raise("TypeError", "'\(object.type.name)' object is not iterable")
        return nil
      }
      return rt.callMethodLike(method, boundTo: object, nil, nil)?.raw
    }
    return rt.newSequenceIterator(object)?.raw
  }

  static let iterNext: Slot.IterNext = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let (found, result) = callDunder(rt, PyRef(raw), .__next__)
    if !found { rt.raise("TypeError", "'\(PyRef(raw).type.name)' object is not an iterator") }
    if result == nil, rt.exceptionMatches("StopIteration") { rt.clearError() }
    return result?.raw
  }

  static let getAttribute: Slot.GetAttribute = { raw, name, runtime in
    let rt = RuntimeRef(raw: runtime)
    let object = PyRef(raw)
    var result: PyRef?
    if let custom = rt.lookup(object.type, .__getattribute__), custom.type == rt.state.pointee.types.function {
      result = rt.callMethodLike(custom, boundTo: object, PyRef(name), nil)
    } else {
      result = PyRef(RuntimeRef.genericGetAttribute(raw, name, runtime))
    }
    if result == nil, rt.exceptionMatches("AttributeError"), let fallback = rt.lookup(object.type, .__getattr__) {
      rt.clearError()
      result = rt.callMethodLike(fallback, boundTo: object, PyRef(name), nil)
    }
    return result?.raw
  }

  static let setAttribute: Slot.SetAttribute = { raw, name, value, runtime in
    let rt = RuntimeRef(raw: runtime)
    let object = PyRef(raw)
    let method: Identifier = value == nil ? .__delattr__ : .__setattr__
    guard let custom = rt.lookup(object.type, method), custom.type == rt.state.pointee.types.function else {
      return RuntimeRef.genericSetAttribute(raw, name, value, runtime)
    }
    guard let result = rt.callMethodLike(custom, boundTo: object, PyRef(name), PyRef(value)) else { return -1 }
    rt.decref(result)
    return 0
  }

  static let descriptorGet: Slot.DescriptorGet = { raw, instance, owner, runtime in
    let rt = RuntimeRef(raw: runtime)
    let none = rt.state.pointee.none
    return callDunder(rt, PyRef(raw), .__get__, PyRef(instance) ?? none, PyRef(owner)).result?.raw
  }

  static let descriptorSet: Slot.DescriptorSet = { raw, instance, value, runtime in
    let rt = RuntimeRef(raw: runtime)
    let descriptor = PyRef(raw)
    let (found, result) = value.map { callDunder(rt, descriptor, .__set__, PyRef(instance), PyRef($0)) }
      ?? callDunder(rt, descriptor, .__delete__, PyRef(instance))
    guard found else {
      rt.raise("AttributeError", value == nil ? "__delete__" : "__set__")
      return -1
    }
    guard let result else { return -1 }
    rt.decref(result)
    return 0
  }

  static let call: Slot.VectorCall = { raw, argv, count, names, runtime in
    let rt = RuntimeRef(raw: runtime)
    let object = PyRef(raw)
    guard let method = rt.lookup(object.type, .__call__) else {
      rt.raise("TypeError", "'\(object.type.name)' object is not callable")
      return nil
    }
    if method.type.record.pointee.kind == .function || method.type.record.pointee.kind == .methodDescriptor {
      return callPrepending(rt, method, object, argv, count, names)?.raw
    }
    guard let bound = rt.bindDescriptor(method, object, object.type) else { return nil }
    defer { rt.decref(bound) }
    return rt.call(bound, argv, count: count, keywordNames: PyRef(names))?.raw
  }

  /// Calls `callable(first, *argv…)`: the arguments are copied after `first` into a stack
  /// buffer (no Swift array per call).
  @inline(__always)
  static func callPrepending(_ rt: RuntimeRef, _ callable: PyRef, _ first: PyRef,
                             _ argv: UnsafePointer<UnsafeMutableRawPointer?>, _ count: Int,
                             _ names: UnsafeMutableRawPointer?) -> PyRef? {
    let total = count + (names.map { TupleObject.count(PyRef($0)) } ?? 0)
    return withUnsafeTemporaryAllocation(of: UnsafeMutableRawPointer?.self, capacity: total + 1) { buffer in
      let base = buffer.baseAddress.unsafelyUnwrapped
      base[0] = first.raw
      if total > 0 { (base + 1).update(from: argv, count: total) }
      return rt.call(callable, UnsafePointer(base), count: count + 1, keywordNames: PyRef(names))
    }
  }

  /// `__new__` defined in Python: a static method called with the class first.
  static let new: Slot.VectorCall = { typeRaw, argv, count, names, runtime in
    let rt = RuntimeRef(raw: runtime)
    guard let method = rt.lookup(PyType(typeRaw), .__new__) else { return nil }
    let function = method.type == rt.state.pointee.types.staticMethod ? StaticMethodType.function(method) : method
    return callPrepending(rt, function, PyRef(typeRaw), argv, count, names)?.raw
  }

  static let initialize: Slot.Initialize = { raw, argv, count, names, runtime in
    let rt = RuntimeRef(raw: runtime)
    let object = PyRef(raw)
    guard let method = rt.lookup(object.type, .__init__) else { return 0 }
    let result: PyRef?
    if method.type.record.pointee.kind == .function || method.type.record.pointee.kind == .methodDescriptor {
      result = callPrepending(rt, method, object, argv, count, names)
    } else {
      guard let bound = rt.bindDescriptor(method, object, object.type) else { return -1 }
      result = rt.call(bound, argv, count: count, keywordNames: PyRef(names))
      rt.decref(bound)
    }
    guard let result else { return -1 }
    defer { rt.decref(result) }
    if result != rt.state.pointee.none {
      rt.raise("TypeError", "__init__() should return None, not '\(result.type.name)'")
      return -1
    }
    return 0
  }

  static let finalize: Slot.Finalize = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let (_, result) = callDunder(rt, PyRef(raw), .__del__)
    rt.decref(result)
  }
}

extension RuntimeRef {
  /// Points each protocol slot of a class at the Python-dispatching version when some class
  /// on its MRO defines the dunder in Python, and at the built-in base's slot otherwise.
  func updateClassSlots(_ type: PyType) {
    let record = type.record
    guard type.flags.contains(.heapType), let base = record.pointee.base.map(PyType.init) else { return }
    func definedInPython(_ names: [String]) -> Bool {
      guard let mro = record.pointee.mro.map(PyRef.init) else { return false }
      for index in 0..<TupleObject.count(mro) {
        let klass = PyType(TupleObject.item(mro, index)!.raw)
        guard klass.flags.contains(.heapType), let dict = klass.record.pointee.dict.map(PyRef.init) else { continue }
        for name in names {
          guard let key = internedString(name) else { continue }
          defer { decref(key) }
          if dictGetItem(dict, key) != nil { return true }
        }
      }
      return false
    }
    let b = base.record.pointee
    record.pointee.repr = definedInPython(["__repr__"]) ? ClassSlots.repr : b.repr
    record.pointee.str = definedInPython(["__str__"]) ? ClassSlots.str : b.str
    let definesEq = definedInPython(["__eq__"])
    if definedInPython(["__hash__"]) {
      record.pointee.hash = ClassSlots.hash
      record.pointee.equal = nil
    } else if definesEq {
      record.pointee.hash = RuntimeRef.unhashable
      record.pointee.equal = nil
    } else {
      record.pointee.hash = b.hash
      record.pointee.equal = b.equal
    }
    record.pointee.richCompare = definedInPython(["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"])
      ? ClassSlots.richCompare : b.richCompare
    let binaryNames = ClassSlots.binaryStems.flatMap { ["__\($0)__", "__r\($0)__", "__i\($0)__"] }
    record.pointee.binary = definedInPython(binaryNames) ? ClassSlots.binary : b.binary
    record.pointee.unaryNumber = definedInPython(["__neg__", "__pos__", "__invert__", "__abs__"]) ? ClassSlots.unaryNumber : b.unaryNumber
    record.pointee.length = definedInPython(["__len__"]) ? ClassSlots.length : b.length
    record.pointee.isTrue = definedInPython(["__bool__", "__len__"]) ? ClassSlots.isTrue : b.isTrue
    record.pointee.getItem = definedInPython(["__getitem__"]) ? ClassSlots.getItem : b.getItem
    record.pointee.setItem = definedInPython(["__setitem__", "__delitem__"]) ? ClassSlots.setItem : b.setItem
    record.pointee.contains = definedInPython(["__contains__"]) ? ClassSlots.contains : b.contains
    record.pointee.iter = definedInPython(["__iter__"]) ? ClassSlots.iter : b.iter
    record.pointee.iterNext = definedInPython(["__next__"]) ? ClassSlots.iterNext : b.iterNext
    record.pointee.getAttribute = definedInPython(["__getattribute__", "__getattr__"]) ? ClassSlots.getAttribute : b.getAttribute
    record.pointee.setAttribute = definedInPython(["__setattr__", "__delattr__"]) ? ClassSlots.setAttribute : b.setAttribute
    record.pointee.descriptorGet = definedInPython(["__get__"]) ? ClassSlots.descriptorGet : b.descriptorGet
    record.pointee.descriptorSet = definedInPython(["__set__", "__delete__"]) ? ClassSlots.descriptorSet : b.descriptorSet
    record.pointee.vectorCall = definedInPython(["__call__"]) ? ClassSlots.call : b.vectorCall
    record.pointee.new = definedInPython(["__new__"]) ? ClassSlots.new : b.new
    record.pointee.initialize = definedInPython(["__init__"]) ? ClassSlots.initialize : b.initialize
    record.pointee.finalize = definedInPython(["__del__"]) ? ClassSlots.finalize : b.finalize
  }
}
