#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The modules built into the `pyheap` binary: the ones written in Swift, and the ones
/// written in Python and frozen into it.
///
/// `import name` looks here before it searches the script's directory, as CPython looks
/// at `sys.builtin_module_names` and its frozen modules first (Python/import.c,
/// Python/frozen.c). A frozen module's source lives in `Sources/PyRuntime/Lib/NAME.py`;
/// SwiftPM embeds each file as bytes (`PackageResources.NAME_py`, the `.embedInCode`
/// rule in Package.swift), so the binary needs no files beside it. Frozen modules report
/// `__file__` as `<frozen NAME>`, as CPython's do.
enum ModuleTable {
  /// Modules written in Swift: the name, and the function that makes the module object.
  /// Read-only after launch; the closures capture nothing.
  nonisolated(unsafe) static let native: [String: (RuntimeRef) -> PyRef?] = [
    "_weakref": { $0.makeWeakRefModule() },
    "atexit": { $0.makeAtExitModule() },
    "gc": { $0.makeGCModule() },
    "math": { $0.makeMathModule() },
    "_random": { $0.makeRandomModule() },
    "_sha512": { $0.makeSHA512Module() },
    "time": { $0.makeTimeModule() },
    "array": { $0.makeArrayModule() },
    "itertools": { $0.makeItertoolsModule() },
    "_collections": { $0.makeCollectionsModule() },
    "_json": { $0.makeJSONModule() },
    "_tracemalloc": { $0.makeTracemallocModule() },
  ]

  /// Modules written in Python: the name, and the UTF-8 source.
  ///
  /// When the environment variable `PYHEAP_FROZEN_PATH` names a directory holding
  /// `NAME.py`, that file is used instead of the embedded copy: the counterpart of
  /// CPython's `-X frozen_modules=off`, so a frozen module can be edited and tried
  /// without rebuilding the binary.
  static func frozenSource(_ name: String) -> [UInt8]? {
    guard let embedded = embeddedSource(name) else { return nil }
    if let directory = getenv("PYHEAP_FROZEN_PATH").map({ String(cString: $0) }), !directory.isEmpty,
       let edited = FileSystem.read(directory + "/" + name + ".py") {
      return edited
    }
    return embedded
  }

  private static func embeddedSource(_ name: String) -> [UInt8]? {
    switch name {
    case "__future__": return PackageResources.__future___py
    case "_collections_abc": return PackageResources._collections_abc_py
    case "_pyheap_selftest": return PackageResources._pyheap_selftest_py
    case "_pyheap_structseq": return PackageResources._pyheap_structseq_py
    case "_weakrefset": return PackageResources._weakrefset_py
    case "weakref": return PackageResources.weakref_py
    case "random": return PackageResources.random_py
    case "abc": return PackageResources.abc_py
    case "bisect": return PackageResources.bisect_py
    case "collections": return PackageResources.collections_py
    case "contextlib": return PackageResources.contextlib_py
    case "copy": return PackageResources.copy_py
    case "dataclasses": return PackageResources.dataclasses_py
    case "enum": return PackageResources.enum_py
    case "functools": return PackageResources.functools_py
    case "heapq": return PackageResources.heapq_py
    case "io": return PackageResources.io_py
    case "json": return PackageResources.json_py
    case "keyword": return PackageResources.keyword_py
    case "operator": return PackageResources.operator_py
    case "string": return PackageResources.string_py
    case "types": return PackageResources.types_py
    case "tracemalloc": return PackageResources.tracemalloc_py
    case "typing": return PackageResources.typing_py
    default: return nil
    }
  }

  /// The names `sys.builtin_module_names` lists besides `builtins` and `sys`.
  static var nativeNames: [String] { native.keys.sorted() }
}

extension RuntimeRef {
  /// Registers every Swift-written module with the importer.
  func registerBuiltinModules() {
    for (name, factory) in ModuleTable.native { state.pointee.interpreter.builtinModules[name] = factory }
  }

  /// A new module named `name` holding `functions`, bound to the module as CPython's
  /// module functions are (so they print as `<built-in function NAME>`).
  func newNativeModule(_ name: String, functions: [BuiltinFunction]) -> PyRef? {
    guard let module = newModule(name) else { return nil }
    let dict = ModuleType.dict(module)
    for function in functions {
      guard let object = newBuiltinFunction(function.name, function.code, boundSelf: module) else {
        decref(module)
        return nil
      }
      defer { decref(object) }
      guard setItem(dict, function.name, object) else {
        decref(module)
        return nil
      }
    }
    return module
  }
}
