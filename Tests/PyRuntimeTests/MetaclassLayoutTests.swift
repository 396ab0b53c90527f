import PyMemory
import Testing
@testable import PyRuntime

/// Classes made by a metaclass (a Python subclass of `type`) have the type layout. The
/// collector visits them through the containers that hold them and writes into their GC
/// header: when type objects had none, that write landed in the 16 bytes before the class,
/// in a neighbouring block (the debug allocator's guard). Every type object now has a
/// header; classes are tracked, built-in types are not.
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
    #expect(rt.state.pointee.types.type.isGC)
    for name in ["Meta", "Base", "Derived"] {
      let cls = try #require(rt.dictGetItem(globals, rt.newStr(name)!))
      #expect(rt.isTracked(cls), "\(name) is tracked")
    }
    #expect(!rt.isTracked(rt.state.pointee.types.int.object))
    #expect(!rt.isTracked(rt.state.pointee.types.type.object))
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
