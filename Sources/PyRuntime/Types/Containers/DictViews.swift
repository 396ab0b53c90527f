import PyCompiler

/// `dict.keys()`, `dict.values()`, `dict.items()`: live views of a dict. Keys and items
/// views are set-like (`&`, `|`, `-`, `^` give sets; comparisons are subset tests).
///
/// ```
///   -16 GC header | 0 refcount | 8 type | 16 dict
/// ```
/// CPython: Objects/dictobject.c, `_PyDictViewObject`, `dictviews_*`.
enum DictView {
  static let dictOffset = 16
  static let basicSize = 24

  static func makeTypes(_ rt: RuntimeRef) {
    for (kind, name) in [(DictIterator.Kind.keys, "dict_keys"), (.values, "dict_values"), (.items, "dict_items")] {
      let type = rt.makeType(name: name, basicSize: basicSize, flags: [.haveGC], dealloc: dealloc, traverse: traverse,
                             clear: clear)
      let record = type.record
      record.pointee.length = length
      record.pointee.repr = repr
      switch kind {
      case .keys:
        record.pointee.iter = { raw, runtime in DictView.iterator(raw, runtime, .keys) }
        record.pointee.contains = containsKey
      case .values:
        record.pointee.iter = { raw, runtime in DictView.iterator(raw, runtime, .values) }
      case .items:
        record.pointee.iter = { raw, runtime in DictView.iterator(raw, runtime, .items) }
        record.pointee.contains = containsItem
      }
      if kind != .values {
        record.pointee.richCompare = richCompare
        record.pointee.binary = binary
        record.pointee.hash = RuntimeRef.unhashable
      }
      rt.readyBuiltinType(type, base: nil, kind: .other)
      record.pointee.new = nil
      rt.addSlotWrappers(type)
      var methods = [reversedMethod(kind)]
      if kind != .values { methods.append(MethodDefinition("isdisjoint", isDisjoint)) }
      rt.addMethods(type, methods)
      rt.addGetSets(type, [GetSetDefinition("mapping", { raw, runtime in
        let rt = RuntimeRef(raw: runtime)
        guard let dict = PyRef(raw).loadRef(at: DictView.dictOffset) else { return rt.newNone().raw }
        return rt.newMappingProxy(dict)?.raw
      })])
      rt.state.pointee.types.byName[name] = type
    }
  }

