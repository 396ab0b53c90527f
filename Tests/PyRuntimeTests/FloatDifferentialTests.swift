import Testing
@testable import PyRuntime

/// Float repr, arithmetic, hashing and mixed int/float operations against python3.
/// Floats travel as their bit patterns ("x3ff0000000000000"), so no text conversion stands
/// between the two sides.
@Suite(.enabled(if: NumberOracle.isAvailable, NumberOracle.unavailable))
struct FloatDifferentialTests {
  static let script = oracleFormatting + """
  import operator
  def cmp(a, b): return ''.join('T' if r else 'F' for r in (a < b, a <= b, a == b, a != b, a > b, a >= b))
  def power(a, b):
      try:
          r = a ** b
      except OverflowError as e:
          if str(e) == 'complex exponentiation': return 'complex'
          raise
      return 'complex' if isinstance(r, complex) else r
  ops = {
    'add': operator.add, 'sub': operator.sub, 'mul': operator.mul, 'truediv': operator.truediv,
    'floordiv': operator.floordiv, 'mod': operator.mod, 'divmod': divmod, 'pow': power, 'cmp': cmp,
    'hash': lambda a: hex(hash(a)), 'repr': repr, 'int': int, 'neg': operator.neg, 'abs': abs,
    'eq': lambda a, b: a == b and hash(a) == hash(b),
  }
  run(ops, arg)
  """

  static func bits(_ x: Double) -> String { "x" + String(x.bitPattern, radix: 16) }

  /// Values where the rules have edges: zeros, infinities, NaN, extremes, halves,
  /// integers around 2^53, and a few ordinary numbers.
  static let specials: [Double] = [
    0, -0.0, .infinity, -.infinity, .nan, 1, -1, 0.5, -0.5, 1.5, 2, 3, -3, 7.5, -7.5, 10, 0.1, 1e-300,
    .leastNonzeroMagnitude, -.leastNonzeroMagnitude, 2.2250738585072014e-308, 1e300, -1e300, 1.7976931348623157e308, 0x1p53, 0x1p53 + 2,
    -0x1p53, 0x1p63, 0x1p64, 1e16, 1e15, 123456789.125, 0.001, 1e-5, 1e22, 1e23, 2.5, -2.5, 1 / 3.0,
  ]

  static func randomDouble(_ random: inout NumberRandom) -> Double {
    switch random.below(6) {
    case 0: return specials[random.below(specials.count)]
    case 1: return Double(bitPattern: random.next())                         // anything, NaNs included
    case 2: return Double(random.below(2001) - 1000) / Double([1, 2, 4, 8, 10, 3][random.below(6)])
    case 3: return Double("\(random.below(100_000))e\(random.below(60) - 30)")!
    default: return (Double(random.below(1 << 20)) - Double(1 << 19)) * 0x1p-10 * Double(1 << random.below(30))
    }
  }

  static func evaluate(_ rt: RuntimeRef, _ line: String) -> String {
    let parts = line.split(separator: " ").map(String.init)
    let args = parts.dropFirst().map { text -> PyRef in
      if text.hasPrefix("x") { return rt.newFloat(Double(bitPattern: UInt64(text.dropFirst(), radix: 16)!))! }
      return rt.testInt(hex: text)
    }
    defer { for arg in args { rt.decref(arg) } }
    let a = args[0], b = args.count > 1 ? args[1] : args[0]
    let binary: [String: NumberOperator] = [
      "add": .add, "sub": .subtract, "mul": .multiply, "truediv": .trueDivide, "floordiv": .floorDivide,
      "mod": .modulo, "divmod": .divmod, "pow": .power,
    ]
    if let operation = binary[parts[0]] {
      let result = rt.outcome(rt.numberBinary(operation, a, b))
      // A negative base to a fractional power is complex (the oracle says just "complex").
      return result == "<complex>" || result == "Error: OverflowError: complex exponentiation" ? "complex" : result
    }
    switch parts[0] {
    case "cmp":
      let outcomes: [NumberComparison] = [.less, .lessOrEqual, .equal, .notEqual, .greater, .greaterOrEqual]
      return String(outcomes.map { rt.numberCompare($0, a, b)! ? Character("T") : Character("F") })
    case "eq": return rt.equal(a, b) == 1 && rt.hash(a) == rt.hash(b) ? "True" : "False"
    case "hash":
      let hash = rt.hash(a)
      return hash < 0 ? "-0x" + String(-hash, radix: 16) : "0x" + String(hash, radix: 16)
    case "repr": return rt.numberRepr(a)!
    case "int": return rt.outcome(rt.newInt(truncating: FloatObject.value(a)))
    case "neg": return rt.outcome(rt.numberUnary(.negative, a))
    case "abs": return rt.outcome(rt.numberUnary(.absolute, a))
    default: preconditionFailure("unknown op \(parts[0])")
    }
  }

