import PySyntax

/// The token stream in the text format the oracle script prints for the `tokenize` module:
/// one line per token, `TYPE "json string" startLine startCol endLine endCol`, columns in
/// code points. A tokenizer error ends the dump with an `ERROR message` line.
enum TokenDump {
  /// Python script: reads file paths from stdin, one per line, and prints
  /// `@@FILE path` followed by the `tokenize.tokenize` stream of each (exact types), or a
  /// `PYERROR` line if `tokenize` raises.
  static let pythonScript = #"""
  import sys, tokenize, token, json
  out = sys.stdout
  for path in sys.stdin.read().split('\n'):
      if not path:
          continue
      out.write('@@FILE ' + path + '\n')
      try:
          with open(path, 'rb') as f:
              for t in tokenize.tokenize(f.readline):
                  out.write('%s %s %d %d %d %d\n' % (token.tok_name[t.exact_type], json.dumps(t.string),
                            t.start[0], t.start[1], t.end[0], t.end[1]))
      except Exception as e:
          out.write('PYERROR %s\n' % type(e).__name__)
  """#

  /// Python script: for each path on stdin prints `OK` if CPython compiles it, else
  /// `REJECTED <exception>`.
  static let compileScript = #"""
  import sys
  for path in sys.stdin.read().split('\n'):
      if not path:
          continue
      try:
          compile(open(path, 'rb').read(), path, 'exec')
          print('OK')
      except Exception as e:
          print('REJECTED', type(e).__name__, str(e).replace('\n', ' '))
  """#

  /// Our stream for `bytes` in the oracle's format.
  static func dump(_ bytes: [UInt8], filename: String) -> [UInt8] {
    let source = SourceFile(bytes: bytes, filename: filename)
    var tokenizer = Tokenizer(source, includeTrivia: true)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count * 3)
    while true {
      switch tokenizer.next() {
      case .failure(let error):
        out.append(contentsOf: "ERROR \(error.kind.rawValue): \(error.message)\n".utf8)
        return out
      case .success(let token):
        appendLine(token, source, &out)
        if token.kind == .endMarker { return out }
      }
    }
  }

  static func appendLine(_ token: Token, _ source: SourceFile, _ out: inout [UInt8]) {
    out.append(contentsOf: token.kind.name.utf8)
    out.append(0x20)
    if token.kind == .encoding {
      appendJSON(Array(source.encoding.utf8)[...], &out)
    } else {
      appendJSON(source.bytes[token.byteRange], &out)
    }
    let start = source.characterPosition(token.start)
    let end = source.characterPosition(token.end)
    for number in [start.line, start.column, end.line, end.column] {
      out.append(0x20)
      out.append(contentsOf: String(number).utf8)
    }
    out.append(0x0A)
  }

  /// `json.dumps(text)` with Python's defaults (`ensure_ascii=True`).
  static func appendJSON(_ text: ArraySlice<UInt8>, _ out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    var i = text.startIndex
    while i < text.endIndex {
      let byte = text[i]
      if byte >= 0x20, byte < 0x7F, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") {
        out.append(byte)
        i += 1
        continue
      }
      if byte < 0x80 {
        appendEscape(UInt32(byte), &out)
        i += 1
        continue
      }
      let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
      let end = min(i + length, text.endIndex)
      for scalar in String(decoding: text[i..<end], as: UTF8.self).unicodeScalars {
        if scalar.value > 0xFFFF {
          let v = scalar.value - 0x10000
          appendEscape(0xD800 + (v >> 10), &out)
          appendEscape(0xDC00 + (v & 0x3FF), &out)
        } else {
          appendEscape(scalar.value, &out)
        }
      }
      i = end
    }
    out.append(UInt8(ascii: "\""))
  }

  private static func appendEscape(_ value: UInt32, _ out: inout [UInt8]) {
    out.append(UInt8(ascii: "\\"))
    switch value {
    case 0x22: out.append(UInt8(ascii: "\""))
    case 0x5C: out.append(UInt8(ascii: "\\"))
    case 0x0A: out.append(UInt8(ascii: "n"))
    case 0x0D: out.append(UInt8(ascii: "r"))
    case 0x09: out.append(UInt8(ascii: "t"))
    case 0x08: out.append(UInt8(ascii: "b"))
    case 0x0C: out.append(UInt8(ascii: "f"))
    default:
      out.append(UInt8(ascii: "u"))
      let digits = Array("0123456789abcdef".utf8)
      for shift in stride(from: 12, through: 0, by: -4) {
        out.append(digits[Int((value >> UInt32(shift)) & 0xF)])
      }
    }
  }
}
