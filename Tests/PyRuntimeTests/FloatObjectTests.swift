import Testing
@testable import PyRuntime

/// The float object: size, the 100-entry free list, hashing of the special values, repr of
/// the classic cases, and the error messages of CPython 3.11.7.
struct FloatObjectTests {
  @Test func sizeIs24Bytes() {
    let runtime = Runtime()
    let rt = runtime.ref
    #expect(rt.state.pointee.types.float.record.pointee.basicSize == 24)
    let x = rt.newFloat(1.5)!
    #expect(FloatObject.value(x) == 1.5)
    #expect(!x.type.isGC)
    rt.decref(x)
  }

  /// LIFO reuse, at most 100 kept, cleared on demand, and never counted by the collector.
  @Test func freeListReusesAndIsBounded() {
    let runtime = Runtime()
    let rt = runtime.ref
    rt.clearFloatFreeList()
    let counts = rt.gcCount
    let first = rt.newFloat(1)!
    let address = first.raw
    rt.decref(first)
    #expect(rt.floatFreeListCount == 1)
    let second = rt.newFloat(2)!
    #expect(second.raw == address)                     // id() reuse, as CPython shows
    #expect(rt.floatFreeListCount == 0)
    #expect(second.refcount == 1 && second.type == rt.state.pointee.types.float && FloatObject.value(second) == 2)
    rt.decref(second)

    let blocksBefore = rt.state.pointee.heap.allocatedBlocks
    var floats: [PyRef] = []
    for index in 0..<150 { floats.append(rt.newFloat(Double(index))!) }
    for float in floats { rt.decref(float) }
    #expect(rt.floatFreeListCount == FloatObject.freeListCapacity)
    #expect(rt.gcCount == counts)
    #expect(rt.clearFloatFreeList() == 100)
    #expect(rt.floatFreeListCount == 0)
    #expect(rt.state.pointee.heap.allocatedBlocks == blocksBefore - 1)
  }

  @Test func hashesOfSpecialValues() {
    let runtime = Runtime()
    let rt = runtime.ref
    let cases: [(Double, Int)] = [
      (.infinity, 314159), (-.infinity, -314159), (0, 0), (-0.0, 0), (1.5, 1152921504606846977), (-1.0, -2),
      (0x1p61, 1), (1e300, 1224995262755759164),
    ]
    for (value, expected) in cases {
      let x = rt.newFloat(value)!
      #expect(rt.hash(x) == expected, "hash(\(value))")
      rt.decref(x)
    }
    // NaN hashes by identity (3.10+): two NaN objects differ, one NaN is stable.
    let nan1 = rt.newFloat(.nan)!, nan2 = rt.newFloat(.nan)!
    #expect(rt.hash(nan1) == rt.hash(nan1))
    #expect(rt.hash(nan1) != rt.hash(nan2))
    #expect(rt.equal(nan1, nan2) == 0)
    rt.decref(nan1)
    rt.decref(nan2)
  }

  @Test(arguments: [
    (1e16, "1e+16"), (1e15, "1000000000000000.0"), (1e-5, "1e-05"), (1e-4, "0.0001"), (0.1, "0.1"),
    (100.0, "100.0"), (Double.infinity, "inf"), (-Double.infinity, "-inf"), (Double.nan, "nan"), (-0.0, "-0.0"),
    (1.2345678901234567e+20, "1.2345678901234567e+20"), (Double.leastNonzeroMagnitude, "5e-324"), (-1.5, "-1.5"), (123456.789, "123456.789"),
    (1.7976931348623157e308, "1.7976931348623157e+308"), (0.1 + 0.2, "0.30000000000000004"), (2.5e-5, "2.5e-05"),
  ] as [(Double, String)])
  func reprOfClassicValues(value: Double, expected: String) {
    #expect(FloatObject.repr(value) == expected)
    #expect(FloatObject.repr(-Double.nan) == "nan")
  }

  @Test func zeroDivisionAndPowerErrors() {
    let runtime = Runtime()
    let rt = runtime.ref
    let one = rt.newFloat(1)!, zero = rt.newFloat(0)!, intZero = rt.newInt(0)!, big = rt.newFloat(2)!
    let tenThousand = rt.newInt(10000)!, minusEight = rt.newFloat(-8)!, third = rt.newFloat(1.0 / 3)!
    let cases: [(() -> PyRef?, PyError)] = [
      ({ rt.numberBinary(.trueDivide, one, zero) }, PyError("ZeroDivisionError", "float division by zero")),
      ({ rt.numberBinary(.trueDivide, one, intZero) }, PyError("ZeroDivisionError", "float division by zero")),
      ({ rt.numberBinary(.floorDivide, one, zero) }, PyError("ZeroDivisionError", "float floor division by zero")),
      ({ rt.numberBinary(.modulo, one, zero) }, PyError("ZeroDivisionError", "float modulo")),
      ({ rt.numberBinary(.divmod, one, zero) }, PyError("ZeroDivisionError", "float divmod()")),
      ({ rt.numberBinary(.power, zero, rt.newFloat(-1.5)!) }, PyError("ZeroDivisionError", "0.0 cannot be raised to a negative power")),
      ({ rt.numberBinary(.power, big, tenThousand) }, PyError("OverflowError", "(34, 'Numerical result out of range')")),
    ]
    for (operation, error) in cases {
      #expect(operation() == nil)
      #expect(rt.takeError() == error)
    }
    // A negative base to a fractional power is complex, as `float_pow` hands it to `complex_pow`.
    let root = rt.numberBinary(.power, minusEight, third)!
    #expect(rt.reprString(root) == "(1.0000000000000002+1.7320508075688772j)")
    rt.decref(root)
    for object in [one, zero, intZero, big, tenThousand, minusEight, third] { rt.decref(object) }
  }
}
