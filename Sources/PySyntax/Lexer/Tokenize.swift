/// Whole-stream helpers on top of ``Tokenizer``.
extension Tokenizer {
  /// Every remaining token up to and including ENDMARKER, or the first error.
  /// - Complexity: O(n) in the size of the source.
  public mutating func tokenizeAll() -> Result<[Token], PySyntaxError> {
    var tokens: [Token] = []
    tokens.reserveCapacity(bytes.count / 4 + 8)
    while true {
      switch next() {
      case .failure(let error):
        return .failure(error)
      case .success(let token):
        tokens.append(token)
        if token.kind == .endMarker { return .success(tokens) }
      }
    }
  }
}

/// Tokenizes a whole source file. `includeTrivia` selects the `tokenize` module's view (with
/// ENCODING, COMMENT and NL) instead of the parser's.
public func tokenize(
  _ source: [UInt8], filename: String, includeTrivia: Bool = false
) -> Result<[Token], PySyntaxError> {
  var tokenizer = Tokenizer(source: source, filename: filename, includeTrivia: includeTrivia)
  return tokenizer.tokenizeAll()
}

extension SourceFile {
  /// The token's string as the `tokenize` module reports it: the source text, or the
  /// encoding name for ENCODING.
  public func text(of token: Token) -> String {
    token.kind == .encoding ? encoding : text(token.byteRange)
  }

  /// A location as the `tokenize` module reports it: line and code-point column.
  public func characterPosition(_ location: SourceLocation) -> (line: Int, column: Int) {
    (location.line, characterColumn(line: location.line, byteColumn: location.column))
  }
}
