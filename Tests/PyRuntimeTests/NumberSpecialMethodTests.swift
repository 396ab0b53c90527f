import Testing
@testable import PyRuntime

/// The conversions and builtins on objects of a class that defines the special methods
/// (`__index__`, `__int__`, `__float__`, `__trunc__`, `__round__`, `__divmod__`,
/// `__complex__`), found by name on the type as CPython finds them.
struct NumberSpecialMethodTests {
  /// A class whose dunders return fixed values, or values of the wrong type.
  static func makeClass(_ rt: RuntimeRef, _ name: String, _ methods: [MethodDefinition]) -> PyType {
    let type = rt.makeType(name: name, basicSize: ObjectLayout.headerSize, flags: [.heapType, .baseType],
                           dealloc: deallocPlain)
    rt.readyBuiltinType(type, base: nil)
    rt.addMethods(type, methods)
    return type
  }

  static let seven: Slot.VectorCall = { _, _, _, _, runtime in RuntimeRef(raw: runtime).newInt(7)?.raw }
  static let half: Slot.VectorCall = { _, _, _, _, runtime in RuntimeRef(raw: runtime).newFloat(0.5)?.raw }
  static let text: Slot.VectorCall = { _, _, _, _, runtime in RuntimeRef(raw: runtime).newStr("x")?.raw }
  static let pair: Slot.VectorCall = { _, _, count, _, runtime in
    let rt = RuntimeRef(raw: runtime)
    return rt.newTuple([rt.newInt(count)!, rt.newStr("divmod")!])?.raw
  }
  static let imaginary: Slot.VectorCall = { _, _, _, _, runtime in RuntimeRef(raw: runtime).newComplex(real: 0, imag: 2)?.raw }

  @Test func indexIntFloatAndTrunc() {
    let runtime = Runtime()
    let rt = runtime.ref
    let indexed = Self.makeClass(rt, "Indexed", [MethodDefinition("__index__", Self.seven)])
    let floating = Self.makeClass(rt, "Floating", [MethodDefinition("__float__", Self.half)])
    let truncating = Self.makeClass(rt, "Truncating", [MethodDefinition("__trunc__", Self.seven)])
    let wrong = Self.makeClass(rt, "Wrong", [MethodDefinition("__index__", Self.text), MethodDefinition("__int__", Self.text),
                                             MethodDefinition("__float__", Self.text)])
    let a = rt.newPlainInstance(indexed)!, b = rt.newPlainInstance(floating)!, c = rt.newPlainInstance(truncating)!
    let w = rt.newPlainInstance(wrong)!
    func show(_ result: PyRef?) -> String {
      guard let result else { return rt.takeError()!.description }
      defer { rt.decref(result) }
      return "\(result.type.name):\(rt.reprString(result)!)"
    }
    #expect(show(rt.index(a)) == "int:7")
    #expect(rt.asIndex(a) == 7)
    #expect(show(rt.toInt(a)) == "int:7")
    #expect(show(rt.toFloat(a)) == "float:7.0")
    #expect(show(rt.intToString(a, radix: 16, prefix: true)) == "str:'0x7'")
    #expect(show(rt.toFloat(b)) == "float:0.5")
    #expect(show(rt.toInt(b)) == "TypeError: int() argument must be a string, a bytes-like object or a real number, not 'Floating'")
    #expect(show(rt.index(b)) == "TypeError: 'Floating' object cannot be interpreted as an integer")
    #expect(show(rt.toInt(c)) == "int:7")
    #expect(show(rt.toFloat(c)) == "TypeError: float() argument must be a string or a real number, not 'Truncating'")
    #expect(show(rt.index(w)) == "TypeError: __index__ returned non-int (type str)")
    #expect(show(rt.toInt(w)) == "TypeError: __int__ returned non-int (type str)")
    #expect(show(rt.toFloat(w)) == "TypeError: Wrong.__float__ returned non-float (type str)")
    #expect(show(rt.round(a, ndigits: nil)) == "TypeError: type Indexed doesn't define __round__ method")
    // A base given as an object with __index__.
    let digits = rt.newStr("11")!
    let base = rt.call(rt.state.pointee.types.int.object, [digits, a])
    #expect(show(base) == "int:8")
    for object in [a, b, c, w, digits] { rt.decref(object) }
  }

  @Test func roundDivmodAndComplex() {
    let runtime = Runtime()
    let rt = runtime.ref
    let rounding = Self.makeClass(rt, "Rounding", [MethodDefinition("__round__", Self.pair),
                                                  MethodDefinition("__rdivmod__", Self.pair),
                                                  MethodDefinition("__complex__", Self.imaginary)])
    let x = rt.newPlainInstance(rounding)!
    let three = rt.newInt(3)!
    func show(_ result: PyRef?) -> String {
      guard let result else { return rt.takeError()!.description }
      defer { rt.decref(result) }
      return rt.reprString(result)!
    }
    // The count the code sees includes self: round(x) passes 1, round(x, 3) passes 2.
    #expect(show(rt.round(x, ndigits: nil)) == "(1, 'divmod')")
    #expect(show(rt.round(x, ndigits: rt.state.pointee.none)) == "(1, 'divmod')")
    #expect(show(rt.round(x, ndigits: three)) == "(2, 'divmod')")
    #expect(show(rt.divmod(three, x)) == "(2, 'divmod')")
    #expect(show(rt.divmod(x, three)) == "TypeError: unsupported operand type(s) for divmod(): 'Rounding' and 'int'")
    #expect(show(rt.call(rt.state.pointee.types.complex.object, [x])) == "2j")
    #expect(show(rt.call(rt.state.pointee.types.complex.object, [x, three])) == "5j")
    #expect(show(rt.power(three, three, x)) == "TypeError: unsupported operand type(s) for ** or pow(): 'int', 'int', 'Rounding'")
    rt.decref(x)
    rt.decref(three)
  }
}
