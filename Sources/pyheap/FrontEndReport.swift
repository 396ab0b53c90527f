import PyCompiler
import PySyntax

/// The `--dump-ast` and `--tokens` modes: the front end's view of a script, in the formats
/// of CPython's own tools, so that the two can be compared with `diff`.
///
/// Errors are printed to standard error as CPython prints an uncaught `SyntaxError`, and
/// the process exits with status 1.
enum FrontEndReport {
  /// `python3 -c 'import ast; print(ast.dump(ast.parse(open(path, "rb").read())))'`, or
  /// with `includeAttributes` the same with `include_attributes=True`.
  ///
  /// The file is read as `ast.parse` reads bytes (``SourceFile/InputMode/string``), so
  /// columns and encoding errors are those of `ast.parse(open(path, "rb").read())`.
  static func dumpAST(path: String, includeAttributes: Bool) {
    switch parse(readScript(path), filename: path) {
    case .failure(let error):
      fail(error.formatted())
    case .success(let module):
      do {
        print(try module.dump(includeAttributes: includeAttributes))
      } catch {
        fail("\(error.exceptionName): \(error.message)\n")
      }
    }
  }

  /// `python3 -m tokenize -e path`: one line per token, `%-20s%-15s%-15r` of the range
  /// (line,column-line,column in code points), the exact token type and the token's text.
  static func listTokens(path: String) {
    let source = SourceFile(bytes: readScript(path), filename: path)
    var tokenizer = Tokenizer(source, includeTrivia: true)
    var out = ""
    while true {
      switch tokenizer.next() {
      case .failure(let error):
        SystemIO.writeOutput(out)
        fail(error.formatted())
      case .success(let token):
        let start = source.characterPosition(token.start)
        let end = source.characterPosition(token.end)
        let range = "\(start.line),\(start.column)-\(end.line),\(end.column):"
        let text = ConstantValue.string(source.text(of: token)).pythonRepr ?? ""
        out += padded(range, 20) + padded(token.kind.name, 15) + padded(text, 15) + "\n"
        if token.kind == .endMarker {
          SystemIO.writeOutput(out)
          return
        }
      }
    }
  }

  /// Left-justified in `width` characters, like `%-20s`.
  static func padded(_ text: String, _ width: Int) -> String {
    let count = text.count
    return count >= width ? text : text + String(repeating: " ", count: width - count)
  }

  /// The file's bytes; if it cannot be read, CPython's message and exit status 2.
  static func readScript(_ path: String) -> [UInt8] {
    guard let bytes = SystemIO.readFile(path) else {
      fail("pyheap: can't open file '\(path)': [Errno 2] No such file or directory\n", status: 2)
    }
    return bytes
  }

  /// Prints `text` to standard error and exits with `status`.
  static func fail(_ text: String, status: Int32 = 1) -> Never {
    SystemIO.writeError(text)
    SystemIO.exit(status)
  }
}

extension FrontEndReport {
  /// `pyheap --dis FILE`: the disassembly of the compiled module, or the syntax error.
  static func disassemble(path: String) {
    guard let data = SystemIO.readFile(path) else {
      SystemIO.writeError("pyheap: can't open file '\(path)'\n")
      SystemIO.exit(2)
    }
    switch parse(data, filename: path).flatMap({ compile($0, filename: path) }) {
    case .success(let code):
      print(disassembly(of: code), terminator: "")
    case .failure(let error):
      SystemIO.writeError(error.formatted())
      SystemIO.exit(1)
    }
  }
}

/// The compiler's disassembler (a free function; named apart from the report's own).
private func disassembly(of code: CodeObject) -> String { disassemble(code) }
