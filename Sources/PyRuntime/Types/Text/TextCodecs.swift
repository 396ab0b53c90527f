/// The codecs `str.encode`, `bytes.decode` and `str(b, encoding)` know: UTF-8, ASCII and
/// Latin-1 (under their usual aliases), with the error handlers `strict`, `ignore`,
/// `replace`, `backslashreplace`, `xmlcharrefreplace` (encoding), `surrogateescape` and
/// `surrogatepass` (UTF-8).
///
/// A run of characters an encoder cannot encode is one error (`'ascii' codec can't encode
/// characters in position 0-1`); a decoder's errors are the maximal ill-formed subparts
/// (one byte each for ASCII). An unknown encoding is LookupError "unknown encoding: x"; an
/// unknown error handler is LookupError "unknown error handler name 'x'", raised only when
/// an error actually needs handling, as in CPython.
/// CPython: Objects/unicodeobject.c (`PyUnicode_AsEncodedString`, `unicode_encode_ucs1`,
/// `unicode_decode_utf8`), Objects/exceptions.c (the UnicodeError messages),
/// Lib/encodings/aliases.py, Python/codecs.c (the error handlers).
enum TextCodecs {
  enum Encoding {
    case utf8, ascii, latin1

    /// The name the error messages use.
    var name: String {
      switch self {
      case .utf8: "utf-8"
      case .ascii: "ascii"
      case .latin1: "latin-1"
      }
    }

    /// The largest code point the encoding holds in one byte (UTF-8 holds them all).
    var limit: UInt32 {
      switch self {
      case .utf8: StrObject.maxCodePoint
      case .ascii: 0x7F
      case .latin1: 0xFF
      }
    }
  }

  enum ErrorHandler: String {
    case strict, ignore, replace, backslashreplace, xmlcharrefreplace, surrogateescape, surrogatepass, namereplace
  }

  /// Looks an encoding name up the way `codecs.lookup` normalizes it: case-insensitive,
  /// with spaces and hyphens equal to underscores.
  static func encoding(named name: String) -> Encoding? {
    var normalized = ""
    for scalar in name.unicodeScalars {
      switch scalar {
      case "-", " ": normalized.append("_")
      default: normalized.unicodeScalars.append(scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar)
      }
    }
    switch normalized {
    case "utf_8", "utf8", "u8", "utf", "utf8_ucs2", "utf8_ucs4", "cp65001": return .utf8
    case "ascii", "us_ascii", "646", "ansi_x3.4_1968", "ansi_x3_4_1968", "ansi_x3.4_1986", "cp367", "csascii", "ibm367",
         "iso646_us", "iso_646.irv_1991", "iso_ir_6", "us":
      return .ascii
    case "latin_1", "latin1", "latin", "l1", "iso8859_1", "iso_8859_1", "8859", "cp819", "iso_ir_100", "ibm819",
         "iso_8859_1_1987", "csisolatin1":
      return .latin1
    default: return nil
    }
  }

  /// `'\xe9'`, `'\u20ac'`, `'\U0001f600'`: how UnicodeEncodeError names one character.
  static func escapedCharacter(_ value: UInt32) -> String {
    let hex = String(value, radix: 16)
    if value <= 0xFF { return "\\x" + String(repeating: "0", count: 2 - hex.count) + hex }
    if value <= 0xFFFF { return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex }
    return "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
  }
}

extension RuntimeRef {
  /// The encoding for `name` (default UTF-8), or nil with LookupError set.
  func codecEncoding(_ name: PyRef?) -> TextCodecs.Encoding? {
    guard let name else { return .utf8 }
    let text = StrObject.string(name)
    guard let encoding = TextCodecs.encoding(named: text) else {
      raise("LookupError", "unknown encoding: \(text)")
      return nil
    }
    return encoding
  }

