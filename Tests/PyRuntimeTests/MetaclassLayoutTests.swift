import PyMemory
import Testing
@testable import PyRuntime

/// Classes made by a metaclass (a Python subclass of `type`) have the type layout: no GC
/// header in front of them. The collector visits them through the containers that hold
/// them, so a metaclass marked as a GC type would make it write into the 16 bytes before
/// every such class, which belong to a neighbouring block (the debug allocator's guard).
@Suite struct MetaclassLayoutTests {
  @Test func collectingAroundMetaclassInstancesLeavesTheirGuardsIntact() throws {
    let runtime = Runtime(HeapConfiguration(debugHooks: true), hashSeed: 0)
    let rt = runtime.ref
    rt.startInterpreter(arguments: ["t"], searchPaths: [])
    let source = """
      class Meta(type):
          def describe(cls):
              return cls.__name__
      classes = [Meta('C%d' % i, (), {'n': i}) for i in range(40)]
      holder = {c.describe(): c for c in classes}
      class Base(metaclass=Meta):
          pass
      class Derived(Base):
          pass
      kept = [holder, Base, Derived, type(Derived) is Meta]

      """
    let code = try #require(rt.compileSource(Array(source.utf8), filename: "meta.py"))
    let globals = rt.newDict()!
    rt.setItem(globals, "__builtins__", PyRef(rt.state.pointee.interpreter.builtinsModule!))
    let result = try #require(rt.runModuleCode(code, globals: globals))
    rt.decref(result)
    for _ in 0..<3 { _ = rt.collect(generation: 2) }
    let report = rt.state.pointee.heap.verify()
    #expect(report.isValid, "\(report)")
    #expect(!rt.state.pointee.types.type.isGC)
    let meta = try #require(rt.dictGetItem(globals, rt.newStr("Meta")!))
    #expect(!PyType(meta.raw).isGC)
    rt.decref(globals)
  }

  @Test func metaclassRefusesNonEmptySlots() throws {
    let runtime = Runtime()
    let rt = runtime.ref
    rt.startInterpreter(arguments: ["t"], searchPaths: [])
    let source = "class Meta(type):\n    __slots__ = ('extra',)\n"
    let code = try #require(rt.compileSource(Array(source.utf8), filename: "meta.py"))
    let globals = rt.newDict()!
    rt.setItem(globals, "__builtins__", PyRef(rt.state.pointee.interpreter.builtinsModule!))
    #expect(rt.runModuleCode(code, globals: globals) == nil)
    #expect(rt.takeError() == PyError("TypeError", "nonempty __slots__ not supported for subtype of 'type'"))
    rt.decref(globals)
  }
}
