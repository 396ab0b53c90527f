/// The first ill-formed UTF-8 sequence in some bytes, described as CPython's `utf-8` codec
/// describes it.
///
/// The decoder is strict (no surrogates, no overlong forms, nothing above U+10FFFF). An error
/// covers the maximal ill-formed subpart, as Unicode recommends and CPython reports:
///
/// ```
/// bytes              reason                        range
/// 80 / C0 / F5..FF   invalid start byte            the byte
/// E2 41              invalid continuation byte     E2
/// E2 82 41           invalid continuation byte     E2 82
/// ED A0              invalid continuation byte     ED        (ED takes only 80...9F next)
/// E2 82 <end>        unexpected end of data        E2 82
/// ```
///
/// CPython: Objects/unicodeobject.c, `unicode_decode_utf8()`; Objects/stringlib/codecs.h,
/// `utf8_decode()`.
public struct UTF8DecodeError: Equatable, Sendable {
  public enum Reason: String, Sendable {
    case invalidStartByte = "invalid start byte"
    case invalidContinuationByte = "invalid continuation byte"
    case unexpectedEndOfData = "unexpected end of data"
  }

  /// Index of the first byte of the bad sequence, relative to the start of the checked bytes.
  public var start: Int
  /// One past the last byte of the bad sequence.
  public var end: Int
  public var reason: Reason
  /// The byte at `start`.
  public var firstByte: UInt8

  /// CPython's `UnicodeDecodeError` text: `'utf-8' codec can't decode byte 0xff in position 0:
  /// invalid start byte`, or `bytes in position 0-1` when the sequence is longer.
  /// - Parameter positionShift: added to `start` and `end`, for callers that report positions
  ///   relative to a larger buffer.
  public func codecMessage(positionShift: Int = 0) -> String {
    let from = start + positionShift
    if end - start == 1 {
      return "'utf-8' codec can't decode byte 0x\(hex2(firstByte)) in position \(from): \(reason.rawValue)"
    }
    return "'utf-8' codec can't decode bytes in position \(from)-\(end + positionShift - 1): \(reason.rawValue)"
  }

  /// Scans `bytes[range]` and returns the first error, or nil when it is all well-formed.
  /// - Complexity: O(`range.count`).
  public static func firstError(in bytes: [UInt8], _ range: Range<Int>) -> UTF8DecodeError? {
    var i = range.lowerBound
    let end = range.upperBound
    while i < end {
      let lead = bytes[i]
      if lead < 0x80 {
        i += 1
        continue
      }
      let (length, secondLow, secondHigh) = sequenceShape(lead)
      if length == 0 {
        return UTF8DecodeError(start: i - range.lowerBound, end: i + 1 - range.lowerBound,
                               reason: .invalidStartByte, firstByte: lead)
      }
      var good = 1  // bytes of the sequence checked so far
      while good < length {
        guard i + good < end else {
          return UTF8DecodeError(start: i - range.lowerBound, end: end - range.lowerBound,
                                 reason: .unexpectedEndOfData, firstByte: lead)
        }
        let byte = bytes[i + good]
        let low: UInt8 = good == 1 ? secondLow : 0x80
        let high: UInt8 = good == 1 ? secondHigh : 0xBF
        if byte < low || byte > high {
          return UTF8DecodeError(start: i - range.lowerBound, end: i + good - range.lowerBound,
                                 reason: .invalidContinuationByte, firstByte: lead)
        }
        good += 1
      }
      i += length
    }
    return nil
  }

  /// Sequence length for a lead byte (0: not a lead byte) and the allowed range of the
  /// second byte, which excludes overlong forms, surrogates and values above U+10FFFF.
  private static func sequenceShape(_ lead: UInt8) -> (Int, UInt8, UInt8) {
    switch lead {
    case 0xC2...0xDF: return (2, 0x80, 0xBF)
    case 0xE0: return (3, 0xA0, 0xBF)
    case 0xED: return (3, 0x80, 0x9F)
    case 0xE1...0xEF: return (3, 0x80, 0xBF)
    case 0xF0: return (4, 0x90, 0xBF)
    case 0xF4: return (4, 0x80, 0x8F)
    case 0xF1...0xF3: return (4, 0x80, 0xBF)
    default: return (0, 0, 0)
    }
  }
}

/// Two lowercase hex digits, as CPython's `%02x`.
func hex2(_ byte: UInt8) -> String {
  let digits = Array("0123456789abcdef")
  return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
}

/// At least four uppercase hex digits, as CPython's `%04X`.
func hex4Upper(_ value: UInt32) -> String {
  var text = String(value, radix: 16, uppercase: true)
  while text.count < 4 { text = "0" + text }
  return text
}
