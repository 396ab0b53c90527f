import Foundation
import Testing
@testable import PyRuntime

/// Runs the local CPython 3.11 as the oracle for the text types' tests. Input and output go
/// through temporary files, so large batches cannot deadlock on pipes.
enum TextOracle {
  /// `python3` is on the PATH and is 3.11.
  static let isAvailable: Bool = {
    (try? run("import sys; print(sys.version_info[:2] == (3, 11))"))?.hasPrefix("True") ?? false
  }()

  /// Runs `script` with `input` on stdin and returns stdout; `PYTHONHASHSEED=0`.
  static func run(_ script: String, input: String = "") throws -> String {
    let result = try PythonProcess.run(arguments: ["-c", script], input: input)
    if result.status != 0 { Issue.record("python3 failed: \(result.errors)") }
    return result.output
  }

  /// Runs `script` and splits its output into lines.
  static func lines(_ script: String, input: [String]) throws -> [String] {
    try run(script, input: input.joined(separator: "\n") + "\n")
      .split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
  }

  /// Python helpers shared by the scripts: strings travel as dot-separated hex code points
  /// (`T('61.e9')` is `'aé'`), results come back in the same encoding (`enc`).
  static let prelude = """
    import sys
    def T(s):
        return ''.join(chr(int(x, 16)) for x in s.split('.') if x)
    def H(s):
        return '.'.join('%x' % ord(c) for c in s)
    def N(s):
        return None if s == '-' else int(s)
    def enc(v):
        if v is None: return 'n'
        if isinstance(v, bool): return 'b:%d' % v
        if isinstance(v, int): return 'i:%d' % v
        if isinstance(v, str): return 's:' + H(v)
        if isinstance(v, list): return 'l:' + '/'.join(H(x) for x in v)
        return '?'
    def run(f):
        try:
            return enc(f())
        except Exception as e:
            return 'e:%s:%s' % (type(e).__name__, e)

    """
}

/// Encodings matching ``TextOracle/prelude``.
enum TextCodec {
  static func hex(_ codePoints: [UInt32]) -> String { codePoints.map { String($0, radix: 16) }.joined(separator: ".") }
  static func hex(_ string: String) -> String { hex(string.unicodeScalars.map(\.value)) }

  /// A str result, or the pending error.
  static func encode(_ object: PyRef?, _ rt: RuntimeRef) -> String {
    guard let object else { return error(rt) }
    defer { rt.decref(object) }
    if rt.isStr(object) { return "s:" + hex(StrObject.codePoints(object)) }
    if object.type == rt.state.pointee.types.list {
      return "l:" + (0..<ListObject.count(object)).map { hex(StrObject.codePoints(ListObject.item(object, $0))) }
        .joined(separator: "/")
    }
    return "?"
  }

  static func encode(_ value: Int?, _ rt: RuntimeRef) -> String { value.map { "i:\($0)" } ?? error(rt) }
  static func encode(_ value: Bool?, _ rt: RuntimeRef) -> String { value.map { "b:\($0 ? 1 : 0)" } ?? error(rt) }

  static func error(_ rt: RuntimeRef) -> String {
    guard let error = rt.takeError() else { return "e:none" }
    return "e:\(error.typeName):\(error.message)"
  }
}

/// A seeded generator (SplitMix64), so a failing case can be replayed.
struct TextRandom: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 { TextHash.splitMix(&state) }
  mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

  /// A code point from any plane, surrogates and unassigned ones included.
  mutating func anyCodePoint() -> UInt32 {
    switch below(6) {
    case 0: return UInt32(below(0x80))
    case 1: return UInt32(below(0x100))
    case 2: return UInt32(below(0x10000))
    case 3: return UInt32(0x10000 + below(0x20000))   // planes 1 and 2: emoji, CJK extensions
    default: return UInt32(below(0x110000))
    }
  }
}

/// A runtime with `PYTHONHASHSEED=0` hashing.
func textRuntime() -> Runtime { Runtime(hashSeed: 0) }
