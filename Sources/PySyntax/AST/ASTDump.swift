/// `ast.dump(ast.parse(source))` for a ``Module``: the same text, byte for byte, as CPython
/// 3.11 with default arguments.
///
/// The format: `ClassName(field=value, …)` for every node, fields in CPython's order, lists
/// in brackets, identifiers and constants as their `repr()`, and no location attributes. A
/// field is left out when its value is None and the field is optional in the ASDL (`expr?`),
/// so `Constant(value=None)` keeps its field but `arg(arg='x')` has no `annotation=`; empty
/// lists are printed (`decorator_list=[]`), as 3.11 does (3.13 leaves them out too).
///
/// ```
/// Module(body=[Expr(value=Call(func=Name(id='print', ctx=Load()), args=[Constant(value=1)],
/// keywords=[]))], type_ignores=[])
/// ```
///
/// The printer walks the tree with a work stack of its own, not by recursion, so any tree the
/// parser can build prints without deep native stacks. Each node is described by its class
/// name and fields (ASTDump+Expr.swift, ASTDump+Stmt.swift); the children stay unexpanded
/// until the printer reaches them.
///
/// CPython: Lib/ast.py, `dump()`.
extension Module {
  /// The dump, or an error where CPython's `ast.dump` raises `ValueError`: an int literal
  /// with more than 4,300 decimal digits (written in hexadecimal, say) has no `repr()`.
  ///
  /// With `includeAttributes`, every node that has a location also prints it, as
  /// `ast.dump(…, include_attributes=True)` does: `lineno=1, col_offset=0, end_lineno=1,
  /// end_col_offset=5` after its fields.
  public func dump(includeAttributes: Bool = false) throws(ASTDumpError) -> String {
    var dumper = ASTDumper(includeAttributes: includeAttributes)
    try dumper.run(.module(self))
    return String(decoding: dumper.out, as: UTF8.self)
  }
}

/// Why ``Module/dump()`` could not print a tree, as the Python exception CPython raises.
public struct ASTDumpError: Error, Hashable, Sendable {
  /// `ValueError`.
  public var exceptionName: String
  public var message: String

  static let integerTooLong = ASTDumpError(
    exceptionName: "ValueError",
    message: "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit")
}

/// A field value waiting to be printed: a node (expanded only when printed), a list, or text.
///
/// The large records are `indirect` so that the value, copied on and off the printer's
/// stack for every node, stays a few words long.
enum DumpValue {
  indirect case module(Module)
  case expr(Expr)
  case stmt(Stmt)
  case pattern(Pattern)
  indirect case arguments(Arguments)
  indirect case arg(Arg)
  indirect case keyword(Keyword)
  indirect case comprehension(Comprehension)
  indirect case alias(Alias)
  indirect case withItem(WithItem)
  indirect case handler(ExceptHandler)
  indirect case matchCase(MatchCase)
  indirect case typeIgnore(TypeIgnore)
  case list([DumpValue])
  /// Text printed as is: a repr, a number, `None`, `Load()`.
  case text(String)
  case constant(ConstantValue)
}

/// One node: its class name, its fields (optional ones already left out when nil) and, for
/// classes with location attributes, its span.
struct DumpNode {
  var name: StaticString
  var fields: [(name: StaticString, value: DumpValue)]
  var span: SourceSpan?
}

/// Prints ``DumpValue``s into a byte buffer with an explicit stack.
struct ASTDumper {
  enum Work {
    case value(DumpValue)
    case text(StaticString)
    /// `, ` and the field's name and `=`; no comma before a node's first field.
    case field(StaticString, first: Bool)
  }

  var out: [UInt8] = []
  let includeAttributes: Bool

  init(includeAttributes: Bool) {
    self.includeAttributes = includeAttributes
    out.reserveCapacity(1 << 16)
  }

  mutating func write(_ text: StaticString) {
    text.withUTF8Buffer { out.append(contentsOf: $0) }
  }

  mutating func write(_ text: String) { out.append(contentsOf: text.utf8) }

  /// Prints `root` and everything below it.
  mutating func run(_ root: DumpValue) throws(ASTDumpError) {
    var stack: [Work] = [.value(root)]
    while let work = stack.popLast() {
      switch work {
      case .text(let text):
        write(text)
      case .field(let name, let first):
        if !first { write(", ") }
        write(name)
        out.append(UInt8(ascii: "="))
      case .value(let value):
        try print(value, pushingOnto: &stack)
      }
    }
  }

