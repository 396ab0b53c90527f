import Foundation
import PySyntax
import Testing

/// `repr()` of constants against CPython's: floats and imaginary numbers through the
/// parser (literal → value → repr), and strings for every code point.
@Suite(.enabled(if: PythonOracle.isAvailable, PythonOracle.unavailableComment))
struct ConstantReprTests {
  static let floatLiterals = [
    "0.0", "1.0", "1.5", "0.1", "0.2", "0.30000000000000004", "1e16", "1e15", "9999999999999998.0",
    "1e17", "1.5e16", "123456789012345678.0", "0.0001", "0.00001", "0.000123", "1e-7", "1e22",
    "1e23", "5e-324", "2.5e-324", "1e-400", "1.7976931348623157e308", "1e309", "3.141592653589793",
    "2.0000000000000004", "9007199254740993.0", "100.0", "1e2", "12345.678e-3", "0.5e-4", "7e-5",
    "1_000.000_1", "09.5", ".5", "5.", "1e+0", "4e-4",
  ]

  @Test func floatsAndImaginaryNumbersPrintLikePython() throws {
    let literals = Self.floatLiterals + Self.floatLiterals.map { $0 + "j" }
    let script = "import sys\nfor line in sys.stdin.read().split('\\n'):\n    print(repr(eval(line)))\n"
    let expected = try PythonOracle.run(["-c", script], stdin: literals.joined(separator: "\n"))
      .stdout.split(separator: "\n").map(String.init)
    #expect(expected.count == literals.count)
    for (literal, want) in zip(literals, expected) {
      guard case .success(let module) = parse(Array(literal.utf8)),
        case .expr(let expression) = module.body.first?.kind,
        case .constant(let value, _) = expression.kind
      else {
        Issue.record("\(literal): not a constant")
        continue
      }
      #expect(value.pythonRepr == want, "\(literal)")
    }
  }

  /// Every code point of the Basic Multilingual Plane and a stride through the others,
  /// surrogates included, one at a time and in strings with quotes.
  @Test func stringsPrintLikePython() throws {
    var points: [UInt32] = Array(0..<0x10000)
    points += stride(from: 0x10000, through: 0x10FFFF, by: 37).map { UInt32($0) }
    let script = """
      import sys
      points = [int(p) for p in sys.stdin.read().split()]
      for p in points:
          print(repr(chr(p)).encode('utf-8', 'surrogatepass').hex())
      for s in ['it\\'s', 'say "hi"', '\\'"', 'a\\\\b', 'tab\\there', '\\x00\\x1f\\x7f', 'é\\u0301']:
          print(repr(s).encode('utf-8').hex())
      """
    let expected = try PythonOracle.run(["-c", script], stdin: points.map(String.init).joined(separator: " "))
      .stdout.split(separator: "\n").map(String.init)
    let extras = ["it's", "say \"hi\"", "'\"", "a\\b", "tab\there", "\u{0}\u{1F}\u{7F}", "é\u{0301}"]
    #expect(expected.count == points.count + extras.count)
    var mismatches: [String] = []
    for (point, want) in zip(points, expected) {
      let ours = ConstantValue.str(Self.wtf8(point)).pythonRepr ?? ""
      if Self.hex(ours) != want { mismatches.append(String(point, radix: 16)) }
    }
    for (text, want) in zip(extras, expected.suffix(extras.count)) {
      if Self.hex(ConstantValue.string(text).pythonRepr ?? "") != want { mismatches.append(text) }
    }
    #expect(mismatches.isEmpty, "code points printed differently: \(mismatches.prefix(40))")
  }

  @Test func bytesPrintLikePython() throws {
    let samples: [[UInt8]] = [Array(0...255), Array("it's".utf8), Array("say \"hi\"".utf8), Array("'\"".utf8), []]
    let script = "import sys\nfor line in sys.stdin.read().split('\\n'):\n    print(repr(bytes.fromhex(line)))\n"
    let expected = try PythonOracle.run(["-c", script], stdin: samples.map { Self.hex($0) }.joined(separator: "\n"))
      .stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for (sample, want) in zip(samples, expected) {
      #expect(ConstantValue.bytes(sample).pythonRepr == want)
    }
  }

  @Test func bigIntegersPrintInDecimal() {
    let value = BigUInt(digits: Array(repeating: 15, count: 32), radix: 16)
    #expect(value.decimalString() == "340282366920938463463374607431768211455")
    #expect(BigUInt(digits: [1] + Array(repeating: 0, count: 30), radix: 10).decimalString()
      == "1" + String(repeating: "0", count: 30))
    #expect(BigUInt(digits: [7, 7, 7], radix: 8).decimalString() == "511")
    #expect(BigUInt(digits: Array(repeating: 1, count: 64), radix: 2).uint64Value == UInt64.max)
    // More than 4,300 decimal digits: CPython refuses to print it.
    #expect(BigUInt(digits: [1] + Array(repeating: 0, count: 4000), radix: 16).decimalString() == nil)
  }

  /// The generalized UTF-8 of one code point (surrogates included).
  static func wtf8(_ value: UInt32) -> [UInt8] {
    switch value {
    case ..<0x80: return [UInt8(value)]
    case ..<0x800: return [UInt8(0xC0 | value >> 6), UInt8(0x80 | value & 0x3F)]
    case ..<0x10000:
      return [UInt8(0xE0 | value >> 12), UInt8(0x80 | value >> 6 & 0x3F), UInt8(0x80 | value & 0x3F)]
    default:
      return [UInt8(0xF0 | value >> 18), UInt8(0x80 | value >> 12 & 0x3F), UInt8(0x80 | value >> 6 & 0x3F),
              UInt8(0x80 | value & 0x3F)]
    }
  }

  static func hex(_ text: String) -> String { hex(Array(text.utf8)) }

  static func hex(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef")
    return String(bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] })
  }
}
