import Foundation
import Testing
@testable import PyRuntime

/// Runs the local CPython 3.11 on a script and a list of input lines, one process per
/// batch, so differential tests cost one start-up. Output goes through temporary files.
enum NumberOracle {
  static let isAvailable: Bool = {
    guard let output = try? run(script: "import sys; print(sys.version_info[:2] == (3, 11))", lines: []) else {
      return false
    }
    return output == ["True"]
  }()

  /// Runs `script` with `lines` on standard input; returns its output lines.
  static func run(script: String, lines: [String]) throws -> [String] {
    let run = try PythonProcess.run(arguments: ["-c", script], input: lines.map { $0 + "\n" }.joined())
    if run.status != 0 { throw OracleFailure(message: run.errors) }
    var output = run.output.components(separatedBy: "\n")
    if output.last == "" { output.removeLast() }
    return output
  }

  struct OracleFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { "python3 failed: \(message)" }
  }

  static let unavailable: Comment = "python3 (CPython 3.11) is not available; differential test skipped"
}

/// SplitMix64, seedable so every randomized case can be replayed.
struct NumberRandom: RandomNumberGenerator {
  private var state: UInt64
  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  mutating func below(_ bound: Int) -> Int { Int(next(upperBound: UInt64(bound))) }
  mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

  /// A random int as a signed hex string ("-1f", "0"), biased towards the shapes that break
  /// arithmetic: digit-boundary sizes, runs of ones and zeros, powers of two and their
  /// neighbours.
  mutating func bigHex(maxDigits: Int = 12) -> String {
    let sizes = [0, 1, 1, 2, 2, 3, 4, 5, 8, maxDigits]
    let digits = sizes[below(sizes.count)]
    var bits = max(0, digits * 30 - below(30))
    if chance(10) { bits = [29, 30, 31, 59, 60, 61, 62, 63, 64, 65, 90, 120][below(12)] }
    var value: [UInt8] = []   // hex digits, most significant first
    let hexCount = (bits + 3) / 4
    let style = below(5)
    for index in 0..<hexCount {
      switch style {
      case 0: value.append(index == 0 ? 1 : 0)                            // a power of two
      case 1: value.append(15)                                            // 2^k − 1
      case 2: value.append(chance(50) ? 15 : 0)                           // long runs
      default: value.append(UInt8(below(16)))
      }
    }
    if style == 0 && hexCount > 0 && chance(50) { value[hexCount - 1] = 1 }   // 2^k + 1
    let text = String(value.map { Character(String($0, radix: 16)) })
    let trimmed = text.drop { $0 == "0" }
    let magnitude = trimmed.isEmpty ? "0" : String(trimmed)
    return magnitude != "0" && chance(40) ? "-" + magnitude : magnitude
  }
}

/// Evaluation helpers shared by the number tests.
extension RuntimeRef {
  /// An int from a signed hex string; the test fails on a parse error.
  func testInt(hex: String) -> PyRef {
    guard let object = newInt(parsing: hex, base: 16) else {
      preconditionFailure("bad test int \(hex): \(takeError().map(String.init(describing:)) ?? "?")")
    }
    return object
  }

  /// An operation's outcome as the oracle prints it: ints in hex, floats by repr, bools
  /// as True/False, tuples space-separated, errors as "Error: Type: message".
  func outcome(_ result: PyRef?) -> String {
    guard let result else { return errorOutcome() }
    defer { decref(result) }
    return format(result)
  }

  func format(_ object: PyRef) -> String {
    if isBool(object) { return BoolObject.repr(object) }
    if isInt(object) { return intToString(object, base: 16)! }
    if isFloat(object) { return FloatObject.repr(FloatObject.value(object)) }
    if object.type == state.pointee.types.tuple {
      return (0..<TupleObject.count(object)).map { format(TupleObject.item(object, $0)!) }.joined(separator: " ")
    }
    return "<\(object.type.name)>"
  }

  func errorOutcome() -> String {
    guard let error = takeError() else { return "Error: none set" }
    return "Error: \(error.typeName): \(error.message)"
  }
}

/// The Python side's formatting, matching ``RuntimeRef/outcome(_:)``.
let oracleFormatting = """
import sys, struct
sys.set_int_max_str_digits(0)
def fmt(v):
    if isinstance(v, bool): return repr(v)
    if isinstance(v, int): return hex(v)
    if isinstance(v, float): return repr(v)
    if isinstance(v, tuple): return ' '.join(fmt(x) for x in v)
    return str(v)
def run(ops, parse):
    for line in sys.stdin:
        parts = line.split()
        try:
            r = fmt(ops[parts[0]](*[parse(x) for x in parts[1:]]))
        except Exception as e:
            r = 'Error: %s: %s' % (type(e).__name__, e)
        print(r)
def f64(text):
    return struct.unpack('<d', struct.pack('<Q', int(text, 16)))[0]
def arg(text):
    return f64(text[1:]) if text.startswith('x') else int(text, 16)

"""

/// Compares two output lists and records the first few differing cases.
func expectSameOutcomes(_ inputs: [String], swift: [String], python: [String], seed: UInt64,
                        sourceLocation: SourceLocation = #_sourceLocation) {
  #expect(swift.count == python.count, "seed \(seed): line counts differ", sourceLocation: sourceLocation)
  var mismatches = 0
  for index in 0..<min(swift.count, python.count) where swift[index] != python[index] {
    mismatches += 1
    if mismatches <= 8 {
      Issue.record("seed \(seed): \(inputs[index])\n  pyheap: \(swift[index])\n  python: \(python[index])",
                   sourceLocation: sourceLocation)
    }
  }
  #expect(mismatches == 0, "seed \(seed): \(mismatches) of \(inputs.count) cases differ", sourceLocation: sourceLocation)
}
