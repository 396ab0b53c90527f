/// `groupby(iterable, key=None)`: pairs of a key and a `_grouper` iterating the run of
/// consecutive items with that key. The groupby and its current grouper share the
/// iterator: advancing the groupby invalidates the previous grouper (CPython records the
/// current grouper's address, without a reference, and a grouper that is no longer the
/// current one yields nothing). CPython: Modules/itertoolsmodule.c (`groupby_next`,
/// `groupby_step`, `_grouper_create`, `_grouper_next`).
///
/// groupby fields: 0 iterator, 1 key function or nil, 2 target key, 3 target value,
/// 4 current key, 5 current value; word 0 the current grouper's address.
/// _grouper fields: 0 the groupby, 1 the grouper's key.
extension Itertools {
  static let groupByNew: Slot.VectorCall = { typeRaw, argv, count, names, runtime in
    let rt = RuntimeRef(raw: runtime)
    let args = Arguments(runtime, argv, count, names)
    guard let bound = args.bindClinic("groupby", ["iterable", "key"], required: 1) else { return nil }
    let key = bound[1].flatMap { $0 == rt.state.pointee.none ? nil : retained($0) }
    return wrapping(rt, PyType(typeRaw), bound[0]!, [key])
  }

  /// Reads the next item and its key into the current slots. False at the end or on error.
  static func groupByStep(_ rt: RuntimeRef, _ group: PyRef) -> Bool {
    guard let value = rt.next(field(group, 0)!) else { return false }
    let key: PyRef
    if let function = field(group, 1) {
      guard let computed = rt.call(function, [value]) else {
        rt.decref(value)
        return false
      }
      key = computed
    } else {
      key = retained(value)
    }
    setField(rt, group, 5, value)
    setField(rt, group, 4, key)
    return true
  }

  static let groupByNext: Slot.IterNext = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let group = PyRef(raw)
    setWord(group, 0, 0)
    // Skip to the first item whose key differs from the target's.
    while true {
      if let current = field(group, 4) {
        guard let target = field(group, 2) else { break }
        let same = rt.richCompareBool(target, current, .equal)
        if same < 0 { return nil }
        if same == 0 { break }
      }
      guard groupByStep(rt, group) else { return nil }
    }
    let currentKey = field(group, 4)!, currentValue = field(group, 5)!
    setField(rt, group, 2, retained(currentKey))
    setField(rt, group, 3, retained(currentValue))
    guard let grouper = allocate(rt, Itertools.type(rt, "_grouper")) else { return nil }
    setField(rt, grouper, 0, retained(group))
    setField(rt, grouper, 1, retained(field(group, 2)!))
    _ = finish(rt, grouper)
    setWord(group, 0, Int(bitPattern: grouper.raw))
    return rt.newTuple([retained(currentKey), grouper])?.raw
  }

  static let grouperNext: Slot.IterNext = { raw, runtime in
    let rt = RuntimeRef(raw: runtime)
    let grouper = PyRef(raw)
    let group = field(grouper, 0)!
    guard word(group, 0) == Int(bitPattern: raw) else { return nil }
    if field(group, 5) == nil {
      guard groupByStep(rt, group) else { return nil }
    }
    let same = rt.richCompareBool(field(grouper, 1)!, field(group, 4)!, .equal)
    if same <= 0 { return nil }
    let value = field(group, 5)!
    group.storeRef(nil, at: 16 + 8 * 5)
    setField(rt, group, 4, nil)
    return value.raw
  }
}
