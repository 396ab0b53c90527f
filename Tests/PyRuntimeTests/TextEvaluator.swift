import PyCompiler
import PySyntax
import Testing
@testable import PyRuntime

/// A tiny evaluator of Python expressions for the text tests: literals, names of a few
/// built-ins, attribute access, calls (with keywords), subscripts and slices, operators,
/// comparisons, displays and f-strings, each through the runtime's protocol functions. The
/// same lines run in python3, so every case is checked against CPython (``TextDifferential``).
final class TextEvaluator {
  let rt: RuntimeRef
  private var names: [String: PyRef] = [:]

  init(_ rt: RuntimeRef) {
    self.rt = rt
    let types = rt.state.pointee.types
    for (name, type) in [("str", types.str!), ("bytes", types.bytes!), ("int", types.int!), ("float", types.float!),
                         ("bool", types.bool!), ("list", types.list!), ("tuple", types.tuple!), ("dict", types.dict!)] {
      names[name] = type.object
    }
    names["format"] = rt.newBuiltinFunction("format", FormatMethods.builtinFormat)
    names["ascii"] = rt.newBuiltinFunction("ascii", FormatMethods.builtinASCII)
    names["repr"] = rt.newBuiltinFunction("repr", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.expect("repr", exactly: 1) else { return nil }
      return args.rt.repr(args[0])?.raw
    })
    names["len"] = rt.newBuiltinFunction("len", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.expect("len", exactly: 1) else { return nil }
      let length = args.rt.length(args[0])
      return length < 0 ? nil : args.rt.newInt(length)?.raw
    })
    names["chr"] = rt.newBuiltinFunction("chr", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.expect("chr", exactly: 1), let value = IntObject.exactValue(args[0]) else { return nil }
      return args.rt.newCharacter(UInt32(value))?.raw
    })
    names["slice"] = rt.newBuiltinFunction("slice", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      let rt = args.rt
      var parts: [PyRef] = []
      for index in 0..<3 {
        let part = index < args.count ? args[index] : rt.state.pointee.none
        part.incref()
        parts.append(part)
      }
      return TestSlice.make(rt, parts)?.raw
    })
    names["list_of"] = rt.newBuiltinFunction("list_of", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.expect("list_of", exactly: 1) else { return nil }
      return args.rt.listFrom(args[0])?.raw
    })
  }

  deinit {
    for (name, value) in names where !["str", "bytes", "int", "float", "bool", "list", "tuple", "dict"].contains(name) {
      rt.decref(value)
    }
  }

  /// Evaluates one line: the display of the result, or `!! TypeName: message`.
  func run(_ line: String) -> String {
    guard case .success(let module) = parse(Array(line.utf8)), module.body.count == 1,
          case .expr(let expression) = module.body[0].kind else { return "?? does not parse: \(line)" }
    guard let value = evaluate(expression) else { return error() }
    defer { rt.decref(value) }
    return display(value) ?? error()
  }

  private func error() -> String {
    guard let error = rt.takeError() else { return "!! no exception set" }
    return "!! \(error.typeName): \(error.message)"
  }

  /// `repr`, with dicts, lists and tuples spelled out (their reprs belong to another part).
  func display(_ value: PyRef) -> String? {
    switch value.type.record.pointee.kind {
    case .dict:
      var parts: [String] = []
      for (key, item) in rt.dictItems(value) {
        guard let k = display(key), let v = display(item) else { return nil }
        parts.append("\(k): \(v)")
      }
      return "{" + parts.joined(separator: ", ") + "}"
    case .list:
      var parts: [String] = []
      for index in 0..<ListObject.count(value) {
        guard let text = display(ListObject.item(value, index)) else { return nil }
        parts.append(text)
      }
      return "[" + parts.joined(separator: ", ") + "]"
    case .tuple:
      var parts: [String] = []
      for index in 0..<TupleObject.count(value) {
        guard let text = display(TupleObject.item(value, index)!) else { return nil }
        parts.append(text)
      }
      return "(" + parts.joined(separator: ", ") + (parts.count == 1 ? ",)" : ")")
    default:
      return rt.reprString(value)
    }
  }

  private func constant(_ value: ConstantValue) -> PyRef? {
    switch value {
    case .none: return rt.newNone()
    case .bool(let flag): return rt.newBool(flag)
    case .int(let big): return rt.newInt(parsing: big.decimalString()!)
    case .float(let x): return rt.newFloat(x)
    case .str(let bytes): return rt.newStr(codePoints: Self.codePoints(wtf8: bytes))
    case .bytes(let bytes): return rt.newBytes(bytes)
    default: return nil
    }
  }

  /// Decodes generalized UTF-8 (lone surrogates in their 3-byte form).
  static func codePoints(wtf8 bytes: [UInt8]) -> [UInt32] {
    var result: [UInt32] = []
    var index = 0
    while index < bytes.count {
      let lead = UInt32(bytes[index])
      if lead < 0x80 {
        result.append(lead); index += 1
      } else if lead < 0xE0 {
        result.append((lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)); index += 2
      } else if lead < 0xF0 {
        result.append((lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F))
        index += 3
      } else {
        result.append((lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
          | UInt32(bytes[index + 3] & 0x3F))
        index += 4
      }
    }
    return result
  }

  private func evaluateAll(_ expressions: [Expr]) -> [PyRef]? {
    var values: [PyRef] = []
    for expression in expressions {
      guard let value = evaluate(expression) else {
        values.forEach(rt.decref)
        return nil
      }
      values.append(value)
    }
    return values
  }

  /// A new reference, or nil with an exception set.
  func evaluate(_ expression: Expr) -> PyRef? {
    switch expression.kind {
    case .constant(let value, _):
      return constant(value)
    case .name(let id, _):
      guard let value = names[id] else {
        rt.raise("NameError", "name '\(id)' is not defined")
        return nil
      }
      value.incref()
      return value
    case .attribute(let base, let attr, _):
      guard let object = evaluate(base) else { return nil }
      defer { rt.decref(object) }
      return rt.getAttribute(object, attr)
    case .call(let function, let args, let keywords):
      guard let callable = evaluate(function) else { return nil }
      defer { rt.decref(callable) }
      var values: [PyRef] = []
      var keywordNames: [PyRef] = []
      defer { (values + keywordNames).forEach(rt.decref) }
      for argument in args {
        if case .starred(let inner, _) = argument.kind {
          guard let iterable = evaluate(inner) else { return nil }
          defer { rt.decref(iterable) }
          guard let items = rt.collectItems(iterable) else { return nil }
          values += items
        } else {
          guard let value = evaluate(argument) else { return nil }
          values.append(value)
        }
      }
      for keyword in keywords {
        guard let value = evaluate(keyword.value) else { return nil }
        if let name = keyword.arg {
          values.append(value)
          keywordNames.append(rt.newStr(name)!)
        } else {
          defer { rt.decref(value) }
          for (key, item) in rt.dictItems(value) {
            key.incref()
            item.incref()
            keywordNames.append(key)
            values.append(item)
          }
        }
      }
      var kwnames: PyRef?
      if !keywordNames.isEmpty {
        keywordNames.forEach { $0.incref() }
        kwnames = rt.newTuple(keywordNames)
      }
      defer { rt.decref(kwnames) }
      return rt.call(callable, values, keywordNames: kwnames)
    case .subscript(let base, let index, _):
      guard let container = evaluate(base) else { return nil }
      defer { rt.decref(container) }
      guard let key = evaluate(index) else { return nil }
      defer { rt.decref(key) }
      return rt.getItem(container, key)
    case .slice(let lower, let upper, let step):
      var parts: [PyRef] = []
      for part in [lower, upper, step] {
        guard let value = part.map(evaluate) ?? rt.newNone() else {
          parts.forEach(rt.decref)
          return nil
        }
        parts.append(value)
      }
      return TestSlice.make(rt, parts)
    case .binOp(let left, let op, let right):
      guard let a = evaluate(left) else { return nil }
      defer { rt.decref(a) }
      guard let b = evaluate(right) else { return nil }
      defer { rt.decref(b) }
      let code: BinaryOperator = switch op {
      case .add: .add
      case .sub: .subtract
      case .mult: .multiply
      case .mod: .remainder
      case .div: .trueDivide
      case .floorDiv: .floorDivide
      case .pow: .power
      default: .matrixMultiply
      }
      return rt.binaryOp(a, b, UInt32(code.rawValue))
    case .unaryOp(let op, let operand):
      guard let value = evaluate(operand) else { return nil }
      defer { rt.decref(value) }
      switch op {
      case .uSub: return rt.unaryOp(value, 0)
      case .uAdd: return rt.unaryOp(value, 1)
      case .invert: return rt.unaryOp(value, 2)
      case .not:
        let truth = rt.isTrue(value)
        return truth < 0 ? nil : rt.newBool(truth == 0)
      }
    case .compare(let left, let ops, let comparators):
      guard ops.count == 1, let a = evaluate(left) else { return nil }
      defer { rt.decref(a) }
      guard let b = evaluate(comparators[0]) else { return nil }
      defer { rt.decref(b) }
      switch ops[0] {
      case .in, .notIn:
        let found = rt.contains(b, a)
        return found < 0 ? nil : rt.newBool((found == 1) == (ops[0] == .in))
      case .is: return rt.newBool(a == b)
      case .isNot: return rt.newBool(a != b)
      case .eq: return rt.richCompare(a, b, .equal)
      case .notEq: return rt.richCompare(a, b, .notEqual)
      case .lt: return rt.richCompare(a, b, .lessThan)
      case .ltE: return rt.richCompare(a, b, .lessOrEqual)
      case .gt: return rt.richCompare(a, b, .greaterThan)
      case .gtE: return rt.richCompare(a, b, .greaterOrEqual)
      }
    case .tuple(let elements, _):
      guard let items = evaluateAll(elements) else { return nil }
      return rt.newTuple(items)
    case .list(let elements, _):
      guard let items = evaluateAll(elements), let list = rt.newList() else { return nil }
      for item in items {
        rt.listAppend(list, item)
        rt.decref(item)
      }
      return list
    case .dict(let keys, let values):
      guard let dict = rt.newDict() else { return nil }
      for (key, value) in zip(keys, values) {
        guard let key, let k = evaluate(key) else { rt.decref(dict); return nil }
        guard let v = evaluate(value) else { rt.decref(k); rt.decref(dict); return nil }
        let ok = rt.dictSetItem(dict, k, v)
        rt.decref(k)
        rt.decref(v)
        guard ok else { rt.decref(dict); return nil }
      }
      return dict
    case .joinedStr(let values):
      var pieces: [PyRef] = []
      defer { pieces.forEach(rt.decref) }
      for value in values {
        guard let piece = evaluate(value) else { return nil }
        pieces.append(piece)
      }
      let empty = rt.emptyString()
      defer { rt.decref(empty) }
      return rt.strJoin(empty, pieces)
    case .formattedValue(let value, let conversion, let formatSpec):
      guard let object = evaluate(value) else { return nil }
      defer { rt.decref(object) }
      var spec: PyRef?
      if let formatSpec {
        guard let evaluated = evaluate(formatSpec) else { return nil }
        spec = evaluated
      }
      defer { rt.decref(spec) }
      let code = switch conversion {
      case 115: 1
      case 114: 2
      case 97: 3
      default: 0
      }
      return rt.formatValue(object, conversion: code, spec: spec)
    default:
      rt.raise("SystemError", "the test evaluator does not handle this expression")
      return nil
    }
  }
}

