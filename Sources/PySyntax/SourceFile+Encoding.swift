/// PEP 263 encoding declarations and the byte-order mark.
///
/// Supported encodings: UTF-8 (the default) and Latin-1 (ISO-8859-1, transcoded to UTF-8),
/// plus ASCII (checked). Any other declared name, even one Python knows such as `cp1252`, is
/// reported as `encoding problem: <name>`, which is what `python3 file.py` prints for a name
/// it does not know.
extension SourceFile {
  struct Decoded {
    var bytes: [UInt8]
    var encoding: String
    var origin: EncodingOrigin
    var error: PySyntaxError?
  }

  /// The three encodings this module can read.
  enum Charset { case utf8, latin1, ascii }

  static func decode(_ raw: [UInt8], filename: String) -> Decoded {
    let hasBOM = raw.count >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF
    let body = hasBOM ? Array(raw[3...]) : raw
    guard let cookie = findCookie(body) else {
      return Decoded(bytes: body, encoding: "utf-8",
                     origin: hasBOM ? .byteOrderMark : .implicitUTF8, error: nil)
    }
    let normal = normalEncodingName(cookie)
    var result = Decoded(bytes: body, encoding: normal,
                         origin: hasBOM ? .byteOrderMark : .cookie(cookie), error: nil)
    if hasBOM {
      if normal != "utf-8" { result.error = problem("\(normal) with BOM", filename) }
      return result
    }
    switch charset(normalName: normal) {
    case .utf8?:
      // Only the spelling "utf-8" uses the tokenizer's own UTF-8 path; other aliases go
      // through a codec in CPython, which reports a bad byte as an encoding problem.
      if normal != "utf-8", UTF8DecodeError.firstError(in: body, 0..<body.count) != nil {
        result.error = problem(cookie, filename)
      }
    case .latin1?:
      result.bytes = latin1ToUTF8(body)
    case .ascii?:
      if body.contains(where: { $0 >= 0x80 }) { result.error = problem(cookie, filename) }
    case nil:
      result.error = problem(cookie, filename)
    }
    return result
  }

  private static func problem(_ what: String, _ filename: String) -> PySyntaxError {
    PySyntaxError(message: "encoding problem: \(what)", filename: filename)
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
