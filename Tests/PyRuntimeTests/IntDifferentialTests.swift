import Foundation
import Testing
@testable import PyRuntime

/// Seeded random big-int operations, evaluated here and by python3 in one process each,
/// compared line by line. A failure prints the seed and the differing cases.
@Suite(.enabled(if: NumberOracle.isAvailable, NumberOracle.unavailable))
struct IntDifferentialTests {
  static let script = oracleFormatting + """
  import operator
  def cmp(a, b): return ''.join('T' if r else 'F' for r in (a < b, a <= b, a == b, a != b, a > b, a >= b))
  ops = {
    'add': operator.add, 'sub': operator.sub, 'mul': operator.mul, 'floordiv': operator.floordiv,
    'mod': operator.mod, 'divmod': divmod, 'pow': pow, 'lshift': operator.lshift, 'rshift': operator.rshift,
    'and': operator.and_, 'or': operator.or_, 'xor': operator.xor, 'truediv': operator.truediv,
    'neg': operator.neg, 'abs': abs, 'invert': operator.invert, 'cmp': cmp, 'hash': lambda a: hex(hash(a)),
    'float': float, 'str': str, 'bin': bin, 'oct': oct, 'bitlen': lambda a: a.bit_length(),
    'parse10': lambda a: int(str(a)),
  }
  run(ops, arg)
  """

  /// One operation in the runtime, formatted as the oracle formats it.
  static func evaluate(_ rt: RuntimeRef, _ line: String) -> String {
    let parts = line.split(separator: " ").map(String.init)
    let args = parts.dropFirst().map { rt.testInt(hex: $0) }
    defer { for arg in args { rt.decref(arg) } }
    let a = args.first!, b = args.count > 1 ? args[1] : a
    switch parts[0] {
    case "add": return rt.outcome(rt.intAdd(a, b))
    case "sub": return rt.outcome(rt.intSubtract(a, b))
    case "mul": return rt.outcome(rt.intMultiply(a, b))
    case "floordiv": return rt.outcome(rt.intFloorDivide(a, b))
    case "mod": return rt.outcome(rt.intModulo(a, b))
    case "divmod": return rt.outcome(rt.numberBinary(.divmod, a, b))
    case "pow": return rt.outcome(rt.intPower(a, b, modulus: args.count > 2 ? args[2] : nil))
    case "lshift": return rt.outcome(rt.intLeftShift(a, b))
    case "rshift": return rt.outcome(rt.intRightShift(a, b))
    case "and": return rt.outcome(rt.intAnd(a, b))
    case "or": return rt.outcome(rt.intOr(a, b))
    case "xor": return rt.outcome(rt.intXor(a, b))
    case "truediv": return rt.outcome(rt.intTrueDivide(a, b))
    case "neg": return rt.outcome(rt.intNegate(a))
    case "abs": return rt.outcome(rt.intAbsolute(a))
    case "invert": return rt.outcome(rt.intInvert(a))
    case "cmp":
      let outcomes: [NumberComparison] = [.less, .lessOrEqual, .equal, .notEqual, .greater, .greaterOrEqual]
      return String(outcomes.map { rt.numberCompare($0, a, b)! ? Character("T") : Character("F") })
    case "hash":
      let hash = rt.intHash(a)
      return hash < 0 ? "-0x" + String(-hash, radix: 16) : "0x" + String(hash, radix: 16)
    case "float": return rt.intToDouble(a).map(FloatObject.repr) ?? rt.errorOutcome()
    case "str": return rt.intToDecimalString(a) ?? rt.errorOutcome()
    case "bin": return rt.intToString(a, base: 2)!
    case "oct": return rt.intToString(a, base: 8)!
    case "bitlen": return "0x" + String(rt.intBitLength(a), radix: 16)
    case "parse10":
      guard let text = rt.intToDecimalString(a) else { return rt.errorOutcome() }
      return rt.outcome(rt.newInt(parsing: text))
    default: preconditionFailure("unknown op \(parts[0])")
    }
  }

  /// Generates `count` random cases.
  static func cases(seed: UInt64, count: Int, maxDigits: Int) -> [String] {
    var random = NumberRandom(seed: seed)
    let binary = ["add", "sub", "mul", "floordiv", "mod", "divmod", "and", "or", "xor", "truediv", "cmp"]
    let unary = ["neg", "abs", "invert", "hash", "float", "str", "bin", "oct", "bitlen", "parse10"]
    var lines: [String] = []
    for _ in 0..<count {
      let a = random.bigHex(maxDigits: maxDigits), b = random.bigHex(maxDigits: maxDigits)
      switch random.below(10) {
      case 0..<5: lines.append("\(binary[random.below(binary.count)]) \(a) \(b)")
      case 5..<7: lines.append("\(unary[random.below(unary.count)]) \(a)")
      case 7:
        let shift = random.chance(5) ? "-\(random.below(5) + 1)" : String(random.below(400), radix: 16)
        lines.append("\(random.chance(50) ? "lshift" : "rshift") \(a) \(shift)")
      case 8:
        let base = random.chance(50) ? String(random.below(40) - 20, radix: 16) : random.bigHex(maxDigits: 2)
        let exponent = random.chance(15) ? "-" + String(random.below(80) + 1, radix: 16) : String(random.below(70), radix: 16)
        lines.append("pow \(base) \(exponent)")
      default:
        // pow(a, b, m), b possibly negative (modular inverse).
        let modulus = random.bigHex(maxDigits: 3)
        lines.append("pow \(a) \(random.bigHex(maxDigits: 3)) \(modulus == "0" && random.chance(70) ? "7" : modulus)")
      }
    }
    return lines
  }

