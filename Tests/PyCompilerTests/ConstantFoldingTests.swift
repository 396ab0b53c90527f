import PySyntax
import Testing

@testable import PyCompiler

/// Constant folding against CPython 3.11: for each expression, `x = <expr>` either loads one
/// folded constant (compared by `repr`) or computes at run time, as CPython's does.
@Suite struct ConstantFoldingTests {
  /// Folded or not exactly as CPython does.
  static let sameAsCPython = [
    "-1", "+1", "~5", "not 0", "-True", "~True", "+True", "not ()", "not 'x'",
    "-(2**63)", "2**64", "-(2**64)", "2**63 - 1", "2**127", "2**128", "3**80", "0 ** 0", "(-1) ** 5", "0 ** 1000",
    "1 << 100", "1 << 127", "1 << 128", "3 << 126", "-1 >> 3", "-(2**100) >> 99", "5 >> 100", "1 << -1",
    "-7 // 2", "-7 % 3", "7 % -3", "7.5 // 2", "-7.5 % 2", "7.5 % -2", "-0.0 % 5", "1 / 3", "10 / 4", "-1 / 3",
    "3 * 'ab'", "'ab' * 3", "'a' * 4096", "'a' * 4097", "'é' * 4096", "'ab' * 2049", "b'x' * 4096", "b'x' * 4097",
    "'ab' * -1", "'' * 5", "True * 'a'",
    "(1,) * 256", "(1,) * 257", "((1, 2),) * 200", "(1, 2) + (3,)", "() * 5",
    "'a' + 'b'", "b'a' + b'b'", "1 + 2j", "1.5 - 2j", "2j * 3j", "(1+2j) * (3-4j)", "-0.0", "-(0j)", "-(1+0j)",
    "0.1 + 0.2", "1e308 * 10", "-1e308 * 10", "2.5 * 4",
    "True & False", "True | False", "True ^ True", "True | 2", "5 ^ 3", "-5 & 0xff", "-5 | 8", "-5 ^ -3",
    "~(2**70)", "-(2**70) & (2**69 + 5)", "(2**70 - 1) ^ -(2**65)",
    "'abc'[1]", "'abc'[-1]", "'abc'[3]", "(1, 2, 3)[True]", "b'abc'[0]", "'é✓x'[1]", "(1, 2)[-3]",
    "12345678901234567890 * 98765", "12345678901234567890 * 98765432109876543210",
    "10**30 // 7", "-(10**30) // 7", "123456789012345678901234567890 % 97", "-(123456789012345678901234567890) % 97",
    "0xffffffffffffffffffffffffffffffffffff + 1", "0xffffffffffffffffffffffffffffffffffff - 0xfffffffffffffffffffffffffff",
    "'%s' % 5", "1 / 0", "1 // 0", "1 % 0", "1.0 / 0", "1 + 'a'", "[1, 2][0]", "(1, (2, 3))", "((1,) * 10) * 30",
    "__debug__", "not __debug__", "(1, 2) < (3,)", "'a' if 1 else 'b'", "2 ** 1000 > 0",
  ]

  /// CPython folds these, through libm or correctly rounded conversions this compiler does
  /// not reproduce; they are computed at run time here.
  static let leftToRunTime = [
    "2 ** -1", "2 ** 0.5", "2.0 ** 10", "(1+2j) / 2", "1j ** 2", "2 ** 60 / 3", "10 ** 20 + 0.5",
  ]

  /// `repr` of the constant `x = <expr>` stores, or "-" when it is not a single constant.
  static func ours(_ expression: String) throws -> String {
    let code = try compileSource("x = \(expression)\n")
    let instructions = code.instructions
    guard instructions.count >= 2, instructions[0].opcode == .loadConst, instructions[1].opcode == .storeName else {
      return "-"
    }
    return Disassembler.repr(code.constants[Int(instructions[0].argument)])
  }

  static let cpythonScript = """
    import sys, dis
    for expression in sys.stdin.read().split('\\0'):
        code = compile('x = ' + expression, 'f', 'exec')
        ins = [i for i in dis.get_instructions(code) if i.opname not in ('RESUME', 'CACHE')]
        if ins[0].opname == 'LOAD_CONST' and ins[1].opname == 'STORE_NAME':
            print(repr(ins[0].argval))
        else:
            print('-')
    """

  @Test(.enabled(if: Python.isAvailable, Python.unavailable))
  func foldsExactlyAsCPython() throws {
    let output = try Python.run(["-c", Self.cpythonScript], input: Self.sameAsCPython.joined(separator: "\0"))
    let expected = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for (i, expression) in Self.sameAsCPython.enumerated() {
      #expect(try Self.ours(expression) == expected[i], "\(expression)")
    }
  }

  @Test func leavesLibmResultsToRunTime() throws {
    for expression in Self.leftToRunTime {
      #expect(try Self.ours(expression) == "-", "\(expression)")
    }
  }

  @Test func recordedFolds() throws {
    #expect(try Self.ours("-1") == "-1")
    #expect(try Self.ours("(1, 2) + (3,)") == "(1, 2, 3)")
    #expect(try Self.ours("'ab' * 3") == "'ababab'")
    #expect(try Self.ours("'a' * 4097") == "-")
    #expect(try Self.ours("2 ** 200") == "-")
    #expect(try Self.ours("1 / 0") == "-")
    #expect(try Self.ours("-7 // 2") == "-4")
    #expect(try Self.ours("1 + 2j") == "(1+2j)")
    #expect(try Self.ours("__debug__") == "True")
  }

  /// Values from python3: `a+b, a*b, a//b, a%b, a&b, ~a, a>>70`.
  @Test func bigIntArithmetic() {
    let a = BigInt(decimal: "-123456789012345678901234567890")!
    let b = BigInt(decimal: "987654321098765432109")!
    #expect((a + b).decimalString == "-123456788024691357802469135781")
    #expect((a * b).decimalString == "-121932631137021795226076817523485749121223746380010")
    let (q, r) = a.floorDivMod(b)!
    #expect(q.decimalString == "-124999999")
    #expect(r.decimalString == "137345679013625000001")
    #expect((a & b).decimalString == "19024335195663824172")
    #expect((~a).decimalString == "123456789012345678901234567889")
    #expect(a.shiftedRight(70).decimalString == "-104571968")
    #expect(BigInt(decimal: "0")!.decimalString == "0")
    #expect(BigInt(exactly: -1e20)?.decimalString == "-100000000000000000000")
  }

  /// Sets of constants keep the first of equal items, as `frozenset` does.
  @Test func setConstantsDeduplicate() throws {
    let code = try compileSource("x in {1, 1.0, True, 'a', 'a', 2}\n")
    #expect(code.constants.contains(.frozenset([.int(1), .str([0x61]), .int(2)])))
  }
}