  static let dealloc: Slot.Dealloc = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let view = PyRef(raw)
    rt.untrack(view)
    IteratorSupport.release(view, from: dictOffset, fields: 1, rt)
    rt.freeObject(view)
  }

  static let traverse: Slot.Traverse = { raw, visit, arg in
    IteratorSupport.visit(PyRef(raw), from: dictOffset, fields: 1, visit, arg)
  }

  static let clear: Slot.Clear = { raw, runtime in
    IteratorSupport.release(PyRef(raw), from: dictOffset, fields: 1, RuntimeRef(raw: runtime))
  }

  static func new(_ dict: PyRef, _ name: String, _ rt: RuntimeRef) -> PyRef? {
    let views = rt.state.pointee.containers.types.dictViews
    let type = views.isEmpty ? rt.state.pointee.types.byName[name]!
      : views[name == "dict_keys" ? 0 : name == "dict_values" ? 1 : 2]
    guard let view = rt.allocateObject(type) else { return nil }
    IteratorSupport.store(view, dict, at: dictOffset)
    rt.track(view)
    return view
  }

  static func isSetLike(_ object: PyRef, _ rt: RuntimeRef) -> Bool {
    let type = object.type, views = rt.state.pointee.containers.types.dictViews
    return type == views[0] || type == views[2]
  }

  static let length: Slot.Length = { raw, _ in
    PyRef(raw).loadRef(at: dictOffset).map(DictObject.count) ?? 0
  }

  static func iterator(_ raw: UnsafeMutableRawPointer, _ runtime: RawRuntime, _ kind: DictIterator.Kind) -> UnsafeMutableRawPointer? {
    let rt = RuntimeRef(raw: runtime)
    guard let dict = PyRef(raw).loadRef(at: dictOffset) else { return rt.newTuple([]).flatMap { rt.iter($0) }?.raw }
    return DictIterator.new(dict, kind, reversed: false, rt)?.raw
  }

  static func reversedMethod(_ kind: DictIterator.Kind) -> MethodDefinition {
    let code: Slot.VectorCall
    switch kind {
    case .keys: code = { _, argv, count, names, runtime in DictView.reversedView(argv, count, names, runtime, .keys, "dict_keys") }
    case .values: code = { _, argv, count, names, runtime in DictView.reversedView(argv, count, names, runtime, .values, "dict_values") }
    case .items: code = { _, argv, count, names, runtime in DictView.reversedView(argv, count, names, runtime, .items, "dict_items") }
    }
    return MethodDefinition("__reversed__", code)
  }

  static func reversedView(_ argv: UnsafePointer<UnsafeMutableRawPointer?>, _ count: Int, _ names: UnsafeMutableRawPointer?,
                           _ runtime: RawRuntime, _ kind: DictIterator.Kind, _ typeName: String) -> UnsafeMutableRawPointer? {
    let args = Arguments(runtime, argv, count, names)
    guard args.takesNoArguments("\(typeName).__reversed__") else { return nil }
    guard let dict = args[0].loadRef(at: dictOffset) else { return args.rt.newTuple([]).flatMap { args.rt.iter($0) }?.raw }
    return DictIterator.new(dict, kind, reversed: true, args.rt)?.raw
  }

  /// `dict_keys(['a', 'b'])`.
  static let repr: Slot.Unary = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let view = PyRef(raw)
    guard rt.reprEnter(view) else { return rt.newStr("...")?.raw }
    defer { rt.reprLeave(view) }
    guard let list = rt.listFrom(view) else { return nil }
    defer { rt.decref(list) }
    var builder = TextBuilder(capacity: 3)
    guard builder.append(view.type.name, rt) else { return nil }
    builder.append("(")
    guard builder.appendRepr(list, rt) else { builder.discard(rt); return nil }
    builder.append(")")
    return builder.finish(rt)?.raw
  }

  static let containsKey: Slot.Contains = { raw, key, runtime in
    guard let dict = PyRef(raw).loadRef(at: dictOffset) else { return 0 }
    return RuntimeRef(raw: runtime).dictContains(dict, PyRef(key))
  }

  /// `(k, v) in d.items()`: `k` maps to a value equal to `v`.
  static let containsItem: Slot.Contains = { raw, itemRaw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let item = PyRef(itemRaw)
    guard let dict = PyRef(raw).loadRef(at: dictOffset), item.type.record.pointee.kind == .tuple, item.size == 2 else {
      return 0
    }
    let key = TupleObject.item(item, 0)!, value = TupleObject.item(item, 1)!
    guard let found = rt.dictGetItem(dict, key) else { return rt.hasError ? -1 : 0 }
    found.incref()
    defer { rt.decref(found) }
    return rt.richCompareBool(found, value, .equal)
  }

  /// Set-like comparisons with sets and other keys/items views: sizes first, then
  /// containment.
  static let richCompare: Slot.RichCompare = { a, b, op, runtime in
    let rt = RuntimeRef(raw: runtime)
    let view = PyRef(a), other = PyRef(b)
    guard rt.isAnySet(other) || isSetLike(other, rt) else { return rt.newNotImplemented().raw }
    let selfLength = rt.length(view)
    if selfLength < 0 { return nil }
    let otherLength = rt.length(other)
    if otherLength < 0 { return nil }
    var result: Int32 = 0
    switch ComparisonOperator(rawValue: UInt8(op))! {
    case .equal, .notEqual:
      if selfLength == otherLength { result = rt.allContained(view, in: other) }
      if op == Int32(ComparisonOperator.notEqual.rawValue) && result >= 0 { result = result == 0 ? 1 : 0 }
    case .lessThan: if selfLength < otherLength { result = rt.allContained(view, in: other) }
    case .lessOrEqual: if selfLength <= otherLength { result = rt.allContained(view, in: other) }
    case .greaterThan: if selfLength > otherLength { result = rt.allContained(other, in: view) }
    case .greaterOrEqual: if selfLength >= otherLength { result = rt.allContained(other, in: view) }
    }
    if result < 0 { return nil }
    return rt.newBool(result == 1).raw
  }

  /// `&`, `|`, `-`, `^` with any iterable on the other side: a new set.
  static let binary: Slot.Binary = { a, b, op, runtime in
    let rt = RuntimeRef(raw: runtime)
    let left = PyRef(a), right = PyRef(b)
    switch op {
    case UInt32(BinaryOperator.subtract.rawValue):
      guard let result = rt.newSet(left) else { return nil }
      guard rt.setDifferenceUpdate(result, right) else { rt.decref(result); return nil }
      return result.raw
    case UInt32(BinaryOperator.or.rawValue):
      guard let result = rt.newSet(left) else { return nil }
      guard rt.setUpdate(result, right) else { rt.decref(result); return nil }
      return result.raw
    case UInt32(BinaryOperator.xor.rawValue):
      let itemsType = rt.state.pointee.containers.types.dictViews[2]
      if left.type == itemsType && right.type == itemsType {
        return rt.dictItemsSymmetricDifference(left, right)?.raw
      }
      guard let result = rt.newSet(left) else { return nil }
      guard rt.setSymmetricDifferenceUpdate(result, right) else { rt.decref(result); return nil }
      return result.raw
    case UInt32(BinaryOperator.and.rawValue):
      return rt.dictViewIntersection(left, right)?.raw
    default:
      return rt.newNotImplemented().raw
    }
  }

  /// `view.isdisjoint(iterable)`.
  static let isDisjoint: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = Arguments(runtime, argv, count, names)
    guard args.takesOneArgument("isdisjoint") else { return nil }
    let rt = args.rt
    var view = args[0], other = args[1]
    if view == other { return rt.newBool(rt.length(view) == 0).raw }
    if rt.isAnySet(other) || isSetLike(other, rt) {
      let otherLength = rt.length(other)
      if otherLength < 0 { return nil }
      if otherLength > rt.length(view) { swap(&view, &other) }
    }
    var disjoint = true
    let ok = rt.forEach(other) { item in
      let found = rt.contains(view, item)
      if found != 0 { disjoint = false; return false }
      return true
    }
    guard ok else { return nil }
    return rt.newBool(disjoint).raw
  }
}

