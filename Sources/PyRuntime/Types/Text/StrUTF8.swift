/// Strict UTF-8 decoding for `str`: one pass to validate, count the code points and find the
/// largest (which fixes the kind), one pass to store them.
///
/// Well-formed sequences (The Unicode Standard, table 3-7): the second byte's range depends
/// on the first, which excludes overlong forms, surrogates and code points above U+10FFFF.
///
/// ```
///   00..7F                          E1..EC 80..BF 80..BF        F0 90..BF 80..BF 80..BF
///   C2..DF 80..BF                   ED     80..9F 80..BF        F1..F3 80..BF ×3
///   E0     A0..BF 80..BF            EE..EF 80..BF 80..BF        F4 80..8F 80..BF 80..BF
/// ```
///
/// An error covers the maximal ill-formed subpart, which is what CPython's `utf-8` codec
/// reports: a bad first byte alone ("invalid start byte"), the well-formed prefix before a
/// bad continuation byte ("invalid continuation byte"), or the prefix cut short by the end
/// of the input ("unexpected end of data").
/// CPython: Objects/unicodeobject.c, `unicode_decode_utf8()`.
enum StrUTF8 {
  enum Reason: String {
    case invalidStartByte = "invalid start byte"
    case invalidContinuationByte = "invalid continuation byte"
    case unexpectedEndOfData = "unexpected end of data"
  }

  struct DecodeError {
    var start: Int
    var end: Int
    var reason: Reason
    var firstByte: UInt8

    /// `'utf-8' codec can't decode byte 0xff in position 0: invalid start byte`, or
    /// `bytes in position 0-1` for a longer subpart.
    var message: String {
      if end - start == 1 {
        return "'utf-8' codec can't decode byte 0x\(StrUTF8.hex(firstByte)) in position \(start): \(reason.rawValue)"
      }
      return "'utf-8' codec can't decode bytes in position \(start)-\(end - 1): \(reason.rawValue)"
    }
  }

  /// Validates `bytes`: the code point count and largest code point, or the first error.
  static func scan(_ bytes: UnsafeRawBufferPointer) -> (length: Int, maxChar: UInt32, error: DecodeError?) {
    var index = 0, length = 0
    var maxChar: UInt32 = 0
    let count = bytes.count
    while index < count {
      let lead = bytes[index]
      if lead < 0x80 {
        maxChar = max(maxChar, UInt32(lead))
        index += 1
        length += 1
        continue
      }
      let (size, low, high) = shape(lead)
      if size == 0 {
        return (length, maxChar, DecodeError(start: index, end: index + 1, reason: .invalidStartByte, firstByte: lead))
      }
      for offset in 1..<size {
        guard index + offset < count else {
          return (length, maxChar, DecodeError(start: index, end: count, reason: .unexpectedEndOfData, firstByte: lead))
        }
        let byte = bytes[index + offset]
        let (lowest, highest) = offset == 1 ? (low, high) : (0x80, 0xBF)
        guard byte >= lowest && byte <= highest else {
          return (length, maxChar, DecodeError(start: index, end: index + offset, reason: .invalidContinuationByte,
                                               firstByte: lead))
        }
      }
      maxChar = max(maxChar, decodeOne(bytes, at: index, size: size))
      index += size
      length += 1
    }
    return (length, maxChar, nil)
  }

  /// The length of the sequence `lead` starts and the allowed range of its second byte;
  /// size 0 when `lead` cannot start one.
  @inline(__always)
  static func shape(_ lead: UInt8) -> (size: Int, low: UInt8, high: UInt8) {
    switch lead {
    case 0xC2...0xDF: (2, 0x80, 0xBF)
    case 0xE0: (3, 0xA0, 0xBF)
    case 0xE1...0xEC, 0xEE...0xEF: (3, 0x80, 0xBF)
    case 0xED: (3, 0x80, 0x9F)
    case 0xF0: (4, 0x90, 0xBF)
    case 0xF1...0xF3: (4, 0x80, 0xBF)
    case 0xF4: (4, 0x80, 0x8F)
    default: (0, 0, 0)
    }
  }

  /// The code point of the well-formed sequence of `size` bytes at `index`.
  @inline(__always)
  static func decodeOne(_ bytes: UnsafeRawBufferPointer, at index: Int, size: Int) -> UInt32 {
    let lead = UInt32(bytes[index])
    var value = size == 2 ? lead & 0x1F : size == 3 ? lead & 0x0F : lead & 0x07
    for offset in 1..<size { value = (value << 6) | (UInt32(bytes[index + offset]) & 0x3F) }
    return value
  }

  /// Stores the code points of well-formed `bytes` into `str` (allocated by the caller with
  /// the length and largest code point ``scan(_:)`` found).
  static func decode(_ bytes: UnsafeRawBufferPointer, into str: PyRef) {
    if StrObject.isASCII(str) {
      StrObject.data(str).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
      return
    }
    var index = 0, target = 0
    while index < bytes.count {
      let lead = bytes[index]
      if lead < 0x80 {
        StrObject.write(str, target, UInt32(lead))
        index += 1
      } else {
        let size = shape(lead).size
        StrObject.write(str, target, decodeOne(bytes, at: index, size: size))
        index += size
      }
      target += 1
    }
  }

  /// Appends the UTF-8 form of `value` (a surrogate becomes U+FFFD).
  @inline(__always)
  static func encode(_ value: UInt32, into buffer: UnsafeMutableBufferPointer<UInt8>, at index: inout Int) {
    var value = value
    if value >= 0xD800 && value <= 0xDFFF { value = 0xFFFD }
    switch value {
    case 0..<0x80:
      buffer[index] = UInt8(value); index += 1
    case 0x80..<0x800:
      buffer[index] = UInt8(0xC0 | (value >> 6)); buffer[index + 1] = UInt8(0x80 | (value & 0x3F)); index += 2
    case 0x800..<0x10000:
      buffer[index] = UInt8(0xE0 | (value >> 12)); buffer[index + 1] = UInt8(0x80 | ((value >> 6) & 0x3F))
      buffer[index + 2] = UInt8(0x80 | (value & 0x3F)); index += 3
    default:
      buffer[index] = UInt8(0xF0 | (value >> 18)); buffer[index + 1] = UInt8(0x80 | ((value >> 12) & 0x3F))
      buffer[index + 2] = UInt8(0x80 | ((value >> 6) & 0x3F)); buffer[index + 3] = UInt8(0x80 | (value & 0x3F)); index += 4
    }
  }

  /// Two lower-case hexadecimal digits.
  static func hex(_ byte: UInt8) -> String {
    let digits = String(byte, radix: 16)
    return byte < 16 ? "0" + digits : digits
  }
}
