/// `str.maketrans` and `str.translate`.
/// CPython: Objects/unicodeobject.c, `unicode_maketrans_impl`, `_PyUnicode_TranslateCharmap`,
/// `charmaptranslate_lookup`.
extension RuntimeRef {
  /// `str.maketrans(x)`, `str.maketrans(x, y)`, `str.maketrans(x, y, z)`: a new dict from
  /// code points to code points, strings or None.
  public func strMakeTrans(_ x: PyRef, _ y: PyRef?, _ z: PyRef?) -> PyRef? {
    guard let table = newDict() else { return nil }
    func put(_ key: Int, _ value: PyRef) -> Bool {
      guard let keyObject = newInt(key) else { return false }
      defer { decref(keyObject) }
      return dictSetItem(table, keyObject, value)
    }
    func fail() -> PyRef? {
      decref(table)
      return nil
    }
    guard let y else {
      guard x.type.record.pointee.kind == .dict else {
        raise("TypeError", "if you give only one argument to maketrans it must be a dict")
        return fail()
      }
      for (key, value) in dictItems(x) {
        if isStr(key) {
          guard StrObject.length(key) == 1 else {
            raise("ValueError", "string keys in translate table must be of length 1")
            return fail()
          }
          guard put(Int(StrObject.codePoint(key, 0)), value) else { return fail() }
        } else if isInt(key) || key.type.record.pointee.kind == .int {
          guard dictSetItem(table, key, value) else { return fail() }
        } else {
          raise("TypeError", "keys in translate table must be strings or integers")
          return fail()
        }
      }
      return table
    }
    guard isStr(x) else {
      raise("TypeError", "first maketrans argument must be a string if there is a second argument")
      return fail()
    }
    guard isStr(y) else {
      raise("TypeError", "maketrans() argument 2 must be str, not \(y.type.name)")
      return fail()
    }
    if let z, !isStr(z) {
      raise("TypeError", "maketrans() argument 3 must be str, not \(z.type.name)")
      return fail()
    }
    guard StrObject.length(x) == StrObject.length(y) else {
      raise("ValueError", "the first two maketrans arguments must have equal length")
      return fail()
    }
    for index in 0..<StrObject.length(x) {
      guard let value = newInt(Int(StrObject.codePoint(y, index))) else { return fail() }
      defer { decref(value) }
      guard put(Int(StrObject.codePoint(x, index)), value) else { return fail() }
    }
    if let z {
      for index in 0..<StrObject.length(z) {
        guard put(Int(StrObject.codePoint(z, index)), state.pointee.none) else { return fail() }
      }
    }
    return table
  }

  /// `s.translate(table)`: each character's code point is looked up with `table[i]`; a
  /// LookupError keeps the character, None deletes it, an int or a str replaces it.
  public func strTranslate(_ str: PyRef, _ table: PyRef) -> PyRef? {
    let view = StrObject.view(str)
    var builder = StrBuilder(capacity: view.count)
    /// What each code point seen so far maps to: nil deletes.
    var cache: [UInt32: [UInt32]?] = [:]
    for index in 0..<view.count {
      let value = view[index]
      if let known = cache[value] {
        if let known { builder.append(contentsOf: known) }
        continue
      }
      guard let key = newInt(Int(value)) else { return nil }
      let mapped = textGetItem(table, key)
      decref(key)
      guard let mapped else {
        guard exceptionMatches("LookupError") else { return nil }
        clearError()
        cache[value] = .some([value])
        builder.append(value)
        continue
      }
      defer { decref(mapped) }
      let replacement: [UInt32]?
      if mapped == state.pointee.none {
        replacement = nil
      } else if isInt(mapped) || mapped.type.record.pointee.kind == .int {
        guard let code = IntObject.exactValue(mapped), code >= 0, code <= Int(StrObject.maxCodePoint) else {
          raise("ValueError", "character mapping must be in range(0x110000)")
          return nil
        }
        replacement = [UInt32(code)]
      } else if isStr(mapped) {
        replacement = StrObject.codePoints(mapped)
      } else {
        raise("TypeError", "character mapping must return integer, None or str")
        return nil
      }
      cache[value] = .some(replacement)
      if let replacement { builder.append(contentsOf: replacement) }
    }
    return builder.finish(self)
  }
}
