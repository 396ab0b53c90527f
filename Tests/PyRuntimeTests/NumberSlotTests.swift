import PyCompiler
import Testing
@testable import PyRuntime

/// The protocol slots of int, bool and float as the interpreter reaches them
/// (`binaryOp`, `richCompare`, `unaryOp`), against python3: each type answers for its own
/// kind, mixed operations go through the other operand's slot, subclasses count.
@Suite(.enabled(if: NumberOracle.isAvailable, NumberOracle.unavailable))
struct NumberSlotTests {
  typealias C = NumberCalls

  static let operands = [
    "i0", "i7", "i-3", "T", "F", C.int("123456789012345678901234567890"), C.float(2.5), C.float(-0.0),
    C.float(.nan), C.float(.infinity), "M5", "G\(C.float(1.5).dropFirst())", C.str("x"), "n",
    C.complex(1, 2), C.complex(0, -0.0), C.complex(-1.5, .infinity),
  ]

  @Test func everyOperatorOnEveryPair() throws {
    var cases: [String] = []
    let operators = ["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "or", "^", "@", "<", "<=", "==", "!=",
                     ">", ">="]
    for op in operators {
      for a in Self.operands {
        for b in Self.operands where !(a.hasPrefix("s") && b.hasPrefix("s")) && !(a == "n" && b == "n") {
          // Skip the huge results python3 would take long to print.
          if op == "**" && (a.count > 20 || b.count > 20) { continue }
          if op == "<<" && (b.count > 20) { continue }
          // `7 * 'x'` is the str type's repeat, answered by its slot as the right operand.
          if op == "*" && (a.hasPrefix("s") || b.hasPrefix("s")) { continue }
          // `'x' % 7` is printf-style formatting, the str type's.
          if op == "%" && a.hasPrefix("s") { continue }
          cases.append("op:\(op)|\(a)|\(b)")
        }
      }
    }
    for op in ["neg", "pos", "invert"] {
      for a in Self.operands { cases.append("op:\(op)|\(a)") }
    }
    for a in Self.operands { cases.append("call:abs|\(a)") }
    try NumberCalls.compare(cases)
  }

  /// `x += y` on numbers: no in-place slot, so the binary operation answers.
  @Test func inPlaceFallsBackToBinary() {
    let runtime = Runtime()
    let rt = runtime.ref
    let a = rt.newInt(5)!, b = rt.newFloat(0.5)!
    let sum = rt.binaryOp(a, b, UInt32(BinaryOperator.add.rawValue) + BinaryOperator.inplaceOffset)!
    #expect(rt.reprString(sum) == "5.5")
    let slot = rt.state.pointee.types.int.record.pointee.binary!
    let direct = PyRef(slot(a.raw, a.raw, UInt32(BinaryOperator.add.rawValue) + BinaryOperator.inplaceOffset, rt.raw))!
    #expect(direct == rt.state.pointee.notImplemented)
    #expect(rt.binaryOp(a, b, UInt32(BinaryOperator.matrixMultiply.rawValue) + BinaryOperator.inplaceOffset) == nil)
    #expect(rt.takeError() == PyError("TypeError", "unsupported operand type(s) for @=: 'int' and 'float'"))
    for object in [a, b, sum, direct] { rt.decref(object) }
  }

  /// int's slot refuses floats (`(1).__add__(2.0)` is NotImplemented); float's takes ints.
  @Test func eachTypeAnswersForItsOwnKind() {
    let runtime = Runtime()
    let rt = runtime.ref
    let one = rt.newInt(1)!, two = rt.newFloat(2)!
    let intSlot = rt.state.pointee.types.int.record.pointee.binary!
    let floatSlot = rt.state.pointee.types.float.record.pointee.binary!
    let add = UInt32(BinaryOperator.add.rawValue)
    let refused = PyRef(intSlot(one.raw, two.raw, add, rt.raw))!
    #expect(refused == rt.state.pointee.notImplemented)
    let answered = PyRef(floatSlot(one.raw, two.raw, add, rt.raw))!
    #expect(rt.reprString(answered) == "3.0")
    for name in ["__matmul__", "__rmatmul__", "__imatmul__", "__iadd__"] {
      #expect(rt.getOptionalAttribute(one, name) == nil)
      #expect(rt.getOptionalAttribute(two, name) == nil)
    }
    rt.clearError()
    for object in [one, two, refused, answered] { rt.decref(object) }
  }

  /// Truth of subclass instances and of bools' singletons.
  @Test func truthAndRepr() {
    let runtime = Runtime()
    let rt = runtime.ref
    let subclasses = NumberSubclasses(rt)
    let zero = rt.newInt(0)!, half = rt.newFloat(0.5)!
    let myZero = rt.call(subclasses.int.object, [zero])!, myHalf = rt.call(subclasses.float.object, [half])!
    #expect(rt.isTrue(myZero) == 0 && rt.isTrue(myHalf) == 1)
    #expect(rt.reprString(myZero) == "0" && rt.reprString(myHalf) == "0.5")
    #expect(rt.strString(myHalf) == "0.5")
    let positive = rt.unaryOp(myHalf, 1)!
    #expect(positive.type == rt.state.pointee.types.float)
    for object in [zero, half, myZero, myHalf, positive] { rt.decref(object) }
  }
}
