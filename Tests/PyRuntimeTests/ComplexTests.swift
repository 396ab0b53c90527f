import Testing
@testable import PyRuntime

/// `complex` against python3: construction from numbers and text, repr, arithmetic with
/// every number type on either side, powers, hashing and equality.
@Suite(.enabled(if: NumberOracle.isAvailable, NumberOracle.unavailable))
struct ComplexTests {
  typealias C = NumberCalls

  static let values: [(Double, Double)] = [
    (0, 0), (0, -0.0), (-0.0, 0), (-0.0, -0.0), (1, 2), (-1.5, 2.25), (0, 1), (0, -1), (1e16, 0), (1e-5, 1e300),
    (.nan, 1), (1, .nan), (.infinity, -.infinity), (.infinity, .nan), (3, 4), (1e308, 1e308), (2, 0), (-8, 0),
  ]

  @Test func reprHashTruthAndUnary() throws {
    var cases: [String] = []
    for (real, imag) in Self.values {
      let z = C.complex(real, imag)
      for method in ["__repr__", "__bool__", "conjugate", "__complex__", "__getnewargs__", "__neg__", "__pos__",
                     "__abs__"] {
        cases.append("method:\(method)|\(z)")
      }
      if !real.isNaN && !imag.isNaN { cases.append("method:__hash__|\(z)") }
      cases.append("op:invert|\(z)")
    }
    try NumberCalls.compare(cases)
  }

  @Test func arithmeticAndComparisons() throws {
    let operands = Self.values.map { C.complex($0.0, $0.1) } + ["i0", "i3", "T", C.float(-0.0), C.float(2.5),
      C.int("1" + String(repeating: "0", count: 400)), C.str("x")]
    var cases: [String] = []
    for op in ["+", "-", "*", "/", "**", "//", "%", "==", "!=", "<"] {
      for a in operands {
        // `'x' % z` is printf-style formatting, the str type's.
        for b in operands where (a.hasPrefix("c") || b.hasPrefix("c")) && !(op == "%" && a.hasPrefix("s")) {
          cases.append("op:\(op)|\(a)|\(b)")
        }
      }
    }
    cases += [
      "call:pow|\(C.complex(0, 1))|i2|i3", "call:pow|i2|i3|\(C.complex(0, 1))", "call:pow|\(C.float(2))|\(C.complex(0, 1))|i3",
      "call:divmod|\(C.complex(0, 1))|i1", "call:abs|\(C.complex(1e308, 1e308))", "call:round|\(C.complex(1, 1))",
      "call:int|\(C.complex(1, 0))", "call:float|\(C.complex(1, 0))",
      "op:**|\(C.complex(1, 1))|i101", "op:**|\(C.complex(1, 1))|i-3", "op:**|\(C.complex(2, 0))|i1025",
      "op:**|\(C.complex(2, 0))|\(C.float(1025.5))", "op:**|i10|\(C.complex(0, 1))", "op:**|i0|i-1",
      "op:**|\(C.complex(0, 1))|\(C.float(1e300))", "op:**|i-8|\(C.float(1.0 / 3))", "op:**|\(C.float(-8))|\(C.float(0.5))",
      "op:**|\(C.complex(0, 0))|\(C.complex(0, 1))", "op:**|\(C.complex(0, 0))|i-1",
    ]
    try NumberCalls.compare(cases)
  }

  @Test func construction() throws {
    var cases = [
      "call:complex", "call:complex|i1", "call:complex|i1|i2", "call:complex|\(C.float(1.5))",
      "call:complex|\(C.complex(1, 2))", "call:complex|\(C.complex(0, 1))|\(C.complex(0, 1))",
      "call:complex|\(C.complex(1, 2))|i3", "call:complex|i3|\(C.complex(1, 2))", "call:complex:real:imag|i1|i2",
      "call:complex:imag|i2|i3", "call:complex:imag|i3", "call:complex:x|i1", "call:complex|i1|i2|i3",
      "call:complex:real|i1|i2", "call:complex|l1", "call:complex|i1|l1", "call:complex|\(C.str("1"))|i1",
      "call:complex|i1|\(C.str("1"))", "call:complex|n", "call:complex|M5", "call:complex|T|T",
      "call:complex|\(C.int("1" + String(repeating: "0", count: 400)))",
    ]
    let texts = [
      "1+2j", " (1.5-2J) ", "j", "-j", "+j", "1e3", "nanj", "-nanj", "inf-infj", "1_0j", "1__0j", "x", "", "()", "(1",
      "1)", "1+", "1+j", "1-J", "2j+1", "1 + 2j", "1e+5-1e-5j", "infinityj", "infj", "1e", "1ej", ".5j", "5.j",
      "(j)", "( 1+1j )", "1j2", "\u{661}j", "1+2j\u{3000}", "--1j", "+-1j", "1+-1j",
    ]
    cases += texts.map { "call:complex|\(C.str($0))" }
    try NumberCalls.compare(cases)
  }

  @Test func newComplexAndSize() {
    let runtime = Runtime()
    let rt = runtime.ref
    let z = rt.newComplex(real: 1, imag: -2)!
    #expect(rt.reprString(z) == "(1-2j)")
    #expect(rt.basicSizeOf(z) == 32)
    #expect(rt.isComplex(z) && !rt.isNumber(z))
    #expect(rt.state.pointee.types.complex.flags.contains(.baseType))
    rt.decref(z)
  }
}
