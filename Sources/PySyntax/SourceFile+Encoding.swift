/// PEP 263 encoding declarations and the byte-order mark.
///
/// Supported encodings: UTF-8 (the default); Latin-1 (ISO-8859-1), Windows-1252 and KOI8-R,
/// transcoded to UTF-8 (the last two because the standard library has files in them); ASCII
/// (checked). Any other declared name, even one Python knows such as `cp1251`, is reported
/// as `encoding problem: <name>`, which is what `python3 file.py` prints for a name it does
/// not know (`unknown encoding: <name>` when reading a bytes object, as `compile()` does).
///
/// Reading a bytes object (``SourceFile/InputMode/string``), CPython decodes the whole
/// source with the declared codec first and reports a bad byte with the codec's own message
/// and no location (`'charmap' codec can't decode byte 0x81 in position 22: character maps
/// to <undefined>`); a NUL byte anywhere is `source code string cannot contain null bytes`.
extension SourceFile {
  struct Decoded {
    var bytes: [UInt8]
    var encoding: String
    var origin: EncodingOrigin
    var error: PySyntaxError?
  }

  /// The encodings this module can read.
  enum Charset { case utf8, latin1, ascii, cp1252, koi8r }

  static func decode(_ raw: [UInt8], filename: String, mode: InputMode = .file) -> Decoded {
    let hasBOM = raw.count >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF
    let body = hasBOM ? Array(raw[3...]) : raw
    if mode == .string, body.contains(0) {
      return Decoded(bytes: body, encoding: "utf-8", origin: .implicitUTF8,
                     error: PySyntaxError(message: "source code string cannot contain null bytes", filename: filename))
    }
    guard let cookie = findCookie(body) else {
      return Decoded(bytes: body, encoding: "utf-8",
                     origin: hasBOM ? .byteOrderMark : .implicitUTF8, error: nil)
    }
    let normal = normalEncodingName(cookie)
    var result = Decoded(bytes: body, encoding: normal,
                         origin: hasBOM ? .byteOrderMark : .cookie(cookie), error: nil)
    if hasBOM {
      if normal != "utf-8" { result.error = unlocated("encoding problem: \(normal) with BOM", filename, mode) }
      return result
    }
    // A codec's failure: `encoding problem: name` for a file, the codec's message for bytes.
    func failure(_ codecMessage: String) -> PySyntaxError {
      mode == .file ? unlocated("encoding problem: \(cookie)", filename, mode) : unlocated(codecMessage, filename, mode)
    }
    switch charset(normalName: normal) {
    case .utf8?:
      // Only the spelling "utf-8" uses the tokenizer's own UTF-8 path; other aliases go
      // through a codec in CPython, which reports a bad byte as an encoding problem.
      if normal != "utf-8", let bad = UTF8DecodeError.firstError(in: body, 0..<body.count) {
        result.error = failure(bad.codecMessage())
      }
    case .latin1?:
      result.bytes = latin1ToUTF8(body)
    case .ascii?:
      if let bad = body.firstIndex(where: { $0 >= 0x80 }) {
        result.error = failure("'ascii' codec can't decode byte 0x\(hex2(body[bad])) in position \(bad): "
                                 + "ordinal not in range(128)")
      }
    case .cp1252?:
      if let bad = body.firstIndex(where: { $0 >= 0x80 && cp1252High[Int($0) - 0x80] == 0 }) {
        result.error = failure(undefinedCharacter(body[bad], bad))
      } else {
        result.bytes = singleByteToUTF8(body, high: cp1252High)
      }
    case .koi8r?:
      result.bytes = singleByteToUTF8(body, high: koi8rHigh)
    case nil:
      result.error = unlocated(mode == .file ? "encoding problem: \(cookie)" : "unknown encoding: \(cookie)",
                               filename, mode)
    }
    return result
  }

  /// An error without a location. Reading bytes, CPython gives it line 0 and offset -1 (and
  /// prints the `File "…", line 0` header); reading a file, no line at all.
  private static func unlocated(_ message: String, _ filename: String, _ mode: InputMode) -> PySyntaxError {
    var error = PySyntaxError(message: message, filename: filename)
    if mode == .string { error.column = -1 }
    return error
  }

  /// The `charmap` codec's message for a byte its table leaves undefined.
  private static func undefinedCharacter(_ byte: UInt8, _ position: Int) -> String {
    "'charmap' codec can't decode byte 0x\(hex2(byte)) in position \(position): character maps to <undefined>"
  }

