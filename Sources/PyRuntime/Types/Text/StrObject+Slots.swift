import PyCompiler

/// The protocol slots of str: comparison, subscription, membership, the operators.
/// CPython: Objects/unicodeobject.c, `PyUnicode_RichCompare`, `unicode_subscript`,
/// `PyUnicode_Contains`, `unicode_concat`, `unicode_repeat`, `unicode_mod`.
enum StrSlots {
  /// Code-point order between two str instances; NotImplemented for anything else.
  static let richCompare: Slot.RichCompare = { a, b, op, runtime in
    let rt = RuntimeRef(raw: runtime)
    let left = PyRef(a), right = PyRef(b)
    guard right.type.record.pointee.kind == .str, left.type.record.pointee.kind == .str else {
      return rt.newNotImplemented().raw
    }
    let op = ComparisonOperator.fromRaw(op)
    switch op {
    case .equal: return rt.newBool(StrObject.equals(left, right)).raw
    case .notEqual: return rt.newBool(!StrObject.equals(left, right)).raw
    default: return rt.newBool(op.holds(StrObject.compare(left, right))).raw
    }
  }

  /// `s[i]` and `s[i:j:k]`.
  static let getItem: Slot.GetItem = { raw, key, runtime in
    let rt = RuntimeRef(raw: runtime)
    let str = PyRef(raw), key = PyRef(key)
    let keyKind = key.type.record.pointee.kind
    if keyKind == .slice {
      guard let (start, _, step, count) = rt.adjustedSliceIndices(key, length: StrObject.length(str)) else { return nil }
      return rt.strSliceIndices(str, start: start, step: step, count: count)?.raw
    }
    guard rt.textSupportsIndex(key) else {
      rt.raise("TypeError", "string indices must be integers, not '\(key.type.name)'")
      return nil
    }
    guard let index = rt.textIndexValue(key, overflow: .raise("IndexError")) else { return nil }
    return rt.strGetItem(str, index)?.raw
  }

  /// `sub in s`.
  static let contains: Slot.Contains = { raw, item, runtime in
    let rt = RuntimeRef(raw: runtime)
    let str = PyRef(raw), item = PyRef(item)
    guard item.type.record.pointee.kind == .str else {
      rt.raise("TypeError", "'in <string>' requires string as left operand, not \(item.type.name)")
      return -1
    }
    let haystack = StrObject.view(str), needle = StrObject.view(item)
    if needle.count > haystack.count { return 0 }
    return StrSearch.find(haystack, needle, from: 0, to: haystack.count) >= 0 ? 1 : 0
  }

  /// `+` (str and str), `*` (str and an index, either order), `%` (formatting). Everything
  /// else, and the in-place forms, are NotImplemented (the in-place forms then fall back).
  static let binary: Slot.Binary = { a, b, op, runtime in
    let rt = RuntimeRef(raw: runtime)
    let left = PyRef(a), right = PyRef(b)
    guard op < BinaryOperator.inplaceOffset else { return rt.newNotImplemented().raw }
    let leftIsStr = left.type.record.pointee.kind == .str
    let rightIsStr = right.type.record.pointee.kind == .str
    switch BinaryOperator(rawValue: UInt8(op)) {
    case .add:
      guard leftIsStr, rightIsStr else { return rt.newNotImplemented().raw }
      return rt.strConcat(left, right)?.raw
    case .multiply:
      let (str, count) = leftIsStr ? (left, right) : (right, left)
      guard str.type.record.pointee.kind == .str, rt.textSupportsIndex(count) else { return rt.newNotImplemented().raw }
      guard let times = rt.textIndexValue(count, overflow: .raise("OverflowError")) else { return nil }
      return rt.strRepeat(str, times)?.raw
    case .remainder:
      guard leftIsStr else { return rt.newNotImplemented().raw }
      return rt.percentFormat(left, right)?.raw
    default:
      return rt.newNotImplemented().raw
    }
  }
}

extension RuntimeRef {
  /// The str selected by slice indices already adjusted to `s` (see
  /// ``adjustedSliceIndices(_:length:)``).
  func strSliceIndices(_ str: PyRef, start: Int, step: Int, count: Int) -> PyRef? {
    if count <= 0 { return emptyString() }
    if step == 1 { return StrObject.substring(self, str, start, start + count) }
    let view = StrObject.view(str)
    var maxChar: UInt32 = 0
    for index in 0..<count { maxChar = max(maxChar, view[start + index * step]) }
    if count == 1 { return newCharacter(maxChar) }
    guard let result = StrObject.allocate(self, length: count, maxChar: maxChar) else { return nil }
    for index in 0..<count { StrObject.write(result, index, view[start + index * step]) }
    return result
  }

  /// `str` itself when it is an exact str, else an exact copy of its characters
  /// (`unicode_result_unchanged`): a method of a str subclass returns plain str.
  func strExact(_ str: PyRef) -> PyRef? {
    if str.type == state.pointee.types.str {
      str.incref()
      return str
    }
    return StrObject.substringCopy(self, str, 0, StrObject.length(str))
  }
}

extension StrObject {
  /// A new exact str with `s[start..<end]`, never `s` itself (`_PyUnicode_Copy` for the
  /// whole string).
  static func substringCopy(_ rt: RuntimeRef, _ str: PyRef, _ start: Int, _ end: Int) -> PyRef? {
    let count = end - start
    if count <= 0 { return rt.emptyString() }
    let view = view(str)
    if count == 1 { return rt.newCharacter(view[start]) }
    let maxChar = isASCII(str) ? 0x7F : view.maxChar(start..<end)
    guard let result = allocate(rt, length: count, maxChar: maxChar) else { return nil }
    copy(str, from: start, to: result, at: 0, count: count)
    return result
  }
}
