/// `complex(real=0, imag=0)`: the type's `new` slot.
///
/// A str is parsed (`'1+2j'`, `' (1.5-2J) '`, `'j'`, `'-nanj'`, underscores between
/// digits) and allows no second argument; otherwise each argument may be a complex, an
/// object with `__complex__` (the first only), or anything `float()` takes through
/// `__float__`/`__index__`, and the result is `real + imag·1j` computed as CPython does
/// (`complex(1j, 1j) == (-1+1j)`).
/// CPython: Objects/complexobject.c, `complex_new_impl`, `complex_from_string_inner`,
/// `try_complex_special_method`.
enum ComplexConstruction {
  static let new: Slot.VectorCall = { typeRaw, argv, count, names, runtime in
    let args = Arguments(runtime, argv, count, names)
    let rt = args.rt
    let total = count + args.keywordCount
    guard total <= 2 else {
      rt.raise("TypeError", "complex() takes at most 2 arguments (\(total) given)")
      return nil
    }
    var bound: [PyRef?] = [count > 0 ? args[0] : nil, count > 1 ? args[1] : nil]
    for index in 0..<args.keywordCount {
      let (name, value) = args.keyword(index)
      let text = StrObject.string(name)
      guard let position = ["real", "imag"].firstIndex(of: text) else {
        rt.raise("TypeError", "'\(text)' is an invalid keyword argument for complex()")
        return nil
      }
      if bound[position] != nil {
        rt.raise("TypeError", "argument for complex() given by name ('\(text)') and position (\(position + 1))")
        return nil
      }
      bound[position] = value
    }
    let type = PyType(typeRaw)
    if let real = bound[0], bound[1] == nil, real.type == rt.state.pointee.types.complex,
       type == rt.state.pointee.types.complex {
      real.incref()
      return real.raw
    }
    guard let value = rt.complexValue(real: bound[0], imag: bound[1]) else { return nil }
    guard let object = rt.allocateObject(type) else { return nil }
    rt.initializeInstanceSlots(object)
    ComplexObject.store(object, value)
    if type.isGC { rt.track(object) }
    return object.raw
  }
}

extension RuntimeRef {
  /// The value `complex(real, imag)` stands for (either may be nil).
  func complexValue(real realArgument: PyRef?, imag: PyRef?) -> Complex? {
    guard let real = realArgument else {
      guard let imag else { return Complex(0, 0) }
      return complexValue(real: smallInt(0), imag: imag, ownsReal: true)
    }
    if real.type.record.pointee.kind == .str {
      if imag != nil {
        raise("TypeError", "complex() can't take second arg if first is a string")
        return nil
      }
      return complexFromText(real)
    }
    real.incref()
    return complexValue(real: real, imag: imag, ownsReal: true)
  }

  /// `real` is consumed.
  private func complexValue(real first: PyRef, imag: PyRef?, ownsReal: Bool) -> Complex? {
    var real = first
    defer { decref(real) }
    if let imag, imag.type.record.pointee.kind == .str {
      raise("TypeError", "complex() second arg can't be a string")
      return nil
    }
    let (hasComplex, viaComplex) = callSpecial(real, "__complex__")
    if hasComplex {
      guard let result = viaComplex else { return nil }
      guard isComplex(result) else {
        raise("TypeError", "__complex__ returned non-complex (type \(result.type.name))")
        decref(result)
        return nil
      }
      decref(real)
      real = result
    }
    guard isComplex(real) || isNumberLike(real) else {
      raise("TypeError", "complex() first argument must be a string or a number, not '\(real.type.name)'")
      return nil
    }
    if let imag, !(isComplex(imag) || isNumberLike(imag)) {
      raise("TypeError", "complex() second argument must be a number, not '\(imag.type.name)'")
      return nil
    }
    var realPart: Complex
    if isComplex(real) {
      realPart = ComplexObject.value(real)
    } else {
      guard let x = asDouble(real) else { return nil }
      realPart = Complex(x, 0)
    }
    var imagPart: Complex
    if let imag {
      if isComplex(imag) {
        imagPart = ComplexObject.value(imag)
      } else {
        guard let y = asDouble(imag) else { return nil }
        imagPart = Complex(y, 0)
      }
      if isComplex(imag) { realPart.real -= imagPart.imag }
      if isComplex(real) { imagPart.real += realPart.imag }
    } else {
      imagPart = Complex(realPart.imag, 0)
    }
    return Complex(realPart.real, imagPart.real)
  }

  /// Whether `x` converts with `float()` as a number would (`nb_float` or `nb_index`).
  private func isNumberLike(_ x: PyRef) -> Bool {
    isNumber(x) || lookup(x.type, "__float__") != nil || lookup(x.type, "__index__") != nil
  }