extension RuntimeRef {
  /// Every item of `a` is in `b` (`all_contained_in`): 1, 0, or -1 with an error set.
  func allContained(_ a: PyRef, in b: PyRef) -> Int32 {
    var result: Int32 = 1
    let ok = forEach(a) { item in
      let found = contains(b, item)
      if found <= 0 { result = found; return false }
      return true
    }
    return ok ? result : -1
  }

  /// `view & other` (`dictviews_and`).
  func dictViewIntersection(_ a: PyRef, _ b: PyRef) -> PyRef? {
    var view = a, other = b
    if !DictView.isSetLike(view, self) { swap(&view, &other) }
    let viewLength = length(view)
    if other.type == state.pointee.types.set {
      let otherLength = length(other)
      if otherLength < 0 { return nil }
      if viewLength <= otherLength { return setIntersection(other, view) }
    }
    if DictView.isSetLike(other, self), length(other) > viewLength { swap(&view, &other) }
    guard let result = newSet(nil) else { return nil }
    let ok = forEach(other) { key in
      let found = contains(view, key)
      if found < 0 { return false }
      if found > 0 && !setAdd(result, key) { return false }
      return true
    }
    guard ok else { decref(result); return nil }
    return result
  }

  /// `items ^ items` (`dictitems_xor`): the pairs of either dict not equal in the other.
  func dictItemsSymmetricDifference(_ a: PyRef, _ b: PyRef) -> PyRef? {
    guard let first = a.loadRef(at: DictView.dictOffset), let second = b.loadRef(at: DictView.dictOffset) else {
      return newSet(nil)
    }
    guard let remaining = dictCopy(first) else { return nil }
    defer { decref(remaining) }
    guard let result = newSet(nil) else { return nil }
    var position = 0
    while let (key, value, hash) = dictNext(second, &position) {
      key.incref()
      value.incref()
      defer { decref(key); decref(value) }
      var drop = false
      if let mine = dictGetItem(remaining, key, hash: hash) {
        mine.incref()
        let same = richCompareBool(mine, value, .equal)
        decref(mine)
        if same < 0 { decref(result); return nil }
        drop = same == 1
      } else if hasError {
        decref(result)
        return nil
      }
      if drop {
        guard dictDelItem(remaining, key) else { decref(result); return nil }
      } else {
        key.incref()
        value.incref()
        guard let pair = newTuple([key, value]) else { decref(result); return nil }
        let added = setAdd(result, pair)
        decref(pair)
        guard added else { decref(result); return nil }
      }
    }
    guard let items = DictView.new(remaining, "dict_items", self) else { decref(result); return nil }
    defer { decref(items) }
    guard setUpdate(result, items) else { decref(result); return nil }
    return result
  }
}
