import Testing
@testable import PyRuntime

/// `bool`: two immortal singletons with the int layout; arithmetic gives ints, `& | ^` of
/// two bools give bools.
struct BoolObjectTests {
  @Test func singletonsHaveTheIntLayout() {
    let runtime = Runtime()
    let rt = runtime.ref
    let yes = rt.newBool(true), no = rt.newBool(false)
    #expect(yes == rt.state.pointee.trueObject && no == rt.state.pointee.falseObject)
    #expect(yes.type.name == "bool" && rt.isBool(yes) && rt.isInt(yes) && !rt.isInt(rt.newNone()))
    #expect(yes.size == 1 && IntObject.digits(yes)[0] == 1 && no.size == 0)
    #expect(IntObject.value(yes) == 1 && IntObject.value(no) == 0)
    #expect(yes.refcount >= ObjectLayout.immortalRefcount && no.refcount >= ObjectLayout.immortalRefcount)
    #expect(BoolObject.repr(yes) == "True" && BoolObject.repr(no) == "False")
    #expect(rt.numberRepr(yes) == "True")
    #expect(rt.numberIsTrue(yes) && !rt.numberIsTrue(no))
    rt.decref(yes)
    rt.decref(no)
  }

  @Test func arithmeticOnBoolsGivesInts() {
    let runtime = Runtime()
    let rt = runtime.ref
    let yes = rt.state.pointee.trueObject, no = rt.state.pointee.falseObject, zero = rt.newInt(0)!
    let int = rt.state.pointee.types.int!
    let cases: [(PyRef?, String, PyType)] = [
      (rt.numberBinary(.add, yes, yes), "0x2", int),
      (rt.numberUnary(.negative, yes), "-0x1", int),
      (rt.numberUnary(.positive, yes), "0x1", int),
      (rt.numberUnary(.absolute, no), "0x0", int),
      (rt.numberUnary(.invert, yes), "-0x2", int),
      (rt.numberBinary(.power, yes, rt.newInt(2)!), "0x1", int),
      (rt.numberBinary(.trueDivide, yes, yes), "1.0", rt.state.pointee.types.float),
      (rt.numberBinary(.and, yes, yes), "True", rt.state.pointee.types.bool),
      (rt.numberBinary(.xor, yes, yes), "False", rt.state.pointee.types.bool),
      (rt.numberBinary(.or, yes, zero), "0x1", int),
      (rt.numberBinary(.leftShift, yes, yes), "0x2", int),
      (rt.numberBinary(.multiply, no, rt.newFloat(2.5)!), "0.0", rt.state.pointee.types.float),
    ]
    for (result, expected, type) in cases {
      #expect(result?.type == type)
      #expect(rt.outcome(result) == expected)
    }
    let divmod = rt.numberBinary(.divmod, yes, yes)
    #expect(rt.outcome(divmod) == "0x1 0x0")
    rt.decref(zero)
  }

  /// `1`, `1.0` and `True` are one dict key: equal, with equal hashes.
  @Test func equalNumbersAreTheSameDictKey() {
    let runtime = Runtime()
    let rt = runtime.ref
    let dict = rt.newDict()!
    let one = rt.newInt(1)!, oneFloat = rt.newFloat(1)!, yes = rt.newBool(true)
    let a = rt.newInt(10)!, b = rt.newInt(20)!, c = rt.newInt(30)!
    rt.dictSetItem(dict, one, a)
    rt.dictSetItem(dict, oneFloat, b)
    rt.dictSetItem(dict, yes, c)
    #expect(DictObject.count(dict) == 1)
    #expect(rt.dictGetItem(dict, oneFloat).map(IntObject.value) == 30)
    let big = rt.testInt(hex: "1" + String(repeating: "0", count: 30)), bigFloat = rt.newFloat(0x1p120)!
    rt.dictSetItem(dict, big, a)
    #expect(rt.dictGetItem(dict, bigFloat).map(IntObject.value) == 10)
    for object in [dict, one, oneFloat, yes, a, b, c, big, bigFloat] { rt.decref(object) }
  }
}
