import Foundation
import PyCompiler
import Testing
@testable import PyRuntime

/// A small call language for differential tests of the number types' constructors, methods
/// and builtins: each case is one line, run by the runtime and by python3, printed as
/// `type:repr` or `Error: Type: message`.
///
/// ```
///   call:int|s31.32|i16            int('12', 16)
///   call:int:base|s31.32|i16       int('12', base=16)
///   method:to_bytes:signed|i-1|i2|sbig.. | T   (-1).to_bytes(2, 'big', signed=True)
///   cmethod:float:fromhex|s…       float.fromhex('…')
///   op:+|i1|f3ff0000000000000      1 + 1.0 (`|` is spelled `or`)
/// ```
/// Arguments: `i<decimal>` int, `f<16 hex digits>` float by its bits, `s<dotted hex code
/// points>` str, `b<hex>` bytes, `n` None, `T`/`F`, `l1,2,3` a list of ints, `M<decimal>`
/// and `G<16 hex digits>` instances of `class MyInt(int)` and `class MyFloat(float)`,
/// `c<16 hex digits><16 hex digits>` a complex.
enum NumberCalls {
  static let script = """
    import sys, struct, operator
    class MyInt(int): pass
    class MyFloat(float): pass
    def f64(h): return struct.unpack('>d', bytes.fromhex(h))[0]
    def arg(a):
        c, r = a[0], a[1:]
        if c == 'i': return int(r)
        if c == 'f': return f64(r)
        if c == 's': return ''.join(chr(int(x, 16)) for x in r.split('.') if x)
        if c == 'b': return bytes.fromhex(r)
        if c == 'n': return None
        if c == 'T': return True
        if c == 'F': return False
        if c == 'l': return [int(x) for x in r.split(',') if x]
        if c == 'M': return MyInt(int(r))
        if c == 'G': return MyFloat(f64(r))
        if c == 'c': return complex(f64(r[:16]), f64(r[16:]))
        raise SystemExit('bad argument ' + a)
    FUN = {'int': int, 'float': float, 'bool': bool, 'round': round, 'divmod': divmod, 'pow': pow,
           'index': operator.index, 'hex': hex, 'oct': oct, 'bin': bin, 'abs': abs, 'MyInt': MyInt,
           'MyFloat': MyFloat, 'complex': complex}
    OPS = {'+': operator.add, '-': operator.sub, '*': operator.mul, '/': operator.truediv,
           '//': operator.floordiv, '%': operator.mod, '**': operator.pow, '<<': operator.lshift,
           '>>': operator.rshift, '&': operator.and_, 'or': operator.or_, '^': operator.xor,
           '@': operator.matmul, '<': operator.lt, '<=': operator.le, '==': operator.eq,
           '!=': operator.ne, '>': operator.gt, '>=': operator.ge, 'neg': operator.neg,
           'pos': operator.pos, 'invert': operator.invert}
    def split(head, args):
        names = head[2:] if head[0] != 'cmethod' else head[3:]
        if not names: return args, {}
        return args[:len(args) - len(names)], dict(zip(names, args[len(args) - len(names):]))
    def run(line):
        parts = line.split('|')
        head = parts[0].split(':')
        args, kw = split(head, [arg(a) for a in parts[1:]])
        if head[0] == 'call': return FUN[head[1]](*args, **kw)
        if head[0] == 'method': return getattr(args[0], head[1])(*args[1:], **kw)
        if head[0] == 'cmethod': return getattr(FUN[head[1]], head[2])(*args, **kw)
        if head[0] == 'op': return OPS[head[1]](*args)
        raise SystemExit('bad line ' + line)
    for line in sys.stdin.read().splitlines():
        try:
            v = run(line)
            print(type(v).__name__ + ':' + repr(v))
        except Exception as e:
            print('Error: %s: %s' % (type(e).__name__, e))
    """

  // MARK: Encoding arguments

