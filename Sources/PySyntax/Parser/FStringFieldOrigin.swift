/// Where the expression of an f-string replacement field sits in the enclosing source.
///
/// CPython 3.11 parses a field `{expr…}` by copying its text into a new buffer as `(expr…)`
/// and running a second parser on it. The `(` takes the place of the `{`, so a token on the
/// buffer's first line is moved right by the `{`'s column, and every token is moved down by
/// the `{`'s line. Tokens on later lines of the buffer keep their columns: those lines start
/// where lines of the enclosing source start.
///
/// Errors inside the field keep the moved line but have the `{`'s column taken off again,
/// as CPython reports them (see ``Parser/locatedError(_:_:line:byteColumn:endLine:endByteColumn:plusOne:translated:)``).
///
/// CPython: Parser/string_parser.c, `fstring_find_expr_location()` and
/// `fstring_compile_expr()`; Parser/pegen.c, `initialize_token()` (`starting_lineno`,
/// `starting_col_offset`).
struct FStringFieldOrigin {
  /// Line of the `{`.
  var line: Int
  /// Byte column of the `{`.
  var column: Int

  /// A location in the buffer, moved to the enclosing source.
  func translate(_ location: SourceLocation) -> SourceLocation {
    SourceLocation(offset: location.offset, line: line + location.line - 1,
                   column: location.line == 1 ? column + location.column : location.column)
  }
}