  /// The coding cookie on line 1, or on line 2 when line 1 is blank or only a comment.
  /// CPython: Parser/tokenizer.c, `check_coding_spec()`.
  static func findCookie(_ bytes: [UInt8]) -> String? {
    let first = physicalLine(bytes, from: 0)
    if let name = cookie(inLine: bytes[first.text]) { return name }
    guard first.next < bytes.count, isBlankOrComment(bytes[first.text]) else { return nil }
    let second = physicalLine(bytes, from: first.next)
    return cookie(inLine: bytes[second.text])
  }

  /// The line starting at `from`: its bytes without terminator, and where the next begins.
  private static func physicalLine(_ bytes: [UInt8], from: Int) -> (text: Range<Int>, next: Int) {
    var end = from
    while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
    var next = end
    if next < bytes.count {
      next += bytes[next] == 0x0D && next + 1 < bytes.count && bytes[next + 1] == 0x0A ? 2 : 1
    }
    return (from..<end, next)
  }

  private static func isBlankOrComment(_ line: ArraySlice<UInt8>) -> Bool {
    for byte in line {
      if byte == UInt8(ascii: "#") { return true }
      if byte != 0x20, byte != 0x09, byte != 0x0C { return false }
    }
    return true
  }

  /// The name in a comment line of the form `[ \t\f]* # … coding[:=][ \t]* name`, where the
  /// name is letters, digits, `-`, `_` and `.`.
  static func cookie(inLine line: ArraySlice<UInt8>) -> String? {
    var i = line.startIndex
    while i < line.endIndex, line[i] == 0x20 || line[i] == 0x09 || line[i] == 0x0C { i += 1 }
    guard i < line.endIndex, line[i] == UInt8(ascii: "#") else { return nil }
    let word = Array("coding".utf8)
    while i + word.count < line.endIndex {
      defer { i += 1 }
      guard line[i..<i + word.count].elementsEqual(word) else { continue }
      var j = i + word.count
      guard line[j] == UInt8(ascii: ":") || line[j] == UInt8(ascii: "=") else { continue }
      j += 1
      while j < line.endIndex, line[j] == 0x20 || line[j] == 0x09 { j += 1 }
      let nameStart = j
      while j < line.endIndex, isCookieNameByte(line[j]) { j += 1 }
      if j > nameStart { return String(decoding: line[nameStart..<j], as: UTF8.self) }
    }
    return nil
  }

