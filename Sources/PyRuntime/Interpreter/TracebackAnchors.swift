import PySyntax

/// Where the `^` go under a failing expression in a traceback line, when the expression is
/// a binary operation or a subscript: CPython 3.11 marks the operator (or the `[...]`) with
/// `^` and the rest of the expression with `~`:
///
/// ```
///     return x / norm
///            ~~^~~~~~
///     return d["key"]["other"]
///            ~~~~~~~~^^^^^^^^^
/// ```
///
/// The failing expression's text is parsed again on its own; any other expression (a
/// call, an attribute) keeps plain `^` under its whole width.
/// CPython: Python/traceback.c, `extract_anchors_from_line()`.
enum TracebackAnchors {
  /// The anchors as UTF-8 byte offsets into `segment` (start inclusive, end exclusive), or
  /// nil when the segment is not a binary operation or a subscript.
  static func anchors(in segment: [UInt8]) -> Range<Int>? {
    guard case .success(let module) = parse(segment, filename: "<string>"),
          module.body.count == 1, case .expr(let expression) = module.body[0].kind else { return nil }
    switch expression.kind {
    case .binOp(let left, _, let right):
      guard left.span.endLineno == 1, right.span.lineno == 1 else { return nil }
      var index = left.span.endColOffset
      // Skip the blanks and the closing parentheses between the left operand and the
      // operator: `(x) / y` marks the `/`.
      while index < right.span.colOffset, isBlank(segment[index]) || segment[index] == UInt8(ascii: ")") { index += 1 }
      guard index < right.span.colOffset else { return nil }
      // A two-character operator (`//`, `**`, `<<`) gets two carets.
      let twoCharacters = index + 1 < right.span.colOffset && !isBlank(segment[index + 1])
      return index..<(index + (twoCharacters ? 2 : 1))
    case .subscript(let value, let slice, _):
      guard value.span.endLineno == 1, slice.span.endLineno == 1 else { return nil }
      var start = value.span.endColOffset
      var end = slice.span.endColOffset + 1
      while start < segment.count, segment[start] != UInt8(ascii: "[") { start += 1 }
      while end < segment.count, segment[end] != UInt8(ascii: "]") { end += 1 }
      if end < segment.count { end += 1 }
      return start < end ? start..<min(end, segment.count) : nil
    default:
      return nil
    }
  }

  private static func isBlank(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0C || byte == 0x0A || byte == 0x0D
  }

  /// The marker line under `segment`: `~` with `^` at the anchors, one per character.
  static func markers(for segment: [UInt8]) -> String {
    guard let anchors = anchors(in: segment) else {
      return String(repeating: "^", count: String(decoding: segment, as: UTF8.self).count)
    }
    let before = String(decoding: segment[..<anchors.lowerBound], as: UTF8.self).count
    let inside = String(decoding: segment[anchors], as: UTF8.self).count
    let after = String(decoding: segment[anchors.upperBound...], as: UTF8.self).count
    return String(repeating: "~", count: before) + String(repeating: "^", count: inside)
      + String(repeating: "~", count: after)
  }
}
