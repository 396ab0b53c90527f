import Testing
@testable import PyRuntime

/// Builds Python values and calls for the container tests, and renders results as
/// python3 would print them: `repr(result)`, or `TypeName: message` for an exception.
/// Tests leak their temporaries: each test's runtime (and heap) goes away with it.
struct Py {
  let rt: RuntimeRef

  func int(_ value: Int) -> PyRef { rt.newInt(value)! }
  func str(_ value: String) -> PyRef { rt.newStr(value)! }
  var none: PyRef { rt.newNone() }
  func bool(_ value: Bool) -> PyRef { rt.newBool(value) }
  func float(_ value: Double) -> PyRef { rt.newFloat(value)! }

  func list(_ items: [PyRef]) -> PyRef {
    let list = rt.newList()!
    for item in items { rt.listAppend(list, item) }
    return list
  }
  func list(_ values: [Int]) -> PyRef { list(values.map(int)) }

  func tuple(_ items: [PyRef]) -> PyRef {
    for item in items { item.incref() }
    return rt.newTuple(items)!
  }
  func tuple(_ values: [Int]) -> PyRef { tuple(values.map(int)) }

  func dict(_ pairs: [(PyRef, PyRef)]) -> PyRef {
    let dict = rt.newDict()!
    for (key, value) in pairs { #expect(rt.dictSetItem(dict, key, value)) }
    return dict
  }

  /// A built-in type object by name (`"set"`, `"zip"`, …).
  func type(_ name: String) -> PyRef {
    let types = rt.state.pointee.types
    switch name {
    case "list": return types.list.object
    case "tuple": return types.tuple.object
    case "dict": return types.dict.object
    case "set": return types.set.object
    case "frozenset": return types.frozenset.object
    case "range": return types.range.object
    case "slice": return types.slice.object
    case "int": return types.int.object
    case "bool": return types.bool.object
    case "str": return types.str.object
    case "mappingproxy": return types.mappingProxy.object
    default: return types.byName[name]!.object
    }
  }

  /// `callable(*args, **keywords)`.
  func call(_ callable: PyRef, _ args: [PyRef], _ keywords: [(String, PyRef)] = []) -> PyRef? {
    guard !keywords.isEmpty else { return rt.call(callable, args) }
    let names = tuple(keywords.map { str($0.0) })
    return rt.call(callable, args + keywords.map(\.1), keywordNames: names)
  }

  /// `TypeName(*args, **keywords)`.
  func make(_ typeName: String, _ args: [PyRef], _ keywords: [(String, PyRef)] = []) -> PyRef? {
    call(type(typeName), args, keywords)
  }

  /// `object.name(*args, **keywords)`.
  func method(_ object: PyRef, _ name: String, _ args: [PyRef] = [], _ keywords: [(String, PyRef)] = []) -> PyRef? {
    guard let bound = rt.getAttribute(object, name) else { return nil }
    return call(bound, args, keywords)
  }

  /// `repr(result)`, or `TypeName: message` for the pending exception.
  func show(_ result: PyRef?) -> String {
    guard let result else {
      guard let error = rt.takeError() else { return "<nil without an exception>" }
      return error.message.isEmpty ? error.typeName : "\(error.typeName): \(error.message)"
    }
    guard let text = rt.reprString(result) else { return show(nil) }
    return text
  }

  /// A truth value result (1, 0, -1) shown as python prints it.
  func show(_ truth: Int32) -> String { truth < 0 ? show(nil) : (truth == 1 ? "True" : "False") }

  /// `list(iterable)` shown.
  func items(_ iterable: PyRef) -> String { show(rt.listFrom(iterable)) }

  /// Compiles the Python source of a lambda-free expression list against python3: runs
  /// `lines` (each an expression) and returns what `repr()` or the exception shows.
  static func oracle(_ expressions: [String], prelude: String = "") throws -> [String] {
    let script = """
      import sys
      \(prelude)
      for line in sys.stdin.read().split('\\n'):
          if not line: continue
          try:
              print(repr(eval(line)))
          except Exception as e:
              print(type(e).__name__ + (': ' + str(e) if str(e) else ''))
      """
    let result = try PythonProcess.run(arguments: ["-c", script], input: expressions.joined(separator: "\n") + "\n")
    if result.status != 0 { Issue.record("python3 failed: \(result.errors)") }
    return result.output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
  }
}

enum ContainerOracle {
  static let isAvailable: Bool = {
    (try? Py.oracle(["__import__('sys').version_info[:2] == (3, 11)"]))?.first == "True"
  }()
  static let unavailable: Comment = "python3 (CPython 3.11) is not available; differential test skipped"
}
