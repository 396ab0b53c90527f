/// Making strings from Swift values and reading them back.
/// CPython: Objects/unicodeobject.c, `PyUnicode_FromStringAndSize`, `PyUnicode_FromKindAndData`,
/// `PyUnicode_FromOrdinal`, `PyUnicode_AsUTF8AndSize`.
extension RuntimeRef {
  /// `''`, as a new reference (an immortal singleton).
  @inlinable
  public func emptyString() -> PyRef {
    let empty = state.pointee.text.emptyString
    empty.incref()
    return empty
  }

  /// `chr(codePoint)`, as a new reference: the cached object for U+0000…U+00FF.
  /// ValueError when `codePoint` is above U+10FFFF.
  public func newCharacter(_ codePoint: UInt32) -> PyRef? {
    if codePoint < 256 {
      let cached = state.pointee.text.latin1.unsafelyUnwrapped[Int(codePoint)]
      cached.incref()
      return cached
    }
    guard codePoint <= StrObject.maxCodePoint else {
      raise("ValueError", "chr() arg not in range(0x110000)")
      return nil
    }
    guard let str = StrObject.allocate(self, length: 1, maxChar: codePoint) else { return nil }
    StrObject.write(str, 0, codePoint)
    return str
  }

  /// A str with the text of `string`, in the narrowest kind.
  public func newStr(_ string: String) -> PyRef? {
    var copy = string
    return copy.withUTF8 { newStr(utf8: UnsafeRawBufferPointer($0)) }
  }

  /// A str with the text of `string`; with `cachingCharacters` false, a one-character
  /// text is a new object rather than the cached Latin-1 character.
  public func newStr(_ string: String, cachingCharacters: Bool) -> PyRef? {
    guard !cachingCharacters, string.unicodeScalars.count == 1, let scalar = string.unicodeScalars.first else {
      return newStr(string)
    }
    guard let str = StrObject.allocate(self, length: 1, maxChar: scalar.value) else { return nil }
    StrObject.write(str, 0, scalar.value)
    return str
  }

  /// Decodes strict UTF-8. UnicodeDecodeError with CPython's message on ill-formed input.
  public func newStr(utf8 bytes: UnsafeRawBufferPointer) -> PyRef? {
    let scan = StrUTF8.scan(bytes)
    if let error = scan.error {
      raise("UnicodeDecodeError", error.message)
      return nil
    }
    if scan.length == 0 { return emptyString() }
    if scan.length == 1 { return newCharacter(scan.maxChar) }
    guard let str = StrObject.allocate(self, length: scan.length, maxChar: scan.maxChar) else { return nil }
    StrUTF8.decode(bytes, into: str)
    return str
  }

  /// Decodes strict UTF-8 from an array.
  public func newStr(utf8 bytes: [UInt8]) -> PyRef? {
    bytes.withUnsafeBytes { newStr(utf8: $0) }
  }

  /// A str of these code points (lone surrogates allowed, as in Python).
  /// - Precondition: every code point is at most U+10FFFF.
  public func newStr(codePoints: UnsafeBufferPointer<UInt32>) -> PyRef? {
    var maxChar: UInt32 = 0
    for value in codePoints { maxChar = max(maxChar, value) }
    precondition(maxChar <= StrObject.maxCodePoint, "newStr: code point above U+10FFFF")
    if codePoints.isEmpty { return emptyString() }
    if codePoints.count == 1 { return newCharacter(maxChar) }
    guard let str = StrObject.allocate(self, length: codePoints.count, maxChar: maxChar) else { return nil }
    for (index, value) in codePoints.enumerated() { StrObject.write(str, index, value) }
    return str
  }

  /// A str of these code points (lone surrogates allowed, as in Python).
  public func newStr(codePoints: [UInt32]) -> PyRef? {
    codePoints.withUnsafeBufferPointer { newStr(codePoints: $0) }
  }
}

extension StrObject {
  /// The string as Swift text. Lone surrogates, which Swift strings cannot hold, become
  /// U+FFFD (CPython would raise UnicodeEncodeError when encoding them to UTF-8).
  public static func string(_ str: PyRef) -> String {
    let count = length(str)
    if isASCII(str) {
      return String(decoding: UnsafeBufferPointer(start: data(str).assumingMemoryBound(to: UInt8.self), count: count),
                    as: UTF8.self)
    }
    let view = view(str)
    return String(unsafeUninitializedCapacity: count * 4) { buffer in
      var written = 0
      for index in 0..<count { StrUTF8.encode(view[index], into: buffer, at: &written) }
      return written
    }
  }

  /// The code points, in order.
  public static func codePoints(_ str: PyRef) -> [UInt32] {
    let view = view(str)
    return (0..<view.count).map { view[$0] }
  }
}