  static func int(_ value: Int) -> String { "i\(value)" }
  static func int(_ decimal: String) -> String { "i" + decimal }
  static func float(_ value: Double) -> String {
    let hex = String(value.bitPattern, radix: 16)
    return "f" + String(repeating: "0", count: 16 - hex.count) + hex
  }
  static func str(_ text: String) -> String {
    "s" + text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: ".")
  }
  static func bytes(_ values: [UInt8]) -> String {
    "b" + values.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
  }
  static let none = "n"
  static func complex(_ real: Double, _ imag: Double) -> String { "c" + float(real).dropFirst() + float(imag).dropFirst() }

  // MARK: Running

  /// Runs every case here and in python3; records the differences.
  static func compare(_ cases: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
    let runtime = Runtime()
    let rt = runtime.ref
    let subclasses = NumberSubclasses(rt)
    let ours = cases.map { evaluate(rt, subclasses, $0) }
    let theirs = try NumberOracle.run(script: script, lines: cases)
    expectSameOutcomes(cases, swift: ours, python: theirs, seed: 0, sourceLocation: sourceLocation)
  }

  static func evaluate(_ rt: RuntimeRef, _ subclasses: NumberSubclasses, _ line: String) -> String {
    let parts = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
    let head = parts[0].split(separator: ":").map(String.init)
    var arguments: [PyRef] = []
    defer { for argument in arguments { rt.decref(argument) } }
    for text in parts.dropFirst() {
      guard let value = decode(rt, subclasses, text) else { return "Error: bad argument \(text): \(rt.errorOutcome())" }
      arguments.append(value)
    }
    let keywordNames = Array(head.dropFirst(head[0] == "cmethod" ? 3 : 2))
    return show(rt, run(rt, subclasses, head, arguments, keywordNames))
  }

  static func run(_ rt: RuntimeRef, _ subclasses: NumberSubclasses, _ head: [String], _ args: [PyRef],
                  _ keywordNames: [String]) -> PyRef? {
    let types = rt.state.pointee.types
    func callWithKeywords(_ callable: PyRef, _ args: ArraySlice<PyRef>) -> PyRef? {
      guard !keywordNames.isEmpty else { return rt.call(callable, Array(args)) }
      let names = keywordNames.map { rt.internedString($0)! }
      let tuple = rt.newTuple(names)!
      defer { rt.decref(tuple) }
      return rt.call(callable, Array(args), keywordNames: tuple)
    }
    switch head[0] {
    case "call":
      switch head[1] {
      case "int": return callWithKeywords(types.int.object, args[...])
      case "float": return callWithKeywords(types.float.object, args[...])
      case "bool": return callWithKeywords(types.bool.object, args[...])
      case "complex": return callWithKeywords(types.complex.object, args[...])
      case "MyInt": return callWithKeywords(subclasses.int.object, args[...])
      case "MyFloat": return callWithKeywords(subclasses.float.object, args[...])
      case "round": return rt.round(args[0], ndigits: args.count > 1 ? args[1] : nil)
      case "divmod": return rt.divmod(args[0], args[1])
      case "pow": return rt.power(args[0], args[1], args.count > 2 ? args[2] : nil)
      case "index": return rt.index(args[0])
      case "hex": return rt.intToString(args[0], radix: 16, prefix: true)
      case "oct": return rt.intToString(args[0], radix: 8, prefix: true)
      case "bin": return rt.intToString(args[0], radix: 2, prefix: true)
      case "abs": return rt.absolute(args[0])
      default: preconditionFailure("unknown function \(head[1])")
      }
    case "method":
      guard let method = rt.getAttribute(args[0], head[1]) else { return nil }
      defer { rt.decref(method) }
      return callWithKeywords(method, args.dropFirst())
    case "cmethod":
      let named: [String: PyType] = ["int": types.int, "float": types.float, "complex": types.complex,
                                     "MyInt": subclasses.int, "MyFloat": subclasses.float]
      let type = named[head[1]]!
      guard let method = rt.getAttribute(type.object, head[2]) else { return nil }
      defer { rt.decref(method) }
      return callWithKeywords(method, args[...])
    case "op":
      let binary: [String: BinaryOperator] = [
        "+": .add, "-": .subtract, "*": .multiply, "/": .trueDivide, "//": .floorDivide, "%": .remainder,
        "**": .power, "<<": .lshift, ">>": .rshift, "&": .and, "or": .or, "^": .xor, "@": .matrixMultiply,
      ]
      if let op = binary[head[1]] { return rt.binaryOp(args[0], args[1], UInt32(op.rawValue)) }
      let comparisons: [String: ComparisonOperator] = [
        "<": .lessThan, "<=": .lessOrEqual, "==": .equal, "!=": .notEqual, ">": .greaterThan, ">=": .greaterOrEqual,
      ]
      if let op = comparisons[head[1]] { return rt.richCompare(args[0], args[1], op) }
      let unary: [String: UInt32] = ["neg": 0, "pos": 1, "invert": 2]
      return rt.unaryOp(args[0], unary[head[1]]!)
    default:
      preconditionFailure("unknown case \(head)")
    }
  }

  static func decode(_ rt: RuntimeRef, _ subclasses: NumberSubclasses, _ text: String) -> PyRef? {
    let code = text.first!, rest = String(text.dropFirst())
    switch code {
    case "i": return rt.newInt(bigDecimal: rest)
    case "f": return rt.newFloat(Double(bitPattern: UInt64(rest, radix: 16)!))
    case "s":
      let scalars = rest.split(separator: ".").map { UInt32($0, radix: 16)! }
      return rt.newStr(codePoints: scalars)
    case "b":
      var bytes: [UInt8] = []
      var index = rest.startIndex
      while index < rest.endIndex {
        let next = rest.index(index, offsetBy: 2)
        bytes.append(UInt8(rest[index..<next], radix: 16)!)
        index = next
      }
      return rt.newBytes(bytes)
    case "n": return rt.newNone()
    case "c":
      let real = Double(bitPattern: UInt64(rest.prefix(16), radix: 16)!)
      return rt.newComplex(real: real, imag: Double(bitPattern: UInt64(rest.dropFirst(16), radix: 16)!))
    case "T": return rt.newBool(true)
    case "F": return rt.newBool(false)
    case "l":
      let list = rt.newList()!
      for item in rest.split(separator: ",") {
        let value = rt.newInt(Int(item)!)!
        rt.listAppend(list, value)
        rt.decref(value)
      }
      return list
    case "M", "G":
      guard let value = code == "M" ? rt.newInt(bigDecimal: rest) : rt.newFloat(Double(bitPattern: UInt64(rest, radix: 16)!))
      else { return nil }
      defer { rt.decref(value) }
      return rt.call((code == "M" ? subclasses.int : subclasses.float).object, [value])
    default: preconditionFailure("bad argument \(text)")
    }
  }

  static func show(_ rt: RuntimeRef, _ result: PyRef?) -> String {
    guard let result else { return rt.errorOutcome() }
    defer { rt.decref(result) }
    guard let text = rt.reprString(result) else { return rt.errorOutcome() }
    return "\(result.type.name):\(text)"
  }
}

/// `class MyInt(int): pass` and `class MyFloat(float): pass`, made as the class machinery
/// will make them: heap types whose layout is their base's, readied with it as base.
struct NumberSubclasses {
  let int: PyType
  let float: PyType

  init(_ rt: RuntimeRef) {
    int = Self.subclass(rt, "MyInt", base: rt.state.pointee.types.int)
    float = Self.subclass(rt, "MyFloat", base: rt.state.pointee.types.float)
  }

  static func subclass(_ rt: RuntimeRef, _ name: String, base: PyType) -> PyType {
    let record = base.record.pointee
    let type = rt.makeType(name: name, basicSize: record.basicSize, itemSize: record.itemSize,
                           flags: record.flags.union([.heapType, .baseType]), dealloc: deallocPlain)
    rt.readyBuiltinType(type, base: base, kind: record.kind)
    return type
  }
}