  private static func isCookieNameByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
      return true
    default:
      return false
    }
  }

  /// `utf-8` for the UTF-8 family, `iso-8859-1` for the Latin-1 family, else the name as
  /// written. Only the first 12 characters are compared, lowercased, with `_` read as `-`.
  /// CPython: Parser/tokenizer.c, `get_normal_name()`; Lib/tokenize.py, `_get_normal_name()`.
  static func normalEncodingName(_ name: String) -> String {
    let folded = String(foldedEncodingName(name).prefix(12))
    if folded == "utf-8" || folded.hasPrefix("utf-8-") { return "utf-8" }
    for latin in ["latin-1", "iso-8859-1", "iso-latin-1"] {
      if folded == latin || folded.hasPrefix(latin + "-") { return "iso-8859-1" }
    }
    return name
  }

  private static func foldedEncodingName(_ name: String) -> String {
    String(name.lowercased().map { $0 == "_" ? "-" : $0 })
  }

  /// The charset for a normalized name, accepting Python's common aliases of the three.
  static func charset(normalName: String) -> Charset? {
    switch foldedEncodingName(normalName) {
    case "utf-8", "utf8", "u8", "utf", "cp65001": return .utf8
    case "iso-8859-1", "latin1", "latin", "l1", "iso8859-1", "8859", "cp819", "iso-ir-100",
      "csisolatin1", "ibm819":
      return .latin1
    case "ascii", "us-ascii", "646", "us", "ansi-x3.4-1968", "iso646-us", "cp367":
      return .ascii
    case "cp1252", "windows-1252": return .cp1252
    case "koi8-r", "cskoi8r": return .koi8r
    default:
      return nil
    }
  }

  /// Latin-1 bytes are the code points U+0000…U+00FF.
  static func latin1ToUTF8(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + bytes.count / 8)
    for byte in bytes {
      if byte < 0x80 {
        out.append(byte)
      } else {
        out.append(0xC0 | (byte >> 6))
        out.append(0x80 | (byte & 0x3F))
      }
    }
    return out
  }

  /// A single-byte encoding to UTF-8: bytes below 0x80 are ASCII, the others are looked up
  /// in `high` (code points for 0x80…0xFF).
  static func singleByteToUTF8(_ bytes: [UInt8], high: [UInt32]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + bytes.count / 4)
    for byte in bytes {
      if byte < 0x80 {
        out.append(byte)
      } else {
        out.append(contentsOf: String(Character(Unicode.Scalar(high[Int(byte) - 0x80])!)).utf8)
      }
    }
    return out
  }

  /// Windows-1252, bytes 0x80…0xFF (0: undefined). Unicode's mapping file
  /// `VENDORS/MICSFT/WINDOWS/CP1252.TXT`, as Python's `cp1252` codec applies it.
  static let cp1252High: [UInt32] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC,
    0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
  ] + (0xA0...0xFF).map { UInt32($0) }

  /// KOI8-R (RFC 1489), bytes 0x80…0xFF.
  static let koi8rHigh: [UInt32] = [
    0x2500, 0x2502, 0x250C, 0x2510, 0x2514, 0x2518, 0x251C, 0x2524, 0x252C, 0x2534, 0x253C,
    0x2580, 0x2584, 0x2588, 0x258C, 0x2590, 0x2591, 0x2592, 0x2593, 0x2320, 0x25A0, 0x2219,
    0x221A, 0x2248, 0x2264, 0x2265, 0x00A0, 0x2321, 0x00B0, 0x00B2, 0x00B7, 0x00F7, 0x2550,
    0x2551, 0x2552, 0x0451, 0x2553, 0x2554, 0x2555, 0x2556, 0x2557, 0x2558, 0x2559, 0x255A,
    0x255B, 0x255C, 0x255D, 0x255E, 0x255F, 0x2560, 0x2561, 0x0401, 0x2562, 0x2563, 0x2564,
    0x2565, 0x2566, 0x2567, 0x2568, 0x2569, 0x256A, 0x256B, 0x256C, 0x00A9, 0x044E, 0x0430,
    0x0431, 0x0446, 0x0434, 0x0435, 0x0444, 0x0433, 0x0445, 0x0438, 0x0439, 0x043A, 0x043B,
    0x043C, 0x043D, 0x043E, 0x043F, 0x044F, 0x0440, 0x0441, 0x0442, 0x0443, 0x0436, 0x0432,
    0x044C, 0x044B, 0x0437, 0x0448, 0x044D, 0x0449, 0x0447, 0x044A, 0x042E, 0x0410, 0x0411,
    0x0426, 0x0414, 0x0415, 0x0424, 0x0413, 0x0425, 0x0418, 0x0419, 0x041A, 0x041B, 0x041C,
    0x041D, 0x041E, 0x041F, 0x042F, 0x0420, 0x0421, 0x0422, 0x0423, 0x0416, 0x0412, 0x042C,
    0x042B, 0x0417, 0x0428, 0x042D, 0x0429, 0x0427, 0x042A,
  ]

  /// The first line with a NUL byte, or with ill-formed UTF-8 when no encoding was declared.
  /// CPython reads source line by line and checks each line as it reads it.
  static func findBadLine(
    _ bytes: [UInt8], _ lineStarts: [Int], origin: EncodingOrigin, filename: String
  ) -> BadLine? {
    let checkUTF8 = origin == .implicitUTF8
    for (index, start) in lineStarts.enumerated() {
      let end = index + 1 < lineStarts.count ? lineStarts[index + 1] : bytes.count
      if let nul = bytes[start..<end].firstIndex(of: 0) {
        let text = String(decoding: bytes[start..<nul], as: UTF8.self)
        let error = PySyntaxError(
          kind: .syntax, message: "source code cannot contain null bytes", filename: filename,
          line: index + 1, column: 0, endLine: index + 1, endColumn: 0, text: text)
        return BadLine(line: index + 1, start: start, error: error)
      }
      if checkUTF8, let bad = UTF8DecodeError.firstError(in: bytes, start..<end) {
        let message = "Non-UTF-8 code starting with '\\x\(hex2(bad.firstByte))' in file "
          + "\(filename) on line \(index + 1), but no encoding declared; "
          + "see https://peps.python.org/pep-0263/ for details"
        return BadLine(line: index + 1, start: start,
                       error: PySyntaxError(message: message, filename: filename))
      }
    }
    return nil
  }
}
