import Testing
@testable import PyRuntime

/// The operator layer across int, bool and float: type errors with CPython's messages and
/// exact mixed comparisons.
struct NumberOperationsTests {
  @Test func unsupportedOperandsRaiseTypeError() {
    let runtime = Runtime()
    let rt = runtime.ref
    let one = rt.newInt(1)!, half = rt.newFloat(0.5)!, list = rt.newList()!, two = rt.newInt(2)!
    let cases: [(() -> PyRef?, String)] = [
      ({ rt.numberBinary(.add, one, list) }, "unsupported operand type(s) for +: 'int' and 'list'"),
      ({ rt.numberBinary(.power, half, list) }, "unsupported operand type(s) for ** or pow(): 'float' and 'list'"),
      ({ rt.numberBinary(.divmod, list, one) }, "unsupported operand type(s) for divmod(): 'list' and 'int'"),
      ({ rt.numberBinary(.leftShift, half, one) }, "unsupported operand type(s) for <<: 'float' and 'int'"),
      ({ rt.numberBinary(.xor, one, half) }, "unsupported operand type(s) for ^: 'int' and 'float'"),
      ({ rt.numberUnary(.negative, list) }, "bad operand type for unary -: 'list'"),
      ({ rt.numberUnary(.absolute, list) }, "bad operand type for abs(): 'list'"),
      ({ rt.numberUnary(.invert, half) }, "bad operand type for unary ~: 'float'"),
      ({ rt.numberPower(half, two, modulus: two) }, "pow() 3rd argument not allowed unless all arguments are integers"),
      ({ rt.numberPower(one, two, modulus: list) }, "unsupported operand type(s) for ** or pow(): 'int', 'int', 'list'"),
    ]
    for (operation, message) in cases {
      #expect(operation() == nil)
      #expect(rt.takeError() == PyError("TypeError", message))
    }
    #expect(rt.numberCompare(.less, one, list) == nil)
    #expect(rt.takeError() == PyError("TypeError", "'<' not supported between instances of 'int' and 'list'"))
    #expect(rt.numberCompare(.equal, one, list) == false)
    #expect(rt.numberCompare(.notEqual, one, list) == true)
    for object in [one, half, list, two] { rt.decref(object) }
  }

  /// Comparisons never round the int: 2^53 + 1 > 2.0^53 although float(2^53 + 1) == 2.0^53.
  @Test func mixedComparisonsAreExact() {
    let runtime = Runtime()
    let rt = runtime.ref
    let twoTo53 = rt.newFloat(0x1p53)!, above = rt.newInt((1 << 53) + 1)!, exact = rt.newInt(1 << 53)!
    let nan = rt.newFloat(.nan)!, inf = rt.newFloat(.infinity)!
    let huge = rt.testInt(hex: "1" + String(repeating: "0", count: 400))
    #expect(rt.numberCompare(.greater, above, twoTo53) == true)
    #expect(rt.numberCompare(.equal, above, twoTo53) == false)
    #expect(rt.numberCompare(.equal, exact, twoTo53) == true)
    #expect(rt.numberCompare(.less, twoTo53, above) == true)
    #expect(rt.numberCompare(.less, huge, inf) == true)
    #expect(rt.numberCompare(.equal, nan, nan) == false)
    #expect(rt.numberCompare(.notEqual, nan, nan) == true)
    #expect(rt.numberCompare(.greaterOrEqual, huge, nan) == false)
    #expect(rt.numberBinary(.add, huge, twoTo53) == nil)
    #expect(rt.takeError() == PyError("OverflowError", "int too large to convert to float"))
    for object in [twoTo53, above, exact, nan, inf, huge] { rt.decref(object) }
  }

  @Test func reprAndTruthOfNumbers() {
    let runtime = Runtime()
    let rt = runtime.ref
    let values: [(PyRef, String, Bool)] = [
      (rt.newInt(0)!, "0", false), (rt.newInt(-42)!, "-42", true), (rt.newFloat(-0.0)!, "-0.0", false),
      (rt.newFloat(.nan)!, "nan", true), (rt.testInt(hex: "-1" + String(repeating: "0", count: 32)),
                                          "-340282366920938463463374607431768211456", true),
    ]
    for (object, repr, truth) in values {
      #expect(rt.numberRepr(object) == repr)
      #expect(rt.numberIsTrue(object) == truth)
      rt.decref(object)
    }
  }
}
