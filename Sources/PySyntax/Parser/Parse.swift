/// Parses Python source into a ``Module``, as `ast.parse(source)` does for a bytes object.
///
/// The bytes are decoded as `compile()` decodes a bytes object (``SourceFile/InputMode/string``):
/// a coding cookie or byte-order mark is honoured; without one, ill-formed UTF-8 is an error
/// only where it is used (in a name or a string literal). Errors are CPython's `SyntaxError`,
/// `IndentationError` or `TabError`, with its message and positions.
///
/// ```swift
/// switch parse(Array("x = 1 +* 2\n".utf8), filename: "demo.py") {
/// case .success(let module): print(try module.dump())
/// case .failure(let error): print(error.formatted(), terminator: "")   // SyntaxError: invalid syntax
/// }
/// ```
///
/// - Complexity: O(n) in the size of the source.
public func parse(_ source: [UInt8], filename: String = "<unknown>") -> Result<Module, PySyntaxError> {
  Parser.parseModule(SourceFile(bytes: source, filename: filename, mode: .string))
}