  static func check(seed: UInt64, count: Int, maxDigits: Int) throws {
    let runtime = Runtime()
    let rt = runtime.ref
    rt.setIntMaxStrDigits(0)
    let lines = cases(seed: seed, count: count, maxDigits: maxDigits)
    let swift = lines.map { evaluate(rt, $0) }
    let python = try NumberOracle.run(script: script, lines: lines)
    expectSameOutcomes(lines, swift: swift, python: python, seed: seed)
  }

  @Test(arguments: [1, 2, 3, 4] as [UInt64])
  func smallAndMediumInts(seed: UInt64) throws {
    try Self.check(seed: seed, count: 1500, maxDigits: 12)
  }

  /// Sizes around and above the Karatsuba cutoff (70 digits), balanced and lopsided.
  @Test(arguments: [11, 12] as [UInt64])
  func largeInts(seed: UInt64) throws {
    try Self.check(seed: seed, count: 300, maxDigits: 260)
  }

  /// Products and quotients of chosen sizes, including Karatsuba's lopsided split and
  /// divisions whose quotient digit estimate needs correcting.
  @Test func karatsubaAndKnuthShapes() throws {
    var random = NumberRandom(seed: 99)
    var lines: [String] = []
    func hex(bits: Int) -> String {
      let count = max(1, (bits + 3) / 4)
      var text = String(random.below(15) + 1, radix: 16)
      for _ in 1..<count { text.append(String(random.below(16), radix: 16)) }
      return text
    }
    for (x, y) in [(69, 70), (70, 70), (71, 140), (100, 250), (140, 141), (150, 600), (300, 310), (2, 200)] {
      let a = hex(bits: x * 30), b = hex(bits: y * 30)
      lines.append("mul \(a) \(b)")
      lines.append("mul -\(a) \(b)")
      lines.append("mul \(b) \(b)")
      lines.append("divmod \(b)\(a) \(a)")
      lines.append("divmod -\(b) \(a)")
    }
    // (B^n − 1) / (B^(n/2) − 1) style cases stress the qhat correction (D3) and add-back (D6).
    for n in [2, 3, 5, 9, 20] {
      let ones = String(repeating: "f", count: n * 30 / 4)
      let top = "8" + String(repeating: "0", count: n * 15 / 4)
      lines.append("divmod \(ones)\(ones) \(top)\(ones)")
      lines.append("floordiv \(ones) \(top)1")
      lines.append("mod -\(ones)\(ones) \(ones)")
    }
    let runtime = Runtime()
    let rt = runtime.ref
    rt.setIntMaxStrDigits(0)
    let swift = lines.map { Self.evaluate(rt, $0) }
    let python = try NumberOracle.run(script: Self.script, lines: lines)
    expectSameOutcomes(lines, swift: swift, python: python, seed: 99)
  }

  /// int → float and int / int near rounding boundaries, subnormal results and overflow.
  @Test func conversionsToFloatRoundCorrectly() throws {
    var random = NumberRandom(seed: 7)
    var lines: [String] = []
    // float(2^k + m·2^(k−53) + c): m odd with c = 0 is a tie (to even), c = ±1 breaks it.
    for k in [53, 54, 55, 60, 64, 100, 1000, 1023, 1024] {
      for m in [0, 1, 2, 3, 5] {
        for c in ["0", "1", "-1"] { lines.append("tie \(String(k, radix: 16)) \(m) \(c)") }
      }
    }
    for _ in 0..<300 {
      let a = random.bigHex(maxDigits: 40), b = random.bigHex(maxDigits: 40)
      lines.append("truediv \(a) \(b)")
      lines.append("float \(a)")
    }
    for (x, y) in [("1", "1" + String(repeating: "0", count: 270)), ("1" + String(repeating: "0", count: 270), "3"),
                   ("3", "1" + String(repeating: "0", count: 268)), ("-5", "1" + String(repeating: "0", count: 265)),
                   ("0", "-1" + String(repeating: "0", count: 30)), ("1" + String(repeating: "0", count: 257), "1")] {
      lines.append("truediv \(x) \(y)")
    }
    let runtime = Runtime()
    let rt = runtime.ref
    let swift = lines.map { line -> String in
      let parts = line.split(separator: " ").map(String.init)
      guard parts[0] == "tie" else { return Self.evaluate(rt, line) }
      let k = rt.testInt(hex: parts[1]), m = rt.testInt(hex: parts[2]), c = rt.testInt(hex: parts[3])
      let one = rt.newInt(1)!, k53 = rt.newInt(Int(parts[1], radix: 16)! - 53)!
      let power = rt.intLeftShift(one, k)!, middle = rt.intLeftShift(m, k53)!
      let partial = rt.intAdd(power, middle)!, sum = rt.intAdd(partial, c)!
      defer { for object in [k, m, c, one, k53, power, middle, partial, sum] { rt.decref(object) } }
      return rt.intToDouble(sum).map(FloatObject.repr) ?? rt.errorOutcome()
    }
    let script = Self.script.replacingOccurrences(
      of: "'add': operator.add", with: "'tie': lambda k, m, c: float((1 << k) + (m << (k - 53)) + c), 'add': operator.add")
    let python = try NumberOracle.run(script: script, lines: lines)
    expectSameOutcomes(lines, swift: swift, python: python, seed: 7)
  }
}