  /// The error handler for `name`, or nil with LookupError set.
  private func codecErrorHandler(_ name: String) -> TextCodecs.ErrorHandler? {
    guard let handler = TextCodecs.ErrorHandler(rawValue: name) else {
      raise("LookupError", "unknown error handler name '\(name)'")
      return nil
    }
    return handler
  }

  /// `str.encode(encoding, errors)` as a new bytes object.
  func strEncode(_ str: PyRef, _ encoding: TextCodecs.Encoding, errors: String = "strict") -> PyRef? {
    let view = StrObject.view(str)
    let count = view.count
    // Fast paths: everything encodable.
    if StrObject.isASCII(str) {
      return newBytes(UnsafeRawBufferPointer(start: StrObject.data(str), count: count))
    }
    var output: [UInt8] = []
    output.reserveCapacity(count + count / 2)
    var index = 0
    while index < count {
      let value = view[index]
      if encoding == .utf8 {
        if value < 0xD800 || value > 0xDFFF {
          TextCodecs.appendUTF8(value, to: &output)
          index += 1
          continue
        }
      } else if value <= encoding.limit {
        output.append(UInt8(value))
        index += 1
        continue
      }
      // A run of characters this encoding cannot hold.
      var end = index + 1
      func bad(_ value: UInt32) -> Bool {
        encoding == .utf8 ? (value >= 0xD800 && value <= 0xDFFF) : value > encoding.limit
      }
      while end < count && bad(view[end]) { end += 1 }
      let reason = encoding == .utf8 ? "surrogates not allowed" : "ordinal not in range(\(encoding.limit + 1))"
      guard let handler = codecErrorHandler(errors) else { return nil }
      switch handler {
      case .ignore: break
      case .replace: output.append(contentsOf: repeatElement(UInt8(ascii: "?"), count: end - index))
      case .backslashreplace:
        for position in index..<end { output.append(contentsOf: TextCodecs.escapedCharacter(view[position]).utf8) }
      case .xmlcharrefreplace:
        for position in index..<end { output.append(contentsOf: "&#\(view[position]);".utf8) }
      case .surrogateescape where (index..<end).allSatisfy({ view[$0] >= 0xDC80 && view[$0] <= 0xDCFF }):
        for position in index..<end { output.append(UInt8(view[position] - 0xDC00)) }
      case .surrogatepass where encoding == .utf8:
        for position in index..<end { TextCodecs.appendUTF8(view[position], to: &output) }
      default:
        raiseEncodeError(encoding, view, index, end, reason)
        return nil
      }
      index = end
    }
    return newBytes(output)
  }

  private func raiseEncodeError(_ encoding: TextCodecs.Encoding, _ view: StrView, _ start: Int, _ end: Int, _ reason: String) {
    if end - start == 1 {
      raise("UnicodeEncodeError", "'\(encoding.name)' codec can't encode character '\(TextCodecs.escapedCharacter(view[start]))' in position \(start): \(reason)")
    } else {
      raise("UnicodeEncodeError", "'\(encoding.name)' codec can't encode characters in position \(start)-\(end - 1): \(reason)")
    }
  }

