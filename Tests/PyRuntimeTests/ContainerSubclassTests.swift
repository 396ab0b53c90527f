import Testing
@testable import PyRuntime

/// Instances of subclasses of the built-in containers, made through the types' `new` and
/// `initialize` slots with the subclass as the type (as the interpreter does for
/// `class L(list)`), and `__missing__` on a dict subclass.
@Suite struct ContainerSubclassTests {
  /// A heap type deriving from `base`, with `extra` bytes of its own after the base layout.
  static func subclass(_ rt: RuntimeRef, _ base: PyType, _ name: String, extra: Int = 8) -> PyType {
    let record = base.record
    let type = rt.makeType(name: name, basicSize: record.pointee.basicSize + extra, itemSize: record.pointee.itemSize,
                           flags: base.flags.union(.heapType), weakListOffset: record.pointee.weakListOffset,
                           dealloc: record.pointee.dealloc, traverse: record.pointee.traverse, clear: record.pointee.clear)
    rt.readyBuiltinType(type, base: base, kind: record.pointee.kind)
    return type
  }

  @Test func listTupleDictSubclasses() {
    let runtime = Runtime()
    let rt = runtime.ref
    let py = Py(rt: rt)
    let types = rt.state.pointee.types
    let listClass = Self.subclass(rt, types.list, "L")
    let list = py.call(listClass.object, [py.tuple([1, 2])])!
    #expect(list.type == listClass)
    #expect(py.show(list) == "[1, 2]")
    #expect(rt.isTracked(list))
    #expect(py.show(rt.binaryOp(list, py.list([3]), 0)) == "[1, 2, 3]")
    #expect(rt.binaryOp(list, py.list([3]), 0)!.type == types.list)
    #expect(py.show(py.call(listClass.object, [py.int(1), py.int(2)])) == "TypeError: list expected at most 1 argument, got 2")

    let tupleClass = Self.subclass(rt, types.tuple, "T", extra: 0)
    let tuple = py.call(tupleClass.object, [py.list([1, 2])])!
    #expect(tuple.type == tupleClass)
    #expect(py.show(tuple) == "(1, 2)")
    #expect(rt.getItem(tuple, rt.newSlice(nil, nil, nil)!)!.type == types.tuple)

    let dictClass = Self.subclass(rt, types.dict, "D")
    rt.addMethods(dictClass, [MethodDefinition("__missing__", { _, argv, count, _, runtime in
      let rt = RuntimeRef(raw: runtime)
      return rt.binaryOp(PyRef(argv[1]!), rt.newInt(2)!, 5)?.raw
    })])
    let dict = py.call(dictClass.object, [py.list([py.tuple([1, 2])])], [("a", py.int(3))])!
    #expect(dict.type == dictClass)
    #expect(rt.isTracked(dict))
    #expect(py.show(dict) == "{1: 2, 'a': 3}")
    #expect(py.show(rt.getItem(dict, py.int(21))) == "42")
    #expect(py.show(rt.getItem(py.dict([]), py.int(21))) == "KeyError: 21")
    #expect(py.method(dict, "copy")!.type == types.dict)
  }

  @Test func setSubclasses() {
    let runtime = Runtime()
    let rt = runtime.ref
    let py = Py(rt: rt)
    let types = rt.state.pointee.types
    let setClass = Self.subclass(rt, types.set, "S")
    let set = py.call(setClass.object, [py.list([2, 1])])!
    #expect(py.show(set) == "S({1, 2})")
    #expect(py.show(py.call(setClass.object, [])) == "S()")
    let union = rt.binaryOp(set, py.make("set", [py.list([3])])!, 7)!
    #expect(union.type == types.set)
    #expect(py.show(py.method(set, "copy")) == "{1, 2}")
    let frozenClass = Self.subclass(rt, types.frozenset, "F")
    let frozen = py.call(frozenClass.object, [py.list([1])])!
    #expect(py.show(frozen) == "F({1})")
    #expect(py.method(frozen, "copy")!.type == types.frozenset)
    let plain = py.make("frozenset", [frozen])!
    #expect(plain.type == types.frozenset && plain != frozen)
    #expect(rt.hash(plain) == rt.hash(frozen))
  }

  @Test func iteratorSubclasses() {
    let runtime = Runtime()
    let rt = runtime.ref
    let py = Py(rt: rt)
    let enumerateClass = Self.subclass(rt, rt.state.pointee.types.byName["enumerate"]!, "E")
    let enumerate = py.call(enumerateClass.object, [py.list([7])])!
    #expect(enumerate.type == enumerateClass)
    #expect(py.items(enumerate) == "[(0, 7)]")
  }
}