/// Slice objects for the tests: the runtime's `slice` type when it exists, else a stand-in
/// with the same kind and `start`/`stop`/`step` attributes.
enum TestSlice {
  /// Takes over the three references.
  static func make(_ rt: RuntimeRef, _ parts: [PyRef]) -> PyRef? {
    defer { parts.forEach(rt.decref) }
    if let real = rt.state.pointee.types.slice { return rt.call(real.object, parts) }
    let type = standIn(rt)
    guard let slice = rt.allocateObject(type) else { return nil }
    for (index, part) in parts.enumerated() {
      part.incref()
      slice.storeRef(part, at: 16 + 8 * index)
    }
    return slice
  }

  static func standIn(_ rt: RuntimeRef) -> PyType {
    if let type = rt.state.pointee.types.byName["test_slice"] { return type }
    let type = rt.makeType(name: "slice", basicSize: 40, dealloc: { raw, runtime in
      let rt = RuntimeRef(raw: runtime)
      for index in 0..<3 { rt.decref(PyRef(raw).loadRef(at: 16 + 8 * index)) }
      rt.freeObject(PyRef(raw))
    })
    type.record.pointee.getAttribute = { raw, name, runtime in
      let rt = RuntimeRef(raw: runtime)
      guard let index = ["start", "stop", "step"].firstIndex(of: StrObject.string(PyRef(name))) else {
        rt.raiseNoAttribute(PyRef(raw), PyRef(name))
        return nil
      }
      let value = PyRef(raw).loadRef(at: 16 + 8 * index)!
      value.incref()
      return value.raw
    }
    rt.readyBuiltinType(type, base: nil, kind: .slice)
    rt.state.pointee.types.byName["test_slice"] = type
    return type
  }
}

/// Runs lines of Python expressions on both sides and compares.
enum TextDifferential {
  static let script = """
    import sys
    list_of = list
    for line in sys.stdin.read().split('\\n')[:-1]:
        try:
            value = eval(line)
            print(repr(value))
        except Exception as e:
            print('!! %s: %s' % (type(e).__name__, e))
    """

  /// Each line's expected output from python3.
  static func expected(_ lines: [String]) throws -> [String] {
    let result = try PythonProcess.run(arguments: ["-W", "ignore", "-c", script],
                                       input: lines.joined(separator: "\n") + "\n")
    if result.status != 0 { Issue.record("python3 failed: \(result.errors)") }
    return result.output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
  }

  /// Checks every line against python3.
  static func check(_ lines: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let expected = try expected(lines)
    #expect(expected.count == lines.count, "python3 printed \(expected.count) lines for \(lines.count) cases",
            sourceLocation: sourceLocation)
    let runtime = Runtime(hashSeed: 0)
    let evaluator = TextEvaluator(runtime.ref)
    for (line, want) in zip(lines, expected) {
      let got = evaluator.run(line)
      #expect(got == want, "\(line)", sourceLocation: sourceLocation)
    }
  }
}
