import Testing
@testable import PyRuntime

/// `mappingproxy`: `type.__dict__` is a read-only view of the class namespace.
@Suite struct MappingProxyTests {
  @Test func readOnlyView() {
    let runtime = Runtime()
    let py = Py(rt: runtime.ref)
    let rt = runtime.ref
    let proxy = rt.getAttribute(py.type("list"), "__dict__")!
    #expect(proxy.type == rt.state.pointee.types.mappingProxy)
    #expect(py.show(rt.getItem(proxy, py.str("append"))) == "<method 'append' of 'list' objects>")
    #expect(rt.contains(proxy, py.str("sort")) == 1)
    #expect(rt.contains(proxy, py.str("nope")) == 0)
    #expect(!rt.setItem(proxy, py.str("x"), py.int(1)))
    #expect(py.show(nil) == "TypeError: 'mappingproxy' object does not support item assignment")
    #expect(py.show(rt.getItem(proxy, py.str("__hash__"))) == "None")
    let small = rt.newMappingProxy(py.dict([(py.str("a"), py.int(1))]))!
    #expect(py.show(small) == "mappingproxy({'a': 1})")
    #expect(py.show(py.method(small, "get", [py.str("b"), py.int(2)])) == "2")
    #expect(py.show(py.method(small, "items")) == "dict_items([('a', 1)])")
    #expect(py.show(py.make("mappingproxy", [py.list([1])])) == "TypeError: mappingproxy() argument must be a mapping, not list")
    #expect(rt.length(small) == 1)
  }
}
