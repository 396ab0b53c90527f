/// Text to ints: `int(text, base)` with Python's rules.
///
/// * Leading and trailing whitespace; an optional sign; digits with single underscores
///   between them (PEP 515), also right after a base prefix.
/// * Base 0 reads the prefix (`0b`, `0o`, `0x`, any case) and otherwise means decimal,
///   where a nonzero number may not start with `0`. Bases 2, 8, 16 accept their prefix.
/// * Non-ASCII decimal digits (`'٣'`) and whitespace count as their ASCII forms; other
///   whitespace inside the number does not.
/// * Bases that are not powers of two obey `sys.set_int_max_str_digits`.
///
/// CPython: Objects/longobject.c, `PyLong_FromString`, `PyLong_FromUnicodeObject`;
/// Objects/unicodeobject.c, `_PyUnicode_TransformDecimalAndSpaceToASCII`.
extension RuntimeRef {
  /// `int(text, base)`. ValueError "int() base must be >= 2 and <= 36, or 0", "invalid
  /// literal for int() with base 10: '…'" (the text's repr, cut at 200 characters), or the
  /// digit limit's message.
  public func newInt(parsing text: String, base: Int = 10) -> PyRef? {
    newInt(asciiForm: IntLiteral.asciiForm(text), base: base, limit: state.pointee.numbers.intMaxStrDigits) {
      NumberText.truncatedRepr(text)
    }
  }

  /// `int(text, base)` for text already in ASCII form (``IntLiteral/asciiForm(_:)``, or the
  /// bytes of a bytes object): `describe` gives the repr the ValueError quotes; `limit` is
  /// the digit limit (0 for none).
  func newInt(asciiForm bytes: [UInt8], base: Int, limit: Int, describe: () -> String) -> PyRef? {
    guard base == 0 || (2...36).contains(base) else {
      raise("ValueError", "int() base must be >= 2 and <= 36, or 0")
      return nil
    }
    switch IntLiteral.scan(bytes, base: base, limit: limit) {
    case .invalid:
      raise("ValueError", "invalid literal for int() with base \(base): " + describe())
      return nil
    case .tooLong(let digitCount):
      raise("ValueError", "Exceeds the limit (\(limit) digits) for integer string "
        + "conversion: value has \(digitCount) digits; use sys.set_int_max_str_digits() to increase the limit")
      return nil
    case .valid(let literal):
      return bytes.withUnsafeBufferPointer { buffer in
        newInt(literal: literal, buffer)
      }
    }
  }

  /// Builds the int from the scanned digits (underscores skipped).
  private func newInt(literal: IntLiteral, _ bytes: UnsafeBufferPointer<UInt8>) -> PyRef? {
    let base = literal.base
    let bitsPerChar = base.nonzeroBitCount == 1 ? base.trailingZeroBitCount : 0
    // Upper bound on the bits: ceil(log2(base)) per character.
    let bitsPerCharBound = bitsPerChar != 0 ? bitsPerChar : Int.bitWidth - (base - 1).leadingZeroBitCount
    let capacity = literal.digitCount * bitsPerCharBound / IntDigits.shift + 2
    guard let result = allocateInt(digitCount: capacity) else { return nil }
    let r = IntObject.digits(result)
    var used = 0
    if bitsPerChar != 0 {
      // Power-of-two base: pack bits from the least significant character up.
      var accumulator: UInt64 = 0, available = 0
      for index in stride(from: literal.end - 1, through: literal.start, by: -1) {
        let value = IntLiteral.digitValue(bytes[index])
        if value >= base { continue }                  // an underscore
        accumulator |= UInt64(value) << UInt64(available)
        available += bitsPerChar
        if available >= IntDigits.shift {
          r[used] = UInt32(truncatingIfNeeded: accumulator) & IntDigits.mask
          used += 1
          accumulator >>= UInt64(IntDigits.shift)
          available -= IntDigits.shift
        }
      }
      if available > 0 {
        r[used] = UInt32(truncatingIfNeeded: accumulator)
        used += 1
      }
    } else {
      // Other bases: result = result · base^k + chunk, for chunks of k characters with
      // base^k < 2^30.
      var chunk: UInt64 = 0, multiplier: UInt64 = 1
      let base64 = UInt64(base)
      for index in literal.start..<literal.end {
        let value = IntLiteral.digitValue(bytes[index])
        if value >= base { continue }
        chunk = chunk * base64 + UInt64(value)
        multiplier *= base64
        if multiplier * base64 >= IntDigits.base {
          used = IntObject.multiplyAdd(r, used, multiplier, chunk)
          chunk = 0
          multiplier = 1
        }
      }
      if multiplier > 1 { used = IntObject.multiplyAdd(r, used, multiplier, chunk) }
    }
    return finishInt(result, count: used, negative: literal.negative)
  }
}

