import Testing
@testable import PyRuntime

/// The helpers behind the builtins (`operator.index`, `round`, `abs`, `divmod`, `pow`,
/// `hex`/`oct`/`bin`) and the compiler's big constants.
@Suite(.enabled(if: NumberOracle.isAvailable, NumberOracle.unavailable))
struct NumberBuiltinsTests {
  typealias C = NumberCalls

  @Test func builtinsAgainstPython() throws {
    var cases: [String] = []
    let operands = ["i0", "i255", "i-255", "T", C.int("-123456789012345678901234567890"), C.float(1.5), "M-8",
                    "G\(C.float(2.5).dropFirst())", C.str("7"), "n", "l1"]
    for a in operands {
      for function in ["index", "hex", "oct", "bin", "abs", "round", "int", "float", "bool"] {
        cases.append("call:\(function)|\(a)")
      }
      for b in operands {
        cases.append("call:divmod|\(a)|\(b)")
        cases.append("call:pow|\(a)|\(b)|i7")
      }
    }
    cases += [
      "call:pow|i2|i10", "call:pow|i2|i-1|i7", "call:pow|i3|i-1|i7", "call:pow|i2|i3|i0", "call:pow|i2|i3|n",
      "call:pow|\(C.float(2))|i3|i5", "call:pow|i2|i3|\(C.float(5))", "call:pow|i2|\(C.float(3))|i5",
      "call:divmod|\(C.float(7))|i0", "call:divmod|i7|i0", "call:divmod|i-7|i2", "call:divmod|\(C.float(-7))|i2",
    ]
    try NumberCalls.compare(cases)
  }

  @Test func indexConversions() {
    let runtime = Runtime()
    let rt = runtime.ref
    let big = rt.newInt(bigDecimal: "100000000000000000000")!, negativeBig = rt.newInt(bigDecimal: "-100000000000000000000")!
    let seven = rt.newInt(7)!, half = rt.newFloat(0.5)!
    #expect(rt.asIndex(seven) == 7)
    #expect(rt.asIndex(rt.state.pointee.trueObject) == 1)
    #expect(rt.asIndex(big) == nil)
    #expect(rt.takeError() == PyError("OverflowError", "Python int too large to convert to C ssize_t"))
    #expect(rt.asIndex(big, orRaise: "IndexError") == nil)
    #expect(rt.takeError() == PyError("IndexError", "cannot fit 'int' into an index-sized integer"))
    #expect(rt.asIndex(half) == nil)
    #expect(rt.takeError() == PyError("TypeError", "'float' object cannot be interpreted as an integer"))
    #expect(rt.asIndexClamped(big) == Int.max)
    #expect(rt.asIndexClamped(negativeBig) == Int.min)
    let index = rt.index(rt.state.pointee.trueObject)!
    #expect(index.type == rt.state.pointee.types.int && IntObject.value(index) == 1)
    for object in [big, negativeBig, seven, half, index] { rt.decref(object) }
  }

  @Test func bigDecimalConstants() {
    let runtime = Runtime()
    let rt = runtime.ref
    let digits = "9" + String(repeating: "0123456789", count: 600)
    let value = rt.newInt(bigDecimal: digits)!
    let negative = rt.newInt(bigDecimal: "-" + digits)!
    #expect(rt.setIntMaxStrDigits(0))
    #expect(rt.intToDecimalString(value) == digits)
    #expect(rt.intToDecimalString(negative) == "-" + digits)
    #expect(IntObject.value(rt.newInt(bigDecimal: "-5")!) == -5)
    #expect(rt.newInt(bigDecimal: "12a") == nil)
    #expect(rt.takeError()?.typeName == "ValueError")
    rt.decref(value)
    rt.decref(negative)
  }

  @Test func radixStringsWithoutPrefix() {
    let runtime = Runtime()
    let rt = runtime.ref
    let value = rt.newInt(-255)!
    for (radix, prefixed, bare) in [(16, "-0xff", "-ff"), (8, "-0o377", "-377"), (2, "-0b11111111", "-11111111"),
                                    (10, "-255", "-255")] {
      let withPrefix = rt.intToString(value, radix: radix, prefix: true)!
      let without = rt.intToString(value, radix: radix, prefix: false)!
      #expect(StrObject.string(withPrefix) == prefixed)
      #expect(StrObject.string(without) == bare)
      rt.decref(withPrefix)
      rt.decref(without)
    }
    rt.decref(value)
  }
}
