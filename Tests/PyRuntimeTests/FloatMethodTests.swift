import Testing
@testable import PyRuntime

/// The methods and attributes of `float` against python3.
@Suite(.enabled(if: NumberOracle.isAvailable, NumberOracle.unavailable))
struct FloatMethodTests {
  typealias C = NumberCalls

  static let values: [Double] = [
    0, -0.0, 1, -1, 0.5, 1.5, 2.5, -2.5, 0.1, 2.675, 1e16, 1e300, -1e-300, 5e-324, .greatestFiniteMagnitude,
    .infinity, -.infinity, .nan, 123.456, -7.999999999999999, 4503599627370496.5, 9007199254740993,
  ]

  @Test func methodsOnSpecialValues() throws {
    var cases: [String] = []
    for value in Self.values {
      for method in ["is_integer", "as_integer_ratio", "hex", "conjugate", "__int__", "__float__", "__trunc__",
                     "__floor__", "__ceil__", "__round__", "__getnewargs__", "__abs__", "__neg__", "__pos__",
                     "__bool__", "__repr__", "__hash__"] {
        // A NaN hashes by its address (`_Py_HashPointer`), different in every process.
        if method == "__hash__" && value.isNaN { continue }
        cases.append("method:\(method)|\(C.float(value))")
      }
    }
    cases += [
      "method:hex|\(C.float(1))|i1",
      "method:is_integer|\(C.float(1))|i1",
      "method:__round__|\(C.float(1))|i1|i2",
      "method:__round__|\(C.float(1.5))|\(C.float(1.5))",
      "method:__round__|\(C.float(1.5))|n",
      "method:__divmod__|\(C.float(7))|i2",
      "method:__rdivmod__|\(C.float(7))|i2",
      "method:__divmod__|\(C.float(7))|\(C.float(0))",
      "method:__divmod__|\(C.float(7))|\(C.str("x"))",
      "method:__pow__|\(C.float(2))|i10",
      "method:__pow__|\(C.float(2))|i10|i7",
      "method:__rpow__|\(C.float(2))|i10",
      "method:__pow__|\(C.float(-8))|\(C.float(1.0 / 3))",
      "method:__pow__|\(C.float(0))|i-1",
      "method:__add__|\(C.float(1))|i2",
      "method:__radd__|\(C.float(1))|i2",
      "method:__rsub__|\(C.float(1))|i3",
      "method:__and__|\(C.float(1))|i2",
      "method:__lt__|\(C.float(1))|\(C.str("x"))",
      "method:__eq__|\(C.float(1))|i1",
      "method:__add__|\(C.float(1))|\(C.int("1" + String(repeating: "0", count: 400)))",
      "cmethod:float:__getformat__|\(C.str("double"))",
      "cmethod:float:__getformat__|\(C.str("x"))",
      "cmethod:float:__getformat__|i1",
      "cmethod:MyFloat:fromhex|\(C.str("0x1p-1"))",
    ]
    try NumberCalls.compare(cases)
  }

  @Test func attributes() {
    let runtime = Runtime()
    let rt = runtime.ref
    let value = rt.newFloat(-2.5)!
    let real = rt.getAttribute(value, "real")!, imag = rt.getAttribute(value, "imag")!
    #expect(real == value)
    #expect(rt.reprString(imag) == "0.0")
    for object in [value, real, imag] { rt.decref(object) }
  }
}