  static func compare(_ lines: [String], seed: UInt64) throws {
    let runtime = Runtime()
    let rt = runtime.ref
    let swift = lines.map { evaluate(rt, $0) }
    let python = try NumberOracle.run(script: script, lines: lines)
    expectSameOutcomes(lines, swift: swift, python: python, seed: seed)
  }

  @Test func reprOfTrickyValues() throws {
    var values = Self.specials
    values += [1e16 - 2, 1.2345678901234567e+20, 123456789012345680.0, 0.3, 2.675, 1e-7,
               0.0001, 0.00001, 100.0, 1e100, 4.35, 0.1 + 0.2, 1.1 * 1.1, Double(bitPattern: 0x0000_0f00_0000_0001), Double(bitPattern: 3), 8.98846567431158e307,
               Double.ulpOfOne, 1 + Double.ulpOfOne, Double.greatestFiniteMagnitude.nextDown]
    for exponent in -30...30 { values.append(Double("1e\(exponent)")!); values.append(Double("9.5e\(exponent)")!) }
    try Self.compare(values.map { "repr \(Self.bits($0))" }, seed: 0)
  }

  @Test(arguments: [21, 22] as [UInt64])
  func reprOfRandomValues(seed: UInt64) throws {
    var random = NumberRandom(seed: seed)
    try Self.compare((0..<3000).map { _ in "repr \(Self.bits(Self.randomDouble(&random)))" }, seed: seed)
  }

  @Test(arguments: [31, 32] as [UInt64])
  func arithmeticAndHashes(seed: UInt64) throws {
    var random = NumberRandom(seed: seed)
    let binary = ["add", "sub", "mul", "truediv", "floordiv", "mod", "divmod", "pow", "cmp"]
    var lines: [String] = []
    for _ in 0..<2500 {
      let x = Self.randomDouble(&random), y = Self.randomDouble(&random)
      switch random.below(10) {
      case 0..<7: lines.append("\(binary[random.below(binary.count)]) \(Self.bits(x)) \(Self.bits(y))")
      case 7: if !x.isNaN { lines.append("hash \(Self.bits(x))") }
      case 8: lines.append("int \(Self.bits(x))")
      default: lines.append("\(random.chance(50) ? "neg" : "abs") \(Self.bits(x))")
      }
    }
    try Self.compare(lines, seed: seed)
  }

  /// Int with float: conversion for arithmetic (OverflowError past the float range),
  /// exact comparison, and equal values hashing alike.
  @Test(arguments: [41, 42] as [UInt64])
  func mixedIntAndFloat(seed: UInt64) throws {
    var random = NumberRandom(seed: seed)
    let binary = ["add", "sub", "mul", "truediv", "floordiv", "mod", "divmod", "pow", "cmp", "cmp", "eq"]
    var lines: [String] = []
    for _ in 0..<2000 {
      var x = Self.randomDouble(&random)
      var n = random.bigHex(maxDigits: 40)
      if random.chance(30), x.isFinite, abs(x) < 0x1p1000 {
        // An int equal or adjacent to the float.
        let truncated = x.rounded(.towardZero)
        let magnitude = String(UInt64(abs(truncated).truncatingRemainder(dividingBy: 0x1p64)), radix: 16)
        n = abs(truncated) < 0x1p64 ? (truncated < 0 ? "-" : "") + magnitude : n
        if random.chance(50) { x = truncated }
      }
      let operation = binary[random.below(binary.count)]
      lines.append(random.chance(50) ? "\(operation) \(Self.bits(x)) \(n)" : "\(operation) \(n) \(Self.bits(x))")
    }
    // Around 2^53, where a careless comparison rounds the int.
    for (x, n) in [(0x1p53, "20000000000001"), (0x1p53, "20000000000000"), (0x1p53, "1fffffffffffff"),
                   (0x1p64, "10000000000000001"), (-0x1p64, "-10000000000000001"), (0x1p1023, "8" + String(repeating: "0", count: 255)),
                   (Double.infinity, "1" + String(repeating: "0", count: 300)), (Double.nan, "0"), (0.5, "0"), (-0.5, "-1")] {
      lines.append("cmp \(Self.bits(x)) \(n)")
      lines.append("eq \(n) \(Self.bits(x))")
    }
    try Self.compare(lines, seed: seed)
  }
}