  /// Prints what `value` starts with and pushes the rest, last part first.
  mutating func print(_ value: DumpValue, pushingOnto stack: inout [Work]) throws(ASTDumpError) {
    switch value {
    case .text(let text):
      write(text)
    case .constant(let constant):
      guard let text = constant.pythonRepr else { throw .integerTooLong }
      write(text)
    case .list(let items):
      out.append(UInt8(ascii: "["))
      stack.append(.text("]"))
      for (index, item) in items.enumerated().reversed() {
        stack.append(.value(item))
        if index > 0 { stack.append(.text(", ")) }
      }
    default:
      let node = ASTDumper.describe(value)
      write(node.name)
      out.append(UInt8(ascii: "("))
      stack.append(.text(")"))
      var parts: [(StaticString, DumpValue)] = node.fields
      if includeAttributes, let span = node.span {
        parts += [("lineno", .text(String(span.lineno))), ("col_offset", .text(String(span.colOffset))),
                  ("end_lineno", .text(String(span.endLineno))), ("end_col_offset", .text(String(span.endColOffset)))]
      }
      for (index, part) in parts.enumerated().reversed() {
        stack.append(.value(part.1))
        stack.append(.field(part.0, first: index == 0))
      }
    }
  }

  /// The class name and fields of a node.
  static func describe(_ value: DumpValue) -> DumpNode {
    switch value {
    case .module(let module):
      return DumpNode(name: "Module", fields: [
        ("body", .list(module.body.map { .stmt($0) })),
        ("type_ignores", .list(module.typeIgnores.map { .typeIgnore($0) })),
      ])
    case .typeIgnore(let ignore):
      return DumpNode(name: "TypeIgnore", fields: [("lineno", .text(String(ignore.lineno))), ("tag", .identifier(ignore.tag))])
    case .expr(let expr): return describe(expr)
    case .stmt(let stmt): return describe(stmt)
    case .pattern(let pattern): return describe(pattern)
    case .arguments(let arguments): return describe(arguments)
    case .arg(let arg): return describe(arg)
    case .keyword(let keyword): return describe(keyword)
    case .comprehension(let comprehension): return describe(comprehension)
    case .alias(let alias): return describe(alias)
    case .withItem(let item): return describe(item)
    case .handler(let handler): return describe(handler)
    case .matchCase(let matchCase): return describe(matchCase)
    case .list, .text, .constant:
      preconditionFailure("ASTDumper.describe: not a node")
    }
  }
}

extension DumpValue {
  /// An identifier (or other `str` field), as its repr.
  static func identifier(_ name: String) -> DumpValue { .text(PythonRepr.string(Array(name.utf8))) }

  /// An optional identifier; nil when absent (the field is then left out).
  static func identifier(_ name: String?) -> DumpValue? { name.map { .identifier($0) } }

  static func exprs(_ items: [Expr]) -> DumpValue { .list(items.map { .expr($0) }) }

  static func stmts(_ items: [Stmt]) -> DumpValue { .list(items.map { .stmt($0) }) }

  static func patterns(_ items: [Pattern]) -> DumpValue { .list(items.map { .pattern($0) }) }

  static func identifiers(_ items: [String]) -> DumpValue { .list(items.map { .identifier($0) }) }

  /// An operator or context: `Add()`, `Load()`.
  static func singleton(_ name: String) -> DumpValue { .text(name + "()") }

  /// A Python bool stored as CPython's int field: `1` or `0`.
  static func flag(_ value: Bool) -> DumpValue { .text(value ? "1" : "0") }
}

/// Builds a field list, leaving out optional fields that are nil.
struct DumpFields {
  var fields: [(name: StaticString, value: DumpValue)] = []

  mutating func add(_ name: StaticString, _ value: DumpValue) { fields.append((name, value)) }

  mutating func add(_ name: StaticString, _ value: DumpValue?) {
    if let value { fields.append((name, value)) }
  }

  mutating func add(_ name: StaticString, _ value: Expr?) {
    if let value { fields.append((name, .expr(value))) }
  }
}
