/// Builds a str out of str objects and ASCII literals, copying code units straight into the
/// result (`_PyUnicodeWriter`, in miniature): what the containers' reprs are made of, so
/// `repr([...])` never round-trips through Swift strings.
/// CPython: Objects/unicodeobject.c, `_PyUnicodeWriter_WriteStr()` and friends.
struct TextBuilder {
  private enum Piece {
    case object(PyRef)
    case ascii(StaticString)
  }

  private var pieces: [Piece] = []
  private var length = 0
  private var maxChar: UInt32 = 0x7F

  init(capacity: Int = 0) { pieces.reserveCapacity(capacity) }

  /// Appends an ASCII literal.
  mutating func append(_ literal: StaticString) {
    pieces.append(.ascii(literal))
    length += literal.utf8CodeUnitCount
  }

  /// Appends a str, taking over the reference.
  mutating func append(owned str: PyRef) {
    pieces.append(.object(str))
    length += StrObject.length(str)
    maxChar = max(maxChar, StrObject.maxCharBound(str))
  }

  /// Appends `repr(object)`; false with an exception set (the builder must still be
  /// discarded by the caller).
  mutating func appendRepr(_ object: PyRef, _ rt: RuntimeRef) -> Bool {
    guard let text = rt.repr(object) else { return false }
    append(owned: text)
    return true
  }

  /// Appends a Swift string (type names and other short text).
  mutating func append(_ text: String, _ rt: RuntimeRef) -> Bool {
    guard let object = rt.newStr(text) else { return false }
    append(owned: object)
    return true
  }

  /// The finished str (new reference), or nil with `MemoryError`; releases the pieces.
  consuming func finish(_ rt: RuntimeRef) -> PyRef? {
    defer { discard(rt) }
    if length == 0 { return rt.emptyString() }
    guard let result = StrObject.allocate(rt, length: length, maxChar: maxChar) else { return nil }
    var position = 0
    for piece in pieces {
      switch piece {
      case .object(let str):
        let count = StrObject.length(str)
        StrObject.copy(str, from: 0, to: result, at: position, count: count)
        position += count
      case .ascii(let literal):
        literal.withUTF8Buffer { bytes in
          for byte in bytes {
            StrObject.write(result, position, UInt32(byte))
            position += 1
          }
        }
      }
    }
    return result
  }

  /// Releases the pieces without building anything (after an error).
  func discard(_ rt: RuntimeRef) {
    for case .object(let str) in pieces { rt.decref(str) }
  }
}