extension IntObject {
  /// `r[0..<used] = r · multiplier + addend` (multiplier, addend < 2^30); returns the new
  /// count. The caller guarantees room for one more digit.
  static func multiplyAdd(_ r: UnsafeMutablePointer<UInt32>, _ used: Int, _ multiplier: UInt64, _ addend: UInt64) -> Int {
    var carry = addend
    for index in 0..<used {
      // Safe: (2^30 − 1)² + 2^30 − 1 < 2^60, and the carry stays below 2^30.
      carry &+= UInt64(r[index]) &* multiplier
      r[index] = UInt32(truncatingIfNeeded: carry) & IntDigits.mask
      carry >>= UInt64(IntDigits.shift)
    }
    if carry != 0 {
      r[used] = UInt32(truncatingIfNeeded: carry)
      return used + 1
    }
    return used
  }
}

/// Where the digits of a valid int literal are, once scanned.
struct IntLiteral {
  var base: Int
  var negative: Bool
  /// The digit run, underscores included: `bytes[start..<end]`.
  var start: Int
  var end: Int
  /// Digits in the run, underscores excluded.
  var digitCount: Int

  enum Scan {
    case valid(IntLiteral)
    case invalid
    case tooLong(digitCount: Int)
  }

  /// A byte no digit or space maps to: stands for any other non-ASCII character.
  static let foreign: UInt8 = 0xFF

  /// The text with non-ASCII decimal digits and whitespace replaced by their ASCII forms
  /// and every other non-ASCII character by ``foreign``.
  static func asciiForm(_ text: String) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      if scalar.value < 0x80 {
        bytes.append(UInt8(scalar.value))
      } else if scalar.properties.isWhitespace {
        bytes.append(UInt8(ascii: " "))
      } else if scalar.properties.numericType == .decimal, let value = scalar.properties.numericValue {
        bytes.append(UInt8(ascii: "0") + UInt8(value))
      } else {
        bytes.append(foreign)
      }
    }
    return bytes
  }

  /// 0…35 for `0-9`, `a-z`, `A-Z`; 99 for anything else.
  @inline(__always)
  static func digitValue(_ byte: UInt8) -> Int {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "z"): return Int(byte - UInt8(ascii: "a")) + 10
    case UInt8(ascii: "A")...UInt8(ascii: "Z"): return Int(byte - UInt8(ascii: "A")) + 10
    default: return 99
    }
  }

  /// `Py_ISSPACE`: the ASCII whitespace `int()` skips around the number.
  @inline(__always)
  static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || (0x09...0x0D).contains(byte)
  }

  /// Validates the literal; the limit is checked only for bases that are not powers of
  /// two, after the digits and before any trailing garbage (CPython's order).
  static func scan(_ bytes: [UInt8], base requested: Int, limit: Int) -> Scan {
    var index = 0
    let count = bytes.count
    while index < count && isSpace(bytes[index]) { index += 1 }
    var negative = false
    if index < count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) {
      negative = bytes[index] == UInt8(ascii: "-")
      index += 1
    }
    var base = requested
    var afterPrefix = false
    if index + 1 < count && bytes[index] == UInt8(ascii: "0") {
      let letter = bytes[index + 1] | 0x20        // lowercase
      let prefixBase = letter == UInt8(ascii: "x") ? 16 : letter == UInt8(ascii: "o") ? 8
        : letter == UInt8(ascii: "b") ? 2 : 0
      if prefixBase != 0 && (base == 0 || base == prefixBase) {
        base = prefixBase
        index += 2
        afterPrefix = true
      }
    }
    let decimalFromBaseZero = base == 0
    if base == 0 { base = 10 }
    // The digit run: digits with single underscores between them.
    let start = index
    var digits = 0
    var leadingZerosOnly = true
    var lastWasUnderscore = afterPrefix
    var allowUnderscore = afterPrefix
    while index < count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "_") {
        if !allowUnderscore { return .invalid }
        allowUnderscore = false
        lastWasUnderscore = true
      } else if digitValue(byte) < base {
        if byte != UInt8(ascii: "0") { leadingZerosOnly = false }
        digits += 1
        allowUnderscore = true
        lastWasUnderscore = false
      } else {
        break
      }
      index += 1
    }
    if digits == 0 || lastWasUnderscore { return .invalid }
    // "0…0" is the only decimal spelling starting with 0 that base 0 accepts.
    if decimalFromBaseZero && bytes[start] == UInt8(ascii: "0") && !leadingZerosOnly { return .invalid }
    if base.nonzeroBitCount != 1 && limit > 0 && digits > limit { return .tooLong(digitCount: digits) }
    let end = index
    while index < count && isSpace(bytes[index]) { index += 1 }
    if index != count { return .invalid }
    return .valid(IntLiteral(base: base, negative: negative, start: start, end: end, digitCount: digits))
  }
}
