import Testing
@testable import PyRuntime

/// `TypeFlags.baseType`: which built-in types a class may extend.
struct BaseTypeFlagTests {
  @Test func subclassableBuiltins() {
    let runtime = Runtime()
    let rt = runtime.ref
    let types = rt.state.pointee.types
    for type in [types.object, types.type, types.int, types.float, types.str, types.bytes, types.list, types.tuple,
                 types.dict] {
      #expect(type!.flags.contains(.baseType), "\(type!.name) should be subclassable")
    }
    for name in ["BaseException", "Exception", "ValueError", "KeyError", "StopIteration"] {
      #expect(rt.state.pointee.exceptionTypes[name]!.flags.contains(.baseType))
    }
    for type in [types.bool, types.none, types.notImplemented, types.ellipsis, types.builtinFunction,
                 types.methodDescriptor] {
      #expect(!type!.flags.contains(.baseType), "\(type!.name) should not be subclassable")
    }
  }
}
