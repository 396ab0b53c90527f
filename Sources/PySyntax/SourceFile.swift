/// The text of one module as UTF-8 bytes, with its name, its declared encoding and a table of
/// line starts.
///
/// Construction never fails. It removes a UTF-8 byte-order mark, reads a PEP 263 coding
/// declaration on line 1 or 2, and transcodes Latin-1 sources to UTF-8, so every later stage
/// sees UTF-8 and columns are UTF-8 byte columns as in CPython. Problems are recorded for the
/// tokenizer to report, the way CPython's tokenizer reports them on the first token fetch:
///
/// - ``decodingError``: the declaration cannot be honoured (unknown encoding, a BOM that
///   contradicts the cookie, non-ASCII bytes in an ASCII file). Reported before any token.
/// - ``firstBadLine``: the first line holding a NUL byte or, when no encoding was declared,
///   ill-formed UTF-8. Reported when the tokenizer first reads that line, as `python3 file.py`
///   does, so an earlier error wins.
///
/// Lines end at `\n`, `\r\n` or a lone `\r` (universal newlines, as CPython reads source).
///
/// CPython reads a script file and a bytes object differently, and so does this type, by
/// ``InputMode``: a file is checked line by line as above; bytes given to `compile()` or
/// `ast.parse()` are decoded whole when an encoding is declared and otherwise used as they
/// are, so ill-formed UTF-8 is found only where it is used (in a name or a string literal),
/// and the messages differ (`unknown encoding: foo` instead of `encoding problem: foo`).
///
/// CPython: Parser/tokenizer.c, `decoding_fgets()`, `check_bom()`, `check_coding_spec()`,
/// `ensure_utf8()`.
public struct SourceFile: Sendable {
  /// How the encoding was chosen.
  public enum EncodingOrigin: Sendable, Equatable {
    /// No BOM and no cookie: UTF-8, and ill-formed UTF-8 is a "Non-UTF-8 code" error.
    case implicitUTF8
    /// A UTF-8 byte-order mark (and possibly a UTF-8 cookie).
    case byteOrderMark
    /// A PEP 263 cookie, as written.
    case cookie(String)
  }

  /// How the source is read; see the type's comment.
  public enum InputMode: Sendable, Equatable {
    /// As `python3 file.py` reads a script.
    case file
    /// As `compile(source_bytes, …)` and `ast.parse(source_bytes)` read a bytes object.
    case string
  }

  /// The first line that may not be read, and the error reading it raises.
  public struct BadLine: Sendable {
    /// 1-based line number.
    public var line: Int
    /// Byte offset of the line's first byte.
    public var start: Int
    public var error: PySyntaxError
  }

  public let filename: String
  /// The source as UTF-8 (ill-formed only where ``firstBadLine`` or identifier checks catch
  /// it), without the byte-order mark.
  public let bytes: [UInt8]
  /// The name `tokenize` reports in its ENCODING token: `utf-8`, `iso-8859-1`, or the cookie
  /// as written for other encodings.
  public let encoding: String
  public let encodingOrigin: EncodingOrigin
  public let mode: InputMode
  /// Set when the encoding declaration cannot be honoured; the tokenizer reports only this.
  public let decodingError: PySyntaxError?
  /// The first line holding a NUL byte or (without a declaration) ill-formed UTF-8.
  public let firstBadLine: BadLine?
  /// Byte offset of the first byte of each line; `lineStarts[0] == 0`.
  public let lineStarts: [Int]

  /// Decodes `bytes` as a Python source file named `filename`, read as `mode` says.
  /// - Complexity: O(`bytes.count`).
  public init(bytes raw: [UInt8], filename: String, mode: InputMode = .file) {
    self.filename = filename
    self.mode = mode
    let decoded = SourceFile.decode(raw, filename: filename, mode: mode)
    bytes = decoded.bytes
    encoding = decoded.encoding
    encodingOrigin = decoded.origin
    decodingError = decoded.error
    lineStarts = SourceFile.computeLineStarts(decoded.bytes)
    firstBadLine = decoded.error == nil && mode == .file
      ? SourceFile.findBadLine(decoded.bytes, lineStarts, origin: decoded.origin, filename: filename)
      : nil
  }

  /// Number of lines; a final line without a terminator counts, an empty one after the last
  /// terminator does too (it is where ENDMARKER sits).
  public var lineCount: Int { lineStarts.count }

  /// Byte range of line `line` (1-based) without its terminator; empty past the end.
  public func byteRange(ofLine line: Int) -> Range<Int> {
    guard line >= 1, line <= lineStarts.count else { return bytes.count..<bytes.count }
    let start = lineStarts[line - 1]
    var end = line < lineStarts.count ? lineStarts[line] : bytes.count
    if end > start, bytes[end - 1] == 0x0A { end -= 1 }
    if end > start, bytes[end - 1] == 0x0D { end -= 1 }
    return start..<end
  }

  /// The text of line `line` without its terminator; ill-formed UTF-8 becomes U+FFFD.
  public func lineText(_ line: Int) -> String {
    String(decoding: bytes[byteRange(ofLine: line)], as: UTF8.self)
  }

  /// The source text covered by `range`; ill-formed UTF-8 becomes U+FFFD.
  public func text(_ range: Range<Int>) -> String {
    String(decoding: bytes[range], as: UTF8.self)
  }

  /// Converts a UTF-8 byte column on `line` to a code-point column, as the `tokenize` module
  /// and `SyntaxError.offset` count. Columns past the end of the line count one per byte, so
  /// the synthetic end of an implicit NEWLINE converts too.
  public func characterColumn(line: Int, byteColumn: Int) -> Int {
    let start = line >= 1 && line <= lineStarts.count ? lineStarts[line - 1] : bytes.count
    let lineEnd = line >= 1 && line < lineStarts.count ? lineStarts[line] : bytes.count
    let stop = min(start + byteColumn, lineEnd)
    var count = 0
    var i = start
    while i < stop {
      if bytes[i] & 0xC0 != 0x80 { count += 1 }
      i += 1
    }
    return count + (start + byteColumn - stop)
  }

  /// The line holding byte `offset` (1-based), by binary search.
  public func line(containing offset: Int) -> Int {
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
    }
    return low + 1
  }

  private static func computeLineStarts(_ bytes: [UInt8]) -> [Int] {
    var starts = [0]
    var i = 0
    while i < bytes.count {
      let byte = bytes[i]
      i += 1
      if byte == 0x0A {
        starts.append(i)
      } else if byte == 0x0D {
        if i < bytes.count, bytes[i] == 0x0A { i += 1 }
        starts.append(i)
      }
    }
    return starts
  }
}