  /// `complex(text)`. ValueError "complex() arg is a malformed string".
  func complexFromText(_ text: PyRef) -> Complex? {
    var bytes = IntLiteral.asciiForm(StrObject.string(text))
    if bytes.contains(UInt8(ascii: "_")) {
      guard let cleaned = FloatText.removeUnderscores(bytes) else {
        // `_Py_string_to_number_with_underscores`'s own message.
        let description = reprString(text) ?? ""
        raise("ValueError", "could not convert string to complex: " + description)
        return nil
      }
      bytes = cleaned
    }
    guard let value = ComplexText.parse(bytes) else { return malformedComplex() }
    return value
  }

  private func malformedComplex() -> Complex? {
    raise("ValueError", "complex() arg is a malformed string")
    return nil
  }
}

/// The complex literal syntax of `complex(text)`: `<float>`, `<float>j`,
/// `<float><signed float>j`, and the older `<float><sign>j`, `<sign>j`, `j`, with optional
/// whitespace and parentheses around.
enum ComplexText {
  static func parse(_ bytes: [UInt8]) -> Complex? {
    var index = 0
    let end = bytes.count
    func at(_ position: Int) -> UInt8 { position < end ? bytes[position] : 0 }
    func isJ(_ byte: UInt8) -> Bool { byte | 0x20 == UInt8(ascii: "j") }
    func isSign(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") }
    while IntLiteral.isSpace(at(index)) { index += 1 }
    var bracket = false
    if at(index) == UInt8(ascii: "(") {
      bracket = true
      index += 1
      while IntLiteral.isSpace(at(index)) { index += 1 }
    }
    var real = 0.0, imag = 0.0
    if let (first, afterFirst) = scanFloat(bytes, index) {
      index = afterFirst
      if isSign(at(index)) {
        real = first
        if let (second, afterSecond) = scanFloat(bytes, index) {
          imag = second
          index = afterSecond
        } else {
          imag = at(index) == UInt8(ascii: "+") ? 1 : -1
          index += 1
        }
        guard isJ(at(index)) else { return nil }
        index += 1
      } else if isJ(at(index)) {
        imag = first
        index += 1
      } else {
        real = first
      }
    } else {
      if isSign(at(index)) {
        imag = at(index) == UInt8(ascii: "+") ? 1 : -1
        index += 1
      } else {
        imag = 1
      }
      guard isJ(at(index)) else { return nil }
      index += 1
    }
    while IntLiteral.isSpace(at(index)) { index += 1 }
    if bracket {
      guard at(index) == UInt8(ascii: ")") else { return nil }
      index += 1
      while IntLiteral.isSpace(at(index)) { index += 1 }
    }
    return index == end ? Complex(real, imag) : nil
  }

  /// The longest float at `start` (`PyOS_string_to_double` without the full-match check):
  /// sign, then `inf`/`infinity`/`nan` or digits with an optional point and exponent.
  static func scanFloat(_ bytes: [UInt8], _ start: Int) -> (Double, Int)? {
    var index = start
    let end = bytes.count
    var negative = false
    if index < end && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) {
      negative = bytes[index] == UInt8(ascii: "-")
      index += 1
    }
    func matches(_ word: String) -> Bool {
      let letters = Array(word.utf8)
      guard index + letters.count <= end else { return false }
      for (offset, letter) in letters.enumerated() where bytes[index + offset] | 0x20 != letter { return false }
      return true
    }
    if matches("infinity") { return (negative ? -.infinity : .infinity, index + 8) }
    if matches("inf") { return (negative ? -.infinity : .infinity, index + 3) }
    if matches("nan") { return (negative ? -.nan : .nan, index + 3) }
    let digitsStart = index
    var digits = 0
    while index < end && FloatText.isDigit(bytes[index]) { index += 1; digits += 1 }
    if index < end && bytes[index] == UInt8(ascii: ".") {
      index += 1
      while index < end && FloatText.isDigit(bytes[index]) { index += 1; digits += 1 }
    }
    guard digits > 0 else { return nil }
    if index < end && bytes[index] | 0x20 == UInt8(ascii: "e") {
      var exponentEnd = index + 1
      if exponentEnd < end && (bytes[exponentEnd] == UInt8(ascii: "+") || bytes[exponentEnd] == UInt8(ascii: "-")) {
        exponentEnd += 1
      }
      let exponentDigitsStart = exponentEnd
      while exponentEnd < end && FloatText.isDigit(bytes[exponentEnd]) { exponentEnd += 1 }
      if exponentEnd > exponentDigitsStart { index = exponentEnd }
    }
    guard let magnitude = Double(String(decoding: bytes[digitsStart..<index], as: UTF8.self)) else { return nil }
    return (negative ? -magnitude : magnitude, index)
  }
}
