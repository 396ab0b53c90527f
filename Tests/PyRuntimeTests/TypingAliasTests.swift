import Testing
@testable import PyRuntime

/// `types.GenericAlias` and `types.UnionType` made from Swift: reprs, flattening and
/// repeats in unions, equality. Whole-program behaviour is in
/// Tests/ProgramTests/Programs/language/generic_alias_and_union_types.py.
@Suite struct TypingAliasTests {
  @Test func aliasesPrintAsTheirSubscription() {
    let runtime = Runtime()
    let rt = runtime.ref
    let py = Py(rt: rt)
    let types = rt.state.pointee.types
    let listOfInt = rt.newGenericAlias(types.list.object, types.int.object)!
    #expect(py.show(listOfInt) == "list[int]")
    let nested = rt.newGenericAlias(types.dict.object, py.tuple([types.str.object, listOfInt]))!
    #expect(py.show(nested) == "dict[str, list[int]]")
    #expect(py.show(rt.newGenericAlias(types.tuple.object, py.tuple([PyRef]()))) == "tuple[()]")
    #expect(py.show(rt.getItem(types.list.object, types.float.object)) == "list[float]")
    #expect(rt.richCompareBool(listOfInt, rt.getItem(types.list.object, types.int.object)!, .equal) == 1)
  }

  @Test func unionsFlattenAndDropRepeats() {
    let runtime = Runtime()
    let rt = runtime.ref
    let py = Py(rt: rt)
    let types = rt.state.pointee.types
    let intOrStr = rt.binaryOp(types.int.object, types.str.object, 7)!   // `|`
    #expect(py.show(intOrStr) == "int | str")
    let withNone = rt.binaryOp(intOrStr, rt.state.pointee.none, 7)!
    #expect(py.show(withNone) == "int | str | None")
    #expect(py.show(rt.binaryOp(withNone, types.int.object, 7)) == "int | str | None")
    #expect(py.show(rt.binaryOp(types.int.object, types.int.object, 7)) == "<class 'int'>")
    #expect(rt.isInstanceCheck(py.int(3), intOrStr) == 1)
    #expect(rt.isInstanceCheck(py.float(3.5), intOrStr) == 0)
    #expect(py.show(rt.binaryOp(types.int.object, py.int(3), 7)) == "TypeError: unsupported operand type(s) for |: 'type' and 'int'")
  }
}
