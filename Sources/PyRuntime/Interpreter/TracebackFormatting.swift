import PyCompiler
import PySyntax

/// Printing exceptions the way CPython 3.11 does: the chain of causes and contexts, each
/// with its "Traceback (most recent call last):" block, source lines and carets, and the
/// final `Type: message` line. CPython: Lib/traceback.py, Python/pythonrun.c
/// (`print_exception_recursive`).
extension RuntimeRef {
  /// The full report for an uncaught exception, chained exceptions first.
  public func formatException(_ exception: PyRef) -> String {
    var seen: Set<UnsafeMutableRawPointer> = []
    return formatChain(exception, &seen)
  }

  private func formatChain(_ exception: PyRef, _ seen: inout Set<UnsafeMutableRawPointer>) -> String {
    seen.insert(exception.raw)
    var text = ""
    if isException(exception) {
      if let cause = ExceptionObject.cause(exception), !seen.contains(cause.raw) {
        text += formatChain(cause, &seen)
        text += "\nThe above exception was the direct cause of the following exception:\n\n"
      } else if !ExceptionObject.suppressesContext(exception), let context = ExceptionObject.context(exception),
                !seen.contains(context.raw) {
        text += formatChain(context, &seen)
        text += "\nDuring handling of the above exception, another exception occurred:\n\n"
      }
    }
    text += formatTraceback(of: exception)
    text += formatExceptionOnly(exception)
    return text
  }

  /// The "Traceback (most recent call last):" block of an exception, or "" without one.
  public func formatTraceback(of exception: PyRef) -> String {
    guard isException(exception), var entry = ExceptionObject.traceback(exception) else { return "" }
    var text = "Traceback (most recent call last):\n"
    var lastKey = ""
    var repeats = 0
    func flushRepeats() {
      if repeats > 3 {
        text += "  [Previous line repeated \(repeats - 3) more time\(repeats - 3 == 1 ? "" : "s")]\n"
      }
    }
    while true {
      let code = CodeType.code(TracebackType.code(entry))
      let line = TracebackType.line(entry)
      let key = "\(code.filename):\(line):\(code.name)"
      if key == lastKey {
        repeats += 1
      } else {
        flushRepeats()
        lastKey = key
        repeats = 1
      }
      if repeats <= 3 {
        text += "  File \"\(code.filename)\", line \(line), in \(code.name)\n"
        let lasti = entry.raw.load(fromByteOffset: TracebackType.lastiOffset, as: Int.self)
        text += sourceLineWithCarets(code.filename, line, code.lineTable.position(at: lasti))
      }
      guard let next = TracebackType.next(entry) else { break }
      entry = next
    }
    flushRepeats()
    return text
  }

  /// `    source line\n` and, when the failing expression is only part of it, a caret line.
  private func sourceLineWithCarets(_ filename: String, _ line: Int, _ position: SourcePosition?) -> String {
    guard let source = sourceLine(filename, line) else { return "" }
    let utf8 = Array(source.utf8)
    var start = 0
    while start < utf8.count, utf8[start] == 0x20 || utf8[start] == 0x09 { start += 1 }
    var end = utf8.count
    while end > start, utf8[end - 1] == 0x20 || utf8[end - 1] == 0x09 || utf8[end - 1] == 0x0A || utf8[end - 1] == 0x0D { end -= 1 }
    guard start < end else { return "" }
    var text = "    " + String(decoding: utf8[start..<end], as: UTF8.self) + "\n"
    if let position, position.line == Int32(line), position.endLine == Int32(line) {
      let column = Int(position.column), endColumn = Int(position.endColumn)
      if column >= start, endColumn <= end, endColumn > column, !(column == start && endColumn == end) {
        let prefix = String(decoding: utf8[start..<column], as: UTF8.self).count
        text += "    " + String(repeating: " ", count: prefix)
          + TracebackAnchors.markers(for: Array(utf8[column..<endColumn])) + "\n"
      }
    }
    return text
  }

  /// Line `line` (1-based) of a source file, read once and cached.
  func sourceLine(_ filename: String, _ line: Int) -> String? {
    if state.pointee.interpreter.sourceCache[filename] == nil {
      guard let bytes = FileSystem.read(filename) else { return nil }
      state.pointee.interpreter.sourceCache[filename] = String(decoding: bytes, as: UTF8.self)
        .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
    guard let lines = state.pointee.interpreter.sourceCache[filename], line >= 1, line <= lines.count else { return nil }
    return lines[line - 1]
  }

  /// The last line(s) of a traceback: `Type: message` (with the source excerpt of a
  /// `SyntaxError`).
  public func formatExceptionOnly(_ exception: PyRef) -> String {
    // Tracebacks name classes of `__main__` and `builtins` without their module.
    var name = qualifiedTypeName(exception.type)
    if name.hasPrefix("__main__.") { name.removeFirst("__main__.".count) }
    if isInstance(exception, exceptionType("SyntaxError")), let report = syntaxErrorReport(exception) {
      return report
    }
    let message = exceptionMessage(exception)
    return message.isEmpty ? "\(name)\n" : "\(name): \(message)\n"
  }

  private func syntaxErrorReport(_ exception: PyRef) -> String? {
    let args = ExceptionObject.arguments(exception)
    guard TupleObject.count(args) == 2, let details = TupleObject.item(args, 1), details.type.record.pointee.kind == .tuple,
          TupleObject.count(details) >= 4 else { return nil }
    let message = strString(TupleObject.item(args, 0)!) ?? ""
    let filename = strString(TupleObject.item(details, 0)!) ?? "?"
    let line = IntObject.exactValue(TupleObject.item(details, 1)!) ?? 0
    let column = IntObject.exactValue(TupleObject.item(details, 2)!) ?? 0
    let endColumn = TupleObject.count(details) >= 6 ? (IntObject.exactValue(TupleObject.item(details, 5)!) ?? column) : column
    let sourceObject = TupleObject.item(details, 3)!
    let name = exception.type.name
    guard let source = isInstance(sourceObject, state.pointee.types.str) ? StrObject.string(sourceObject) : nil else {
      return "  File \"\(filename)\", line \(line)\n\(name): \(message)\n"
    }
    let error = PySyntaxError(kind: .syntax, message: message, filename: filename, line: line, column: column,
                                       endLine: line, endColumn: endColumn, text: source)
    // PySyntax formats the excerpt and carets exactly as CPython does; keep its type name.
    let formatted = error.formatted()
    guard let lastNewline = formatted.dropLast().lastIndex(of: "\n") else { return formatted }
    return String(formatted[...lastNewline]) + "\(name): \(message)\n"
  }
}