  /// Decodes `bytes` with `encoding` into a new str.
  func decode(_ bytes: UnsafeRawBufferPointer, _ encoding: TextCodecs.Encoding, errors: String = "strict") -> PyRef? {
    switch encoding {
    case .latin1:
      var builder = StrBuilder(capacity: bytes.count)
      for byte in bytes { builder.append(UInt32(byte)) }
      return builder.finish(self)
    case .ascii:
      var clean = true
      for byte in bytes where byte >= 0x80 { clean = false; break }
      if clean { return newStr(utf8: bytes) }
      var builder = StrBuilder(capacity: bytes.count)
      for (index, byte) in bytes.enumerated() {
        if byte < 0x80 {
          builder.append(UInt32(byte))
          continue
        }
        guard handleDecodeError(&builder, bytes, index, index + 1, encoding, "ordinal not in range(128)", errors) else {
          return nil
        }
      }
      return builder.finish(self)
    case .utf8:
      let scan = StrUTF8.scan(bytes)
      if scan.error == nil { return newStr(utf8: bytes) }
      var builder = StrBuilder(capacity: bytes.count)
      var index = 0
      while index < bytes.count {
        let rest = UnsafeRawBufferPointer(rebasing: bytes[index...])
        let scan = StrUTF8.scan(rest)
        let goodEnd = scan.error.map { index + $0.start } ?? bytes.count
        TextCodecs.appendDecodedUTF8(UnsafeRawBufferPointer(rebasing: bytes[index..<goodEnd]), to: &builder)
        guard let error = scan.error else { break }
        let start = index + error.start, end = index + error.end
        // surrogatepass: an encoded surrogate (ED A0..BF 80..BF) decodes to itself.
        if errors == "surrogatepass", bytes[start] == 0xED, start + 2 < bytes.count,
           (0xA0...0xBF).contains(bytes[start + 1]), (0x80...0xBF).contains(bytes[start + 2]) {
          builder.append(0xD000 | (UInt32(bytes[start + 1] & 0x3F) << 6) | UInt32(bytes[start + 2] & 0x3F))
          index = start + 3
          continue
        }
        guard handleDecodeError(&builder, bytes, start, end, encoding, error.reason.rawValue, errors) else { return nil }
        index = end
      }
      return builder.finish(self)
    }
  }

  private func handleDecodeError(_ builder: inout StrBuilder, _ bytes: UnsafeRawBufferPointer, _ start: Int, _ end: Int,
                                 _ encoding: TextCodecs.Encoding, _ reason: String, _ errors: String) -> Bool {
    guard let handler = codecErrorHandler(errors) else { return false }
    switch handler {
    case .ignore: return true
    case .replace:
      builder.append(0xFFFD)
      return true
    case .backslashreplace:
      for index in start..<end { builder.append(TextCodecs.escapedCharacter(UInt32(bytes[index]))) }
      return true
    case .surrogateescape where (start..<end).allSatisfy({ bytes[$0] >= 0x80 }):
      for index in start..<end { builder.append(0xDC00 + UInt32(bytes[index])) }
      return true
    default:
      if end - start == 1 {
        raise("UnicodeDecodeError", "'\(encoding.name)' codec can't decode byte 0x\(StrUTF8.hex(bytes[start])) in position \(start): \(reason)")
      } else {
        raise("UnicodeDecodeError", "'\(encoding.name)' codec can't decode bytes in position \(start)-\(end - 1): \(reason)")
      }
      return false
    }
  }
}

extension TextCodecs {
  /// Appends the UTF-8 form of `value` (surrogates too: the caller decides about them).
  @inline(__always)
  static func appendUTF8(_ value: UInt32, to output: inout [UInt8]) {
    switch value {
    case 0..<0x80: output.append(UInt8(value))
    case 0x80..<0x800:
      output.append(UInt8(0xC0 | (value >> 6)))
      output.append(UInt8(0x80 | (value & 0x3F)))
    case 0x800..<0x10000:
      output.append(UInt8(0xE0 | (value >> 12)))
      output.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
      output.append(UInt8(0x80 | (value & 0x3F)))
    default:
      output.append(UInt8(0xF0 | (value >> 18)))
      output.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
      output.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
      output.append(UInt8(0x80 | (value & 0x3F)))
    }
  }

  /// Appends the code points of well-formed UTF-8.
  static func appendDecodedUTF8(_ bytes: UnsafeRawBufferPointer, to builder: inout StrBuilder) {
    var index = 0
    while index < bytes.count {
      let lead = bytes[index]
      if lead < 0x80 {
        builder.append(UInt32(lead))
        index += 1
      } else {
        let size = StrUTF8.shape(lead).size
        builder.append(StrUTF8.decodeOne(bytes, at: index, size: size))
        index += size
      }
    }
  }
}
